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
