"""The action counter the step-count promises rest on counts what a person does, no more."""

from __future__ import annotations

import pytest

from . import flows
from .flows import tr
from .steps import count_steps, reset_steps, steps

pytestmark = pytest.mark.e2e


def test_clicks_keys_and_typing_into_a_field_count_once_each(browser_session, new_tab,
                                                               browser_log):
    count_steps(browser_session[0])
    app = new_tab().open("/")
    assert steps(app.page) == 0, "opening the app is not an action"
    app.goto_page(tr("nav.projects"))
    assert steps(app.page) == 1, "one click on the menu"
    name = flows.field(app, "proj_new", "name").locator("input")
    assert name.count(), "no project yet: the new-project form is open"
    name.fill("Een")
    name.press_sequentially(" project")
    assert steps(app.page) == 2, "typing into one field is one action, however many letters"
    name.press("Tab")
    assert steps(app.page) == 3, "leaving the field with Tab is one more"
    app.page.reload()
    app.wait_idle(0)
    assert steps(app.page) == 3, "the count survives a reload"
    reset_steps(app.page)
    assert steps(app.page) == 0
    browser_log.assert_clean()
