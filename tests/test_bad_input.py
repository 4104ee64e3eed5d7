"""Bad input typed into the screens: a clear message at the field, and nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers.db import dump_tables

from belangen import domain, screens, ui
from belangen.store import Store
from belangen.ui import chrome
from tests.apptest import field, open_panel, run_app, submit
from tests.factories import filled_stakeholder


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Vul een naam in."),
        ("    ", "Vul een naam in."),
        ("\u200b\u200b", "Vul een naam in."),
        ("x" * (domain.MAX_NAME_LENGTH + 1), f"maximaal {domain.MAX_NAME_LENGTH} tekens"),
    ],
)
def test_project_name_must_be_sane(db_path, name: str, message: str) -> None:
    app = run_app()
    app.switch_page(screens.PROJECTS.path).run()
    app.text_input(key=field("proj_new", "name")).set_value(name)
    app.text_area(key=field("proj_new", "description")).set_value("Omschrijving die blijft staan")
    submit(app, "proj_new")
    assert any(message in error.value for error in app.error)
    assert app.text_area(key=field("proj_new", "description")).value == (
        "Omschrijving die blijft staan")
    assert Store(db_path).list_projects(include_archived=True) == []


@pytest.mark.parametrize(
    "duplicate", ["wethouder jansen", "WETHOUDER  JANSEN", "Wethouder Jansen "]
)
def test_second_stakeholder_with_the_same_name_is_refused(store: Store, duplicate: str) -> None:
    project_id, _ = filled_stakeholder(store)
    before = dump_tables(store)
    app = run_app()
    app.switch_page(screens.STAKEHOLDERS.path).run()
    open_panel(app, ui.panel_key(f"sh_new_{project_id}"))  # closed: the project has people
    app.text_input(key=field(f"sh_new_{project_id}", "name")).set_value(duplicate)
    submit(app, f"sh_new_{project_id}")
    assert [e.value for e in app.error] == [
        "Er is in dit project al een stakeholder met deze naam."]
    assert dump_tables(store) == before


def test_unicode_normalisation_does_not_make_a_name_new(store: Store) -> None:
    project_id = store.create_project("Stationsgebied")
    store.create_stakeholder(project_id, "Ångström")
    app = run_app()
    app.switch_page(screens.STAKEHOLDERS.path).run()
    open_panel(app, ui.panel_key(f"sh_new_{project_id}"))
    app.text_input(key=field(f"sh_new_{project_id}", "name")).set_value(
        "A\u030angstro\u0308m".replace("o\u0308", "ö"))
    submit(app, f"sh_new_{project_id}")
    assert app.error
    assert len(store.list_stakeholders(project_id)) == 1


def test_same_name_in_another_project_is_fine(store: Store) -> None:
    filled_stakeholder(store)
    other = store.create_project("Ander project")
    store.create_stakeholder(other, "Wethouder Jansen")
    assert len(store.list_stakeholders(other)) == 1


def test_archived_name_points_to_restoring(store: Store) -> None:
    project_id, stakeholder_id = filled_stakeholder(store)
    store.set_stakeholder_archived(stakeholder_id, True)
    app = run_app()
    app.switch_page(screens.STAKEHOLDERS.path).run()
    app.text_input(key=field(f"sh_new_{project_id}", "name")).set_value("Wethouder Jansen")
    submit(app, f"sh_new_{project_id}")
    assert "gearchiveerde stakeholder" in app.error[0].value


def test_rating_fields_offer_exactly_the_labelled_scale(store: Store) -> None:
    """The screens cannot produce a rating outside 1-5; the store refuses one from elsewhere
    (test_domain, test_hostile_input)."""
    _, stakeholder_id = filled_stakeholder(store)
    app = run_app()
    app.switch_page(screens.WORKSHEET.path).run()
    rating = app.radio(key=field(f"ws_{stakeholder_id}", "genuine_interest_rating"))
    assert rating.options == ["1 · Nauwelijks", "2 · Zijdelings", "3 · Wel, maar weinig zichtbaar",
                             "4 · Oprecht en zichtbaar", "5 · Oprecht en door de ander erkend"]
    target = app.selectbox(key=field(f"ws_{stakeholder_id}", "value_target"))
    assert target.options == ["—", "1 · Geen waarde", "2 · Weinig waarde", "3 · Enige waarde",
                              "4 · Duidelijke waarde", "5 · Grote waarde"]


@pytest.mark.parametrize("rating", [0, 6, "3", 2.5, None, float("nan"), True])
def test_rating_outside_the_scale_is_refused_by_the_store(store: Store, rating: object) -> None:
    _, stakeholder_id = filled_stakeholder(store)
    before = dump_tables(store)
    with pytest.raises(domain.ValidationError) as refused:
        store.save_worksheet_entry(stakeholder_id, "value", reflection="x", rating=rating,
                                   based_on=store.latest_worksheet(stakeholder_id)["value"].id)
    assert refused.value.message_key in {"error.rating_range", "error.rating_required"}
    assert dump_tables(store) == before


def test_date_fields_offer_only_dates_the_store_accepts(db_path) -> None:
    """The browser's date field cannot hold 30 February or year 1; its bounds are the store's."""
    app = run_app()
    app.switch_page(screens.PROJECTS.path).run()
    start = app.date_input(key=field("proj_new", "start_date"))
    assert (start.min, start.max) == (domain.EARLIEST_DATE, domain.LATEST_DATE)


@pytest.mark.parametrize(
    "start", ["2026-02-30", "30-02-2026", dt.date(1, 1, 1), dt.date(9999, 12, 31), 20260101]
)
def test_impossible_dates_are_refused_by_the_store(store: Store, start: object) -> None:
    with pytest.raises(domain.ValidationError):
        store.create_project("Stationsgebied", start_date=start)
    assert store.list_projects(include_archived=True) == []


def test_html_and_markdown_are_shown_as_typed(store: Store) -> None:
    payload = "<img src=x onerror=alert(1)> **vet** [link](http://example.com) :smile:"
    project_id = store.create_project(payload[:100])
    stakeholder_id = store.create_stakeholder(project_id, "<b>Jan</b> _x_", role="**Rol**",
                                              constituency=payload)
    store.add_interest(stakeholder_id, payload)
    app = run_app()
    for page in [screens.OVERVIEW.path, screens.STAKEHOLDERS.path, screens.WORKSHEET.path]:
        app.switch_page(page).run()
        assert not app.exception
        for element in [*app.markdown, *app.caption]:
            assert "<img" not in element.value or "\\<img" in element.value
        # st.html only ever gets the app's own constant CSS and script (belangen.ui.chrome).
        assert all(chrome.is_app_html(h.proto.body) for h in app.get("html"))
    app.switch_page(screens.WORKSHEET.path).run()
    assert any(text.value == f"• {payload}" for text in app.text)
    caption = " ".join(c.value for c in app.caption)
    assert "\\*\\*vet\\*\\*" in caption and "\\[link\\]" in caption
