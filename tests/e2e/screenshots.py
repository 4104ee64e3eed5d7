"""Screenshots of every screen for a human to look at: wide (1280×900) and narrow (400×900), in
Dutch and in English, on a database seeded with the realistic sample project.

    .venv/bin/python -m tests.e2e.screenshots [OUTDIR]      (default /tmp/belangen-shots)

Not a test (pytest does not collect it). It prints what else it noticed: exceptions on a page,
error boxes, and any request that left the machine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from playwright.sync_api import Browser, Page, sync_playwright

from belangen import domain, sample, texts, ui, worksheet
from belangen.store import Store

from . import flows
from .harness import AppPage, AppServer, BrowserLog, launch_chromium, new_context

DEFAULT_OUTDIR = Path("/tmp/belangen-shots")
VIEWPORTS = {"wide": {"width": 1280, "height": 900}, "narrow": {"width": 400, "height": 900}}
LANGUAGES = ("nl", "en")
CHART = "[data-testid='stVegaLiteChart']"
MAX_HEIGHT = 9_000


def language_query(lang: str) -> str:
    """`?lang=en` opens the app in English; the default language needs no parameter."""
    if lang == texts.DEFAULT_LANGUAGE:
        return ""
    return "?" + urlencode({ui.LANGUAGE_KEY: lang})


def seed(db_path: Path) -> None:
    """The app's own sample project (a quarter of a neighbourhood renewal), through the Store."""
    db = Store(db_path)
    try:
        sample.load_sample_project(db)
    finally:
        db.close()


def page_paths(app: AppPage) -> list[str]:
    """Every screen, as the sidebar navigation lists it."""
    links = app.page.get_by_test_id("stSidebarNav").get_by_role("link")
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    return [urlsplit(href).path for href in hrefs]


def wait_for_charts(page: Page) -> None:
    """Vega draws after the script run; wait until every visible chart holds its SVG or canvas
    (charts in tabs not shown are drawn only when their tab opens)."""
    for chart in page.locator(CHART).all():
        if chart.is_visible():
            chart.locator("svg, canvas").first.wait_for(state="attached", timeout=15_000)
    page.wait_for_timeout(400)  # vega's own transitions and the toast fade


def problems_on(page: Page) -> list[str]:
    found = [f"exception: {text[:200]}" for text in
             page.get_by_test_id("stException").all_inner_texts()]
    found += [f"error box: {text[:200]}" for text in
              page.get_by_test_id("stAlertContentError").all_inner_texts()]
    return found


def shoot(app: AppPage, outdir: Path, name: str, notes: list[str]) -> None:
    """The whole screen. Streamlit scrolls inside its own container, so a full-page shot of
    the document would stop at the window: the window is made as tall as the content instead
    (the width, which decides the layout, stays)."""
    page = app.page
    wait_for_charts(page)
    viewport = page.viewport_size or VIEWPORTS["wide"]
    content_height = page.evaluate(_CONTENT_HEIGHT)
    page.set_viewport_size({"width": viewport["width"],
                            "height": max(viewport["height"], min(content_height, MAX_HEIGHT))})
    page.wait_for_timeout(300)
    path = outdir / f"{name}.png"
    page.screenshot(path=path)
    page.set_viewport_size(viewport)
    notes.extend(f"{name}: {problem}" for problem in problems_on(page))
    print(path)


_CONTENT_HEIGHT = """
() => Math.max(document.body.scrollHeight, ...[...document.querySelectorAll(
  "[data-testid='stMain'], [data-testid='stAppViewContainer'], [data-testid='stMainBlockContainer']"
)].map((element) => element.scrollHeight))
"""


@contextlib.contextmanager
def served(prefix: str, fill: Callable[[Path], object]) -> Iterator[tuple[AppServer, Browser]]:
    """An app on a fresh database that `fill` seeds before it starts, and a Chromium; both
    stopped however the block ends. Shared by every screenshot script."""
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        server = AppServer(Path(folder) / "belangen.duckdb", Path(folder) / "streamlit.log")
        fill(server.db_path)
        server.start()
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                try:
                    yield server, browser
                finally:
                    browser.close()
        finally:
            server.stop()


def every_tab(
    browser: Browser, server: AppServer
) -> Iterator[tuple[str, str, AppPage, BrowserLog]]:
    """A fresh profile and tab per language and window size, closed after its shots."""
    for lang in LANGUAGES:
        for size, viewport in VIEWPORTS.items():
            context, log = new_context(browser, server, viewport)
            try:
                yield lang, size, AppPage(context.new_page(), server.base_url), log
            finally:
                context.close()


def run(outdir: Path) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    with served("belangen-shots-", seed) as (server, browser):
        paths: list[str] = []
        for lang, size, app, log in every_tab(browser, server):
            query = language_query(lang)
            app.open(f"/{query}")
            paths = paths or page_paths(app)
            for path in paths:
                screen = path.strip("/") or "home"
                app.open(f"/{path.strip('/')}{query}")
                shoot(app, outdir, f"{lang}-{size}-{screen}", notes)
                for number, tab in enumerate(app.page.get_by_role("tab").all()):
                    if number == 0:
                        continue  # the first tab is what the page shot shows
                    app.page.mouse.wheel(0, -10_000)
                    tab.click()
                    shoot(app, outdir, f"{lang}-{size}-{screen}-tab{number + 1}", notes)
            with flows.speaking(lang):
                shoot_last_week(app, outdir, f"{lang}-{size}", notes)
                shoot_returned_forms(app, outdir, f"{lang}-{size}", notes)
            notes.extend(foreign_requests(log, f"{lang}-{size}"))
    return notes


LAST_WEEK_PERSON = sample.STAKEHOLDERS[0].name
"""A sample stakeholder with an action planned for this week (and one for next week)."""


def shoot_last_week(app: AppPage, outdir: Path, label: str, notes: list[str]) -> None:
    """The weekcheck with last week in view (issue 15): first the window as it opens (what is
    in view without scrolling), then the whole page."""
    app.open(f"/follow_up{language_query(flows.lang())}")
    flows.choose_stakeholder(app, LAST_WEEK_PERSON)
    app.page.mouse.wheel(0, -10_000)
    app.page.wait_for_timeout(400)
    app.page.screenshot(path=outdir / f"{label}-follow_up-last-week-window.png")
    print(outdir / f"{label}-follow_up-last-week-window.png")
    shoot(app, outdir, f"{label}-follow_up-last-week", notes)


def shoot_returned_forms(app: AppPage, outdir: Path, label: str, notes: list[str]) -> None:
    """The follow-up and the Werkblad after typing without saving, leaving and coming back:
    the changes are still there, with the notice that says so."""
    query = language_query(flows.lang())
    app.open(f"/follow_up{query}")
    stakeholder = flows.stakeholder_in_url(app)
    week = domain.week_start(dt.date.today())
    form = flows.follow_up_form(stakeholder, week)
    app.choose_radio(flows.field(app, form, "rating_value"),
                     flows.rating_option(worksheet.VALUE, 4), rerun=True)
    flows.type_text(app, flows.field(app, form, "reflection").locator("textarea"),
                    flows.tr("follow_up.reflection_placeholder"))
    app.goto_page(flows.tr("nav.overview"))
    app.goto_page(flows.tr("nav.follow_up"))
    shoot(app, outdir, f"{label}-follow_up-returned", notes)

    app.goto_page(flows.tr("nav.worksheet"))
    flows.fill_worksheet_row(app, stakeholder, worksheet.NEGOTIATION, 3, None,
                             flows.tr("worksheet.reflection_placeholder"))
    app.goto_page(flows.tr("nav.overview"))
    app.goto_page(flows.tr("nav.worksheet"))
    shoot(app, outdir, f"{label}-worksheet-returned", notes)


def foreign_requests(log: BrowserLog, label: str) -> list[str]:
    return [f"{label}: request left the machine: {url}" for url in log.foreign_urls()] + [
        f"{label}: JS dialog: {dialog}" for dialog in log.dialogs
    ]


def report(notes: list[str]) -> int:
    """A screenshot script's exit: each thing noticed on a line, and 1 if there was any."""
    for note in notes:
        print("NOTE", note)
    return 1 if notes else 0


def main(argv: list[str]) -> int:
    return report(run(Path(argv[0]) if argv else DEFAULT_OUTDIR))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
