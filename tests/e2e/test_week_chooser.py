"""Issue 14 in a real Chromium: the week chooser speaks in ISO weeks, Monday to Sunday.

The app's day is set per test (`AppServer.today` → `BELANGEN_NOW`), so the Sunday, the Monday
and the turn of the year are the days the app itself sees, not the machine's:

- today a Sunday → the current week is the one ending that Sunday;
- today a Monday → a new week;
- ◀ from week 1 of 2027 reaches week 53 of 2026 (28 dec 2026 – 3 jan 2027), both years named;
  saving a follow-up for that chosen week stores exactly that week;
- a planned action chosen as 'andere week…' stores that Monday, its draft survives leaving
  the page, and once saved the action shows that week.
"""

from __future__ import annotations

import datetime as dt

import pytest

from belangen import ui, worksheet

from . import flows
from .flows import tr
from .harness import AppPage, AppServer

pytestmark = pytest.mark.e2e

SUNDAY = dt.date(2026, 12, 6)
MONDAY = dt.date(2026, 12, 7)
NEW_YEAR = dt.date(2027, 1, 5)  # a Tuesday in week 1 of 2027
WEEK_53 = dt.date(2026, 12, 28)
PLANNED = dt.date(2027, 2, 22)  # week 8 of 2027: beyond 'over vier weken' seen from week 1
ACTION_TEXT = "Rondetafel met bewoners"


@pytest.fixture(scope="module")
def stakeholder_id(app_server: AppServer) -> int:
    """A project started in September, one stakeholder with a filled worksheet."""
    with app_server.offline_store() as db:
        project_id = db.create_project("Herinrichting stationsgebied", "Nieuw plein",
                                       "Draagvlak bij de raad", dt.date(2026, 9, 1))
        person = db.create_stakeholder(project_id, "Wethouder Jansen", "Gemeente", "", "")
        for row in worksheet.DIMENSIONS:
            db.save_worksheet_entry(person, row.key, reflection="Start", rating=2, target=4)
    return person


def on_day(app_server: AppServer, app: AppPage, day: dt.date) -> None:
    """The app started again on `day`, the tab reopened on it."""
    app_server.today = day
    app_server.restart()
    app.open("/")


def shown_week(app: AppPage) -> str:
    return app.key("fu_week").get_by_role("combobox").input_value()


def week_button(app: AppPage, key: str):
    return app.key(f"fu_week__{key}").get_by_role("button")


def test_on_a_sunday_the_week_is_the_one_ending_that_sunday(
    app_server, stakeholder_id, app, browser_log
):
    on_day(app_server, app, SUNDAY)
    app.goto_page(tr("nav.follow_up"))
    assert shown_week(app) == "Week 49 · 30 nov – 6 dec"
    assert week_button(app, "later").is_disabled()  # no week after today's
    browser_log.assert_clean()


def test_on_a_monday_a_new_week_begins(app_server, stakeholder_id, app, browser_log):
    on_day(app_server, app, MONDAY)
    app.goto_page(tr("nav.follow_up"))
    assert shown_week(app) == "Week 50 · 7 dec – 13 dec"
    app.click(week_button(app, "earlier"))
    assert shown_week(app) == "Week 49 · 30 nov – 6 dec"
    # The chosen week lasts for the session: away and back, it is still week 49.
    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.follow_up"))
    assert shown_week(app) == "Week 49 · 30 nov – 6 dec"
    browser_log.assert_clean()


def test_stepping_back_over_new_year_reaches_week_53_and_logs_that_week(
    app_server, stakeholder_id, app, browser_log
):
    on_day(app_server, app, NEW_YEAR)
    app.goto_page(tr("nav.follow_up"))
    assert shown_week(app) == "Week 1 · 4 jan – 10 jan"
    app.click(week_button(app, "earlier"))
    assert shown_week(app) == "Week 53 · 28 dec 2026 – 3 jan 2027"
    app.click(week_button(app, "earlier"))
    assert shown_week(app) == "Week 52 · 21 dec – 27 dec 2026"
    app.click(week_button(app, "later"))
    assert shown_week(app) == "Week 53 · 28 dec 2026 – 3 jan 2027"
    assert tr("follow_up.backfill_marker") in app.main_text()

    flows.fill_follow_up(app, stakeholder_id, WEEK_53, (3, 3, 2, 2), "Tussen de feestdagen.")
    flows.save_follow_up(app, stakeholder_id, WEEK_53)
    logged = tr("follow_up.already_logged", versions=flows.tr_count("count.versions", 1))
    app.page.get_by_test_id("stMain").get_by_text(logged).wait_for(timeout=10_000)

    with app_server.offline_store() as db:
        saved = db.follow_up_for_week(stakeholder_id, WEEK_53)
        assert saved is not None and saved.week == WEEK_53
        assert saved.reflection == "Tussen de feestdagen."
        for other in (dt.date(2026, 12, 21), dt.date(2027, 1, 4)):
            assert db.follow_up_for_week(stakeholder_id, other) is None
    browser_log.assert_clean()


def test_a_planned_week_is_chosen_as_a_week_and_kept(
    app_server, stakeholder_id, app, browser_log
):
    on_day(app_server, app, NEW_YEAR)
    app.goto_page(tr("nav.worksheet"))
    adder = f"ws_new_action_{stakeholder_id}_conversation"
    flows.open_new_action(app, stakeholder_id, "conversation")
    when = flows.field(app, adder, "planned_week_when")
    assert when.get_by_role("combobox").input_value() == tr("planned.none")
    assert "Volgende week (week 2)" in app.open_select(when).all_inner_texts()
    app.page.keyboard.press("Escape")

    flows.type_text(app, flows.field(app, adder, "text").locator("input"), ACTION_TEXT)
    app.choose_select(when, tr("planned.another_week"))
    other = flows.field(app, adder, "planned_week_other")
    # It opens on the first week after the relative options (week 6); ▶ twice is week 8.
    assert other.get_by_role("combobox").input_value() == "Week 6 · 8 feb – 14 feb"
    for _ in range(2):
        app.click(app.key(f"{adder}__planned_week_other__later").get_by_role("button"))
    assert other.get_by_role("combobox").input_value() == "Week 8 · 22 feb – 28 feb"

    # Away and back before saving: the draft is still there, as typed.
    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.worksheet"))
    assert flows.field(app, adder, "text").locator("input").input_value() == ACTION_TEXT
    assert when.get_by_role("combobox").input_value() == tr("planned.another_week")
    assert other.get_by_role("combobox").input_value() == "Week 8 · 22 feb – 28 feb"

    app.click(flows.form_button(app, adder))
    assert not app.exception_texts(), app.exception_texts()
    with app_server.offline_store() as db:
        (action,) = [a for a in db.list_actions(stakeholder_id) if a.text == ACTION_TEXT]
        assert action.planned_week == PLANNED

    # Saved: the action's own editor shows exactly that week, not a default.
    app.open("/")
    app.goto_page(tr("nav.worksheet"))
    panel = app.key(ui.panel_key(f"ws_action_{action.id}"))
    assert "week 8" in panel.locator("summary").inner_text()
    app.act(lambda: panel.locator("summary").click())
    editor = f"ws_action_{action.id}"
    assert flows.field(app, editor, "planned_week_when").get_by_role(
        "combobox").input_value() == tr("planned.another_week")
    assert flows.field(app, editor, "planned_week_other").get_by_role(
        "combobox").input_value() == "Week 8 · 22 feb – 28 feb"
    browser_log.assert_clean()
