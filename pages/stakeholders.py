"""Stakeholders: who takes part in the project, what they answer to, and their interests (row 1)."""

from functools import partial

import streamlit as st

from belangen import backup, ui, worksheet

db = ui.get_store()
st.title(ui.tr("stakeholders.title"))
project = ui.require_project(db)
lang = ui.language()

st.caption(ui.tr("stakeholders.intro", project=ui.plain(project.name)))

NEW_FIELDS = ("sh_new_name", "sh_new_role", "sh_new_constituency", "sh_new_notes")
has_stakeholders = bool(db.list_stakeholders(project.id))
with st.expander(ui.tr("stakeholders.new"), icon=":material/person_add:",
                 expanded=not has_stakeholders), st.form("sh_new_form"):
    messages = ui.FieldMessages()
    name = st.text_input(ui.tr("stakeholders.name"), key="sh_new_name")
    messages.slot("name")
    role = st.text_input(ui.tr("stakeholders.role"), key="sh_new_role")
    messages.slot("role")
    constituency = st.text_area(ui.tr("stakeholders.constituency"), key="sh_new_constituency",
                                help=ui.tr("stakeholders.constituency_help"), height=80)
    messages.slot("constituency")
    notes = st.text_area(ui.tr("stakeholders.notes"), key="sh_new_notes", height=80)
    messages.slot("notes")
    messages.slot("")
    if st.form_submit_button(ui.tr("stakeholders.add"), type="primary", key="sh_new_submit"):
        ui.attempt(
            lambda: db.create_stakeholder(project.id, name, role, constituency, notes),
            messages,
            success=ui.tr("stakeholders.added"),
            reset_keys=NEW_FIELDS,
        )


def interest_form(stakeholder_id: int, interest=None) -> None:
    """Add an interest, or edit one; the day it is confirmed in conversation is kept."""
    prefix = f"sh_int_{interest.id}" if interest else f"sh_int_new_{stakeholder_id}"
    kinds = list(worksheet.INTEREST_KINDS)
    statuses = list(worksheet.INTEREST_STATUSES)
    with st.form(f"{prefix}_form"):
        messages = ui.FieldMessages()
        text = st.text_area(ui.tr("interests.text"), value=interest.text if interest else "",
                            key=f"{prefix}_text", height=68)
        messages.slot("text")
        left, right = st.columns(2)
        kind = left.selectbox(ui.tr("interests.kind"), kinds,
                              index=kinds.index(interest.kind) if interest else 0,
                              format_func=lambda k: worksheet.INTEREST_KINDS[k](lang),
                              key=f"{prefix}_kind")
        status = right.selectbox(ui.tr("interests.status"), statuses,
                                 index=statuses.index(interest.status) if interest else 0,
                                 format_func=lambda s: worksheet.INTEREST_STATUSES[s](lang),
                                 key=f"{prefix}_status")
        signals = st.text_area(ui.tr("interests.signals"),
                               value=interest.signals if interest else "",
                               help=ui.tr("interests.signals_help"),
                               key=f"{prefix}_signals", height=68)
        messages.slot("signals")
        messages.slot("")
        label = ui.tr("common.save") if interest else ui.tr("interests.add")
        if st.form_submit_button(label, key=f"{prefix}_submit"):
            if interest:
                ui.attempt(
                    lambda: db.update_interest(interest.id, interest.revision, text=text,
                                               kind=kind, status=status, signals=signals),
                    messages, success=ui.tr("common.saved"),
                )
            else:
                ui.attempt(
                    lambda: db.add_interest(stakeholder_id, text, kind, status, signals),
                    messages, success=ui.tr("interests.added"),
                    reset_keys=[f"{prefix}_{field}" for field in ("text", "signals")],
                )


def interests_section(stakeholder_id: int) -> None:
    st.markdown(f"**{ui.tr('interests.title')}**")
    st.caption(worksheet.INTERESTS.question(lang))
    for interest in db.list_interests(stakeholder_id, include_archived=True):
        status = worksheet.INTEREST_STATUSES[interest.status](lang)
        if interest.confirmed_on:
            status += ui.tr("interests.confirmed_on", date=interest.confirmed_on)
        label = f"{ui.plain(interest.text)} · {worksheet.INTEREST_KINDS[interest.kind](lang)}"
        if interest.archived:
            label += ui.tr("common.archived_marker")
        with st.expander(label):
            st.caption(status)
            interest_form(stakeholder_id, interest)
            archive_label = ui.tr("common.reopen") if interest.archived else ui.tr("common.archive")
            if st.button(archive_label, key=f"sh_int_{interest.id}_archive"):
                ui.act(partial(db.set_interest_archived, interest.id, not interest.archived),
                       success=ui.tr("common.saved"))
    with st.expander(ui.tr("interests.new"), icon=":material/add:"):
        interest_form(stakeholder_id)


def stakeholder_editor(stakeholder) -> None:
    prefix = f"sh_{stakeholder.id}"
    with st.form(f"{prefix}_edit"):
        messages = ui.FieldMessages()
        name = st.text_input(ui.tr("stakeholders.name"), value=stakeholder.name,
                             key=f"{prefix}_name")
        messages.slot("name")
        role = st.text_input(ui.tr("stakeholders.role"), value=stakeholder.role,
                             key=f"{prefix}_role")
        messages.slot("role")
        constituency = st.text_area(ui.tr("stakeholders.constituency"),
                                    value=stakeholder.constituency, height=80,
                                    help=ui.tr("stakeholders.constituency_help"),
                                    key=f"{prefix}_constituency")
        messages.slot("constituency")
        notes = st.text_area(ui.tr("stakeholders.notes"), value=stakeholder.notes, height=80,
                             key=f"{prefix}_notes")
        messages.slot("notes")
        messages.slot("")
        if st.form_submit_button(ui.tr("common.save"), key=f"{prefix}_save"):
            ui.attempt(
                lambda: db.update_stakeholder(stakeholder.id, stakeholder.revision, name=name,
                                              role=role, constituency=constituency, notes=notes),
                messages, success=ui.tr("common.saved"),
            )


stakeholders = db.list_stakeholders(project.id, include_archived=True)
archived = [s for s in stakeholders if s.archived]

st.divider()
chosen = ui.stakeholder_picker(db, project, show_hint=False)
if chosen is not None:
    details, interests = st.columns(2, gap="large")
    with details:
        st.subheader(ui.tr("stakeholders.details"))
        stakeholder_editor(chosen)
        st.page_link("pages/worksheet.py", label=ui.tr("stakeholders.open_worksheet"),
                     icon=":material/table_rows:",
                     query_params={ui.STAKEHOLDER_PARAM: str(chosen.id)})
        if st.button(ui.tr("common.archive"), key=f"sh_{chosen.id}_archive",
                     help=ui.tr("stakeholders.archive_help")):
            ui.act(lambda: db.set_stakeholder_archived(chosen.id, True),
                   success=ui.tr("stakeholders.archived", name=ui.plain(chosen.name)))
    with interests:
        interests_section(chosen.id)

if archived:
    st.divider()
    st.subheader(ui.tr("stakeholders.archived_list"))
for stakeholder in archived:
    with st.expander(ui.plain(stakeholder.name), icon=":material/inventory_2:"):
        if st.button(ui.tr("common.reopen"), key=f"sh_{stakeholder.id}_reopen"):
            ui.act(partial(db.set_stakeholder_archived, stakeholder.id, False),
                   success=ui.tr("common.saved"))
        st.warning(ui.tr("stakeholders.delete_warning", name=ui.plain(stakeholder.name)) + " "
                   + ui.tr("stakeholders.delete_copies_warning", name=ui.plain(stakeholder.name),
                           folder=ui.plain(str(backup.backups_dir(db))),
                           keep=backup.keep_backups()),
                   icon=":material/warning:")
        confirmed = st.checkbox(ui.tr("stakeholders.delete_confirm"),
                                key=f"sh_{stakeholder.id}_delete_confirm")
        from_copies = st.checkbox(ui.tr("stakeholders.delete_from_copies"),
                                  key=f"sh_{stakeholder.id}_delete_copies")
        if st.button(ui.tr("stakeholders.delete"), key=f"sh_{stakeholder.id}_delete",
                     disabled=not confirmed, type="primary"):
            if from_copies:
                ui.act(partial(backup.delete_stakeholder_everywhere, db, stakeholder.id),
                       success=ui.tr("stakeholders.deleted_everywhere",
                                     name=ui.plain(stakeholder.name)))
            else:
                ui.act(partial(db.delete_stakeholder, stakeholder.id),
                       success=ui.tr("stakeholders.deleted", name=ui.plain(stakeholder.name)))
