"""Upgrading a file made by an older release must keep every row, record each step, and be a
no-op the second time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from belangen.store import Store, migrate, migrations

V1_DATA = """
INSERT INTO project VALUES (7, 'Migratie', 'desc', 'goal', DATE '2024-01-01', FALSE, FALSE, 3,
    TIMESTAMP '2024-01-01 10:00', TIMESTAMP '2024-02-01 10:00');
INSERT INTO stakeholder VALUES (11, 7, 'Ånne', 'ånne', 'CFO', 'finance', 'notes ✓ <b>', TRUE, 2,
    TIMESTAMP '2024-01-02 10:00', TIMESTAMP '2024-01-03 10:00');
INSERT INTO interest VALUES (5, 11, 'budget', 'organisational', 'confirmed', 'said so',
    DATE '2024-01-05', FALSE, 1, TIMESTAMP '2024-01-05 10:00', TIMESTAMP '2024-01-05 10:00');
INSERT INTO worksheet_entry VALUES (3, 11, 'value', 'refl', 4, 5, TIMESTAMP '2024-01-06 10:00');
INSERT INTO action VALUES (9, 11, 'value', 'evaluate', DATE '2024-01-08', 'planned', NULL, '', 1,
    TIMESTAMP '2024-01-06 10:00', TIMESTAMP '2024-01-06 10:00');
INSERT INTO change_log VALUES (1, 'stakeholder', 11, 11, TIMESTAMP '2024-01-03 10:00',
    '{"notes": "older"}');
"""
V1_TABLES = ["app_meta", "project", "stakeholder", "interest", "worksheet_entry", "action",
             "change_log"]
STEP_TIME = dt.datetime(2026, 3, 4, 12, 0)


def _dump(con: duckdb.DuckDBPyConnection, tables: list[str]) -> dict[str, list[tuple]]:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


def _v1_file(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path))
    assert migrate(con, target=1, path=path, now=lambda: dt.datetime(2024, 1, 1)) == 1
    con.execute(V1_DATA)
    # Sequences as the v1 app left them: past the ids it had handed out.
    for sequence, last in [("project_ids", 7), ("stakeholder_ids", 11), ("interest_ids", 5),
                           ("worksheet_entry_ids", 3), ("action_ids", 9), ("change_log_ids", 1)]:
        for _ in range(last):
            con.execute(f"SELECT nextval('{sequence}')").fetchall()
    data = _dump(con, V1_TABLES)
    con.close()
    return data


def test_upgrade_from_v1_keeps_every_row_and_records_each_step(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    before = _v1_file(path)
    store = Store(path, now=lambda: STEP_TIME)
    try:
        assert {t: store.query_rows(f"SELECT * FROM {t} ORDER BY ALL") for t in V1_TABLES} == before
        steps = store.query_rows("SELECT version, applied_at FROM schema_version ORDER BY version")
        assert steps == [(1, dt.datetime(2024, 1, 1))] + [
            (version, STEP_TIME) for version in range(2, migrations.LATEST_VERSION + 1)
        ]
        # The upgraded file works: new rows get fresh ids, old rows are usable.
        assert store.get_stakeholder(11).notes == "notes ✓ <b>"
        sid = store.create_stakeholder(7, "Nieuw")
        assert sid > 11
        store.save_follow_up(11, dt.date(2026, 3, 2), ratings={
            "genuine_interest": 3, "value": 4, "conversation": 2, "negotiation": 1})
    finally:
        store.close()


def test_running_migrations_twice_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _v1_file(path)
    Store(path, now=lambda: STEP_TIME).close()
    con = duckdb.connect(str(path))
    try:
        tables = [*V1_TABLES, "schema_version", "follow_up", "follow_up_rating"]
        once = _dump(con, tables)
        assert migrate(con, path=path, now=lambda: dt.datetime(2030, 1, 1)) == (
            migrations.LATEST_VERSION
        )
        assert _dump(con, tables) == once
    finally:
        con.close()


def test_each_step_is_atomic_with_its_version_row(tmp_path: Path) -> None:
    """A step that fails halfway leaves neither its tables nor its schema_version row."""
    path = tmp_path / "old.duckdb"
    _v1_file(path)
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
