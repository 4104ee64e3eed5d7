"""Fixtures for the browser tests: one real server per test module on its own fresh database, one
Chromium per session, and per test a browser profile whose every request and dialog is recorded."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from .harness import AppPage, AppServer, BrowserLog, launch_chromium, new_context, running_app

WIDE = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """A running app on a database no other module shares (a shared one made tests interfere).

    Tests call `app_server.restart()` to stop and start it again on the same file and port.
    """
    folder = tmp_path_factory.mktemp("e2e")
    with running_app(folder / "belangen.duckdb", folder / "streamlit.log") as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium from this machine; a missing browser fails the run, it never skips it."""
    with sync_playwright() as playwright:
        try:
            chromium = launch_chromium(playwright)
        except RuntimeError as missing:
            pytest.fail(str(missing), pytrace=False)
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Remember whether the test body failed, so teardown can keep screenshots of it."""
    report = yield
    if report.when == "call":
        item.stash[_FAILED] = report.failed
    return report


_FAILED = pytest.StashKey[bool]()


@pytest.fixture
def browser_session(
    request: pytest.FixtureRequest, browser: Browser, app_server: AppServer,
    tmp_path: Path,
) -> Iterator[tuple[BrowserContext, BrowserLog]]:
    context, log = new_context(browser, app_server, WIDE)
    yield context, log
    if request.node.stash.get(_FAILED, False):
        for number, page in enumerate(context.pages):
            shot = tmp_path / f"failure-tab{number}.png"
            page.screenshot(path=shot, full_page=True)
            print(f"screenshot of the failing tab: {shot}")
        print(f"server log: {app_server.log_path}")
    context.close()


@pytest.fixture
def browser_log(browser_session: tuple[BrowserContext, BrowserLog]) -> BrowserLog:
    """What the tabs asked for; each test ends with `browser_log.assert_clean()`."""
    return browser_session[1]


@pytest.fixture
def new_tab(
    browser_session: tuple[BrowserContext, BrowserLog], app_server: AppServer
) -> Callable[[], AppPage]:
    """Opens another tab in the same recorded profile (e.g. to follow a deep link)."""
    return lambda: AppPage(browser_session[0].new_page(), app_server.base_url)


@pytest.fixture
def app(new_tab: Callable[[], AppPage]) -> AppPage:
    """A tab on the app's home page, its first script run finished."""
    return new_tab().open("/")
