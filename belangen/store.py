"""DuckDB storage: opening the file safely, migrating it, and every query and unit of work.

One connection per process; every unit of work gets its own cursor and its own transaction,
because a DuckDB connection must not be shared between the threads Streamlit runs tabs on.
Nothing here imports Streamlit.
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

from belangen import domain, migrations, worksheet
from belangen.domain import (
    Action,
    Interest,
    Project,
    Stakeholder,
    ValidationError,
    WorksheetEntry,
)

DEFAULT_DB_PATH = Path(__file__).resolve().parent.parent / "data" / "belangen.duckdb"
DUCKDB_MAGIC = b"DUCK"
DUCKDB_MAGIC_OFFSET = 8


def configured_db_path() -> Path:
    """`BELANGEN_DB` if set, else `data/belangen.duckdb` beside the package."""
    override = os.environ.get("BELANGEN_DB", "").strip()
    return Path(override).expanduser() if override else DEFAULT_DB_PATH


# --- Errors ------------------------------------------------------------------------------------


class DatabaseUnavailable(Exception):
    """The database file cannot be used; `reason` names the catalogue text that explains why."""

    def __init__(self, reason: str, path: Path, detail: str = "", **params: object) -> None:
        super().__init__(f"{reason}: {path} {detail}".strip())
        self.reason = reason
        self.path = path
        self.detail = detail
        self.params = params


class NotFound(LookupError):
    def __init__(self, kind: str, record_id: object) -> None:
        super().__init__(f"{kind} {record_id} not found")
        self.kind = kind
        self.record_id = record_id


class ConcurrentEdit(Exception):
    """Someone (another tab) saved this record after it was opened here."""

    def __init__(self, kind: str, record_id: object) -> None:
        super().__init__(f"{kind} {record_id} changed since it was opened")
        self.kind = kind
        self.record_id = record_id


class SaveFailed(Exception):
    """The file refused a write; nothing of this unit of work was stored, earlier work is safe.

    The user's typed text must stay on screen: the next save may well succeed.
    """

    message_key = "error.save_failed"

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(f"{self.message_key}: {path} {detail}".strip())
        self.path = path
        self.detail = detail


class StorageFull(SaveFailed):
    """The disk (or the file-size limit) is full; saving works again once there is room."""

    message_key = "error.storage_full"


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

ANY_VERSION = object()
"""`based_on` for callers that append whatever was saved before (the sample, the benchmark)."""


def _as_id(kind: str, value: object) -> int:
    """An id from outside (a tampered URL, say) that is no whole number is simply not found,
    rather than a DuckDB conversion error."""
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > _BIGINT_MAX:
        raise NotFound(kind, value)
    return value


# --- Opening -----------------------------------------------------------------------------------


def _check_file_before_open(path: Path) -> None:
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
        if header[DUCKDB_MAGIC_OFFSET:] != DUCKDB_MAGIC:
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


def _check_readable(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Read every value of every table once: a truncated or bit-flipped file often opens
    fine and only fails at the first read of a damaged block (checksum error)."""
    try:
        tables = con.execute(
            "SELECT table_name FROM duckdb_tables() "
            "WHERE database_name = current_database() AND schema_name = 'main'"
        ).fetchall()
        for (table,) in tables:
            quoted = '"' + table.replace('"', '""') + '"'
            con.execute(
                f"SELECT count(*), max(length(CAST(COLUMNS(*) AS VARCHAR))) FROM {quoted}"
            ).fetchall()
    except duckdb.Error as error:
        raise DatabaseUnavailable("damaged", path, str(error)) from None


def _schema_state(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """The schema version of an opened file; refuses files that belong to another program."""
    try:
        tables = {
            name
            for (name,) in con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_catalog = current_database() AND table_schema = 'main'"
            ).fetchall()
        }
        if not tables:
            return 0
        if "app_meta" not in tables or "schema_version" not in tables:
            raise DatabaseUnavailable("foreign", path)
        owner = con.execute(
            "SELECT value FROM app_meta WHERE key = 'application'"
        ).fetchall()
        if owner != [(migrations.APPLICATION_NAME,)]:
            raise DatabaseUnavailable("foreign", path)
        (version,) = con.execute("SELECT max(version) FROM schema_version").fetchall()[0]
        return int(version or 0)
    except duckdb.Error as error:
        raise DatabaseUnavailable("damaged", path, str(error)) from None


def migrate(
    con: duckdb.DuckDBPyConnection,
    *,
    target: int = migrations.LATEST_VERSION,
    now: Callable[[], dt.datetime] = dt.datetime.now,
    path: Path | None = None,
    before_upgrade: Callable[[int], None] | None = None,
) -> int:
    """Bring the schema up to `target`, one transaction per step; returns the version reached.

    `before_upgrade(target)` runs once before the first step on a database that has data."""
    path = path or Path("?")
    version = _schema_state(con, path)
    if version > migrations.LATEST_VERSION:
        raise DatabaseUnavailable(
            "newer_version", path, version=version, supported=migrations.LATEST_VERSION
        )
    pending = [(v, sql) for v, sql in migrations.STEPS if version < v <= target]
    if pending and before_upgrade is not None and version > 0:
        before_upgrade(pending[-1][0])  # one copy of the data as it was, before any step
    for step_version, sql in pending:
        cur = con.cursor()
        try:
            cur.execute("BEGIN TRANSACTION")
            if step_version == 1:
                cur.execute(
                    "CREATE TABLE schema_version ("
                    "version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
                )
            cur.execute(sql)
            cur.execute("INSERT INTO schema_version VALUES (?, ?)", [step_version, now()])
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        finally:
            cur.close()
        # WAL replay after DDL has known bugs in DuckDB: persist each step at once.
        con.execute("CHECKPOINT")
        version = step_version
    return version


def _fsync(path: Path) -> None:
    """Make a finished file (or a directory entry) durable before relying on it."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- The store ---------------------------------------------------------------------------------


class Store:
    """All reads and writes of one database file."""

    def __init__(
        self,
        path: Path,
        *,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        before_migration: Callable[[Store, int], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.now = now
        self._lock = threading.Lock()
        self._access = _SharedExclusiveLock()
        self._broken = False
        self._work_lock = threading.Lock()
        self._version = 0
        self._version_lock = threading.Lock()
        _check_file_before_open(self.path)
        self._con = _connect(self.path)
        try:
            # Holding the file's lock, nobody else works in its folder: what is there was left
            # by a process that was killed mid-way.
            self._remove_work_folder()
            _check_readable(self._con, self.path)
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

    # -- plumbing ----------------------------------------------------------------------------

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
            f"SELECT {columns} FROM {table} WHERE id = ?", [_as_id(table, record_id)]
        )
        if not rows:
            raise NotFound(table, record_id)
        return rows[0]

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
        if token is None:
            with self.transaction() as cur:
                return write(cur)
        if not isinstance(token, str) or not 8 <= len(token) <= 64:
            raise ValueError(f"not a submission token: {token!r}")
        for attempt in range(_SUBMISSION_ATTEMPTS):
            try:
                with self.transaction() as cur:
                    earlier = cur.execute(
                        "SELECT record_id FROM submission WHERE token = ?", [token]
                    ).fetchall()
                    if earlier:
                        return earlier[0][0]
                    result = write(cur)
                    cur.execute(
                        "INSERT INTO submission (token, kind, record_id, saved_at) "
                        "VALUES (?, ?, ?, ?)",
                        [token, kind, result, self.now()],
                    )
                return result
            except (duckdb.ConstraintException, duckdb.TransactionException,
                    ConcurrentEdit) as error:
                # The same submission is being stored on another thread right now: once it is
                # committed, the next attempt finds it (and if it failed, stores this one).
                earlier = self._rows("SELECT record_id FROM submission WHERE token = ?",
                                     [token])
                if earlier:
                    return earlier[0][0]
                if isinstance(error, ConcurrentEdit) or attempt == _SUBMISSION_ATTEMPTS - 1:
                    raise
                time.sleep(0.01 * (attempt + 1))
        raise AssertionError("unreachable")

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
        check: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
    ) -> None:
        """One row's update as its own unit of work; `check` runs first, in the same
        transaction, so nothing can slip in between checking and writing."""
        row_id = _as_id(table, row_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            if check is not None:
                check(cur)
            self._update_row(cur, table, row_id, revision, values, stakeholder_sql)
            return row_id

        try:
            self._once(token, f"update_{table}", write)
        except duckdb.TransactionException as error:
            # Two tabs saving the same row at the same moment: DuckDB refuses the second.
            if "conflict" in str(error).lower():
                raise ConcurrentEdit(table, row_id) from error
            raise

    # -- projects ----------------------------------------------------------------------------

    _PROJECT_COLUMNS = (
        "id, name, description, own_goal, start_date, archived, is_sample, revision"
    )

    def create_project(
        self,
        name: object,
        description: object = "",
        own_goal: object = "",
        start_date: object = None,
        *,
        is_sample: bool = False,
        token: str | None = None,
    ) -> int:
        values = domain.project_values(
            name, description, own_goal, start_date if start_date is not None else self.today()
        )
        now = self.now()

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            (project_id,) = cur.execute(
                "INSERT INTO project (name, description, own_goal, start_date, is_sample, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [*values.values(), is_sample, now, now],
            ).fetchall()[0]
            return int(project_id)

        return int(self._once(token, "create_project", write))  # type: ignore[arg-type]

    def update_project(
        self,
        project_id: int,
        revision: int | None,
        *,
        name: object,
        description: object,
        own_goal: object,
        start_date: object,
        token: str | None = None,
    ) -> None:
        values = domain.project_values(name, description, own_goal, start_date)
        self._update("project", project_id, revision, values, token=token)

    def set_project_archived(
        self, project_id: int, archived: bool, *, token: str | None = None
    ) -> None:
        self._update("project", project_id, None, {"archived": bool(archived)}, token=token)

    def list_projects(self, *, include_archived: bool = False) -> list[Project]:
        where = "" if include_archived else "WHERE NOT archived"
        rows = self._rows(
            f"SELECT {self._PROJECT_COLUMNS} FROM project {where} "
            "ORDER BY archived, lower(name), id"
        )
        return [Project(*row) for row in rows]

    def get_project(self, project_id: int) -> Project:
        return Project(*self._one("project", self._PROJECT_COLUMNS, project_id))

    # -- stakeholders ------------------------------------------------------------------------

    _STAKEHOLDER_COLUMNS = "id, project_id, name, role, constituency, notes, archived, revision"

    def _check_unique_name(
        self, cur: duckdb.DuckDBPyConnection, project_id: int, key: object, except_id: int | None
    ) -> None:
        clash = cur.execute(
            "SELECT archived FROM stakeholder WHERE project_id = ? AND name_key = ? "
            "AND id IS DISTINCT FROM ?",
            [project_id, key, except_id],
        ).fetchall()
        if clash:
            message = "error.name_taken_archived" if clash[0][0] else "error.name_taken"
            raise ValidationError("name", message)

    def create_stakeholder(
        self,
        project_id: int,
        name: object,
        role: object = "",
        constituency: object = "",
        notes: object = "",
        *,
        token: str | None = None,
    ) -> int:
        values = domain.stakeholder_values(name, role, constituency, notes)
        now = self.now()
        project_id = _as_id("project", project_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            if not cur.execute("SELECT 1 FROM project WHERE id = ?", [project_id]).fetchall():
                raise NotFound("project", project_id)
            self._check_unique_name(cur, project_id, values["name_key"], None)
            (stakeholder_id,) = cur.execute(
                "INSERT INTO stakeholder (project_id, name, name_key, role, constituency, notes, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [project_id, *values.values(), now, now],
            ).fetchall()[0]
            return int(stakeholder_id)

        return int(self._once(token, "create_stakeholder", write))  # type: ignore[arg-type]

    def update_stakeholder(
        self,
        stakeholder_id: int,
        revision: int | None,
        *,
        name: object,
        role: object,
        constituency: object,
        notes: object,
        token: str | None = None,
    ) -> None:
        values = domain.stakeholder_values(name, role, constituency, notes)
        stakeholder_id = _as_id("stakeholder", stakeholder_id)

        def unique_in_its_project(cur: duckdb.DuckDBPyConnection) -> None:
            found = cur.execute(
                "SELECT project_id FROM stakeholder WHERE id = ?", [stakeholder_id]
            ).fetchall()
            if not found:
                raise NotFound("stakeholder", stakeholder_id)
            self._check_unique_name(cur, found[0][0], values["name_key"], stakeholder_id)

        self._update("stakeholder", stakeholder_id, revision, values, "id", token=token,
                     check=unique_in_its_project)

    def set_stakeholder_archived(
        self, stakeholder_id: int, archived: bool, *, token: str | None = None
    ) -> None:
        self._update("stakeholder", stakeholder_id, None, {"archived": bool(archived)}, "id",
                     token=token)

    def list_stakeholders(
        self, project_id: int, *, include_archived: bool = False
    ) -> list[Stakeholder]:
        archived_filter = "" if include_archived else "AND NOT archived"
        rows = self._rows(
            f"SELECT {self._STAKEHOLDER_COLUMNS} FROM stakeholder "
            f"WHERE project_id = ? {archived_filter} ORDER BY archived, lower(name), id",
            [project_id],
        )
        return [Stakeholder(*row) for row in rows]

    def get_stakeholder(self, stakeholder_id: int) -> Stakeholder:
        return Stakeholder(*self._one("stakeholder", self._STAKEHOLDER_COLUMNS, stakeholder_id))

    # Tables whose rows belong to one stakeholder, and how to find them.
    _STAKEHOLDER_OWNED = (
        ("follow_up_rating", "follow_up_id IN (SELECT id FROM follow_up WHERE stakeholder_id = ?)"),
        ("follow_up", "stakeholder_id = ?"),
        ("action", "stakeholder_id = ?"),
        ("worksheet_entry", "stakeholder_id = ?"),
        ("interest", "stakeholder_id = ?"),
        ("change_log", "stakeholder_id = ?"),
        ("stakeholder", "id = ?"),
    )

    @classmethod
    def delete_stakeholder_rows(cls, cur: duckdb.DuckDBPyConnection, stakeholder_id: int) -> None:
        """Every row of one stakeholder, on any database of this schema (a safety copy too)."""
        for table, condition in cls._STAKEHOLDER_OWNED:
            cur.execute(f"DELETE FROM {table} WHERE {condition}", [stakeholder_id])

    def stakeholder_created_at(self, stakeholder_id: int) -> dt.datetime:
        """With the id, what tells this person apart in a copy made before a restore of other
        data (ids are never reused within one database's history, but may be across)."""
        (created_at,) = self._one("stakeholder", "created_at", stakeholder_id)
        return created_at

    def delete_stakeholder(self, stakeholder_id: int, *, token: str | None = None) -> None:
        """Remove a stakeholder and its whole history in one transaction (after confirmation)."""
        stakeholder_id = _as_id("stakeholder", stakeholder_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            if not cur.execute(
                "SELECT 1 FROM stakeholder WHERE id = ?", [stakeholder_id]
            ).fetchall():
                raise NotFound("stakeholder", stakeholder_id)
            self.delete_stakeholder_rows(cur, stakeholder_id)
            return stakeholder_id

        self._once(token, "delete_stakeholder", write)
        # CHECKPOINT alone leaves the text readable in freed blocks of the file (measured with
        # duckdb 2.0.1): rewrite the whole file through a fresh copy.
        self.compact()

    # -- deleting a whole project (issue 4: removing the sample project) ---------------------

    def delete_project(self, project_id: int, *, token: str | None = None) -> None:
        """Remove a project, its stakeholders and all their history in one transaction."""
        project_id = _as_id("project", project_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            if not cur.execute("SELECT 1 FROM project WHERE id = ?", [project_id]).fetchall():
                raise NotFound("project", project_id)
            stakeholder_ids = [
                stakeholder_id
                for (stakeholder_id,) in cur.execute(
                    "SELECT id FROM stakeholder WHERE project_id = ?", [project_id]
                ).fetchall()
            ]
            for stakeholder_id in stakeholder_ids:
                self.delete_stakeholder_rows(cur, stakeholder_id)
            cur.execute(
                "DELETE FROM change_log WHERE table_name = 'project' AND row_id = ?", [project_id]
            )
            cur.execute("DELETE FROM project WHERE id = ?", [project_id])
            return project_id

        self._once(token, "delete_project", write)
        self.compact()

    # -- end of delete_project ---------------------------------------------------------------

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
                literal = "'" + str(copy).replace("'", "''") + "'"
                con.execute(f"ATTACH {literal} AS belangen_compact")
                try:
                    con.execute(
                        'COPY FROM DATABASE "' + source.replace('"', '""') + '" '
                        "TO belangen_compact"
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

    # -- interests (row 1) -------------------------------------------------------------------

    _INTEREST_COLUMNS = (
        "id, stakeholder_id, text, kind, status, signals, confirmed_on, archived, revision"
    )

    def add_interest(
        self,
        stakeholder_id: int,
        text: object,
        kind: object = "organisational",
        status: object = "suspected",
        signals: object = "",
        *,
        token: str | None = None,
    ) -> int:
        values = domain.interest_values(text, kind, status, signals)
        confirmed_on = domain.confirmed_on(None, None, values["status"], self.today())
        now = self.now()
        stakeholder_id = _as_id("stakeholder", stakeholder_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            if not cur.execute(
                "SELECT 1 FROM stakeholder WHERE id = ?", [stakeholder_id]
            ).fetchall():
                raise NotFound("stakeholder", stakeholder_id)
            (interest_id,) = cur.execute(
                "INSERT INTO interest (stakeholder_id, text, kind, status, signals, confirmed_on, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [stakeholder_id, *values.values(), confirmed_on, now, now],
            ).fetchall()[0]
            return int(interest_id)

        return int(self._once(token, "add_interest", write))  # type: ignore[arg-type]

    def update_interest(
        self,
        interest_id: int,
        revision: int | None,
        *,
        text: object,
        kind: object,
        status: object,
        signals: object,
        token: str | None = None,
    ) -> None:
        """Edits an interest; the day it moves from suspected to confirmed is kept."""
        values = domain.interest_values(text, kind, status, signals)
        interest_id = _as_id("interest", interest_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            found = cur.execute("SELECT status, confirmed_on FROM interest WHERE id = ?",
                                [interest_id]).fetchall()
            if not found:
                raise NotFound("interest", interest_id)
            status_before, confirmed_before = found[0]
            confirmed_on = domain.confirmed_on(status_before, confirmed_before,
                                               values["status"], self.today())
            self._update_row(cur, "interest", interest_id, revision,
                             {**values, "confirmed_on": confirmed_on}, "stakeholder_id")
            return interest_id

        try:
            self._once(token, "update_interest", write)
        except duckdb.TransactionException as error:
            if "conflict" in str(error).lower():
                raise ConcurrentEdit("interest", interest_id) from error
            raise

    def set_interest_archived(
        self, interest_id: int, archived: bool, *, token: str | None = None
    ) -> None:
        self._update(
            "interest", interest_id, None, {"archived": bool(archived)}, "stakeholder_id",
            token=token,
        )

    def get_interest(self, interest_id: int) -> Interest:
        return Interest(*self._one("interest", self._INTEREST_COLUMNS, interest_id))

    def list_interests(
        self, stakeholder_id: int, *, include_archived: bool = False
    ) -> list[Interest]:
        archived_filter = "" if include_archived else "AND NOT archived"
        rows = self._rows(
            f"SELECT {self._INTEREST_COLUMNS} FROM interest "
            f"WHERE stakeholder_id = ? {archived_filter} ORDER BY archived, id",
            [stakeholder_id],
        )
        return [Interest(*row) for row in rows]

    # -- worksheet rows 2-5 ------------------------------------------------------------------

    def save_worksheet_entry(
        self,
        stakeholder_id: int,
        dimension: str,
        *,
        reflection: object,
        rating: object,
        target: object = None,
        based_on: int | None = None,
        token: str | None = None,
    ) -> int:
        """Append a new version of one worksheet row.

        `based_on` is the id of the version the user had on screen (None for a first version);
        if another version was saved since, nothing is written and `ConcurrentEdit` is raised.
        """
        values = domain.worksheet_entry_values(dimension, reflection, rating, target)
        now = self.now()
        stakeholder_id = _as_id("stakeholder", stakeholder_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            if not cur.execute(
                "SELECT 1 FROM stakeholder WHERE id = ?", [stakeholder_id]
            ).fetchall():
                raise NotFound("stakeholder", stakeholder_id)
            (latest,) = cur.execute(
                "SELECT max(id) FROM worksheet_entry WHERE stakeholder_id = ? AND dimension = ?",
                [stakeholder_id, dimension],
            ).fetchall()[0]
            if latest != based_on:
                raise ConcurrentEdit("worksheet_entry", stakeholder_id)
            (entry_id,) = cur.execute(
                "INSERT INTO worksheet_entry (stakeholder_id, dimension, reflection, rating, "
                "target, saved_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                [stakeholder_id, dimension, *values.values(), now],
            ).fetchall()[0]
            return int(entry_id)

        return int(self._once(token, "save_worksheet_entry", write))  # type: ignore[arg-type]

    def save_worksheet(
        self,
        stakeholder_id: int,
        rows: dict[str, dict[str, object]],
        *,
        based_on: dict[str, int | None],
        token: str | None = None,
    ) -> dict[str, int]:
        """Save every changed row of a stakeholder's worksheet at once: one new version per row
        in `rows` (dimension → rating, target, reflection), all or none.

        `based_on` maps each of those dimensions to the version the user had on screen (None
        for a first version); if any was saved again since, nothing is written and
        `ConcurrentEdit` is raised. Returns the new version's id per dimension.
        """
        cleaned = {
            dimension: domain.worksheet_entry_values(
                dimension, row.get("reflection"), row.get("rating"), row.get("target"),
                prefix=f"{dimension}.",
            )
            for dimension, row in rows.items()
        }
        now = self.now()
        stakeholder_id = _as_id("stakeholder", stakeholder_id)
        saved: dict[str, int] = {}

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            if not cur.execute(
                "SELECT 1 FROM stakeholder WHERE id = ?", [stakeholder_id]
            ).fetchall():
                raise NotFound("stakeholder", stakeholder_id)
            latest = dict(cur.execute(
                "SELECT dimension, max(id) FROM worksheet_entry WHERE stakeholder_id = ? "
                "GROUP BY dimension", [stakeholder_id],
            ).fetchall())
            for dimension in cleaned:
                if latest.get(dimension) != based_on.get(dimension):
                    raise ConcurrentEdit("worksheet_entry", stakeholder_id)
            for dimension, values in cleaned.items():
                (entry_id,) = cur.execute(
                    "INSERT INTO worksheet_entry (stakeholder_id, dimension, reflection, rating, "
                    "target, saved_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    [stakeholder_id, dimension, *values.values(), now],
                ).fetchall()[0]
                saved[dimension] = int(entry_id)
            return stakeholder_id

        self._once(token, "save_worksheet", write)
        if not saved:  # the same submission was stored before: report what it stored
            current = self.latest_worksheet(stakeholder_id)
            saved = {dimension: current[dimension].id for dimension in cleaned
                     if dimension in current}
        return saved

    _ENTRY_COLUMNS = "id, stakeholder_id, dimension, reflection, rating, target, saved_at"

    def latest_worksheet(self, stakeholder_id: int) -> dict[str, WorksheetEntry]:
        rows = self._rows(
            f"SELECT {self._ENTRY_COLUMNS} FROM worksheet_entry WHERE stakeholder_id = ? "
            "QUALIFY row_number() OVER (PARTITION BY dimension ORDER BY id DESC) = 1",
            [stakeholder_id],
        )
        return {row[2]: WorksheetEntry(*row) for row in rows}

    def worksheet_history(self, stakeholder_id: int, dimension: str) -> list[WorksheetEntry]:
        """All saved versions of one row, newest first."""
        rows = self._rows(
            f"SELECT {self._ENTRY_COLUMNS} FROM worksheet_entry "
            "WHERE stakeholder_id = ? AND dimension = ? ORDER BY id DESC",
            [stakeholder_id, dimension],
        )
        return [WorksheetEntry(*row) for row in rows]

    # -- actions -----------------------------------------------------------------------------

    _ACTION_COLUMNS = (
        "id, stakeholder_id, row_key, text, planned_week, status, done_on, outcome, revision"
    )

    def add_action(
        self,
        stakeholder_id: int,
        row_key: object,
        text: object,
        *,
        planned_week: object = None,
        status: object = "planned",
        done_on: object = None,
        outcome: object = "",
        token: str | None = None,
    ) -> int:
        key = domain.clean_choice(row_key, worksheet.ROW_KEYS, "row_key")
        values = domain.action_values(
            text, planned_week, status, done_on, outcome, today=self.today()
        )
        now = self.now()
        stakeholder_id = _as_id("stakeholder", stakeholder_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            if not cur.execute(
                "SELECT 1 FROM stakeholder WHERE id = ?", [stakeholder_id]
            ).fetchall():
                raise NotFound("stakeholder", stakeholder_id)
            (action_id,) = cur.execute(
                "INSERT INTO action (stakeholder_id, row_key, text, planned_week, status, "
                "done_on, outcome, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [stakeholder_id, key, *values.values(), now, now],
            ).fetchall()[0]
            return int(action_id)

        return int(self._once(token, "add_action", write))  # type: ignore[arg-type]

    def update_action(
        self,
        action_id: int,
        revision: int | None,
        *,
        text: object,
        planned_week: object,
        status: object,
        done_on: object = None,
        outcome: object = "",
        token: str | None = None,
    ) -> None:
        values = domain.action_values(
            text, planned_week, status, done_on, outcome, today=self.today()
        )
        self._update("action", action_id, revision, values, "stakeholder_id", token=token)

    def get_action(self, action_id: int) -> Action:
        return Action(*self._one("action", self._ACTION_COLUMNS, action_id))

    def list_actions(self, stakeholder_id: int) -> list[Action]:
        rows = self._rows(
            f"SELECT {self._ACTION_COLUMNS} FROM action WHERE stakeholder_id = ? "
            "ORDER BY planned_week NULLS LAST, id",
            [stakeholder_id],
        )
        return [Action(*row) for row in rows]

    def open_actions(self, project_id: int) -> pd.DataFrame:
        """Open actions of a project's active stakeholders, soonest first."""
        return self._frame(
            "SELECT a.id, a.stakeholder_id, s.name AS stakeholder, a.row_key, a.text, "
            "a.planned_week, a.status "
            "FROM action a JOIN stakeholder s ON s.id = a.stakeholder_id "
            "WHERE s.project_id = ? AND NOT s.archived AND a.status IN ('planned', 'in_progress') "
            "ORDER BY a.planned_week NULLS LAST, lower(s.name), a.id",
            [project_id],
        )

    # -- weekly follow-ups -------------------------------------------------------------------

    def save_follow_up(
        self,
        stakeholder_id: int,
        week: object,
        *,
        ratings: dict[str, object],
        reflection: object = "",
        their_value_rating: object = None,
        actions_done: dict[int, object] | None = None,
        new_action: dict[str, object] | None = None,
        based_on: int | object | None = ANY_VERSION,
        token: str | None = None,
    ) -> int:
        """Store one week's follow-up, the actions carried out and a new action, all at once.

        Saving a week that already has a follow-up appends a new version; the old one stays.
        `actions_done` maps an open action of this stakeholder to what it yielded. `based_on`
        is the version the form showed (None: the week had none); when another version was
        saved since, nothing is written and `ConcurrentEdit` is raised.
        """
        stakeholder = self.get_stakeholder(stakeholder_id)
        project = self.get_project(stakeholder.project_id)
        monday = domain.check_follow_up_week(
            domain.clean_date(week, "week"), project.start_date, self.today()
        )
        clean_ratings = {
            key: domain.clean_rating(ratings.get(key), f"rating.{key}")
            for key in worksheet.DIMENSION_KEYS
        }
        clean_reflection = domain.clean_text(reflection, "reflection")
        their_value = domain.clean_rating(their_value_rating, "their_value_rating", optional=True)
        outcomes = {
            int(action_id): domain.clean_text(outcome, f"outcome.{action_id}")
            for action_id, outcome in (actions_done or {}).items()
        }
        done_on = domain.done_in_week(monday, self.today())
        new_action_values = None
        if new_action and domain.clean_text(new_action.get("text"), "new_action.text"):
            new_action_values = {
                "row_key": domain.clean_choice(
                    new_action.get("row_key"), worksheet.ROW_KEYS, "new_action.row_key"
                ),
                **domain.action_values(
                    new_action.get("text"), new_action.get("planned_week"), "planned", None, "",
                    today=self.today(),
                ),
            }
        now = self.now()

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            if based_on is not ANY_VERSION:
                (current,) = cur.execute(
                    "SELECT max(id) FROM follow_up WHERE stakeholder_id = ? AND week = ?",
                    [stakeholder_id, monday],
                ).fetchall()[0]
                if current != based_on:
                    raise ConcurrentEdit("follow_up", stakeholder_id)
            if outcomes:
                open_ids = {
                    action_id
                    for (action_id,) in cur.execute(
                        "SELECT id FROM action WHERE stakeholder_id = ? "
                        "AND status IN ('planned', 'in_progress')",
                        [stakeholder_id],
                    ).fetchall()
                }
                for action_id in outcomes:
                    if action_id not in open_ids:
                        raise NotFound("action", action_id)
            (follow_up_id,) = cur.execute(
                "INSERT INTO follow_up (stakeholder_id, week, reflection, their_value_rating, "
                "saved_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                [stakeholder_id, monday, clean_reflection, their_value, now],
            ).fetchall()[0]
            cur.executemany(
                "INSERT INTO follow_up_rating VALUES (?, ?, ?)",
                [[follow_up_id, key, rating] for key, rating in clean_ratings.items()],
            )
            for action_id, outcome in outcomes.items():
                self._log_previous(cur, "action", action_id, "stakeholder_id", now)
                cur.execute(
                    "UPDATE action SET status = 'done', done_on = ?, outcome = ?, "
                    "revision = revision + 1, updated_at = ? WHERE id = ?",
                    [done_on, outcome, now, action_id],
                )
            if new_action_values:
                cur.execute(
                    "INSERT INTO action (stakeholder_id, row_key, text, planned_week, status, "
                    "done_on, outcome, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [stakeholder_id, *new_action_values.values(), now, now],
                )
            return int(follow_up_id)

        return int(self._once(token, "save_follow_up", write))  # type: ignore[arg-type]

    # The current version of each (stakeholder, week): the highest id.
    _CURRENT_FOLLOW_UPS = (
        "SELECT * FROM follow_up WHERE stakeholder_id = ? "
        "QUALIFY row_number() OVER (PARTITION BY week ORDER BY id DESC) = 1"
    )

    def follow_up_for_week(self, stakeholder_id: int, week: dt.date) -> domain.FollowUp | None:
        rows = self._rows(
            "SELECT f.id, f.stakeholder_id, f.week, "
            "map(list(r.dimension ORDER BY r.dimension), list(r.rating ORDER BY r.dimension)), "
            "f.their_value_rating, f.reflection, f.saved_at "
            "FROM follow_up f JOIN follow_up_rating r ON r.follow_up_id = f.id "
            "WHERE f.id = (SELECT max(id) FROM follow_up WHERE stakeholder_id = ? AND week = ?) "
            "GROUP BY ALL",
            [stakeholder_id, domain.week_start(week)],
        )
        if not rows:
            return None
        row = rows[0]
        return domain.FollowUp(
            row[0], row[1], row[2], dict(row[3]), row[4], row[5], row[6]
        )

    def previous_follow_up(
        self, stakeholder_id: int, week: dt.date
    ) -> domain.FollowUp | None:
        """The current version of the latest logged week before `week`: what was said last."""
        rows = self._rows(
            "SELECT max(week) FROM follow_up WHERE stakeholder_id = ? AND week < ?",
            [stakeholder_id, domain.week_start(week)],
        )
        if not rows or rows[0][0] is None:
            return None
        return self.follow_up_for_week(stakeholder_id, rows[0][0])

    def follow_up_versions(self, stakeholder_id: int, week: dt.date) -> int:
        (count,) = self._rows(
            "SELECT count(*) FROM follow_up WHERE stakeholder_id = ? AND week = ?",
            [stakeholder_id, domain.week_start(week)],
        )[0]
        return int(count)

    def starting_ratings(self, stakeholder_id: int, week: dt.date) -> dict[str, int]:
        """The ratings a follow-up form starts from: the latest week before `week`, else the
        worksheet ('week 0')."""
        rows = self._rows(
            "SELECT r.dimension, r.rating FROM follow_up_rating r WHERE r.follow_up_id = ("
            "  SELECT max(id) FROM follow_up WHERE stakeholder_id = ? AND week = ("
            "    SELECT max(week) FROM follow_up WHERE stakeholder_id = ? AND week < ?))",
            [stakeholder_id, stakeholder_id, domain.week_start(week)],
        )
        if rows:
            return dict(rows)
        return {key: entry.rating for key, entry in self.latest_worksheet(stakeholder_id).items()}

    def follow_up_status(self, project_id: int, week: dt.date) -> pd.DataFrame:
        """Each active stakeholder of a project and whether `week` has a follow-up."""
        return self._frame(
            "SELECT s.id AS stakeholder_id, s.name, "
            "EXISTS (SELECT 1 FROM follow_up f WHERE f.stakeholder_id = s.id AND f.week = ?) "
            "AS logged "
            "FROM stakeholder s WHERE s.project_id = ? AND NOT s.archived "
            "ORDER BY lower(s.name), s.id",
            [domain.week_start(week), project_id],
        )

    def logged_weeks(self, project_id: int, since: dt.date) -> list[dt.date]:
        """Weeks since `since` in which any stakeholder of the project got a follow-up."""
        rows = self._rows(
            "SELECT DISTINCT f.week FROM follow_up f JOIN stakeholder s ON s.id = f.stakeholder_id "
            "WHERE s.project_id = ? AND f.week >= ? ORDER BY f.week",
            [project_id, domain.week_start(since)],
        )
        return [week for (week,) in rows]

    def rating_history(
        self, project_id: int, stakeholder_id: int | None = None, *, since: dt.date | None = None
    ) -> pd.DataFrame:
        """Current weekly ratings, long form, for one stakeholder or a whole project.

        Columns: stakeholder_id, stakeholder, week, dimension, rating, reflection,
        their_value_rating. Only follow-ups; the worksheet start is `worksheet_baseline`.
        With `since`, only weeks from then on: a chart of recent weeks fetches only those.
        """
        since_week = domain.week_start(since) if since is not None else None
        return self._frame(
            "WITH current AS ("
            "  SELECT f.* FROM follow_up f JOIN stakeholder s ON s.id = f.stakeholder_id "
            "  WHERE s.project_id = ? AND NOT s.archived AND (? IS NULL OR s.id = ?) "
            "  AND (?::DATE IS NULL OR f.week >= ?::DATE) "
            "  QUALIFY row_number() OVER (PARTITION BY f.stakeholder_id, f.week "
            "                             ORDER BY f.id DESC) = 1) "
            "SELECT c.stakeholder_id, s.name AS stakeholder, c.week, r.dimension, r.rating, "
            "c.reflection, c.their_value_rating "
            "FROM current c JOIN follow_up_rating r ON r.follow_up_id = c.id "
            "JOIN stakeholder s ON s.id = c.stakeholder_id "
            "ORDER BY lower(s.name), c.stakeholder_id, c.week, r.dimension",
            [project_id, stakeholder_id, stakeholder_id, since_week, since_week],
        )

    def worksheet_baseline(
        self, project_id: int, stakeholder_id: int | None = None
    ) -> pd.DataFrame:
        """The worksheet ratings each trend starts from ('week 0'), with their target.

        Per stakeholder and dimension: the latest worksheet version saved before the first
        follow-up (or the latest, if there is none), placed at the week it was saved, but never
        later than the week before the first follow-up. Columns: stakeholder_id, stakeholder,
        week, dimension, rating, target, reflection.
        """
        return self._frame(
            "WITH first_follow_up AS ("
            "  SELECT f.stakeholder_id, min(f.week) AS week, min(f.saved_at) AS saved_at "
            "  FROM follow_up f JOIN stakeholder s ON s.id = f.stakeholder_id "
            "  WHERE s.project_id = ? AND (? IS NULL OR s.id = ?) GROUP BY f.stakeholder_id), "
            "entries AS ("
            "  SELECT w.*, s.name AS stakeholder, ff.week AS first_week, "
            "    ff.saved_at AS first_saved_at, "
            "    coalesce(bool_or(w.saved_at < ff.saved_at) OVER "
            "      (PARTITION BY w.stakeholder_id, w.dimension), FALSE) AS has_earlier "
            "  FROM worksheet_entry w JOIN stakeholder s ON s.id = w.stakeholder_id "
            "  LEFT JOIN first_follow_up ff ON ff.stakeholder_id = w.stakeholder_id "
            "  WHERE s.project_id = ? AND NOT s.archived AND (? IS NULL OR s.id = ?)) "
            "SELECT stakeholder_id, stakeholder, "
            "  CASE WHEN first_week IS NULL THEN date_trunc('week', saved_at)::DATE "
            "       ELSE least(date_trunc('week', saved_at)::DATE, "
            "                  first_week - INTERVAL 7 DAY)::DATE "
            "  END AS week, dimension, rating, target, reflection "
            "FROM entries "
            "WHERE NOT has_earlier OR saved_at < first_saved_at "
            "QUALIFY row_number() OVER "
            "  (PARTITION BY stakeholder_id, dimension ORDER BY id DESC) = 1 "
            "ORDER BY lower(stakeholder), stakeholder_id, dimension",
            [project_id, stakeholder_id, stakeholder_id] * 2,
        )

    def latest_ratings(self, project_id: int) -> pd.DataFrame:
        """Per active stakeholder and dimension: the worksheet start, the latest weekly rating
        (the start when no week is logged yet) and the change between them.

        Columns: stakeholder_id, stakeholder, role, dimension, baseline_rating, latest_rating,
        latest_week, change. Stakeholders without any rating appear once with nulls.
        """
        baseline = self.worksheet_baseline(project_id)
        latest = self._frame(
            "WITH latest AS ("
            "  SELECT f.stakeholder_id, f.week, f.id FROM follow_up f "
            "  JOIN stakeholder s ON s.id = f.stakeholder_id "
            "  WHERE s.project_id = ? AND NOT s.archived "
            "  QUALIFY row_number() OVER (PARTITION BY f.stakeholder_id "
            "                             ORDER BY f.week DESC, f.id DESC) = 1) "
            "SELECT l.stakeholder_id, r.dimension, r.rating AS latest_rating, "
            "l.week AS latest_week "
            "FROM latest l JOIN follow_up_rating r ON r.follow_up_id = l.id",
            [project_id],
        )
        people = self._frame(
            "SELECT id AS stakeholder_id, name AS stakeholder, role FROM stakeholder "
            "WHERE project_id = ? AND NOT archived ORDER BY lower(name), id",
            [project_id],
        )
        ratings = baseline[["stakeholder_id", "dimension", "rating"]].rename(
            columns={"rating": "baseline_rating"}
        ).merge(latest, on=["stakeholder_id", "dimension"], how="outer")
        ratings["latest_rating"] = ratings["latest_rating"].fillna(ratings["baseline_rating"])
        ratings["change"] = ratings["latest_rating"] - ratings["baseline_rating"]
        return people.merge(ratings, on="stakeholder_id", how="left")

    def actions_done(self, project_id: int, stakeholder_id: int | None = None) -> pd.DataFrame:
        """Actions carried out, with the ISO week they were done in.

        Columns: action_id, stakeholder_id, stakeholder, row_key, text, outcome, done_on, week.
        """
        return self._frame(
            "SELECT a.id AS action_id, a.stakeholder_id, s.name AS stakeholder, a.row_key, "
            "a.text, a.outcome, a.done_on, date_trunc('week', a.done_on)::DATE AS week "
            "FROM action a JOIN stakeholder s ON s.id = a.stakeholder_id "
            "WHERE s.project_id = ? AND NOT s.archived AND (? IS NULL OR s.id = ?) "
            "AND a.status = 'done' AND a.done_on IS NOT NULL "
            "ORDER BY a.done_on, a.id",
            [project_id, stakeholder_id, stakeholder_id],
        )

    def overdue_actions(self, project_id: int, week: dt.date) -> pd.DataFrame:
        """Open actions whose planned week has passed."""
        return self._frame(
            "SELECT a.id, a.stakeholder_id, s.name AS stakeholder, a.row_key, a.text, "
            "a.planned_week, a.status "
            "FROM action a JOIN stakeholder s ON s.id = a.stakeholder_id "
            "WHERE s.project_id = ? AND NOT s.archived "
            "AND a.status IN ('planned', 'in_progress') AND a.planned_week < ? "
            "ORDER BY a.planned_week, lower(s.name), a.id",
            [project_id, domain.week_start(week)],
        )
