"""Issue 15 in a real Chromium: last week in view on the Weekcheck, and an unchanged week in one
action. "After opening the follow-up" means: the Weekcheck page is showing this stakeholder (here
opened by its link, `/follow_up?stakeholder=<id>`); from there 'Niets veranderd — opslaan' is
one click. The 'Vorige keer' panel always shows the chosen stakeholder's own last week, in
whatever order people are picked, after leaving and coming back, and after a reload."""

from __future__ import annotations

import datetime as dt

import pytest

from belangen import worksheet
from belangen.ui.last_time import PANEL_KEY
from tests.factories import weekly_project

from . import flows
from .flows import this_week, tr
from .harness import AppPage, AppServer
from .saved import saved_rows
from .steps import count_steps, reset_steps, steps

pytestmark = pytest.mark.e2e

NAMES = ("Ans Aalbers", "Bram Bos", "Cor Claassen", "Dirk Dekker", "Eva Evers")
WITH_LAST_WEEK = NAMES[:4]
ONLY_WORKSHEET = NAMES[4]
LAST_RATINGS = {name: (1 + i % 5, 2 + i % 4, 3 + i % 3, 4 - i % 4)
                for i, name in enumerate(WITH_LAST_WEEK)}
PLANNED = {NAMES[0]: "Ans bellen over de planning", NAMES[1]: "Bram uitnodigen voor de schouw"}
OLDER = "Oudere reflectie van Ans"


def reflection(name: str) -> str:
    return f"Reflectie van {name}: *geen* Markdown, geen link naar https://example.org"


@pytest.fixture(scope="module")
def seeded(app_server: AppServer) -> dict[str, int]:
    """Five people with a worksheet; four with a weekcheck last week (each their own ratings
    and reflection), Ans also one two weeks ago; Ans and Bram an action planned for this week,
    Ans one more planned two weeks ago and still open."""
    with app_server.offline_store() as db:
        ids = weekly_project(db, "Vorige week", dict.fromkeys(NAMES, (2, 3, 2, 1)))
        last_week = this_week() - dt.timedelta(weeks=1)
        for name in WITH_LAST_WEEK:
            db.save_follow_up(ids[name], last_week,
                              ratings=dict(zip(worksheet.DIMENSION_KEYS, LAST_RATINGS[name],
                                               strict=True)),
                              reflection=reflection(name))
        db.save_follow_up(ids[NAMES[0]], last_week - dt.timedelta(weeks=1),
                          ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 5), reflection=OLDER)
        for name, text in PLANNED.items():
            db.add_action(ids[name], "conversation", text, planned_week=this_week())
        db.add_action(ids[NAMES[0]], "negotiation", "Ans nog te laat",
                      planned_week=this_week() - dt.timedelta(weeks=2))
        return ids


def follow_ups(app_server: AppServer, stakeholder_id: int, week: dt.date) -> list[tuple]:
    return saved_rows(
        app_server.db_path,
        "SELECT f.id, f.reflection, f.their_value_rating, "
        "list(r.rating ORDER BY r.dimension) FROM follow_up f "
        "JOIN follow_up_rating r ON r.follow_up_id = f.id "
        "WHERE f.stakeholder_id = ? AND f.week = ? GROUP BY ALL ORDER BY f.id",
        [stakeholder_id, week])


def ratings_by_dimension(name: str) -> list[int]:
    """The ratings as the query above lists them (by dimension key, alphabetically)."""
    by_key = dict(zip(worksheet.DIMENSION_KEYS, LAST_RATINGS[name], strict=True))
    return [by_key[key] for key in sorted(by_key)]


def open_follow_up(app: AppPage, stakeholder_id: int) -> AppPage:
    """The Weekcheck showing this stakeholder: the state the step count starts from."""
    app.open(f"/follow_up?stakeholder={stakeholder_id}")
    assert flows.stakeholder_in_url(app) == stakeholder_id
    return app


def in_window(app: AppPage, locator) -> bool:
    """Wholly inside the browser window as it is (Streamlit scrolls its own container)."""
    return locator.evaluate("""(el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
    }""")


def panel_text(app: AppPage) -> str:
    return app.key(PANEL_KEY).inner_text()


def assert_own_last_week(app: AppPage, name: str) -> None:
    """The panel shows `name`'s own last time and nobody else's."""
    assert name in flows.chosen_stakeholder(app)
    text = panel_text(app)
    if name == ONLY_WORKSHEET:
        assert tr("follow_up.last_time_worksheet") in text, text
    else:
        assert reflection(name) in text, (name, text)
        row = worksheet.DIMENSIONS[0]
        assert f"{row.short_name('nl')} {row.labelled_rating(LAST_RATINGS[name][0], 'nl')}" in (
            text), text
    others = [other for other in WITH_LAST_WEEK if other != name]
    assert not [other for other in others if reflection(other) in text], text
    assert not [text_ for person, text_ in PLANNED.items()
                if person != name and text_ in text], text
    if name in PLANNED:
        assert PLANNED[name] in text, text


def test_an_unchanged_week_is_one_action_after_opening_the_follow_up(
    seeded, browser_session, new_tab, app_server, browser_log
):
    ans = seeded[NAMES[0]]
    count_steps(browser_session[0])
    app = open_follow_up(new_tab(), ans)
    text = panel_text(app)
    assert reflection(NAMES[0]) in text, "last week's reflection, in the panel"
    assert "*geen*" in text, "as the user wrote it, not as Markdown"
    assert app.key(PANEL_KEY).locator("a, em").count() == 0, "no link, no emphasis"
    assert PLANNED[NAMES[0]] in text, "the action planned for this week"
    assert tr("follow_up.last_time_overdue.one", count=1) in text
    assert OLDER not in text
    button = flows.form_button(app, flows.follow_up_form(ans, this_week()), "unchanged")
    assert in_window(app, button), "the one action needs no scrolling first (1280 × 900)"
    before = follow_ups(app_server, ans, this_week())
    reset_steps(app.page)

    app.click(button)

    assert steps(app.page) <= 1, f"{steps(app.page)} actions for an unchanged week"
    assert steps(app.page) == 1
    after = follow_ups(app_server, ans, this_week())
    assert before == []
    assert len(after) == 1, after
    _, saved_reflection, their_value, saved_ratings = after[0]
    assert (saved_reflection, their_value) == ("", None)
    assert saved_ratings == ratings_by_dimension(NAMES[0]), "last week's ratings"
    assert saved_rows(app_server.db_path,
                      "SELECT count(*) FROM action WHERE stakeholder_id = ? "
                      "AND status IN ('planned', 'in_progress')", [ans]) == [(2,)], (
        "nothing ticked")
    assert not app.exception_texts(), app.exception_texts()
    browser_log.assert_clean()


def test_the_panel_shows_the_chosen_stakeholders_own_last_week(seeded, app, new_tab,
                                                               browser_log):
    app.goto_page(tr("nav.follow_up"))
    for name in (NAMES[3], NAMES[1], ONLY_WORKSHEET, NAMES[0], NAMES[2], NAMES[1]):
        flows.pick_stakeholder_once(app, name)
        assert_own_last_week(app, name)

    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.follow_up"))
    assert_own_last_week(app, NAMES[1])

    app.page.reload()
    app.wait_idle(0, settle_ms=300)
    assert_own_last_week(app, NAMES[1])

    # Another week: the weekcheck before that one (Ans's older one), not last week's.
    flows.choose_week(app, this_week() - dt.timedelta(weeks=1))
    flows.pick_stakeholder_once(app, NAMES[0])
    text = panel_text(app)
    assert OLDER in text and reflection(NAMES[0]) not in text, text
    flows.choose_week(app, this_week())
    assert_own_last_week(app, NAMES[0])

    # A link to someone else, in a new tab.
    other = open_follow_up(new_tab(), seeded[NAMES[3]])
    assert_own_last_week(other, NAMES[3])
    assert not app.exception_texts() and not other.exception_texts()
    browser_log.assert_clean()


def test_a_double_click_on_niets_veranderd_stores_one_version(seeded, new_tab, app_server,
                                                              browser_log):
    bram = seeded[NAMES[1]]
    app = open_follow_up(new_tab(), bram)
    everyone = "SELECT count(*) FROM follow_up WHERE week = ?"
    (before,) = saved_rows(app_server.db_path, everyone, [this_week()])[0]
    button = flows.form_button(app, flows.follow_up_form(bram, this_week()), "unchanged")
    app.act(button.dblclick)
    app.wait_idle(app.runs(), settle_ms=800)
    assert len(follow_ups(app_server, bram, this_week())) == 1
    (after,) = saved_rows(app_server.db_path, everyone, [this_week()])[0]
    assert after == before + 1, "one weekcheck, and none for the next person either"
    # The page went on with the next one still to do, and so did the panel.
    following = app.key("fu_moved_on").inner_text()
    assert NAMES[1] in following
    next_name = next(name for name in NAMES if name != NAMES[1] and name in following)
    assert_own_last_week(app, next_name)
    assert not app.exception_texts(), app.exception_texts()
    browser_log.assert_clean()


def test_another_week_for_a_new_action_leaves_niets_veranderd_in_place(seeded, new_tab,
                                                                       app_server, browser_log):
    """Choosing 'Andere week…' for a new action, without typing one, changes nothing that
    would be stored: the unchanged save stays offered and stores no action."""
    dirk = seeded[NAMES[3]]
    app = open_follow_up(new_tab(), dirk)
    form = flows.follow_up_form(dirk, this_week())
    app.choose_select(flows.field(app, form, "new_week_when"), tr("planned.another_week"))
    button = flows.form_button(app, form, "unchanged")
    assert button.count() == 1, "'Niets veranderd' disappeared"
    app.click(button)
    saved = follow_ups(app_server, dirk, this_week())
    assert len(saved) == 1 and saved[0][3] == ratings_by_dimension(NAMES[3])
    assert saved_rows(app_server.db_path, "SELECT count(*) FROM action WHERE stakeholder_id = ?",
                      [dirk]) == [(0,)]
    assert not app.exception_texts(), app.exception_texts()
    browser_log.assert_clean()
