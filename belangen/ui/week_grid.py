"""The Weekcheck's grid: the whole week at once, one row per stakeholder still to do.

Each row is a `Form` of its own (`fu_grid_<stakeholder>_<week>`), seeded with the ratings it
takes over (their previous weekcheck, else the worksheet) and labelled so: a pre-fill is never
shown as this week's saved data. Its draft survives leaving the page like any form's, and its
token makes its save idempotent. One button stores every complete row at once
(`Store.save_follow_ups`, one transaction); a row not filled in completely is left out, by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from belangen import domain, form_state, formats, worksheet
from belangen.domain import Project
from belangen.store import ConcurrentEdit, NotFound, SaveFailed, Store
from belangen.ui.chrome import focus_if_requested, request_focus
from belangen.ui.database import clear_caches
from belangen.ui.errors import error_text
from belangen.ui.forms import Form
from belangen.ui.language import language, tr, tr_count
from belangen.ui.pickers import stakeholder_picker
from belangen.ui.state import choice_from_url, choice_to_url, session
from belangen.ui.text import cadence_text, follow_up_field_text, plain

VIEW_KEY = "fu_view"
"""The view switch's widget key."""
VIEW_PARAM = "view"
"""Its query parameter: `?view=grid` opens the grid (the same in every language)."""
VIEWS = ("one", "grid")
SAVED_KEY = "fu_grid_saved"
"""Plain key: who the last save of the grid stored, shown once on the run after it."""
COLUMNS = [2, 2.4, 2.4, 2.4, 2.4, 1.6]
FIRST_CELL = "fu_grid_first_cell"
"""After a save, keyboard focus goes to the first rating of the first row still to do."""

# Streamlit stacks columns below 640 px: there the header row would stand alone above the
# first row, so it goes and every cell shows its own label ("Anna — Interesse"); wider, the
# labels are read by screen readers only and the header names the columns.
GRID_CSS = """<style>
@media (max-width: 640px) { .st-key-fu_grid_header { display: none; } }
@media (min-width: 641px) {
  .st-key-fu_grid_rows [data-testid='stWidgetLabel'] {
    position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
  }
}
</style>"""


def view_switch() -> str:
    """Per stakeholder (today's form) or everyone at once (the grid). In the URL as
    `?view=grid`, so a reload or a link keeps it, and kept for the session (a plain key, as
    Streamlit forgets the widget's value on other pages), so leaving and coming back does.
    Bound by hand: Streamlit's own binding writes the option's label, which differs per
    language, into the URL."""
    kept = f"{VIEW_KEY}__kept"
    requested = choice_from_url(VIEW_PARAM, VIEWS)
    if requested is not None:
        st.session_state[kept] = requested
        st.session_state[VIEW_KEY] = requested
    if st.session_state.get(VIEW_KEY) not in VIEWS:
        st.session_state[VIEW_KEY] = st.session_state.get(kept, VIEWS[0])
    chosen = st.segmented_control(
        tr("week_grid.view"), VIEWS, required=True, key=VIEW_KEY,
        format_func=lambda view: tr(f"week_grid.view_{view}"), label_visibility="collapsed",
    )
    chosen = chosen if chosen in VIEWS else VIEWS[0]
    st.session_state[kept] = chosen
    choice_to_url(VIEW_PARAM, chosen, VIEWS[0])
    return chosen


@dataclass(frozen=True)
class GridRow:
    stakeholder_id: int
    name: str
    prefill: dict[str, int | None]
    source: str
    """Where the pre-fill comes from, in words ('Overgenomen van week 48')."""
    version: Any
    """The previous weekcheck's id (what the pre-fill was read from), None without one."""


def form_id(stakeholder_id: int, week: dt.date) -> str:
    return f"fu_grid_{stakeholder_id}_{week.isoformat()}"


def save_form_id(project_id: int, week: dt.date) -> str:
    """The save button's own form (its token changes after a save: a second click is void)."""
    return f"fu_grid_save_{project_id}_{week.isoformat()}"


def grid_rows(store: Store, project_id: int, stakeholders: list[tuple[int, str]],
              week: dt.date, today: dt.date) -> list[GridRow]:
    """What each row starts from: their previous weekcheck's ratings, else the worksheet's
    (read for everyone at once: a grid of forty people is one query, not eighty)."""
    points = {int(stakeholder_id): group.set_index("dimension")
              for stakeholder_id, group in store.starting_points(project_id, week)
              .groupby("stakeholder_id")}
    rows = []
    for stakeholder_id, name in stakeholders:
        point = points[stakeholder_id]
        follow_up_id = point["follow_up_id"].iloc[0]
        if pd.notna(follow_up_id):
            column = "follow_up_rating"
            source = tr("week_grid.from_week", week=formats.week_short(
                pd.Timestamp(point["previous_week"].iloc[0]).date(), language(), today))
        elif point["worksheet_rating"].notna().any():
            column, source = "worksheet_rating", tr("week_grid.from_worksheet")
        else:
            column, source = "worksheet_rating", tr("week_grid.from_nothing")
        prefill = {key: None if pd.isna(point.at[key, column]) else int(point.at[key, column])
                   for key in worksheet.DIMENSION_KEYS}
        rows.append(GridRow(stakeholder_id, name, prefill, source,
                            int(follow_up_id) if pd.notna(follow_up_id) else None))
    return rows


def week_grid(store: Store, project: Project, week: dt.date, today: dt.date) -> None:
    """The grid for `week`: who is still to do, pre-filled; one save for all of them."""
    st.html(GRID_CSS)
    status = store.follow_up_status(project.id, week)
    if status.empty:
        stakeholder_picker(store, project, key="fu_stakeholder")  # explains there are none yet
        return
    todo = [(int(sid), str(name)) for sid, name, logged, due in zip(
        status["stakeholder_id"], status["name"], status["logged"], status["due"], strict=True)
        if due and not logged]
    not_due = [f"{name} — {cadence_text(int(cadence)).lower()}" for name, cadence, logged, due
               in zip(status["name"], status["cadence_weeks"], status["logged"], status["due"],
                      strict=True)
               if not due and not logged]
    done = int(status["logged"].sum())

    just_saved = st.session_state.pop(SAVED_KEY, None)
    if just_saved and just_saved["week"] == week:
        st.success(tr_count("week_grid.saved", len(just_saved["names"]),
                            names=", ".join(plain(name) for name in just_saved["names"])),
                   icon=":material/check_circle:")
    todo_column, done_column = st.columns(2)
    todo_column.markdown(tr("follow_up.todo", count=len(todo)))
    done_column.markdown(tr("follow_up.done", count=done))
    if not_due:
        st.caption(tr("week_grid.not_due", names="; ".join(plain(line) for line in not_due)))
    if not todo:
        st.success(tr("week_grid.week_done"), icon=":material/done_all:")
        return

    st.caption(tr("week_grid.intro"))
    rows = grid_rows(store, project.id, todo, week, today)
    lang = language()
    with st.container(key="fu_grid_header"):
        header = st.columns(COLUMNS, gap="small", vertical_alignment="bottom")
        header[0].markdown(f"**{tr('week_grid.stakeholder')}**")
        for column, dimension in zip(header[1:5], worksheet.DIMENSIONS, strict=True):
            column.markdown(f"**{dimension.number}. {dimension.short_name(lang)}**")
        header[5].markdown(f"**{tr('week_grid.status')}**")

    forms: dict[int, Form] = {}
    restored = 0
    with st.container(key="fu_grid_rows"):
        for row in rows:
            form = Form(form_id(row.stakeholder_id, week),
                        {f"rating_{key}": value for key, value in row.prefill.items()},
                        version=row.version)
            forms[row.stakeholder_id] = form
            restored += form.prepared.notice == form_state.RESTORED
            draw_row(row, form, lang)
            if row is rows[0]:
                focus_if_requested(FIRST_CELL, form.key(f"rating_{worksheet.DIMENSIONS[0].key}"))

    if restored:
        st.info(tr("week_grid.restored"), icon=":material/edit_note:")
    complete = [row for row in rows if not domain.unanswered(ratings(forms[row.stakeholder_id]))]
    incomplete = [row.name for row in rows if row not in complete]
    if incomplete:
        st.warning(tr_count("week_grid.incomplete", len(incomplete),
                            names=", ".join(plain(name) for name in incomplete)),
                   icon=":material/info:")
    if not complete:
        return  # the warning above says what to fill in; there is nothing to save yet
    button = Form(save_form_id(project.id, week), {}, None)
    pressed = button.submit_button(
        tr_count("week_grid.save", len(complete)), type="primary", icon=":material/save:")
    answer = st.empty()
    if pressed:
        save(store, week, complete, forms, button, answer)


def ratings(form: Form) -> dict[str, Any]:
    return {key: form.value(f"rating_{key}") for key in worksheet.DIMENSION_KEYS}


def rating_option(dimension: worksheet.WorksheetRow, lang: str) -> Callable[[int], str]:
    """'3 · Enige waarde', as the per-stakeholder form names a rating."""
    return lambda rating: dimension.labelled_rating(rating, lang)


def draw_row(row: GridRow, form: Form, lang: str) -> None:
    """One stakeholder: name and where the pre-fill comes from, four ratings, changed or not."""
    if form.prepared.set_aside or form_state.is_stale(session(), form.id):
        form.show_notices(follow_up_field_text)
    with st.container(key=f"{form.id}__row"):
        cells = st.columns(COLUMNS, gap="small", vertical_alignment="center")
        cells[0].markdown(f"**{plain(row.name)}**")
        cells[0].caption(plain(row.source))  # catalogue text; plain as the row shows user text
        for cell, dimension in zip(cells[1:5], worksheet.DIMENSIONS, strict=True):
            cell.selectbox(
                tr("week_grid.cell", name=plain(row.name), dimension=dimension.short_name(lang)),
                list(worksheet.RATING_SCALE), key=form.key(f"rating_{dimension.key}"),
                format_func=rating_option(dimension, lang),
                placeholder=tr("week_grid.choose"),
            )
        if domain.unanswered(ratings(form)):
            cells[5].markdown(tr("week_grid.status_to_fill"))
        elif form.prepared.unsaved:
            cells[5].markdown(tr("week_grid.status_changed"))
        else:
            cells[5].markdown(tr("week_grid.status_unchanged"))


def save(store: Store, week: dt.date, rows: list[GridRow], forms: dict[int, Form],
         button: Form, answer: Any) -> None:
    """Store every complete row at once; on success each row's form starts again (new token),
    and the page shows who was saved and who is left."""
    try:
        store.save_follow_ups(week, [
            {"stakeholder_id": row.stakeholder_id, "ratings": ratings(forms[row.stakeholder_id]),
             "based_on": None, "token": forms[row.stakeholder_id].token}
            for row in rows])
    except ConcurrentEdit as error:
        names = {row.stakeholder_id: row.name for row in rows}
        name = names.get(error.record_id)  # type: ignore[call-overload]
        answer.error(tr("week_grid.saved_elsewhere", name=plain(name)) if name is not None
                     else error_text(error), icon=":material/error:")
        return
    except (domain.ValidationError, NotFound, SaveFailed) as error:
        answer.error(error_text(error), icon=":material/error:")
        return
    clear_caches()
    for form in (*forms.values(), button):
        form.saved()
    st.session_state[SAVED_KEY] = {"week": week, "names": [row.name for row in rows]}
    request_focus(FIRST_CELL)
    st.rerun()
