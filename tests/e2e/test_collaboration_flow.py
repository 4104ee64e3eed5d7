"""Issue 16's whole way in Chromium, as a person walks it: on the Belangenkaart, an interest of
my own and a map of three parties (me, the municipality, the residents) with one shared link and
one tension; on Win-win opties an option that serves all three, then agreed with both
stakeholders; and that agreement found again in the residents' Gespreksvoorbereiding and in its
printable page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from belangen import texts

from . import flows
from .flows import tr
from .harness import AppPage, AppServer
from .test_options_flow import choose_many
from .test_xss_browser import download

pytestmark = pytest.mark.e2e

OWN = "Vóór de zomer een plan dat iedereen steunt"
HOUSES = "Snel woningen bouwen"
GREEN = "Groen op het plein houden"
OPTION = "Groen dak op de nieuwbouw"


@pytest.fixture(scope="module")
def seeded(app_server: AppServer) -> dict[str, int]:
    """A project with two stakeholders and their interests; the map itself is made on screen."""
    with app_server.offline_store() as db:
        project = db.create_project("Plein", start_date=dt.date.today() - dt.timedelta(weeks=6))
        ids = {"project": project}
        ids["Gemeente"] = db.create_stakeholder(project, "Gemeente")
        ids["Bewoners"] = db.create_stakeholder(project, "Bewoners")
        db.add_interest(ids["Gemeente"], HOUSES, "political", "confirmed")
        db.add_interest(ids["Bewoners"], GREEN, "other", "confirmed")
    return ids


def link(app: AppPage, form: str, first: str, second: str, relation: str, note: str) -> None:
    flows.open_new_link_form(app, form)
    app.choose_select(flows.field(app, form, "first_ref"), first)
    app.choose_select(flows.field(app, form, "second_ref"), second)
    app.choose_radio(flows.field(app, form, "relation"), tr(f"map.relation.{relation}"),
                     rerun=True)
    flows.type_text(app, flows.field(app, form, "note").locator("input"), note)
    app.click(flows.form_button(app, form))
    assert not app.exception_texts(), app.exception_texts()


def test_a_map_of_three_parties_leads_to_an_agreement_in_the_brief(
    app: AppPage, app_server: AppServer, seeded: dict[str, int], browser: Browser,
    browser_log, tmp_path: Path,
) -> None:
    project = seeded["project"]
    # Belangenkaart: my own interest, then one link of each kind between three parties.
    app.goto_page(tr("nav.interest_map"))
    own_form = f"map_own_new_{project}"
    flows.type_text(app, flows.field(app, own_form, "text").locator("textarea"), OWN)
    app.click(flows.form_button(app, own_form))
    me = tr("party.self")
    links = f"map_link_new_{project}"
    link(app, links, f"{me} — {OWN}", f"Gemeente — {HOUSES}", "shared", "Allebei tempo")
    link(app, links, f"Gemeente — {HOUSES}", f"Bewoners — {GREEN}", "tension",
         "Bouwen kost groen")
    main = app.main_text()
    assert flows.tr_count("map.common.shared_by", 2, names=f"{me}, Gemeente") in main, main
    assert "Bouwen kost groen" in main and "Bewoners ↔ Gemeente" in main

    # Win-win opties: an option that serves all three, first an idea, then agreed.
    app.goto_page(tr("nav.options"))
    new = f"opt_new_{project}"
    flows.type_text(app, flows.field(app, new, "title").locator("input"), OPTION)
    choose_many(app, flows.field(app, new, "serves"), OWN, HOUSES, GREEN)
    app.click(flows.form_button(app, new))
    card = app.page.locator("[class*='st-key-opt_'][class*='__card']").first
    assert tr("options.every_party") in card.inner_text(), card.inner_text()
    # The card's key names the option (the store is not opened while the app runs).
    card_key = next(name for name in (card.get_attribute("class") or "").split()
                    if name.startswith("st-key-opt_"))
    edit = card_key.removeprefix("st-key-").removesuffix("__card")
    app.open_expander(card.get_by_test_id("stExpander").filter(has_text=tr("options.edit")))
    app.choose_radio(flows.field(app, edit, "status"), tr("options.status.agreed"), rerun=True)
    choose_many(app, flows.field(app, edit, "partners"), "Gemeente", "Bewoners")
    app.click(flows.form_button(app, edit))
    assert not app.exception_texts(), app.exception_texts()
    today = flows.dmy(dt.date.today())
    agreed = texts.t("options.agreed_with", date=today, partners="Gemeente, Bewoners")
    assert agreed in app.main_text() or texts.t(
        "options.agreed_with", date=today, partners="Bewoners, Gemeente") in app.main_text()

    # The residents' brief holds the agreement, and so does its printable page.
    app.goto_page(tr("nav.brief"))
    flows.choose_stakeholder(app, "Bewoners")
    agreements = app.key("brief_section_agreements").inner_text()
    assert OPTION in agreements and today in agreements, agreements
    assert "Gemeente" in app.key("brief_section_tensions").inner_text()
    printable = download(app, "brief_download_html", tmp_path)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(printable.as_uri())
        printed = page.locator("section#agreements").inner_text()
    finally:
        context.close()
    assert OPTION in printed and today in printed, printed
    with app_server.offline_store() as db:
        (stored,) = db.list_options(project)
        assert (stored.status, stored.agreed_on) == ("agreed", dt.date.today())
        assert set(stored.partners) == {seeded["Gemeente"], seeded["Bewoners"]}
        assert len(db.list_links(project)) == 2
    browser_log.assert_clean()
