"""Issue 2 in a real Chromium: a project, a stakeholder with two interests and a filled worksheet
with an action survive a server restart, user text with HTML/Markdown stays literal, and a deep
link opens that stakeholder's worksheet."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from belangen import worksheet

from . import flows
from .flows import tr

pytestmark = pytest.mark.e2e

LITERAL = "<b>x</b> **y**"
PROJECT = "Herinrichting stationsgebied"
STAKEHOLDER = "Wethouder Jansen"
SUSPECTED = ("Herverkiezing in maart", "political", "suspected",
             "Noemt steeds de verkiezingen; wil zichtbaar resultaat")
CONFIRMED = (f"Budget {LITERAL}", "organisational", "confirmed", "")
# Per rated row: (rating, target, reflection).
ROWS = {
    worksheet.GENUINE_INTEREST.key: (3, 4, "Ik vraag door, maar laat het weinig zien."),
    worksheet.VALUE.key: (2, 4, f"Nog weinig waarde voor de gemeente {LITERAL}"),
    worksheet.CONVERSATION.key: (4, 5, "Open gesprek over de begroting."),
    worksheet.NEGOTIATION.key: (1, 3, "Wacht de verkiezingen af."),
}
ACTION = ("value", f"Evaluatiegesprek plannen {LITERAL}")


def assert_no_rendered_markup(app: flows.AppPage) -> None:
    """`<b>x</b> **y**` typed by the user must not turn into bold text anywhere."""
    main = app.page.get_by_test_id("stMain")
    assert main.locator("b").filter(has_text=re.compile(r"^x$")).count() == 0
    assert main.locator("strong").filter(has_text=re.compile(r"^y$")).count() == 0


def test_worksheet_survives_restart(app, app_server, new_tab, browser_log):
    start = dt.date.today() - dt.timedelta(weeks=10)
    flows.create_project(app, PROJECT, start, goal="Draagvlak bij de raad")
    jansen = flows.add_stakeholder(app, STAKEHOLDER, "Gemeente", "De gemeenteraad en de coalitie")
    for text, kind, status, signals in (SUSPECTED, CONFIRMED):
        flows.add_interest(app, jansen, text, kind, status, signals)
    # A saved "new" form starts empty again, so a second click cannot add a duplicate.
    assert flows.field(app, f"sh_int_new_{jansen}", "text").locator("textarea").input_value() == ""

    app.click(app.page.get_by_role("link", name=tr("stakeholders.open_worksheet")))
    for row in worksheet.DIMENSIONS:
        rating, target, reflection = ROWS[row.key]
        flows.fill_worksheet_row(app, jansen, row, rating, target, reflection)
        flows.save_worksheet(app, jansen)
    flows.add_action(app, jansen, *ACTION)
    adder = f"ws_new_action_{jansen}_{ACTION[0]}"
    assert not flows.field(app, adder, "text").count(), "the form closes after adding"
    flows.open_new_action(app, jansen, ACTION[0])
    assert flows.field(app, adder, "text").locator("input").input_value() == ""
    assert f"• {CONFIRMED[0]}" in app.main_text()
    assert_no_rendered_markup(app)
    worksheet_path = flows.page_path(app, tr("nav.worksheet"))
    app.page.close()

    app_server.restart()

    # The very first request of the new process is the deep link to this stakeholder.
    again = new_tab().open(f"{worksheet_path}?stakeholder={jansen}")
    assert again.page.get_by_test_id("stMain").locator("h1").first.inner_text() == (
        tr("worksheet.title")
    )
    assert flows.chosen_stakeholder(again) == f"{STAKEHOLDER} — Gemeente"
    for row in worksheet.DIMENSIONS:
        rating, target, reflection = ROWS[row.key]
        saved = {"rating": flows.rating_option(row, rating),
                 "target": flows.rating_option(row, target), "reflection": reflection}
        assert flows.shown_once_drawn(
            again, lambda row=row: flows.worksheet_row_state(again, jansen, row), saved,
        ) == saved, row.key
    shown = again.main_text()
    assert f"• {SUSPECTED[0]}" in shown
    assert "Verborgen of vermoed · Politiek belang" in shown
    assert f"• {CONFIRMED[0]}" in shown
    action = flows.expander(again, "Evaluatiegesprek")
    assert action.locator("summary").inner_text().endswith(f"Gepland · {ACTION[1]}")
    assert_no_rendered_markup(again)

    again.goto_page(tr("nav.overview"))
    assert again.page.get_by_test_id("stMain").locator("h1").first.inner_text() == PROJECT

    again.goto_page(tr("nav.stakeholders"))
    assert flows.chosen_stakeholder(again) == f"{STAKEHOLDER} — Gemeente"
    assert flows.field(again, f"sh_{jansen}", "constituency").locator("textarea").input_value() == (
        "De gemeenteraad en de coalitie"
    )
    suspected = flows.open_expander(again, SUSPECTED[0])
    assert worksheet.INTEREST_STATUSES["suspected"]("nl") in suspected.inner_text()
    assert suspected.locator("textarea").nth(1).input_value() == SUSPECTED[3]
    confirmed = flows.open_expander(again, "Budget")
    assert f"Bevestigd · {CONFIRMED[0]} · Organisatiebelang" in (
        confirmed.locator("summary").inner_text())
    confirmed_since = tr("interests.confirmed_on", date=dt.date.today())
    assert f"Bevestigd in gesprek{confirmed_since}" in confirmed.inner_text()
    assert_no_rendered_markup(again)
    browser_log.assert_clean()


def test_deep_link_opens_that_stakeholders_worksheet(app, new_tab, browser_log):
    """A link to the second stakeholder of another project opens exactly that worksheet."""
    flows.create_project(app, "Deep link project", dt.date.today() - dt.timedelta(weeks=2))
    flows.add_stakeholder(app, "Aannemer Bakker", "Bouwbedrijf")
    smit = flows.add_stakeholder(app, "Bewoner Smit", "Bewonersraad")
    app.click(app.page.get_by_role("link", name=tr("stakeholders.open_worksheet")))
    flows.fill_worksheet_row(app, smit, worksheet.CONVERSATION, 2, None, "Alleen via e-mail.")
    flows.save_worksheet(app, smit)

    linked = new_tab().open(f"{flows.page_path(app, tr('nav.worksheet'))}?stakeholder={smit}")
    assert flows.chosen_stakeholder(linked) == "Bewoner Smit — Bewonersraad"
    assert flows.worksheet_row_state(linked, smit, worksheet.CONVERSATION) == {
        "rating": flows.rating_option(worksheet.CONVERSATION, 2),
        "target": "—",
        "reflection": "Alleen via e-mail.",
    }
    assert linked.page.get_by_test_id("stMain").locator("h1").first.inner_text() == (
        tr("worksheet.title")
    )
    browser_log.assert_clean()
