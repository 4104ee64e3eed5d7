"""Projecten's new-project form in Chromium once a project exists: folded away until asked
for, a name typed and folded away is kept and said to be there, also after leaving the page,
and a double click on the button creates one project."""

from __future__ import annotations

import datetime as dt

import pytest

from . import flows
from .flows import tr
from .harness import AppPage, AppServer
from .saved import saved_rows

pytestmark = pytest.mark.e2e


def test_the_new_project_panel_keeps_a_draft_and_creates_once(
    app_server: AppServer, app: AppPage, browser_log,
) -> None:
    with app_server.offline_store() as db:
        db.create_project("Dorpshuis", start_date=dt.date(2026, 10, 5))
    app.open("/")

    def name_box():
        return flows.field(app, "proj_new", "name").locator("input")

    app.goto_page(tr("nav.projects"))
    assert not name_box().count(), "a project exists: the form is folded away"
    flows.open_expander(app, tr("projects.new"))
    name_box().fill("Stationsgebied")
    # Leaving the field reruns the page; the panel stays open with the name in it.
    app.act(lambda: app.page.get_by_test_id("stMain").locator("h1").first.click())
    assert name_box().input_value() == "Stationsgebied"
    app.act(lambda: flows.expander(app, tr("projects.new")).first.locator("summary").click())
    assert not name_box().count()
    assert tr("projects.unsaved_closed") in app.main_text()
    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.projects"))
    assert name_box().input_value() == "Stationsgebied", "back with the draft: open"
    app.click(flows.new_project_button(app))
    names = "SELECT name FROM project ORDER BY id"
    assert saved_rows(app_server.db_path, names) == [("Dorpshuis",), ("Stationsgebied",)]

    app.page.reload()
    app.wait_idle(0)
    flows.open_new_project_form(app)
    assert name_box().input_value() == "", "after creating, the form is empty again"
    flows.fill_new_project(app, "Havenkwartier", dt.date.today())
    app.act(flows.new_project_button(app).dblclick)
    assert saved_rows(app_server.db_path, names) == [
        ("Dorpshuis",), ("Stationsgebied",), ("Havenkwartier",)]
    assert not app.exception_texts()
    browser_log.assert_clean()
