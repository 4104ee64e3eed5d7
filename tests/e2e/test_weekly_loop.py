"""Issue 10 in a real Chromium: the five defects of the weekly loop, walked the way a user walks.

1. A saved follow-up (and a saved worksheet row) reads back after leaving the page and coming
   back in the same session, instead of "1 · …" and an empty reflection.
2. Picking the second stakeholder and saving shows no KeyError.
3. The stakeholder picker follows every choice, in any order, on every page that has one.
4. A double click on a create button stores one record.
5. Overzicht shows "—" for a rating nobody gave, never "None".
"""

from __future__ import annotations

import datetime as dt

import pytest

from belangen import worksheet
from tests.factories import weekly_project

from . import flows
from .flows import this_week, tr
from .harness import AppServer
from .saved import saved_rows

pytestmark = pytest.mark.e2e

WORKSHEET_START = (2, 3, 2, 1)
NAMES = ("Ans de Wit", "Bob Jansen", "Cor Smit")
PROJECT = "Herinrichting stationsgebied"


@pytest.fixture(scope="module")
def seeded(app_server: AppServer) -> dict[str, int]:
    """A project of ten weeks with three stakeholders; the first two have a filled worksheet,
    the third has no rating at all. Written through the Store while the server is stopped."""
    with app_server.offline_store() as db:
        return weekly_project(db, PROJECT, {NAMES[0]: WORKSHEET_START,
                                            NAMES[1]: WORKSHEET_START, NAMES[2]: None})


def test_a_saved_follow_up_reads_back_after_leaving_and_returning(seeded, app, app_server,
                                                                   browser_log):
    ans = seeded[NAMES[0]]
    app.goto_page(tr("nav.follow_up"))
    flows.choose_stakeholder(app, NAMES[0])
    flows.fill_follow_up(app, ans, this_week(), (5, 5, 5, 2), "Goed gesprek over de planning.")
    flows.save_follow_up(app, ans, this_week())
    saved = {
        "ratings": [flows.rating_option(row, rating)
                    for row, rating in zip(worksheet.DIMENSIONS, (5, 5, 5, 2), strict=True)],
        "reflection": "Goed gesprek over de planning.",
    }
    flows.choose_stakeholder(app, NAMES[0])  # the page may have moved on to the next person
    assert flows.follow_up_state(app, ans, this_week()) == saved

    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.follow_up"))
    flows.choose_stakeholder(app, NAMES[0])
    assert flows.follow_up_state(app, ans, this_week()) == saved
    # Saving again after coming back stores what is on screen, not 1/1/1/1.
    flows.save_follow_up(app, ans, this_week())
    latest = saved_rows(app_server.db_path,
                        "SELECT r.dimension, r.rating, f.reflection FROM follow_up f "
                        "JOIN follow_up_rating r ON r.follow_up_id = f.id "
                        "WHERE f.id = (SELECT max(id) FROM follow_up WHERE stakeholder_id = ?) "
                        "ORDER BY r.dimension", [ans])
    assert {dimension: rating for dimension, rating, _ in latest} == dict(
        zip(worksheet.DIMENSION_KEYS, (5, 5, 5, 2), strict=True))
    assert {reflection for *_, reflection in latest} == {"Goed gesprek over de planning."}
    assert not app.exception_texts()
    browser_log.assert_clean()


def test_a_saved_worksheet_row_reads_back_after_leaving_and_returning(seeded, app, browser_log):
    bob = seeded[NAMES[1]]
    app.goto_page(tr("nav.worksheet"))
    flows.choose_stakeholder(app, NAMES[1])
    flows.fill_worksheet_row(app, bob, worksheet.CONVERSATION, 4, 5, "Open over de begroting.")
    flows.save_worksheet(app, bob)

    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.worksheet"))
    flows.choose_stakeholder(app, NAMES[1])
    assert flows.worksheet_row_state(app, bob, worksheet.CONVERSATION) == {
        "rating": flows.rating_option(worksheet.CONVERSATION, 4),
        "target": flows.rating_option(worksheet.CONVERSATION, 5),
        "reflection": "Open over de begroting.",
    }
    assert not app.exception_texts()
    browser_log.assert_clean()


def test_a_worksheet_rows_versions_read_back_after_a_double_click_a_reload_and_another_order(
        seeded, app, app_server, browser_log):
    """The Werkblad draws each row's current value and its earlier versions from one read: a
    second save (double-clicked) is one version; after leaving, reloading and choosing someone
    else first, the row shows the newest and its panel the two before it, newest first."""
    ans = seeded[NAMES[0]]
    row = worksheet.NEGOTIATION
    app.goto_page(tr("nav.worksheet"))
    flows.choose_stakeholder(app, NAMES[0])
    flows.fill_worksheet_row(app, ans, row, 3, None, "Eerste ruil besproken.")
    flows.save_worksheet(app, ans)
    flows.fill_worksheet_row(app, ans, row, 4, None, "Voorstel ligt op tafel.")
    app.act(flows.form_button(app, f"ws_{ans}").dblclick)
    app.wait_idle(app.runs(), settle_ms=800)
    assert not app.exception_texts(), app.exception_texts()
    versions = "SELECT reflection FROM worksheet_entry WHERE stakeholder_id = ? AND dimension = ? "
    assert saved_rows(app_server.db_path, versions + "ORDER BY id", [ans, row.key]) == [
        ("Start",), ("Eerste ruil besproken.",), ("Voorstel ligt op tafel.",)]

    app.goto_page(tr("nav.overview"))
    app.page.reload()
    app.wait_idle(0, settle_ms=300)
    app.goto_page(tr("nav.worksheet"))
    flows.choose_stakeholder(app, NAMES[1])
    flows.choose_stakeholder(app, NAMES[0])
    shown = flows.worksheet_row_state(app, ans, row)
    assert (shown["rating"], shown["reflection"]) == (flows.rating_option(row, 4),
                                                      "Voorstel ligt op tafel.")
    panel = flows.open_expander(app, tr("worksheet.history", count=2))
    earlier = panel.inner_text()
    assert "Voorstel ligt op tafel." not in earlier
    assert earlier.index("Eerste ruil besproken.") < earlier.index("Start")
    assert flows.rating_option(row, 3) in earlier
    assert not app.exception_texts(), app.exception_texts()
    browser_log.assert_clean()


def test_saving_the_second_stakeholder_shows_no_error(seeded, app, app_server, browser_log):
    bob = seeded[NAMES[1]]
    last_week = this_week() - dt.timedelta(weeks=1)
    app.goto_page(tr("nav.follow_up"))
    flows.choose_week(app, last_week)
    flows.choose_stakeholder(app, NAMES[1])
    flows.fill_follow_up(app, bob, last_week, (3, 3, 3, 3), "Tweede van de rij.")
    flows.save_follow_up(app, bob, last_week)
    assert not app.exception_texts(), app.exception_texts()
    assert saved_rows(app_server.db_path,
                      "SELECT count(*) FROM follow_up WHERE stakeholder_id = ? AND week = ?",
                      [bob, last_week]) == [(1,)]
    browser_log.assert_clean()


@pytest.mark.parametrize("page", ["nav.trends", "nav.follow_up", "nav.worksheet",
                                  "nav.stakeholders"])
def test_the_stakeholder_picker_follows_every_choice(seeded, app, page, browser_log):
    app.goto_page(tr(page))
    for name in (NAMES[1], NAMES[2], NAMES[0], NAMES[2], NAMES[1], NAMES[1], NAMES[0]):
        flows.pick_stakeholder_once(app, name)
        assert name in flows.chosen_stakeholder(app), (page, name)
        assert flows.stakeholder_in_url(app) == seeded[name], (page, name)
    assert not app.exception_texts()
    browser_log.assert_clean()


def count_projects(app_server: AppServer, name: str) -> int:
    return saved_rows(app_server.db_path, "SELECT count(*) FROM project WHERE name = ?",
                      [name])[0][0]


def test_a_double_click_creates_one_project_and_one_interest(seeded, app, app_server,
                                                             browser_log):
    for attempt in range(3):
        name = f"Dubbelklik {attempt}"
        app.goto_page(tr("nav.projects"))
        flows.fill_new_project(app, name, dt.date.today() - dt.timedelta(weeks=1))
        app.act(flows.new_project_button(app).dblclick)
        app.wait_idle(app.runs(), settle_ms=800)
        assert count_projects(app_server, name) == 1, attempt

    flows.choose_project(app, PROJECT)  # a new project became the active one
    app.goto_page(tr("nav.stakeholders"))
    flows.choose_stakeholder(app, NAMES[2])
    cor = seeded[NAMES[2]]
    for attempt in range(3):
        text = f"Dubbel belang {attempt}"
        flows.fill_new_interest(app, cor, text)
        app.act(flows.new_interest_button(app, cor).dblclick)
        app.wait_idle(app.runs(), settle_ms=800)
        assert saved_rows(app_server.db_path, "SELECT count(*) FROM interest WHERE text = ?",
                          [text]) == [(1,)], attempt
    assert not app.exception_texts()
    browser_log.assert_clean()


def test_overview_shows_a_dash_for_ratings_nobody_gave(seeded, app, browser_log):
    flows.choose_project(app, PROJECT)
    app.goto_page(tr("nav.overview"))
    rows = flows.overview_stakeholder_rows(app)
    cor = next(row for row in rows if row[0] == NAMES[2])
    assert cor[1:5] == ["—"] * 4, cor
    assert not any("None" in cell for row in rows for cell in row), rows
    browser_log.assert_clean()
