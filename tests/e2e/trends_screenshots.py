"""Screenshots of Trends at the benchmark's L size (issue 13) for a human to look at: the busiest
project of 25, forty stakeholders over 156 weeks, NL and EN, 1280 and 400 px wide:

- one stakeholder's trend over each period (3 months, 6 months, a year, all);
- where the project stands (the heatmap and the grid of positions);
- the course per stakeholder (a page of small multiples), and 'Wat werkte?'.

    .venv/bin/python -m tests.e2e.trends_screenshots [OUTDIR]   (default /tmp/shots-13)

The L database is the benchmark's own (`bench.generate`, made on first use, about two minutes).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from belangen import screens
from bench import generate
from bench.measure import busiest

from . import flows
from .harness import AppPage
from .screenshots import every_tab, language_query, report, served, shoot

PERIODS = ("13", "26", "52", "all")
CHOSEN: dict[str, int] = {}


def seed(db_path: Path) -> None:
    """A copy of the benchmark's L database, so its own cached file stays as it was made."""
    shutil.copyfile(generate.ensure(generate.SIZES["L"]), db_path)
    CHOSEN["project"], CHOSEN["stakeholder"] = busiest(db_path)


def trends(app: AppPage, lang: str) -> None:
    query = language_query(lang)
    joiner = "&" if query else "?"
    app.open(f"/{screens.TRENDS.url_path}{query}{joiner}stakeholder={CHOSEN['stakeholder']}")


def run(outdir: Path) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    with served("belangen-13-shots-", seed) as (server, browser):
        for lang, size, app, log in every_tab(browser, server):
            label = f"{lang}-{size}"
            with flows.speaking(lang):
                trends(app, lang)
                flows.choose_trends_view(app, "stakeholder")
                for period in PERIODS:
                    flows.choose_trends_period(app, period)
                    shoot(app, outdir, f"{label}-stakeholder-{period}", notes)
                for view in ("latest", "course", "what_worked"):
                    flows.choose_trends_view(app, view)
                    shoot(app, outdir, f"{label}-{view}", notes)
                flows.choose_trends_view(app, "stakeholder")
            notes.extend(url for url in log.foreign_urls() if not url.startswith("file:"))
    return notes


def main(argv: list[str]) -> int:
    return report(run(Path(argv[0]) if argv else Path("/tmp/shots-13")))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
