"""The store against a real DuckDB file: what is saved comes back, nothing is overwritten."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from helpers.db import at_once, dump_tables

from belangen import domain, worksheet
from belangen.domain import ValidationError
from belangen.store import ConcurrentEdit, NotFound, Store

DIMENSIONS = worksheet.DIMENSION_KEYS


def ratings(value: int) -> dict[str, int]:
    return {key: value for key in DIMENSIONS}


def test_everything_is_found_again_after_reopening(tmp_path) -> None:
    path = tmp_path / "belangen.duckdb"
    db = Store(path)
    project_id = db.create_project("Stationsgebied", "Plein", "Draagvlak", dt.date(2026, 9, 1))
    stakeholder_id = db.create_stakeholder(project_id, "Jansen", "Gemeente", "De raad", "Let op")
    db.add_interest(stakeholder_id, "Herverkiezing", "political", "suspected", "Noemt maart")
    db.save_worksheet_entry(stakeholder_id, "value", reflection="Weinig", rating=2, target=4)
    db.add_action(stakeholder_id, "value", "Evalueren", planned_week=dt.date(2026, 11, 25))
    db.close()

    reopened = Store(path)
    (project,) = reopened.list_projects()
    assert (project.name, project.description, project.own_goal, project.start_date) == (
        "Stationsgebied", "Plein", "Draagvlak", dt.date(2026, 9, 1))
    (stakeholder,) = reopened.list_stakeholders(project_id)
    assert (stakeholder.role, stakeholder.constituency, stakeholder.notes) == (
        "Gemeente", "De raad", "Let op")
    (interest,) = reopened.list_interests(stakeholder_id)
    assert (interest.kind, interest.status, interest.signals) == (
        "political", "suspected", "Noemt maart")
    entry = reopened.latest_worksheet(stakeholder_id)["value"]
    assert (entry.rating, entry.target, entry.reflection) == (2, 4, "Weinig")
    (action,) = reopened.list_actions(stakeholder_id)
    assert (action.text, action.planned_week, action.status) == (
        "Evalueren", dt.date(2026, 11, 23), "planned")


def test_edits_keep_the_previous_state_in_the_change_log(store: Store) -> None:
    project_id = store.create_project("Oud")
    store.update_project(project_id, 1, name="Nieuw", description="", own_goal="",
                         start_date=store.today())
    (previous,) = store.query_rows("SELECT previous FROM change_log WHERE table_name = 'project'")
    assert json.loads(previous[0])["name"] == "Oud"
    assert store.get_project(project_id).revision == 2


def test_stale_revision_is_refused(store: Store) -> None:
    project_id = store.create_project("Oud")
    store.update_project(project_id, 1, name="Tab een", description="", own_goal="",
                         start_date=store.today())
    with pytest.raises(ConcurrentEdit):
        store.update_project(project_id, 1, name="Tab twee", description="", own_goal="",
                             start_date=store.today())
    assert store.get_project(project_id).name == "Tab een"


def test_worksheet_versions_are_appended(store: Store) -> None:
    project_id = store.create_project("P")
    stakeholder_id = store.create_stakeholder(project_id, "Jansen")
    first = store.save_worksheet_entry(stakeholder_id, "conversation", reflection="a", rating=1)
    second = store.save_worksheet_entry(stakeholder_id, "conversation", reflection="b",
                                        rating=3, based_on=first)
    assert store.latest_worksheet(stakeholder_id)["conversation"].id == second
    assert [e.reflection for e in store.worksheet_history(stakeholder_id, "conversation")] == [
        "b", "a"]



def test_every_rows_versions_in_one_read_agree_with_the_latest(store: Store) -> None:
    """The Werkblad reads all rows' versions at once, newest first, and takes the newest of each
    as the row's current value, as `latest_worksheet` does; no other stakeholder's versions."""
    project_id = store.create_project("P")
    stakeholder_id = store.create_stakeholder(project_id, "Jansen")
    other = store.create_stakeholder(project_id, "De Vries")
    first = store.save_worksheet_entry(stakeholder_id, "conversation", reflection="a", rating=1)
    store.save_worksheet_entry(stakeholder_id, "value", reflection="v", rating=4)
    store.save_worksheet_entry(other, "conversation", reflection="elders", rating=5)
    store.save_worksheet_entry(stakeholder_id, "conversation", reflection="b", rating=3,
                               based_on=first)
    histories = store.worksheet_histories(stakeholder_id)
    assert {key: [e.reflection for e in versions] for key, versions in histories.items()} == {
        "conversation": ["b", "a"], "value": ["v"]}
    assert {key: e.reflection for key, e in store.latest_worksheet(stakeholder_id).items()} == {
        "conversation": "b", "value": "v"}
    assert store.worksheet_histories(store.create_stakeholder(project_id, "Nieuw")) == {}


def test_interest_confirmation_date_is_kept(fixed_store) -> None:
    db, clock = fixed_store
    project_id = db.create_project("P", start_date=dt.date(2026, 1, 1))
    stakeholder_id = db.create_stakeholder(project_id, "Jansen")
    interest_id = db.add_interest(stakeholder_id, "Budget", "organisational", "suspected")
    clock[0] = dt.datetime(2026, 12, 3, 9)
    db.update_interest(interest_id, 1, text="Budget", kind="organisational",
                       status="confirmed", signals="")
    clock[0] = dt.datetime(2026, 12, 10, 9)
    db.update_interest(interest_id, 2, text="Budget 2027", kind="organisational",
                       status="confirmed", signals="")
    assert db.get_interest(interest_id).confirmed_on == dt.date(2026, 12, 3)


def test_unknown_records_are_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.create_stakeholder(999, "Jansen")
    with pytest.raises(NotFound):
        store.get_stakeholder(999)
    with pytest.raises(NotFound):
        store.save_worksheet_entry(999, "value", reflection="", rating=3)


def test_follow_up_saves_ratings_actions_and_a_new_action_at_once(fixed_store) -> None:
    db, _ = fixed_store
    project_id = db.create_project("P", start_date=dt.date(2026, 9, 1))
    stakeholder_id = db.create_stakeholder(project_id, "Jansen")
    action_id = db.add_action(stakeholder_id, "value", "Evalueren")
    follow_up_id = db.save_follow_up(
        stakeholder_id, dt.date(2026, 11, 24), ratings=ratings(3), reflection="Goed gesprek",
        their_value_rating=4, actions_done={action_id: "Tevreden"},
        new_action={"row_key": "negotiation", "text": "Voorstel doen", "planned_week": None},
    )
    saved = db.follow_up_for_week(stakeholder_id, dt.date(2026, 11, 23))
    assert saved.id == follow_up_id
    assert (saved.ratings, saved.their_value_rating, saved.reflection) == (
        ratings(3), 4, "Goed gesprek")
    done = db.get_action(action_id)
    assert (done.status, done.done_on, done.outcome) == ("done", dt.date(2026, 11, 26), "Tevreden")
    assert [a.text for a in db.list_actions(stakeholder_id)] == ["Evalueren", "Voorstel doen"]



def test_this_weeks_follow_up_and_the_one_before_come_in_one_read(fixed_store) -> None:
    """Each the current version; "before" is the latest logged week before this one, also
    across weeks without a follow-up, and never a later week or another stakeholder's."""
    db, _ = fixed_store
    project_id = db.create_project("P", start_date=dt.date(2026, 9, 1))
    stakeholder_id = db.create_stakeholder(project_id, "Jansen")
    other = db.create_stakeholder(project_id, "De Vries")
    db.save_follow_up(stakeholder_id, dt.date(2026, 10, 26), ratings=ratings(1))
    db.save_follow_up(stakeholder_id, dt.date(2026, 11, 2), ratings=ratings(2), reflection="a")
    second = db.save_follow_up(stakeholder_id, dt.date(2026, 11, 2), ratings=ratings(3),
                               reflection="b")
    db.save_follow_up(stakeholder_id, dt.date(2026, 11, 23), ratings=ratings(4))
    db.save_follow_up(other, dt.date(2026, 11, 16), ratings=ratings(5))
    current, previous = db.follow_up_and_previous(stakeholder_id, dt.date(2026, 11, 19))
    assert current is None
    assert (previous.id, previous.reflection, previous.ratings) == (second, "b", ratings(3))
    current, previous = db.follow_up_and_previous(stakeholder_id, dt.date(2026, 11, 3))
    assert (current.id, previous.ratings) == (second, ratings(1))
    assert db.follow_up_and_previous(stakeholder_id, dt.date(2026, 10, 26))[1] is None
    assert db.follow_up_and_previous(other, dt.date(2026, 11, 2)) == (None, None)


def test_a_refused_follow_up_writes_nothing(fixed_store) -> None:
    db, _ = fixed_store
    project_id = db.create_project("P", start_date=dt.date(2026, 9, 1))
    stakeholder_id = db.create_stakeholder(project_id, "Jansen")
    action_id = db.add_action(stakeholder_id, "value", "Evalueren")
    with pytest.raises(ValidationError):
        db.save_follow_up(stakeholder_id, dt.date(2026, 11, 24),
                          ratings={**ratings(3), "value": 7}, actions_done={action_id: "x"})
    with pytest.raises(NotFound):
        db.save_follow_up(stakeholder_id, dt.date(2026, 11, 24), ratings=ratings(3),
                          actions_done={action_id: "x", 999: "y"})
    assert db.follow_up_for_week(stakeholder_id, dt.date(2026, 11, 24)) is None
    assert db.get_action(action_id).status == "planned"


def test_saving_a_week_again_replaces_it_but_keeps_the_earlier_version(fixed_store) -> None:
    db, _ = fixed_store
    project_id = db.create_project("P", start_date=dt.date(2026, 9, 1))
    stakeholder_id = db.create_stakeholder(project_id, "Jansen")
    week = dt.date(2026, 11, 16)
    db.save_follow_up(stakeholder_id, week, ratings=ratings(2), reflection="eerst")
    db.save_follow_up(stakeholder_id, week, ratings=ratings(4), reflection="daarna")
    assert db.follow_up_for_week(stakeholder_id, week).reflection == "daarna"
    assert db.follow_up_versions(stakeholder_id, week) == 2
    history = db.rating_history(project_id, stakeholder_id)
    assert history["rating"].tolist() == [4, 4, 4, 4]


def test_follow_up_starts_from_last_week_else_the_worksheet(fixed_store) -> None:
    db, _ = fixed_store
    project_id = db.create_project("P", start_date=dt.date(2026, 9, 1))
    stakeholder_id = db.create_stakeholder(project_id, "Jansen")
    for key in DIMENSIONS:
        db.save_worksheet_entry(stakeholder_id, key, reflection="", rating=2)
    assert db.starting_ratings(stakeholder_id, dt.date(2026, 11, 2)) == ratings(2)
    db.save_follow_up(stakeholder_id, dt.date(2026, 11, 2), ratings=ratings(4))
    assert db.starting_ratings(stakeholder_id, dt.date(2026, 11, 16)) == ratings(4)
    # A backfilled earlier week starts from what came before it: the worksheet.
    assert db.starting_ratings(stakeholder_id, dt.date(2026, 10, 26)) == ratings(2)


def test_baseline_is_the_worksheet_before_the_first_follow_up(fixed_store) -> None:
    db, clock = fixed_store
    project_id = db.create_project("P", start_date=dt.date(2026, 9, 1))
    stakeholder_id = db.create_stakeholder(project_id, "Jansen")
    clock[0] = dt.datetime(2026, 10, 7, 9)
    first = db.save_worksheet_entry(stakeholder_id, "value", reflection="start", rating=2,
                                    target=4)
    clock[0] = dt.datetime(2026, 11, 26, 9)
    db.save_follow_up(stakeholder_id, dt.date(2026, 11, 9), ratings=ratings(3))
    db.save_worksheet_entry(stakeholder_id, "value", reflection="later", rating=5,
                            based_on=first)
    baseline = db.worksheet_baseline(project_id, stakeholder_id)
    (row,) = baseline.itertuples()
    assert (row.week.date(), row.rating, row.target, row.reflection) == (
        dt.date(2026, 10, 5), 2, 4, "start")

    latest = db.latest_ratings(project_id)
    value = latest[latest["dimension"] == "value"].iloc[0]
    assert (value.baseline_rating, value.latest_rating, value.change) == (2, 3, 1)


def test_overdue_and_open_actions(fixed_store) -> None:
    db, _ = fixed_store
    project_id = db.create_project("P", start_date=dt.date(2026, 9, 1))
    stakeholder_id = db.create_stakeholder(project_id, "Jansen")
    db.add_action(stakeholder_id, "value", "Te laat", planned_week=dt.date(2026, 11, 10))
    db.add_action(stakeholder_id, "value", "Deze week", planned_week=dt.date(2026, 11, 25))
    db.add_action(stakeholder_id, "value", "Klaar", planned_week=dt.date(2026, 11, 3),
                  status="done")
    assert db.overdue_actions(project_id, dt.date(2026, 11, 26))["text"].tolist() == ["Te laat"]
    assert db.open_actions(project_id)["text"].tolist() == ["Te laat", "Deze week"]


def test_a_follow_up_is_checked_against_the_project_as_it_is_when_written(tmp_path) -> None:
    """Another tab moves the project's start while a follow-up is on its way: the week is
    checked inside the write's transaction, so nothing lands before the new start."""
    moving: list[Store] = []

    def clock() -> dt.datetime:
        if moving:  # once, while save_follow_up asks for the day
            other = moving.pop()
            other.update_project(project_id, None, name="P", description="", own_goal="",
                                 start_date=dt.date(2026, 11, 16))
        return dt.datetime(2026, 11, 26, 10)

    db = Store(tmp_path / "belangen.duckdb", now=clock)
    try:
        project_id = db.create_project("P", start_date=dt.date(2026, 9, 1))
        stakeholder_id = db.create_stakeholder(project_id, "Jansen")
        moving.append(db)
        with pytest.raises(ValidationError) as refused:
            db.save_follow_up(stakeholder_id, dt.date(2026, 11, 9), ratings=ratings(3))
        assert refused.value.message_key == "error.week_before_project"
        assert db.get_project(project_id).start_date == dt.date(2026, 11, 16)
        assert db.follow_up_for_week(stakeholder_id, dt.date(2026, 11, 9)) is None
    finally:
        db.close()


def test_an_action_cannot_be_done_in_the_future(fixed_store) -> None:
    db, _ = fixed_store
    project_id = db.create_project("P", start_date=dt.date(2026, 9, 1))
    stakeholder_id = db.create_stakeholder(project_id, "Jansen")
    with pytest.raises(ValidationError):
        db.add_action(stakeholder_id, "value", "Later", status="done",
                      done_on=dt.date(2026, 12, 25))
    assert db.list_actions(stakeholder_id) == []


# --- a submission is stored once (a double click, a resent message) --------------------------


def test_a_second_submit_with_the_same_token_stores_nothing_new(store: Store) -> None:
    project = store.create_project("Stationsgebied", token="token-project-1")
    assert store.create_project("Stationsgebied", token="token-project-1") == project
    assert [p.id for p in store.list_projects()] == [project]

    person = store.create_stakeholder(project, "Jansen", token="token-person-1")
    assert store.create_stakeholder(project, "Jansen", token="token-person-1") == person
    interest = store.add_interest(person, "Budget", token="token-interest-1")
    assert store.add_interest(person, "Budget", token="token-interest-1") == interest
    action = store.add_action(person, "value", "Evaluatie", token="token-action-1")
    assert store.add_action(person, "value", "Evaluatie", token="token-action-1") == action
    before = dump_tables(store)

    ratings = dict.fromkeys(worksheet.DIMENSION_KEYS, 3)
    week = domain.week_start(store.today())
    first = store.save_follow_up(person, week, ratings=ratings, reflection="Een keer",
                                 actions_done={action: "Gedaan"}, based_on=None,
                                 token="token-follow-up-1")
    after_first = dump_tables(store)
    # The same drawing sent again (a double click): same answer, nothing new, no conflict.
    again = store.save_follow_up(person, week, ratings=ratings, reflection="Een keer",
                                 actions_done={action: "Gedaan"}, based_on=None,
                                 token="token-follow-up-1")
    assert again == first
    assert dump_tables(store) == after_first
    assert after_first != before


def test_updates_archives_and_deletes_with_a_used_token_change_nothing(store: Store) -> None:
    project = store.create_project("Stationsgebied")
    person = store.create_stakeholder(project, "Jansen")
    revision = store.get_stakeholder(person).revision
    store.update_stakeholder(person, revision, name="Jansen", role="Wethouder", constituency="",
                             notes="", token="token-update-1")
    after = dump_tables(store)
    # The stale revision would be a conflict, but this is the same submission: nothing happens.
    store.update_stakeholder(person, revision, name="Jansen", role="Wethouder", constituency="",
                             notes="", token="token-update-1")
    assert dump_tables(store) == after

    store.set_stakeholder_archived(person, True, token="token-archive-1")
    after = dump_tables(store)
    store.set_stakeholder_archived(person, True, token="token-archive-1")
    assert dump_tables(store) == after

    store.delete_stakeholder(person, token="token-delete-1")
    store.delete_stakeholder(person, token="token-delete-1")  # no NotFound for the second click
    with pytest.raises(NotFound):
        store.delete_stakeholder(person, token="token-delete-2")


def test_the_same_submission_from_two_threads_at_once_is_stored_once(store: Store) -> None:
    project = store.create_project("Stationsgebied")
    person = store.create_stakeholder(project, "Jansen")
    week = domain.week_start(store.today())
    ratings = dict.fromkeys(worksheet.DIMENSION_KEYS, 4)
    for attempt in range(10):
        answers = [
            repr(answer) if isinstance(answer, BaseException) else answer
            for answer in at_once(lambda attempt=attempt: store.save_follow_up(
                person, week, ratings=ratings, token=f"token-race-{attempt:03d}"))
        ]
        assert len(set(answers)) == 1 and isinstance(answers[0], int), answers
    assert store.follow_up_versions(person, week) == 10


def test_a_follow_up_based_on_an_older_version_is_refused(store: Store) -> None:
    project = store.create_project("Stationsgebied")
    person = store.create_stakeholder(project, "Jansen")
    week = domain.week_start(store.today())
    ratings = dict.fromkeys(worksheet.DIMENSION_KEYS, 4)
    first = store.save_follow_up(person, week, ratings=ratings, based_on=None)
    store.save_follow_up(person, week, ratings=ratings, based_on=first)  # another tab
    before = dump_tables(store)
    with pytest.raises(ConcurrentEdit):
        store.save_follow_up(person, week, ratings=ratings, based_on=first)
    assert dump_tables(store) == before


def test_the_whole_worksheet_is_saved_at_once_or_not_at_all(store: Store) -> None:
    project = store.create_project("Stationsgebied")
    person = store.create_stakeholder(project, "Jansen")
    saved = store.save_worksheet(
        person, {"value": {"rating": 2, "target": 4, "reflection": "Weinig"},
                 "negotiation": {"rating": 1, "target": None, "reflection": ""}},
        based_on={"value": None, "negotiation": None})
    assert set(saved) == {"value", "negotiation"}
    before = dump_tables(store)
    with pytest.raises(domain.ValidationError):
        store.save_worksheet(person, {"value": {"rating": 3, "reflection": "Goed"},
                                      "conversation": {"rating": None, "reflection": "?"}},
                             based_on={"value": saved["value"], "conversation": None})
    with pytest.raises(ConcurrentEdit):
        store.save_worksheet(person, {"value": {"rating": 3, "reflection": "Goed"}},
                             based_on={"value": None})
    assert dump_tables(store) == before
