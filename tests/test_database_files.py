"""A database path that holds something unexpected must give a clear reason and stay untouched:
never a fresh empty database over an existing file, never a half-changed file."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
from helpers.db import file_digest

from belangen.store import DatabaseUnavailable, Store, migrations

NOBODY = 65534
MARKER = "damaged-data-" + "q7" * 3000


def make_belangen_file(path: Path) -> Path:
    store = Store(path, now=lambda: dt.datetime(2026, 3, 4, 12))
    project_id = store.create_project("Files", start_date=dt.date(2026, 1, 1))
    store.create_stakeholder(project_id, "Someone", notes=MARKER)
    store.close()
    return path


def _directory(path: Path) -> None:
    path.mkdir()
    (path / "keep.txt").write_text("mine")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(300_000))


def _sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    con.execute("INSERT INTO notes (text) VALUES ('someone else''s data')")
    con.commit()
    con.close()


def _other_duckdb_app(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE invoices (id INTEGER, amount DECIMAL(10, 2))")
    con.execute("INSERT INTO invoices VALUES (1, 9.95)")
    con.close()


def _other_app_with_app_meta(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE app_meta (key VARCHAR, value VARCHAR)")
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    con.execute("INSERT INTO app_meta VALUES ('application', 'ledger')")
    con.close()


def _truncated(path: Path) -> None:
    make_belangen_file(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _flipped_in_data(path: Path) -> None:
    """One bit flipped inside a block that holds data: DuckDB opens it, the first read fails."""
    make_belangen_file(path)
    data = bytearray(path.read_bytes())
    offset = data.find(MARKER[:40].encode())
    assert offset > 0, "marker not stored verbatim; pick another place to damage"
    data[offset + 1000] ^= 0x10
    path.write_bytes(bytes(data))


def _flipped_in_header(path: Path) -> None:
    make_belangen_file(path)
    data = bytearray(path.read_bytes())
    data[4096 + 40] ^= 0x01  # first database header, checksummed
    path.write_bytes(bytes(data))


def _newer_version(path: Path) -> None:
    make_belangen_file(path)
    con = duckdb.connect(str(path))
    con.execute(
        "INSERT INTO schema_version VALUES (?, now())", [migrations.LATEST_VERSION + 1]
    )
    con.close()


CASES: list[tuple[str, Callable[[Path], None], str]] = [
    ("directory", _directory, "is_directory"),
    ("empty file", _empty, "empty_file"),
    ("random bytes", _random_bytes, "not_duckdb"),
    ("sqlite file", _sqlite, "not_duckdb"),
    ("duckdb file of another app", _other_duckdb_app, "foreign"),
    ("another app's app_meta", _other_app_with_app_meta, "foreign"),
    ("truncated belangen file", _truncated, "damaged"),
    ("bit flipped in a data block", _flipped_in_data, "damaged"),
    ("bit flipped in the header", _flipped_in_header, "damaged"),
    ("newer schema version", _newer_version, "newer_version"),
]


def _state(folder: Path) -> dict[str, str]:
    """Digest of everything in the folder: a refusal must not add, remove or change a file."""
    return {p.name: file_digest(p) for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(("make", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unusable_file_is_refused_and_left_untouched(
    tmp_path: Path, make: Callable[[Path], None], reason: str
) -> None:
    path = tmp_path / "belangen.duckdb"
    make(path)
    before = _state(tmp_path)
    for _ in range(2):  # the second attempt must find exactly the same file
        with pytest.raises(DatabaseUnavailable) as raised:
            Store(path)
        assert raised.value.reason == reason, raised.value
        assert raised.value.path == path
        assert _state(tmp_path) == before


# --- permissions: root ignores them, so check as user `nobody` in a forked child ----------------


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder `nobody` can reach (pytest's tmp_path lives under a root-only directory)."""
    folder = Path(tempfile.mkdtemp(prefix="belangen-perm-"))
    folder.chmod(0o777)
    yield folder
    folder.chmod(0o700)
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()


def _reason_as_unprivileged_user(path: Path) -> str:
    """Open the store as `nobody` when running as root, so permissions apply."""
    if os.geteuid() != 0:
        try:
            Store(path).close()
            return "opened"
        except DatabaseUnavailable as problem:
            return problem.reason
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: drop root, try, report, exit without running any cleanup
        result = "crashed"
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            try:
                Store(path).close()
                result = "opened"
            except DatabaseUnavailable as problem:
                result = problem.reason
            except BaseException as error:
                result = f"unexpected {error!r}"
        finally:
            os.write(write_end, result.encode())
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        result = pipe.read().decode()
    os.waitpid(pid, 0)
    return result


def test_read_only_file_is_refused_and_left_untouched(open_folder: Path) -> None:
    path = make_belangen_file(open_folder / "belangen.duckdb")
    path.chmod(0o444)
    before = _state(open_folder)
    assert _reason_as_unprivileged_user(path) == "read_only"
    assert _state(open_folder) == before


def test_file_in_read_only_folder_is_refused_and_left_untouched(open_folder: Path) -> None:
    path = make_belangen_file(open_folder / "belangen.duckdb")
    path.chmod(0o666)  # the file itself is writable; the WAL beside it could not be created
    open_folder.chmod(0o555)
    before = _state(open_folder)
    assert _reason_as_unprivileged_user(path) == "read_only"
    assert _state(open_folder) == before
    open_folder.chmod(0o777)


def test_new_file_in_read_only_folder_is_refused(open_folder: Path) -> None:
    open_folder.chmod(0o555)
    assert _reason_as_unprivileged_user(open_folder / "belangen.duckdb") == "read_only"
    assert list(open_folder.iterdir()) == []
    open_folder.chmod(0o777)


HOLDER = (
    "import duckdb, sys\n"
    "con = duckdb.connect(sys.argv[1])\n"
    "con.execute('SELECT count(*) FROM stakeholder').fetchall()\n"
    "print('HOLDING', flush=True)\n"
    "sys.stdin.read()\n"
)


@pytest.mark.subprocess
def test_file_held_by_another_process_is_refused_with_its_pid(tmp_path: Path) -> None:
    path = make_belangen_file(tmp_path / "belangen.duckdb")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "HOLDING"
        before = _state(tmp_path)
        with pytest.raises(DatabaseUnavailable) as raised:
            Store(path)
        assert raised.value.reason == "locked"
        assert raised.value.params["pid"] == str(holder.pid)
        assert _state(tmp_path) == before
    finally:
        holder.communicate("", timeout=30)
    Store(path).close()  # usable again once the other process has gone


def test_missing_file_is_created_fresh(tmp_path: Path) -> None:
    """The one case where a new database is made: nothing was there."""
    path = tmp_path / "sub" / "belangen.duckdb"
    Store(path).close()
    assert path.exists()
