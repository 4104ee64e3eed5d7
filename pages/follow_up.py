"""Wekelijkse follow-up: per stakeholder, re-rate the four aspects, tick the actions carried out,
and note what was learned — one save per stakeholder per week."""

import streamlit as st

from belangen import domain, last_time, ui, worksheet

FIRST_QUESTION = "follow_up.first_question"

store = ui.get_store()
st.title(ui.tr("follow_up.title"), anchor=False)
project = ui.require_project(store)
lang = ui.language()

st.caption(ui.tr("follow_up.intro"))

today = store.today()
this_week = domain.week_start(today)
week = ui.week_chooser("fu_week", first=domain.week_start(project.start_date), last=this_week)
if week != this_week:
    st.caption(ui.tr("follow_up.backfill_marker"))
if ui.view_switch() == "grid":
    ui.week_grid(store, project, week, today)
    st.stop()

status = store.follow_up_status(project.id, week)
if status.empty:
    ui.stakeholder_picker(store, project, key="fu_stakeholder")  # explains there are none yet
    st.stop()

logged = dict(zip(status["stakeholder_id"], status["logged"], strict=True))
due = dict(zip(status["stakeholder_id"], status["due"], strict=True))
# Still to do: whose cadence asks for this week and who has no weekcheck in it yet.
todo = [int(s) for s, done in logged.items() if not done and due[s]]
todo_column, done_column = st.columns(2)
todo_column.markdown(ui.tr("follow_up.todo", count=len(todo)))
done_column.markdown(ui.tr("follow_up.done", count=sum(logged.values())))

chosen = ui.stakeholder_picker(
    store, project, key="fu_stakeholder",
    prefixes={sid: ui.follow_up_marker(done, due[sid]) for sid, done in logged.items()},
)
if chosen is None:
    st.stop()
stakeholder = chosen  # a Stakeholder from here on, also inside save() below
ui.show_moved_on(stakeholder, week)
if not logged[stakeholder.id] and not due[stakeholder.id]:
    last_before = status.set_index("stakeholder_id").loc[stakeholder.id, "last_before"]
    st.caption(ui.tr("follow_up.not_due", name=ui.plain(stakeholder.name),
                     cadence=ui.cadence_text(stakeholder.cadence_weeks),
                     week=ui.week_text(last_before)))

current, previous = store.follow_up_and_previous(stakeholder.id, week)
baseline = store.latest_worksheet(stakeholder.id)
open_actions = [action for action in store.list_actions(stakeholder.id) if action.is_open]

saved = {
    **{f"rating_{key}": current.ratings.get(key) if current else None
       for key in worksheet.DIMENSION_KEYS},
    "reflection": current.reflection if current else "",
    "their_value": current.their_value_rating if current else None,
    **{f"done_{action.id}": False for action in open_actions},
    **{f"outcome_{action.id}": "" for action in open_actions},
    "new_text": "",
    "new_row": worksheet.ROW_KEYS[0],
    **ui.planned_week_saved("new_week", None, today),
}
form = ui.Form(f"fu_{stakeholder.id}_{week.isoformat()}", saved,
               version=current.id if current else None)
form.show_notices(ui.follow_up_field_text)

if current:
    versions = store.follow_up_versions(stakeholder.id, week)
    st.info(ui.tr("follow_up.already_logged", versions=ui.tr_count("count.versions", versions)),
            icon=":material/history:")
elif previous is None and not baseline:
    st.warning(ui.tr("follow_up.no_worksheet"), icon=":material/info:")

summary = last_time.last_time(previous, {key: entry.rating for key, entry in baseline.items()},
                              open_actions, week)
# 'Niets veranderd' only for a week not saved yet, with nothing typed that it would drop.
could_repeat = current is None and summary.repeatable is not None
changed = last_time.blocks_unchanged(form.prepared.unsaved)
messages = ui.FieldMessages()
unchanged_messages = ui.FieldMessages()
# Last time on the left, this week's ratings on the right: beside each other on a wide screen,
# last time first (above) on a narrow one, so it is in view while rating.
last_time_column, ratings_column = st.columns(2, gap="large")
with last_time_column:
    unchanged = ui.last_time_panel(
        summary, week, today, unchanged=form if could_repeat and not changed else None,
        messages=unchanged_messages, changed=could_repeat and changed)
with ratings_column:
    st.header(ui.tr("follow_up.ratings"), anchor=False)
    for row in worksheet.DIMENSIONS:
        ui.rating_input(row, form.key(f"rating_{row.key}"), f"{row.number}. {row.question(lang)}")
        if row is worksheet.DIMENSIONS[0]:
            ui.focus_if_requested(FIRST_QUESTION, form.key(f"rating_{row.key}"))
        ui.previous_rating_caption(row, previous, baseline.get(row.key), today)
        messages.slot(f"rating.{row.key}")

actions_column, reflection_column = st.columns(2, gap="large")
with actions_column:
    st.header(ui.tr("follow_up.actions"), anchor=False)
    st.caption(ui.tr("follow_up.action_done_help") if open_actions
               else ui.tr("follow_up.no_open_actions"))
    evaluated = False
    for action in open_actions:
        row = worksheet.row(action.row_key)
        # Checkbox labels are cut to one line; the action's own text gets a line of its own.
        st.markdown(f"**{row.short_name(lang)}** · {ui.plain(action.text)}")
        if st.checkbox(ui.tr("follow_up.done_this_week"), key=form.key(f"done_{action.id}")):
            st.text_input(ui.tr("actions.outcome"), key=form.key(f"outcome_{action.id}"),
                          placeholder=ui.tr("follow_up.outcome_placeholder"))
            messages.slot(f"outcome.{action.id}")
            evaluated = evaluated or action.row_key == worksheet.EVALUATION_ROW_KEY
    if evaluated:
        ui.rating_input(worksheet.VALUE, form.key("their_value"), ui.tr("follow_up.their_value"))
        st.caption(ui.tr("follow_up.their_value_help"))
        messages.slot("their_value_rating")

    with st.container(border=True):
        st.markdown(ui.tr("follow_up.new_action"))
        st.text_input(ui.tr("actions.text"), key=form.key("new_text"),
                      placeholder=ui.tr("actions.new_placeholder"))
        messages.slot("new_action.text")
        st.selectbox(ui.tr("actions.row"), list(worksheet.ROW_KEYS), key=form.key("new_row"),
                     format_func=lambda key: worksheet.row(key).short_name(lang))
        # Under the row, not beside it: the week's names need the box's width.
        ui.planned_week_field(form.key("new_week_when"), form.key("new_week_other"), today)
        messages.slot("planned_week")

with reflection_column:
    st.header(ui.tr("follow_up.reflection_title"), anchor=False)
    st.text_area(ui.tr("follow_up.reflection"), key=form.key("reflection"), height=150,
                 placeholder=ui.tr("follow_up.reflection_placeholder"))
    messages.slot("reflection")
messages.slot("week")
messages.slot("")


def save(ratings: dict[str, object], *, unchanged: bool = False) -> None:
    values = form.values()
    done_actions = {} if unchanged else {
        action.id: values[f"outcome_{action.id}"]
        for action in open_actions if values[f"done_{action.id}"]
    }
    store.save_follow_up(
        stakeholder.id,
        week,
        ratings=ratings,
        reflection="" if unchanged else values["reflection"],
        their_value_rating=values["their_value"] if evaluated and not unchanged else None,
        actions_done=done_actions,
        new_action=None if unchanged else {"row_key": values["new_row"],
                                           "text": values["new_text"],
                                           "planned_week": ui.planned_week_value(
                                               values, "new_week", today)},
        based_on=form.based_on,
        token=form.token,
    )
    # Keyboard users go on where the next form starts, not at the bottom of this one.
    ui.request_focus(FIRST_QUESTION)
    ui.move_on_after_saving(stakeholder, week, is_first_save=current is None,
                            todo=todo, is_current_week=week == this_week)


pressed = form.submit_button(ui.tr("follow_up.save"), type="primary", icon=":material/save:")
answer_slot = st.empty()
form.show_unsaved()

success = ui.tr("follow_up.saved", name=ui.plain(stakeholder.name))
if pressed:
    ratings = {key: form.value(f"rating_{key}") for key in worksheet.DIMENSION_KEYS}
    missing = domain.unanswered(ratings)
    if missing:
        answer_slot.error(ui.unanswered_text(missing), icon=":material/error:")
        for key in missing:
            messages.show(domain.ValidationError(f"rating.{key}", "error.rating_required"))
    else:
        ui.attempt(lambda: save(ratings), messages, success=success, form=form)
elif unchanged and summary.repeatable is not None:
    repeated: dict[str, object] = dict(summary.repeatable)
    ui.attempt(lambda: save(repeated, unchanged=True), unchanged_messages, success=success,
               form=form)
