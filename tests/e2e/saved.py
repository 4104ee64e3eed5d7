"""What the running server has committed, read without stopping it.

The server holds the DuckDB file locked, and its newest commits may still sit in the `.wal`
beside it. Between two script runs the server writes nothing, so a copy of the file and its
WAL, opened read-only, replays exactly the committed state: the browser tests compare the
database with their model after every save without a restart.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb


@contextmanager
def committed_copy(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to a copy of the file and its WAL, taken now."""
    with tempfile.TemporaryDirectory(prefix="belangen-e2e-copy-") as folder:
        copy = Path(folder) / db_path.name
        shutil.copyfile(db_path, copy)
        wal = db_path.with_name(db_path.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
        con = duckdb.connect(str(copy), read_only=True,
                             config={"autoinstall_known_extensions": False,
                                     "autoload_known_extensions": False})
        try:
            yield con
        finally:
            con.close()


def saved_rows(db_path: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    """One query against what the server has committed so far."""
    with committed_copy(db_path) as con:
        return con.execute(sql, params or []).fetchall()
