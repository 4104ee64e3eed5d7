"""Issue 11, finding 10: opening /overview directly (a bookmark, a typed address) showed
Streamlit's "Page not found" before the overview, because the default page lives at /. Every
page's own path opens it without that detour, in a fresh server's first session and later."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from belangen import texts

from .harness import AppPage, AppServer, new_context

pytestmark = pytest.mark.e2e

# Whatever the page showed at any moment, however briefly (the dialog closes by itself).
SEEN_TEXT = """
window.__seen = [];
new MutationObserver(() => {
  if (document.body) window.__seen.push(document.body.innerText);
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def visit(browser: Browser, server: AppServer, path: str) -> tuple[AppPage, list[str]]:
    """Open `path` in a fresh profile; returns the tab and the kinds of every message the
    server sent over the WebSocket."""
    context, _log = new_context(browser, server, {"width": 1280, "height": 900})
    context.add_init_script(script=SEEN_TEXT)
    kinds: list[str] = []

    def watch(page: Page) -> None:
        page.on("websocket", lambda socket: socket.on(
            "framereceived",
            lambda payload: kinds.append(
                ForwardMsg.FromString(payload).WhichOneof("type") or ""
            ) if isinstance(payload, bytes) else None,
        ))

    context.on("page", watch)
    return AppPage(context.new_page(), server.base_url).open(path), kinds


def not_found_seen(app: AppPage) -> list[str]:
    return [text for text in app.page.evaluate("window.__seen")
            if "Page not found" in text or "does not seem to exist" in text]


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/overview", texts.t("overview.welcome_title", "nl")),  # first session of the server
        ("/overview", texts.t("overview.welcome_title", "nl")),  # and any later one
        ("/overview?lang=en", texts.t("overview.welcome_title", "en")),
        ("/", texts.t("overview.welcome_title", "nl")),
        ("/data", texts.t("data.title", "nl")),
    ],
    ids=["overview first", "overview later", "overview in English", "root", "data"],
)
def test_each_page_opens_by_its_own_path(
    browser: Browser, app_server: AppServer, path: str, heading: str
) -> None:
    """On conftest's server, fresh for this module: the first case is its first session."""
    app, kinds = visit(browser, app_server, path)
    try:
        assert "page_not_found" not in kinds, kinds
        assert not_found_seen(app) == []
        assert heading in app.main_text()
        assert not app.exception_texts(), app.exception_texts()
    finally:
        app.page.context.close()
