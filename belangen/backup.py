"""Full backups, restores and automatic safety copies, all through the app's own connection.

While the app runs, its DuckDB file is locked and its latest commits may still sit in the WAL, so
neither copying the file nor opening it a second time makes a backup. Instead every table is
written to Parquet inside one read transaction (a consistent snapshot) and zipped together with
a manifest: application, schema version, creation time, row count, SHA-256 of every file and the
position of every id sequence.

Why Parquet in a zip rather than a copied `.duckdb` file: the whole archive can be checked (zip
CRCs, our checksums, row counts, versions) before DuckDB parses a single byte of it; a `.duckdb`
file written by DuckDB 2.x cannot be read by older versions, Parquet can (and by pandas or a
spreadsheet tool too); and restoring never uses `IMPORT DATABASE`, which executes the SQL files of
the folder it is given. A restore first rebuilds the backup in a scratch database of its own
schema version, migrates that to the current schema, checks it, and only then replaces the app's
tables in one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import re
import threading
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from belangen import migrations
from belangen.store import NotFound, Store, connect_offline, migrate

BACKUP_FORMAT = "belangen-backup"
BACKUP_FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
BACKUP_SUFFIX = ".zip"
DEFAULT_KEEP_BACKUPS = 14
KEEP_BACKUPS_ENV = "BELANGEN_KEEP_BACKUPS"
# Limits far above any real reflection notes (the benchmark's largest data set, 25 projects of
# 40 people over three years, backs up to 3.3 MB that unpack to 6.2 MB, at most 6.5:1 per file)
# that stop a zip bomb before it is unpacked. The server's `maxUploadSize` equals the first.
MAX_BACKUP_BYTES = 50 * 1024**2
MAX_UNPACKED_BYTES = 256 * 1024**2
MAX_COMPRESSION_RATIO = 100
_COPY_CHUNK = 1024**2

REASONS = ("malformed", "truncated", "damaged", "foreign", "newer_version", "too_large")

Progress = Callable[[float, str], None]
"""Called with a fraction 0..1 and a text-catalogue key describing the current stage."""


class BackupRefused(Exception):
    """The uploaded file is not a backup we can restore; nothing was changed.

    `reason` is one of `REASONS`; `message_key` names the text that explains it to the user.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}".strip(": "))
        self.reason = reason
        self.detail = detail

    @property
    def message_key(self) -> str:
        return f"backup.refused.{self.reason}"


@dataclass(frozen=True)
class BackupInfo:
    """What a validated backup holds; enough for the confirmation before a restore."""

    schema_version: int
    created_at: dt.datetime
    row_counts: dict[str, int]
    sequences: dict[str, int]


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    safety_copy: Path


def _no_progress(_fraction: float, _key: str) -> None:
    pass


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- Writing ---------------------------------------------------------------------------------


def _table_names(cur: duckdb.DuckDBPyConnection, catalog: str | None = None) -> list[str]:
    rows = cur.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = coalesce(?, current_database()) AND table_schema = 'main' "
        "AND table_type = 'BASE TABLE' ORDER BY table_name",
        [catalog],
    ).fetchall()
    return [name for (name,) in rows]


def _column_names(
    cur: duckdb.DuckDBPyConnection, table: str, catalog: str | None = None
) -> list[str]:
    rows = cur.execute(
        "SELECT column_name FROM duckdb_columns() "
        "WHERE database_name = coalesce(?, current_database()) AND schema_name = 'main' "
        "AND table_name = ? ORDER BY column_index",
        [catalog, table],
    ).fetchall()
    return [name for (name,) in rows]


def _sequence_positions(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    rows = cur.execute(
        "SELECT sequence_name, last_value FROM duckdb_sequences() "
        "WHERE database_name = current_database() AND schema_name = 'main'"
    ).fetchall()
    return {name: int(last) for name, last in rows if last is not None}


def _schema_version(cur: duckdb.DuckDBPyConnection) -> int:
    (version,) = cur.execute("SELECT max(version) FROM schema_version").fetchall()[0]
    return int(version or 0)


def _archive(
    cur: duckdb.DuckDBPyConnection,
    folder: Path,
    created_at: dt.datetime,
    progress: Progress,
    sequences: dict[str, int] | None = None,
) -> bytes:
    """Every table the cursor sees (inside one transaction: one snapshot) as a backup zip."""
    files: dict[str, bytes] = {}
    row_counts: dict[str, int] = {}
    tables = _table_names(cur)
    version = _schema_version(cur)
    if sequences is None:
        sequences = _sequence_positions(cur)
    for index, table in enumerate(tables):
        target = folder / f"{table}.parquet"
        cur.execute(
            f"COPY (SELECT * FROM {_quote(table)} ORDER BY ALL) "
            f"TO {_literal(str(target))} (FORMAT parquet)"
        )
        (count,) = cur.execute(f"SELECT count(*) FROM {_quote(table)}").fetchall()[0]
        row_counts[table] = int(count)
        files[f"tables/{table}.parquet"] = target.read_bytes()
        progress(0.8 * (index + 1) / len(tables), "progress.backup_reading")
    manifest = {
        "format": BACKUP_FORMAT,
        "format_version": BACKUP_FORMAT_VERSION,
        "application": migrations.APPLICATION_NAME,
        "schema_version": version,
        "created_at": created_at.isoformat(),
        "duckdb_version": duckdb.__version__,
        "tables": {
            table: {
                "file": f"tables/{table}.parquet",
                "rows": row_counts[table],
                "sha256": _sha256(files[f"tables/{table}.parquet"]),
            }
            for table in tables
        },
        "sequences": sequences,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, json.dumps(manifest, indent=2, sort_keys=True))
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def write_backup(store: Store, progress: Progress | None = None) -> bytes:
    """The whole database as one backup file (bytes), made through the store's connection."""
    progress = progress or _no_progress
    progress(0.0, "progress.backup_reading")
    # One transaction: every table from the same snapshot, even while other tabs write.
    with store.scratch_folder("backup") as folder, store.transaction(writes=False) as cur:
        data = _archive(cur, folder, store.now(), progress)
    progress(1.0, "progress.done")
    return data


def _write_file_atomically(path: Path, data: bytes) -> None:
    """A half-written copy must never look like a finished one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def backup_file_name(store: Store) -> str:
    """The name a downloaded backup gets: application and moment, nothing personal."""
    return f"belangen-backup-{store.now():%Y-%m-%d-%H%M%S}{BACKUP_SUFFIX}"


# --- Reading and validating ------------------------------------------------------------------

_ZIP_LOCAL_HEADER = b"PK\x03\x04"
_DUCKDB_MAGIC_AT_8 = b"DUCK"


def _open_archive(data: bytes) -> zipfile.ZipFile:
    if not data:
        raise BackupRefused("malformed", "empty file")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        if data[8:12] == _DUCKDB_MAGIC_AT_8:
            raise BackupRefused("foreign", "a DuckDB database file, not a backup") from None
        if data.startswith(_ZIP_LOCAL_HEADER):
            # A zip's table of contents sits at its end: without it the file was cut short.
            raise BackupRefused("truncated", str(error)) from None
        raise BackupRefused("malformed", str(error)) from None
    return archive


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError:
        raise BackupRefused("damaged", f"{name} missing") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        # Bad CRC, broken compressed stream or member cut short.
        raise BackupRefused("damaged", f"{name}: {error}") from None


def _parse_manifest(raw: bytes) -> dict:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupRefused("malformed", f"manifest: {error}") from None
    if not isinstance(manifest, dict):
        raise BackupRefused("malformed", "manifest is not an object")
    if manifest.get("format") != BACKUP_FORMAT:
        raise BackupRefused("foreign", "not a belangen backup")
    if manifest.get("application") != migrations.APPLICATION_NAME:
        raise BackupRefused("foreign", f"application {manifest.get('application')!r}")
    format_version = manifest.get("format_version")
    version = manifest.get("schema_version")
    if not isinstance(format_version, int) or not isinstance(version, int) or version < 1:
        raise BackupRefused("malformed", "versions")
    if format_version > BACKUP_FORMAT_VERSION or version > migrations.LATEST_VERSION:
        raise BackupRefused("newer_version", f"schema {version}, format {format_version}")
    tables = manifest.get("tables")
    sequences = manifest.get("sequences", {})
    if not isinstance(tables, dict) or not tables or not isinstance(sequences, dict):
        raise BackupRefused("malformed", "tables")
    for table, entry in tables.items():
        if (
            not isinstance(table, str)
            or not re.fullmatch(r"[a-z_][a-z0-9_]*", table)
            or not isinstance(entry, dict)
            or not isinstance(entry.get("rows"), int)
            or entry["rows"] < 0
            or not isinstance(entry.get("sha256"), str)
            or entry.get("file") != f"tables/{table}.parquet"
        ):
            raise BackupRefused("malformed", f"table entry {table!r}")
    if not all(isinstance(k, str) and isinstance(v, int) for k, v in sequences.items()):
        raise BackupRefused("malformed", "sequences")
    try:
        dt.datetime.fromisoformat(str(manifest.get("created_at")))
    except ValueError:
        raise BackupRefused("malformed", "created_at") from None
    return manifest


def _check_sizes(archive: zipfile.ZipFile) -> None:
    """Refuse a bomb from the zip's table of contents, before anything is unpacked. Python's
    zipfile stops unpacking a member at the size given there (and then fails its CRC), so a
    member cannot unpack to more than it declares."""
    members = archive.infolist()
    unpacked = sum(info.file_size for info in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise BackupRefused("too_large", f"unpacks to {unpacked} bytes")
    for info in members:
        if info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise BackupRefused("too_large", f"{info.filename} compressed beyond any backup")


def _unpack_member(archive: zipfile.ZipFile, name: str, target: Path) -> str:
    """Copy one member to `target` in chunks (never whole in memory); returns its SHA-256."""
    digest = hashlib.sha256()
    try:
        member = archive.open(name)
    except KeyError:
        raise BackupRefused("damaged", f"{name} missing") from None
    with member, target.open("wb") as out:
        while True:
            try:
                chunk = member.read(_COPY_CHUNK)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
                # Bad CRC, broken compressed stream or member cut short.
                raise BackupRefused("damaged", f"{name}: {error}") from None
            if not chunk:
                return digest.hexdigest()
            digest.update(chunk)
            out.write(chunk)


def _unpack(data: bytes, folder: Path) -> tuple[dict, BackupInfo]:
    """Check the archive from end to end and write its tables into `folder`."""
    if len(data) > MAX_BACKUP_BYTES:
        raise BackupRefused("too_large", f"{len(data)} bytes")
    with _open_archive(data) as archive:
        _check_sizes(archive)
        names = set(archive.namelist())
        if MANIFEST_NAME not in names:
            raise BackupRefused("foreign", "no manifest")
        manifest = _parse_manifest(_read_member(archive, MANIFEST_NAME))
        for table, entry in manifest["tables"].items():
            digest = _unpack_member(archive, entry["file"], folder / f"{table}.parquet")
            if digest != entry["sha256"]:
                raise BackupRefused("damaged", f"checksum of {table}")
    info = BackupInfo(
        schema_version=manifest["schema_version"],
        created_at=dt.datetime.fromisoformat(manifest["created_at"]),
        row_counts={table: entry["rows"] for table, entry in manifest["tables"].items()},
        sequences=dict(manifest.get("sequences", {})),
    )
    return manifest, info


def inspect_backup(store: Store, data: bytes) -> BackupInfo:
    """Validate a backup's archive, manifest and checksums without touching any database.

    Cheap enough to show what a backup holds before the user confirms a restore; the restore
    itself validates again, and more deeply. The store only lends its private scratch folder.
    """
    with store.scratch_folder("inspect") as folder:
        return _unpack(data, folder)[1]


# Which rows must point at an existing parent; the store keeps these whole, a restore checks.
_REFERENCES = (
    ("stakeholder", "project_id", "project"),
    ("interest", "stakeholder_id", "stakeholder"),
    ("worksheet_entry", "stakeholder_id", "stakeholder"),
    ("action", "stakeholder_id", "stakeholder"),
    ("follow_up", "stakeholder_id", "stakeholder"),
    ("follow_up_rating", "follow_up_id", "follow_up"),
)


def _build_scratch(folder: Path, info: BackupInfo, now: Callable[[], dt.datetime]) -> Path:
    """Rebuild the backup in a scratch database of its own schema version, then migrate it."""
    scratch = folder / "scratch.duckdb"
    con = connect_offline(scratch)
    try:
        migrate(con, target=info.schema_version, now=now, path=scratch)
        cur = con.cursor()
        expected = set(_table_names(cur))
        if expected != set(info.row_counts):
            raise BackupRefused("malformed", "tables differ from the schema")
        cur.execute("BEGIN TRANSACTION")
        for table in sorted(expected):
            columns = _column_names(cur, table)
            source = _literal(str(folder / f"{table}.parquet"))
            found = [
                name
                for (name, *_rest) in cur.execute(
                    f"DESCRIBE SELECT * FROM read_parquet({source})"
                ).fetchall()
            ]
            if sorted(found) != sorted(columns):
                raise BackupRefused("malformed", f"columns of {table}")
            column_list = ", ".join(_quote(c) for c in columns)
            cur.execute(f"DELETE FROM {_quote(table)}")  # the rows migrate() itself wrote
            cur.execute(
                f"INSERT INTO {_quote(table)} ({column_list}) "
                f"SELECT {column_list} FROM read_parquet({source})"
            )
            (count,) = cur.execute(f"SELECT count(*) FROM {_quote(table)}").fetchall()[0]
            if count != info.row_counts[table]:
                raise BackupRefused("damaged", f"row count of {table}")
        owner = cur.execute("SELECT value FROM app_meta WHERE key = 'application'").fetchall()
        if owner != [(migrations.APPLICATION_NAME,)]:
            raise BackupRefused("foreign", "app_meta")
        if _schema_version(cur) != info.schema_version:
            raise BackupRefused("malformed", "schema_version table")
        cur.execute("COMMIT")
        migrate(con, now=now, path=scratch)
        for child, column, parent in _REFERENCES:
            (orphans,) = cur.execute(
                f"SELECT count(*) FROM {child} WHERE {column} NOT IN (SELECT id FROM {parent})"
            ).fetchall()[0]
            if orphans:
                raise BackupRefused("malformed", f"{child}.{column} without {parent}")
        con.execute("CHECKPOINT")
    except duckdb.Error as error:
        # Unreadable Parquet, wrong types, broken constraints: not a backup we wrote.
        raise BackupRefused("malformed", str(error)) from None
    finally:
        con.close()
    return scratch


def _replace_all(store: Store, scratch: Path, info: BackupInfo, progress: Progress) -> None:
    alias = f"belangen_restore_{uuid.uuid4().hex}"
    # ATTACH and DETACH are transactional in DuckDB 2.0: a failure anywhere undoes them too.
    with store.transaction() as cur:
        cur.execute(f"ATTACH {_literal(str(scratch))} AS {alias} (READ_ONLY)")
        (catalog,) = cur.execute("SELECT current_database()").fetchall()[0]
        tables = _table_names(cur)
        if set(tables) != set(_table_names(cur, alias)):
            raise BackupRefused("malformed", "tables differ after migration")
        for index, table in enumerate(tables):
            columns = ", ".join(_quote(c) for c in _column_names(cur, table))
            target = f"{_quote(catalog)}.main.{_quote(table)}"
            cur.execute(f"DELETE FROM {target}")
            cur.execute(
                f"INSERT INTO {target} ({columns}) "
                f"SELECT {columns} FROM {alias}.main.{_quote(table)}"
            )
            progress(0.6 + 0.35 * (index + 1) / len(tables), "progress.restore_replacing")
        # New rows must get ids past every restored id and past every id handed out before.
        current = _sequence_positions(cur)
        for table, column, sequence in cur.execute(
            "SELECT table_name, column_name, "
            "regexp_extract(column_default, 'nextval\\(''([^'']+)''\\)', 1) "
            "FROM duckdb_columns() WHERE database_name = current_database() "
            "AND schema_name = 'main' AND column_default LIKE 'nextval(%'"
        ).fetchall():
            (highest,) = cur.execute(
                f"SELECT max({_quote(column)}) FROM {_quote(table)}"
            ).fetchall()[0]
            position = max(
                current.get(sequence, 0), info.sequences.get(sequence, 0), int(highest or 0)
            )
            if position > current.get(sequence, 0):
                cur.execute("SELECT setval(?, ?)", [sequence, position]).fetchall()
        cur.execute(f"DETACH {alias}")


def restore_backup(store: Store, data: bytes, progress: Progress | None = None) -> RestoreResult:
    """Replace all data with a backup's, if the whole backup validates; else change nothing.

    Raises `BackupRefused` before anything is touched. A safety copy of the current data is made
    first; its path is in the result so the page can name it.
    """
    progress = progress or _no_progress
    progress(0.0, "progress.restore_checking")
    with store.scratch_folder("restore") as folder:
        _manifest, info = _unpack(data, folder)
        progress(0.2, "progress.restore_checking")
        scratch = _build_scratch(folder, info, store.now)
        progress(0.45, "progress.restore_safety_copy")
        copy = safety_copy(store, "before-restore")
        progress(0.6, "progress.restore_replacing")
        _replace_all(store, scratch, info, progress)
    # Rewrite the file so the replaced text does not linger in freed blocks or the WAL.
    store.compact()
    progress(1.0, "progress.done")
    return RestoreResult(info=info, safety_copy=copy)


# --- Safety copies ---------------------------------------------------------------------------

_COPY_NAME = re.compile(
    r"^belangen-(\d{4}-\d{2}-\d{2})-(\d{6})(?:-(\d+))?-([a-z0-9-]+)"
    + re.escape(BACKUP_SUFFIX)
    + "$"
)
_copy_lock = threading.Lock()
_daily_lock = threading.Lock()
# Counts removals of a stakeholder from the copies: a copy whose snapshot was read before one
# must not be written after it (it may hold the person just removed).
_removals = 0


def backups_dir(store: Store) -> Path:
    """Safety copies live beside the database, in `backups/` (data/backups by default)."""
    return store.path.parent / "backups"


def keep_backups() -> int:
    """How many safety copies to keep: `BELANGEN_KEEP_BACKUPS`, at least 1, default 14."""
    raw = os.environ.get(KEEP_BACKUPS_ENV, "").strip()
    try:
        return max(1, int(raw)) if raw else DEFAULT_KEEP_BACKUPS
    except ValueError:
        return DEFAULT_KEEP_BACKUPS


@dataclass(frozen=True)
class SafetyCopy:
    path: Path
    day: dt.date
    moment: tuple[str, str, int]
    reason: str


def list_safety_copies(store: Store) -> list[SafetyCopy]:
    """Our safety copies, oldest first; other files in the folder are left alone."""
    folder = backups_dir(store)
    if not folder.is_dir():
        return []
    copies = []
    for path in folder.iterdir():
        match = _COPY_NAME.match(path.name)
        if not match or not path.is_file():
            continue
        day, clock, counter, reason = match.groups()
        copies.append(
            SafetyCopy(path, dt.date.fromisoformat(day), (day, clock, int(counter or 0)), reason)
        )
    return sorted(copies, key=lambda copy: copy.moment)


def _prune(store: Store, keep: int) -> None:
    copies = list_safety_copies(store)
    for old in copies[: max(0, len(copies) - keep)]:
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()


def safety_copy(store: Store, reason: str, *, keep: int | None = None) -> Path:
    """Write a backup into `backups/` and keep only the newest `keep` of them."""
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "copy"
    while True:
        removals = _removals
        data = write_backup(store)
        with _copy_lock:
            if removals != _removals:
                continue  # someone was removed from the copies meanwhile: read afresh
            folder = backups_dir(store)
            stamp = store.now()
            base = f"belangen-{stamp:%Y-%m-%d}-{stamp:%H%M%S}"
            path = folder / f"{base}-{slug}{BACKUP_SUFFIX}"
            counter = 0
            while path.exists():
                counter += 1
                path = folder / f"{base}-{counter}-{slug}{BACKUP_SUFFIX}"
            _write_file_atomically(path, data)
            _prune(store, keep if keep is not None else keep_backups())
            return path


def delete_stakeholder_everywhere(
    store: Store, stakeholder_id: int, *, token: str | None = None
) -> int:
    """`Store.delete_stakeholder`, then the same person out of every safety copy.

    Each copy that holds them is rewritten without them under its own name (so it keeps its
    place among the copies); a copy that cannot be read or rewritten is removed, since it might
    hold them. Returns how many copies were changed. Backups the user downloaded are out of
    reach; the confirmation on the page says so.
    """
    global _removals
    try:
        created_at = store.stakeholder_created_at(stakeholder_id)
    except NotFound:
        # Gone already: the same click again (a double click) is done; any other raises.
        store.delete_stakeholder(stakeholder_id, token=token)
        return 0
    store.delete_stakeholder(stakeholder_id, token=token)
    changed = 0
    with _copy_lock:
        _removals += 1
        for copy in list_safety_copies(store):
            try:
                cleaned = _without_stakeholder(store, copy.path, stakeholder_id, created_at)
                if cleaned is not None:
                    _write_file_atomically(copy.path, cleaned)
                    changed += 1
            except (BackupRefused, OSError, duckdb.Error):
                copy.path.unlink(missing_ok=True)
                changed += 1
    return changed


def _without_stakeholder(
    store: Store, copy: Path, stakeholder_id: int, created_at: dt.datetime
) -> bytes | None:
    """The copy rebuilt without that stakeholder, or None when it never held them."""
    with store.scratch_folder("forget") as folder:
        _manifest, info = _unpack(copy.read_bytes(), folder)
        scratch = _build_scratch(folder, info, store.now)
        con = connect_offline(scratch)
        try:
            cur = con.cursor()
            held = cur.execute(
                "SELECT count(*) FROM stakeholder WHERE id = ? AND created_at = ?",
                [stakeholder_id, created_at],
            ).fetchall()[0][0]
            if not held:
                return None
            cur.execute("BEGIN TRANSACTION")
            Store.delete_stakeholder_rows(cur, stakeholder_id)
            cur.execute("COMMIT")
            out = folder / "out"
            out.mkdir()
            cur.execute("BEGIN TRANSACTION")
            data = _archive(cur, out, info.created_at, _no_progress, sequences=info.sequences)
            cur.execute("COMMIT")
            return data
        finally:
            con.close()


def daily_safety_copy(store: Store, *, keep: int | None = None) -> Path | None:
    """At most one 'daily' copy per calendar day; returns None when today's exists already."""
    with _daily_lock:
        today = store.today()
        if any(c.reason == "daily" and c.day == today for c in list_safety_copies(store)):
            return None
        return safety_copy(store, "daily", keep=keep)


def before_migration_copy(store: Store, step_version: int) -> None:
    """Pass as `Store(before_migration=...)`: a copy of the data before each schema step.

    Runs inside `Store.__init__`, whose connection is already open; if the copy cannot be
    written the migration does not start.
    """
    safety_copy(store, f"before-migration-v{step_version}")
