"""The Werkblad's action panels in a real Chromium: an editor is built only while its panel is
open, stays open while the user edits, keeps an unsaved edit when closed (and says so), brings it
back after leaving the page, and saves it once."""

from __future__ import annotations

import datetime as dt

import pytest

from . import flows
from .flows import tr
from .harness import AppPage, AppServer
from .saved import saved_rows

pytestmark = pytest.mark.e2e

ACTION = "Koffie drinken op neutraal terrein"
OUTCOME = "Half gelukt: volgende keer met de wethouder"


@pytest.fixture(scope="module")
def action_id(app_server: AppServer) -> int:
    with app_server.offline_store() as db:
        project = db.create_project("Stadsbrug", "", "", db.today() - dt.timedelta(weeks=4))
        person = db.create_stakeholder(project, "Wethouder Jansen", "Gemeente", "", "")
        found = db.add_action(person, "conversation", ACTION)
    return found


def outcome_field(app: AppPage, action: int):
    return flows.field(app, f"ws_action_{action}", "outcome").locator("textarea")


def test_an_action_panel_edits_lazily_and_keeps_an_unsaved_edit(
    action_id: int, app: AppPage, app_server: AppServer, browser_log,
) -> None:
    flows.edit_in_folding_panel(
        app, page=tr("nav.worksheet"), label=ACTION, box=lambda: outcome_field(app, action_id),
        text=OUTCOME, closed_notice=tr("actions.unsaved_closed"),
        form_id=f"ws_action_{action_id}")
    assert saved_rows(app_server.db_path, "SELECT outcome FROM action WHERE id = ?",
                      [action_id]) == [(OUTCOME,)]
    assert not app.exception_texts()
    browser_log.assert_clean()
