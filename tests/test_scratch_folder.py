"""Issue 11, finding 7: checking or restoring a backup unpacks every table as Parquet (plain
text). That work happens in a private folder beside the database (mode 0700, not the shared
system temp folder), and whatever a killed process left there is removed at the next start."""

from __future__ import annotations

import datetime as dt
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from belangen import backup
from belangen.store import Store, work_folder

SECRET = "Vertrouwelijk-9c41"

# A child that restores a backup and stops at a given stage of the check, as if the server was
# killed there: the progress callback is the restore's own, public one.
CHILD = """
import sys, time
from pathlib import Path
from belangen import backup
from belangen.store import Store

db_path, backup_path, stop_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
store = Store(Path(db_path))

def progress(fraction, _key):
    if fraction >= stop_at:
        print("stopped", flush=True)
        time.sleep(120)

backup.restore_backup(store, Path(backup_path).read_bytes(), progress=progress)
"""


def every_file(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def holds_secret(paths: list[Path]) -> list[Path]:
    return [path for path in paths if SECRET.encode() in path.read_bytes()]


@pytest.fixture
def saved_backup(tmp_path: Path) -> Path:
    source = Store(tmp_path / "source" / "belangen.duckdb")
    project = source.create_project(SECRET, SECRET, SECRET, dt.date(2026, 1, 5))
    source.create_stakeholder(project, f"Wethouder {SECRET}", notes=SECRET * 50)
    path = tmp_path / "reservekopie.zip"
    path.write_bytes(backup.write_backup(source))
    source.close()
    return path


@pytest.mark.parametrize(("stop_at", "stage"), [(0.2, "unpacked"), (0.45, "scratch database")])
@pytest.mark.subprocess
def test_a_kill_mid_check_leaves_nothing_after_the_next_start(
    tmp_path: Path, saved_backup: Path, stop_at: float, stage: str
) -> None:
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    db_path = tmp_path / "app" / "belangen.duckdb"
    Store(db_path).close()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), str(saved_backup), str(stop_at)],
        stdout=subprocess.PIPE, text=True,
        env={**os.environ, "TMPDIR": str(system_temp)},
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "stopped"
        left = every_file(system_temp) + every_file(db_path.parent)
        assert holds_secret(left), f"test setup: nothing of the backup unpacked yet ({stage})"
        assert every_file(system_temp) == [], "the check wrote into the system's temp folder"
        work = work_folder(db_path)
        assert stat.S_IMODE(work.stat().st_mode) == 0o700
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()

    Store(db_path).close()  # the next start

    assert every_file(system_temp) == []
    assert not work_folder(db_path).exists()
    assert holds_secret(every_file(db_path.parent)) == []


def test_checking_and_restoring_leave_no_files_behind(tmp_path: Path, saved_backup: Path) -> None:
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    store = Store(tmp_path / "app" / "belangen.duckdb")
    data = saved_backup.read_bytes()
    backup.inspect_backup(store, data)
    backup.restore_backup(store, data)
    backup.write_backup(store)
    store.close()
    assert not work_folder(store.path).exists()
    names = sorted(p.name for p in store.path.parent.iterdir())
    assert names == ["backups", "belangen.duckdb"], names
