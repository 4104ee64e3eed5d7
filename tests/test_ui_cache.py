"""The caches of whole-history results never outlive the data they were made from."""

from __future__ import annotations

import datetime as dt

from belangen import domain, ui, worksheet
from belangen.store import Store


def test_a_cached_result_is_made_again_after_any_write(store: Store) -> None:
    project_id = store.create_project("Stadsbrug", "", "", store.today() - dt.timedelta(weeks=3))
    person = store.create_stakeholder(project_id, "Wethouder Jansen")
    store.save_worksheet_entry(person, worksheet.VALUE.key, reflection="Start", rating=2)
    before = ui.latest_ratings(store, project_id)
    # A write that no screen followed with clearing the caches: the key still moves.
    store.save_follow_up(person, domain.week_start(store.today()),
                         ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 5))
    after = ui.latest_ratings(store, project_id)
    value = worksheet.VALUE.key
    assert before.set_index("dimension").loc[value, "latest_rating"] == 2
    assert after.set_index("dimension").loc[value, "latest_rating"] == 5


def test_two_files_never_share_a_cached_result(store: Store, tmp_path) -> None:
    other = Store(tmp_path / "other.duckdb")
    try:
        for db, rating in ((store, 2), (other, 4)):
            project_id = db.create_project("Stadsbrug")
            person = db.create_stakeholder(project_id, "Wethouder Jansen")
            db.save_worksheet_entry(person, worksheet.VALUE.key, reflection="", rating=rating)
        shown = [ui.latest_ratings(db, 1).set_index("dimension").loc[worksheet.VALUE.key,
                                                                     "latest_rating"]
                 for db in (store, other)]
        assert shown == [2, 4]
    finally:
        other.close()


def test_every_spec_the_trends_screen_sends_is_valid_vega_lite(sample_store) -> None:
    """The screens skip Altair's schema check for speed; this is where it happens instead."""
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema.core import load_schema

    db = sample_store
    (project_id,) = [project.id for project in db.list_projects()]
    data = ui.data_key(db)
    people = db.list_stakeholders(project_id)
    since = domain.week_start(db.today()) - dt.timedelta(weeks=12)
    specs = []
    for lang in ("nl", "en"):
        for start in (since, None):
            specs.append(ui.stakeholder_trend_spec(db, data, project_id, people[0].id, lang,
                                                   start))
            specs.append(ui.course_spec(db, data, project_id, lang, start,
                                        tuple(ui.course_order(db, project_id, "attention"))))
        latest = ui.latest_specs(db, data, project_id, lang)
        assert latest is not None
        specs += list(latest.values())
        specs.append(ui.what_worked_spec(db, project_id, lang))
    schema = load_schema()
    for spec in specs:
        assert spec is not None
        validate_jsonschema(spec, schema)


def test_the_brief_is_gathered_once_per_write(store: Store, monkeypatch) -> None:
    project_id = store.create_project("Stadsbrug", "", "", store.today() - dt.timedelta(weeks=3))
    person = store.create_stakeholder(project_id, "Wethouder Jansen")
    store.add_interest(person, "Herverkiezing", "political", "suspected", "")
    week = domain.week_start(store.today())
    histories: list[int] = []
    read_history = store.rating_history

    def counted(*args, **kwargs):
        histories.append(1)
        return read_history(*args, **kwargs)

    monkeypatch.setattr(store, "rating_history", counted)
    first = ui.brief_of(store, person, week)
    again = ui.brief_of(store, person, week)
    assert again == first and len(histories) == 1, "a rerun without a write reads nothing"

    store.add_interest(person, "Budget", "organisational", "confirmed", "")
    after = ui.brief_of(store, person, week)
    assert [i.text for i in after.confirmed] == ["Budget"] and len(histories) == 2
