"""Screenshots of the Weekcheck's grid (issue 15) for a human to look at: 8 and 40 stakeholders
still to do, Dutch and English, 1280 and 400 px wide, and after changing one row.

    .venv/bin/python -m tests.e2e.week_grid_screenshots [OUTDIR]   (default /tmp/belangen-grid)

Not a test (pytest does not collect it).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from belangen import worksheet
from belangen.store import Store
from tests.factories import week_logged_last_week

from . import flows
from .harness import AppPage, AppServer, launch_chromium, new_context
from .screenshots import LANGUAGES, VIEWPORTS, language_query, shoot


def run(outdir: Path, counts: tuple[int, ...] = (8, 40)) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    for count in counts:
        with tempfile.TemporaryDirectory(prefix="belangen-grid-") as folder:
            server = AppServer(Path(folder) / "belangen.duckdb", Path(folder) / "streamlit.log")
            db = Store(server.db_path)
            try:
                ids = week_logged_last_week(db, count)
            finally:
                db.close()
            server.start()
            try:
                with sync_playwright() as playwright:
                    browser = launch_chromium(playwright)
                    for lang in LANGUAGES:
                        for size, viewport in VIEWPORTS.items():
                            context, _ = new_context(browser, server, viewport)
                            app = AppPage(context.new_page(), server.base_url)
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
                            context.close()
                    browser.close()
            finally:
                server.stop()
    return notes


def main(argv: list[str]) -> int:
    outdir = Path(argv[0]) if argv else Path("/tmp/belangen-grid")
    notes = run(outdir, tuple(int(n) for n in argv[1:]) or (8, 40))
    for note in notes:
        print("NOTE", note)
    return 1 if notes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
