"""What a user does in the app, step by step, written once for every browser test.

Labels come from the app's own catalogue and worksheet definition, so a renamed button breaks
here once instead of in every test. The Dutch UI (the default) is assumed.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Locator

from belangen import texts, worksheet

from .harness import AppPage


def tr(key: str, **params: object) -> str:
    return texts.t(key, "nl", **params)


def dmy(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def rating_option(row: worksheet.WorksheetRow, rating: int) -> str:
    """The text of one point of the labelled scale, as the radio and the target list show it."""
    return f"{rating} · {row.rating_label(rating, 'nl')}"


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


def create_project(app: AppPage, name: str, start: dt.date, goal: str = "") -> None:
    app.goto_page(tr("nav.projects"))
    app.key("proj_new_name").locator("input").fill(name)
    app.key("proj_new_goal").locator("textarea").fill(goal)
    app.fill_date(app.key("proj_new_start"), dmy(start), rerun=False)
    app.click(app.key("proj_new_submit").get_by_role("button"))
    assert not app.exception_texts(), app.exception_texts()


def add_stakeholder(app: AppPage, name: str, role: str = "", constituency: str = "") -> int:
    """Add a stakeholder to the active project; returns its id (from the URL)."""
    app.goto_page(tr("nav.stakeholders"))
    open_expander(app, tr("stakeholders.new"))
    app.key("sh_new_name").locator("input").fill(name)
    app.key("sh_new_role").locator("input").fill(role)
    app.key("sh_new_constituency").locator("textarea").fill(constituency)
    app.click(app.key("sh_new_submit").get_by_role("button"))
    assert not app.exception_texts(), app.exception_texts()
    choose_stakeholder(app, name)
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
    """On the Stakeholders page, with the stakeholder chosen: row 1 of the worksheet."""
    open_expander(app, tr("interests.new"))
    prefix = f"sh_int_new_{stakeholder_id}"
    app.key(f"{prefix}_text").locator("textarea").fill(text)
    app.choose_select(app.key(f"{prefix}_kind"), worksheet.INTEREST_KINDS[kind]("nl"),
                      rerun=False)
    app.choose_select(app.key(f"{prefix}_status"), worksheet.INTEREST_STATUSES[status]("nl"),
                      rerun=False)
    app.key(f"{prefix}_signals").locator("textarea").fill(signals)
    app.click(app.key(f"{prefix}_submit").get_by_role("button"))
    assert not app.exception_texts(), app.exception_texts()


def save_worksheet_row(
    app: AppPage,
    stakeholder_id: int,
    row: worksheet.WorksheetRow,
    rating: int,
    target: int | None,
    reflection: str,
) -> None:
    """On the Werkblad: rate one row, set the target, write the reflection, save the row."""
    prefix = f"ws_{stakeholder_id}_{row.key}"
    app.choose_radio(app.key(f"{prefix}_rating"), rating_option(row, rating))
    if target is not None:
        app.choose_select(app.key(f"{prefix}_target"), rating_option(row, target), rerun=False)
    app.key(f"{prefix}_reflection").locator("textarea").fill(reflection)
    app.click(app.key(f"{prefix}_save").get_by_role("button"))
    assert not app.exception_texts(), app.exception_texts()
    assert not app.page.get_by_test_id("stAlertContentError").count(), app.main_text()


def add_action(app: AppPage, stakeholder_id: int, row_key: str, text: str) -> None:
    """On the Werkblad: a new action in the right-hand column of one row."""
    prefix = f"ws_new_action_{stakeholder_id}_{row_key}"
    app.key(f"{prefix}_text").locator("input").fill(text)
    app.click(app.key(f"{prefix}_add").get_by_role("button"))
    assert not app.exception_texts(), app.exception_texts()


def checked_radio_text(radio: Locator) -> str:
    return radio.locator("label").filter(has=radio.page.locator("input:checked")).inner_text()


def worksheet_row_state(app: AppPage, stakeholder_id: int, row: worksheet.WorksheetRow) -> dict:
    """What the Werkblad shows for one rated row: rating, target and reflection."""
    prefix = f"ws_{stakeholder_id}_{row.key}"
    target = app.key(f"{prefix}_target").get_by_role("combobox")
    return {
        "rating": checked_radio_text(app.key(f"{prefix}_rating")),
        # No target shows as the placeholder, which must read "—" like the "no target" option.
        "target": target.input_value() or target.get_attribute("placeholder"),
        "reflection": app.key(f"{prefix}_reflection").locator("textarea").input_value(),
    }


# --- the weekly loop (issue 10) ------------------------------------------------------------


def follow_up_prefix(stakeholder_id: int, week: dt.date) -> str:
    return f"fu_{stakeholder_id}_{week.isoformat()}"


def choose_week(app: AppPage, week: dt.date) -> None:
    """On the follow-up page: the week to log (any day in it)."""
    app.fill_date(app.key("fu_day"), dmy(week))


def fill_follow_up(
    app: AppPage, stakeholder_id: int, week: dt.date, ratings: tuple[int, ...], reflection: str
) -> None:
    prefix = follow_up_prefix(stakeholder_id, week)
    for row, rating in zip(worksheet.DIMENSIONS, ratings, strict=True):
        app.choose_radio(app.key(f"{prefix}_rating_{row.key}"), rating_option(row, rating),
                         rerun=True)
    text = app.key(f"{prefix}_reflection").locator("textarea")
    text.fill(reflection)
    app.act(lambda: text.press("Tab"))


def save_follow_up(app: AppPage) -> None:
    app.click(app.key("fu_save").get_by_role("button"))
    assert not app.exception_texts(), app.exception_texts()


def follow_up_state(app: AppPage, stakeholder_id: int, week: dt.date) -> dict:
    """What the follow-up form shows: the checked option of each rating, and the reflection."""
    prefix = follow_up_prefix(stakeholder_id, week)
    ratings = []
    for row in worksheet.DIMENSIONS:
        radio = app.key(f"{prefix}_rating_{row.key}")
        checked = radio.locator("input:checked")
        ratings.append(checked_radio_text(radio) if checked.count() else None)
    reflection = app.key(f"{prefix}_reflection").locator("textarea").input_value()
    return {"ratings": ratings, "reflection": reflection}


def fill_new_project(app: AppPage, name: str, start: dt.date) -> None:
    app.key("proj_new_name").locator("input").fill(name)
    app.fill_date(app.key("proj_new_start"), dmy(start), rerun=False)


def new_project_button(app: AppPage) -> Locator:
    return app.key("proj_new_submit").get_by_role("button")


def fill_new_interest(app: AppPage, stakeholder_id: int, text: str) -> None:
    open_expander(app, tr("interests.new"))
    app.key(f"sh_int_new_{stakeholder_id}_text").locator("textarea").fill(text)


def new_interest_button(app: AppPage, stakeholder_id: int) -> Locator:
    return app.key(f"sh_int_new_{stakeholder_id}_submit").get_by_role("button")


def overview_stakeholder_rows(app: AppPage) -> list[list[str]]:
    """The cells of Overzicht's stakeholder table, row by row (name first)."""
    grid = app.page.get_by_test_id("stDataFrame").first
    canvas = grid.get_by_test_id("data-grid-canvas")
    canvas.evaluate("el => el.focus()")
    rows = grid.locator("tbody tr")
    rows.first.wait_for(state="attached")
    return [row.locator("td").all_inner_texts() for row in rows.all()]
