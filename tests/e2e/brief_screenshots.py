"""Screenshots of the Gespreksvoorbereiding for a human to look at: the brief of the sample's
wethouder, NL and EN, 1280 and 400 px wide, and its printable page as the browser shows it.
The sample gets what its story does not hold yet: what she must explain back home, the user's
own interests, a shared and a tense link, an open and an agreed option, an action due.

    .venv/bin/python -m tests.e2e.brief_screenshots [OUTDIR]     (default /tmp/shots-brief)
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from belangen import domain, sample, worksheet
from belangen.store import Store

from . import flows
from .harness import AppPage
from .screenshots import every_tab, language_query, served, shoot

PERSON = "Marieke de Vries"


def seed(db_path: Path) -> None:
    db = Store(db_path)
    try:
        sample.load_sample_project(db)
        project = db.list_projects()[0]
        people = {s.name: s for s in db.list_stakeholders(project.id)}
        marieke, ahmed = people[PERSON], people["Ahmed Bouzid"]
        db.update_stakeholder(
            marieke.id, marieke.revision, name=marieke.name, role=marieke.role,
            constituency=marieke.constituency, notes=marieke.notes,
            back_home="Dat de extra woningen meetellen voor de woondeal, en dat bewoners "
                      "zichtbaar hebben meegepraat.")
        hers = {i.text[:20]: i for i in db.list_interests(marieke.id)}
        his = db.list_interests(ahmed.id)
        deal = next(i for t, i in hers.items() if t.startswith("De gemeente"))
        visible = next(i for t, i in hers.items() if t.startswith("Een zichtbaar"))
        on_time = db.add_own_interest(project.id, "Het plein op tijd opleveren", "organisational",
                                      True, "")
        db.add_own_interest(project.id, "Een vervolgopdracht in de volgende wijk", "individual",
                            False, "")
        db.add_link(project.id, domain.interest_ref(visible.id), domain.own_ref(on_time),
                    "shared", "Allebei gebaat bij een vroege eerste schop")
        db.add_link(project.id, domain.interest_ref(deal.id), domain.interest_ref(his[0].id),
                    "tension", "Extra woningen kosten de corporatie geld")
        db.add_option(project.id, "Eerste schop voor het plein vóór de verkiezingen",
                      "Het plein als eerste fase, de binnenhoven daarna.",
                      serves=[domain.interest_ref(visible.id), domain.own_ref(on_time)],
                      costs="De corporatie moet de planning van de binnenhoven opschuiven.",
                      status="discussed")
        db.add_option(project.id, "Maandelijkse stand van zaken op papier",
                      serves=[domain.interest_ref(deal.id)], status="agreed",
                      agreed_on=db.today() - dt.timedelta(days=8), partners=[marieke.id])
        db.add_action(marieke.id, worksheet.CONVERSATION.key,
                      "Na het gesprek de afspraken op papier bevestigen",
                      planned_week=domain.week_start(db.today()))
    finally:
        db.close()


def run(outdir: Path) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    with served("belangen-brief-shots-", seed) as (server, browser):
        for lang, size, app, log in every_tab(browser, server):
            with flows.speaking(lang):
                shoot_brief(app, outdir, f"{lang}-{size}", notes)
            notes.extend(url for url in log.foreign_urls() if not url.startswith("file:"))
    return notes


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
    # The profile's new field, what she must explain back home, beside the constituency.
    app.open(f"/stakeholders{language_query(flows.lang())}")
    shoot(app, outdir, f"{label}-stakeholders", notes)


def main(argv: list[str]) -> int:
    notes = run(Path(argv[0]) if argv else Path("/tmp/shots-brief"))
    for note in notes:
        print("NOTE", note)
    return 1 if notes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
