"""Screenshots of the three screens of the collaboration as a whole (issue 16) for a human to
look at, on the sample project with its map and options, NL and EN, 1280 and 400 px wide:

- Belangenkaart, and its link form refusing two interests of one party;
- Win-win opties, and the new-option form set to 'afgesproken';
- Gespreksvoorbereiding for the alderman, its printable page (on screen, with hypotheses in
  the wide shots, and in print), and the Weekcheck it leads to.

    .venv/bin/python -m tests.e2e.collaboration_screenshots [OUTDIR]   (default /tmp/shots-16)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Locator

from belangen import sample
from belangen.store import Store

from . import flows
from .harness import AppPage
from .screenshots import every_tab, language_query, report, served, shoot

PERSON = "Marieke de Vries"
SAMPLE: dict[str, int] = {}


def seed(db_path: Path) -> None:
    db = Store(db_path)
    try:
        SAMPLE["project"] = sample.load_sample_project(db)
    finally:
        db.close()


def run(outdir: Path) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    with served("belangen-16-shots-", seed) as (server, browser):
        for lang, size, app, log in every_tab(browser, server):
            label = f"{lang}-{size}"
            with flows.speaking(lang):
                shoot_map(app, outdir, label, notes)
                shoot_options(app, outdir, label, notes)
                shoot_brief(app, outdir, label, notes)
            notes.extend(url for url in log.foreign_urls() if not url.startswith("file:"))
    return notes


def choose_starting(app: AppPage, select: Locator, start: str) -> None:
    """Choose the option whose text starts with `start` (interest labels are long)."""
    options = app.open_select(select).all_inner_texts()
    app.page.keyboard.press("Escape")
    app.choose_select(select, next(text for text in options if text.startswith(start)))


def shoot_map(app: AppPage, outdir: Path, label: str, notes: list[str]) -> None:
    app.open(f"/interest_map{language_query(flows.lang())}")
    shoot(app, outdir, f"{label}-interest_map", notes)
    flows.open_expander(app, flows.tr("map.links.edit"))
    form = f"map_link_new_{SAMPLE['project']}"
    flows.open_new_link_form(app, form)
    choose_starting(app, flows.field(app, form, "first_ref"), "Ahmed Bouzid — Huurders")
    choose_starting(app, flows.field(app, form, "second_ref"), "Els Jansen — Serieus")
    choose_starting(app, flows.field(app, form, "first_ref"), "Els Jansen — Betaalbare")
    shoot(app, outdir, f"{label}-interest_map-refused", [])


def shoot_options(app: AppPage, outdir: Path, label: str, notes: list[str]) -> None:
    app.open(f"/options{language_query(flows.lang())}")
    shoot(app, outdir, f"{label}-options", notes)
    new = app.page.get_by_test_id("stExpander").filter(has_text=flows.tr("options.new")).first
    app.open_expander(new)
    form = f"opt_new_{SAMPLE['project']}"
    app.choose_radio(flows.field(app, form, "status"), flows.tr("options.status.agreed"),
                     rerun=True)
    app.page.mouse.wheel(0, -10_000)
    shoot(app, outdir, f"{label}-options-new-agreed", notes)


def shoot_brief(app: AppPage, outdir: Path, label: str, notes: list[str]) -> None:
    app.open(f"/brief{language_query(flows.lang())}")
    flows.choose_stakeholder(app, PERSON)
    shoot(app, outdir, f"{label}-brief", notes)
    if label.endswith("wide"):
        app.click(app.key("brief_include_hidden").locator("label"))
    with app.page.expect_download() as started:
        app.key("brief_download_html").get_by_role("button").click()
    printable = outdir / f"{label}-printable.html"
    started.value.save_as(printable)
    page = app.page.context.new_page()
    page.set_viewport_size(app.page.viewport_size or {"width": 1280, "height": 900})
    page.goto(printable.as_uri())
    page.screenshot(path=outdir / f"{label}-printable.png", full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=outdir / f"{label}-printable-print.png", full_page=True)
    page.close()
    app.click(app.key("brief_follow_up").get_by_role("button"))
    shoot(app, outdir, f"{label}-after-brief-weekcheck", notes)


def main(argv: list[str]) -> int:
    return report(run(Path(argv[0]) if argv else Path("/tmp/shots-16")))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
