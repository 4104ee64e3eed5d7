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


def choice_from_url(param: str, valid: Mapping[Any, Any] | tuple[Any, ...]) -> Any:
    """A choice bound to the URL's `param`: what the URL asks for when it changed since the
    last run (a link, a reload, the browser's back button), else None, so the URL decides only
    then and a choice made in the page is not undone by the URL it left behind."""
    seen = f"{param}__url_seen"
    requested = st.query_params.get(param)
    if requested == st.session_state.get(seen):
        return None
    st.session_state[seen] = requested
    return requested if requested in valid else None


def choice_to_url(param: str, chosen: Any, default: Any) -> None:
    """Write the choice shown into the URL (the default leaves it out), so a reload or a copied
    link keeps it; `choice_from_url` then sees the URL as already followed."""
    wanted = None if chosen == default else chosen
    if st.query_params.get(param) != wanted:
        if wanted is None:
            st.query_params.pop(param, None)
        else:
            st.query_params[param] = wanted
    st.session_state[f"{param}__url_seen"] = wanted
