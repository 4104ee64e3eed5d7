"""Werkblad: the five-row schema of the seed for one stakeholder — question left, actions right."""

import streamlit as st

from belangen import domain, ui, worksheet
from belangen.store import ConcurrentEdit, SaveFailed

db = ui.get_store()
st.title(ui.tr("worksheet.title"))
project = ui.require_project(db)
lang = ui.language()

stakeholder = ui.stakeholder_picker(db, project)
if stakeholder is None:
    st.stop()

if stakeholder.constituency:
    st.caption(ui.tr("worksheet.constituency", text=ui.plain(stakeholder.constituency)))

actions = db.list_actions(stakeholder.id)
ACTION_ICONS = {
    "planned": ":material/radio_button_unchecked:",
    "in_progress": ":material/pending:",
    "done": ":material/check_circle:",
    "dropped": ":material/cancel:",
}


def row_keys(row: worksheet.WorksheetRow) -> dict[str, str]:
    prefix = f"ws_{stakeholder.id}_{row.key}"
    return {name: f"{prefix}_{name}" for name in ("rating", "target", "reflection", "based_on",
                                                   "conflict")}


def load_latest(row: worksheet.WorksheetRow) -> None:
    """Put the newest saved version of a row into its fields, remembering which version it is."""
    keys = row_keys(row)
    entry = db.latest_worksheet(stakeholder.id).get(row.key)
    st.session_state[keys["based_on"]] = entry.id if entry else None
    st.session_state[keys["rating"]] = entry.rating if entry else None
    st.session_state[keys["target"]] = entry.target if entry else None
    st.session_state[keys["reflection"]] = entry.reflection if entry else ""
    st.session_state.pop(keys["conflict"], None)


def save_row(row: worksheet.WorksheetRow, messages: ui.FieldMessages) -> None:
    keys = row_keys(row)
    try:
        entry_id = db.save_worksheet_entry(
            stakeholder.id,
            row.key,
            reflection=st.session_state[keys["reflection"]],
            rating=st.session_state[keys["rating"]],
            target=st.session_state[keys["target"]],
            based_on=st.session_state[keys["based_on"]],
        )
    except ConcurrentEdit:
        st.session_state[keys["conflict"]] = True
        return
    except (ValueError, SaveFailed) as error:
        messages.show(error)
        return
    st.session_state[keys["based_on"]] = entry_id
    ui.clear_caches()
    ui.flash(ui.tr("worksheet.row_saved", row=row.short_name(lang)))
    st.rerun()


def rated_row(row: worksheet.WorksheetRow) -> None:
    keys = row_keys(row)
    if keys["based_on"] not in st.session_state:
        load_latest(row)
    with st.form(f"ws_{stakeholder.id}_{row.key}_form", border=False):
        messages = ui.FieldMessages()
        ui.rating_input(row, keys["rating"], ui.tr("worksheet.rating"))
        messages.slot("rating")
        st.selectbox(
            ui.tr("worksheet.target"),
            options=[None, *worksheet.RATING_SCALE],
            format_func=lambda rating: ui.rating_text(row, rating),
            # With no target Streamlit shows the placeholder (English by default), not "—".
            placeholder=ui.rating_text(row, None),
            key=keys["target"],
            help=ui.tr("worksheet.target_help"),
        )
        messages.slot("target")
        st.text_area(ui.tr("worksheet.reflection"), key=keys["reflection"], height=100,
                     placeholder=ui.tr("worksheet.reflection_placeholder"))
        messages.slot("reflection")
        messages.slot("")
        submitted = st.form_submit_button(ui.tr("worksheet.save_row"),
                                          key=f"ws_{stakeholder.id}_{row.key}_save")
    if submitted:
        save_row(row, messages)
    if st.session_state.get(keys["conflict"]):
        newest = db.latest_worksheet(stakeholder.id).get(row.key)
        st.warning(ui.tr("worksheet.conflict"), icon=":material/sync_problem:")
        if newest:
            st.text(f"{ui.rating_text(row, newest.rating)}\n{newest.reflection}")
        reload, keep = st.columns(2)
        # A callback runs before the fields are drawn, so they can take the newest text.
        reload.button(ui.tr("worksheet.conflict_reload"), key=f"{keys['conflict']}_reload",
                      on_click=load_latest, args=(row,))
        if keep.button(ui.tr("worksheet.conflict_keep"), key=f"{keys['conflict']}_keep"):
            st.session_state[keys["based_on"]] = newest.id if newest else None
            st.session_state.pop(keys["conflict"], None)
            save_row(row, messages)
    history = db.worksheet_history(stakeholder.id, row.key)
    if len(history) > 1:
        with st.expander(ui.tr("worksheet.history", count=len(history) - 1),
                         icon=":material/history:"):
            for entry in history[1:]:
                st.caption(ui.tr("worksheet.version_saved", when=entry.saved_at))
                st.text(f"{ui.rating_text(row, entry.rating)}\n{entry.reflection}")


def interests_row() -> None:
    interests = db.list_interests(stakeholder.id)
    if not interests:
        st.caption(ui.tr("worksheet.no_interests"))
    for interest in interests:
        kind = worksheet.INTEREST_KINDS[interest.kind](lang)
        status = worksheet.INTEREST_STATUSES[interest.status](lang)
        st.text(f"• {interest.text}")
        st.caption(f"{kind} · {status}")
    st.page_link("pages/stakeholders.py", label=ui.tr("worksheet.edit_interests"),
                 icon=":material/edit:", query_params={ui.STAKEHOLDER_PARAM: str(stakeholder.id)})


def action_editor(action) -> None:
    prefix = f"ws_action_{action.id}"
    statuses = list(worksheet.ACTION_STATUSES)
    with st.form(f"{prefix}_form", border=False):
        messages = ui.FieldMessages()
        text = st.text_area(ui.tr("actions.text"), value=action.text, key=f"{prefix}_text",
                            height=68)
        messages.slot("text")
        left, right = st.columns(2)
        planned = left.date_input(ui.tr("actions.planned_week"), value=action.planned_week,
                                  key=f"{prefix}_planned", min_value=domain.EARLIEST_DATE,
                                  max_value=domain.LATEST_DATE, format="DD-MM-YYYY")
        status = right.selectbox(ui.tr("actions.status"), statuses,
                                 index=statuses.index(action.status),
                                 format_func=ui.action_status_text, key=f"{prefix}_status")
        messages.slot("planned_week")
        outcome = st.text_area(ui.tr("actions.outcome"), value=action.outcome,
                               key=f"{prefix}_outcome", height=68,
                               help=ui.tr("actions.outcome_help"))
        messages.slot("done_on")
        messages.slot("")
        if st.form_submit_button(ui.tr("common.save"), key=f"{prefix}_save"):
            ui.attempt(
                lambda: db.update_action(action.id, action.revision, text=text,
                                         planned_week=planned, status=status,
                                         done_on=action.done_on, outcome=outcome),
                messages, success=ui.tr("actions.saved"),
            )


# Finished actions shown per row without asking; years of them would bury the open ones.
# (A comment, not a string: Streamlit's magic would print a bare string on the page.)
RECENT_FINISHED_ACTIONS = 3


def actions_column(row: worksheet.WorksheetRow) -> None:
    own = [a for a in actions if a.row_key == row.key]
    finished = [a.id for a in own if not a.is_open]
    older = set(finished[:-RECENT_FINISHED_ACTIONS])
    if older and not st.toggle(ui.tr("worksheet.older_actions", count=len(older)),
                               key=f"ws_{stakeholder.id}_{row.key}_older"):
        own = [a for a in own if a.id not in older]
    for action in own:
        label = f"{ui.action_status_text(action.status)} · {ui.plain(action.text)}"
        if action.planned_week:
            label += f" · {ui.week_text(action.planned_week)}"
        with st.expander(label, icon=ACTION_ICONS[action.status]):
            if action.done_on:
                st.caption(ui.tr("actions.done_on", date=action.done_on))
            action_editor(action)
    prefix = f"ws_new_action_{stakeholder.id}_{row.key}"
    with st.form(f"{prefix}_form"):
        messages = ui.FieldMessages()
        text = st.text_input(ui.tr("actions.new"), key=f"{prefix}_text",
                             placeholder=ui.tr("actions.new_placeholder"))
        messages.slot("text")
        planned = st.date_input(ui.tr("actions.planned_week"), value=None,
                                key=f"{prefix}_planned", min_value=domain.EARLIEST_DATE,
                                max_value=domain.LATEST_DATE, format="DD-MM-YYYY")
        messages.slot("planned_week")
        messages.slot("")
        if st.form_submit_button(ui.tr("actions.add"), key=f"{prefix}_add"):
            ui.attempt(
                lambda: db.add_action(stakeholder.id, row.key, text, planned_week=planned),
                messages, success=ui.tr("actions.added"),
                reset_keys=[f"{prefix}_text", f"{prefix}_planned"],
            )


for row in worksheet.ROWS:
    with st.container(border=True):
        question, row_actions = st.columns(2, gap="large")
        with question:
            st.markdown(f"**{row.number}. {row.question(lang)}**")
            if row.is_rated:
                rated_row(row)
            else:
                interests_row()
        with row_actions:
            st.markdown(f"**{row.action_prompt(lang)}:**")
            actions_column(row)
