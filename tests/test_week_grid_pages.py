"""The Weekcheck's grid under AppTest (issue 15): the whole week at once, one row per
stakeholder still to do, pre-filled from their previous weekcheck or the worksheet, one save."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from belangen import domain, screens, ui, worksheet
from belangen.store import Store
from belangen.ui.week_grid import form_id, save_form_id
from tests.apptest import field, run_app, submit
from tests.factories import grid_ratings, week_logged_last_week, weekly_project
from tests.test_dutch_screens import PYTHON_VALUES, literal_texts, rejected_words, screen_text


def open_grid(week: dt.date | None = None) -> AppTest:
    app = run_app()
    app.switch_page(screens.FOLLOW_UP.path)
    app.query_params["view"] = "grid"
    app.run()
    assert not app.exception, app.exception
    if week is not None:
        app.selectbox(key="fu_week").set_value(week).run()
    return app


def cell(app: AppTest, stakeholder_id: int, week: dt.date, key: str):
    return app.selectbox(key=field(form_id(stakeholder_id, week), f"rating_{key}"))


def row_ratings(app: AppTest, stakeholder_id: int, week: dt.date) -> dict[str, int | None]:
    return {key: cell(app, stakeholder_id, week, key).value for key in worksheet.DIMENSION_KEYS}


def grid_rows(app: AppTest) -> set[str]:
    return {key.split("__")[0] for key in (w.key for w in app.selectbox)
            if key and key.startswith("fu_grid_")}


def texts(app: AppTest) -> str:
    return "\n".join([*(m.value for m in app.markdown), *(c.value for c in app.caption),
                      *(e.value for e in app.success), *(e.value for e in app.warning)])


def test_the_grid_shows_who_is_due_pre_filled_from_last_week(store: Store, db_path) -> None:
    ids = week_logged_last_week(store, 3)
    week = domain.week_start(store.today())
    app = open_grid()
    people = [ids[name] for name in ids if name not in ("project", "Maandelijkse Mia")]
    assert grid_rows(app) == {form_id(sid, week) for sid in people}, \
        "one row per weekly stakeholder; the monthly contact seen last week is not due"
    for number, sid in enumerate(people):
        assert row_ratings(app, sid, week) == grid_ratings(number)
    shown = texts(app)
    last_week = f"week {(week - dt.timedelta(weeks=1)).isocalendar()[1]}"
    assert shown.count(f"Overgenomen van {last_week}") == 3, "the pre-fill says where it is from"
    assert "Niet aan de beurt deze week: Maandelijkse Mia" in shown
    assert shown.count("Ongewijzigd") == 3
    assert "Nog te doen: **3**" in shown
    assert store.follow_up_for_week(people[0], week) is None, "showing the grid saves nothing"


def test_one_save_stores_a_follow_up_per_row_and_then_the_week_is_done(
        store: Store, db_path) -> None:
    ids = week_logged_last_week(store, 3)
    week = domain.week_start(store.today())
    people = [ids[name] for name in ids if name not in ("project", "Maandelijkse Mia")]
    app = open_grid()
    cell(app, people[1], week, worksheet.VALUE.key).set_value(5).run()
    assert texts(app).count("Gewijzigd") == 1
    submit(app, save_form_id(ids["project"], week))
    assert not app.exception and not app.error, [e.value for e in app.error]
    for number, sid in enumerate(people):
        saved = store.follow_up_for_week(sid, week)
        expected = {**grid_ratings(number), **({worksheet.VALUE.key: 5} if number == 1 else {})}
        assert saved is not None and saved.ratings == expected
        assert saved.reflection == "" and store.follow_up_versions(sid, week) == 1
    assert store.follow_up_for_week(ids["Maandelijkse Mia"], week) is None
    shown = texts(app)
    assert "3 weekchecks opgeslagen: Anouk de Vries, Bas Meijer, Carla Jansen." in shown
    assert "Deze week is klaar" in shown
    assert grid_rows(app) == set()


def test_a_row_with_nothing_to_take_over_is_left_out_by_name(store: Store, db_path) -> None:
    ids = weekly_project(store, "Nieuw", {"Anna": (2, 3, 4, 5), "Nieuwe Nina": None})
    week = domain.week_start(store.today())
    app = open_grid()
    assert row_ratings(app, ids["Anna"], week) == dict(zip(
        worksheet.DIMENSION_KEYS, (2, 3, 4, 5), strict=True))
    assert row_ratings(app, ids["Nieuwe Nina"], week) == dict.fromkeys(worksheet.DIMENSION_KEYS)
    shown = texts(app)
    assert "Overgenomen uit het werkblad" in shown
    assert "Nog niets om over te nemen" in shown
    assert "Voor Nieuwe Nina zijn nog niet alle vier onderdelen gewaardeerd" in shown
    submit(app, save_form_id(ids["project"], week))
    assert store.follow_up_for_week(ids["Anna"], week) is not None
    assert store.follow_up_for_week(ids["Nieuwe Nina"], week) is None
    assert grid_rows(app) == {form_id(ids["Nieuwe Nina"], week)}, "Nina is still to do"
    assert "1 weekcheck opgeslagen: Anna." in texts(app)


def test_an_earlier_week_works_the_same(store: Store, db_path) -> None:
    ids = week_logged_last_week(store, 2, monthly=False)
    week = domain.week_start(store.today())
    earlier = week - dt.timedelta(weeks=3)
    anouk = ids["Anouk de Vries"]
    app = open_grid(earlier)
    # Three weeks ago, the week before was not logged: the worksheet is what there is.
    assert row_ratings(app, anouk, earlier) == dict.fromkeys(worksheet.DIMENSION_KEYS, 2)
    submit(app, save_form_id(ids["project"], earlier))
    assert not app.error, [e.value for e in app.error]
    assert store.follow_up_for_week(anouk, earlier) is not None
    assert store.follow_up_for_week(anouk, week) is None


def test_the_view_switch_is_in_the_url_and_the_per_stakeholder_form_stays(
        store: Store, db_path) -> None:
    week_logged_last_week(store, 2)
    app = run_app()
    app.switch_page(screens.FOLLOW_UP.path).run()
    assert app.segmented_control(key="fu_view").value == "one"
    assert app.radio, "the per-stakeholder form is the default"
    assert grid_rows(app) == set()
    app.segmented_control(key="fu_view").set_value("grid").run()
    assert app.query_params["view"] == "grid"
    assert grid_rows(app) and not app.radio
    app.segmented_control(key="fu_view").set_value("one").run()
    assert "view" not in app.query_params


def test_a_row_saved_in_another_tab_meanwhile_is_not_saved_over(store: Store, db_path) -> None:
    ids = week_logged_last_week(store, 3, monthly=False)
    week = domain.week_start(store.today())
    anouk, bas, carla = (ids[name] for name in ("Anouk de Vries", "Bas Meijer", "Carla Jansen"))
    app = open_grid()
    assert form_id(bas, week) in grid_rows(app)
    store.save_follow_up(bas, week, ratings=grid_ratings(4))  # another tab, meanwhile
    submit(app, save_form_id(ids["project"], week))
    assert not app.error, [e.value for e in app.error]
    assert [store.follow_up_versions(sid, week) for sid in (anouk, bas, carla)] == [1, 1, 1]
    saved = store.follow_up_for_week(bas, week)
    assert saved is not None and saved.ratings == grid_ratings(4), "the other tab's save stays"
    assert "2 weekchecks opgeslagen: Anouk de Vries, Carla Jansen." in texts(app)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_grid_speaks_one_language_in_the_glossarys_terms(sample_store: Store, lang: str):
    app = run_app()
    app.selectbox(key=ui.LANGUAGE_KEY).set_value(lang).run()
    app.switch_page(screens.FOLLOW_UP.path)
    app.query_params["view"] = "grid"
    app.run()
    assert not app.exception, app.exception
    assert grid_rows(app), "the sample has stakeholders still to do this week"
    text = screen_text(app)
    shown, other = (0, 1) if lang == "nl" else (1, 0)
    assert PYTHON_VALUES.findall(text) == []
    assert [phrase for phrase in literal_texts(other) if phrase in text] == []
    assert [word for word, pattern in rejected_words(shown).items() if pattern.search(text)] == []
