"""Backups and restores through the app's own connection, on real DuckDB files."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from helpers.db import dump_tables

from belangen import backup, worksheet
from belangen.backup import BackupRefused
from belangen.sample import load_sample_project
from belangen.store import Store, migrate, migrations

START = dt.datetime(2026, 3, 12, 10, 30)


class Clock:
    def __init__(self, start: dt.datetime = START) -> None:
        self.moment = start

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)


def open_store(path: Path, clock: Callable[[], dt.datetime]) -> Store:
    return Store(path, now=clock)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def source(tmp_path: Path, clock: Clock):
    db = open_store(tmp_path / "source" / "belangen.duckdb", clock)
    yield db
    db.close()


@pytest.fixture
def target(tmp_path: Path, clock: Clock):
    db = open_store(tmp_path / "target" / "belangen.duckdb", clock)
    yield db
    db.close()


def fill_every_kind(db: Store, clock: Clock) -> None:
    """Every table gets rows: the sample, edits (change log), versions, a deleted stakeholder."""
    load_sample_project(db)
    project_id = db.create_project(
        "Echte samenwerking 'met' \"quotes\"", "Regel 1\nRegel 2", "=1+1", dt.date(2026, 1, 5)
    )
    project = db.get_project(project_id)
    db.update_project(
        project_id,
        project.revision,
        name=project.name,
        description="Omschrijving met émoji 🎉 en <b>html</b>",
        own_goal=project.own_goal,
        start_date=project.start_date,
    )
    person = db.create_stakeholder(project_id, "Zoë d'Hondt", "Raadslid", "Fractie", "Notitie",
                                   token="form-token-of-a-drawn-form")  # a submission row
    gone = db.create_stakeholder(project_id, "Tijdelijk", "", "", "")
    db.add_interest(gone, "Verdwijnt", "other", "suspected", "")
    db.delete_stakeholder(gone)  # leaves a gap in the id sequences
    interest = db.add_interest(person, "Herverkiezing", "political", "suspected", "Signaal")
    current = db.get_interest(interest)
    db.update_interest(
        interest,
        current.revision,
        text="Herverkiezing",
        kind="political",
        status="confirmed",
        signals="Signaal",
    )
    first = db.save_worksheet_entry(person, "value", reflection="Eerste", rating=2, target=4)
    db.save_worksheet_entry(
        person, "value", reflection="Tweede", rating=3, target=4, based_on=first
    )
    for row in (worksheet.GENUINE_INTEREST, worksheet.CONVERSATION, worksheet.NEGOTIATION):
        db.save_worksheet_entry(person, row.key, reflection="", rating=3)
    action = db.add_action(person, "value", "Evalueren", planned_week=dt.date(2026, 3, 2))
    db.save_follow_up(
        person,
        dt.date(2026, 3, 2),
        ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 3),
        reflection="Week één",
        their_value_rating=4,
        actions_done={action: "Goed gesprek"},
    )
    clock.advance(minutes=5)
    db.save_follow_up(  # a second version of the same week
        person,
        dt.date(2026, 3, 2),
        ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 4),
    )
    # The collaboration map: an own interest, a link (edited once), an agreed option that
    # became an action.
    own = db.add_own_interest(project_id, "Draagvlak in de raad", "political", True, "")
    link = db.add_link(project_id, f"o{own}", f"i{interest}", "shared", "Beiden de raad")
    db.update_link(link, 1, relation="shared", note="Beiden willen de raad mee")
    option = db.add_option(project_id, "Gezamenlijk raadsvoorstel", "Samen schrijven",
                           serves=[f"o{own}", f"i{interest}"], costs="Tijd van beiden",
                           status="agreed", agreed_on=dt.date(2026, 3, 3), partners=[person])
    db.actions_from_option(option, [person], row_key="negotiation")
    db.set_stakeholder_archived(person, True)


def test_round_trip_restores_every_row_and_ids_continue(
    source: Store, target: Store, clock: Clock
) -> None:
    fill_every_kind(source, clock)
    expected = dump_tables(source)
    assert all(expected[table] for table in expected), "every table must have rows"
    steps: list[tuple[float, str]] = []

    data = backup.write_backup(source)
    result = backup.restore_backup(target, data, progress=lambda f, k: steps.append((f, k)))

    assert dump_tables(target) == expected
    assert result.info.row_counts == {table: len(rows) for table, rows in expected.items()}
    fractions = [fraction for fraction, _key in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    # New ids continue past every id the source ever handed out, deleted ones included.
    highest = source.query_rows(
        "SELECT last_value FROM duckdb_sequences() WHERE sequence_name = 'stakeholder_ids'"
    )[0][0]
    new_project = target.create_project("Na het terugzetten", start_date=dt.date(2026, 3, 1))
    assert target.create_stakeholder(new_project, "Nieuw") > highest


def test_restore_replaces_current_data_and_keeps_a_safety_copy(
    source: Store, target: Store, clock: Clock
) -> None:
    fill_every_kind(source, clock)
    target.create_project("Wat er eerst stond", start_date=dt.date(2026, 1, 1))
    before = dump_tables(target)

    result = backup.restore_backup(target, backup.write_backup(source))

    assert dump_tables(target) == dump_tables(source)
    assert result.safety_copy.parent == target.path.parent / "backups"
    assert "before-restore" in result.safety_copy.name
    # The safety copy is itself a backup that brings the old data back.
    backup.restore_backup(target, result.safety_copy.read_bytes())
    assert dump_tables(target) == before


# --- Refusals --------------------------------------------------------------------------------


def rebuild(
    data: bytes,
    *,
    manifest: Callable[[dict], None] | None = None,
    replace: dict[str, bytes] | None = None,
    fix_checksums: bool = True,
    raw_manifest: bytes | None = None,
) -> bytes:
    """A copy of a backup with its manifest or members changed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    content = json.loads(members[backup.MANIFEST_NAME])
    for name, new in (replace or {}).items():
        members[name] = new
        if fix_checksums:
            table = Path(name).stem
            content["tables"][table]["sha256"] = backup._sha256(new)
    if manifest:
        manifest(content)
    members[backup.MANIFEST_NAME] = raw_manifest or json.dumps(content).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, member in members.items():
            archive.writestr(name, member)
    return out.getvalue()


def parquet_of(sql: str, tmp_path: Path) -> bytes:
    path = tmp_path / "crafted.parquet"
    duckdb.connect().execute(f"COPY ({sql}) TO '{path}' (FORMAT parquet)")
    return path.read_bytes()


def flip_inside_member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    position = start + info.compress_size // 2
    return data[:position] + bytes([data[position] ^ 0xFF]) + data[position + 1 :]


def foreign_duckdb_file(tmp_path: Path) -> bytes:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE invoices (id INTEGER, amount DECIMAL(10, 2))")
    con.execute("INSERT INTO invoices VALUES (1, 10.5)")
    con.close()
    return path.read_bytes()


def other_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "holiday photos")
        archive.writestr("photo.jpg", b"\xff\xd8\xff\xe0")
    return out.getvalue()


BAD_BACKUPS: dict[str, tuple[str, Callable[[bytes, Path], bytes]]] = {
    "empty file": ("malformed", lambda good, tmp: b""),
    "random bytes": ("malformed", lambda good, tmp: b"this is not a backup at all" * 10),
    "first half": ("truncated", lambda good, tmp: good[: len(good) // 2]),
    "last bytes cut": ("truncated", lambda good, tmp: good[:-10]),
    "bit flipped in a table": (
        "damaged",
        lambda good, tmp: flip_inside_member(good, "tables/project.parquet"),
    ),
    "table swapped, checksum kept": (
        "damaged",
        lambda good, tmp: rebuild(
            good,
            replace={"tables/project.parquet": parquet_of("SELECT 1 AS id", tmp)},
            fix_checksums=False,
        ),
    ),
    "row count differs": (
        "damaged",
        lambda good, tmp: rebuild(
            good, manifest=lambda m: m["tables"]["stakeholder"].update(rows=99)
        ),
    ),
    "manifest not json": (
        "malformed",
        lambda good, tmp: rebuild(good, raw_manifest=b'{"format": "belangen-backup", oops'),
    ),
    "columns of another shape": (
        "malformed",
        lambda good, tmp: rebuild(
            good, replace={"tables/project.parquet": parquet_of("SELECT 1 AS id", tmp)}
        ),
    ),
    "rating out of range": (
        "malformed",
        lambda good, tmp: rebuild(
            good,
            replace={
                "tables/worksheet_entry.parquet": parquet_of(
                    "SELECT 1::BIGINT AS id, 1::BIGINT AS stakeholder_id, 'value' AS dimension, "
                    "'' AS reflection, 9 AS rating, NULL::INTEGER AS target, "
                    "TIMESTAMP '2026-03-01 10:00' AS saved_at",
                    tmp,
                )
            },
            manifest=lambda m: m["tables"]["worksheet_entry"].update(rows=1),
        ),
    ),
    "a DuckDB database file": ("foreign", lambda good, tmp: foreign_duckdb_file(tmp)),
    "a zip of other things": ("foreign", lambda good, tmp: other_zip()),
    "another application": (
        "foreign",
        lambda good, tmp: rebuild(good, manifest=lambda m: m.update(application="x")),
    ),
    "newer schema": (
        "newer_version",
        lambda good, tmp: rebuild(
            good, manifest=lambda m: m.update(schema_version=migrations.LATEST_VERSION + 1)
        ),
    ),
}


@pytest.mark.parametrize("kind", list(BAD_BACKUPS))
def test_bad_backup_is_refused_and_nothing_changes(
    kind: str, source: Store, target: Store, clock: Clock, tmp_path: Path
) -> None:
    reason, make = BAD_BACKUPS[kind]
    fill_every_kind(source, clock)
    good = backup.write_backup(source)
    bad = make(good, tmp_path)
    target.create_project("Mijn echte project", start_date=dt.date(2026, 1, 1))
    before = dump_tables(target)

    with pytest.raises(BackupRefused) as refused:
        backup.restore_backup(target, bad)

    assert refused.value.reason == reason, refused.value
    assert refused.value.message_key.startswith("backup.refused.")
    assert dump_tables(target) == before
    assert backup.list_safety_copies(target) == []
    assert target.create_project("Werkt nog", start_date=dt.date(2026, 1, 1))


def test_refusal_messages_exist_in_both_languages() -> None:
    from belangen.texts import TEXTS

    for reason in backup.REASONS:
        dutch, english = TEXTS[f"backup.refused.{reason}"]
        assert dutch and english


def test_an_older_backup_is_migrated_and_the_migration_made_a_copy(
    tmp_path: Path, clock: Clock, target: Store
) -> None:
    old_path = tmp_path / "old" / "belangen.duckdb"
    old_path.parent.mkdir()
    con = duckdb.connect(str(old_path))
    migrate(con, target=1, now=clock)
    con.execute(
        "INSERT INTO project (name, start_date, created_at, updated_at) "
        "VALUES ('Uit versie 1', DATE '2025-06-02', TIMESTAMP '2025-06-02 09:00', "
        "TIMESTAMP '2025-06-02 09:00')"
    )
    con.close()

    upgraded = Store(old_path, now=clock, before_migration=backup.before_migration_copy)
    upgraded.close()
    (copy,) = backup.list_safety_copies(upgraded)
    assert copy.reason == f"before-migration-v{migrations.LATEST_VERSION}"
    assert backup.inspect_backup(upgraded, copy.path.read_bytes()).schema_version == 1

    backup.restore_backup(target, copy.path.read_bytes())

    assert [p.name for p in target.list_projects()] == ["Uit versie 1"]
    versions = target.query_rows("SELECT version FROM schema_version ORDER BY version")
    assert versions[-1] == (migrations.LATEST_VERSION,)
    assert target.query_rows("SELECT count(*) FROM follow_up") == [(0,)]


def test_backup_sees_commits_still_in_the_wal(source: Store, target: Store) -> None:
    source.create_project("Nog in de WAL", start_date=dt.date(2026, 1, 1))
    wal = source.path.with_name(source.path.name + ".wal")
    assert wal.exists() and wal.stat().st_size > 0
    backup.restore_backup(target, backup.write_backup(source))
    assert [p.name for p in target.list_projects()] == ["Nog in de WAL"]


# --- Safety copies ---------------------------------------------------------------------------


def test_only_the_newest_copies_are_kept(source: Store, clock: Clock) -> None:
    folder = backup.backups_dir(source)
    folder.mkdir(parents=True)
    (folder / "mijn-eigen-notities.txt").write_text("niet weggooien")
    made = []
    for _ in range(5):
        made.append(backup.safety_copy(source, "manual", keep=3))
        clock.advance(hours=1)

    kept = [copy.path for copy in backup.list_safety_copies(source)]
    assert kept == made[-3:]
    assert (folder / "mijn-eigen-notities.txt").exists()


def test_keep_count_comes_from_the_environment(
    source: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(backup.KEEP_BACKUPS_ENV, "2")
    assert backup.keep_backups() == 2
    for _ in range(4):
        backup.safety_copy(source, "manual")
    assert len(backup.list_safety_copies(source)) == 2
    monkeypatch.setenv(backup.KEEP_BACKUPS_ENV, "veel")
    assert backup.keep_backups() == backup.DEFAULT_KEEP_BACKUPS
    monkeypatch.setenv(backup.KEEP_BACKUPS_ENV, "0")
    assert backup.keep_backups() == 1


def test_copies_in_the_same_second_do_not_overwrite_each_other(source: Store) -> None:
    first = backup.safety_copy(source, "manual")
    second = backup.safety_copy(source, "manual")
    assert first != second and first.exists() and second.exists()
    assert [c.path for c in backup.list_safety_copies(source)] == [first, second]


def test_daily_copy_at_most_once_per_calendar_day(source: Store, clock: Clock) -> None:
    first = backup.daily_safety_copy(source)
    assert first is not None and first.exists()
    clock.advance(hours=12)  # 22:30, same day
    assert backup.daily_safety_copy(source) is None
    clock.advance(hours=2)  # 00:30, the next day
    second = backup.daily_safety_copy(source)
    assert second is not None and second != first
    assert [c.reason for c in backup.list_safety_copies(source)] == ["daily", "daily"]


def test_safety_copy_restores_like_any_backup(source: Store, target: Store, clock: Clock) -> None:
    fill_every_kind(source, clock)
    copy = backup.safety_copy(source, "manual")
    backup.restore_backup(target, copy.read_bytes())
    assert dump_tables(target) == dump_tables(source)
