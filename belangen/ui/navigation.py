"""Routing: app.py's navigation decides the pages, whatever Streamlit's old `pages/`
discovery did with the first run of a process. The one place for that workaround."""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from belangen import screens
from belangen.ui.language import tr

ROUTED_KEY = "routed_through_app"


def claim_navigation() -> None:
    """Called first in app.py: its `st.navigation` decides the pages, not the `pages/` folder.

    Streamlit serves the first run of a process through its old `pages/` discovery. That run
    starts again at once, before drawing anything: widgets drawn in it get other identities
    than in every later run (the discovery runs app.py as a page of its own), so the first
    page change of the first session forgot the language and anything else chosen there.
    """
    first_legacy_run = PagesManager.uses_pages_directory and not st.session_state.get(ROUTED_KEY)
    PagesManager.uses_pages_directory = False
    st.session_state[ROUTED_KEY] = True
    # Only for a session with a browser behind it: AppTest (no request headers) resets the
    # discovery before each of its runs, so there every run is such a run and identities agree;
    # starting again would only lose its clicks.
    if first_legacy_run and st.context.headers:
        st.rerun()


def _leave_legacy_page_discovery() -> None:
    """A session whose first run reached a page through the old discovery (a deep link right
    after the server started) reruns through app.py once."""
    if PagesManager.uses_pages_directory and not st.session_state.get(ROUTED_KEY):
        claim_navigation()
        st.rerun()


def app_pages() -> list[Any]:
    """The screens of `belangen.screens` as Streamlit pages, titled in the user's language, and
    the hidden /overview alias. Each url_path equals its file's stem (the overview's aside), so a
    deep link that reaches the old discovery on the first request still finds its page."""
    pages = {screen: st.Page(screen.path, title=tr(screen.title_key), icon=screen.icon,
                             url_path=screen.url_path, default=screen.default)
             for screen in screens.SCREENS}
    return [*pages.values(), overview_alias(pages[screens.OVERVIEW])]


def name_the_document(page: Any) -> None:
    """The browser tab and the screen reader's page name say which screen this is ("Trends ·
    Belangen"), in the user's language; app.py's page config alone named every screen
    "Belangen". Called once `st.navigation` has chosen the page (a later page config wins)."""
    st.set_page_config(page_title=tr("nav.document_title", page=page.title))


def overview_alias(overview: Any) -> Any:
    """A hidden page at /overview that opens the overview (the default page) at /.

    Streamlit serves the default page at / only, so its own path (what the first request after
    a start shows, and what people bookmark) showed "Page not found" before the overview. The
    overview's url_path must differ from "overview", or both pages get the same identity.
    """

    def to_overview() -> None:
        st.switch_page(overview, query_params=st.query_params.to_dict())

    return st.Page(to_overview, title=overview.title, url_path="overview", visibility="hidden")
