"""The one database file: opening it safely, units of work, recovering from a fatal error, and
rewriting it whole.

One connection per process; every unit of work gets its own cursor and its own transaction,
because a DuckDB connection must not be shared between the threads Streamlit runs tabs on.
`Database` is the base the aggregates of `belangen.store` build on; nothing here knows a table
of the schema except `submission` (the per-form token) and `change_log` (the previous state of
an edited row).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from belangen.store.errors import (
    ConcurrentEdit,
    DatabaseUnavailable,
    NotFound,
    SaveFailed,
    StorageFull,
)
from belangen.store.migrations import migrate

DEFAULT_DB_PATH = Path(__file__).resolve().parents[2] / "data" / "belangen.duckdb"
DUCKDB_MAGIC = b"DUCK"
DUCKDB_MAGIC_OFFSET = 8


def configured_db_path() -> Path:
    """`BELANGEN_DB` if set, else `data/belangen.duckdb` beside the package."""
    override = os.environ.get("BELANGEN_DB", "").strip()
    return Path(override).expanduser() if override else DEFAULT_DB_PATH


def configured_clock() -> Callable[[], dt.datetime]:
    """The app's clock: the real one, or with `BELANGEN_NOW=YYYY-MM-DD` one whose day is that
    day and whose time of day runs on (a browser test of 'today is a Sunday' sets it)."""
    day = os.environ.get("BELANGEN_NOW", "").strip()
    if not day:
        return dt.datetime.now
    shift = dt.date.fromisoformat(day) - dt.date.today()
    return lambda: dt.datetime.now() + shift


_DISK_FULL_MESSAGES = ("no space left on device", "file too large", "disk quota exceeded")
_INVALIDATED_MESSAGE = "database has been invalidated"


class _SharedExclusiveLock:
    """Many units of work at once, or one connection swap (reconnect, compaction) alone.

    Shared holders never wait for a waiting swap, so nested shared use cannot deadlock.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._shared = 0
        self._exclusive = False

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._condition:
            while self._exclusive:
                self._condition.wait()
            self._shared += 1
        try:
            yield
        finally:
            with self._condition:
                self._shared -= 1
                if not self._shared:
                    self._condition.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._condition:
            while self._exclusive or self._shared:
                self._condition.wait()
            self._exclusive = True
        try:
            yield
        finally:
            with self._condition:
                self._exclusive = False
                self._condition.notify_all()


_BIGINT_MAX = 2**63 - 1

_SUBMISSION_ATTEMPTS = 8


def as_id(kind: str, value: object) -> int:
    """An id from outside (a tampered URL, say) that is no whole number is simply not found,
    rather than a DuckDB conversion error."""
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > _BIGINT_MAX:
        raise NotFound(kind, value)
    return value


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# --- Opening -----------------------------------------------------------------------------------


def is_duckdb_header(header: bytes) -> bool:
    """Whether the first bytes of a file are those of a DuckDB database."""
    return header[DUCKDB_MAGIC_OFFSET : DUCKDB_MAGIC_OFFSET + len(DUCKDB_MAGIC)] == DUCKDB_MAGIC


def check_file_before_open(path: Path) -> None:
    """Refuse anything that is not ours before DuckDB touches it: never create over a file."""
    if path.is_dir():
        raise DatabaseUnavailable("is_directory", path)
    if path.exists():
        if path.stat().st_size == 0:
            raise DatabaseUnavailable("empty_file", path)
        try:
            with path.open("rb") as handle:
                header = handle.read(DUCKDB_MAGIC_OFFSET + len(DUCKDB_MAGIC))
        except PermissionError:
            raise DatabaseUnavailable("no_permission", path) from None
        if not is_duckdb_header(header):
            raise DatabaseUnavailable("not_duckdb", path)
        if not os.access(path, os.W_OK):
            raise DatabaseUnavailable("read_only", path)
    else:
        parent = path.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseUnavailable("read_only", path, str(error)) from None
        if not os.access(parent, os.W_OK):
            raise DatabaseUnavailable("read_only", path)
    wal = path.with_name(path.name + ".wal")
    if not os.access(path.parent, os.W_OK) or (wal.exists() and not os.access(wal, os.W_OK)):
        raise DatabaseUnavailable("read_only", path)


_LOCK_HOLDER = re.compile(r"PID (\d+)")

# DuckDB downloads and loads a known extension by itself when a query needs one (a SQLite or web
# reader); nothing may leave this machine, and no query may switch that back on.
OFFLINE_CONFIG = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


def work_folder(path: Path) -> Path:
    """Where temporary plaintext of this database goes (the tables as Parquet while a backup is
    written, checked or restored): beside it, never in the shared system temp folder."""
    return path.with_name(f".{path.name}.work")


def connect_offline(path: Path) -> duckdb.DuckDBPyConnection:
    """Every DuckDB connection the app opens (its store, a backup's scratch database)."""
    return duckdb.connect(str(path), config=dict(OFFLINE_CONFIG))


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    try:
        return connect_offline(path)
    except duckdb.IOException as error:
        message = str(error)
        if "lock" in message.lower():
            holder = _LOCK_HOLDER.search(message)
            raise DatabaseUnavailable(
                "locked", path, message, pid=holder.group(1) if holder else "?"
            ) from None
        raise DatabaseUnavailable("damaged", path, message) from None
    except duckdb.Error as error:
        raise DatabaseUnavailable("damaged", path, str(error)) from None


def check_readable(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Read every value of every table once: a truncated or bit-flipped file often opens
    fine and only fails at the first read of a damaged block (checksum error)."""
    try:
        tables = con.execute(
            "SELECT table_name FROM duckdb_tables() "
            "WHERE database_name = current_database() AND schema_name = 'main'"
        ).fetchall()
        for (table,) in tables:
            con.execute(
                f"SELECT count(*), max(length(CAST(COLUMNS(*) AS VARCHAR))) "
                f"FROM {quote_identifier(table)}"
            ).fetchall()
    except duckdb.Error as error:
        raise DatabaseUnavailable("damaged", path, str(error)) from None


def _fsync(path: Path) -> None:
    """Make a finished file (or a directory entry) durable before relying on it."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def insert_row(cur: duckdb.DuckDBPyConnection, table: str, values: dict[str, Any]) -> int:
    """Append one row inside `cur`'s transaction; returns the id it got."""
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    (row_id,) = cur.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id", list(values.values())
    ).fetchall()[0]
    return int(row_id)


def row_of(
    cur: duckdb.DuckDBPyConnection, table: str, columns: str, row_id: int
) -> tuple[Any, ...]:
    """Some columns of one row as the transaction that relies on them sees it, or `NotFound`."""
    found = cur.execute(f"SELECT {columns} FROM {table} WHERE id = ?", [row_id]).fetchall()
    if not found:
        raise NotFound(table, row_id)
    return found[0]


def require_row(cur: duckdb.DuckDBPyConnection, table: str, row_id: int) -> None:
    """`NotFound` unless the row exists, seen from inside the transaction that relies on it."""
    row_of(cur, table, "1", row_id)


# --- The database ------------------------------------------------------------------------------


class Database:
    """One open database file: its connection, units of work and maintenance."""

    def __init__(
        self,
        path: Path,
        *,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        before_migration: Callable[[Any, int], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.now = now
        self._lock = threading.Lock()
        self._access = _SharedExclusiveLock()
        self._broken = False
        self._work_lock = threading.Lock()
        self._version = 0
        self._version_lock = threading.Lock()
        check_file_before_open(self.path)
        self._con = _connect(self.path)
        try:
            # Holding the file's lock, nobody else works in its folder: what is there was left
            # by a process that was killed mid-way.
            self._remove_work_folder()
            check_readable(self._con, self.path)
            migrate(
                self._con,
                now=now,
                path=self.path,
                before_upgrade=(
                    (lambda v: before_migration(self, v)) if before_migration else None
                ),
            )
        except BaseException:
            self._con.close()
            raise

    def close(self) -> None:
        with self._access.exclusive():
            self._con.close()

    def today(self) -> dt.date:
        return self.now().date()

    @property
    def data_version(self) -> int:
        """Moves after every committed write, restore and file rewrite, in this process (the
        only one that can hold the file): anything made from the data at an earlier version,
        such as a prepared export, may hold what is no longer there."""
        return self._version

    def _data_changed(self) -> None:
        with self._version_lock:
            self._version += 1

    def _remove_work_folder(self) -> None:
        with self._work_lock:
            shutil.rmtree(work_folder(self.path), ignore_errors=True)

    @contextmanager
    def scratch_folder(self, purpose: str) -> Iterator[Path]:
        """A private folder (mode 0700) for temporary plaintext beside the database, removed
        afterwards, and at the next start if the process is killed before that."""
        root = work_folder(self.path)
        with self._work_lock:
            root.mkdir(mode=0o700, exist_ok=True)
            os.chmod(root, 0o700)
            folder = Path(tempfile.mkdtemp(prefix=f"{purpose}-", dir=root))
        try:
            yield folder
        finally:
            with self._work_lock:
                shutil.rmtree(folder, ignore_errors=True)
                with suppress(OSError):
                    root.rmdir()  # only once no other unit of work uses it

    # -- units of work -----------------------------------------------------------------------

    @contextmanager
    def transaction(self, *, writes: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """One unit of work: its own cursor, committed whole or not at all.

        A write the file refuses (full disk, I/O error) raises `SaveFailed`/`StorageFull`;
        after a fatal DuckDB error the connection is replaced before the next unit of work.
        A commit moves `data_version`, unless the caller only reads (`writes=False`: one
        consistent snapshot for an export or a backup).
        """
        self._ensure_connection()
        with self._access.shared():
            try:
                cur = self._con.cursor()
            except duckdb.Error as error:
                self._raise_storage_error(error)
                raise
            try:
                cur.execute("BEGIN TRANSACTION")
                yield cur
                cur.execute("COMMIT")
                if writes:
                    self._data_changed()
            except BaseException as error:
                with suppress(duckdb.Error):
                    cur.execute("ROLLBACK")
                if isinstance(error, duckdb.Error):
                    self._raise_storage_error(error)
                raise
            finally:
                with suppress(duckdb.Error):
                    cur.close()

    def _raise_storage_error(self, error: duckdb.Error) -> None:
        """Turn a refused write into `StorageFull`/`SaveFailed`; other errors pass unchanged."""
        message = str(error).lower()
        fatal = isinstance(error, duckdb.FatalException) or _INVALIDATED_MESSAGE in message
        if fatal:
            # The database object is unusable until reopened (see shared NOTES).
            self._broken = True
        if any(text in message for text in _DISK_FULL_MESSAGES):
            raise StorageFull(self.path, str(error)) from error
        if fatal or isinstance(error, duckdb.IOException):
            raise SaveFailed(self.path, str(error)) from error

    def _ensure_connection(self) -> None:
        """Reconnect after a fatal error, so the app recovers by itself once there is room."""
        if not self._broken:
            return
        with self._access.exclusive():
            if not self._broken:
                return
            with suppress(duckdb.Error):
                self._con.close()
            try:
                self._con = _connect(self.path)
            except DatabaseUnavailable as problem:
                raise SaveFailed(self.path, problem.detail) from problem
            self._broken = False

    def _read(self, run: Callable[[duckdb.DuckDBPyConnection], Any]) -> Any:
        """One read on its own cursor; retried once on a fresh connection after a fatal error."""
        for attempt in range(2):
            self._ensure_connection()
            with self._access.shared():
                cur = None
                try:
                    cur = self._con.cursor()
                    return run(cur)
                except duckdb.Error as error:
                    message = str(error).lower()
                    invalidated = (
                        isinstance(error, duckdb.FatalException) or _INVALIDATED_MESSAGE in message
                    )
                    if not invalidated or attempt:
                        raise
                    self._broken = True
                finally:
                    if cur is not None:
                        with suppress(duckdb.Error):
                            cur.close()
        raise AssertionError("unreachable")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._read(lambda cur: cur.execute(sql, list(params)).fetchall())

    def _frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        return self._read(lambda cur: cur.execute(sql, list(params)).df())

    def query_rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Any one query on its own cursor, as rows: for tests and tools that look at the file
        as it is. The app itself reads and writes only through the named methods."""
        return self._rows(sql, params)

    def _one(self, table: str, columns: str, record_id: object) -> tuple[Any, ...]:
        """The row of `table` with this id, or `NotFound` (also for ids that are not numbers)."""
        rows = self._rows(
            f"SELECT {columns} FROM {table} WHERE id = ?", [as_id(table, record_id)]
        )
        if not rows:
            raise NotFound(table, record_id)
        return rows[0]

    def _rows_under(
        self, table: str, columns: str, under: tuple[str, object], *, include_archived: bool,
        order: str,
    ) -> list[tuple[Any, ...]]:
        """The rows of `table` below one parent row (its table and id), the archived ones
        only when asked for."""
        parent, parent_id = under
        archived_filter = "" if include_archived else "AND NOT archived"
        return self._rows(
            f"SELECT {columns} FROM {table} WHERE {parent}_id = ? {archived_filter} "
            f"ORDER BY {order}",
            [parent_id],
        )

    @staticmethod
    def _log_previous(
        cur: duckdb.DuckDBPyConnection, table: str, row_id: int, stakeholder_sql: str, now: Any
    ) -> None:
        cur.execute(
            f"INSERT INTO change_log (table_name, row_id, stakeholder_id, logged_at, previous) "
            f"SELECT '{table}', id, {stakeholder_sql}, ?, to_json(t) FROM {table} t WHERE id = ?",
            [now, row_id],
        )

    def _once(
        self,
        token: str | None,
        kind: str,
        write: Callable[[duckdb.DuckDBPyConnection], int | None],
    ) -> int | None:
        """Run one write in one transaction, at most once per submission token.

        A form drawn once carries one token (see `ui.form_state`); a second submit of the same
        drawing (a double click, a message the browser sent twice) finds its token and stores
        nothing new, returning what the first submit stored. Without a token the write runs.
        """
        return self._once_each(kind, [(token, write)])[0]

    def _once_each(
        self,
        kind: str,
        writes: Sequence[tuple[str | None, Callable[[duckdb.DuckDBPyConnection], int | None]]],
    ) -> list[int | None]:
        """Run several writes in one transaction (all stored or none), each at most once per
        its own submission token, as `_once` does for one: a write whose token was stored
        before is skipped and gives what it stored then."""
        for token, _write in writes:
            if token is not None and (not isinstance(token, str) or not 8 <= len(token) <= 64):
                raise ValueError(f"not a submission token: {token!r}")
        tokens = [token for token, _write in writes if token is not None]

        def stored_before(cur: Any) -> dict[str, Any]:
            if not tokens:
                return {}
            return dict(cur.execute(
                "SELECT token, record_id FROM submission WHERE list_contains(?, token)",
                [tokens],
            ).fetchall())

        for attempt in range(_SUBMISSION_ATTEMPTS):
            try:
                with self.transaction() as cur:
                    earlier = stored_before(cur)
                    results: list[int | None] = []
                    for token, write in writes:
                        if token in earlier:
                            results.append(earlier[token])
                            continue
                        result = write(cur)
                        if token is not None:
                            cur.execute(
                                "INSERT INTO submission (token, kind, record_id, saved_at) "
                                "VALUES (?, ?, ?, ?)",
                                [token, kind, result, self.now()],
                            )
                        results.append(result)
                return results
            except (duckdb.ConstraintException, duckdb.TransactionException,
                    ConcurrentEdit) as error:
                if not tokens:
                    raise
                # The same submission is being stored on another thread right now: once it is
                # committed, the next attempt finds it (and if it failed, stores this one).
                earlier = dict(self._rows(
                    "SELECT token, record_id FROM submission WHERE list_contains(?, token)",
                    [tokens]))
                if len(earlier) == len(tokens) == len(writes):
                    return [earlier[token] for token in tokens]
                if isinstance(error, ConcurrentEdit) or attempt == _SUBMISSION_ATTEMPTS - 1:
                    raise
                time.sleep(0.01 * (attempt + 1))
        raise AssertionError("unreachable")

    def _add_row(
        self,
        kind: str,
        table: str,
        values: dict[str, Any],
        *,
        under: tuple[str, int],
        token: str | None,
        check: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
    ) -> int:
        """Append one row below its parent (`under`: its table and id) as its own unit of
        work; the parent must exist, and `check` passes, in the same transaction."""
        parent, parent_id = under
        parent_id = as_id(parent, parent_id)
        now = self.now()

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            require_row(cur, parent, parent_id)
            if check is not None:
                check(cur)
            row = {f"{parent}_id": parent_id, **values, "created_at": now, "updated_at": now}
            return insert_row(cur, table, row)

        return int(self._once(token, kind, write))  # type: ignore[arg-type]

    def _update_row(
        self,
        cur: duckdb.DuckDBPyConnection,
        table: str,
        row_id: int,
        revision: int | None,
        values: dict[str, Any],
        stakeholder_sql: str = "NULL",
    ) -> None:
        """Update one row inside `cur`'s transaction, appending its previous state to the
        change log first.

        With a `revision`, the update only happens if nobody saved the row in between.
        """
        current = cur.execute(f"SELECT revision FROM {table} WHERE id = ?", [row_id]).fetchall()
        if not current:
            raise NotFound(table, row_id)
        if revision is not None and current[0][0] != revision:
            raise ConcurrentEdit(table, row_id)
        now = self.now()
        self._log_previous(cur, table, row_id, stakeholder_sql, now)
        assignments = ", ".join(f"{column} = ?" for column in values)
        cur.execute(
            f"UPDATE {table} SET {assignments}, revision = revision + 1, updated_at = ? "
            f"WHERE id = ?",
            [*values.values(), now, row_id],
        )

    def _update(
        self,
        table: str,
        row_id: int,
        revision: int | None,
        values: dict[str, Any],
        stakeholder_sql: str = "NULL",
        *,
        token: str | None = None,
        check: Callable[[duckdb.DuckDBPyConnection], dict[str, Any] | None] | None = None,
    ) -> None:
        """One row's update as its own unit of work; `check` runs first, in the same
        transaction, so nothing can slip in between checking and writing. What it returns
        (values that follow from the row as it is) is written too."""
        row_id = as_id(table, row_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            derived = check(cur) if check is not None else None
            self._update_row(cur, table, row_id, revision, {**values, **(derived or {})},
                             stakeholder_sql)
            return row_id

        try:
            self._once(token, f"update_{table}", write)
        except duckdb.TransactionException as error:
            # Two tabs saving the same row at the same moment: DuckDB refuses the second.
            if "conflict" in str(error).lower():
                raise ConcurrentEdit(table, row_id) from error
            raise

    # -- maintenance -------------------------------------------------------------------------

    def checkpoint(self) -> None:
        """Write what the WAL holds into the file itself (a no-op while another tab is
        mid-transaction: the next checkpoint does it)."""
        self._ensure_connection()
        with self._access.shared():
            cur = self._con.cursor()
            try:
                cur.execute("CHECKPOINT")
            except duckdb.TransactionException:
                pass  # Another tab is mid-transaction; the next checkpoint will do it.
            except duckdb.Error as error:
                # Disk full during a checkpoint is fatal for the connection: reconnect next time.
                self._raise_storage_error(error)
                raise
            finally:
                with suppress(duckdb.Error):
                    cur.close()

    def compact(self) -> bool:
        """Replace the file by a fresh copy of its live data, so deleted text is gone from disk.

        The copy is complete and synced before it atomically replaces the file, and only when
        no `.wal` is left beside the closed original: a crash at any moment leaves either file
        whole. Waits until no other unit of work runs. On failure (a full disk) the original
        stays in use and the deleted rows are merely unreadable through the app. Returns
        whether the file was replaced.
        """
        wal = self.path.with_name(self.path.name + ".wal")
        copy = self.path.with_name(self.path.name + ".compact")
        copy_wal = copy.with_name(copy.name + ".wal")
        with self._access.exclusive():
            replaced = False
            try:
                for leftover in (copy, copy_wal):
                    leftover.unlink(missing_ok=True)
                con = self._con
                con.execute("CHECKPOINT")
                (source,) = con.execute("SELECT current_database()").fetchall()[0]
                con.execute(f"ATTACH {quote_literal(str(copy))} AS belangen_compact")
                try:
                    con.execute(
                        f"COPY FROM DATABASE {quote_identifier(source)} TO belangen_compact"
                    )
                    con.execute("CHECKPOINT belangen_compact")
                finally:
                    con.execute("DETACH belangen_compact")
                _fsync(copy)
                con.close()
                if not wal.exists() and not copy_wal.exists():
                    os.replace(copy, self.path)
                    _fsync(self.path.parent)
                    replaced = True
            except (duckdb.Error, OSError):
                pass
            finally:
                with suppress(OSError):
                    copy.unlink(missing_ok=True)
                with suppress(OSError):
                    copy_wal.unlink(missing_ok=True)
                with suppress(duckdb.Error):
                    self._con.close()
                try:
                    self._con = _connect(self.path)
                    self._broken = False
                except DatabaseUnavailable:
                    self._broken = True
                self._data_changed()
            return replaced
