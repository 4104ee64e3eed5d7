"""The stakeholder register and the quicker set-up in Chromium (issue 15): a row of the register
opens that stakeholder, also after leaving the page and after a reload; a double click on any
add button stores one record; action forms asked for on several rows, filled in any order, keep
their text and add to their own row."""

from __future__ import annotations

import datetime as dt

import pytest

from belangen import worksheet

from . import flows
from .flows import tr
from .harness import AppPage

pytestmark = pytest.mark.e2e

HEADER_PX = 35  # Streamlit's data grid: header and rows are 35 px high by default
ROW_PX = 35


@pytest.fixture(scope="module")
def people(app_server) -> dict[str, int]:
    """A project with three stakeholders, one of them with a worksheet and a weekcheck."""
    with app_server.offline_store() as db:
        project = db.create_project("Register", start_date=dt.date.today() - dt.timedelta(weeks=4))
        ids = {name: db.create_stakeholder(project, name, role, "")
               for name, role in (("Ans", "Wethouder"), ("Bob", "Bewoner"), ("Cor", "Aannemer"))}
        db.add_interest(ids["Bob"], "Rust op het plein", "political", "confirmed", "")
        for row in worksheet.DIMENSIONS:
            db.save_worksheet_entry(ids["Bob"], row.key, rating=3, reflection="Start")
        ids["project"] = project
    return ids


def register_grid(app: AppPage):
    return app.page.get_by_test_id("stMain").get_by_test_id("stDataFrame").first


def click_register_row(app: AppPage, index: int) -> None:
    """Click the row's marker at the table's left edge, as a person chooses a row."""
    grid = register_grid(app)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    app.act(lambda: app.page.mouse.click(box["x"] + 18,
                                         box["y"] + HEADER_PX + ROW_PX * index + ROW_PX / 2))


def register_rows(app: AppPage) -> list[list[str]]:
    grid = register_grid(app)
    grid.get_by_test_id("data-grid-canvas").evaluate("el => el.focus()")
    rows = grid.locator("tbody tr")
    rows.first.wait_for(state="attached")
    return [row.locator("td").all_inner_texts() for row in rows.all()]


def test_a_register_row_opens_that_stakeholder_and_stays_open(people, app, browser_log):
    app.goto_page(tr("nav.stakeholders"))
    rows = register_rows(app)
    names = [next(cell for cell in row if cell in ("Ans", "Bob", "Cor")) for row in rows]
    assert names == ["Ans", "Bob", "Cor"]
    bob_row = next(row for row in rows if "Bob" in row)
    assert "1 bevestigd · 0 vermoed" in bob_row
    assert "3 · 3 · 3 · 3" in bob_row, bob_row  # the four worksheet ratings

    click_register_row(app, 2)
    assert flows.chosen_stakeholder(app) == "Cor — Aannemer"
    assert flows.stakeholder_in_url(app) == people["Cor"]
    click_register_row(app, 1)
    assert flows.chosen_stakeholder(app) == "Bob — Bewoner"
    name = flows.field(app, f"sh_{people['Bob']}", "name").locator("input")
    assert name.input_value() == "Bob"

    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.stakeholders"))
    assert flows.chosen_stakeholder(app) == "Bob — Bewoner", "kept after leaving the page"
    app.page.reload()
    app.wait_idle(0)
    assert flows.chosen_stakeholder(app) == "Bob — Bewoner", "and after a reload"

    # The picker and the register agree whichever is used last.
    flows.choose_stakeholder(app, "Ans")
    click_register_row(app, 2)
    assert flows.chosen_stakeholder(app) == "Cor — Aannemer"
    assert not app.exception_texts(), app.exception_texts()
    browser_log.assert_clean()


def test_a_double_click_on_any_add_stores_one(people, app, app_server, browser_log):
    app.goto_page(tr("nav.stakeholders"))
    flows.open_expander(app, tr("stakeholders.new"))
    new = f"sh_new_{people['project']}"
    flows.type_text(app, flows.field(app, new, "name").locator("input"), "Dirk")
    app.act(flows.form_button(app, new).dblclick)
    dirk = flows.stakeholder_in_url(app)
    assert flows.chosen_stakeholder(app) == "Dirk"
    adder = f"sh_int_new_{dirk}"
    flows.type_text(app, flows.field(app, adder, "text").locator("textarea"), "Een lage huur")
    app.act(flows.form_button(app, adder).dblclick)
    assert flows.field(app, adder, "text").locator("textarea").input_value() == ""

    app.click(app.page.get_by_role("link", name=tr("stakeholders.open_worksheet")))
    flows.open_new_action(app, dirk, "conversation")
    action_form = f"ws_new_action_{dirk}_conversation"
    flows.type_text(app, flows.field(app, action_form, "text").locator("input"), "Bellen")
    app.act(flows.form_button(app, action_form).dblclick)
    assert not app.exception_texts(), app.exception_texts()
    app.page.close()
    with app_server.offline_store() as db:
        assert [s.name for s in db.list_stakeholders(people["project"])].count("Dirk") == 1
        assert [i.text for i in db.list_interests(dirk)] == ["Een lage huur"]
        assert [a.text for a in db.list_actions(dirk)] == ["Bellen"]
    browser_log.assert_clean()


def test_action_forms_on_several_rows_in_any_order(people, app, app_server, browser_log):
    cor = people["Cor"]
    app.open(f"{flows.page_path(app, tr('nav.worksheet'))}?stakeholder={cor}")
    value, negotiation = (f"ws_new_action_{cor}_{key}" for key in ("value", "negotiation"))
    assert not flows.field(app, value, "text").count(), "no form until asked for"
    flows.open_new_action(app, cor, "value")
    flows.open_new_action(app, cor, "negotiation")
    flows.type_text(app, flows.field(app, value, "text").locator("input"), "Eerst gevraagd")
    flows.type_text(app, flows.field(app, negotiation, "text").locator("input"), "Later gevraagd")
    # A rated row saved in between: the sheet saves as one, the open forms keep their text.
    flows.fill_worksheet_row(app, cor, worksheet.VALUE, 2, None, "Weinig waarde nog.")
    flows.save_worksheet(app, cor)
    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.worksheet"))
    assert flows.field(app, value, "text").locator("input").input_value() == "Eerst gevraagd"
    assert flows.field(app, negotiation, "text").locator("input").input_value() == (
        "Later gevraagd")
    app.click(flows.form_button(app, negotiation))
    assert flows.field(app, value, "text").locator("input").input_value() == "Eerst gevraagd"
    app.click(flows.form_button(app, value))
    assert not flows.field(app, value, "text").count()
    assert not flows.field(app, negotiation, "text").count()
    app.page.close()
    with app_server.offline_store() as db:
        assert sorted((a.row_key, a.text) for a in db.list_actions(cor)) == [
            ("negotiation", "Later gevraagd"), ("value", "Eerst gevraagd")]
        assert db.latest_worksheet(cor)["value"].reflection == "Weinig waarde nog."
    browser_log.assert_clean()


def test_a_stakeholder_typed_but_not_added_waits_in_the_open_form(people, app, browser_log):
    """Leaving the page with a name typed in the new-stakeholder form: coming back, the form
    is open again with the name in it (the panel's own state is forgotten on other pages)."""
    app.goto_page(tr("nav.stakeholders"))
    flows.open_expander(app, tr("stakeholders.new"))
    new = f"sh_new_{people['project']}"
    flows.type_text(app, flows.field(app, new, "name").locator("input"), "Eva")
    app.goto_page(tr("nav.worksheet"))
    app.goto_page(tr("nav.stakeholders"))
    panel = flows.expander(app, tr("stakeholders.new")).first
    assert panel.locator("details").get_attribute("open") is not None, "open again"
    assert flows.field(app, new, "name").locator("input").input_value() == "Eva"
    assert not app.exception_texts(), app.exception_texts()
    browser_log.assert_clean()
