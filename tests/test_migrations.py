"""Upgrading a file made by an older release must keep every row, record each step, and be a
no-op the second time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from belangen.store import Store, migrate, migrations
from tests.v1_database import (
    V1_MIGRATED_AT,
    V1_NOTES,
    V1_TABLES,
    dump,
    make_v1_database,
)

STEP_TIME = dt.datetime(2026, 3, 4, 12, 0)


def test_upgrade_from_v1_keeps_every_row_and_records_each_step(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    before = make_v1_database(path)
    store = Store(path, now=lambda: STEP_TIME)
    try:
        added = {"stakeholder": " EXCLUDE (cadence_weeks, back_home)",  # columns later steps added
                 "action": " EXCLUDE (option_id)"}
        assert {t: store.query_rows(f"SELECT *{added.get(t, '')} FROM {t} ORDER BY ALL")
                for t in V1_TABLES} == before
        assert store.query_rows("SELECT DISTINCT cadence_weeks FROM stakeholder") == [(1,)], \
            "everyone was weekly before cadences existed"
        steps = store.query_rows("SELECT version, applied_at FROM schema_version ORDER BY version")
        assert steps == [(1, V1_MIGRATED_AT)] + [
            (version, STEP_TIME) for version in range(2, migrations.LATEST_VERSION + 1)
        ]
        # The upgraded file works: new rows get fresh ids, old rows are usable.
        assert store.get_stakeholder(11).notes == V1_NOTES
        sid = store.create_stakeholder(7, "Nieuw")
        assert sid > 11
        store.save_follow_up(11, dt.date(2026, 3, 2), ratings={
            "genuine_interest": 3, "value": 4, "conversation": 2, "negotiation": 1})
    finally:
        store.close()


def test_running_migrations_twice_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    make_v1_database(path)
    Store(path, now=lambda: STEP_TIME).close()
    con = duckdb.connect(str(path))
    try:
        tables = [*V1_TABLES, "schema_version", "follow_up", "follow_up_rating"]
        once = dump(con, tables)
        assert migrate(con, path=path, now=lambda: dt.datetime(2030, 1, 1)) == (
            migrations.LATEST_VERSION
        )
        assert dump(con, tables) == once
    finally:
        con.close()


def test_each_step_is_atomic_with_its_version_row(tmp_path: Path) -> None:
    """A step that fails halfway leaves neither its tables nor its schema_version row."""
    path = tmp_path / "old.duckdb"
    make_v1_database(path)
    con = duckdb.connect(str(path))
    original = migrations.STEPS
    try:
        broken = (2, original[1][1] + "\nSELECT * FROM no_such_table;")
        migrations.STEPS = (original[0], broken)
        try:
            migrate(con, path=path)
        except duckdb.Error:
            pass
        else:
            raise AssertionError("the broken step did not fail")
        assert con.execute("SELECT max(version) FROM schema_version").fetchall() == [(1,)]
        assert con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'follow_up'"
        ).fetchall() == [(0,)]
    finally:
        migrations.STEPS = original
        con.close()


def test_upgrade_from_v4_with_data_adds_the_collaboration_tables(tmp_path: Path) -> None:
    """A database as the last release left it (version 4, cadences) gains the map, the options
    and the two new columns without changing a row it held."""
    path = tmp_path / "v4.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, target=4, now=lambda: STEP_TIME, path=path)
    con.execute(
        "INSERT INTO project (id, name, start_date, created_at, updated_at) "
        "VALUES (3, 'Plein', DATE '2026-01-05', ?, ?)", [STEP_TIME, STEP_TIME])
    con.execute(
        "INSERT INTO stakeholder (id, project_id, name, name_key, constituency, cadence_weeks, "
        "created_at, updated_at) VALUES (5, 3, 'Wethouder', 'wethouder', 'De raad', 2, ?, ?)",
        [STEP_TIME, STEP_TIME])
    con.execute(
        "INSERT INTO interest (id, stakeholder_id, text, kind, status, created_at, updated_at) "
        "VALUES (8, 5, 'Herverkiezing', 'political', 'suspected', ?, ?)", [STEP_TIME, STEP_TIME])
    con.execute(
        "INSERT INTO action (id, stakeholder_id, row_key, text, status, created_at, updated_at) "
        "VALUES (9, 5, 'negotiation', 'Bellen', 'planned', ?, ?)", [STEP_TIME, STEP_TIME])
    tables = ["project", "stakeholder", "interest", "action"]
    before = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}
    con.close()

    store = Store(path, now=lambda: STEP_TIME)
    try:
        added = {"stakeholder": " EXCLUDE (back_home)", "action": " EXCLUDE (option_id)"}
        assert {t: store.query_rows(f"SELECT *{added.get(t, '')} FROM {t} ORDER BY ALL")
                for t in tables} == before
        assert store.get_stakeholder(5).back_home == ""
        assert store.query_rows("SELECT option_id FROM action") == [(None,)]
        assert store.query_rows("SELECT max(version) FROM schema_version") == [(5,)]
        for table in ("own_interest", "interest_link", "win_win_option"):
            assert store.query_rows(f"SELECT count(*) FROM {table}") == [(0,)]
        # The new tables work on the upgraded file, with the rows it held.
        own = store.add_own_interest(3, "Op tijd klaar", "organisational", True, "")
        store.add_link(3, f"o{own}", "i8", "tension", "")
        option = store.add_option(3, "Samen naar de raad", serves=["i8", f"o{own}"],
                                  status="agreed", partners=[5])
        made = store.actions_from_option(option, [5], row_key="negotiation")
        assert made == [a.id for a in store.list_actions(5) if a.id != 9]
    finally:
        store.close()
