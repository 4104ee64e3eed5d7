"""Every screen under AppTest: it draws without an exception and its main flow stores for real."""

from __future__ import annotations

import datetime as dt

import pyarrow
import pytest
from streamlit.testing.v1 import AppTest

from belangen import backup, domain, formats, sample, screens, ui, worksheet
from belangen.store import Store
from tests.apptest import (
    archived_panel,
    field,
    follow_stakeholder_link,
    interest_panel,
    open_panel,
    run_app,
    submit,
    submit_button,
)
from tests.factories import filled_stakeholder

PAGES = [screen.path for screen in screens.SCREENS]


def open_page(app: AppTest, page: str) -> AppTest:
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def worksheet_of_a_new_stakeholder(store: Store) -> tuple[AppTest, int]:
    """The Werkblad open on the one stakeholder of a project, with nothing recorded yet."""
    project_id = store.create_project("Stationsgebied")
    stakeholder_id = store.create_stakeholder(project_id, "Wethouder Jansen")
    app = run_app()
    open_page(app, screens.WORKSHEET.path)
    return app, stakeholder_id


def errors(app: AppTest) -> list[str]:
    return [element.value for element in app.error]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_draws_on_an_empty_database(app: AppTest, page: str) -> None:
    open_page(app, page)
    assert app.title, f"{page} shows no title"


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_draws_with_data_in_both_languages(
    store: Store, db_path, page: str, lang: str
) -> None:
    _project_id, stakeholder_id = filled_stakeholder(store)
    this_week = domain.week_start(store.today())
    store.save_follow_up(stakeholder_id, this_week - dt.timedelta(weeks=1),
                         ratings={key: 3 for key in worksheet.DIMENSION_KEYS}, reflection="Goed")
    app = run_app()
    app.selectbox(key=ui.LANGUAGE_KEY).set_value(lang).run()
    open_page(app, page)
    assert app.title
    heading = app.title[0].value
    if page == screens.WORKSHEET.path:
        assert heading == ("Worksheet" if lang == "en" else "Werkblad")


def test_first_time_user_sees_welcome_and_one_first_step(app: AppTest) -> None:
    assert app.title[0].value == "Welkom bij Belangen"
    assert "motor van de samenwerking" in app.markdown[0].value
    app.button(key="ov_first_step").click().run()
    assert app.title[0].value == "Projecten"


def test_create_edit_archive_and_reopen_a_project(app: AppTest, db_path) -> None:
    open_page(app, screens.PROJECTS.path)
    app.text_input(key=field("proj_new", "name")).set_value("Stationsgebied")
    app.text_area(key=field("proj_new", "own_goal")).set_value("Draagvlak bij de raad")
    app.date_input(key=field("proj_new", "start_date")).set_value(dt.date(2026, 9, 1))
    submit(app, "proj_new")
    assert not errors(app)
    db = Store(db_path)
    (project,) = db.list_projects()
    assert (project.name, project.own_goal, project.start_date) == (
        "Stationsgebied", "Draagvlak bij de raad", dt.date(2026, 9, 1))
    assert app.session_state[ui.PROJECT_KEY] == project.id
    assert app.text_input(key=field("proj_new", "name")).value == "", (
        "form keeps old text after save")

    app.text_input(key=field(f"proj_{project.id}", "name")).set_value("Stationsgebied Noord")
    submit(app, f"proj_{project.id}")
    assert db.get_project(project.id).name == "Stationsgebied Noord"

    submit(app, f"proj_{project.id}_archive")
    assert db.get_project(project.id).archived
    assert db.list_projects() == []
    submit(app, f"proj_{project.id}_reopen")
    assert not db.get_project(project.id).archived


def test_stakeholder_with_two_interests_is_stored(app: AppTest, store: Store) -> None:
    project_id = store.create_project("Stationsgebied")
    open_page(app, screens.STAKEHOLDERS.path)
    new = f"sh_new_{project_id}"
    app.text_input(key=field(new, "name")).set_value("Wethouder Jansen")
    app.text_input(key=field(new, "role")).set_value("Gemeente")
    app.text_area(key=field(new, "constituency")).set_value("De raad")
    submit(app, new)
    assert not errors(app)
    (stakeholder,) = store.list_stakeholders(project_id)
    assert (stakeholder.name, stakeholder.role, stakeholder.constituency) == (
        "Wethouder Jansen", "Gemeente", "De raad")
    assert app.session_state[ui.STAKEHOLDER_KEY] == stakeholder.id, "the new one is selected"

    adder = f"sh_int_new_{stakeholder.id}"
    for text, kind, status in [("Herverkiezing", "political", "suspected"),
                               ("Budget", "organisational", "confirmed")]:
        app.text_area(key=field(adder, "text")).set_value(text)
        app.selectbox(key=field(adder, "kind")).set_value(kind)
        app.radio(key=field(adder, "status")).set_value(status)
        submit(app, adder)
        assert not errors(app)
        assert app.text_area(key=field(adder, "text")).value == ""
    interests = store.list_interests(stakeholder.id)
    assert [(i.text, i.kind, i.status) for i in interests] == [
        ("Herverkiezing", "political", "suspected"), ("Budget", "organisational", "confirmed")]
    assert interests[1].confirmed_on == store.today()

    first = interests[0]
    open_panel(app, interest_panel(first.id))
    app.radio(key=field(f"sh_int_{first.id}", "status")).set_value("confirmed")
    submit(app, f"sh_int_{first.id}")
    assert store.get_interest(first.id).confirmed_on == store.today()


def test_worksheet_rows_are_saved_as_versions_and_deep_link_opens_stakeholder(
    store: Store, db_path
) -> None:
    store.create_project("Ander project")
    project_id = store.create_project("Stationsgebied")
    other = store.create_stakeholder(project_id, "Bewonersvereniging")
    stakeholder_id = store.create_stakeholder(project_id, "Wethouder Jansen")
    app = follow_stakeholder_link(str(stakeholder_id))
    assert app.session_state[ui.PROJECT_KEY] == project_id
    assert app.session_state[ui.STAKEHOLDER_KEY] == stakeholder_id
    (picker,) = [box for box in app.selectbox if box.label == "Stakeholder"]
    assert picker.value == stakeholder_id

    form = f"ws_{stakeholder_id}"
    app.radio(key=field(form, "value_rating")).set_value(2)
    app.selectbox(key=field(form, "value_target")).set_value(4)
    app.text_area(key=field(form, "value_reflection")).set_value("<b>vet</b> **ster**")
    submit(app, form)
    assert not errors(app)
    app.radio(key=field(form, "value_rating")).set_value(3)
    submit(app, form)
    history = store.worksheet_history(stakeholder_id, "value")
    assert [(e.rating, e.target, e.reflection) for e in history] == [
        (3, 4, "<b>vet</b> **ster**"), (2, 4, "<b>vet</b> **ster**")]
    assert store.latest_worksheet(other) == {}
    # The earlier version is shown as literal text, never rendered.
    assert any("<b>vet</b> **ster**" in text.value for text in app.text)


def test_worksheet_refuses_a_missing_rating_and_saves_nothing(store: Store, db_path) -> None:
    app, stakeholder_id = worksheet_of_a_new_stakeholder(store)
    form = f"ws_{stakeholder_id}"
    app.text_area(key=field(form, "conversation_reflection")).set_value("Nog geen cijfer")
    submit(app, form)
    assert errors(app) == ["Kies een waardering van 1 tot en met 5."]
    assert store.latest_worksheet(stakeholder_id) == {}
    assert app.text_area(key=field(form, "conversation_reflection")).value == "Nog geen cijfer"


def test_worksheet_saves_every_changed_row_at_once_as_versions(store: Store, db_path) -> None:
    _, stakeholder_id = filled_stakeholder(store)
    before = {key: len(store.worksheet_history(stakeholder_id, key))
              for key in worksheet.DIMENSION_KEYS}
    app = run_app()
    open_page(app, screens.WORKSHEET.path)
    form = f"ws_{stakeholder_id}"
    app.radio(key=field(form, "genuine_interest_rating")).set_value(5)
    app.text_area(key=field(form, "negotiation_reflection")).set_value("Wil nu praten")
    submit(app, form)
    assert not errors(app)
    after = {key: len(store.worksheet_history(stakeholder_id, key))
             for key in worksheet.DIMENSION_KEYS}
    assert after == {**before, "genuine_interest": before["genuine_interest"] + 1,
                     "negotiation": before["negotiation"] + 1}
    latest = store.latest_worksheet(stakeholder_id)
    assert latest["genuine_interest"].rating == 5
    assert latest["negotiation"].reflection == "Wil nu praten"


def save_over_another_tabs_row(store: Store) -> tuple[AppTest, int, str]:
    """The Werkblad open in this tab, row 5 saved from another tab after it opened, then this
    tab saves its own text for that row. Returns the app, the stakeholder and the form id."""
    _, stakeholder_id = filled_stakeholder(store)
    app = run_app()
    open_page(app, screens.WORKSHEET.path)
    form = f"ws_{stakeholder_id}"
    opened = store.latest_worksheet(stakeholder_id)["negotiation"]
    store.save_worksheet_entry(stakeholder_id, "negotiation", reflection="Uit tab twee",
                               rating=1, based_on=opened.id)
    app.text_area(key=field(form, "negotiation_reflection")).set_value("Uit tab een")
    submit(app, form)
    return app, stakeholder_id, form


def test_second_tab_cannot_silently_overwrite_a_worksheet_row(store: Store, db_path) -> None:
    app, stakeholder_id, form = save_over_another_tabs_row(store)
    assert store.latest_worksheet(stakeholder_id)["negotiation"].reflection == "Uit tab twee"
    assert app.warning, "the user is not told that the row changed"
    assert app.text_area(key=field(form, "negotiation_reflection")).value == "Uit tab een"

    app.button(key=f"{form}__keep_mine").click().run()
    submit(app, form)
    assert store.latest_worksheet(stakeholder_id)["negotiation"].reflection == "Uit tab een"
    assert len(store.worksheet_history(stakeholder_id, "negotiation")) == 3


def test_conflict_reload_shows_the_other_tabs_text(store: Store, db_path) -> None:
    app, _, form = save_over_another_tabs_row(store)
    app.button(key=f"{form}__load_newest").click().run()
    assert app.text_area(key=field(form, "negotiation_reflection")).value == "Uit tab twee"
    assert app.radio(key=field(form, "negotiation_rating")).value == 1


def test_actions_are_added_and_change_status(store: Store, db_path) -> None:
    app, stakeholder_id = worksheet_of_a_new_stakeholder(store)
    adder = f"ws_new_action_{stakeholder_id}_conversation"
    app.button(key=f"{adder}__open").click().run()
    app.text_input(key=field(adder, "text")).set_value("Koffie drinken op neutraal terrein")
    app.selectbox(key=field(adder, "planned_week_when")).set_value("other").run()
    later = domain.week_start(store.today()) + dt.timedelta(weeks=6)
    app.selectbox(key=field(adder, "planned_week_other")).set_value(later)
    submit(app, adder)
    assert not errors(app)
    (action,) = store.list_actions(stakeholder_id)
    assert (action.row_key, action.status, action.planned_week) == (
        "conversation", "planned", later)

    editor = f"ws_action_{action.id}"
    assert not app.get("selectbox") or not any(
        box.key == field(editor, "status") for box in app.selectbox), "built while closed"
    app.session_state[ui.panel_key(editor)] = True  # the user opens the action's panel
    app.run()
    app.selectbox(key=field(editor, "status")).set_value("done")
    app.text_area(key=field(editor, "outcome")).set_value("Open gesprek")
    submit(app, editor)
    done = store.get_action(action.id)
    assert (done.status, done.done_on, done.outcome) == ("done", store.today(), "Open gesprek")


def test_a_closed_action_panel_keeps_its_unsaved_edit_and_says_so(store: Store, db_path) -> None:
    project_id = store.create_project("Stationsgebied")
    stakeholder_id = store.create_stakeholder(project_id, "Wethouder Jansen")
    action_id = store.add_action(stakeholder_id, "conversation", "Koffie drinken")
    editor = f"ws_action_{action_id}"
    panel = ui.panel_key(editor)
    app = run_app()
    open_page(app, screens.WORKSHEET.path)
    app.session_state[panel] = True
    app.run()
    app.text_area(key=field(editor, "outcome")).set_value("Half gelukt").run()
    app.session_state[panel] = False  # closed again without saving
    app.run()
    assert ui.tr("actions.unsaved_closed") in [caption.value for caption in app.caption]
    app.session_state[panel] = True
    app.run()
    assert app.text_area(key=field(editor, "outcome")).value == "Half gelukt"
    assert store.get_action(action_id).outcome == "", "nothing saved on the way"


def test_archive_then_delete_a_stakeholder_with_confirmation(store: Store, db_path) -> None:
    project_id, stakeholder_id = filled_stakeholder(store)
    app = run_app()
    open_page(app, screens.STAKEHOLDERS.path)
    submit(app, f"sh_{stakeholder_id}_archive")
    assert store.get_stakeholder(stakeholder_id).archived
    open_panel(app, archived_panel(stakeholder_id))
    delete = submit_button(app, f"sh_{stakeholder_id}_delete")
    assert delete.disabled, "deleting must ask for confirmation first"
    app.checkbox(key=f"sh_{stakeholder_id}_delete_confirm").check().run()
    submit(app, f"sh_{stakeholder_id}_delete")
    assert store.list_stakeholders(project_id, include_archived=True) == []
    assert store.list_actions(stakeholder_id) == []
    assert store.latest_worksheet(stakeholder_id) == {}


def follow_up_form(store: Store, stakeholder_id: int, week: dt.date | None = None) -> str:
    return f"fu_{stakeholder_id}_{domain.week_start(week or store.today()).isoformat()}"


def test_follow_up_unchanged_week_is_one_click(store: Store, db_path) -> None:
    project_id, stakeholder_id = filled_stakeholder(store)
    app = run_app()
    open_page(app, screens.FOLLOW_UP.path)
    form = follow_up_form(store, stakeholder_id)
    # Nothing is preselected: a new week is not saved data.
    assert all(app.radio(key=field(form, f"rating_{key}")).value is None
               for key in worksheet.DIMENSION_KEYS)
    submit(app, form, "unchanged")
    assert not errors(app)
    saved = store.follow_up_for_week(stakeholder_id, store.today())
    assert saved is not None
    assert saved.ratings == {k: e.rating for k, e in store.latest_worksheet(stakeholder_id).items()}
    status = store.follow_up_status(project_id, store.today())
    assert status["logged"].tolist() == [True]


def test_follow_up_ticks_an_evaluation_and_asks_their_view(store: Store, db_path) -> None:
    _, stakeholder_id = filled_stakeholder(store)
    (action,) = store.list_actions(stakeholder_id)
    app = run_app()
    open_page(app, screens.FOLLOW_UP.path)
    form = follow_up_form(store, stakeholder_id)
    app.checkbox(key=field(form, f"done_{action.id}")).check().run()
    app.text_input(key=field(form, f"outcome_{action.id}")).set_value("Ze zijn tevreden")
    app.radio(key=field(form, "their_value")).set_value(4)
    for key, rating in zip(worksheet.DIMENSION_KEYS, (3, 5, 3, 2), strict=True):
        app.radio(key=field(form, f"rating_{key}")).set_value(rating)
    app.text_area(key=field(form, "reflection")).set_value("Evaluatie gaf lucht")
    submit(app, form)
    assert not errors(app)
    saved = store.follow_up_for_week(stakeholder_id, store.today())
    assert (saved.their_value_rating, saved.ratings["value"], saved.reflection) == (
        4, 5, "Evaluatie gaf lucht")
    done = store.get_action(action.id)
    assert (done.status, done.outcome) == ("done", "Ze zijn tevreden")


def test_follow_up_names_every_unanswered_question_and_saves_nothing(
    store: Store, db_path
) -> None:
    _, stakeholder_id = filled_stakeholder(store)
    app = run_app()
    open_page(app, screens.FOLLOW_UP.path)
    form = follow_up_form(store, stakeholder_id)
    app.radio(key=field(form, "rating_value")).set_value(4)
    app.text_area(key=field(form, "reflection")).set_value("Blijft staan")
    submit(app, form)
    summary = [text for text in errors(app) if text.startswith("Nog niet opgeslagen")]
    assert summary == ["Nog niet opgeslagen: kies eerst een waardering bij 2. Interesse, "
                       "4. Gesprek, 5. Onderhandeling."]
    assert store.follow_up_for_week(stakeholder_id, store.today()) is None
    assert app.text_area(key=field(form, "reflection")).value == "Blijft staan"


def test_follow_up_offers_only_weeks_from_the_project_start_to_this_week(
    store: Store, db_path
) -> None:
    start = store.today() - dt.timedelta(weeks=5)
    filled_stakeholder(store, start=start)
    app = run_app()
    open_page(app, screens.FOLLOW_UP.path)
    weeks = app.selectbox(key="fu_week").options
    this_week = domain.week_start(store.today())
    assert len(weeks) == 6
    assert app.selectbox(key="fu_week").value == this_week


def test_follow_up_backfills_an_earlier_week(store: Store, db_path) -> None:
    _, stakeholder_id = filled_stakeholder(store)
    earlier = domain.week_start(store.today()) - dt.timedelta(weeks=3)
    app = run_app()
    open_page(app, screens.FOLLOW_UP.path)
    app.selectbox(key="fu_week").set_value(earlier).run()
    form = follow_up_form(store, stakeholder_id, earlier)
    for key in worksheet.DIMENSION_KEYS:
        app.radio(key=field(form, f"rating_{key}")).set_value(3)
    submit(app, form)
    assert not errors(app)
    assert store.follow_up_for_week(stakeholder_id, earlier) is not None
    assert store.follow_up_for_week(stakeholder_id, store.today()) is None


def test_trends_draw_only_the_chosen_view(store: Store, db_path) -> None:
    _, stakeholder_id = filled_stakeholder(store)
    this_week = domain.week_start(store.today())
    for weeks_ago in (2, 1):
        store.save_follow_up(stakeholder_id, this_week - dt.timedelta(weeks=weeks_ago),
                             ratings={key: 4 for key in worksheet.DIMENSION_KEYS})
    app = run_app()
    open_page(app, screens.TRENDS.path)
    assert len(app.get("vega_lite_chart")) == 1, "one stakeholder's trend, nothing hidden"
    charts_per_view = {"latest": 2, "course": 1, "what_worked": 1, "stakeholder": 1}
    for view, count in charts_per_view.items():
        app.session_state["tr_view"] = view
        app.run()
        assert not app.exception, app.exception
        drawn = len(app.get("vega_lite_chart")) + len(app.get("arrow_vega_lite_chart"))
        assert drawn == count, view


def test_the_trend_shows_the_period_chosen(store: Store, db_path) -> None:
    _, stakeholder_id = filled_stakeholder(store, start=store.today() - dt.timedelta(weeks=60))
    this_week = domain.week_start(store.today())
    for weeks_ago in (40, 20, 1):
        store.save_follow_up(stakeholder_id, this_week - dt.timedelta(weeks=weeks_ago),
                             ratings={key: 3 for key in worksheet.DIMENSION_KEYS})
    app = run_app()
    open_page(app, screens.TRENDS.path)
    six_months = charted_weeks(app)
    app.session_state["tr_period"] = "all"
    app.run()
    everything = charted_weeks(app)
    assert len(everything) > len(six_months)
    assert min(everything) < min(six_months)


def charted_weeks(app: AppTest) -> set[object]:
    """The weeks the first chart on the page draws, read from the data Streamlit sends."""
    chart = app.get("vega_lite_chart")[0].proto
    weeks: set[object] = set()
    for dataset in chart.datasets:
        table = pyarrow.ipc.open_stream(dataset.data.data).read_all()
        if "week" in table.column_names:
            weeks.update(table.column("week").to_pylist())
    return weeks


def test_trends_show_a_follow_up_saved_after_the_chart_was_first_drawn(
    store: Store, db_path
) -> None:
    """Charts are cached between reruns: a save must still show up at once."""
    _, stakeholder_id = filled_stakeholder(store)
    this_week = domain.week_start(store.today())
    store.save_follow_up(stakeholder_id, this_week - dt.timedelta(weeks=1),
                         ratings={key: 4 for key in worksheet.DIMENSION_KEYS})
    # One AppTest per screen (AppTest trips over the follow-up form's state when switching away);
    # they share the process, and so the chart cache, as browser tabs do.
    tabs = [run_app() for _ in range(3)]
    before = charted_weeks(open_page(tabs[0], screens.TRENDS.path))
    follow_up = open_page(tabs[1], screens.FOLLOW_UP.path)
    submit(follow_up, follow_up_form(store, stakeholder_id), "unchanged")
    assert not errors(follow_up)
    after = charted_weeks(open_page(tabs[2], screens.TRENDS.path))
    assert len(after) == len(before) + 1, (before, after)


def test_overview_shows_due_follow_ups_overdue_actions_and_habit(store: Store, db_path) -> None:
    _, stakeholder_id = filled_stakeholder(store)
    this_week = domain.week_start(store.today())
    store.add_action(stakeholder_id, "conversation", "Te laat", planned_week=this_week
                     - dt.timedelta(weeks=2))
    store.save_follow_up(stakeholder_id, this_week - dt.timedelta(weeks=1),
                         ratings={key: 3 for key in worksheet.DIMENSION_KEYS})
    app = run_app()
    values = {metric.label: metric.value for metric in app.metric}
    assert values[f"Weekchecks week {this_week.isocalendar()[1]}"] == "0 van 1"
    assert values["Achterstallige acties"] == "1"
    # Added this week: the weeks before it are no missed weeks; the one filled in counts.
    assert values["Weekritme"] == "1 van 1 week"


def test_a_monthly_contact_is_not_due_between_check_ins(store: Store, db_path) -> None:
    """Cadence (issue 15): seen last week and monthly, so not on this week's list, not a
    missed week in Weekritme; on the weekcheck marked '–' and said to be not due."""
    project_id, monthly = filled_stakeholder(store)
    store.create_stakeholder(project_id, "Wekelijks")
    person = store.get_stakeholder(monthly)
    store.update_stakeholder(monthly, person.revision, name=person.name, role=person.role,
                             constituency=person.constituency, notes=person.notes,
                             cadence_weeks=4)
    this_week = domain.week_start(store.today())
    store.save_follow_up(monthly, this_week - dt.timedelta(weeks=1),
                         ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 3))
    app = run_app()
    values = {metric.label: metric.value for metric in app.metric}
    assert values[f"Weekchecks week {this_week.isocalendar()[1]}"] == "0 van 1"
    due_list = [m.value for m in app.markdown if m.value.startswith("Nog te doen deze week")]
    assert due_list == ["Nog te doen deze week: Wekelijks"]

    app.switch_page("pages/follow_up.py").run()
    assert "Nog te doen: **1**" in [m.value for m in app.markdown]
    picker = app.selectbox(key="fu_stakeholder")
    assert sorted(picker.options) == ["– " + person.name + " — " + person.role, "○ Wekelijks"]
    picker.set_value(monthly).run()
    assert any("niet aan de beurt" in c.value and "Elke vier weken" in c.value
               for c in app.caption), [c.value for c in app.caption]


def test_the_cadence_is_chosen_and_kept_on_the_stakeholder_form(store: Store, db_path) -> None:
    _, stakeholder_id = filled_stakeholder(store)
    app = run_app()
    app.switch_page("pages/stakeholders.py").run()
    box = app.selectbox(key=f"sh_{stakeholder_id}__cadence_weeks")
    assert box.value == 1, "weekly until chosen otherwise"
    box.set_value(2)
    submit(app, f"sh_{stakeholder_id}")
    assert not app.exception
    assert store.get_stakeholder(stakeholder_id).cadence_weeks == 2


def test_weekly_habit_counts_only_weeks_since_the_project_started(store: Store, db_path) -> None:
    """A four-week-old project with every week logged is '4 van 4', not '4 van 8'."""
    this_week = domain.week_start(store.today())
    _, stakeholder_id = filled_stakeholder(store, start=this_week - dt.timedelta(weeks=3))
    for weeks_ago in range(4):
        store.save_follow_up(stakeholder_id, this_week - dt.timedelta(weeks=weeks_ago),
                             ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 3))
    app = run_app()
    values = {metric.label: metric.value for metric in app.metric}
    assert values["Weekritme"] == "4 van 4 weken"


def test_overview_lists_each_stakeholder_once_with_latest_ratings(store: Store, db_path) -> None:
    project_id, first = filled_stakeholder(store)
    second = store.create_stakeholder(project_id, "Bewonersvereniging", "Bewoners")
    store.save_follow_up(first, domain.week_start(store.today()),
                         ratings={key: 5 for key in worksheet.DIMENSION_KEYS})
    app = run_app()
    table = app.dataframe[0].value
    assert table["stakeholder"].tolist() == ["Bewonersvereniging", "Wethouder Jansen"]
    # 5 now; no weekcheck before it to compare with; 2 higher than the worksheet's 3.
    assert table.set_index("stakeholder_id").loc[first, "value"] == "5 · – · ▲2"
    assert table.set_index("stakeholder_id").loc[second, ["value", "negotiation"]].tolist() == [
        "—", "—"]


def test_overview_shows_the_change_since_last_time_and_since_the_worksheet(
    store: Store, db_path
) -> None:
    """Issue 15: per rating, ▲/▼ with the number since the weekcheck before and since the
    worksheet; the current version of a week counts, not an older one."""
    _, person = filled_stakeholder(store)
    this_week = domain.week_start(store.today())
    ratings = dict.fromkeys(worksheet.DIMENSION_KEYS, 3)
    store.save_follow_up(person, this_week - dt.timedelta(weeks=2), ratings=ratings)
    store.save_follow_up(person, this_week - dt.timedelta(weeks=1),
                         ratings={**ratings, "value": 5})
    store.save_follow_up(person, this_week - dt.timedelta(weeks=1),
                         ratings={**ratings, "value": 4})  # corrected: the current version
    store.save_follow_up(person, this_week, ratings={**ratings, "value": 2, "negotiation": 3})
    app = run_app()
    row = app.dataframe[0].value.set_index("stakeholder_id").loc[person]
    worksheet_value = store.latest_worksheet(person)["value"].rating
    assert row["value"] == f"2 · ▼2 · {formats.change_mark(2 - worksheet_value)}"
    assert row["negotiation"].split(" · ")[:2] == ["3", "="]


def test_sample_project_loads_from_the_welcome_and_is_removed_without_touching_real_data(
    store: Store, db_path
) -> None:
    app = run_app()
    app.button(key="ov_load_sample").click().run()
    assert not app.exception
    (sample_id,) = sample.find_sample_projects(store)
    assert store.get_project(sample_id).is_sample
    assert app.session_state[ui.PROJECT_KEY] == sample_id
    real_id, real_stakeholder = filled_stakeholder(store)

    open_page(app, screens.DATA.path)
    app.button(key="data_sample_remove").click().run()
    assert sample.find_sample_projects(store) == []
    assert [p.id for p in store.list_projects()] == [real_id]
    assert store.latest_worksheet(real_stakeholder)


def test_restore_asks_for_confirmation_then_replaces_the_data(store: Store, db_path) -> None:
    filled_stakeholder(store, project_name="In de reservekopie")
    saved = backup.write_backup(store)
    store.create_project("Na de reservekopie")
    app = run_app()
    open_page(app, screens.DATA.path)
    app.get("file_uploader")[0].upload("backup.zip", saved, "application/zip")
    app.run()
    assert not app.exception
    assert app.button(key="data_restore").disabled
    app.checkbox(key="data_restore_confirm").check().run()
    app.button(key="data_restore").click().run()
    assert not app.exception
    assert [p.name for p in store.list_projects()] == ["In de reservekopie"]
    assert backup.list_safety_copies(store), "no copy of the data as it was"


def test_the_restore_summary_counts_in_words_not_in_brackets(store: Store, db_path) -> None:
    """'1 project, 1 stakeholder, 0 weekchecks', as a person writes it, not 'project(en)'."""
    filled_stakeholder(store, project_name="In de reservekopie")
    saved = backup.write_backup(store)
    app = run_app()
    open_page(app, screens.DATA.path)
    app.get("file_uploader")[0].upload("backup.zip", saved, "application/zip")
    app.run()
    (summary,) = [box.value for box in app.info if box.value.startswith("Reservekopie van")]
    assert summary.endswith(": 1 project, 1 stakeholder, 0 weekchecks."), summary


def test_a_logged_week_says_how_many_versions_in_words(store: Store, db_path) -> None:
    _, stakeholder_id = filled_stakeholder(store)
    store.save_follow_up(stakeholder_id, store.today(),
                         ratings={key: 3 for key in worksheet.DIMENSION_KEYS})
    app = run_app()
    open_page(app, screens.FOLLOW_UP.path)
    assert any(box.value.endswith("Tot nu toe: 1 versie.") for box in app.info), \
        [box.value for box in app.info]


def test_a_foreign_file_is_refused_on_restore_and_nothing_changes(store: Store, db_path) -> None:
    store.create_project("Blijft staan")
    app = run_app()
    open_page(app, screens.DATA.path)
    app.get("file_uploader")[0].upload("backup.zip", b"PK\x03\x04 no zip at all", "application/zip")
    app.run()
    assert app.error
    assert not [b for b in app.button if b.key == "data_restore"]
    assert [p.name for p in store.list_projects()] == ["Blijft staan"]


def test_worksheet_exports_are_offered_for_the_active_project(store: Store, db_path) -> None:
    filled_stakeholder(store)
    app = run_app()
    open_page(app, screens.DATA.path)
    keys = {button.key for button in app.get("download_button")}
    assert {"data_download_md", "data_download_html", "data_download_backup"} <= keys
    # The calendar file is made only while its panel is open: folded, it costs nothing.
    assert "data_download_ics" not in keys and "data_reminder" not in {
        box.key for box in app.checkbox}
    open_panel(app, ui.panel_key("data_calendar"))
    assert "data_download_ics" in {button.key for button in app.get("download_button")}
    assert app.checkbox(key="data_reminder").value, "the reminder offered by default"
    app.button(key="data_prepare_csv").click().run()
    assert "data_download_csv" in {button.key for button in app.get("download_button")}


def test_a_link_with_lang_en_opens_in_english(db_path) -> None:
    app = run_app(lang="en")
    assert app.title[0].value == "Welcome to Belangen"
    app.switch_page(screens.PROJECTS.path).run()
    assert app.title[0].value == "Projects"


def test_using_the_app_makes_one_safety_copy_a_day(store: Store, db_path) -> None:
    filled_stakeholder(store)
    for _ in range(2):
        app = run_app()
        assert not app.exception
    ui._daily_safety_copy(str(db_path), store.today().isoformat()).join(timeout=30)
    copies = backup.list_safety_copies(store)
    assert [copy.day for copy in copies] == [store.today()]
    assert copies[0].path.parent == db_path.parent / "backups"
