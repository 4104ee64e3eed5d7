"""Whole-database reads and writes: every table from one snapshot (for the table exports and for
backups, as Parquet files), rebuilding and checking a backup's tables in a scratch database,
replacing every table with them, and the sample project's back-dating.

The functions over a cursor also serve scratch databases the store does not hold (a backup
being checked, a safety copy being cleaned); the `Snapshots` methods run on the app's own file.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from belangen.store.database import (
    Database,
    connect_offline,
    quote_identifier,
    quote_literal,
)
from belangen.store.errors import DatabaseUnavailable, SnapshotRefused
from belangen.store.migrations import migrate, schema_state, schema_version
from belangen.store.stakeholders import Stakeholders

EachTable = Callable[[int, int], None]
"""Called after each table with how many are done and how many there are."""

# Which rows must point at an existing parent; the store keeps these whole, a rebuild checks.
_REFERENCES = (
    ("stakeholder", "project_id", "project"),
    ("interest", "stakeholder_id", "stakeholder"),
    ("worksheet_entry", "stakeholder_id", "stakeholder"),
    ("action", "stakeholder_id", "stakeholder"),
    ("follow_up", "stakeholder_id", "stakeholder"),
    ("follow_up_rating", "follow_up_id", "follow_up"),
    ("own_interest", "project_id", "project"),
    ("interest_link", "project_id", "project"),
    ("win_win_option", "project_id", "project"),
)


def _nothing(_done: int, _total: int) -> None:
    pass


def table_names(cur: duckdb.DuckDBPyConnection, catalog: str | None = None) -> list[str]:
    rows = cur.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = coalesce(?, current_database()) AND table_schema = 'main' "
        "AND table_type = 'BASE TABLE' ORDER BY table_name",
        [catalog],
    ).fetchall()
    return [name for (name,) in rows]


def column_names(
    cur: duckdb.DuckDBPyConnection, table: str, catalog: str | None = None
) -> list[str]:
    rows = cur.execute(
        "SELECT column_name FROM duckdb_columns() "
        "WHERE database_name = coalesce(?, current_database()) AND schema_name = 'main' "
        "AND table_name = ? ORDER BY column_index",
        [catalog, table],
    ).fetchall()
    return [name for (name,) in rows]


def sequence_positions(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    rows = cur.execute(
        "SELECT sequence_name, last_value FROM duckdb_sequences() "
        "WHERE database_name = current_database() AND schema_name = 'main'"
    ).fetchall()
    return {name: int(last) for name, last in rows if last is not None}


@dataclass(frozen=True)
class TableFiles:
    """Every table of one snapshot as a Parquet file, with what a backup's manifest records."""

    schema_version: int
    sequences: dict[str, int]
    files: dict[str, Path]
    """table → its file, in the order of the table names"""
    rows: dict[str, int]


def write_table_files(
    cur: duckdb.DuckDBPyConnection, folder: Path, each: EachTable = _nothing
) -> TableFiles:
    """Every table the cursor sees (inside one transaction: one snapshot) as Parquet files in
    `folder`, rows in a stable order."""
    tables = table_names(cur)
    version = schema_version(cur)
    sequences = sequence_positions(cur)
    files: dict[str, Path] = {}
    rows: dict[str, int] = {}
    for index, table in enumerate(tables):
        target = folder / f"{table}.parquet"
        cur.execute(
            f"COPY (SELECT * FROM {quote_identifier(table)} ORDER BY ALL) "
            f"TO {quote_literal(str(target))} (FORMAT parquet)"
        )
        (count,) = cur.execute(f"SELECT count(*) FROM {quote_identifier(table)}").fetchall()[0]
        files[table] = target
        rows[table] = int(count)
        each(index + 1, len(tables))
    return TableFiles(version, sequences, files, rows)


def build_from_table_files(
    folder: Path,
    *,
    version: int,
    row_counts: dict[str, int],
    now: Callable[[], dt.datetime],
) -> Path:
    """Rebuild tables written by `write_table_files` (unpacked into `folder`) in a scratch
    database of their own schema `version`, migrate it to the current schema and check it
    whole; returns the scratch database's path.

    Raises `SnapshotRefused` for files that do not make a database of ours: other tables or
    columns, other row counts than `row_counts`, values the schema refuses, another
    application's `app_meta`, or rows pointing at a parent that is not there.
    """
    scratch = folder / "scratch.duckdb"
    con = connect_offline(scratch)
    try:
        migrate(con, target=version, now=now, path=scratch)
        cur = con.cursor()
        expected = set(table_names(cur))
        if expected != set(row_counts):
            raise SnapshotRefused("malformed", "tables differ from the schema")
        cur.execute("BEGIN TRANSACTION")
        for table in sorted(expected):
            columns = column_names(cur, table)
            source = quote_literal(str(folder / f"{table}.parquet"))
            found = [
                name
                for (name, *_rest) in cur.execute(
                    f"DESCRIBE SELECT * FROM read_parquet({source})"
                ).fetchall()
            ]
            if sorted(found) != sorted(columns):
                raise SnapshotRefused("malformed", f"columns of {table}")
            column_list = ", ".join(quote_identifier(c) for c in columns)
            cur.execute(f"DELETE FROM {quote_identifier(table)}")  # the rows migrate() wrote
            cur.execute(
                f"INSERT INTO {quote_identifier(table)} ({column_list}) "
                f"SELECT {column_list} FROM read_parquet({source})"
            )
            (count,) = cur.execute(
                f"SELECT count(*) FROM {quote_identifier(table)}"
            ).fetchall()[0]
            if count != row_counts[table]:
                raise SnapshotRefused("damaged", f"row count of {table}")
        try:
            rebuilt_version = schema_state(cur, scratch)
        except DatabaseUnavailable as problem:
            reason = "foreign" if problem.reason == "foreign" else "malformed"
            raise SnapshotRefused(reason, problem.detail or "app_meta") from None
        if rebuilt_version != version:
            raise SnapshotRefused("malformed", "schema_version table")
        cur.execute("COMMIT")
        migrate(con, now=now, path=scratch)
        for child, column, parent in _REFERENCES:
            (orphans,) = cur.execute(
                f"SELECT count(*) FROM {child} WHERE {column} NOT IN (SELECT id FROM {parent})"
            ).fetchall()[0]
            if orphans:
                raise SnapshotRefused("malformed", f"{child}.{column} without {parent}")
        con.execute("CHECKPOINT")
    except duckdb.Error as error:
        # Unreadable Parquet, wrong types, broken constraints: not tables we wrote.
        raise SnapshotRefused("malformed", str(error)) from None
    finally:
        con.close()
    return scratch


def without_stakeholder(
    database: Path, stakeholder_id: int, created_at: dt.datetime, folder: Path
) -> TableFiles | None:
    """A scratch database (one the app does not hold) with one stakeholder's rows deleted,
    then as table files in `folder`; None, and nothing changed, when it never held that person
    (the same id with the same creation moment)."""
    con = connect_offline(database)
    try:
        cur = con.cursor()
        held = cur.execute(
            "SELECT count(*) FROM stakeholder WHERE id = ? AND created_at = ?",
            [stakeholder_id, created_at],
        ).fetchall()[0][0]
        if not held:
            return None
        cur.execute("BEGIN TRANSACTION")
        Stakeholders.delete_stakeholder_rows(cur, stakeholder_id)
        cur.execute("COMMIT")
        cur.execute("BEGIN TRANSACTION")
        files = write_table_files(cur, folder)
        cur.execute("COMMIT")
        return files
    finally:
        con.close()


class Snapshots(Database):
    def write_table_files(self, folder: Path, each: EachTable = _nothing) -> TableFiles:
        """Every table, from one snapshot even while other tabs write, as Parquet files."""
        with self.transaction(writes=False) as cur:
            return write_table_files(cur, folder, each)

    def table_frames(self, each: EachTable = _nothing) -> dict[str, pd.DataFrame]:
        """Every table of the database, read in one transaction so they agree with each other."""
        frames: dict[str, pd.DataFrame] = {}
        with self.transaction(writes=False) as cur:
            tables = table_names(cur)
            for index, table in enumerate(tables):
                frames[table] = cur.execute(
                    f"SELECT * FROM {quote_identifier(table)} ORDER BY ALL"
                ).df()
                each(index + 1, len(tables))
        return frames

    def replace_all_tables(
        self, source: Path, *, sequences: dict[str, int], each: EachTable = _nothing
    ) -> None:
        """Replace every row of every table by those of `source` (a database of the current
        schema, as `build_from_table_files` makes), in one transaction.

        New rows get ids past every restored id, past every id handed out here before, and past
        the `sequences` positions the source's data had. `SnapshotRefused` if its tables differ.
        """
        alias = f"belangen_restore_{uuid.uuid4().hex}"
        # ATTACH and DETACH are transactional in DuckDB 2.0: a failure anywhere undoes them too.
        with self.transaction() as cur:
            cur.execute(f"ATTACH {quote_literal(str(source))} AS {alias} (READ_ONLY)")
            (catalog,) = cur.execute("SELECT current_database()").fetchall()[0]
            tables = table_names(cur)
            if set(tables) != set(table_names(cur, alias)):
                raise SnapshotRefused("malformed", "tables differ after migration")
            for index, table in enumerate(tables):
                columns = ", ".join(quote_identifier(c) for c in column_names(cur, table))
                target = f"{quote_identifier(catalog)}.main.{quote_identifier(table)}"
                cur.execute(f"DELETE FROM {target}")
                cur.execute(
                    f"INSERT INTO {target} ({columns}) "
                    f"SELECT {columns} FROM {alias}.main.{quote_identifier(table)}"
                )
                each(index + 1, len(tables))
            current = sequence_positions(cur)
            for table, column, sequence in cur.execute(
                "SELECT table_name, column_name, "
                "regexp_extract(column_default, 'nextval\\(''([^'']+)''\\)', 1) "
                "FROM duckdb_columns() WHERE database_name = current_database() "
                "AND schema_name = 'main' AND column_default LIKE 'nextval(%'"
            ).fetchall():
                (highest,) = cur.execute(
                    f"SELECT max({quote_identifier(column)}) FROM {quote_identifier(table)}"
                ).fetchall()[0]
                position = max(
                    current.get(sequence, 0), sequences.get(sequence, 0), int(highest or 0)
                )
                if position > current.get(sequence, 0):
                    cur.execute("SELECT setval(?, ?)", [sequence, position]).fetchall()
            cur.execute(f"DETACH {alias}")

    def back_date(
        self,
        *,
        created: dict[tuple[str, int], dt.datetime],
        changed: dict[tuple[str, int], dt.datetime],
        saved: dict[tuple[str, int], dt.datetime],
        confirmed_on: dict[int, dt.date],
        done_on: dict[int, dt.date],
    ) -> None:
        """Give rows other moments than those they were written at, in one transaction: for
        the sample project, whose story spans a quarter but is written in a second.

        `created`/`changed`/`saved` map (table, row id) to its created_at (updated_at too,
        unless `changed` names a later one), its change-log moment and updated_at, its saved_at;
        `confirmed_on` and `done_on` map an interest or action id to that day.
        """
        with self.transaction() as cur:
            for (table, row_id), at in created.items():
                later = changed.get((table, row_id), at)
                cur.execute(
                    f"UPDATE {table} SET created_at = ?, updated_at = ? WHERE id = ?",
                    [at, later, row_id],
                )
            for (table, row_id), at in saved.items():
                cur.execute(f"UPDATE {table} SET saved_at = ? WHERE id = ?", [at, row_id])
            for interest_id, day in confirmed_on.items():
                cur.execute("UPDATE interest SET confirmed_on = ? WHERE id = ?",
                            [day, interest_id])
            for action_id, day in done_on.items():
                cur.execute("UPDATE action SET done_on = ? WHERE id = ?", [day, action_id])
            for (table, row_id), at in changed.items():
                cur.execute(
                    "UPDATE change_log SET logged_at = ? WHERE table_name = ? AND row_id = ?",
                    [at, table, row_id],
                )
