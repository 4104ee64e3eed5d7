"""Shared helpers for the storage tests: a full, comparable dump of every table, and saves
from several threads at once."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from belangen.store import Store


def at_once(work: Callable[[], object], threads: int = 2) -> list[object]:
    """`work` on several threads released at the same moment, as two tabs pressing save together:
    what each returned, or the exception it raised (the caller tells them apart)."""
    barrier = threading.Barrier(threads)
    outcomes: list[object] = []

    def run() -> None:
        barrier.wait()
        try:
            outcomes.append(work())
        except BaseException as error:  # the test judges it
            outcomes.append(error)

    started = [threading.Thread(target=run) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return outcomes


def dump_tables(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: equal dumps mean nothing changed."""
    tables = [
        name
        for (name,) in store.query_rows(
            "SELECT table_name FROM duckdb_tables() "
            "WHERE database_name = current_database() ORDER BY table_name"
        )
    ]
    return {
        table: store.query_rows(f'SELECT * FROM "{table}" ORDER BY ALL') for table in tables
    }


def file_digest(path: Path) -> str:
    """SHA-256 of a file, or of a directory listing, to prove a refusal changed nothing."""
    if path.is_dir():
        listing = sorted((p.name, p.stat().st_size) for p in path.iterdir())
        return hashlib.sha256(repr(listing).encode()).hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()
