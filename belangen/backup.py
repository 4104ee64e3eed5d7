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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from belangen.store import (
    APPLICATION_NAME,
    LATEST_VERSION,
    NotFound,
    SnapshotRefused,
    Store,
    TableFiles,
)
from belangen.store.database import is_duckdb_header
from belangen.store.snapshots import build_from_table_files, without_stakeholder

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


@contextlib.contextmanager
def _refused_as_backup() -> Iterator[None]:
    """The store's refusal of tables from outside, in this module's terms."""
    try:
        yield
    except SnapshotRefused as refused:
        raise BackupRefused(refused.reason, refused.detail) from None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- Writing ---------------------------------------------------------------------------------


def _archive(
    tables: TableFiles, created_at: dt.datetime, sequences: dict[str, int] | None = None
) -> bytes:
    """The table files of one snapshot as a backup zip, with its manifest."""
    files = {
        f"tables/{table}.parquet": path.read_bytes() for table, path in tables.files.items()
    }
    manifest = {
        "format": BACKUP_FORMAT,
        "format_version": BACKUP_FORMAT_VERSION,
        "application": APPLICATION_NAME,
        "schema_version": tables.schema_version,
        "created_at": created_at.isoformat(),
        "duckdb_version": duckdb.__version__,
        "tables": {
            table: {
                "file": f"tables/{table}.parquet",
                "rows": tables.rows[table],
                "sha256": _sha256(files[f"tables/{table}.parquet"]),
            }
            for table in tables.files
        },
        "sequences": tables.sequences if sequences is None else sequences,
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
    created_at = store.now()
    with store.scratch_folder("backup") as folder:
        tables = store.write_table_files(
            folder, lambda done, total: progress(0.8 * done / total, "progress.backup_reading")
        )
        data = _archive(tables, created_at)
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


def _open_archive(data: bytes) -> zipfile.ZipFile:
    if not data:
        raise BackupRefused("malformed", "empty file")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        if is_duckdb_header(data):
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
    if manifest.get("application") != APPLICATION_NAME:
        raise BackupRefused("foreign", f"application {manifest.get('application')!r}")
    format_version = manifest.get("format_version")
    version = manifest.get("schema_version")
    if not isinstance(format_version, int) or not isinstance(version, int) or version < 1:
        raise BackupRefused("malformed", "versions")
    if format_version > BACKUP_FORMAT_VERSION or version > LATEST_VERSION:
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


def _build_scratch(folder: Path, info: BackupInfo, now: Callable[[], dt.datetime]) -> Path:
    """Rebuild the backup in a scratch database of its own schema version, then migrate it."""
    with _refused_as_backup():
        return build_from_table_files(
            folder, version=info.schema_version, row_counts=info.row_counts, now=now
        )


def _replace_all(store: Store, scratch: Path, info: BackupInfo, progress: Progress) -> None:
    with _refused_as_backup():
        store.replace_all_tables(
            scratch,
            sequences=info.sequences,
            each=lambda done, total: progress(
                0.6 + 0.35 * done / total, "progress.restore_replacing"
            ),
        )


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
        out = folder / "out"
        out.mkdir()
        tables = without_stakeholder(scratch, stakeholder_id, created_at, out)
        if tables is None:
            return None
        return _archive(tables, info.created_at, sequences=info.sequences)


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
