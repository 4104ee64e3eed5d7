"""Screenshots of the Belangenkaart (issue 16) for a human to look at: the sample project with a
small map made for it (own interests, shared links, tensions), NL and EN, 1280 and 400 px wide;
also the link form refusing two interests of one party.

    .venv/bin/python -m tests.e2e.interest_map_screenshots [OUTDIR]     (default /tmp/shots-map)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Locator

from belangen.store import Store
from tests.factories import sample_map

from . import flows
from .harness import AppPage
from .screenshots import every_tab, language_query, seed, served, shoot

MAP: dict[str, int] = {}
"""The ids of the map made in the screenshot database."""


def seed_with_map(db_path: Path) -> None:
    seed(db_path)
    db = Store(db_path)
    try:
        MAP.update(sample_map(db))
    finally:
        db.close()


def choose_starting(app: AppPage, select: Locator, start: str) -> None:
    """Choose the option whose text starts with `start` (interest labels are long)."""
    options = app.open_select(select).all_inner_texts()
    app.page.keyboard.press("Escape")
    app.choose_select(select, next(text for text in options if text.startswith(start)))


def run(outdir: Path) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    with served("belangen-map-shots-", seed_with_map) as (server, browser):
        for lang, size, app, _log in every_tab(browser, server):
            with flows.speaking(lang):
                shoot_map(app, outdir, f"{lang}-{size}", notes)
    return notes


def shoot_map(app: AppPage, outdir: Path, label: str, notes: list[str]) -> None:
    app.open(f"/interest_map{language_query(flows.lang())}")
    shoot(app, outdir, f"{label}-interest_map", notes)
    flows.open_expander(app, flows.tr("map.links.edit"))
    form = f"map_link_new_{MAP['project']}"
    choose_starting(app, flows.field(app, form, "first_ref"), "Ahmed Bouzid — Huurders")
    choose_starting(app, flows.field(app, form, "second_ref"), "Els Jansen — Serieus")
    choose_starting(app, flows.field(app, form, "first_ref"), "Els Jansen — Betaalbare")
    shoot(app, outdir, f"{label}-interest_map-refused", [])


def main(argv: list[str]) -> int:
    notes = run(Path(argv[0]) if argv else Path("/tmp/shots-map"))
    for note in notes:
        print("NOTE", note)
    return 1 if notes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
