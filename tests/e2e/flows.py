"""What a user does in the app, step by step, written once for every browser test.

Labels come from the app's own catalogue and worksheet definition, so a renamed button breaks
here once instead of in every test. The Dutch UI (the default) is assumed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Callable, Iterator
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Locator

from belangen import domain, formats, texts, worksheet
from belangen.form_state import widget_key

from .harness import AppPage

LANGUAGE = {"current": "nl"}
"""The language the browser tests read the app in; `speaking(lang)` switches it."""


def lang() -> str:
    return LANGUAGE["current"]


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Read and drive the app in `language` (open it with `?lang=en` for English)."""
    before, LANGUAGE["current"] = LANGUAGE["current"], language
    try:
        yield
    finally:
        LANGUAGE["current"] = before


def tr(key: str, **params: object) -> str:
    return texts.t(key, lang(), **params)


def tr_count(key: str, count: int, **params: object) -> str:
    return texts.t_count(key, count, lang(), **params)


def dmy(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def rating_option(row: worksheet.WorksheetRow, rating: int) -> str:
    """The text of one point of the labelled scale, as the radio and the target list show it."""
    return f"{rating} · {row.rating_label(rating, lang())}"


def page_path(app: AppPage, title: str) -> str:
    """The URL path of a page, as the sidebar navigation links to it (app.py's url_path)."""
    link = app.page.get_by_test_id("stSidebarNav").get_by_role("link", name=title)
    return "/" + urlsplit(link.get_attribute("href") or "").path.lstrip("/")


def stakeholder_in_url(app: AppPage) -> int:
    """The stakeholder picker keeps its choice in the URL (`?stakeholder=<id>`)."""
    return int(parse_qs(urlsplit(app.page.url).query)["stakeholder"][0])


def expander(app: AppPage, label_part: str) -> Locator:
    return app.page.get_by_test_id("stExpander").filter(
        has=app.page.locator("summary", has_text=label_part)
    )


def open_expander(app: AppPage, label_part: str) -> Locator:
    return app.open_expander(expander(app, label_part).first)


def edit_in_folding_panel(app: AppPage, *, page: str, label: str, box: Callable[[], Locator],
                          text: str, closed_notice: str, form_id: str) -> None:
    """Walk a folding panel (`ui.folding_panel`) as a user does: its form is not built until
    the panel opens; `text` typed in `box()` stays while the panel is open across a rerun, is
    kept as a draft (and said so) when it closes and after leaving the page, is back on
    opening, and is saved by the form's button. The caller checks what was stored."""
    app.goto_page(page)
    assert not box().count(), "the form is built before its panel is opened"
    open_expander(app, label)
    box().fill(text)
    # Leaving the field reruns the page; the panel must stay open with the text in it.
    app.act(lambda: app.page.get_by_test_id("stMain").locator("h1").first.click())
    assert box().input_value() == text
    app.act(lambda: expander(app, label).first.locator("summary").click())
    assert not box().count()
    assert closed_notice in app.main_text()
    app.goto_page(tr("nav.overview"))
    app.goto_page(page)
    assert closed_notice in app.main_text()
    open_expander(app, label)
    assert box().input_value() == text
    app.click(form_button(app, form_id))
    assert closed_notice not in app.main_text()


def field(app: AppPage, form_id: str, name: str) -> Locator:
    """One field of a form (belangen.form_state keys it `<form id>__<field>`)."""
    return app.key(widget_key(form_id, name))


def form_button(app: AppPage, form_id: str, name: str = "submit") -> Locator:
    """A form's button: its key carries the drawing's token, its container's key is stable."""
    return app.key(f"{form_id}__{name}").get_by_role("button")


def type_text(app: AppPage, box: Locator, text: str) -> None:
    """Type into a text field outside a form and leave it, as a user does, so the value is sent
    (Streamlit sends a text field's value when it loses focus)."""
    box.fill(text)
    app.act(lambda: box.press("Tab"))


def open_folded_form(app: AppPage, form_id: str, field_name: str, panel_label_key: str) -> None:
    """A form in a new-form panel (`ui.new_form_panel`), opening the panel first when it is
    folded; ready once its field `field_name` is drawn."""
    if not field(app, form_id, field_name).count():
        open_expander(app, tr(panel_label_key))
    field(app, form_id, field_name).wait_for()


def open_new_project_form(app: AppPage) -> None:
    """On Projecten (folded once a project exists)."""
    open_folded_form(app, "proj_new", "name", "projects.new")


def open_new_link_form(app: AppPage, form_id: str) -> None:
    """On the Belangenkaart (folded until asked for)."""
    open_folded_form(app, form_id, "first_ref", "map.link.new")


def create_project(app: AppPage, name: str, start: dt.date, goal: str = "") -> None:
    app.goto_page(tr("nav.projects"))
    open_new_project_form(app)
    type_text(app, field(app, "proj_new", "name").locator("input"), name)
    type_text(app, field(app, "proj_new", "own_goal").locator("textarea"), goal)
    app.fill_date(field(app, "proj_new", "start_date"), dmy(start))
    app.click(form_button(app, "proj_new"))
    assert not app.exception_texts(), app.exception_texts()


def choose_project(app: AppPage, name: str) -> None:
    """Make a project the active one, in the sidebar."""
    picker = app.page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(
        has_text=tr("nav.active_project"))
    app.choose_select(picker, name)


def add_stakeholder(app: AppPage, name: str, role: str = "", constituency: str = "") -> int:
    """Add a stakeholder to the active project; returns its id (from the URL)."""
    app.goto_page(tr("nav.stakeholders"))
    new = open_expander(app, tr("stakeholders.new"))
    type_text(app, new.get_by_label(tr("stakeholders.name"), exact=True), name)
    type_text(app, new.get_by_label(tr("stakeholders.role"), exact=True), role)
    type_text(app, new.get_by_label(tr("stakeholders.constituency"), exact=True), constituency)
    app.click(new.get_by_role("button", name=tr("stakeholders.add")))
    assert not app.exception_texts(), app.exception_texts()
    assert name in chosen_stakeholder(app), "a stakeholder just added is the one shown"
    return stakeholder_in_url(app)


def stakeholder_picker(app: AppPage) -> Locator:
    """The shared stakeholder selectbox of ui.stakeholder_picker, in the main area."""
    return app.page.get_by_test_id("stMain").get_by_test_id("stSelectbox").filter(
        has=app.page.get_by_text(tr("common.stakeholder"), exact=True)
    ).first


def chosen_stakeholder(app: AppPage) -> str:
    return stakeholder_picker(app).get_by_role("combobox").input_value()


def choose_stakeholder(app: AppPage, name: str) -> None:
    """Pick a stakeholder by the start of its label ("name — role", maybe after ✓/○)."""
    if name not in chosen_stakeholder(app):
        label = next(text for text in stakeholder_options(app) if name in text)
        app.choose_select(stakeholder_picker(app), label)


def pick_stakeholder_once(app: AppPage, name: str) -> None:
    """One choice in the picker, as a user makes it: open the list, click the name, once. No
    retry, so a picker that ignores a choice is seen ignoring it."""
    picker = stakeholder_picker(app)
    option = app.open_select(picker).filter(has_text=name).first
    app.act(option.click)


def stakeholder_options(app: AppPage) -> list[str]:
    texts_shown = app.open_select(stakeholder_picker(app)).all_inner_texts()
    app.page.keyboard.press("Escape")
    return texts_shown


def add_interest(
    app: AppPage, stakeholder_id: int, text: str, kind: str, status: str, signals: str = ""
) -> None:
    """On the Stakeholders page, with the stakeholder chosen: row 1 of the worksheet (its
    new-interest form is always in view; the status is a choice of two)."""
    form = f"sh_int_new_{stakeholder_id}"
    type_text(app, field(app, form, "text").locator("textarea"), text)
    app.choose_select(field(app, form, "kind"), worksheet.INTEREST_KINDS[kind](lang()))
    app.choose_radio(field(app, form, "status"), worksheet.INTEREST_STATUSES[status](lang()),
                     rerun=True)
    type_text(app, field(app, form, "signals").locator("textarea"), signals)
    app.click(form_button(app, form))
    assert not app.exception_texts(), app.exception_texts()


def save_worksheet(app: AppPage, stakeholder_id: int) -> None:
    """On the Werkblad: save the sheet (every row changed since it was drawn) and see no error."""
    app.click(form_button(app, f"ws_{stakeholder_id}"))
    assert not app.exception_texts(), app.exception_texts()
    assert not app.page.get_by_test_id("stAlertContentError").count(), app.main_text()


def fill_worksheet_row(
    app: AppPage,
    stakeholder_id: int,
    row: worksheet.WorksheetRow,
    rating: int,
    target: int | None,
    reflection: str,
) -> None:
    """On the Werkblad: rate one row, set the target, write the reflection (not saved yet)."""
    form = f"ws_{stakeholder_id}"
    app.choose_radio(field(app, form, f"{row.key}_rating"), rating_option(row, rating),
                     rerun=True)
    if target is not None:
        app.choose_select(field(app, form, f"{row.key}_target"), rating_option(row, target))
    type_text(app, field(app, form, f"{row.key}_reflection").locator("textarea"), reflection)


def add_action(app: AppPage, stakeholder_id: int, row_key: str, text: str) -> None:
    """On the Werkblad: a new action in the right-hand column of one row (its form opened
    first when it is not open yet)."""
    form = f"ws_new_action_{stakeholder_id}_{row_key}"
    open_new_action(app, stakeholder_id, row_key)
    type_text(app, field(app, form, "text").locator("input"), text)
    app.click(form_button(app, form))
    assert not app.exception_texts(), app.exception_texts()


def open_new_action(app: AppPage, stakeholder_id: int, row_key: str) -> None:
    """On the Werkblad: open one row's new-action form (asked for with a small button).

    Wait until the row shows the button or the open form: in a new tab Streamlit fetches a
    widget's code the first time one is drawn and shows a grey skeleton meanwhile, under load
    for a second after the run ended, and a test that looked once skipped the click."""
    form_id = f"ws_new_action_{stakeholder_id}_{row_key}"
    asked = app.key(f"{form_id}__open").get_by_role("button")
    asked.or_(field(app, form_id, "text").locator("input")).first.wait_for(state="visible")
    if asked.count():
        app.click(asked)


def checked_radio_text(radio: Locator) -> str:
    return radio.locator("label").filter(has=radio.page.locator("input:checked")).inner_text()


READ_AGAIN_S = 3.0


def shown_once_drawn(app: AppPage, read: Callable[[], object], expected: object) -> object:
    """What `read()` finds once the browser has drawn the run: read again for up to
    READ_AGAIN_S while it differs from `expected`. On a loaded CI machine a radio's choice and a
    text area's text were seen arriving a frame after the run had settled (the failure
    screenshot, a moment later, showed them), so a check reading once failed on timing; a form
    that stays wrong still fails."""
    deadline = time.monotonic() + READ_AGAIN_S
    while True:
        shown = read()
        if shown == expected or time.monotonic() > deadline:
            return shown
        app.page.wait_for_timeout(200)


def worksheet_row_state(app: AppPage, stakeholder_id: int, row: worksheet.WorksheetRow) -> dict:
    """What the Werkblad shows for one rated row: rating, target and reflection."""
    form = f"ws_{stakeholder_id}"
    target = field(app, form, f"{row.key}_target").get_by_role("combobox")
    rating = field(app, form, f"{row.key}_rating")
    return {
        "rating": checked_radio_text(rating) if rating.locator("input:checked").count() else None,
        # No target shows as the placeholder, which must read "—" like the "no target" option.
        "target": target.input_value() or target.get_attribute("placeholder"),
        "reflection": field(app, form, f"{row.key}_reflection").locator("textarea")
        .input_value(),
    }


# --- the weekly loop -----------------------------------------------------------------------


def this_week() -> dt.date:
    """The Monday of the week the server's clock is in (the browser tests run on real time)."""
    return domain.week_start(dt.date.today())


def follow_up_form(stakeholder_id: int, week: dt.date) -> str:
    return f"fu_{stakeholder_id}_{week.isoformat()}"


def week_label(week: dt.date, today: dt.date | None = None) -> str:
    """The week as the week chooser names it on the app's `today` (the real one by default)."""
    return formats.week_choice(week, lang(), today or dt.date.today())


def choose_week(app: AppPage, week: dt.date, today: dt.date | None = None) -> None:
    """On the follow-up page: the week to log, from the week chooser."""
    app.choose_select(app.key("fu_week"), week_label(week, today))


def fill_follow_up(
    app: AppPage, stakeholder_id: int, week: dt.date, ratings: tuple[int, ...], reflection: str
) -> None:
    form = follow_up_form(stakeholder_id, week)
    for row, rating in zip(worksheet.DIMENSIONS, ratings, strict=True):
        app.choose_radio(field(app, form, f"rating_{row.key}"), rating_option(row, rating),
                         rerun=True)
    type_text(app, field(app, form, "reflection").locator("textarea"), reflection)


def save_follow_up(app: AppPage, stakeholder_id: int, week: dt.date) -> None:
    app.click(form_button(app, follow_up_form(stakeholder_id, week)))
    assert not app.exception_texts(), app.exception_texts()


def follow_up_state(app: AppPage, stakeholder_id: int, week: dt.date) -> dict:
    """What the follow-up form shows: the checked option of each rating, and the reflection."""
    form = follow_up_form(stakeholder_id, week)
    ratings = []
    for row in worksheet.DIMENSIONS:
        radio = field(app, form, f"rating_{row.key}")
        checked = radio.locator("input:checked")
        ratings.append(checked_radio_text(radio) if checked.count() else None)
    reflection = field(app, form, "reflection").locator("textarea").input_value()
    return {"ratings": ratings, "reflection": reflection}


def fill_new_project(app: AppPage, name: str, start: dt.date) -> None:
    open_new_project_form(app)
    type_text(app, field(app, "proj_new", "name").locator("input"), name)
    app.fill_date(field(app, "proj_new", "start_date"), dmy(start))


def new_project_button(app: AppPage) -> Locator:
    return form_button(app, "proj_new")


def fill_new_interest(app: AppPage, stakeholder_id: int, text: str) -> None:
    type_text(app, field(app, f"sh_int_new_{stakeholder_id}", "text").locator("textarea"), text)


def new_interest_button(app: AppPage, stakeholder_id: int) -> Locator:
    return form_button(app, f"sh_int_new_{stakeholder_id}")


def overview_stakeholder_rows(app: AppPage) -> list[list[str]]:
    """The cells of Overzicht's stakeholder table, row by row (name first), read from the
    data grid's accessible table (drawn once the grid has focus)."""
    grid = app.page.get_by_test_id("stDataFrame").first
    canvas = grid.get_by_test_id("data-grid-canvas")
    canvas.evaluate("el => el.focus()")
    rows = grid.locator("tbody tr")
    rows.first.wait_for(state="attached")
    return [row.locator("td").all_inner_texts() for row in rows.all()]


TRENDS_VIEWS = ("stakeholder", "latest", "course", "what_worked")
"""The views of Trends' `tr_view` control, in the order pages/trends.py offers them."""


def segment(app: AppPage, key: str, label: str) -> Locator:
    """One option of the segmented control `key`: Streamlit 1.67 draws its options as radios."""
    return app.key(key).get_by_role("radio", name=label, exact=True)


def segment_chosen(option: Locator) -> bool:
    return option.get_attribute("aria-checked") == "true"


def choose_segment(app: AppPage, key: str, label: str) -> None:
    """Choose one option of a segmented control; choosing reruns the page. A no-op when it is
    already the chosen one."""
    option = segment(app, key, label)
    if not segment_chosen(option):
        app.click(option)


def trends_view_button(app: AppPage, view: str) -> Locator:
    """The option of one Trends view ('stakeholder', 'latest', 'course', 'what_worked')."""
    return segment(app, "tr_view", tr(f"trends.view_{view}"))


def trends_view_chosen(button: Locator) -> bool:
    return segment_chosen(button)


def choose_trends_view(app: AppPage, view: str) -> None:
    """On Trends: one of the views above the charts; choosing reruns the page, which then draws
    only that view."""
    choose_segment(app, "tr_view", tr(f"trends.view_{view}"))


def choose_trends_period(app: AppPage, period: str) -> None:
    """On Trends: the weeks a history chart covers ('13', '26', '52' or 'all')."""
    choose_segment(app, "tr_period", tr(f"trends.period_{period}"))
