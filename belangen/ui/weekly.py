"""The weekly pass and the worksheet: what was said last time, 'Niets veranderd', moving on to
the next person, and which worksheet rows changed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from belangen import domain, formats, screens, worksheet
from belangen.domain import Stakeholder
from belangen.ui.forms import Form
from belangen.ui.language import language, tr
from belangen.ui.pickers import STAKEHOLDER_PARAM, select_stakeholder
from belangen.ui.text import plain, rating_text
from belangen.ui.week_grid import VIEW_KEY, VIEWS

MOVED_ON_KEY = "follow_up_moved_on"
FOLLOW_UP_WEEK_KEY = "fu_week"
"""The Weekcheck's week chooser (`week_chooser` keeps it beside a plain `<key>__kept`)."""


def previous_rating_caption(
    row: worksheet.WorksheetRow, previous: domain.FollowUp | None, baseline: Any,
    today: dt.date,
) -> None:
    """Under a rating: what it was last time, so the user re-rates instead of guessing.
    `today` is the store's, the clock every other date on the page follows."""
    if previous is not None and row.key in previous.ratings:
        st.caption(tr("follow_up.previous_rating",
                      week=formats.week_short(previous.week, language(), today),
                      rating=rating_text(row, previous.ratings[row.key])))
    elif baseline is not None:
        st.caption(tr("follow_up.worksheet_rating", rating=rating_text(row, baseline.rating)))


def move_on_after_saving(
    stakeholder: Stakeholder, week: dt.date, *, is_first_save: bool, todo: list[int],
    is_current_week: bool,
) -> None:
    """After the first save of this week for someone still to do, go on with the next person
    still to do (and say so, with a way back); a backfill or a re-save stays put."""
    remaining = [sid for sid in todo if sid != stakeholder.id]
    if not (is_first_save and is_current_week and remaining):
        st.session_state.pop(MOVED_ON_KEY, None)
        return
    st.session_state[MOVED_ON_KEY] = {"from": stakeholder.id, "to": remaining[0],
                                      "week": week, "name": stakeholder.name}
    select_stakeholder(remaining[0])


def show_moved_on(stakeholder: Stakeholder, week: dt.date) -> None:
    """The notice after moving on: who was saved, who is next, and a way to stay."""
    moved = st.session_state.get(MOVED_ON_KEY)
    if not moved:
        return
    if moved["to"] != stakeholder.id or moved["week"] != week:
        st.session_state.pop(MOVED_ON_KEY, None)
        return

    def stay() -> None:
        select_stakeholder(moved["from"])
        st.session_state.pop(MOVED_ON_KEY, None)

    with st.container(border=True, key="fu_moved_on"):
        text, button = st.columns([3, 1], vertical_alignment="center")
        text.markdown(tr("follow_up.moved_on", name=plain(moved["name"]),
                         next=plain(stakeholder.name)))
        button.button(tr("follow_up.stay", name=plain(moved["name"])), key="fu_stay",
                      on_click=stay)


def open_follow_up(stakeholder_id: int, week: dt.date) -> None:
    """Go to the Weekcheck for one stakeholder and one week, in the per-person view: set
    what that page reads (its week chooser's key and kept key, its view) and switch there
    with `?stakeholder=<id>`, so the URL says whom it is about."""
    monday = domain.week_start(week)
    st.session_state[FOLLOW_UP_WEEK_KEY] = monday
    st.session_state[f"{FOLLOW_UP_WEEK_KEY}__kept"] = monday
    st.session_state[VIEW_KEY] = VIEWS[0]
    st.session_state[f"{VIEW_KEY}__kept"] = VIEWS[0]
    select_stakeholder(stakeholder_id)
    st.switch_page(screens.FOLLOW_UP.path,
                   query_params={STAKEHOLDER_PARAM: str(stakeholder_id)})


WORKSHEET_FIELDS = ("rating", "target", "reflection")


def changed_worksheet_rows(form: Form) -> list[str]:
    """The rated rows with a field the user changed (each becomes a new version)."""
    changed = set(form.prepared.unsaved)
    return [key for key in worksheet.DIMENSION_KEYS
            if any(f"{key}_{name}" in changed for name in WORKSHEET_FIELDS)]
