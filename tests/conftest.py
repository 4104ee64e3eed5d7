"""Shared fixtures: a real DuckDB file per test, and AppTest runs that start from clean caches."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from belangen.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh database file the app under test will use."""
    path = tmp_path / "belangen.duckdb"
    monkeypatch.setenv("BELANGEN_DB", str(path))
    return path


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    db = Store(db_path)
    yield db
    db.close()


@pytest.fixture
def fixed_store(tmp_path: Path) -> Iterator[tuple[Store, list[dt.datetime]]]:
    """A store whose clock the test sets: `clock[0] = datetime(...)`."""
    clock = [dt.datetime(2026, 11, 26, 10, 0)]
    db = Store(tmp_path / "fixed.duckdb", now=lambda: clock[0])
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
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at
