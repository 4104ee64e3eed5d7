"""Screenshots of the set-up screens (issue 15) for a human to look at: the Stakeholders page
with its register and the Werkblad with an action form asked for, on the sample project, and the
next step after creating a project; NL and EN, 1280 and 400 px wide.

    .venv/bin/python -m tests.e2e.setup_screenshots [OUTDIR]     (default /tmp/setup-shots)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from . import flows
from .harness import AppPage, AppServer, launch_chromium, new_context
from .screenshots import LANGUAGES, VIEWPORTS, language_query, seed, shoot


def run(outdir: Path) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="belangen-setup-shots-") as folder:
        server = AppServer(Path(folder) / "belangen.duckdb", Path(folder) / "streamlit.log")
        seed(server.db_path)
        server.start()
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                # The sample first everywhere, then the new projects (a new project would
                # become the one a new tab opens with).
                for step in ("sample", "new_project"):
                    for lang in LANGUAGES:
                        for size, viewport in VIEWPORTS.items():
                            context, _log = new_context(browser, server, viewport)
                            app = AppPage(context.new_page(), server.base_url)
                            with flows.speaking(lang):
                                if step == "sample":
                                    shoot_sample(app, outdir, f"{lang}-{size}", notes)
                                else:
                                    shoot_new_project(app, outdir, f"{lang}-{size}", notes)
                            context.close()
                browser.close()
        finally:
            server.stop()
    return notes


def shoot_sample(app: AppPage, outdir: Path, label: str, notes: list[str]) -> None:
    query = language_query(flows.lang())
    app.open(f"/stakeholders{query}")
    shoot(app, outdir, f"{label}-stakeholders", notes)
    app.open(f"/worksheet{query}")
    person = flows.stakeholder_in_url(app)
    flows.open_new_action(app, person, "conversation")
    shoot(app, outdir, f"{label}-worksheet", notes)


def shoot_new_project(app: AppPage, outdir: Path, label: str, notes: list[str]) -> None:
    app.open(f"/projects{language_query(flows.lang())}")
    flows.fill_new_project(app, f"Project {label}", flows.this_week())
    app.click(flows.new_project_button(app))
    shoot(app, outdir, f"{label}-projects-next-step", notes)
    app.click(app.key("proj_add_first_stakeholder").get_by_role("button"))
    shoot(app, outdir, f"{label}-stakeholders-first", notes)


def main(argv: list[str]) -> int:
    notes = run(Path(argv[0]) if argv else Path("/tmp/setup-shots"))
    for note in notes:
        print("NOTE", note)
    return 1 if notes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
