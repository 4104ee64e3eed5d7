"""Stakeholders' interest panels in a real Chromium: an interest's form is built only while
its panel is open, stays open while the user edits, keeps an unsaved edit when closed (and
says so), brings it back after leaving the page, saves it once, and a double click on the
panel leaves it in one consistent state."""

from __future__ import annotations

import datetime as dt

import pytest

from . import flows
from .flows import tr
from .harness import AppPage, AppServer
from .saved import saved_rows

pytestmark = pytest.mark.e2e

INTEREST = "Herverkiezing in maart"
EDITED = "Herverkiezing in mei, met de coalitie"


@pytest.fixture(scope="module")
def interest_id(app_server: AppServer) -> int:
    with app_server.offline_store() as db:
        project = db.create_project("Stadsbrug", "", "", db.today() - dt.timedelta(weeks=4))
        person = db.create_stakeholder(project, "Wethouder Jansen", "Gemeente", "", "")
        found = db.add_interest(person, INTEREST, "political", "suspected", "")
    return found


def text_field(app: AppPage, interest: int):
    return flows.field(app, f"sh_int_{interest}", "text").locator("textarea")


def test_an_interest_panel_edits_lazily_and_keeps_an_unsaved_edit(
    interest_id: int, app: AppPage, app_server: AppServer, browser_log,
) -> None:
    flows.edit_in_folding_panel(
        app, page=tr("nav.stakeholders"), label=INTEREST,
        box=lambda: text_field(app, interest_id), text=EDITED,
        closed_notice=tr("interests.unsaved_closed"), form_id=f"sh_int_{interest_id}")
    assert saved_rows(app_server.db_path, "SELECT text FROM interest WHERE id = ?",
                      [interest_id]) == [(EDITED,)]
    assert not app.exception_texts()
    browser_log.assert_clean()


def test_a_double_click_on_an_interest_panel_leaves_it_consistent(
    interest_id: int, app: AppPage, browser_log,
) -> None:
    app.goto_page(tr("nav.stakeholders"))
    label = saved_label(app)
    panel = flows.expander(app, label).first
    before = app.runs()
    panel.locator("summary").dblclick()
    app.wait_idle(before, settle_ms=600)  # two toggles: a second run may follow the first
    is_open = panel.locator("details").get_attribute("open") is not None
    assert bool(text_field(app, interest_id).count()) == is_open, (
        "the panel's form must be there exactly when the panel shows open")
    flows.open_expander(app, label)
    assert text_field(app, interest_id).input_value() in {INTEREST, EDITED}
    assert not app.exception_texts()
    browser_log.assert_clean()


def saved_label(app: AppPage) -> str:
    """The interest's text as its panel shows it now (the first test may have changed it)."""
    main = app.main_text()
    return EDITED if EDITED in main else INTEREST
