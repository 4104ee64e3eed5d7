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
