"""The sample project: realistic, deterministic, and removable without touching real data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from helpers.db import dump_tables

from belangen import common_ground, domain, worksheet
from belangen.sample import load_sample_project, remove_sample_project
from belangen.store import Store

NOW = dt.datetime(2026, 3, 12, 10, 30)


THIS_MONDAY = dt.date(2026, 3, 9)


@pytest.fixture
def db(tmp_path: Path):
    store = Store(tmp_path / "belangen.duckdb", now=lambda: NOW)
    yield store
    store.close()


def test_sample_has_every_part_of_the_method(db: Store) -> None:
    project_id = load_sample_project(db)
    project = db.get_project(project_id)
    assert project.is_sample
    people = db.list_stakeholders(project_id)
    assert 3 <= len(people) <= 4
    interests = [i for person in people for i in db.list_interests(person.id)]
    assert {i.kind for i in interests} >= {"organisational", "individual", "political"}
    assert {i.status for i in interests} == {"suspected", "confirmed"}
    assert all(i.signals for i in interests if i.status == "suspected")
    history = db.rating_history(project_id)
    expected_weeks = domain.weeks_back(THIS_MONDAY - dt.timedelta(weeks=1), 8)
    for person in people:
        entries = db.latest_worksheet(person.id)
        assert set(entries) == set(worksheet.DIMENSION_KEYS)
        assert all(e.reflection and e.target for e in entries.values())
        weeks = sorted(set(history[history["stakeholder_id"] == person.id]["week"].dt.date))
        assert weeks == expected_weeks
        statuses = {a.status for a in db.list_actions(person.id)}
        assert "done" in statuses
    assert db.query_rows("SELECT count(*) FROM change_log")[0][0] > 0
    assert db.query_rows(
        "SELECT count(*) FROM follow_up WHERE their_value_rating IS NOT NULL"
    )[0][0]


def test_sample_has_a_small_map_and_two_options(db: Store) -> None:
    project_id = load_sample_project(db)
    people = db.list_stakeholders(project_id)
    assert all(person.back_home for person in people)
    own = db.list_own_interests(project_id)
    assert {o.on_table for o in own} == {True, False}, "one said aloud, one kept to myself"
    interest_map = common_ground.InterestMap.build(
        [(p.id, p.name) for p in people], db.map_interests(project_id),
        db.list_links(project_id))
    assert {link.relation for link in interest_map.links} == {"shared", "tension"}
    assert len(interest_map.links) == len(db.list_links(project_id)), "no link left the map"
    assert max(len(g.parties) for g in interest_map.common_ground()) >= 3
    agreed, open_option = db.list_options(project_id)
    assert (agreed.status, open_option.status) == ("agreed", "discussed")
    assert agreed.partners and agreed.agreed_on is not None
    assert agreed.agreed_on < THIS_MONDAY
    assert common_ground.every_party_gains(agreed, interest_map)
    assert "self" in common_ground.missing_parties(open_option, interest_map)
    history = db.query_rows(
        "SELECT count(*) FROM change_log WHERE table_name = 'win_win_option'")
    assert history == [(3,)], "idea → discussed → agreed, and idea → discussed"


def test_ratings_move_after_actions_carried_out(db: Store) -> None:
    project_id = load_sample_project(db)
    history = db.rating_history(project_id)
    done = db.actions_done(project_id)
    rises = 0
    for action in done.itertuples():
        if action.row_key not in worksheet.DIMENSION_KEYS:
            continue
        ratings = history[
            (history["stakeholder_id"] == action.stakeholder_id)
            & (history["dimension"] == action.row_key)
        ].set_index("week")["rating"]
        week = pd.Timestamp(action.week)
        before = ratings[ratings.index < week].iloc[-1]
        assert ratings[week] >= before, action
        rises += int(ratings[week] > before)
    assert rises >= 4


def test_done_actions_fall_in_their_follow_up_week(db: Store) -> None:
    project_id = load_sample_project(db)
    done = db.actions_done(project_id)
    assert len(done) >= 8
    for action in done.itertuples():
        assert THIS_MONDAY - dt.timedelta(weeks=8) <= action.done_on.date() < THIS_MONDAY


def test_sample_is_the_same_every_time(tmp_path: Path) -> None:
    dumps = []
    for name in ("a", "b"):
        store = Store(tmp_path / name / "belangen.duckdb", now=lambda: NOW)
        load_sample_project(store, NOW.date())
        dumps.append(dump_tables(store))
        store.close()
    assert dumps[0] == dumps[1]


def test_loading_twice_keeps_one_sample(db: Store) -> None:
    first = load_sample_project(db)
    assert load_sample_project(db) == first
    assert [p.id for p in db.list_projects() if p.is_sample] == [first]


def test_sample_cannot_end_in_the_future(db: Store) -> None:
    with pytest.raises(ValueError):
        load_sample_project(db, NOW.date() + dt.timedelta(days=7))
    assert db.list_projects() == []


def test_removing_the_sample_leaves_real_data_untouched(db: Store) -> None:
    real = db.create_project("Mijn project", start_date=dt.date(2026, 1, 5))
    person = db.create_stakeholder(real, "Collega")
    db.add_interest(person, "Echte zorg", "individual", "suspected", "Signaal")
    db.save_worksheet_entry(person, "value", reflection="Echt", rating=3)
    action = db.add_action(person, "value", "Bellen", planned_week=THIS_MONDAY)
    db.save_follow_up(
        person,
        THIS_MONDAY,
        ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 3),
        actions_done={action: "Gedaan"},
    )
    before = dump_tables(db)

    load_sample_project(db)
    assert dump_tables(db) != before
    assert remove_sample_project(db) == 1

    assert dump_tables(db) == before
    assert remove_sample_project(db) == 0
