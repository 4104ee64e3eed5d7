"""What the app changes about Streamlit's own page: `<html lang>`, a few English hints of
Streamlit's widgets that the app does not need, and keyboard focus after a save (issue 14).
The one place for the app's own HTML and scripts: constants, never user text; the parameters
they take are checked (a catalogue language) or travel as JSON (a widget's key).

Every rule here removes English that Streamlit writes itself and no setting or widget parameter
turns off (checked against the 1.67 frontend bundle); where the hint carried information, the
page says it in the catalogue's words instead. tests/e2e/test_accessibility.py checks that the
Dutch pages show none of it.
"""

from __future__ import annotations

import itertools
import json
import re

import streamlit as st

from belangen import texts
from belangen.ui.language import language

# - "Press Enter to apply" / "Press Ctrl+Enter to apply" under a focused text field. Outside
#   st.form there is no parameter for it, and here it misleads: Enter only hands the text to the
#   page, the form's own button saves it. The same element would show a max_chars counter; no
#   field of the app sets max_chars.
# - "50MB per file • ZIP" in the file uploader: the page says it in words under the uploader.
# - The toolbar of the app's read-only tables ("Download as CSV", "Search", "Fullscreen",
#   "Show/hide columns"): the tables are a few rows long and Gegevens exports all of it.
# (Comments stay out of the style sheet itself: it is sent to the page on every run.)
STREAMLIT_HINTS_CSS = """<style>
[data-testid="InputInstructions"] { display: none; }
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
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
    """The constant HTML the app hands to st.html (tests check it carries no user text)."""
    return {STREAMLIT_HINTS_CSS, *(language_script(lang) for lang in texts.LANGUAGES)}


def is_app_html(body: str) -> bool:
    """Whether raw HTML on the page is the app's own: a constant, or the focus script with a
    JSON selector and a number, nothing else."""
    if body in app_html():
        return True
    pattern = re.escape(_FOCUS_SCRIPT.replace("{{", "{").replace("}}", "}"))
    pattern = pattern.replace(re.escape("{selector}"), r'"[^"<>\\]*"').replace(
        re.escape("{nonce}"), r"\d+")
    return re.fullmatch(pattern, body) is not None


def document_language() -> None:
    """`<html lang>` follows the user's language, so screen readers pronounce the Dutch as Dutch
    (Streamlit serves its page as `lang="en"` and has no setting for it). Drawn in the sidebar:
    an element there costs the layout no visible space, as one in the main area would."""
    st.sidebar.html(language_script(language()), unsafe_allow_javascript=True)


# --- Focus after a save ----------------------------------------------------------------------

FOCUS_REQUEST_KEY = "chrome_focus_request"

# Waits for the element (the page may still be drawing), brings it to the middle of the window
# and gives it keyboard focus; gives up quietly after about three seconds. For a few seconds
# more it brings the element back into view if what is drawn above it pushes it away (seen on a
# busy machine), until focus moves on or the user scrolls, types or clicks.
_FOCUS_SCRIPT = """<script>
(() => {{
  const selector = {selector};
  let tries = 0;
  const keepInView = (element) => {{
    let checks = 0;
    let userMoved = false;
    for (const type of ["wheel", "touchmove", "keydown", "pointerdown"]) {{
      window.addEventListener(type, () => {{ userMoved = true; }}, {{once: true, capture: true}});
    }}
    const check = () => {{
      if (userMoved || document.activeElement !== element || ++checks > 30) return;
      const box = element.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) {{
        element.scrollIntoView({{block: "center"}});
      }}
      setTimeout(check, 100);
    }};
    setTimeout(check, 100);
  }};
  const attempt = () => {{
    const element = document.querySelector(selector);
    if (element) {{
      element.scrollIntoView({{block: "center"}});
      element.focus({{preventScroll: true}});
      keepInView(element);
    }} else if (++tries < 60) {{
      setTimeout(attempt, 50);
    }}
  }};
  attempt();
}})();
</script><!-- {nonce} -->"""

_nonces = itertools.count()


def _json_for_script(value: str) -> str:
    """A JSON string literal that cannot end the script element it sits in."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e")


def request_focus(target: str) -> None:
    """Ask that the next drawing of `target` (a name the page gives its first field) takes focus."""
    st.session_state[FOCUS_REQUEST_KEY] = target


def focus_if_requested(target: str, widget_key: str, *, element: str = "input") -> bool:
    """Called where `target` was just drawn as the widget `widget_key`: if a save asked for it,
    move keyboard focus there once (a later run leaves focus where the user put it).
    `element`: "textarea" for a text area."""
    if st.session_state.get(FOCUS_REQUEST_KEY) != target:
        return False
    if element not in ("input", "textarea"):
        raise ValueError(f"cannot focus a {element!r}")
    del st.session_state[FOCUS_REQUEST_KEY]
    selector = f".st-key-{widget_key} {element}"
    # A new comment each time, so the browser sees a new element and runs the script again.
    st._event.html(_FOCUS_SCRIPT.format(selector=_json_for_script(selector),
                                        nonce=next(_nonces)),
                   unsafe_allow_javascript=True)
    return True
