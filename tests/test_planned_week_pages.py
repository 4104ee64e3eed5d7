"""Planned weeks chosen as weeks on the Werkblad and the follow-up (AppTest): relative to the
app's current week, a saved week shown as itself, 'no planned week' still possible."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from belangen import domain, screens, ui
from belangen.store import Store
from tests.apptest import field, run_app, submit

SUNDAY = dt.date(2026, 12, 6)  # the last day of week 49


@pytest.fixture
def on_a_sunday(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    monkeypatch.setenv("BELANGEN_NOW", SUNDAY.isoformat())
    return SUNDAY


def open_worksheet(store: Store) -> tuple[AppTest, int]:
    project_id = store.create_project("Stationsgebied")
    stakeholder_id = store.create_stakeholder(project_id, "Wethouder Jansen")
    app = run_app()
    app.switch_page(screens.WORKSHEET.path).run()
    assert not app.exception, app.exception
    return app, stakeholder_id


def open_editor(app: AppTest, action_id: int) -> str:
    editor = f"ws_action_{action_id}"
    app.session_state[ui.panel_key(editor)] = True
    app.run()
    assert not app.exception, app.exception
    return editor


def test_next_week_is_the_monday_after_the_current_week(
    store: Store, db_path, on_a_sunday: dt.date
) -> None:
    app, stakeholder_id = open_worksheet(store)
    adder = f"ws_new_action_{stakeholder_id}_conversation"
    app.button(key=f"{adder}__open").click().run()  # the form is there when asked for
    when = app.selectbox(key=field(adder, "planned_week_when"))
    assert when.value == domain.PLANNED_NONE  # a new action plans nothing by itself
    assert when.options[2] == "Volgende week (week 50)"
    app.text_input(key=field(adder, "text")).set_value("Koffie drinken")
    when.set_value("1")
    submit(app, adder)
    (action,) = store.list_actions(stakeholder_id)
    assert action.planned_week == dt.date(2026, 12, 7)


def test_a_saved_week_beyond_the_options_shows_as_exactly_that_week(
    store: Store, db_path, on_a_sunday: dt.date
) -> None:
    app, stakeholder_id = open_worksheet(store)
    far = dt.date(2027, 3, 1)
    action_id = store.add_action(stakeholder_id, "conversation", "Later", planned_week=far)
    editor = open_editor(app, action_id)
    assert app.selectbox(key=field(editor, "planned_week_when")).value == domain.PLANNED_OTHER
    other = app.selectbox(key=field(editor, "planned_week_other"))
    assert other.value == far
    assert "Week 9 · 1 mrt – 7 mrt 2027" in other.options
    # An unchanged save keeps the stored week.
    submit(app, editor)
    assert store.get_action(action_id).planned_week == far


def test_no_planned_week_stays_possible(store: Store, db_path, on_a_sunday: dt.date) -> None:
    app, stakeholder_id = open_worksheet(store)
    action_id = store.add_action(stakeholder_id, "conversation", "Ooit",
                                 planned_week=dt.date(2026, 12, 14))
    editor = open_editor(app, action_id)
    when = app.selectbox(key=field(editor, "planned_week_when"))
    assert when.value == "2"  # 14 dec is in two weeks, seen from Sunday 6 dec
    when.set_value(domain.PLANNED_NONE)
    submit(app, editor)
    assert store.get_action(action_id).planned_week is None
