"""Win-win opties in Chromium (issue 16): a new option typed half-way, agreement fields and all,
survives leaving the page and coming back (Streamlit forgets widgets that are not drawn); a
double click on "Optie toevoegen" and on "Maak acties" stores one option and one set of
actions, which the Werkblad then shows."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Locator

from . import flows
from .flows import tr
from .harness import AppPage

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def seeded(app_server) -> dict[str, int]:
    """A project with two stakeholders who each have an interest, and one of the user's own."""
    with app_server.offline_store() as db:
        project = db.create_project("Opties", start_date=dt.date.today() - dt.timedelta(weeks=4))
        ids = {"project": project}
        for name, interest in (("Ans", "Binnen budget"), ("Bob", "Rust op het plein")):
            ids[name] = db.create_stakeholder(project, name)
            db.add_interest(ids[name], interest, "organisational", "confirmed")
        db.add_own_interest(project, "Op tijd klaar")
    return ids


def choose_many(app: AppPage, multiselect: Locator, *names: str) -> None:
    """Pick options of a multiselect by their text, each click a rerun; then close the list."""
    for name in names:
        options = app.open_select(multiselect)
        app.act(options.filter(has_text=name).first.click)
    app.page.keyboard.press("Escape")


def chosen(multiselect: Locator) -> str:
    return multiselect.inner_text()


def test_leaving_and_coming_back_keeps_the_draft(seeded, app, browser_log):
    app.goto_page(tr("nav.options"))
    form = f"opt_new_{seeded['project']}"
    flows.type_text(app, flows.field(app, form, "title").locator("input"), "Samen bouwen")
    choose_many(app, flows.field(app, form, "serves"), "Rust op het plein")
    app.choose_radio(flows.field(app, form, "status"), tr("options.status.agreed"), rerun=True)
    partners = flows.field(app, form, "partners")
    choose_many(app, partners, "Bob")
    assert "Bob" in chosen(partners)

    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.options"))
    assert tr("form.restored") in app.main_text()
    assert flows.field(app, form, "title").locator("input").input_value() == "Samen bouwen"
    assert "Rust op het plein" in chosen(flows.field(app, form, "serves"))
    assert flows.checked_radio_text(flows.field(app, form, "status")) == tr(
        "options.status.agreed")
    assert "Bob" in chosen(flows.field(app, form, "partners"))

    # Away from "afgesproken" the agreement's fields go; left like that, they come back with it.
    app.choose_radio(flows.field(app, form, "status"), tr("options.status.discussed"),
                     rerun=True)
    assert not flows.field(app, form, "partners").count()
    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.options"))
    assert flows.checked_radio_text(flows.field(app, form, "status")) == tr(
        "options.status.discussed")
    app.choose_radio(flows.field(app, form, "status"), tr("options.status.agreed"), rerun=True)
    assert "Bob" in chosen(flows.field(app, form, "partners"))
    assert "Ans" not in chosen(flows.field(app, form, "partners")), "nothing invented"
    assert not app.exception_texts(), app.exception_texts()
    browser_log.assert_clean()


def test_a_double_click_on_add_and_on_make_actions_stores_once(seeded, app, app_server,
                                                              browser_log):
    app.goto_page(tr("nav.options"))
    form = f"opt_new_{seeded['project']}"
    flows.type_text(app, flows.field(app, form, "title").locator("input"), "Hekken met ramen")
    choose_many(app, flows.field(app, form, "serves"), "Binnen budget", "Rust op het plein",
                "Op tijd klaar")
    app.choose_radio(flows.field(app, form, "status"), tr("options.status.agreed"), rerun=True)
    choose_many(app, flows.field(app, form, "partners"), "Ans", "Bob")
    app.act(flows.form_button(app, form).dblclick)
    app.wait_idle(app.runs(), settle_ms=800)
    assert not app.exception_texts(), app.exception_texts()
    cards = app.page.locator("[class*='st-key-opt_'][class*='__card']")
    assert cards.count() == 1
    card = cards.first
    assert tr("options.every_party") in card.inner_text()

    make = card.locator("[class*='st-key-opt_act_'][class*='__submit']").get_by_role("button")
    app.act(make.dblclick)
    app.wait_idle(app.runs(), settle_ms=800)
    assert not app.exception_texts(), app.exception_texts()
    links = card.get_by_role("link")
    assert links.count() == 2, card.inner_text()
    app.click(links.filter(has_text="Bob").first)
    assert flows.stakeholder_in_url(app) == seeded["Bob"]
    assert "Hekken met ramen" in app.main_text(), "the action is on Bob's Werkblad"
    app.page.close()

    with app_server.offline_store() as db:
        (option,) = db.list_options(seeded["project"])
        assert option.title == "Hekken met ramen" and option.partners == (
            seeded["Ans"], seeded["Bob"])
        for name in ("Ans", "Bob"):
            assert [a.text for a in db.list_actions(seeded[name])] == ["Hekken met ramen"]
    browser_log.assert_clean()
