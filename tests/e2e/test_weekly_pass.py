"""Issue 10 in a real Chromium, the rest of the weekly pass: drafts that survive leaving a page,
changes saved in another tab set aside visibly, moving on to the next person (and back), and a
double click on a save that stores one version."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from belangen import worksheet
from tests.factories import weekly_project

from . import flows
from .flows import this_week, tr
from .harness import AppServer
from .saved import saved_rows

pytestmark = pytest.mark.e2e

NAMES = ("Ans de Wit", "Bob Jansen", "Cor Smit")


@pytest.fixture(scope="module")
def seeded(app_server: AppServer) -> dict[str, int]:
    """Three stakeholders with a filled worksheet in a project of ten weeks."""
    with app_server.offline_store() as db:
        return weekly_project(db, "Weekpas", dict.fromkeys(NAMES, (2, 3, 2, 1)))


def versions(app_server: AppServer, stakeholder_id: int, week: dt.date) -> int:
    return saved_rows(app_server.db_path,
                      "SELECT count(*) FROM follow_up WHERE stakeholder_id = ? AND week = ?",
                      [stakeholder_id, week])[0][0]


def test_unsaved_changes_survive_leaving_the_page_and_can_be_dropped(seeded, app, browser_log):
    week = this_week() - dt.timedelta(weeks=3)
    cor = seeded[NAMES[2]]
    app.goto_page(tr("nav.follow_up"))
    flows.choose_week(app, week)
    flows.choose_stakeholder(app, NAMES[2])
    form = flows.follow_up_form(cor, week)
    app.choose_radio(flows.field(app, form, "rating_value"),
                     flows.rating_option(worksheet.VALUE, 4), rerun=True)
    flows.type_text(app, flows.field(app, form, "reflection").locator("textarea"),
                    "Nog niet opgeslagen")

    app.goto_page(tr("nav.worksheet"))
    flows.choose_stakeholder(app, NAMES[2])
    flows.fill_worksheet_row(app, cor, worksheet.NEGOTIATION, 4, None, "Concept voor rij 5")
    app.goto_page(tr("nav.overview"))

    app.goto_page(tr("nav.follow_up"))
    assert flows.chosen_stakeholder(app).endswith(NAMES[2])
    state = flows.follow_up_state(app, cor, week)
    assert state["reflection"] == "Nog niet opgeslagen"
    assert state["ratings"][1] == flows.rating_option(worksheet.VALUE, 4)
    assert state["ratings"][0] is None, "a rating nobody chose is not option 1"
    assert tr("form.restored") in app.main_text()

    app.goto_page(tr("nav.worksheet"))
    assert flows.worksheet_row_state(app, cor, worksheet.NEGOTIATION) == {
        "rating": flows.rating_option(worksheet.NEGOTIATION, 4), "target": "—",
        "reflection": "Concept voor rij 5"}
    app.click(flows.form_button(app, f"ws_{cor}", "discard"))
    assert flows.worksheet_row_state(app, cor, worksheet.NEGOTIATION) == {
        "rating": flows.rating_option(worksheet.NEGOTIATION, 1), "target": "—",
        "reflection": "Start"}
    assert not app.exception_texts()
    browser_log.assert_clean()


def test_a_save_in_another_tab_sets_the_draft_aside_visibly(seeded, app, new_tab, app_server,
                                                            browser_log):
    week = this_week() - dt.timedelta(weeks=2)
    bob = seeded[NAMES[1]]
    form = flows.follow_up_form(bob, week)
    app.goto_page(tr("nav.follow_up"))
    flows.choose_week(app, week)
    flows.choose_stakeholder(app, NAMES[1])
    flows.fill_follow_up(app, bob, week, (2, 2, 2, 2), "Uit het eerste tabblad")
    app.goto_page(tr("nav.overview"))

    other = new_tab().open("/")
    other.goto_page(tr("nav.follow_up"))
    flows.choose_week(other, week)
    flows.choose_stakeholder(other, NAMES[1])
    flows.fill_follow_up(other, bob, week, (4, 4, 4, 4), "Uit het tweede tabblad")
    flows.save_follow_up(other, bob, week)

    app.page.bring_to_front()
    app.goto_page(tr("nav.follow_up"))
    flows.choose_stakeholder(app, NAMES[1])
    assert flows.follow_up_state(app, bob, week) == {
        "ratings": [flows.rating_option(row, 4) for row in worksheet.DIMENSIONS],
        "reflection": "Uit het tweede tabblad"}
    set_aside = app.key(f"{form}__set_aside")
    assert "Uit het eerste tabblad" in set_aside.inner_text()
    app.click(set_aside.get_by_role("button", name=tr("form.restore_set_aside")))
    assert flows.follow_up_state(app, bob, week)["reflection"] == "Uit het eerste tabblad"
    flows.save_follow_up(app, bob, week)
    assert versions(app_server, bob, week) == 2
    assert not app.exception_texts() and not other.exception_texts()
    browser_log.assert_clean()


def test_after_saving_the_next_person_is_shown_and_the_user_can_stay(seeded, app, app_server,
                                                                      browser_log):
    ans, bob = seeded[NAMES[0]], seeded[NAMES[1]]
    app.goto_page(tr("nav.follow_up"))
    flows.choose_week(app, this_week())
    flows.choose_stakeholder(app, NAMES[0])
    flows.fill_follow_up(app, ans, this_week(), (3, 3, 3, 3), "Eerste van de week")
    flows.save_follow_up(app, ans, this_week())
    assert flows.chosen_stakeholder(app).endswith(NAMES[1]), "moved on to the next one to do"
    notice = app.key("fu_moved_on")
    assert NAMES[0] in notice.inner_text() and NAMES[1] in notice.inner_text()

    app.click(notice.get_by_role("button"))
    assert flows.chosen_stakeholder(app).endswith(NAMES[0])
    assert flows.follow_up_state(app, ans, this_week())["reflection"] == "Eerste van de week"
    assert not app.key("fu_moved_on").count()

    # A re-save of someone already done this week stays with them; so does a backfill.
    flows.save_follow_up(app, ans, this_week())
    assert flows.chosen_stakeholder(app).endswith(NAMES[0])
    last_week = this_week() - dt.timedelta(weeks=1)
    flows.choose_week(app, last_week)
    flows.choose_stakeholder(app, NAMES[1])
    flows.fill_follow_up(app, bob, last_week, (2, 3, 2, 1), "Ingehaald")
    flows.save_follow_up(app, bob, last_week)
    assert flows.chosen_stakeholder(app).endswith(NAMES[1])
    assert versions(app_server, ans, this_week()) == 2
    assert not app.exception_texts()
    browser_log.assert_clean()


def test_a_double_click_on_save_stores_one_version(seeded, app, app_server, browser_log):
    cor = seeded[NAMES[2]]
    for weeks_ago in (5, 6):
        week = this_week() - dt.timedelta(weeks=weeks_ago)
        app.goto_page(tr("nav.follow_up"))
        flows.choose_week(app, week)
        flows.choose_stakeholder(app, NAMES[2])
        flows.fill_follow_up(app, cor, week, (3, 4, 3, 4), "Dubbelklik")
        app.act(flows.form_button(app, flows.follow_up_form(cor, week)).dblclick)
        app.wait_idle(app.runs(), settle_ms=800)
        assert versions(app_server, cor, week) == 1, weeks_ago
    app.goto_page(tr("nav.worksheet"))
    flows.choose_stakeholder(app, NAMES[2])
    flows.fill_worksheet_row(app, cor, worksheet.VALUE, 5, 5, "Dubbel opgeslagen?")
    app.act(flows.form_button(app, f"ws_{cor}").dblclick)
    app.wait_idle(app.runs(), settle_ms=800)
    assert saved_rows(app_server.db_path,
                      "SELECT count(*) FROM worksheet_entry WHERE stakeholder_id = ? "
                      "AND dimension = 'value'", [cor]) == [(2,)]
    assert not app.exception_texts()
    browser_log.assert_clean()


def test_the_first_session_after_a_start_keeps_its_choices_across_pages(seeded, app_server,
                                                                       new_tab, browser_log):
    """Streamlit's first run of a process goes through its old pages/ discovery; what the user
    chose or typed on that first page survives the first page change (it did not: the language
    fell back to Dutch and the draft was gone)."""
    app_server.restart()
    cor = seeded[NAMES[2]]
    week = this_week() - dt.timedelta(weeks=4)
    with flows.speaking("en"):
        app = new_tab().open("/?lang=en")  # the root: the discovery runs app.py as a page
        app.goto_page(tr("nav.follow_up"))  # the first page change of the first session
        assert app.page.get_by_test_id("stMain").locator("h1").first.inner_text() == tr(
            "follow_up.title"), "the language was forgotten"
        flows.choose_week(app, week)
        flows.choose_stakeholder(app, NAMES[2])
        form = flows.follow_up_form(cor, week)
        flows.type_text(app, flows.field(app, form, "reflection").locator("textarea"),
                        "Typed in the very first session")
        app.goto_page(tr("nav.overview"))
        app.goto_page(tr("nav.follow_up"))
        assert flows.chosen_stakeholder(app).endswith(NAMES[2])
        assert flows.follow_up_state(app, cor, week)["reflection"] == (
            "Typed in the very first session")
    assert not app.exception_texts()
    browser_log.assert_clean()


def focused_field(app) -> str | None:
    """The widget key (`st-key-…` class) around the element that has keyboard focus, if any."""
    return app.page.evaluate("""() => {
        const box = document.activeElement && document.activeElement.closest("[class*='st-key-']");
        if (!box) return null;
        const name = [...box.classList].find(c => c.startsWith("st-key-"));
        return name.slice("st-key-".length);
    }""")


def in_window(app, key: str) -> bool:
    """Whether the field is in the window once the page has settled: drawing above it may push
    it away for a moment after focus, and the app brings it back."""
    try:
        app.page.wait_for_function("""(key) => {
            const box = document.querySelector(".st-key-" + key).getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
        }""", arg=key, timeout=5000)
    except PlaywrightTimeout:
        return False
    return True


def test_after_saving_focus_goes_to_the_first_question_of_the_next_form(seeded, app,
                                                                       browser_log):
    """A keyboard user goes on at the first question of the form that follows, in view, instead
    of at the bottom of the form just saved (issue 14)."""
    bob = seeded[NAMES[1]]
    first = worksheet.DIMENSIONS[0].key
    app.goto_page(tr("nav.follow_up"))
    flows.choose_week(app, this_week())
    flows.choose_stakeholder(app, NAMES[1])
    flows.fill_follow_up(app, bob, this_week(), (3, 2, 3, 2), "Met het toetsenbord")
    flows.save_follow_up(app, bob, this_week())
    app.page.wait_for_function("() => document.activeElement.tagName === 'INPUT'", timeout=5000)
    after = flows.stakeholder_in_url(app)
    assert after != bob, "moved on to the next person still to do"
    expected = f"{flows.follow_up_form(after, this_week())}__rating_{first}"
    assert focused_field(app) == expected
    assert in_window(app, expected)

    # A backfill stays with the same person: focus goes back to the top of that form.
    week = this_week() - dt.timedelta(weeks=7)
    flows.choose_week(app, week)
    flows.choose_stakeholder(app, NAMES[1])
    flows.fill_follow_up(app, bob, week, (2, 2, 2, 2), "Ingehaald met het toetsenbord")
    flows.save_follow_up(app, bob, week)
    app.page.wait_for_function("() => document.activeElement.tagName === 'INPUT'", timeout=5000)
    expected = f"{flows.follow_up_form(bob, week)}__rating_{first}"
    assert focused_field(app) == expected
    assert in_window(app, expected)
    assert not app.exception_texts()
    browser_log.assert_clean()


def test_after_saving_the_picker_marks_the_person_done(seeded, app, browser_log):
    """The picker marks who is still to do (○) and who is done (✓); the browser kept the text
    of the chosen option as it was, so right after a save it still said ○."""
    cor = seeded[NAMES[2]]
    week = this_week() - dt.timedelta(weeks=8)
    app.goto_page(tr("nav.follow_up"))
    flows.choose_week(app, week)
    flows.choose_stakeholder(app, NAMES[2])
    assert flows.chosen_stakeholder(app).startswith("○ ")
    flows.fill_follow_up(app, cor, week, (3, 3, 3, 3), "Gedaan")
    flows.save_follow_up(app, cor, week)
    assert flows.chosen_stakeholder(app) == f"✓ {NAMES[2]}"
    assert not app.exception_texts()
    browser_log.assert_clean()


def test_a_renamed_project_shows_its_new_name_in_the_sidebar(seeded, app, browser_log):
    """The same browser habit as the ○/✓ above, in the sidebar's project picker: after renaming
    the active project it kept showing the old name."""
    project = seeded["project"]
    app.goto_page(tr("nav.projects"))
    name = flows.field(app, f"proj_{project}", "name").locator("input")
    flows.type_text(app, name, "Weekpas hernoemd")
    app.click(flows.form_button(app, f"proj_{project}"))
    picker = app.page.get_by_test_id("stSidebar").locator(".st-key-sidebar_project")
    assert picker.get_by_role("combobox").input_value() == "Weekpas hernoemd"
    assert not app.exception_texts()
    browser_log.assert_clean()
