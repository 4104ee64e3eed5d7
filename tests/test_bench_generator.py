"""The benchmark's data generator: reproducible, and its bulk path writes what the Store writes.

Timings are never asserted here; `make bench` measures them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from belangen.store import Store
from bench import generate

ANCHOR = dt.date(2026, 3, 2)  # a past Monday, so the generator's clock is fixed
TINY = generate.Size("tiny", projects=2, stakeholders=3, weeks=6)
TABLES = {
    "project": "id",
    "stakeholder": "id",
    "interest": "id",
    "worksheet_entry": "id",
    "action": "id",
    "follow_up": "id",
    "follow_up_rating": "follow_up_id, dimension",
    # The bulk path logs the actions of one save by id; save_follow_up in the order given.
    "change_log": "logged_at, row_id",
}


def _contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            table: con.execute(
                f"SELECT * EXCLUDE (id) FROM {table} ORDER BY {order}"
                if table == "change_log"
                else f"SELECT * FROM {table} ORDER BY {order}"
            ).fetchall()
            for table, order in TABLES.items()
        }
    finally:
        con.close()


def _generate(tmp_path: Path, name: str, size: generate.Size, seed: int = 7) -> Path:
    path = tmp_path / f"{name}.duckdb"
    generate.load(path, size, seed, ANCHOR, log=lambda message: None)
    return path


def test_same_seed_same_data(tmp_path: Path) -> None:
    first = _contents(_generate(tmp_path, "first", TINY))
    again = _contents(_generate(tmp_path, "again", TINY))
    other = _contents(_generate(tmp_path, "other", TINY, seed=8))
    assert first == again
    assert first["follow_up"] != other["follow_up"]
    assert len(first["project"]) == 2 and len(first["stakeholder"]) == 6
    # Weekly follow-ups, four ratings each, and actions carried out along the way.
    assert len(first["follow_up_rating"]) == 4 * len(first["follow_up"]) > 0
    assert any(row[5] == "done" for row in first["action"])


def test_bulk_load_writes_what_save_follow_up_writes(tmp_path: Path) -> None:
    one_by_one = _contents(_generate(tmp_path, "api", TINY))
    bulk = _contents(_generate(tmp_path, "bulk", generate.Size("tiny", 2, 3, 6, bulk=True)))
    assert bulk == one_by_one


def test_generated_file_opens_in_the_app_store(tmp_path: Path) -> None:
    path = _generate(tmp_path, "open", generate.Size("tiny", 2, 3, 6, bulk=True))
    db = Store(path)
    try:
        project_id = db.list_projects()[0].id
        history = db.rating_history(project_id)
        assert not history.empty
        # The sequences went past the bulk-loaded ids: a new save gets a fresh one.
        stakeholder_id = int(history["stakeholder_id"].iloc[0])
        saved = db.save_follow_up(stakeholder_id, db.today(), ratings=dict.fromkeys(
            ("genuine_interest", "value", "conversation", "negotiation"), 3))
        assert saved > db.query_rows("SELECT max(id) FROM follow_up WHERE id <> ?", [saved])[0][0]
    finally:
        db.close()


def test_only_busiest_keeps_that_project_alone(tmp_path: Path) -> None:
    full = _contents(_generate(tmp_path, "full", generate.Size("tiny", 2, 3, 6, bulk=True)))
    size = generate.Size("tiny", 2, 3, 6, only_busiest=True, bulk=True)
    visible = _contents(_generate(tmp_path, "visible", size))
    assert len(visible["project"]) == 1
    busiest_name = visible["project"][0][1]
    (busiest_id,) = [row[0] for row in full["project"] if row[1] == busiest_name]
    people = {row[0] for row in full["stakeholder"] if row[1] == busiest_id}
    assert len(visible["follow_up"]) == sum(1 for row in full["follow_up"] if row[1] in people)
