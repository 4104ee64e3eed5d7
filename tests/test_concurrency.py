"""Streamlit runs every browser tab on its own thread, all sharing one Store: no errors, no lost
rows, and a save based on a stale version is refused instead of overwriting another tab's text."""

from __future__ import annotations

import datetime as dt
import random
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.db import at_once, dump_tables

from belangen import worksheet
from belangen.store import ConcurrentEdit, Store

THREADS = 8
OPERATIONS = 500
TODAY = dt.date(2026, 3, 4)


def fixed_now() -> dt.datetime:
    return dt.datetime(2026, 3, 4, 12, 0)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "tabs.duckdb", now=fixed_now)
    yield store
    store.close()


@pytest.mark.slow
def test_eight_tabs_mixed_reads_and_writes_lose_nothing(store: Store) -> None:
    project_id = store.create_project("Tabs", start_date=dt.date(2026, 1, 1))
    mine = {n: store.create_stakeholder(project_id, f"Tab {n}") for n in range(THREADS)}
    written: dict[int, Counter[str]] = {n: Counter() for n in range(THREADS)}
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def tab(n: int) -> None:
        rng = random.Random(n)
        sid = mine[n]
        seen: dict[str, int | None] = dict.fromkeys(worksheet.DIMENSION_KEYS)
        try:
            start.wait()
            for i in range(OPERATIONS):
                choice = rng.random()
                if choice < 0.15:
                    store.add_interest(sid, f"interest {n}/{i}")
                    written[n]["interest"] += 1
                elif choice < 0.30:
                    dim = rng.choice(worksheet.DIMENSION_KEYS)
                    seen[dim] = store.save_worksheet_entry(
                        sid, dim, reflection=f"r {n}/{i}", rating=rng.randint(1, 5),
                        based_on=seen[dim],
                    )
                    written[n]["worksheet_entry"] += 1
                elif choice < 0.42:
                    store.save_follow_up(
                        sid, TODAY, ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 3),
                        reflection=f"f {n}/{i}",
                    )
                    written[n]["follow_up"] += 1
                elif choice < 0.50:
                    store.add_action(sid, "value", f"action {n}/{i}")
                    written[n]["action"] += 1
                elif choice < 0.55:
                    current = store.get_stakeholder(sid)
                    store.update_stakeholder(
                        sid, current.revision, name=current.name, role=f"role {i}",
                        constituency="", notes=f"notes {n}/{i}",
                    )
                    written[n]["update"] += 1
                elif choice < 0.555:
                    temp = store.create_stakeholder(project_id, f"temp {n}/{i}")
                    store.delete_stakeholder(temp)  # rewrites the file under everyone's feet
                    written[n]["deleted"] += 1
                else:
                    reads: list[Callable[[], object]] = [
                        lambda: store.list_stakeholders(project_id),
                        lambda: store.rating_history(project_id),
                        lambda: store.latest_worksheet(sid),
                        lambda: store.list_interests(sid),
                        lambda: store.open_actions(project_id),
                        lambda: store.follow_up_status(project_id, TODAY),
                    ]
                    rng.choice(reads)()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=tab, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors[:3]

    for n, sid in mine.items():
        counts = dict(
            store.query_rows("SELECT 'interest', count(*) FROM interest WHERE stakeholder_id = ?",
                             [sid])
            + store.query_rows(
                "SELECT 'worksheet_entry', count(*) FROM worksheet_entry WHERE stakeholder_id = ?",
                [sid],
            )
            + store.query_rows(
                "SELECT 'follow_up', count(*) FROM follow_up WHERE stakeholder_id = ?", [sid]
            )
            + store.query_rows(
                "SELECT 'action', count(*) FROM action WHERE stakeholder_id = ?", [sid]
            )
        )
        for table in ("interest", "worksheet_entry", "follow_up", "action"):
            assert counts[table] == written[n][table], (n, table)
        assert store.get_stakeholder(sid).revision == 1 + written[n]["update"]
        (ratings,) = store.query_rows(
            "SELECT count(*) FROM follow_up_rating WHERE follow_up_id IN "
            "(SELECT id FROM follow_up WHERE stakeholder_id = ?)", [sid])[0]
        assert ratings == 4 * written[n]["follow_up"]
    assert [s.id for s in store.list_stakeholders(project_id)] == sorted(mine.values())


@pytest.fixture
def opened(store: Store) -> dict[str, int]:
    project_id = store.create_project("Two tabs", start_date=dt.date(2026, 1, 1))
    sid = store.create_stakeholder(project_id, "Shared")
    return {
        "project": project_id,
        "stakeholder": sid,
        "interest": store.add_interest(sid, "budget"),
        "action": store.add_action(sid, "value", "evaluate"),
        "entry": store.save_worksheet_entry(sid, "value", reflection="first", rating=2),
    }


def test_stale_worksheet_save_is_refused_and_writes_nothing(
    store: Store, opened: dict[str, int]
) -> None:
    sid = opened["stakeholder"]
    on_screen_in_both_tabs = store.latest_worksheet(sid)["value"].id
    store.save_worksheet_entry(
        sid, "value", reflection="tab A", rating=3, based_on=on_screen_in_both_tabs
    )
    before = dump_tables(store)
    with pytest.raises(ConcurrentEdit):
        store.save_worksheet_entry(
            sid, "value", reflection="tab B", rating=5, based_on=on_screen_in_both_tabs
        )
    assert dump_tables(store) == before
    assert store.latest_worksheet(sid)["value"].reflection == "tab A"
    # A first version saved in two tabs at once: the second is stale too.
    with pytest.raises(ConcurrentEdit):
        store.save_worksheet_entry(sid, "value", reflection="tab C", rating=1, based_on=None)


def _stale_updates(store: Store, ids: dict[str, int]) -> dict[str, Callable[[int], None]]:
    return {
        "project": lambda rev: store.update_project(
            ids["project"], rev, name="Two tabs", description="edited", own_goal="",
            start_date=dt.date(2026, 1, 1)),
        "stakeholder": lambda rev: store.update_stakeholder(
            ids["stakeholder"], rev, name="Shared", role="edited", constituency="", notes=""),
        "interest": lambda rev: store.update_interest(
            ids["interest"], rev, text="edited", kind="political", status="suspected",
            signals=""),
        "action": lambda rev: store.update_action(
            ids["action"], rev, text="edited", planned_week=None, status="planned"),
    }


@pytest.mark.parametrize("kind", ["project", "stakeholder", "interest", "action"])
def test_stale_revision_is_refused_and_writes_nothing(
    store: Store, opened: dict[str, int], kind: str
) -> None:
    update = _stale_updates(store, opened)[kind]
    getter = {"project": store.get_project, "stakeholder": store.get_stakeholder,
              "interest": store.get_interest, "action": store.get_action}[kind]
    opened_revision = getter(opened[kind]).revision
    update(opened_revision)  # tab A saves
    before = dump_tables(store)
    with pytest.raises(ConcurrentEdit):
        update(opened_revision)  # tab B still shows the old version
    assert dump_tables(store) == before


@pytest.mark.parametrize("kind", ["project", "stakeholder", "interest", "action"])
def test_simultaneous_saves_of_one_row_one_wins_one_is_told(
    store: Store, opened: dict[str, int], kind: str
) -> None:
    """Both tabs pass the revision check at the same moment: DuckDB's write conflict must
    reach the tab as ConcurrentEdit, not as a raw database error."""
    update = _stale_updates(store, opened)[kind]
    getter = {"project": store.get_project, "stakeholder": store.get_stakeholder,
              "interest": store.get_interest, "action": store.get_action}[kind]
    for _ in range(10):
        revision = getter(opened[kind]).revision
        outcomes = [
            "told" if isinstance(outcome, ConcurrentEdit)
            else repr(outcome) if isinstance(outcome, BaseException) else "saved"
            for outcome in at_once(lambda revision=revision: update(revision))
        ]
        assert sorted(outcomes) == ["saved", "told"], outcomes
        assert getter(opened[kind]).revision == revision + 1
