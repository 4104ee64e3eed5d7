"""What the app changes about Streamlit's own page: `<html lang>` and a few English hints of
Streamlit's widgets that the app does not need (issue 14). The one place for both.

Every rule here removes English that Streamlit writes itself and no setting or widget parameter
turns off (checked against the 1.67 frontend bundle); where the hint carried information, the
page says it in the catalogue's words instead. tests/e2e/test_accessibility.py checks that the
Dutch pages show none of it.
"""

from __future__ import annotations

import streamlit as st

from belangen import texts
from belangen.ui.language import language

STREAMLIT_HINTS_CSS = """<style>
/* "Press Enter to apply" / "Press Ctrl+Enter to apply" under a focused text field. Outside
   st.form there is no parameter for it, and here it misleads: Enter only hands the text to the
   page, the form's own button saves it. The same element would show a max_chars counter; no
   field of the app sets max_chars. */
[data-testid="InputInstructions"] { display: none; }
/* "50MB per file • ZIP" in the file uploader: the page says it in words under the uploader. */
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
/* The toolbar of the app's read-only tables ("Download as CSV", "Search", "Fullscreen",
   "Show/hide columns"): the tables are a few rows long and Gegevens exports all of it. */
[data-testid="stElementContainer"]:has([data-testid="stDataFrame"])
  [data-testid="stElementToolbar"] { display: none; }
</style>"""

# The app's own constant script, never user text: the only value put in is a key of
# texts.LANGUAGES, checked first.
_DOCUMENT_LANGUAGE = "<script>document.documentElement.lang = {lang!r};</script>"


def streamlit_chrome() -> None:
    """Called by app.py every run: the CSS above (a style-only st.html takes no space) and the
    document's language."""
    st.html(STREAMLIT_HINTS_CSS)
    document_language()


def language_script(lang: str) -> str:
    """The script that sets `<html lang>`; refuses anything but a language of the catalogue."""
    if lang not in texts.LANGUAGES:  # language() guarantees it; the script must never get more
        raise ValueError(f"unknown language {lang!r}")
    return _DOCUMENT_LANGUAGE.format(lang=lang)


def app_html() -> set[str]:
    """Everything the app ever hands to st.html: constants, no user text (tests check it)."""
    return {STREAMLIT_HINTS_CSS, *(language_script(lang) for lang in texts.LANGUAGES)}


def document_language() -> None:
    """`<html lang>` follows the user's language, so screen readers pronounce the Dutch as Dutch
    (Streamlit serves its page as `lang="en"` and has no setting for it). Drawn in the sidebar:
    an element there costs the layout no visible space, as one in the main area would."""
    st.sidebar.html(language_script(language()), unsafe_allow_javascript=True)
