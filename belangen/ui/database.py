"""The process-wide store, the daily safety copy, and emptying the caches after a write."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import streamlit as st

from belangen import backup
from belangen.store import (
    DatabaseUnavailable,
    Store,
    configured_clock,
    configured_db_path,
)
from belangen.ui.language import tr
from belangen.ui.navigation import _leave_legacy_page_discovery
from belangen.ui.text import plain


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    return Store(Path(path), now=configured_clock(),
                 before_migration=backup.before_migration_copy)


@st.cache_resource(show_spinner=False, max_entries=2)
def _daily_safety_copy(path: str, day: str) -> threading.Thread:
    """Once per database and calendar day in this process (the cache keys on the day), on a
    thread of its own: copying years of notes takes a noticeable part of a second, and the first
    page of the day should not wait for it. The copy reads one snapshot, so saves go on."""
    worker = threading.Thread(target=_copy_quietly, args=(_open_store(path),), daemon=True,
                              name="belangen-daily-copy")
    worker.start()
    return worker


def _copy_quietly(store: Store) -> None:
    try:
        backup.daily_safety_copy(store)
    except Exception as error:  # a failed copy must not break the app
        print(f"Belangen: the daily safety copy failed ({error}); retried next start",
              file=sys.stderr)


def get_store() -> Store:
    """The process-wide store; on a file that cannot be used, explain and stop the page."""
    _leave_legacy_page_discovery()
    path = configured_db_path()
    try:
        store = _open_store(str(path))
        _daily_safety_copy(str(path), store.today().isoformat())
        return store
    except DatabaseUnavailable as problem:
        key = f"db.{problem.reason}"
        # The terminal gets the path as it is; the page, where it would be Markdown, literally.
        print(f"Belangen: {tr(key, path=str(problem.path), **problem.params)}", file=sys.stderr)
        st.error(tr(key, path=plain(str(problem.path)), **problem.params),
                 icon=":material/database:")
        st.stop()
        raise  # st.stop() does not return; this keeps type checkers honest.


def clear_caches() -> None:
    """Call after every write so cached reads never show stale data."""
    st.cache_data.clear()
