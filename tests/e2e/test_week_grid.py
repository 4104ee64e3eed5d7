"""The Weekcheck's grid in Chromium (issue 15): a whole unchanged week of 8 stakeholders in at
most 2 actions after opening the Weekcheck, and a changed row that survives leaving the page,
a reload that keeps the view, and a double click that stores each row once."""

from __future__ import annotations

import datetime as dt

import pytest

from belangen import worksheet
from belangen.ui.week_grid import form_id, save_form_id
from tests.factories import grid_ratings, week_logged_last_week

from . import flows
from .flows import this_week, tr
from .harness import AppPage, AppServer
from .saved import saved_rows
from .steps import count_steps, reset_steps, steps

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def seeded(app_server: AppServer) -> dict[str, int]:
    with app_server.offline_store() as db:
        return week_logged_last_week(db, 8)


def people(ids: dict[str, int]) -> list[int]:
    """The eight weekly stakeholders, in the grid's (alphabetical) order."""
    return [ids[name] for name in ids if name not in ("project", "Maandelijkse Mia")]


def follow_ups(app_server: AppServer, week: dt.date) -> dict[int, list[dict[str, int]]]:
    """Every stored version of `week`, per stakeholder, oldest first: its ratings."""
    rows = saved_rows(
        app_server.db_path,
        "SELECT f.stakeholder_id, f.id, r.dimension, r.rating FROM follow_up f "
        "JOIN follow_up_rating r ON r.follow_up_id = f.id WHERE f.week = ? ORDER BY f.id",
        [week])
    versions: dict[int, dict[int, dict[str, int]]] = {}
    for stakeholder_id, version, dimension, rating in rows:
        versions.setdefault(stakeholder_id, {}).setdefault(version, {})[dimension] = rating
    return {sid: list(by_version.values()) for sid, by_version in versions.items()}


def grid_option(app: AppPage) -> object:
    return flows.segment(app, "fu_view", tr("week_grid.view_grid"))


def save_button(app: AppPage, ids: dict[str, int], week: dt.date):
    return flows.form_button(app, save_form_id(ids["project"], week))


def cell(app: AppPage, stakeholder_id: int, week: dt.date, row: worksheet.WorksheetRow):
    return flows.field(app, form_id(stakeholder_id, week), f"rating_{row.key}")


def shown_rating(app: AppPage, stakeholder_id: int, week: dt.date,
                 row: worksheet.WorksheetRow) -> str:
    return cell(app, stakeholder_id, week, row).get_by_role("combobox").input_value()


def test_a_whole_unchanged_week_of_eight_takes_two_actions(
        seeded, app_server, browser_session, new_tab, browser_log):
    count_steps(browser_session[0])
    app = new_tab().open("/follow_up")
    reset_steps(app.page)  # counted from the opened Weekcheck on, as the issue asks
    app.click(grid_option(app))
    week = this_week()
    for number, sid in enumerate(people(seeded)):
        assert shown_rating(app, sid, week, worksheet.VALUE) == flows.rating_option(
            worksheet.VALUE, grid_ratings(number)[worksheet.VALUE.key]), "last week's rating"
    assert not follow_ups(app_server, week), "the pre-filled grid is not saved data"
    app.click(save_button(app, seeded, week))
    assert steps(app.page) <= 2, f"{steps(app.page)} actions for an unchanged week of eight"
    print(f"\nactions for a whole unchanged week of 8 in the grid: {steps(app.page)}")

    stored = follow_ups(app_server, week)
    assert sorted(stored) == sorted(people(seeded)), "one follow-up per row, Mia not due"
    for number, sid in enumerate(people(seeded)):
        assert stored[sid] == [grid_ratings(number)], "once each, with last week's ratings"
    text = app.main_text()
    assert tr_count_saved(8) in text
    assert tr("week_grid.week_done") in text
    assert not app.exception_texts()
    browser_log.assert_clean()


def tr_count_saved(count: int) -> str:
    """The first words of the confirmation ('8 weekchecks opgeslagen')."""
    return flows.tr_count("week_grid.saved", count, names="").split(":")[0]


def test_a_changed_row_survives_leaving_and_a_double_click_stores_each_once(
        seeded, app_server, app, browser_log):
    week = this_week() - dt.timedelta(weeks=2)  # an earlier week works the same
    first, second = people(seeded)[:2]
    app.goto_page(tr("nav.follow_up"))
    flows.choose_segment(app, "fu_view", tr("week_grid.view_grid"))
    flows.choose_week(app, week)
    worksheet_value = flows.rating_option(worksheet.VALUE, 2)
    assert shown_rating(app, second, week, worksheet.VALUE) == worksheet_value
    assert tr("week_grid.from_worksheet") in app.main_text()
    changed = flows.rating_option(worksheet.VALUE, 5)
    app.choose_select(cell(app, second, week, worksheet.VALUE), changed)
    assert app.main_text().count(tr("week_grid.status_changed").split(" ", 1)[1]) == 1

    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.follow_up"))
    assert segment_chosen(grid_option(app)), "the grid is still the view after coming back"
    assert shown_rating(app, second, week, worksheet.VALUE) == changed, "the draft is kept"
    assert shown_rating(app, first, week, worksheet.VALUE) == worksheet_value
    assert tr("week_grid.restored") in app.main_text()

    app.page.reload()
    app.wait_idle(-1, settle_ms=400)
    assert "view=grid" in app.page.url and segment_chosen(grid_option(app)), \
        "a reload keeps the grid"
    # A reload is a new session: the week is this week again and unsaved drafts are gone
    # (as on every form of the app); the earlier week is chosen and the change made again.
    flows.choose_week(app, week)
    app.choose_select(cell(app, second, week, worksheet.VALUE), changed)
    assert not follow_ups(app_server, week)

    app.act(lambda: save_button(app, seeded, week).dblclick())
    app.wait_idle(-1, settle_ms=600)
    stored = follow_ups(app_server, week)
    assert sorted(stored) == sorted(people(seeded))
    assert all(len(versions) == 1 for versions in stored.values()), "one version each"
    assert stored[second][0][worksheet.VALUE.key] == 5
    assert stored[first][0] == dict.fromkeys(worksheet.DIMENSION_KEYS, 2)
    # Mia, monthly, had no weekcheck before that week and no worksheet: nothing to take over,
    # so her row stays, empty, and says why it was not saved.
    assert seeded["Maandelijkse Mia"] not in stored
    assert flows.tr_count("week_grid.incomplete", 1, names="Maandelijkse Mia") in app.main_text()
    assert flows.tr_count("week_grid.saved", 8, names=", ".join(
        name for name in seeded if name not in ("project", "Maandelijkse Mia"))) in app.main_text()
    assert not app.exception_texts()
    browser_log.assert_clean()


def segment_chosen(option) -> bool:
    return flows.segment_chosen(option)
