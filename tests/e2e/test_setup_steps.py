"""Issue 15's set-up case, counted in Chromium: from the empty app, a project, six stakeholders
(name, role and achterban each) with two interests each (one suspected, one confirmed), and one
stakeholder's worksheet (four rated rows with a reflection, one action).

The script does what a person does, the shortest natural way the screen offers, and adapts to
what it sees rather than to what it knows of the code: it clicks into a field only when the
cursor is not already there, opens a panel only when it is shut, picks a status the way the
field offers (one click on a choice, or open a list and click), and follows the offered next
step when there is one, else the menu. So the same script measures the old screens too (see the
report for main's count). Counted by tests/e2e/steps.py: a click, a command key, or typing into
one field (however many letters) is one action.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator

from belangen import worksheet
from belangen.store import Store

from . import flows
from .flows import tr
from .harness import AppPage
from .steps import count_steps, steps

pytestmark = pytest.mark.e2e

PROJECT = "Herinrichting stationsgebied"
PEOPLE = [
    ("Wethouder Jansen", "Gemeente", "De gemeenteraad en de coalitie"),
    ("Bewoner Smit", "Bewonersraad", "De buurt rond het plein"),
    ("Aannemer Bakker", "Bouwbedrijf", "Directie en uitvoerders"),
    ("Ondernemer Yilmaz", "Winkeliersvereniging", "De winkels aan het plein"),
    ("Beleidsadviseur De Vries", "Provincie", "Gedeputeerde Staten"),
    ("Projectleider Kaya", "ProRail", "Het landelijke programma"),
]
REFLECTIONS = {
    worksheet.GENUINE_INTEREST.key: (3, "Ik vraag door, maar laat het weinig zien."),
    worksheet.VALUE.key: (2, "Nog weinig waarde voor de gemeente."),
    worksheet.CONVERSATION.key: (4, "Open gesprek over de begroting."),
    worksheet.NEGOTIATION.key: (1, "Wacht de verkiezingen af."),
}
ACTION = (worksheet.VALUE.key, "Evaluatiegesprek plannen")

# What the case needs at the least, whatever the screens: 36 texts typed (project name, 6 × 3
# profile fields, 12 interests, 4 reflections, 1 action), 10 choices (6 confirmed statuses, 4
# ratings), 21 saves (project, 6 stakeholders, 12 interests, 1 action, the worksheet) and 3
# moves (to Projecten, to Stakeholders, to the Werkblad): 70. Beyond it, one click to put the
# cursor in each field the app does not put it in (the project name, 5 × 3 + 2 profile fields,
# 4 reflections: 22) and one to ask for the action form: 93. The bound allows that and no
# panel to reopen, no list to open, no extra page.
FLOOR = 70
BOUND = FLOOR + 23


class Person:
    """Drives one tab as a person would; every action goes through the page itself, so the
    step counter sees exactly what a person would do."""

    def __init__(self, app: AppPage) -> None:
        self.app = app

    def focused(self, field: Locator) -> bool:
        """Whether the cursor is in this field already (the app may have put it there after
        the last save): polled briefly, as a person glances before typing."""
        try:
            self.app.page.wait_for_function(
                "el => el.contains(document.activeElement)", arg=field.element_handle(),
                timeout=800)
            return True
        except Exception:
            return False

    def type_into(self, field: Locator, text: str) -> None:
        """Put the cursor in the field if it is not there (a click), type, and move on: the
        next click would commit the text, so it is committed here by leaving the field from
        the page's script, which the counter does not see (the next click counts anyway)."""
        box = field.locator("input, textarea").first
        box.scroll_into_view_if_needed()
        if not self.focused(field):
            box.click()
        box.fill(text)
        self.app.act(lambda: box.evaluate("el => el.blur()"))

    def click(self, target: Locator) -> None:
        target.scroll_into_view_if_needed()
        self.app.click(target)

    def open_panel(self, label: str) -> Locator:
        """A panel (expander) with this label: clicked open when it is shut."""
        panel = flows.expander(self.app, label).first
        if panel.locator("details").get_attribute("open") is None:
            self.click(panel.locator("summary"))
            self.app.open_expander(panel)
        return panel

    def choose(self, field: Locator, option: str) -> None:
        """A choice as the field offers it: a click on the option when the options are in
        view; open the list and click the option when it is a drop-down."""
        choices = field.get_by_test_id("stRadio")
        if choices.count():
            label = choices.locator("label").filter(has_text=option).first
            if not label.locator("input").is_checked():
                self.click(label)
            return
        combobox = field.get_by_role("combobox")
        if combobox.input_value() == option:
            return
        self.app.page.wait_for_timeout(300)  # a person does not click within a rerun
        combobox.click()
        listed = self.app.page.get_by_role("option", name=option, exact=True)
        listed.wait_for(state="visible")
        self.app.act(listed.click)

    def go_to(self, title: str) -> None:
        self.app.goto_page(title)


def create_project(person: Person) -> None:
    person.go_to(tr("nav.projects"))
    flows.open_new_project_form(person.app)
    person.type_into(flows.field(person.app, "proj_new", "name"), PROJECT)
    person.click(flows.form_button(person.app, "proj_new"))


def to_stakeholders(person: Person) -> None:
    """The step the app offers after a new project, else the menu."""
    offered = person.app.key("proj_add_first_stakeholder").get_by_role("button")
    if offered.count():
        person.click(offered)
    else:
        person.go_to(tr("nav.stakeholders"))


def add_stakeholder(person: Person, project_id: int, name: str, role: str,
                    constituency: str) -> int:
    person.open_panel(tr("stakeholders.new"))
    form = f"sh_new_{project_id}"
    for field_name, text in (("name", name), ("role", role), ("constituency", constituency)):
        person.type_into(flows.field(person.app, form, field_name), text)
    person.click(flows.form_button(person.app, form))
    assert not person.app.exception_texts(), person.app.exception_texts()
    assert name in flows.chosen_stakeholder(person.app), "a stakeholder just added is shown"
    return flows.stakeholder_in_url(person.app)


def add_interest(person: Person, stakeholder_id: int, text: str, status: str) -> None:
    form = f"sh_int_new_{stakeholder_id}"
    if flows.expander(person.app, tr("interests.new")).count():
        person.open_panel(tr("interests.new"))
    person.type_into(flows.field(person.app, form, "text"), text)
    person.choose(flows.field(person.app, form, "status"),
                  worksheet.INTEREST_STATUSES[status]("nl"))
    person.click(flows.form_button(person.app, form))
    assert not person.app.exception_texts(), person.app.exception_texts()


def fill_worksheet(person: Person, stakeholder_id: int) -> None:
    person.click(person.app.page.get_by_role("link", name=tr("stakeholders.open_worksheet")))
    form = f"ws_{stakeholder_id}"
    for row in worksheet.DIMENSIONS:
        rating, reflection = REFLECTIONS[row.key]
        person.choose(flows.field(person.app, form, f"{row.key}_rating"),
                      flows.rating_option(row, rating))
        person.type_into(flows.field(person.app, form, f"{row.key}_reflection"), reflection)
    row_key, text = ACTION
    adder = f"ws_new_action_{stakeholder_id}_{row_key}"
    flows.open_new_action(person.app, stakeholder_id, row_key)
    person.type_into(flows.field(person.app, adder, "text"), text)
    person.click(flows.form_button(person.app, adder))
    person.click(flows.form_button(person.app, form))
    assert not person.app.exception_texts(), person.app.exception_texts()


def test_setting_up_six_stakeholders_takes_few_steps(browser_session, new_tab, app_server,
                                                      browser_log):
    count_steps(browser_session[0])
    app = new_tab().open("/")
    person = Person(app)
    create_project(person)
    to_stakeholders(person)
    project_id = new_stakeholder_form_project(app)
    ids = []
    for name, role, constituency in PEOPLE:
        ids.append(add_stakeholder(person, project_id, name, role, constituency))
        add_interest(person, ids[-1], f"Draagvlak bij de achterban van {name}", "suspected")
        add_interest(person, ids[-1], f"Een haalbare planning voor {role}", "confirmed")
    fill_worksheet(person, ids[-1])
    counted = steps(app.page)
    print(f"\nset-up steps for the six-stakeholder case: {counted} (floor {FLOOR})")
    app.page.close()

    with app_server.offline_store() as db:
        assert_stored(db, ids)
    assert counted <= BOUND, f"{counted} steps for the set-up case, more than {BOUND}"
    browser_log.assert_clean()


def assert_stored(db: Store, ids: list[int]) -> None:
    """Everything the person did is stored, once."""
    (project,) = db.list_projects()
    assert project.name == PROJECT
    people = db.list_stakeholders(project.id)
    assert [(p.name, p.role, p.constituency) for p in people] == sorted(
        PEOPLE, key=lambda person: person[0].lower())
    for stakeholder_id in ids:
        assert sorted(i.status for i in db.list_interests(stakeholder_id)) == [
            "confirmed", "suspected"]
    latest = db.latest_worksheet(ids[-1])
    assert {key: (entry.rating, entry.reflection) for key, entry in latest.items()} == (
        REFLECTIONS)
    assert [(a.row_key, a.text) for a in db.list_actions(ids[-1])] == [ACTION]


def new_stakeholder_form_project(app: AppPage) -> int:
    """The active project's id, read off the new-stakeholder form's key (`sh_new_<id>`)."""
    classes = app.page.locator("[class*='st-key-sh_new_'][class*='__name']").first.get_attribute(
        "class") or ""
    key = next(c for c in classes.split() if c.startswith("st-key-sh_new_"))
    return int(key.removeprefix("st-key-sh_new_").split("__")[0])
