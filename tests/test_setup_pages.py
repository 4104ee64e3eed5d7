"""Setting a project up under AppTest (issue 15): the stakeholder register and opening a row
from it, the step offered after creating a project and after adding a stakeholder, interests
added in a row without reopening anything, their status in every label, and the Werkblad's
new-action forms that open only when asked."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from belangen import formats, screens, ui, worksheet
from belangen.store import Store
from belangen.ui.chrome import FOCUS_REQUEST_KEY
from tests.apptest import field, has_submit, open_panel, run_app, submit
from tests.factories import filled_stakeholder


def open_page(app: AppTest, page: str) -> AppTest:
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def register_shown(app: AppTest) -> int:
    """The stakeholder whose row the register shows chosen (its key starts with their id)."""
    return int(register(app).key.split("_")[2])


def choose_register_row(app: AppTest, row: int) -> None:
    """What the browser sends when the user clicks a row of the register."""
    app.session_state[register(app).key] = {"selection": {"rows": [row], "columns": []}}
    app.run()
    assert not app.exception, app.exception


def register(app: AppTest):
    (table,) = [frame for frame in app.dataframe
                if frame.key and frame.key.startswith("sh_register_")]
    return table


def test_the_register_lists_every_stakeholder_with_their_state(sample_store: Store) -> None:
    (project,) = sample_store.list_projects()
    app = open_page(run_app(), screens.STAKEHOLDERS.path)
    shown = register(app).value
    expected = sample_store.stakeholder_register(project.id)
    assert list(shown["name"]) == list(expected["name"])
    today = sample_store.today()
    for person, row in zip(expected.itertuples(), shown.itertuples(), strict=True):
        assert row.role == person.role
        assert row.interests == (f"{person.confirmed_interests} bevestigd · "
                                 f"{person.suspected_interests} vermoed")
        assert row.ratings == " · ".join(
            str(getattr(person, f"latest_{key}")) for key in worksheet.DIMENSION_KEYS)
        assert row.last_follow_up == formats.week_short(person.last_follow_up.date(), "nl",
                                                        today)
        assert row.cadence == ui.cadence_text(person.cadence_weeks)
        if isinstance(person.next_action, str):
            assert row.next_action.startswith(person.next_action)
    assert not shown["last_follow_up"].str.contains("W").any(), "weeks in words, not 2026-W49"
    # The column's name says which rating is which.
    columns = json.loads(register(app).proto.columns)
    assert columns["ratings"]["label"] == "Waardering I · W · G · O"


def test_choosing_a_row_in_the_register_opens_that_stakeholder(sample_store: Store) -> None:
    (project,) = sample_store.list_projects()
    people = list(sample_store.stakeholder_register(project.id)["stakeholder_id"])
    app = open_page(run_app(), screens.STAKEHOLDERS.path)
    first = app.session_state[ui.STAKEHOLDER_KEY]
    assert register_shown(app) == first
    third = people[2]
    assert third != first
    choose_register_row(app, 2)
    assert app.session_state[ui.STAKEHOLDER_KEY] == third
    assert app.selectbox(key="sh_stakeholder").value == third, "the editor shows that row"
    assert app.text_input(key=field(f"sh_{third}", "name")).value == (
        sample_store.get_stakeholder(third).name)
    assert register_shown(app) == third, "drawn afresh with that row chosen"
    assert app.query_params[ui.STAKEHOLDER_PARAM] in (str(third), [str(third)])

    # Someone added meanwhile (sorted first) moves the rows down: the chosen one stays.
    newcomer = sample_store.create_stakeholder(project.id, "Aaa Eerste")
    app.run()
    assert app.session_state[ui.STAKEHOLDER_KEY] == third
    assert register_shown(app) == third
    choose_register_row(app, 0)
    assert app.session_state[ui.STAKEHOLDER_KEY] == newcomer, "the row as it is drawn now"

    # Choosing in the picker moves the register's chosen row along, so it is never stale.
    app.selectbox(key="sh_stakeholder").set_value(first).run()
    assert register_shown(app) == first
    assert app.text_input(key=field(f"sh_{first}", "name")).value == (
        sample_store.get_stakeholder(first).name)


def test_after_creating_a_project_the_first_stakeholder_is_the_next_step(
    app: AppTest, store: Store
) -> None:
    open_page(app, screens.PROJECTS.path)
    assert not [b for b in app.button if b.key == "proj_add_first_stakeholder"]
    app.text_input(key=field("proj_new", "name")).set_value("Stationsgebied")
    submit(app, "proj_new")
    (project,) = store.list_projects()
    next_step = app.button(key="proj_add_first_stakeholder")
    assert next_step.label == "Eerste stakeholder toevoegen"
    next_step.click().run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Stakeholders"
    assert app.session_state[ui.panel_key(f"sh_new_{project.id}")] is True, "the form is open"
    assert FOCUS_REQUEST_KEY not in app.session_state, "its name field took the keyboard"

    # AppTest's own page stays the one it last switched to; st.switch_page moved one run only.
    app.switch_page(screens.STAKEHOLDERS.path)
    new = f"sh_new_{project.id}"
    app.text_input(key=field(new, "name")).set_value("Wethouder Jansen")
    submit(app, new)
    (jansen,) = store.list_stakeholders(project.id)
    assert app.session_state[ui.STAKEHOLDER_KEY] == jansen.id
    assert app.session_state[ui.panel_key(new)] is True, "open for the next one"
    assert app.text_input(key=field(new, "name")).value == ""
    assert any("Volgende stap" in info.value and "Wethouder Jansen" in info.value
               for info in app.info), [info.value for info in app.info]

    open_page(app, screens.PROJECTS.path)
    assert not [b for b in app.button if b.key == "proj_add_first_stakeholder"], (
        "a project with people needs no first stakeholder")


def test_interests_are_added_in_a_row_and_show_their_status(app: AppTest, store: Store) -> None:
    project_id = store.create_project("Stationsgebied")
    jansen = store.create_stakeholder(project_id, "Wethouder Jansen")
    open_page(app, screens.STAKEHOLDERS.path)
    adder = f"sh_int_new_{jansen}"
    for text, status in [("Herverkiezing", "suspected"), ("Budget", "confirmed"),
                         ("Rust op het plein", "confirmed")]:
        # Nothing to open first: the emptied form is there again after each add.
        app.text_area(key=field(adder, "text")).set_value(text)
        app.radio(key=field(adder, "status")).set_value(status)
        submit(app, adder)
        assert not app.error, [error.value for error in app.error]
        assert app.text_area(key=field(adder, "text")).value == ""
    assert [(i.text, i.status) for i in store.list_interests(jansen)] == [
        ("Herverkiezing", "suspected"), ("Budget", "confirmed"),
        ("Rust op het plein", "confirmed")]
    labels = [panel.label for panel in app.expander]
    assert "Vermoed · Herverkiezing · Organisatiebelang" in labels, labels
    assert "Bevestigd · Budget · Organisatiebelang" in labels


def test_a_new_action_form_opens_only_when_asked_and_keeps_its_draft(
    store: Store, db_path
) -> None:
    _, jansen = filled_stakeholder(store)
    app = open_page(run_app(), screens.WORKSHEET.path)
    forms = [f"ws_new_action_{jansen}_{row.key}" for row in worksheet.ROWS]
    assert not any(has_submit(app, form) for form in forms), "no form before it is asked for"
    assert len([b for b in app.button if b.key in {f"{form}__open" for form in forms}]) == 5
    adder = f"ws_new_action_{jansen}_conversation"
    app.button(key=f"{adder}__open").click().run()
    assert has_submit(app, adder)
    assert [form for form in forms if has_submit(app, form)] == [adder], "only that row"
    app.text_input(key=field(adder, "text")).set_value("Koffie drinken").run()

    open_page(app, screens.OVERVIEW.path)
    open_page(app, screens.WORKSHEET.path)
    assert app.text_input(key=field(adder, "text")).value == "Koffie drinken", "draft kept"
    submit(app, adder)
    assert [a.text for a in store.list_actions(jansen) if a.row_key == "conversation"] == [
        "Koffie drinken"]
    assert not has_submit(app, adder), "closed after adding"

    app.button(key=f"{adder}__open").click().run()
    app.text_input(key=field(adder, "text")).set_value("Nog een").run()
    app.button(key=f"{adder}__cancel").click().run()
    assert not has_submit(app, adder), "cancel closes it"
    app.button(key=f"{adder}__open").click().run()
    assert app.text_input(key=field(adder, "text")).value == "", "and drops what was typed"
    assert len(store.list_actions(jansen)) == 2


def test_rated_rows_still_save_as_one_beside_an_open_action_form(store: Store, db_path) -> None:
    _, jansen = filled_stakeholder(store)
    app = open_page(run_app(), screens.WORKSHEET.path)
    adder = f"ws_new_action_{jansen}_value"
    app.button(key=f"{adder}__open").click().run()
    form = f"ws_{jansen}"
    app.text_area(key=field(form, "value_reflection")).set_value("Nieuw inzicht")
    app.text_area(key=field(form, "negotiation_reflection")).set_value("Ook nieuw")
    submit(app, form)
    latest = store.latest_worksheet(jansen)
    assert (latest["value"].reflection, latest["negotiation"].reflection) == (
        "Nieuw inzicht", "Ook nieuw")
    assert has_submit(app, adder), "the form asked for stays open"


def test_your_projects_shows_the_project_just_created_and_marks_only_it_active(
    app: AppTest, store: Store
) -> None:
    """Seen in a screenshot: after creating a project, 'Je projecten' still showed the one
    before it, labelled '· actief', while the new project was the active one."""
    first = store.create_project("Dorpshuis")
    open_page(app, screens.PROJECTS.path)
    assert app.selectbox(key="proj_choose").value == first
    open_panel(app, ui.panel_key("proj_new"))  # closed once a project exists
    app.text_input(key=field("proj_new", "name")).set_value("Stationsgebied")
    submit(app, "proj_new")
    new = next(project.id for project in store.list_projects() if project.id != first)
    picker = app.selectbox(key="proj_choose")
    assert picker.value == new, "the project just created is the one shown"
    active = app.session_state[ui.PROJECT_KEY]
    assert active == new
    labels = dict(zip([first, new], [picker.format_func(first), picker.format_func(new)],
                      strict=True))
    assert labels[new].endswith("· actief") and "actief" not in labels[first], labels
