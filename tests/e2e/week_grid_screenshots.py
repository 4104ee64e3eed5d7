"""Screenshots of the Weekcheck's grid (issue 15) for a human to look at: 8 and 40 stakeholders
still to do, Dutch and English, 1280 and 400 px wide, and after changing one row.

    .venv/bin/python -m tests.e2e.week_grid_screenshots [OUTDIR]   (default /tmp/belangen-grid)

Not a test (pytest does not collect it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from belangen import worksheet
from belangen.store import Store
from tests.factories import week_logged_last_week

from . import flows
from .screenshots import every_tab, language_query, report, served, shoot


def seed_grid(db_path: Path, count: int, ids: dict[str, int]) -> None:
    """`count` stakeholders with last week logged; their ids go into `ids`."""
    db = Store(db_path)
    try:
        ids.update(week_logged_last_week(db, count))
    finally:
        db.close()


def run(outdir: Path, counts: tuple[int, ...] = (8, 40)) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    for count in counts:
        ids: dict[str, int] = {}
        with served("belangen-grid-", lambda db_path, n=count, into=ids: seed_grid(
                db_path, n, into)) as (server, browser):
            for lang, size, app, _log in every_tab(browser, server):
                query = language_query(lang)
                sep = "&" if query else "?"
                app.open(f"/follow_up{query}{sep}view=grid")
                label = f"{lang}-{size}-{count}"
                shoot(app, outdir, f"grid-{label}", notes)
                if count == 8:
                    with flows.speaking(lang):
                        first = min(v for k, v in ids.items() if k != "project")
                        form = f"fu_grid_{first}_{flows.this_week().isoformat()}"
                        app.choose_select(
                            flows.field(app, form, f"rating_{worksheet.VALUE.key}"),
                            flows.rating_option(worksheet.VALUE, 5))
                    shoot(app, outdir, f"grid-{label}-changed", notes)
    return notes


def main(argv: list[str]) -> int:
    outdir = Path(argv[0]) if argv else Path("/tmp/belangen-grid")
    return report(run(outdir, tuple(int(n) for n in argv[1:]) or (8, 40)))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
