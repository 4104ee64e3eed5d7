"""Screenshots of Win-win opties (issue 16) for a human to look at: the sample project with a
few own interests and options added (one every party gains from, one that misses parties, two
agreements of which one made into actions, one rejected), and the new-option form set to
'afgesproken'; NL and EN, 1280 and 400 px wide.

    .venv/bin/python -m tests.e2e.options_screenshots [OUTDIR]     (default /tmp/shots-options)
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from belangen import domain, sample, worksheet
from belangen.store import Store

from . import axe, flows
from .harness import AppPage
from .screenshots import every_tab, language_query, served, shoot

SEEDED: dict[str, int] = {}
"""The sample project's id, once seeded (the new-option form is keyed by it)."""


def seed_options(db_path: Path) -> None:
    """The sample project, and on top of it what the Belangenkaart would add (own interests)
    and a handful of options in every state."""
    db = Store(db_path)
    try:
        pid = SEEDED["project"] = sample.load_sample_project(db)
        db.add_own_interest(pid, "Het plan op tijd en binnen de afspraken met de regio opleveren",
                            "organisational")
        db.add_own_interest(pid, "Een goede naam bij bewoners voor het volgende project",
                            "individual", on_table=False)
        refs = {text: ref for ref, _party, _name, text, _kind, _hyp in db.map_interests(pid)}

        def serving(*starts: str) -> list[str]:
            return [refs[next(key for key in refs if key.startswith(start))] for start in starts]

        people = {s.name: s.id for s in db.list_stakeholders(pid)}
        db.add_option(
            pid, "Bewonersavond in het buurthuis vóór het raadsbesluit",
            "De wethouder en de woonstichting presenteren samen het plan; de vereniging "
            "organiseert, het buurthuis is gastheer.",
            serves=serving("Een zichtbaar resultaat", "Dit project zonder fouten",
                           "Serieus genomen worden", "Het buurthuis aan het plein",
                           "Een goede naam bij"),
            costs="Gemeente: twee avonden voorbereiding.\nBuurthuis: de zaal, een avond.",
            status="discussed")
        db.add_option(
            pid, "Huurstijging na renovatie koppelen aan de energiebesparing",
            serves=serving("Betaalbare woonlasten", "De renovatie moet binnen"),
            costs="Woonstichting: minder huurinkomsten de eerste jaren.")
        agreed = db.add_option(
            pid, "Renoveren per portiek, zonder wisselwoningen",
            "Elke portiek in drie weken; huurders blijven thuis wonen.",
            serves=serving("Huurders hoeven tijdens", "Betaalbare woonlasten",
                           "Het plan op tijd"),
            costs="Woonstichting: een langere bouwtijd.", status="agreed",
            agreed_on=db.today() - dt.timedelta(days=9),
            partners=[people["Ahmed Bouzid"], people["Els Jansen"]])
        db.actions_from_option(agreed, [people["Ahmed Bouzid"], people["Els Jansen"]],
                               row_key=worksheet.NEGOTIATION.key,
                               planned_week=domain.week_start(db.today()),
                               text="Portiekplanning vastleggen")
        db.add_option(
            pid, "Opbouwwerker op de bouwplaats als aanspreekpunt",
            serves=serving("Meer uren voor opbouwwerk", "Serieus genomen worden"),
            status="agreed", agreed_on=db.today() - dt.timedelta(days=2),
            partners=[people["Karin Smit"]])
        db.add_option(pid, "Het buurthuis tijdelijk sluiten", costs="Welzijn: een half jaar.",
                      serves=serving("De renovatie moet binnen"), status="rejected")
    finally:
        db.close()


def run(outdir: Path) -> list[str]:
    outdir.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    with served("belangen-options-shots-", seed_options) as (server, browser):
        for lang, size, app, _log in every_tab(browser, server):
            with flows.speaking(lang):
                shoot_options(app, outdir, f"{lang}-{size}", notes)
    return notes


AXE_SERIOUS = """
async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .filter((v) => ['serious', 'critical'].includes(v.impact) || v.id === 'heading-order')
  .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
"""


def accessibility_notes(app: AppPage, label: str) -> list[str]:
    """Serious axe-core findings on the screen as it is (the sample in the accessibility test
    has no options, so their cards and badges are checked here)."""
    app.page.add_script_tag(path=str(axe.installed()))
    return [f"{label}: axe {found}" for found in app.page.evaluate(AXE_SERIOUS)]


def shoot_options(app: AppPage, outdir: Path, label: str, notes: list[str]) -> None:
    app.open(f"/options{language_query(flows.lang())}")
    shoot(app, outdir, f"{label}-options", notes)
    notes.extend(accessibility_notes(app, label))
    new = app.page.get_by_test_id("stExpander").filter(has_text=flows.tr("options.new")).first
    app.open_expander(new)
    form = f"opt_new_{SEEDED['project']}"
    app.choose_radio(flows.field(app, form, "status"), flows.tr("options.status.agreed"),
                     rerun=True)
    app.page.mouse.wheel(0, -10_000)
    shoot(app, outdir, f"{label}-options-new-agreed", notes)


def main(argv: list[str]) -> int:
    notes = run(Path(argv[0]) if argv else Path("/tmp/shots-options"))
    for note in notes:
        print("NOTE", note)
    return 1 if notes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
