"""A database file as the first release (schema version 1) left it, with data in every table:
what the upgrade tests and the kill-during-upgrade test start from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from belangen.store import migrate

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
V1_NOTES = "notes ✓ <b>"
"""The notes of stakeholder 11: still readable through the Store after any upgrade."""
V1_MIGRATED_AT = dt.datetime(2024, 1, 1)


# Columns later migrations add to the v1 tables: a v1 file's data is compared without them.
ADDED_LATER = {"stakeholder": ("cadence_weeks", "back_home"), "action": ("option_id",)}


def dump(con: duckdb.DuckDBPyConnection, tables: list[str]) -> dict[str, list[tuple]]:
    """The tables' rows as v1 had them (columns added by later steps left out)."""
    def rows(table: str) -> list[tuple]:
        present = {name for (name,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]).fetchall()}
        later = [name for name in ADDED_LATER.get(table, ()) if name in present]
        exclude = f" EXCLUDE ({', '.join(later)})" if later else ""
        return con.execute(f"SELECT *{exclude} FROM {table} ORDER BY ALL").fetchall()
    return {table: rows(table) for table in tables}


def make_v1_database(path: Path) -> dict[str, list[tuple]]:
    """Writes the v1 file (closed, so no WAL) and returns its tables as `dump` reads them."""
    con = duckdb.connect(str(path))
    assert migrate(con, target=1, path=path, now=lambda: V1_MIGRATED_AT) == 1
    con.execute(V1_DATA)
    # Sequences as the v1 app left them: past the ids it had handed out.
    for sequence, last in [("project_ids", 7), ("stakeholder_ids", 11), ("interest_ids", 5),
                           ("worksheet_entry_ids", 3), ("action_ids", 9), ("change_log_ids", 1)]:
        for _ in range(last):
            con.execute(f"SELECT nextval('{sequence}')").fetchall()
    data = dump(con, V1_TABLES)
    con.close()
    return data
