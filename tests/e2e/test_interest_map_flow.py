"""The Belangenkaart in Chromium (issue 16): what is typed in its forms and not saved waits there
after leaving the page (Streamlit forgets widgets on other pages), and a double click on
'Verband leggen' stores one link, also a slow one whose second click comes while the first one's
save runs (that one stores two, or is refused as a pair linked twice, when the button keeps its
key and the save its token)."""

from __future__ import annotations

import pytest

from belangen import texts

from . import flows
from .flows import tr
from .harness import AppPage

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def parties(app_server) -> dict[str, int]:
    """A project with two stakeholders, each with one interest."""
    with app_server.offline_store() as db:
        project = db.create_project("Kaart")
        ids = {"project": project}
        ids["Gemeente"] = db.create_stakeholder(project, "Gemeente")
        ids["Bewoners"] = db.create_stakeholder(project, "Bewoners")
        ids["budget"] = db.add_interest(ids["Gemeente"], "Binnen budget", "organisational",
                                        "confirmed")
        ids["groen"] = db.add_interest(ids["Bewoners"], "Meer groen", "other", "confirmed")
        ids["rust"] = db.add_interest(ids["Bewoners"], "Rust op het plein", "other",
                                      "confirmed")
    return ids


SLOW_SECOND_CLICK = """
(button) => { button.click(); setTimeout(() => button.click(), 150); }
"""


def link_form(parties: dict[str, int]) -> str:
    return f"map_link_new_{parties['project']}"


def open_map(app: AppPage) -> None:
    app.goto_page(tr("nav.interest_map"))
    assert not app.exception_texts(), app.exception_texts()


def test_a_draft_waits_in_the_map_s_forms_after_leaving(parties, app, browser_log):
    open_map(app)
    own = f"map_own_new_{parties['project']}"
    flows.type_text(app, flows.field(app, own, "text").locator("textarea"), "Op tijd klaar")
    app.choose_radio(flows.field(app, own, "on_table"), tr("map.own.kept"), rerun=True)
    link = link_form(parties)
    flows.open_new_link_form(app, link)
    app.choose_select(flows.field(app, link, "first_ref"), "Gemeente — Binnen budget")
    app.choose_radio(flows.field(app, link, "relation"), tr("map.relation.tension"), rerun=True)

    app.goto_page(tr("nav.overview"))
    open_map(app)
    assert flows.field(app, own, "text").locator("textarea").input_value() == "Op tijd klaar"
    assert flows.field(app, own, "on_table").locator("input").nth(1).is_checked()
    assert (flows.field(app, link, "first_ref").get_by_role("combobox").input_value()
            == "Gemeente — Binnen budget")
    assert flows.field(app, link, "relation").locator("input").nth(1).is_checked()
    assert app.page.get_by_text(texts.t("form.restored")).count() == 2, "each form says so"
    browser_log.assert_clean()


def test_a_double_click_on_verband_leggen_stores_one_link(parties, app, app_server,
                                                           browser_log):
    open_map(app)
    link = link_form(parties)
    flows.open_new_link_form(app, link)
    app.choose_select(flows.field(app, link, "first_ref"), "Gemeente — Binnen budget")
    app.choose_select(flows.field(app, link, "second_ref"), "Bewoners — Meer groen")
    flows.type_text(app, flows.field(app, link, "note").locator("input"), "Groen kost geld")
    app.act(flows.form_button(app, link).dblclick)
    assert not app.exception_texts(), app.exception_texts()
    # A slower double click: the second comes while the first one's save is under way.
    app.choose_select(flows.field(app, link, "first_ref"), "Gemeente — Binnen budget")
    app.choose_select(flows.field(app, link, "second_ref"), "Bewoners — Rust op het plein")
    app.act(lambda: flows.form_button(app, link).evaluate(SLOW_SECOND_CLICK))
    assert not app.exception_texts(), app.exception_texts()
    assert not app.page.get_by_test_id("stAlertContentError").count(), app.main_text()
    assert app.page.get_by_text("Groen kost geld").count() >= 1, "the link is on the map"
    app.page.close()
    with app_server.offline_store() as db:
        assert [(lk.relation, lk.note) for lk in db.list_links(parties["project"])] == [
            ("shared", "Groen kost geld"), ("shared", "")]
    browser_log.assert_clean()


def test_the_new_link_form_is_folded_until_asked_for(parties, app, browser_log):
    """The map opens with the form folded; a choice made in it stays when the panel closes
    (said under it) and after leaving the page, and a reload starts folded again."""
    open_map(app)
    link = link_form(parties)
    first = flows.field(app, link, "first_ref")
    assert not first.count(), "the form is folded"
    flows.open_expander(app, tr("map.link.new"))
    app.choose_select(first, "Bewoners — Meer groen")
    app.act(lambda: flows.expander(app, tr("map.link.new")).first.locator("summary").click())
    assert not first.count()
    assert tr("map.link.unsaved_closed") in app.main_text()
    app.goto_page(tr("nav.overview"))
    open_map(app)
    assert first.get_by_role("combobox").input_value() == "Bewoners — Meer groen", (
        "back with the choice: open")
    app.page.reload()
    app.wait_idle(0)
    assert not first.count(), "a new visit starts folded"
    assert not app.exception_texts()
    browser_log.assert_clean()
