"""Shared helpers for the storage tests: a full, comparable dump of every table."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from belangen.store import Store


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
