"""The weekcheck's 'Vorige keer' panel: last time's ratings, reflection and the actions planned
for the chosen week, in view while rating, with 'Niets veranderd — opslaan' beside what it
repeats (content from `belangen.last_time`)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from belangen import formats, worksheet
from belangen.last_time import LastTime
from belangen.ui.forms import FieldMessages, Form
from belangen.ui.language import language, tr, tr_count
from belangen.ui.text import plain, rating_text

PANEL_KEY = "fu_last_time"


def last_time_panel(
    summary: LastTime, week: dt.date, today: dt.date, *, unchanged: Form | None,
    messages: FieldMessages, changed: bool = False,
) -> bool:
    """Draw the panel; with `unchanged` (the week's form, when nothing on it would be lost)
    also its 'Niets veranderd' button, whose refusals show under it in `messages`; `changed`
    says instead why the button is not there (the form holds changes it would drop). Returns
    whether that button was pressed. `today` is the store's, as for every week on the page."""
    lang = language()
    st.header(tr("follow_up.last_time"), anchor=False)
    pressed = False
    with st.container(border=True, key=PANEL_KEY):
        if summary.week is not None:
            logged = formats.week_short(summary.week, lang, today)
            st.markdown(f"**{tr('follow_up.last_time_week', week=logged)}**")
        elif summary.has_ratings:
            st.caption(tr("follow_up.last_time_worksheet"))
        else:
            st.caption(tr("follow_up.last_time_nothing"))
        if summary.has_ratings:
            # Numbers with their meaning, never a colour alone; the app's own words, made literal.
            st.markdown("  \n".join(
                f"**{plain(row.short_name(lang))}** "
                f"{plain(rating_text(row, summary.ratings[row.key]))}"
                for row in worksheet.DIMENSIONS))
        if unchanged is not None:
            pressed = unchanged.submit_button(
                tr("follow_up.unchanged"), icon=":material/done_all:", name="unchanged",
                help=tr("follow_up.unchanged_help"))
            messages.slot("")
        elif changed:
            st.caption(tr("follow_up.last_time_changed", save=tr("follow_up.save")))
        if summary.week is not None:
            st.markdown(f"**{tr('follow_up.reflection_title')}**")
            if summary.reflection.strip():
                st.text(summary.reflection)  # the user's own words: never Markdown
            else:
                st.caption(tr("follow_up.last_time_no_reflection"))
            if summary.their_value is not None:
                st.caption(tr("follow_up.last_time_their_value",
                              rating=plain(rating_text(worksheet.VALUE, summary.their_value))))
        _planned(summary, week, today)
    return pressed


def _planned(summary: LastTime, week: dt.date, today: dt.date) -> None:
    lang = language()
    chosen = formats.week_short(week, lang, today)
    if summary.planned:
        st.markdown(f"**{tr('follow_up.last_time_planned', week=chosen)}**")
        st.markdown("\n".join(
            f"- **{plain(worksheet.row(action.row_key).short_name(lang))}** · {plain(action.text)}"
            for action in summary.planned))
    else:
        st.caption(tr("follow_up.last_time_nothing_planned", week=chosen))
    if summary.overdue:
        st.caption(tr_count("follow_up.last_time_overdue", summary.overdue))
