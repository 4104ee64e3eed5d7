"""Issue 11, finding 6: a backup "bomb" (a small zip that unpacks to a gigabyte, with a manifest
whose checksums match) is refused before it is unpacked, and an uploaded backup is checked once,
not again on every rerun while it sits in the uploader."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import struct
import tomllib
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from belangen import backup, screens
from belangen.backup import BackupRefused
from belangen.store import Store

ROOT = Path(__file__).resolve().parent.parent
MiB = 1024**2


@pytest.fixture
def db(tmp_path: Path):
    store = Store(tmp_path / "belangen.duckdb", now=lambda: dt.datetime(2026, 3, 12, 10, 30))
    store.create_project("Echt project", start_date=dt.date(2026, 1, 5))
    yield store
    store.close()


def bomb(real: bytes, table: str, padding: int) -> bytes:
    """The real backup with one table's file grown by `padding` zero bytes, written in chunks
    (deflate shrinks them ~1000:1), and the manifest's checksum made to match."""
    source = zipfile.ZipFile(io.BytesIO(real))
    manifest = json.loads(source.read(backup.MANIFEST_NAME))
    entry = manifest["tables"][table]
    content = source.read(entry["file"])
    digest = hashlib.sha256(content)
    chunk = bytes(MiB)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            if name in (backup.MANIFEST_NAME, entry["file"]):
                continue
            archive.writestr(name, source.read(name))
        with archive.open(entry["file"], "w", force_zip64=True) as member:
            member.write(content)
            for _ in range(padding // MiB):
                member.write(chunk)
                digest.update(chunk)
        entry["sha256"] = digest.hexdigest()
        archive.writestr(backup.MANIFEST_NAME, json.dumps(manifest))
    return buffer.getvalue()


def leftovers(store: Store) -> list[Path]:
    """Every file in the database's folder that is not the database, its WAL or a copy."""
    return [
        path for path in store.path.parent.rglob("*")
        if path.is_file() and not path.name.startswith(store.path.name)
        and "backups" not in path.parts
    ]


@pytest.mark.slow
def test_a_small_zip_that_unpacks_to_a_gigabyte_is_refused_unread(db: Store) -> None:
    data = bomb(backup.write_backup(db), "project", 1024 * MiB)
    assert len(data) < 2 * MiB, "test setup: the bomb should be small"
    for check in (lambda: backup.inspect_backup(db, data),
                  lambda: backup.restore_backup(db, data)):
        with pytest.raises(BackupRefused) as refused:
            check()
        assert refused.value.reason == "too_large"
    assert leftovers(db) == []
    assert [p.name for p in db.list_projects()] == ["Echt project"]


def test_a_highly_compressed_member_is_refused_even_when_small(db: Store) -> None:
    """A ratio far beyond what Parquet ever reaches gives away a bomb without unpacking it."""
    data = bomb(backup.write_backup(db), "project", 32 * MiB)
    with pytest.raises(BackupRefused) as refused:
        backup.inspect_backup(db, data)
    assert refused.value.reason == "too_large"


def with_declared_size(data: bytes, name: str, size: int) -> bytes:
    """The zip with the central directory claiming `size` unpacked bytes for member `name`
    (a bomb can claim anything; it is also what the unpacking stops at)."""
    raw = bytearray(data)
    start = raw.find(b"PK\x01\x02")
    while start != -1:
        name_length = struct.unpack_from("<H", raw, start + 28)[0]
        if raw[start + 46:start + 46 + name_length].decode() == name:
            struct.pack_into("<I", raw, start + 24, size)
            return bytes(raw)
        start = raw.find(b"PK\x01\x02", start + 4)
    raise AssertionError(f"{name} not in the zip")


def test_a_backup_claiming_more_than_the_limit_is_refused_before_reading(db: Store) -> None:
    real = backup.write_backup(db)
    data = with_declared_size(real, "tables/project.parquet", backup.MAX_UNPACKED_BYTES + 1)
    with pytest.raises(BackupRefused) as refused:
        backup.inspect_backup(db, data)
    assert refused.value.reason == "too_large"


def test_an_upload_larger_than_the_server_takes_is_refused(db: Store) -> None:
    data = backup.write_backup(db) + bytes(backup.MAX_BACKUP_BYTES)
    with pytest.raises(BackupRefused) as refused:
        backup.inspect_backup(db, data)
    assert refused.value.reason == "too_large"


def test_the_server_takes_uploads_no_larger_than_a_backup_may_be() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * MiB == backup.MAX_BACKUP_BYTES
    assert backup.MAX_BACKUP_BYTES <= 100 * MiB  # noqa: SIM300 (reads as a limit)


def test_real_backups_pass_the_limits(db: Store) -> None:
    from belangen.sample import load_sample_project

    load_sample_project(db)
    info = backup.inspect_backup(db, backup.write_backup(db))
    assert info.row_counts["project"] == 2


def test_an_uploaded_backup_is_checked_once_not_on_every_rerun(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(db_path)
    store.create_project("In de reservekopie", start_date=dt.date(2026, 1, 5))
    data = backup.write_backup(store)
    store.close()
    checks: list[int] = []
    real_inspect = backup.inspect_backup
    monkeypatch.setattr(backup, "inspect_backup",
                        lambda *args, **kwargs: checks.append(1) or real_inspect(*args, **kwargs))

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.run()
    app.switch_page(screens.DATA.path).run()
    app.get("file_uploader")[0].upload("reservekopie.zip", data, "application/zip").run()
    assert not app.exception, app.exception
    assert any("1 project" in info.value for info in app.info), [i.value for i in app.info]
    for _ in range(3):  # other clicks on the page rerun it; the file stays in the uploader
        app.checkbox(key="data_include_hidden").check().run()
        app.checkbox(key="data_include_hidden").uncheck().run()
    assert any("1 project" in info.value for info in app.info)
    assert len(checks) == 1, f"the backup was checked {len(checks)} times"
