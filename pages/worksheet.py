"""Werkblad: the five-row schema of the seed for one stakeholder — question left, actions right.

The four rated rows are one form with one save: every changed row becomes a new version."""

import streamlit as st

from belangen import screens, ui, worksheet

store = ui.get_store()
today = store.today()  # the clock the planned weeks (this week, next week, …) follow
st.title(ui.tr("worksheet.title"), anchor=False)
project = ui.require_project(store)
lang = ui.language()

chosen = ui.stakeholder_picker(store, project, key="ws_stakeholder")
if chosen is None:
    st.stop()
stakeholder = chosen  # a Stakeholder from here on, also inside the functions below

if stakeholder.constituency:
    st.caption(ui.tr("worksheet.constituency", text=ui.plain(stakeholder.constituency)))

actions = store.list_actions(stakeholder.id)
histories = store.worksheet_histories(stakeholder.id)  # each row's versions, newest first
latest = {dimension: versions[0] for dimension, versions in histories.items()}
ACTION_ICONS = {
    "planned": ":material/radio_button_unchecked:",
    "in_progress": ":material/pending:",
    "done": ":material/check_circle:",
    "dropped": ":material/cancel:",
}
# Finished actions shown per row without asking; years of them would bury the open ones.
# (A comment, not a string: Streamlit's magic would print a bare string on the page.)
RECENT_FINISHED_ACTIONS = 3

saved: dict[str, object] = {}
for row in worksheet.DIMENSIONS:
    entry = latest.get(row.key)
    saved[f"{row.key}_rating"] = entry.rating if entry else None
    saved[f"{row.key}_target"] = entry.target if entry else None
    saved[f"{row.key}_reflection"] = entry.reflection if entry else ""
form = ui.Form(f"ws_{stakeholder.id}", saved,
               version=tuple(latest[row.key].id if row.key in latest else None
                             for row in worksheet.DIMENSIONS))
form.show_notices(ui.worksheet_field_text)
messages = ui.FieldMessages()


def rated_row(row: worksheet.WorksheetRow) -> None:
    ui.rating_input(row, form.key(f"{row.key}_rating"), ui.tr("worksheet.rating"))
    messages.slot(f"{row.key}.rating")
    st.selectbox(
        ui.tr("worksheet.target"),
        options=[None, *worksheet.RATING_SCALE],
        format_func=lambda rating: ui.rating_text(row, rating),
        # With no target Streamlit shows the placeholder (English by default), not "—".
        placeholder=ui.rating_text(row, None),
        key=form.key(f"{row.key}_target"),
        help=ui.tr("worksheet.target_help"),
    )
    messages.slot(f"{row.key}.target")
    st.text_area(ui.tr("worksheet.reflection"), key=form.key(f"{row.key}_reflection"),
                 height=100, placeholder=ui.tr("worksheet.reflection_placeholder"))
    messages.slot(f"{row.key}.reflection")
    history = histories.get(row.key, [])
    if len(history) > 1:
        with st.expander(ui.tr("worksheet.history", count=len(history) - 1),
                         icon=":material/history:"):
            for entry in history[1:]:
                st.caption(ui.tr("worksheet.version_saved", when=entry.saved_at))
                st.text(f"{ui.rating_text(row, entry.rating)}\n{entry.reflection}")


def interests_row() -> None:
    interests = store.list_interests(stakeholder.id)
    if not interests:
        st.caption(ui.tr("worksheet.no_interests"))
    for interest in interests:
        kind = worksheet.INTEREST_KINDS[interest.kind](lang)
        status = worksheet.INTEREST_STATUSES[interest.status](lang)
        st.text(f"• {interest.text}")
        st.caption(f"{status} · {kind}")  # the status first, as every list of interests has it
    st.page_link(screens.STAKEHOLDERS.path, label=ui.tr("worksheet.edit_interests"),
                 icon=":material/edit:", query_params={ui.STAKEHOLDER_PARAM: str(stakeholder.id)})


def action_editor(action) -> None:
    editor = ui.Form(f"ws_action_{action.id}",
                     {"text": action.text,
                      **ui.planned_week_saved("planned_week", action.planned_week, today),
                      "status": action.status, "outcome": action.outcome},
                     version=action.revision)
    editor.show_notices(ui.action_field_text)
    fields = ui.FieldMessages()
    st.text_area(ui.tr("actions.text"), key=editor.key("text"), height=68)
    fields.slot("text")
    # One below the other: the week's names need the panel's width.
    st.selectbox(ui.tr("actions.status"), list(worksheet.ACTION_STATUSES),
                 format_func=ui.action_status_text, key=editor.key("status"))
    ui.planned_week_field(editor.key("planned_week_when"), editor.key("planned_week_other"), today)
    fields.slot("planned_week")
    st.text_area(ui.tr("actions.outcome"), key=editor.key("outcome"), height=68,
                 help=ui.tr("actions.outcome_help"))
    fields.slot("done_on")
    fields.slot("")
    if editor.submit_button(ui.tr("common.save")):
        values = editor.values()
        ui.attempt(
            lambda: store.update_action(action.id, editor.based_on, text=values["text"],
                                     planned_week=ui.planned_week_value(
                                         values, "planned_week", today),
                                     status=values["status"], done_on=action.done_on,
                                     outcome=values["outcome"], token=editor.token),
            fields, success=ui.tr("actions.saved"), form=editor,
        )


def adding_key(row: worksheet.WorksheetRow) -> str:
    """A plain key: the user asked for this row's new-action form (kept across pages)."""
    return f"ws_adding_{stakeholder.id}_{row.key}"


def new_action(row: worksheet.WorksheetRow) -> None:
    """This row's new-action form, only when asked for: a small button opens it, it stays
    open while something typed in it is unsaved (also after leaving the page), and closes
    after the action is added or the user cancels."""
    form_id = f"ws_new_action_{stakeholder.id}_{row.key}"
    if not (st.session_state.get(adding_key(row)) or ui.has_unsaved(form_id)):
        if st.button(ui.tr("actions.add"), key=f"{form_id}__open", icon=":material/add:"):
            st.session_state[adding_key(row)] = True
            ui.request_focus(form_id)
            st.rerun()
        return
    adder = ui.Form(form_id, {"text": "", **ui.planned_week_saved("planned_week", None, today)},
                    version=None)
    fields = ui.FieldMessages()
    with st.container(border=True):
        st.text_input(ui.tr("actions.new"), key=adder.key("text"),
                      placeholder=ui.tr("actions.new_placeholder"))
        ui.focus_if_requested(form_id, adder.key("text"))
        fields.slot("text")
        ui.planned_week_field(adder.key("planned_week_when"), adder.key("planned_week_other"),
                              today)
        fields.slot("planned_week")
        fields.slot("")
        add_column, cancel_column = st.columns(2)
        with add_column:
            added = adder.submit_button(ui.tr("actions.add_submit"), type="primary")
        with cancel_column:
            if st.button(ui.tr("actions.cancel_new"), key=f"{form_id}__cancel",
                         help=ui.tr("actions.cancel_new_help")):
                ui.discard_draft(form_id)
                st.session_state.pop(adding_key(row), None)
                st.rerun()
    if added:
        values = adder.values()

        def add() -> None:
            store.add_action(stakeholder.id, row.key, values["text"],
                             planned_week=ui.planned_week_value(values, "planned_week", today),
                             token=adder.token)
            st.session_state.pop(adding_key(row), None)

        ui.attempt(add, fields, success=ui.tr("actions.added"), form=adder)


def actions_column(row: worksheet.WorksheetRow) -> None:
    own = [a for a in actions if a.row_key == row.key]
    finished = [a.id for a in own if not a.is_open]
    older = set(finished[:-RECENT_FINISHED_ACTIONS])
    if older and not st.toggle(ui.tr_count("worksheet.older_actions", len(older)),
                               key=f"ws_{stakeholder.id}_{row.key}_older"):
        own = [a for a in own if a.id not in older]
    for action in own:
        label = f"{ui.action_status_text(action.status)} · {ui.plain(action.text)}"
        if action.planned_week:
            label += f" · {ui.week_text(action.planned_week)}"
        # The editor is built only while its panel is open: a row of closed panels costs
        # nothing, where every editor drawn in advance froze the page at years of actions.
        # The label stays the same while editing: it is part of the panel's identity.
        panel = ui.folding_panel(label, icon=ACTION_ICONS[action.status],
                                 panel_id=f"ws_action_{action.id}",
                                 unsaved_notice="actions.unsaved_closed")
        if panel is not None:
            with panel:
                if action.done_on:
                    st.caption(ui.tr("actions.done_on", date=action.done_on))
                action_editor(action)
    new_action(row)


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

messages.slot("")
changed_rows = ui.changed_worksheet_rows(form)
if form.submit_button(ui.tr("worksheet.save"), type="primary", icon=":material/save:"):
    if not changed_rows:
        st.info(ui.tr("worksheet.nothing_changed"), icon=":material/info:")
    else:
        ui.attempt(
            lambda: store.save_worksheet(
                stakeholder.id,
                {key: {name: form.value(f"{key}_{name}") for name in ui.WORKSHEET_FIELDS}
                 for key in changed_rows},
                based_on=dict(zip(worksheet.DIMENSION_KEYS, form.based_on, strict=True)),
                token=form.token,
            ),
            messages, success=ui.tr_count("worksheet.saved", len(changed_rows)), form=form,
        )
form.show_unsaved()
