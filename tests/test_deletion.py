"""Deleted means deleted: after delete_stakeholder none of its text can be read from the bytes
of the database file or its WAL, neither while the app keeps running nor after it stopped."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from belangen import worksheet
from belangen.store import Store

TODAY = dt.date(2026, 3, 4)


def _on_disk(path: Path, marker: str) -> dict[str, int]:
    """How often the marker occurs in the raw bytes of each database file on disk."""
    found = {}
    for file in path.parent.iterdir():
        if file.name.startswith(path.name):
            data = file.read_bytes()
            found[file.name] = data.count(marker.encode()) + data.count(marker.encode("utf-16-le"))
    return {name: n for name, n in found.items() if n}


def _fill(store: Store, project_id: int, marker: str, name: str) -> int:
    """A stakeholder whose every text field, history and follow-up carries the marker."""
    sid = store.create_stakeholder(project_id, f"{name} {marker}", role=f"role {marker}",
                                   constituency=f"c {marker}", notes=f"notes {marker}")
    store.update_stakeholder(sid, None, name=f"{name} {marker}", role="", constituency="",
                             notes=f"edited notes {marker}")  # old version goes to change_log
    interest = store.add_interest(sid, f"interest {marker}", signals=f"signals {marker}")
    store.update_interest(interest, None, text=f"interest v2 {marker}", kind="political",
                          status="confirmed", signals="")
    entry = store.save_worksheet_entry(sid, "value", reflection=f"refl {marker}", rating=2)
    store.save_worksheet_entry(sid, "value", reflection=f"refl2 {marker}", rating=3,
                               based_on=entry)
    action = store.add_action(sid, "value", f"action {marker}")
    store.save_follow_up(
        sid, TODAY, ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 4),
        reflection=f"follow-up {marker}", actions_done={action: f"outcome {marker}"},
        new_action={"row_key": "conversation", "text": f"next {marker}"},
    )
    return sid


def test_deleted_stakeholder_text_is_gone_from_the_files(tmp_path: Path) -> None:
    path = tmp_path / "delete.duckdb"
    store = Store(path, now=lambda: dt.datetime(2026, 3, 4, 12))
    project_id = store.create_project("Delete", start_date=dt.date(2026, 1, 1))
    doomed_marker = "GONE" + secrets.token_hex(12)
    kept_marker = "KEPT" + secrets.token_hex(12)
    doomed = _fill(store, project_id, doomed_marker, "Doomed")
    _fill(store, project_id, kept_marker, "Kept")
    store.checkpoint()  # the doomed text now sits in the file's data blocks, not just the WAL
    assert _on_disk(path, doomed_marker), "test setup: the marker never reached the disk"

    store.delete_stakeholder(doomed)
    assert _on_disk(path, doomed_marker) == {}, "readable on disk while the app runs"
    # Everything else is still there, and the store keeps working after the rewrite.
    assert [s.name for s in store.list_stakeholders(project_id)] == [f"Kept {kept_marker}"]
    assert _on_disk(path, kept_marker)
    store.create_stakeholder(project_id, "After")
    store.close()
    assert _on_disk(path, doomed_marker) == {}, "readable on disk after closing"

    reopened = Store(path)
    try:
        names = [s.name for s in reopened.list_stakeholders(project_id)]
        assert names == ["After", f"Kept {kept_marker}"]
    finally:
        reopened.close()


def test_delete_leaves_no_stray_files(tmp_path: Path) -> None:
    path = tmp_path / "delete.duckdb"
    store = Store(path)
    project_id = store.create_project("P")
    store.delete_stakeholder(store.create_stakeholder(project_id, "X"))
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["delete.duckdb"]


def test_text_replaced_by_a_restore_is_gone_from_the_files(tmp_path: Path) -> None:
    """Restoring a backup replaces all data; what it replaced must not linger on disk either."""
    from belangen import backup

    path = tmp_path / "restore.duckdb"
    store = Store(path, now=lambda: dt.datetime(2026, 3, 4, 12))
    project_id = store.create_project("Restore", start_date=dt.date(2026, 1, 1))
    kept_marker = "KEPT" + secrets.token_hex(12)
    _fill(store, project_id, kept_marker, "Kept")
    saved = backup.write_backup(store)
    replaced_marker = "GONE" + secrets.token_hex(12)
    _fill(store, project_id, replaced_marker, "Later")
    store.checkpoint()
    assert _on_disk(path, replaced_marker), "test setup: the marker never reached the disk"

    backup.restore_backup(store, saved)
    assert _on_disk(path, replaced_marker) == {}, "replaced text readable on disk after restore"
    assert _on_disk(path, kept_marker)
    store.close()
