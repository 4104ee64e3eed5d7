"""Streamlit's state rules in one place: widget keys vanish in runs that do not draw them, so
pickers are seeded from plain keys they mirror, and drafts are captured at the start of each run
(see `belangen.form_state`)."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any, cast

import streamlit as st

from belangen import form_state


def session() -> MutableMapping[str, Any]:
    """Streamlit's session state as the mapping `belangen.form_state` works on (it is one,
    though not declared so)."""
    return cast(MutableMapping[str, Any], st.session_state)


def begin_run() -> None:
    """First thing app.py does in every run: keep what the user typed on the previous screen
    as a draft before Streamlit forgets the widgets this run does not draw (see `form_state`).
    Only app.py calls it, so it runs once per run."""
    form_state.capture_drafts(session())


def seed_picker(key: str, current: Any, options: Mapping[Any, str]) -> None:
    """Before drawing a keyed picker that shows a choice kept in plain state (`current`): seed
    its widget key when it is absent (not drawn last run), no longer an option, or when the
    choice was changed elsewhere (another page, a link) since the picker was last drawn. A
    choice the user just made in the picker is left alone.

    `options` maps each option to its text. The browser keeps the text of the chosen option as
    it was when chosen: when that text changed since the last drawing (○ to ✓ after a save, a
    renamed project), the choice is set again so the box shows the new text."""
    value = st.session_state.get(key)
    changed_elsewhere = value != current and st.session_state.get(f"{key}__shown") != current
    if value not in options or changed_elsewhere:
        st.session_state[key] = current
    elif st.session_state.get(f"{key}__shown_text") not in (None, options[value]):
        st.session_state[key] = value


def picker_shown(key: str, chosen: Any, options: Mapping[Any, str]) -> None:
    """After drawing it: what the picker showed, for `seed_picker` in the next run."""
    st.session_state[f"{key}__shown"] = chosen
    st.session_state[f"{key}__shown_text"] = options[chosen]
