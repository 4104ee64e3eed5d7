"""Nothing leaves the page that should not: the privacy refusal, the app's own message for an
unexpected error (details to the terminal only), and the texts of refusals."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from belangen import privacy
from belangen.domain import ValidationError
from belangen.store import (
    ConcurrentEdit,
    NotFound,
    SaveFailed,
)
from belangen.ui.language import tr
from belangen.ui.text import plain


class _Terminal(logging.StreamHandler):
    """Writes to the terminal the app runs in: whatever `sys.stderr` is at that moment."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter("Belangen: %(message)s"))

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


_LOG = logging.getLogger("belangen")


if not any(isinstance(handler, _Terminal) for handler in _LOG.handlers):
    _LOG.addHandler(_Terminal())


UNEXPECTED_ERROR_KEY = "belangen_unexpected_error"


def refuse_unless_private() -> None:
    """Called first in app.py: stop before any data is read when this server could let the
    notes leave the machine. Streamlit takes its settings from the folder it is started in, so
    `streamlit run` from elsewhere gets its defaults (every interface, usage statistics on)."""
    problems = privacy.problems(st.get_option)
    if not problems:
        return
    message = tr("privacy.refused", problems="\n".join(f"- {tr(key)}" for key in problems))
    print(f"Belangen: {message}", file=sys.stderr)
    st.error(message, icon=":material/gpp_bad:")
    st.stop()


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Around everything app.py runs: an unexpected error shows the app's own short message in
    the user's language, and its details go to the terminal only. Streamlit's own box shows the
    traceback with file paths and offers to send the error text, which can hold the user's
    notes, to a search engine or a chatbot. `st.stop`/`st.rerun` are no errors and pass."""
    try:
        yield
    except Exception:
        _LOG.error("unexpected error; the page showed a short message", exc_info=True)
        with st.container(key=UNEXPECTED_ERROR_KEY):
            st.error(tr("error.unexpected"), icon=":material/error:")


def error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return tr(error.message_key, **error.params)
    if isinstance(error, ConcurrentEdit):
        return tr("error.changed_elsewhere")
    if isinstance(error, NotFound):
        return tr("error.not_found")
    if isinstance(error, SaveFailed):
        return tr(error.message_key, path=plain(str(error.path)))
    raise error
