"""'Je projecten' in Chromium after creating a project: it shows the new project, and the text
in the box (which the browser keeps as it was when chosen) is the new one's, marked active."""

from __future__ import annotations

import datetime as dt

import pytest

from . import flows
from .flows import tr
from .harness import AppServer

pytestmark = pytest.mark.e2e


def test_your_projects_shows_the_new_active_project(app_server: AppServer, app, browser_log):
    with app_server.offline_store() as db:
        db.create_project("Dorpshuis", start_date=dt.date(2026, 10, 5))
    app.open("/")
    app.goto_page(tr("nav.projects"))
    picker = app.page.get_by_test_id("stMain").get_by_test_id("stSelectbox").filter(
        has_text=tr("projects.choose"))
    assert picker.get_by_role("combobox").input_value() == "Dorpshuis" + tr(
        "projects.active_marker")
    flows.create_project(app, "Stationsgebied", dt.date(2026, 11, 2))
    shown = picker.get_by_role("combobox").input_value()
    assert shown == "Stationsgebied" + tr("projects.active_marker"), shown
    assert not app.exception_texts()
    browser_log.assert_clean()
