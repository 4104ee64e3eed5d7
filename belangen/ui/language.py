"""The user's language and the catalogue texts in it."""

from __future__ import annotations

import streamlit as st

from belangen import texts
from belangen.ui.state import choice_from_url, choice_to_url, picker_shown, seed_picker

LANGUAGE_KEY = "lang"


CHOSEN_LANGUAGE_KEY = "language_chosen"




def language() -> str:
    """The user's language, kept under a plain key: it outlives the sidebar widget, which
    Streamlit may forget when the page changes."""
    lang = st.session_state.get(CHOSEN_LANGUAGE_KEY, texts.DEFAULT_LANGUAGE)
    return lang if lang in texts.LANGUAGES else texts.DEFAULT_LANGUAGE


def tr(key: str, **params: object) -> str:
    """The catalogue text for `key` in the user's language."""
    return texts.t(key, language(), **params)


def tr_count(key: str, count: int, **params: object) -> str:
    """The singular or plural text for `count` (`<key>.one` / `<key>.other`)."""
    return texts.t_count(key, count, language(), **params)


def language_picker() -> None:
    """Language choice in the sidebar, kept as `?lang=en` in the URL so a link or a reload keeps
    it (Streamlit's own URL binding would write the label, `?lang=English`). The URL is read
    only when its value changes, so it never undoes a choice made in the sidebar."""
    requested = choice_from_url(LANGUAGE_KEY, texts.LANGUAGES)
    if requested is not None:
        st.session_state[CHOSEN_LANGUAGE_KEY] = requested
    seed_picker(LANGUAGE_KEY, language(), texts.LANGUAGES)
    chosen = st.sidebar.selectbox(
        "Taal / Language",
        options=list(texts.LANGUAGES),
        format_func=texts.LANGUAGES.__getitem__,
        key=LANGUAGE_KEY,
        persist_state="session",
    )
    picker_shown(LANGUAGE_KEY, chosen, texts.LANGUAGES)
    st.session_state[CHOSEN_LANGUAGE_KEY] = chosen
    choice_to_url(LANGUAGE_KEY, chosen, texts.DEFAULT_LANGUAGE)
