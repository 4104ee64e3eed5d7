"""The Streamlit server and Chromium plumbing the browser tests and the screenshot script share.

Kept out of conftest so `python -m tests.e2e.screenshots` can use it without pytest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    Dialog,
    Locator,
    Page,
    Playwright,
    ViewportSize,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from belangen.browser import find_chromium
from belangen.store import Store

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
START_TIMEOUT_S = 45
SCRIPT_TIMEOUT_MS = 30_000
RUN_START_TIMEOUT_MS = 4_000

# Counts the script runs the page has seen and when the run state last changed, so a helper can
# wait for "the run my click caused has finished" instead of sleeping.
RUN_WATCHER = """
(() => {
  window.__belangen = {runs: 0, changedAt: Date.now()};
  const watch = () => {
    new MutationObserver((records) => {
      for (const record of records) {
        const state = record.target.getAttribute('data-test-script-state');
        window.__belangen.changedAt = Date.now();
        if (state === 'running') window.__belangen.runs += 1;
      }
    }).observe(document.documentElement, {
      subtree: true, attributes: true, attributeFilter: ['data-test-script-state'],
    });
  };
  if (document.documentElement) watch();
  else document.addEventListener('DOMContentLoaded', watch);
})();
"""

_IDLE = """
([runsBefore, settleMs]) => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const watcher = window.__belangen;
  if (!watcher) return true;
  return watcher.runs > runsBefore && Date.now() - watcher.changedAt >= settleMs;
}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class AppServer:
    """`streamlit run app.py` from the repository root, with the project's own config, on one
    database file; can be stopped and started again on the same file and port.

    `arguments` replaces `run app.py` for another Streamlit command from the same folder (the
    benchmark starts `streamlit hello` this way, beside the app)."""

    def __init__(self, db_path: Path, log_path: Path, port: int | None = None,
                 arguments: Sequence[str] = ("run", "app.py")) -> None:
        self.db_path = db_path
        self.log_path = log_path
        self.port = port or free_port()
        self.arguments = tuple(arguments)
        self.today: dt.date | None = None
        """The app's day (`BELANGEN_NOW`) from the next start on; None: the real one."""
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def origin(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**os.environ, "BELANGEN_DB": str(self.db_path)}
        env.pop("BELANGEN_NOW", None)
        if self.today is not None:
            env["BELANGEN_NOW"] = self.today.isoformat()
        command = [
            sys.executable, "-m", "streamlit", *self.arguments,
            "--server.headless=true", f"--server.port={self.port}",
        ]
        with self.log_path.open("ab") as log:
            log.write(f"\n--- start on port {self.port} ---\n".encode())
            log.flush()
            self._process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so teardown kills every child
            )
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise RuntimeError(f"streamlit exited early; log:\n{self.log()}")
            if self._healthy():
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"streamlit not healthy after {START_TIMEOUT_S}s; log:\n{self.log()}")

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base_url}/_stcore/health", timeout=2) as reply:
                return reply.read().decode().strip() == "ok"
        except (OSError, urllib.error.URLError):
            return False

    def stop(self) -> None:
        """SIGTERM the whole process group (the database is released on exit), SIGKILL if stuck."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def restart(self) -> None:
        self.stop()
        self.start()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    @contextlib.contextmanager
    def offline_store(self) -> Iterator[Store]:
        """The app's Store on the server's file while the server is stopped (it holds the file
        locked), to seed data the way the app writes it; the server starts again afterwards."""
        self.stop()
        shift = (self.today - dt.date.today()) if self.today is not None else dt.timedelta()
        store = Store(self.db_path, now=lambda: dt.datetime.now() + shift)
        try:
            yield store
        finally:
            store.close()
        self.start()


@contextlib.contextmanager
def running_app(db_path: Path, log_path: Path) -> Iterator[AppServer]:
    """An app started on `db_path` that is stopped however the block ends, so no test leaves a
    server behind."""
    server = AppServer(db_path, log_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def new_context(
    browser: Browser, server: AppServer, viewport: ViewportSize
) -> tuple[BrowserContext, BrowserLog]:
    """A fresh browser profile whose tabs report their script runs, requests and dialogs."""
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(15_000)
    context.add_init_script(script=RUN_WATCHER)
    return context, BrowserLog(context, lambda: {server.origin})


def launch_chromium(playwright: Playwright) -> Browser:
    """Chromium found on this machine; never a silent skip when there is none."""
    executable = find_chromium()
    if executable is None:
        raise RuntimeError(
            "No Chromium found for the browser tests. Install one: `apt-get install chromium` "
            "(Debian/Ubuntu), or `python -m playwright install chromium`, or point "
            "BELANGEN_CHROMIUM at a Chromium binary."
        )
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


class BrowserLog:
    """Everything a browser context asked for, and any JS dialog it raised."""

    def __init__(self, context: BrowserContext, allowed_origins: Callable[[], set[str]]) -> None:
        self.urls: list[str] = []
        self.dialogs: list[str] = []
        self._allowed_origins = allowed_origins
        context.on("request", lambda request: self.urls.append(request.url))
        context.on("page", self._watch_page)
        context.on("dialog", self._on_dialog)

    def _watch_page(self, page: Page) -> None:
        page.on("websocket", lambda socket_: self.urls.append(socket_.url))

    def _on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        with contextlib.suppress(Exception):
            dialog.dismiss()

    def foreign_urls(self) -> list[str]:
        allowed = self._allowed_origins()
        local_schemes = {"data", "blob", "about"}
        return [
            url for url in self.urls
            if urlsplit(url).scheme not in local_schemes and urlsplit(url).netloc not in allowed
        ]

    def assert_clean(self) -> None:
        """Nothing left the machine, and the app never raised an alert/confirm/prompt."""
        assert self.urls, "no requests were recorded; the log is not wired up"
        assert not self.foreign_urls(), f"requests left the app's origin: {self.foreign_urls()}"
        assert not self.dialogs, f"unexpected JS dialogs: {self.dialogs}"


class AppPage:
    """One browser tab on the app, with waits that follow Streamlit's script runs."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def open(self, path: str = "/") -> AppPage:
        self.page.goto(self.base_url + path)
        self.wait_idle(0, settle_ms=300)
        return self

    def runs(self) -> int:
        return int(self.page.evaluate("() => window.__belangen ? window.__belangen.runs : 0"))

    def wait_idle(self, runs_before: int, settle_ms: int = 250) -> None:
        """Wait until a run newer than `runs_before` started and the script has been idle for
        `settle_ms` (st.rerun and toasts make a second run follow the first).

        A very short run can go from running to notRunning within one React render, so the
        page never shows "running"; if no new run shows up within RUN_START_TIMEOUT_MS the
        script is taken as done once it has been idle for `settle_ms`.
        """
        try:
            self.page.wait_for_function(_IDLE, arg=[runs_before, settle_ms],
                                        timeout=RUN_START_TIMEOUT_MS)
        except PlaywrightTimeout:
            self.page.wait_for_function(_IDLE, arg=[-1, settle_ms], timeout=SCRIPT_TIMEOUT_MS)

    def act(self, action: Callable[[], object]) -> None:
        """Do something that reruns the script, and wait until that rerun is over."""
        before = self.runs()
        action()
        self.wait_idle(before)

    def click(self, locator: Locator) -> None:
        self.act(locator.click)

    def key(self, key: str) -> Locator:
        """A widget by its Streamlit key (keyed elements carry the class `st-key-<key>`)."""
        return self.page.locator(f".st-key-{key}")

    def goto_page(self, title: str) -> None:
        """Switch pages with the sidebar navigation, like a user (no-op on the current page,
        where a click would not rerun anything)."""
        link = self.page.get_by_test_id("stSidebarNav").get_by_role("link", name=title)
        target = urlsplit(link.get_attribute("href") or "").path.rstrip("/").rsplit("/", 1)[-1]
        current = urlsplit(self.page.url).path.rstrip("/").rsplit("/", 1)[-1]
        if target != current:
            opened = self.open_sidebar()
            self.click(link)
            if opened:
                self.close_sidebar()

    def open_sidebar(self) -> bool:
        """On a narrow screen the sidebar starts closed: open it with its button, as a user
        would (it closes by itself after a page is chosen)."""
        expand = self.page.get_by_test_id("stExpandSidebarButton")
        if expand.count() and expand.is_visible():
            expand.click()
            self.page.get_by_test_id("stSidebarNav").wait_for(state="visible")
            self.page.wait_for_timeout(300)  # the sidebar slides in
            return True
        return False

    def close_sidebar(self) -> None:
        """Close the sidebar again if it stayed open over the page."""
        collapse = self.page.get_by_test_id("stSidebarCollapseButton").locator("button")
        sidebar = self.page.get_by_test_id("stSidebar")
        if sidebar.get_attribute("data-collapsed") == "false" and collapse.count():
            collapse.first.click(force=True)
            self.page.wait_for_timeout(300)

    def fill_date(self, container: Locator, day: str, *, rerun: bool = True) -> None:
        """Type a date (DD-MM-YYYY) into a date_input. It is a segmented field (day, month, year
        spinbuttons): type the digits from the day segment on, then click the field's label to
        leave it, which commits the date (Enter and Tab do not; a scripted blur neither).
        Inside a form nothing reruns until submit: pass `rerun=False`."""
        committed = container.locator("input[type='date']")
        wanted = "-".join(reversed(day.split("-")))
        if committed.input_value() == wanted:
            return  # typing the same date again would not rerun anything
        container.locator("[role='spinbutton'][data-type='day']").click()
        self.page.keyboard.type(day.replace("-", ""))
        leave = container.get_by_test_id("stWidgetLabel").click
        if rerun:
            self.act(leave)
        else:
            leave()
        shown = committed.input_value()
        assert shown == wanted, f"date_input shows {shown}, expected {wanted}"

    def choose_radio(self, radio: Locator, option_text: str, *, rerun: bool = False) -> None:
        """Radio options are labels inside stRadio; clicking the label selects the option.
        Outside a form the click reruns the script: pass `rerun=True` to wait for that."""
        label = radio.locator("label").filter(has_text=option_text).first
        if label.locator("input").is_checked():
            return
        if rerun:
            self.act(label.click)
        else:
            label.click()
        assert label.locator("input").is_checked()

    def open_select(self, select: Locator) -> Locator:
        """Open a selectbox (a react-aria combobox) and return its visible options.

        The first click after a rerun or an expander opening often only focuses the input
        and the list stays shut, so the click is repeated until the list shows.
        """
        combobox = select.get_by_role("combobox")
        options = self.page.get_by_role("listbox").get_by_role("option")
        for _ in range(6):
            if combobox.get_attribute("aria-expanded") != "true":
                combobox.click()
            try:
                options.first.wait_for(state="visible", timeout=1_000)
                return options
            except PlaywrightTimeout:
                continue
        raise AssertionError(f"selectbox {combobox.get_attribute('aria-label')} did not open")

    def choose_select(self, select: Locator, option_text: str, *, rerun: bool = True) -> None:
        """Choose the option with exactly this text; retried, as the list can shut by itself
        right after opening."""
        combobox = select.get_by_role("combobox")
        for _ in range(4):
            if combobox.input_value() == option_text:
                break
            option = self.open_select(select).filter(has_text=option_text).and_(
                self.page.get_by_role("option", name=option_text, exact=True)
            )
            try:
                if rerun:
                    self.act(lambda: option.click(timeout=2_000))  # noqa: B023
                else:
                    option.click(timeout=2_000)
            except PlaywrightTimeout:
                continue
        assert combobox.input_value() == option_text

    def open_expander(self, expander: Locator) -> Locator:
        """Expand an `stExpander` and wait until it is open and still.

        Expanders animate (their <details> carries an inline height while moving), and one
        whose `expanded=` changed on a rerun may be closing while it still says `open`.
        """
        details = expander.locator("details")
        settled = "el => el.style.height === '' || el.style.height === 'auto'"
        for _ in range(3):
            self.page.wait_for_function(settled, arg=details.element_handle())
            if details.get_attribute("open") is not None:
                return expander
            expander.locator("summary").click()
        raise AssertionError("expander did not open")

    def main_text(self) -> str:
        return self.page.get_by_test_id("stMain").inner_text()

    def exception_texts(self) -> list[str]:
        """Streamlit's error boxes and the app's own message for an unexpected error (its
        details are in the server log)."""
        return [
            *self.page.get_by_test_id("stException").all_inner_texts(),
            *self.page.locator(".st-key-belangen_unexpected_error").all_inner_texts(),
        ]
