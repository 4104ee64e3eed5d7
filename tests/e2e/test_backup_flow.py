"""Issue 4 in a real Chromium: download a backup, change the data, restore the backup after the
confirmation, and find exactly the backed-up data again — also after a server restart."""

from __future__ import annotations

import datetime as dt

import pytest

from . import flows
from .flows import tr

pytestmark = pytest.mark.e2e

KEPT = "Herinrichting stationsgebied"
LATER = "Pas na de reservekopie"


def project_names(app: flows.AppPage) -> list[str]:
    """The projects the sidebar offers, read from its selectbox's options."""
    picker = app.page.get_by_test_id("stSidebar").locator("[data-testid='stSelectbox']").filter(
        has_text=tr("nav.active_project"))
    names = [option.inner_text().strip() for option in app.open_select(picker).all()]
    app.page.keyboard.press("Escape")
    return names


def test_backup_download_and_restore(app, app_server, new_tab, browser_log, tmp_path):
    start = dt.date.today() - dt.timedelta(weeks=4)
    flows.create_project(app, KEPT, start, goal="Draagvlak bij de raad")
    flows.add_stakeholder(app, "Wethouder Jansen", "Gemeente", "De raad")

    app.goto_page(tr("nav.data"))
    with app.page.expect_download() as download:
        app.key("data_download_backup").get_by_role("button").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".zip" and saved.stat().st_size > 0

    flows.create_project(app, LATER, start)
    assert sorted(project_names(app)) == sorted([KEPT, LATER])

    app.goto_page(tr("nav.data"))
    app.act(lambda: app.key("data_restore_file").locator("input[type='file']")
            .set_input_files(str(saved)))
    restore = app.key("data_restore").get_by_role("button")
    assert restore.is_disabled(), "restoring must wait for the confirmation"
    app.click(app.key("data_restore_confirm").locator("label"))
    app.click(restore)
    assert not app.exception_texts(), app.exception_texts()
    assert project_names(app) == [KEPT]

    app.page.close()
    app_server.restart()
    again = new_tab().open("/")
    assert project_names(again) == [KEPT]
    again.goto_page(tr("nav.stakeholders"))
    assert flows.chosen_stakeholder(again) == "Wethouder Jansen — Gemeente"
    browser_log.assert_clean()
