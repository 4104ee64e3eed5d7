"""Issue 5 in a real Chromium: XSS payloads in every free-text field, stored through the Store
and typed into the forms, stay literal text on every page, in chart tooltips and in the
exports — no script runs, no element is injected, nothing is fetched from elsewhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from belangen import worksheet

from . import flows, hostile
from .flows import tr
from .harness import AppPage, AppServer, running_app
from .visits import Visit, visit_every_page

pytestmark = pytest.mark.e2e

@pytest.fixture(scope="module")
def seeded_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xss")


@pytest.fixture(scope="module")
def seeded(seeded_folder: Path) -> hostile.Seeded:
    """Payloads in every free-text field, written before the server opens the file."""
    return hostile.seed_hostile_project(seeded_folder / "belangen.duckdb")


@pytest.fixture(scope="module")
def app_server(seeded: hostile.Seeded, seeded_folder: Path) -> Iterator[AppServer]:
    """Replaces conftest's server: this module's server starts on the seeded database."""
    with running_app(seeded_folder / "belangen.duckdb", seeded_folder / "streamlit.log") as server:
        yield server


def rendered_not_in_fields(seeded: hostile.Seeded) -> list[str]:
    """Texts the app draws as text (titles, captions, labels, tooltips), not only in a field:
    the places a Markdown or HTML slip would show."""
    wanted = re.compile(
        r"project\.(name|goal)|project2\.name|archived\.name|s\d\.(name|constituency|"
        r"interest\.\w+|action\d|new_action|outcome\d|reflection\.\w+|follow_up-\d)"
    )
    return [label for label in seeded.texts if wanted.fullmatch(label)]


def test_seeded_payloads_stay_text_on_every_page(app, seeded, browser_log):
    visit = visit_every_page(app, seeded)

    assert not visit.problems, "\n".join(visit.problems)
    shown, rendered = visit.all_shown(), visit.all_rendered()
    missing = [label for label, text in seeded.texts.items()
               if hostile.squash(text) not in shown]
    assert not missing, f"stored texts not shown anywhere: {missing}"
    not_drawn = [label for label in rendered_not_in_fields(seeded)
                 if hostile.squash(seeded.texts[label]) not in rendered]
    assert not not_drawn, f"texts dropped where the app draws them: {not_drawn}"
    browser_log.assert_clean()


def test_payloads_typed_into_the_forms_stay_text(app, browser_log):
    """The same payloads typed by a user: a stakeholder, an interest, a worksheet row and an
    action, then the pages that show them."""
    name = hostile.name_with("Typed", hostile.IMG)
    role = hostile.name_with("Rol", hostile.MD_LINK)
    constituency = hostile.text_with("Getypte achterban")
    interest = hostile.name_with("Getypt belang", hostile.SVG)
    reflection = hostile.text_with("Getypte reflectie")
    action = hostile.name_with("Getypte actie", hostile.IFRAME)

    typed = flows.add_stakeholder(app, name, role, constituency)
    flows.add_interest(app, typed, interest, "political", "confirmed",
                       hostile.text_with("Getypte signalen"))
    app.click(app.page.get_by_role("link", name=tr("stakeholders.open_worksheet")))
    flows.fill_worksheet_row(app, typed, worksheet.VALUE, 3, 4, reflection)
    flows.save_worksheet(app, typed)
    flows.add_action(app, typed, worksheet.VALUE.key, action)

    visit = Visit(app)
    visit.open_expanders()
    visit.look("Werkblad")
    app.goto_page(tr("nav.stakeholders"))
    visit.open_expanders()
    visit.look("Stakeholders")
    app.goto_page(tr("nav.overview"))
    visit.look("Overzicht")

    assert not visit.problems, "\n".join(visit.problems)
    rendered = visit.all_rendered()
    for text in (name, constituency, interest, action):
        assert hostile.squash(text) in rendered, text
    assert hostile.squash(reflection) in visit.all_shown()
    browser_log.assert_clean()


def download(app: AppPage, key: str, folder: Path) -> Path:
    """Click a download button and keep the file. The export is computed on the server after
    the click; a click that lands while a rerun redraws the button is lost, so try twice."""
    button = app.key(key).get_by_role("button")
    for attempt in range(2):
        try:
            with app.page.expect_download(timeout=10_000) as started:
                button.click()
            break
        except PlaywrightTimeout:
            if attempt:
                raise
    target = folder / started.value.suggested_filename
    started.value.save_as(target)
    return target


def test_exports_with_hidden_interests_stay_text(app, seeded, browser, browser_log, tmp_path):
    """Markdown and printable HTML of the whole project, hidden interests included; the HTML is
    opened in the browser like a user would before printing it."""
    app.goto_page(tr("nav.data"))
    app.click(app.key("data_include_hidden").locator("label"))
    assert app.key("data_include_hidden").locator("input").is_checked()
    markdown = download(app, "data_download_md", tmp_path).read_text(encoding="utf-8")
    html_file = download(app, "data_download_html", tmp_path)
    browser_log.assert_clean()

    # Follow-up reflections, the archived stakeholder and the archived project are not part
    # of a project's worksheet; everything else is.
    exported = [label for label in seeded.texts
                if not re.search(r"follow_up|^archived\.|^project2\.", label)]
    # Markdown escapes every character that could start markup: no raw tag, link or image;
    # with the quote markers and escapes undone, every text is there in full.
    assert not re.search(r"(?<!\\)<(script|img|iframe|svg)", markdown), markdown
    assert not re.search(r"(?<!\\)\]\(", markdown), markdown
    unquoted = re.sub(r"^\s*> ?", "", markdown, flags=re.MULTILINE)
    unescaped = hostile.squash(re.sub(r"\\(.)", r"\1", unquoted))
    missing = [label for label in exported if hostile.squash(seeded.texts[label]) not in unescaped]
    assert not missing, f"not in the Markdown export: {missing}"

    assert_html_export_inert(browser, html_file, seeded, exported)


def assert_html_export_inert(
    browser: Browser, html_file: Path, seeded: hostile.Seeded, exported: list[str]
) -> None:
    """Opened from disk in its own profile (file:// is no app request): nothing runs, nothing
    is injected or fetched, and every exported text, hidden interests too, reads literally."""
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    dialogs: list[str] = []
    context.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page = context.new_page()
        page.goto(html_file.as_uri())
        page.wait_for_load_state("load")
        problems = hostile.page_problems(page)
        shown = hostile.squash(page.locator("body").inner_text())
    finally:
        context.close()
    assert not problems, problems
    assert not dialogs, dialogs
    assert requests == [html_file.as_uri()], requests
    missing = [label for label in exported if hostile.squash(seeded.texts[label]) not in shown]
    assert not missing, f"not in the printable export: {missing}"
    for label in seeded.texts:
        if ".interest.suspected" in label:
            assert hostile.squash(seeded.texts[label]) in shown, "hidden interest left out"
