"""Wekelijkse follow-up: per stakeholder, re-rate the four aspects, tick the actions carried out,
and note what was learned — one save per stakeholder per week."""

import datetime as dt

import streamlit as st

from belangen import domain, ui, worksheet
from belangen.domain import ValidationError

db = ui.get_store()
st.title(ui.tr("follow_up.title"))
project = ui.require_project(db)
lang = ui.language()

st.caption(ui.tr("follow_up.intro"))

today = db.today()
day_column, week_column = st.columns([1, 2], vertical_alignment="bottom")
day = day_column.date_input(ui.tr("follow_up.week_day"), value=today, key="fu_day",
                            min_value=domain.EARLIEST_DATE, max_value=domain.LATEST_DATE,
                            format="DD-MM-YYYY", help=ui.tr("follow_up.week_day_help"))
try:
    week = domain.check_follow_up_week(day, project.start_date, today)
except ValidationError as refusal:
    st.error(ui.error_text(refusal), icon=":material/event_busy:")
    st.stop()

week_end = week + dt.timedelta(days=6)
is_current_week = week == domain.week_start(today)
week_column.markdown(
    ui.tr("follow_up.week_label", label=domain.iso_week_label(week),
          start=week.strftime("%d-%m"), end=week_end.strftime("%d-%m-%Y"))
    + ("" if is_current_week else ui.tr("follow_up.backfill_marker"))
)

status = db.follow_up_status(project.id, week)
if status.empty:
    ui.stakeholder_picker(db, project)  # explains there are no stakeholders yet
    st.stop()

logged = dict(zip(status["stakeholder_id"], status["logged"], strict=True))
todo = [int(s) for s, done in logged.items() if not done]
todo_column, done_column = st.columns(2)
todo_column.markdown(ui.tr("follow_up.todo", count=len(todo)))
done_column.markdown(ui.tr("follow_up.done", count=len(logged) - len(todo)))

stakeholder = ui.stakeholder_picker(
    db, project,
    prefixes={sid: ("✓ " if done else "○ ") for sid, done in logged.items()},
)
if stakeholder is None:
    st.stop()

prefix = f"fu_{stakeholder.id}_{week.isoformat()}"
keys = {
    "seeded": f"{prefix}_seeded",
    "reflection": f"{prefix}_reflection",
    "their_value": f"{prefix}_their_value",
    "new_text": f"{prefix}_new_text",
    "new_row": f"{prefix}_new_row",
    "new_week": f"{prefix}_new_week",
    **{f"rating.{key}": f"{prefix}_rating_{key}" for key in worksheet.DIMENSION_KEYS},
}
current = db.follow_up_for_week(stakeholder.id, week)
open_actions = [action for action in db.list_actions(stakeholder.id) if action.is_open]
action_keys = {action.id: (f"{prefix}_done_{action.id}", f"{prefix}_outcome_{action.id}")
               for action in open_actions}

if keys["seeded"] not in st.session_state:
    # Start from this week's saved version, else last week's ratings (or the worksheet's).
    start = current.ratings if current else db.starting_ratings(stakeholder.id, week)
    for key in worksheet.DIMENSION_KEYS:
        st.session_state[keys[f"rating.{key}"]] = start.get(key)
    st.session_state[keys["reflection"]] = current.reflection if current else ""
    st.session_state[keys["their_value"]] = current.their_value_rating if current else None
    st.session_state[keys["seeded"]] = True

if current:
    st.info(ui.tr("follow_up.already_logged", versions=db.follow_up_versions(stakeholder.id, week)),
            icon=":material/history:")
elif not any(st.session_state[keys[f"rating.{key}"]] for key in worksheet.DIMENSION_KEYS):
    st.warning(ui.tr("follow_up.no_worksheet"), icon=":material/info:")

messages = ui.FieldMessages()
st.subheader(ui.tr("follow_up.ratings"))
for pair in (worksheet.DIMENSIONS[:2], worksheet.DIMENSIONS[2:]):
    for row, column in zip(pair, st.columns(2, gap="large"), strict=True):
        with column:
            ui.rating_input(row, keys[f"rating.{row.key}"], f"{row.number}. {row.question(lang)}")
            messages.slot(f"rating.{row.key}")

actions_column, reflection_column = st.columns(2, gap="large")
with actions_column:
    st.subheader(ui.tr("follow_up.actions"))
    st.caption(ui.tr("follow_up.action_done_help") if open_actions
               else ui.tr("follow_up.no_open_actions"))
    evaluated = False
    for action in open_actions:
        done_key, outcome_key = action_keys[action.id]
        row = worksheet.row(action.row_key)
        # Checkbox labels are cut to one line; the action's own text gets a line of its own.
        st.markdown(f"**{row.short_name(lang)}** · {ui.plain(action.text)}")
        done = st.checkbox(ui.tr("follow_up.done_this_week"), key=done_key)
        if done:
            st.text_input(ui.tr("actions.outcome"), key=outcome_key,
                          placeholder=ui.tr("follow_up.outcome_placeholder"))
            messages.slot(f"outcome.{action.id}")
            evaluated = evaluated or action.row_key == worksheet.EVALUATION_ROW_KEY
    if evaluated:
        ui.rating_input(worksheet.VALUE, keys["their_value"], ui.tr("follow_up.their_value"))
        st.caption(ui.tr("follow_up.their_value_help"))
        messages.slot("their_value_rating")

    with st.container(border=True):
        st.markdown(ui.tr("follow_up.new_action"))
        st.text_input(ui.tr("actions.text"), key=keys["new_text"],
                      placeholder=ui.tr("actions.new_placeholder"))
        messages.slot("new_action.text")
        new_left, new_right = st.columns(2)
        new_left.selectbox(ui.tr("actions.row"), list(worksheet.ROW_KEYS), key=keys["new_row"],
                           format_func=lambda key: worksheet.row(key).short_name(lang))
        new_right.date_input(ui.tr("actions.planned_week"), value=None, key=keys["new_week"],
                             min_value=domain.EARLIEST_DATE, max_value=domain.LATEST_DATE,
                             format="DD-MM-YYYY")
        messages.slot("planned_week")

with reflection_column:
    st.subheader(ui.tr("follow_up.reflection_title"))
    st.text_area(ui.tr("follow_up.reflection"), key=keys["reflection"], height=150,
                 placeholder=ui.tr("follow_up.reflection_placeholder"))
    messages.slot("reflection")
messages.slot("week")
messages.slot("")


def save() -> None:
    state = st.session_state
    done_actions = {
        action_id: state.get(outcome_key, "")
        for action_id, (done_key, outcome_key) in action_keys.items()
        if state.get(done_key)
    }
    db.save_follow_up(
        stakeholder.id,
        week,
        ratings={key: state[keys[f"rating.{key}"]] for key in worksheet.DIMENSION_KEYS},
        reflection=state[keys["reflection"]],
        their_value_rating=state[keys["their_value"]] if evaluated else None,
        actions_done=done_actions,
        new_action={"row_key": state[keys["new_row"]], "text": state[keys["new_text"]],
                    "planned_week": state[keys["new_week"]]},
    )
    # Go on with the next stakeholder still to do this week.
    remaining = [sid for sid in todo if sid != stakeholder.id]
    if remaining:
        st.session_state[ui.STAKEHOLDER_KEY] = remaining[0]
        st.query_params[ui.STAKEHOLDER_PARAM] = str(remaining[0])


if st.button(ui.tr("follow_up.save"), type="primary", key="fu_save", icon=":material/save:"):
    widget_keys = [*keys.values(), *(k for pair in action_keys.values() for k in pair)]
    ui.attempt(save, messages, success=ui.tr("follow_up.saved", name=ui.plain(stakeholder.name)),
               reset_keys=widget_keys)
