"""The Gespreksvoorbereiding in a real Chromium, as a person uses it before and after a meeting:
open the brief for someone, open its printable page in the browser and read it, then go on from
the brief to that week's weekcheck for them, even when the Weekcheck was left on another week
and another person (Streamlit forgets the widgets of a page that is not drawn)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from belangen import sample

from . import flows
from .flows import tr
from .harness import AppPage, AppServer
from .test_xss_browser import download

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def seeded(app_server: AppServer) -> dict[str, object]:
    """The sample project: who the brief is about, a confirmed and a suspected interest."""
    with app_server.offline_store() as db:
        sample.load_sample_project(db)
        project = db.list_projects()[0]
        people = db.list_stakeholders(project.id)
        person = people[-1]
        interests = db.list_interests(person.id)
        return {
            "id": person.id, "name": person.name, "other": people[0].name,
            "confirmed": next(i.text for i in interests if i.status == "confirmed"),
            "suspected": next(i.text for i in interests if i.status == "suspected"),
        }


def test_brief_printable_page_and_on_to_the_weekcheck(
    app: AppPage, seeded: dict, browser: Browser, browser_log, tmp_path: Path
) -> None:
    this_week = flows.this_week()
    # The Weekcheck was left two weeks back, on someone else.
    app.goto_page(tr("nav.follow_up"))
    flows.choose_stakeholder(app, seeded["other"])
    flows.choose_week(app, this_week - dt.timedelta(weeks=2))

    app.goto_page(tr("nav.brief"))
    flows.choose_stakeholder(app, seeded["name"])
    assert flows.stakeholder_in_url(app) == seeded["id"]
    main = app.main_text()
    assert seeded["confirmed"] in main
    assert seeded["suspected"] in main, "the screen shows the hypotheses, marked"
    assert tr("brief.hypothesis") in main
    for key in ("confirmed", "to_test", "back_home", "trend", "reflections", "worked"):
        assert app.key(f"brief_section_{key}").count() == 1, key

    # The printable page, opened from disk in a profile of its own (file:// is no app
    # request), as a user would before printing it: it fetches nothing.
    printable = download(app, "brief_download_html", tmp_path)
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(printable.as_uri())
        body = page.locator("body").inner_text()
        sections = page.locator("section.brief").count()
        page.emulate_media(media="print")
        confirmed_printed = page.locator("section#confirmed").is_visible()
        page.screenshot(path=tmp_path / "printable.png", full_page=True)
    finally:
        context.close()
    assert requests == [printable.as_uri()], requests
    assert tr("brief.title", name=seeded["name"]) in body
    assert seeded["confirmed"] in body
    assert seeded["suspected"] not in body, "left out of a download unless asked"
    assert sections >= 10 and confirmed_printed

    app.click(app.key("brief_follow_up").get_by_role("button"))
    assert flows.page_path(app, tr("nav.follow_up")).rstrip("/") in app.page.url
    assert flows.stakeholder_in_url(app) == seeded["id"]
    assert seeded["name"] in flows.chosen_stakeholder(app)
    assert app.key("fu_week").get_by_role("combobox").input_value() == flows.week_label(
        this_week)
    assert app.page.locator(
        f".st-key-{flows.follow_up_form(seeded['id'], this_week)}__rating_genuine_interest"
    ).count() == 1, "the per-person form of this week"
    assert not app.exception_texts()
    browser_log.assert_clean()
