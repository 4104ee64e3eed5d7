"""The app's own few lines of JavaScript in the page, for what Streamlit cannot do itself (moving
keyboard focus after a save).

Only the constant scripts below ever run; their parameters travel as JSON, never as user text.
They go to Streamlit's event container (`st._event`, where toasts live), so they take no room
on the page.
"""

from __future__ import annotations

import itertools
import json

import streamlit as st

FOCUS_REQUEST_KEY = "page_script_focus_request"

# Waits for the element (the page may still be drawing), brings it to the middle of the window
# and gives it keyboard focus; gives up quietly after about three seconds.
_FOCUS_SCRIPT = """<script>
(() => {{
  const selector = {selector};
  let tries = 0;
  const attempt = () => {{
    const element = document.querySelector(selector);
    if (element) {{
      element.scrollIntoView({{block: "center"}});
      element.focus({{preventScroll: true}});
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


def is_page_script(body: str) -> bool:
    """Whether raw HTML on the page is one of these scripts (for tests that allow no other)."""
    head = _FOCUS_SCRIPT.split("{selector}")[0].replace("{{", "{").replace("}}", "}")
    return body.startswith(head)


def request_focus(target: str) -> None:
    """Ask that the next drawing of `target` (a name the page gives its first field) takes focus."""
    st.session_state[FOCUS_REQUEST_KEY] = target


def focus_if_requested(target: str, widget_key: str) -> bool:
    """Called where `target` was just drawn as the widget `widget_key`: if a save asked for it,
    move keyboard focus there once (a later run leaves focus where the user put it)."""
    if st.session_state.get(FOCUS_REQUEST_KEY) != target:
        return False
    del st.session_state[FOCUS_REQUEST_KEY]
    selector = f".st-key-{widget_key} input"
    # A new comment each time, so the browser sees a new element and runs the script again.
    st._event.html(_FOCUS_SCRIPT.format(selector=_json_for_script(selector),
                                        nonce=next(_nonces)),
                   unsafe_allow_javascript=True)
    return True
