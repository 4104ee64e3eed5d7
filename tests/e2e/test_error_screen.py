"""Issue 11, finding 3 in Chromium: a page that fails for real (the database holds a kind of
interest this version does not know, as after an edit with another tool) shows the app's own
message; the page holds no traceback, no file path and no link that sends the error elsewhere,
and the terminal has the details."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from playwright.sync_api import Browser

from belangen import texts
from belangen.store import Store

from .harness import AppPage, AppServer, new_context, running_app

pytestmark = pytest.mark.e2e

SECRET = "Geheim belang 0b7c"
OUTSIDE_LINKS = """
() => [...document.querySelectorAll('a[href]')].map((a) => a.href)
  .filter((href) => !href.startsWith(location.origin))
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    folder = tmp_path_factory.mktemp("error")
    path = folder / "belangen.duckdb"
    store = Store(path)
    person = store.create_stakeholder(store.create_project("Project"), "Wethouder Jansen")
    store.add_interest(person, SECRET, "political", "suspected")
    store.close()
    con = duckdb.connect(str(path))  # another tool wrote a kind this version does not know
    con.execute("UPDATE interest SET kind = 'gerucht'")
    con.close()
    with running_app(path, folder / "streamlit.log") as app:
        yield app


def test_a_failing_page_shows_the_apps_message_and_no_details(
    browser: Browser, server: AppServer
) -> None:
    context, log = new_context(browser, server, {"width": 1280, "height": 900})
    try:
        app = AppPage(context.new_page(), server.base_url).open("/stakeholders")
        page_text = app.page.locator("body").inner_text()

        assert server.log().count("Traceback") >= 1, "test setup: the page did not fail"
        assert "gerucht" in server.log(), "the terminal must have the details"
        assert app.page.get_by_test_id("stException").count() == 0, page_text
        assert texts.t("error.unexpected", "nl") in page_text
        for leak in ("Traceback", "KeyError", "gerucht", ".py", "Ask Google", "Ask ChatGPT"):
            assert leak not in page_text, leak
        assert app.page.evaluate(OUTSIDE_LINKS) == []
        log.assert_clean()
    finally:
        context.close()
