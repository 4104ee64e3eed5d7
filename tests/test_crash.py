"""SIGKILL at random moments must never lose a save the app reported as done, never leave a
file that does not open, and never leave a half-migrated schema."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from belangen.store import Store, migrations
from tests.v1_database import V1_NOTES, V1_TABLES, dump, make_v1_database

pytestmark = [pytest.mark.slow, pytest.mark.subprocess]

REPO = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "helpers" / "crash_child.py"
SAVE_KILLS = 50
MIGRATION_KILLS = 20


class Child:
    """A crash_child.py process whose stdout lines are collected on a thread."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
        )
        self.lines: list[str] = []
        self._ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.strip())
            if line.startswith("READY"):
                self._ready.set()

    def wait_ready(self, timeout: float = 30) -> None:
        if not self._ready.wait(timeout):
            self.kill()
            raise AssertionError(f"child never became ready: {self.stderr()}")

    def send(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text)
        self.process.stdin.flush()

    def kill(self) -> None:
        """SIGKILL: no atexit, no close(), no checkpoint on shutdown."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)

    def stderr(self) -> str:
        assert self.process.stderr is not None
        return self.process.stderr.read() if self.process.poll() is not None else ""


def _setup(path: Path) -> int:
    store = Store(path, now=lambda: dt.datetime.now())
    project_id = store.create_project("Crash", start_date=dt.date.today() - dt.timedelta(days=60))
    stakeholder_id = store.create_stakeholder(project_id, "Survivor", notes="before any kill")
    store.close()
    return stakeholder_id


def test_sigkill_while_saving_follow_ups_loses_no_acknowledged_save(tmp_path: Path) -> None:
    path = tmp_path / "crash.duckdb"
    stakeholder_id = _setup(path)
    rng = random.Random(os.environ.get("CRASH_SEED", "5"))
    acknowledged: dict[int, str] = {}
    deletions = 0
    for kill in range(SAVE_KILLS):
        child = Child("save", str(path), str(stakeholder_id))
        if kill % 5 == 4:
            # Now and then while it is still importing, opening or replaying the WAL.
            time.sleep(rng.uniform(0.0, 0.6))
        else:
            child.wait_ready()
            time.sleep(rng.uniform(0.0, 0.25))
        child.kill()
        problems = [line for line in child.stderr().splitlines() if "Error" in line]
        assert not problems, problems
        for line in child.lines:
            if line.startswith("ACK "):
                _, follow_up_id, token = line.split()
                acknowledged[int(follow_up_id)] = token
            deletions += line.startswith("DELETED ")

        store = Store(path)  # must always open
        try:
            rows = dict(
                store.query_rows("SELECT id, split_part(reflection, ' ', 1) FROM follow_up")
            )
            ratings = dict(
                store.query_rows(
                    "SELECT follow_up_id, count(*) FROM follow_up_rating GROUP BY ALL"
                )
            )
            missing = [i for i, token in acknowledged.items() if rows.get(i) != f"ack-{token}"]
            assert not missing, f"kill {kill}: acknowledged saves lost: {missing}"
            # A follow-up is stored whole or not at all.
            assert all(ratings.get(i) == 4 for i in rows), f"kill {kill}: partial follow-up"
            assert store.get_stakeholder(stakeholder_id).notes == "before any kill"
        finally:
            store.close()
    print(f"\n{SAVE_KILLS} kills, {len(acknowledged)} acknowledged saves, {deletions} compactions")
    assert len(acknowledged) > SAVE_KILLS, "the child hardly saved anything: kills too early"


def test_sigkill_during_migration_leaves_v1_or_latest_with_data_intact(tmp_path: Path) -> None:
    template = tmp_path / "v1.duckdb"
    expected = make_v1_database(template)

    # How long does the upgrade take once the child has imported everything?
    probe = tmp_path / "probe.duckdb"
    shutil.copy(template, probe)
    child = Child("migrate", str(probe))
    child.wait_ready()
    started = time.monotonic()
    child.send("go\n")
    child.process.wait(timeout=30)
    child.kill()
    duration = time.monotonic() - started
    assert "MIGRATED" in child.lines, child.stderr()

    rng = random.Random(os.environ.get("CRASH_SEED", "5"))
    outcomes: dict[int, int] = {}
    for kill in range(MIGRATION_KILLS):
        path = tmp_path / f"m{kill}.duckdb"
        shutil.copy(template, path)
        child = Child("migrate", str(path))
        child.wait_ready()
        child.send("go\n")
        time.sleep(rng.uniform(0.0, duration * 1.1))
        child.kill()

        con = duckdb.connect(str(path))
        try:
            versions = [v for (v,) in con.execute(
                "SELECT version FROM schema_version ORDER BY version").fetchall()]
            tables = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()")
                      .fetchall()}
            # Each step commits with its schema_version row: a kill leaves a whole number of
            # steps done, from v1 up to the latest (v2 when killed between the two upgrades).
            assert versions == list(range(1, versions[-1] + 1)), versions
            assert versions[-1] <= migrations.LATEST_VERSION, versions
            # DDL and its schema_version row commit together: no half step.
            assert ("follow_up" in tables) == (versions[-1] >= 2), (versions, tables)
            assert dump(con, V1_TABLES) == expected
            outcomes[versions[-1]] = outcomes.get(versions[-1], 0) + 1
        finally:
            con.close()
        store = Store(path)  # finishes the upgrade the kill interrupted
        try:
            assert store.query_rows("SELECT max(version) FROM schema_version") == [
                (migrations.LATEST_VERSION,)
            ]
            assert store.get_stakeholder(11).notes == V1_NOTES
        finally:
            store.close()
    print(f"\n{MIGRATION_KILLS} kills during migration; versions found: {outcomes}; "
          f"upgrade takes {duration * 1000:.0f} ms")


RESTORE_KILLS = 12


def _fill_for_restore(path: Path, label: str, stakeholders: int) -> None:
    store = Store(path)
    project_id = store.create_project(f"Project {label}", start_date=dt.date(2026, 1, 1))
    for n in range(stakeholders):
        sid = store.create_stakeholder(project_id, f"{label} {n}", notes=f"{label} notes {n}")
        store.add_interest(sid, f"{label} interest {n}")
    store.close()


def _user_data(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = ["project", "stakeholder", "interest", "worksheet_entry", "action", "follow_up",
                  "follow_up_rating", "change_log"]
        return dump(con, tables)
    finally:
        con.close()


def test_sigkill_during_restore_leaves_old_or_new_data_whole(tmp_path: Path) -> None:
    backup_module = pytest.importorskip("belangen.backup")
    source = tmp_path / "source.duckdb"
    _fill_for_restore(source, "New", 40)
    store = Store(source)
    archive = tmp_path / "backup.zip"
    archive.write_bytes(backup_module.write_backup(store))
    store.close()

    template = tmp_path / "current.duckdb"
    _fill_for_restore(template, "Old", 25)
    old = _user_data(template)

    probe = tmp_path / "probe" / "db.duckdb"
    probe.parent.mkdir()
    shutil.copy(template, probe)
    child = Child("restore", str(probe), str(archive))
    child.wait_ready()
    started = time.monotonic()
    child.send("go\n")
    child.process.wait(timeout=60)
    duration = time.monotonic() - started
    child.kill()
    assert "RESTORED" in child.lines, child.stderr()
    new = _user_data(probe)
    assert new != old

    rng = random.Random(os.environ.get("CRASH_SEED", "5"))
    outcomes = {"old": 0, "new": 0}
    for kill in range(RESTORE_KILLS):
        path = tmp_path / f"r{kill}" / "db.duckdb"
        path.parent.mkdir()
        shutil.copy(template, path)
        child = Child("restore", str(path), str(archive))
        child.wait_ready()
        child.send("go\n")
        time.sleep(rng.uniform(0.0, duration * 1.1))
        child.kill()
        Store(path).close()  # must open (and replays the WAL)
        found = _user_data(path)
        assert found in (old, new), f"kill {kill}: a mix of old and new data"
        outcomes["old" if found == old else "new"] += 1
    print(f"\n{RESTORE_KILLS} kills during restore ({duration * 1000:.0f} ms): {outcomes}")
