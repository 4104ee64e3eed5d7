"""The measurements, each run in its own process by `python -m bench` so none disturbs another.

`python -m bench.measure pages|memory|saves ...` prints one JSON object on its last line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import duckdb

from belangen import screens

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
FIRST_RUN_TIMEOUT = 300.0


def navigation_pages() -> list[str]:
    """Every screen's script, in menu order: the registry app.py builds its navigation from, so
    a screen added there is measured without touching the benchmark."""
    return [screen.path for screen in screens.SCREENS]


def busiest(path: Path) -> tuple[int, int]:
    """The project with the most follow-ups, and its stakeholder with the most."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        project_id, stakeholder_id = con.execute(
            "WITH counts AS (SELECT s.project_id, s.id, count(f.id) AS n FROM stakeholder s "
            "LEFT JOIN follow_up f ON f.stakeholder_id = s.id WHERE NOT s.archived GROUP BY ALL), "
            "projects AS (SELECT project_id, sum(n) AS total FROM counts GROUP BY ALL) "
            "SELECT c.project_id, c.id FROM counts c JOIN projects p USING (project_id) "
            "ORDER BY p.total DESC, c.project_id, c.n DESC, c.id LIMIT 1"
        ).fetchall()[0]
    finally:
        con.close()
    return int(project_id), int(stakeholder_id)


def summary(samples: list[float]) -> dict[str, Any]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else None
    return {"median": statistics.median(ordered) if ordered else None, "p95": p95,
            "n": len(ordered), "samples": samples}


def peak_rss_mb() -> float:
    """This process's RSS high-water mark (VmHWM). Not `ru_maxrss`: Linux keeps that across
    fork and exec, so a child would report its parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- page reruns -------------------------------------------------------------------------------


def _clear_streamlit_caches() -> None:
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


def _open_page(page: str, path: Path, ids: tuple[int, int]) -> tuple[Any, str]:
    """An AppTest on `page`, with the busiest project and stakeholder active."""
    from streamlit.testing.v1 import AppTest

    from belangen import ui

    os.environ["BELANGEN_DB"] = str(path)
    at = AppTest.from_file(str(APP), default_timeout=FIRST_RUN_TIMEOUT)
    at.session_state[ui.PROJECT_KEY] = ids[0]
    at.session_state[ui.STAKEHOLDER_KEY] = ids[1]
    at.query_params[ui.STAKEHOLDER_PARAM] = str(ids[1])
    at.run(timeout=FIRST_RUN_TIMEOUT)
    at.switch_page(page).run(timeout=FIRST_RUN_TIMEOUT)
    error = "; ".join(str(e.message)[:200] for e in at.exception) if at.exception else ""
    return at, error


def measure_pages(dbs: dict[str, Path], rounds: int) -> dict[str, Any]:
    """Median and p95 of a rerun, per page and size, interleaved to spread drift evenly."""
    _clear_streamlit_caches()
    pages = navigation_pages()
    ids = {size: busiest(path) for size, path in dbs.items()}
    tests: dict[tuple[str, str], Any] = {}
    errors: dict[str, dict[str, str]] = {page: {} for page in pages}
    first_runs: dict[str, dict[str, float]] = {page: {} for page in pages}
    for page in pages:
        for size, path in dbs.items():
            started = time.perf_counter()
            at, error = _open_page(page, path, ids[size])
            first_runs[page][size] = time.perf_counter() - started
            tests[page, size] = at
            if error:
                errors[page][size] = error
    samples: dict[str, dict[str, list[float]]] = {p: {s: [] for s in dbs} for p in pages}
    sizes = list(dbs)
    for round_number in range(rounds + 1):  # round 0 warms up
        order = sizes[round_number % len(sizes):] + sizes[:round_number % len(sizes)]
        for page in pages:
            for size in order:
                at = tests[page, size]
                os.environ["BELANGEN_DB"] = str(dbs[size])
                started = time.perf_counter()
                at.run(timeout=FIRST_RUN_TIMEOUT)
                elapsed = time.perf_counter() - started
                if at.exception and size not in errors[page]:
                    errors[page][size] = "; ".join(str(e.message)[:200] for e in at.exception)
                if round_number:
                    samples[page][size].append(elapsed)
    return {
        "pages": pages,
        "ids": ids,
        "reruns": {page: {size: summary(values) for size, values in by_size.items()}
                   for page, by_size in samples.items()},
        "first_runs": first_runs,
        "errors": errors,
    }


def measure_memory(path: Path, reruns: int) -> dict[str, Any]:
    """Peak RSS of one app process serving the L database, every page drawn."""
    _clear_streamlit_caches()
    ids = busiest(path)
    before = peak_rss_mb()
    for page in navigation_pages():
        at, _ = _open_page(page, path, ids)
        for _ in range(reruns):
            at.run(timeout=FIRST_RUN_TIMEOUT)
    return {"peak_rss_mb": peak_rss_mb(), "rss_after_imports_mb": before}


# --- saving a follow-up ------------------------------------------------------------------------


def measure_saves(dbs: dict[str, Path], repeats: int) -> dict[str, Any]:
    """Time `Store.save_follow_up` for this week, taking the busiest project's people in turn."""
    from belangen import worksheet
    from belangen.store import Store

    projects = {size: busiest(path)[0] for size, path in dbs.items()}
    stores = {size: Store(path) for size, path in dbs.items()}
    people = {size: [s.id for s in stores[size].list_stakeholders(projects[size])]
              for size in dbs}
    samples: dict[str, list[float]] = {size: [] for size in dbs}
    sizes = list(dbs)
    try:
        for number in range(repeats + 3):  # three warm-up saves each
            order = sizes if number % 2 else sizes[::-1]
            for size in order:
                db = stores[size]
                stakeholder_id = people[size][number % len(people[size])]
                ratings = {key: 1 + (number + i) % 5
                           for i, key in enumerate(worksheet.DIMENSION_KEYS)}
                started = time.perf_counter()
                db.save_follow_up(stakeholder_id, db.today(), ratings=ratings,
                                  reflection=f"Benchmark save {number}",
                                  new_action={"row_key": "value", "text": "Evaluatie plannen",
                                              "planned_week": None})
                elapsed = time.perf_counter() - started
                if number >= 3:
                    samples[size].append(elapsed)
    finally:
        for db in stores.values():
            db.close()
    return {"saves": {size: summary(values) for size, values in samples.items()}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("pages", "memory", "saves"))
    parser.add_argument("--db", action="append", default=[], help="SIZE=PATH")
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args(argv)
    dbs = {size: Path(path) for size, path in (item.split("=", 1) for item in args.db)}
    if args.what == "pages":
        result = measure_pages(dbs, args.repeats)
    elif args.what == "memory":
        result = measure_memory(dbs["L"], args.repeats)
    else:
        result = measure_saves(dbs, args.repeats)
    sys.stdout.flush()
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
