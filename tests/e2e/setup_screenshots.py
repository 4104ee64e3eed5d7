"""Screenshots of the set-up screens (issue 15) for a human to look at: the Stakeholders page
with its register and the Werkblad with an action form asked for, on the sample project, and the
next step after creating a project; NL and EN, 1280 and 400 px wide.

    .venv/bin/python -m tests.e2e.setup_screenshots [OUTDIR]     (default /tmp/setup-shots)
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import flows
from .harness import AppPage
from .screenshots import every_tab, language_query, report, seed, served, shoot


def run(outdir: Path) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    with served("belangen-setup-shots-", seed) as (server, browser):
        # The sample first everywhere, then the new projects (a new project would become the
        # one a new tab opens with).
        for shoot_step in (shoot_sample, shoot_new_project):
            for lang, size, app, _log in every_tab(browser, server):
                with flows.speaking(lang):
                    shoot_step(app, outdir, f"{lang}-{size}", notes)
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
    return report(run(Path(argv[0]) if argv else Path("/tmp/setup-shots")))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
