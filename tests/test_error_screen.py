"""Issue 11, finding 3: an unexpected error shows the app's own short message in the user's
language, never Streamlit's box with the traceback, file paths and the buttons that send the
error text (which can hold the user's notes) to a search engine or a chatbot. The details go to
the terminal the app runs in, and nowhere else."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from belangen import texts

ROOT = Path(__file__).resolve().parent.parent
SECRET = "notitie over de wethouder 5d1e"


def raising_page() -> None:
    """A page that fails the way a bug would, with the user's text in the error."""
    from belangen import ui

    ui.language_picker()
    with ui.friendly_errors():
        notes = {"wethouder": "..."}
        notes["notitie over de wethouder 5d1e"]  # a KeyError that carries user text


def all_text(app: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "error", "warning", "info", "exception", "code", "text"):
        parts += [str(getattr(element, "value", "")) for element in app.get(kind)]
    return "\n".join(parts)


@pytest.mark.provokes_error
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_error_shows_the_apps_message_and_no_details(
    lang: str, capfd: pytest.CaptureFixture[str]
) -> None:
    app = AppTest.from_function(raising_page, default_timeout=30)
    app.query_params["lang"] = lang  # as a link with ?lang=en opens the app
    app.run()

    assert not app.exception, "Streamlit's own error box was drawn"
    (message,) = [error.value for error in app.error]
    assert message == texts.t("error.unexpected", lang)
    shown = all_text(app)
    for leak in (SECRET, "Traceback", "KeyError", ".py", "google", "chatgpt"):
        assert leak.lower() not in shown.lower(), leak
    logged = capfd.readouterr().err
    assert "Traceback" in logged and SECRET in logged, "the details must reach the terminal"


def test_streamlit_itself_shows_no_error_details() -> None:
    """Errors outside the page run (a callback, say) fall back to Streamlit's box: it must show
    only a generic message, without the error text and without the outside links."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
