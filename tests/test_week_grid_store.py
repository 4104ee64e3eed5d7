"""The Weekcheck grid's store method (issue 15): a whole week saved in one go, one follow-up per
row, in one transaction, and idempotent per row token — on a real DuckDB file."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from belangen import domain, worksheet
from belangen.domain import ValidationError
from belangen.form_state import new_token
from belangen.store import ConcurrentEdit, Store
from tests.factories import weekly_project

NAMES = ("Anna", "Bram", "Cor")


def ratings(value: int) -> dict[str, int]:
    return dict.fromkeys(worksheet.DIMENSION_KEYS, value)


def grid(ids: dict[str, int], values: dict[str, int]) -> list[dict[str, object]]:
    return [{"stakeholder_id": ids[name], "ratings": ratings(value), "based_on": None,
             "token": new_token()} for name, value in values.items()]


@pytest.fixture
def seeded(store: Store) -> tuple[Store, dict[str, int], dt.date]:
    ids = weekly_project(store, "Raster", dict.fromkeys(NAMES, (2, 2, 2, 2)))
    return store, ids, domain.week_start(store.today())


def test_saves_one_follow_up_per_row_without_reflection_or_actions(seeded):
    store, ids, week = seeded
    store.add_action(ids["Anna"], worksheet.VALUE.key, "Bellen")
    saved = store.save_follow_ups(week, grid(ids, {"Anna": 3, "Bram": 4}))
    assert set(saved) == {ids["Anna"], ids["Bram"]}
    for name, value in (("Anna", 3), ("Bram", 4)):
        follow_up = store.follow_up_for_week(ids[name], week)
        assert follow_up is not None and follow_up.id == saved[ids[name]]
        assert follow_up.ratings == ratings(value)
        assert follow_up.reflection == "" and follow_up.their_value_rating is None
    assert store.follow_up_for_week(ids["Cor"], week) is None
    assert [action.status for action in store.list_actions(ids["Anna"])] == ["planned"]
    status = store.follow_up_status(ids["project"], week).set_index("name")
    assert status["logged"].to_dict() == {"Anna": True, "Bram": True, "Cor": False}


def test_the_same_rows_saved_again_store_nothing_twice(seeded):
    store, ids, week = seeded
    rows = grid(ids, dict.fromkeys(NAMES, 3))
    first = store.save_follow_ups(week, rows)
    again = store.save_follow_ups(week, rows)  # a double click, a resubmit
    assert again == first
    assert [store.follow_up_versions(ids[name], week) for name in NAMES] == [1, 1, 1]


def test_a_double_click_on_two_threads_stores_each_row_once(seeded):
    store, ids, week = seeded
    rows = grid(ids, dict.fromkeys(NAMES, 4))
    results: list[object] = []

    def save() -> None:
        try:
            results.append(store.save_follow_ups(week, rows))
        except Exception as error:
            results.append(error)

    threads = [threading.Thread(target=save) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(result, dict) for result in results), results
    assert len({tuple(sorted(result.items())) for result in results}) == 1  # type: ignore[union-attr]
    assert [store.follow_up_versions(ids[name], week) for name in NAMES] == [1, 1, 1]


def test_saving_a_week_again_appends_a_version_and_keeps_the_old(seeded):
    store, ids, week = seeded
    first = store.save_follow_ups(week, grid(ids, {"Anna": 3}))
    second = store.save_follow_ups(week, [{"stakeholder_id": ids["Anna"], "ratings": ratings(5),
                                           "based_on": first[ids["Anna"]],
                                           "token": new_token()}])
    assert second[ids["Anna"]] > first[ids["Anna"]]
    assert store.follow_up_versions(ids["Anna"], week) == 2
    follow_up = store.follow_up_for_week(ids["Anna"], week)
    assert follow_up is not None and follow_up.ratings == ratings(5)
    (old,) = store._rows("SELECT count(*) FROM follow_up_rating WHERE follow_up_id = ?",
                         [first[ids["Anna"]]])[0]
    assert old == 4, "the first version's ratings stay in the history"


def test_one_refused_row_stores_no_row(seeded):
    store, ids, week = seeded
    store.save_follow_up(ids["Bram"], week, ratings=ratings(2))  # saved in another tab
    rows = grid(ids, {"Anna": 3, "Bram": 3, "Cor": 3})  # the grid still thought Bram was to do
    with pytest.raises(ConcurrentEdit):
        store.save_follow_ups(week, rows)
    assert store.follow_up_for_week(ids["Anna"], week) is None
    assert store.follow_up_versions(ids["Bram"], week) == 1
    assert store.follow_up_for_week(ids["Cor"], week) is None


def test_a_missing_rating_names_the_row_and_stores_nothing(seeded):
    store, ids, week = seeded
    rows = grid(ids, {"Anna": 3, "Bram": 3})
    rows[1]["ratings"] = {**ratings(3), worksheet.VALUE.key: None}
    with pytest.raises(ValidationError) as refused:
        store.save_follow_ups(week, rows)
    assert refused.value.field == f"{ids['Bram']}.rating.{worksheet.VALUE.key}"
    assert store.follow_up_for_week(ids["Anna"], week) is None


def test_a_week_before_the_project_or_in_the_future_is_refused(seeded):
    store, ids, week = seeded
    with pytest.raises(ValidationError):
        store.save_follow_ups(week + dt.timedelta(weeks=1), grid(ids, {"Anna": 3}))
    with pytest.raises(ValidationError):
        store.save_follow_ups(week - dt.timedelta(weeks=30), grid(ids, {"Anna": 3}))
    assert store.follow_up_versions(ids["Anna"], week) == 0


def test_an_earlier_week_is_saved_as_that_week(seeded):
    store, ids, week = seeded
    earlier = week - dt.timedelta(weeks=2)
    store.save_follow_ups(earlier + dt.timedelta(days=3), grid(ids, {"Cor": 4}))
    assert store.follow_up_for_week(ids["Cor"], earlier) is not None
    assert store.follow_up_for_week(ids["Cor"], week) is None


def test_survives_reopening_the_file(seeded, db_path):
    store, ids, week = seeded
    store.save_follow_ups(week, grid(ids, {"Anna": 4}))
    store.close()
    reopened = Store(db_path)
    try:
        follow_up = reopened.follow_up_for_week(ids["Anna"], week)
        assert follow_up is not None and follow_up.ratings == ratings(4)
    finally:
        reopened.close()


def test_starting_points_agree_with_each_stakeholders_own_reads(store: Store) -> None:
    """The grid's one read gives, per stakeholder, what previous_follow_up and latest_worksheet
    give one by one: the newest version of the latest earlier week, else the worksheet."""
    project = store.create_project("Start", start_date=dt.date(2026, 9, 7))
    week = domain.week_start(store.today())
    logged = store.create_stakeholder(project, "Gelogd")
    corrected = store.create_stakeholder(project, "Verbeterd")
    sheet_only = store.create_stakeholder(project, "Alleen werkblad")
    nothing = store.create_stakeholder(project, "Niets")
    later_only = store.create_stakeholder(project, "Alleen deze week")
    store.save_worksheet_entry(logged, "value", rating=1, reflection="")
    first = store.save_worksheet_entry(sheet_only, "conversation", rating=4, reflection="")
    store.save_worksheet_entry(sheet_only, "conversation", rating=5, reflection="later",
                               based_on=first)
    store.save_follow_up(logged, week - dt.timedelta(weeks=3), ratings=ratings(2))
    store.save_follow_up(logged, week - dt.timedelta(weeks=1), ratings=ratings(3))
    store.save_follow_up(corrected, week - dt.timedelta(weeks=2), ratings=ratings(2))
    store.save_follow_up(corrected, week - dt.timedelta(weeks=2), ratings=ratings(4))
    store.save_follow_up(later_only, week, ratings=ratings(5))

    points = store.starting_points(project, week)
    for stakeholder_id in (logged, corrected, sheet_only, nothing, later_only):
        mine = points[points["stakeholder_id"] == stakeholder_id].set_index("dimension")
        assert sorted(mine.index) == sorted(worksheet.DIMENSION_KEYS)
        previous = store.previous_follow_up(stakeholder_id, week)
        if previous is None:
            assert mine["follow_up_id"].isna().all()
            assert mine["follow_up_rating"].isna().all()
        else:
            assert set(mine["follow_up_id"]) == {previous.id}
            assert mine["previous_week"].iloc[0].date() == previous.week
            assert mine["follow_up_rating"].to_dict() == previous.ratings
        sheet = store.latest_worksheet(stakeholder_id)
        assert {key: rating for key, rating in mine["worksheet_rating"].dropna().items()} == {
            key: entry.rating for key, entry in sheet.items() if entry.rating is not None}
    assert points.loc[points["stakeholder_id"] == sheet_only].set_index("dimension").at[
        "conversation", "worksheet_rating"] == 5, "the newest worksheet version"
