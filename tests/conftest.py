"""Shared fixtures: a real DuckDB file per test, and AppTest runs that start from clean caches.

Every test gets its own file, copied from one made (and migrated) once per session: creating
the schema step by step costs more than most tests themselves. The sample project is built once
per session the same way; tests that need it get a copy.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from belangen import sample
from belangen.store import Store
from tests.apptest import run_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database at the latest schema with no data, closed (so it has no WAL) to copy from."""
    path = tmp_path_factory.mktemp("template") / "empty.duckdb"
    Store(path).close()
    return path


@pytest.fixture(scope="session")
def sample_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project, loaded once per session (it ends in the week before today)."""
    path = tmp_path_factory.mktemp("template") / "sample.duckdb"
    db = Store(path)
    sample.load_sample_project(db)
    db.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty_database: Path) -> Path:
    """A fresh database file of the test's own, which the app under test will use."""
    path = tmp_path / "belangen.duckdb"
    shutil.copyfile(empty_database, path)
    monkeypatch.setenv("BELANGEN_DB", str(path))
    return path


@pytest.fixture
def absent_db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the app under test would make its database: no file there yet."""
    path = tmp_path / "belangen.duckdb"
    monkeypatch.setenv("BELANGEN_DB", str(path))
    return path


@pytest.fixture
def sample_store(db_path: Path, sample_database: Path) -> Iterator[Store]:
    """The test's own copy of the sample project's database, open."""
    shutil.copyfile(sample_database, db_path)
    db = Store(db_path)
    yield db
    db.close()


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    db = Store(db_path)
    yield db
    db.close()


@pytest.fixture
def fixed_store(tmp_path: Path) -> Iterator[tuple[Store, list[dt.datetime]]]:
    """A store whose clock the test sets: `clock[0] = datetime(...)`."""
    clock = [dt.datetime(2026, 11, 26, 10, 0)]
    db = Store(tmp_path / "fixed.duckdb", now=lambda: clock[0])  # its own clock from the start
    yield db, clock
    db.close()


@pytest.fixture(autouse=True)
def _clean_streamlit_caches() -> Iterator[None]:
    """Caches outlive AppTest runs in one process; each test starts without them."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def _no_unexpected_errors(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """app.py turns any error on a page into a short message (and a log record), so a test that
    only checks `at.exception` would miss it: every test fails on such a record unless it is
    marked `provokes_error`."""
    yield
    if request.node.get_closest_marker("provokes_error"):
        return
    unexpected = [
        record for record in caplog.get_records("call")
        if record.name == "belangen" and record.levelno >= logging.ERROR
    ]
    assert not unexpected, [caplog.text]


@pytest.fixture
def app(db_path: Path) -> AppTest:
    """The whole app, run once on an empty database."""
    at = run_app()
    assert not at.exception, at.exception
    return at
