"""Issue 11, finding 8: DuckDB installs and loads known extensions by itself when a query needs
one (a SQLite or HTTP reader), downloading them from the internet. Nothing may leave this
machine, so every connection the app opens has both switched off, and cannot switch them on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from belangen import backup, worksheet
from belangen.store import Store

OFF = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """Every `duckdb.connect` the code under test makes, with the config it passed (a spy on the
    real function: the connections are real)."""
    calls: list[tuple[str, dict[str, Any]]] = []
    real_connect = duckdb.connect

    def spy(database: str = ":memory:", *args: Any, **kwargs: Any) -> duckdb.DuckDBPyConnection:
        calls.append((str(database), dict(kwargs.get("config") or {})))
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(duckdb, "connect", spy)
    yield calls


def settings(store: Store) -> dict[str, bool]:
    rows = store.query_rows(
        "SELECT name, value FROM duckdb_settings() WHERE name IN "
        "('autoinstall_known_extensions', 'autoload_known_extensions')"
    )
    return {name: value == "true" for name, value in rows}


def test_every_connection_the_app_opens_has_extension_fetching_off(
    tmp_path: Path, opened: list[tuple[str, dict[str, Any]]]
) -> None:
    """Open, write, delete (rewrites the file), back up, inspect, restore (scratch database)."""
    store = Store(tmp_path / "belangen.duckdb", now=lambda: dt.datetime(2026, 3, 4, 12))
    project_id = store.create_project("Extensies", start_date=dt.date(2026, 1, 5))
    person = store.create_stakeholder(project_id, "Wethouder Jansen")
    store.save_worksheet_entry(person, worksheet.VALUE.key, reflection="x", rating=3)
    saved = backup.write_backup(store)
    store.delete_stakeholder(store.create_stakeholder(project_id, "Tijdelijk"))
    backup.inspect_backup(store, saved)
    backup.restore_backup(store, saved)
    assert settings(store) == dict.fromkeys(OFF, False)
    store.close()

    assert len(opened) >= 4, f"the spy saw too few connections: {opened}"
    for database, config in opened:
        assert {key: config.get(key) for key in OFF} == OFF, database


def test_a_query_that_needs_an_extension_is_refused_without_a_download(store: Store) -> None:
    sqlite_file = store.path.with_name("other.sqlite")
    sqlite_file.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    with pytest.raises(duckdb.Error) as refused:
        store.query_rows(f"SELECT * FROM sqlite_scan('{sqlite_file}', 't')")
    message = str(refused.value).lower()
    assert "download" not in message and "automatically install" not in message, message


def test_the_setting_cannot_be_switched_back_on(store: Store) -> None:
    with pytest.raises(duckdb.Error):
        store.query_rows("SET autoinstall_known_extensions = true")
    assert settings(store) == dict.fromkeys(OFF, False)
