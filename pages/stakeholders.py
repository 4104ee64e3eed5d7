"""Stakeholders: who takes part in the project, what they answer to, and their interests (row 1)."""

from functools import partial

import streamlit as st

from belangen import backup, domain, screens, ui, worksheet

store = ui.get_store()
st.title(ui.tr("stakeholders.title"), anchor=False)
project = ui.require_project(store)
lang = ui.language()

st.caption(ui.tr("stakeholders.intro", project=ui.plain(project.name)))

STAKEHOLDER_FIELDS = ("name", "role", "constituency", "notes", "cadence_weeks")


def stakeholder_fields(form: ui.Form, messages: ui.FieldMessages) -> None:
    st.text_input(ui.tr("stakeholders.name"), key=form.key("name"))
    messages.slot("name")
    st.text_input(ui.tr("stakeholders.role"), key=form.key("role"))
    messages.slot("role")
    st.text_area(ui.tr("stakeholders.constituency"), key=form.key("constituency"),
                 help=ui.tr("stakeholders.constituency_help"), height=80)
    messages.slot("constituency")
    st.text_area(ui.tr("stakeholders.notes"), key=form.key("notes"), height=80)
    messages.slot("notes")
    st.selectbox(ui.tr("stakeholders.cadence"), domain.CADENCES, key=form.key("cadence_weeks"),
                 format_func=ui.cadence_text, help=ui.tr("stakeholders.cadence_help"))
    messages.slot("cadence_weeks")
    messages.slot("")


has_stakeholders = bool(store.list_stakeholders(project.id))
with st.expander(ui.tr("stakeholders.new"), icon=":material/person_add:",
                 expanded=not has_stakeholders):
    blank = {**dict.fromkeys(STAKEHOLDER_FIELDS, ""), "cadence_weeks": domain.DEFAULT_CADENCE}
    new = ui.Form(f"sh_new_{project.id}", blank, version=None)
    new.draw(
        ui.stakeholder_field_text, stakeholder_fields, ui.tr("stakeholders.add"),
        lambda values: ui.select_stakeholder(store.create_stakeholder(
            project.id, values["name"], values["role"], values["constituency"],
            values["notes"], cadence_weeks=values["cadence_weeks"], token=new.token)),
        success=ui.tr("stakeholders.added"), type="primary",
    )


def interest_fields(form: ui.Form, messages: ui.FieldMessages) -> None:
    st.text_area(ui.tr("interests.text"), key=form.key("text"), height=68)
    messages.slot("text")
    left, right = st.columns(2)
    left.selectbox(ui.tr("interests.kind"), list(worksheet.INTEREST_KINDS),
                   format_func=lambda k: worksheet.INTEREST_KINDS[k](lang), key=form.key("kind"))
    right.selectbox(ui.tr("interests.status"), list(worksheet.INTEREST_STATUSES),
                    format_func=lambda s: worksheet.INTEREST_STATUSES[s](lang),
                    key=form.key("status"))
    st.text_area(ui.tr("interests.signals"), help=ui.tr("interests.signals_help"),
                 key=form.key("signals"), height=68)
    messages.slot("signals")
    messages.slot("")


def interest_form(stakeholder_id: int, interest=None) -> None:
    """Add an interest, or edit one; the day it is confirmed in conversation is kept."""
    form_id = f"sh_int_{interest.id}" if interest else f"sh_int_new_{stakeholder_id}"
    saved = ({"text": interest.text, "kind": interest.kind, "status": interest.status,
              "signals": interest.signals} if interest else
             {"text": "", "kind": next(iter(worksheet.INTEREST_KINDS)),
              "status": next(iter(worksheet.INTEREST_STATUSES)), "signals": ""})
    form = ui.Form(form_id, saved, version=interest.revision if interest else None)
    if interest:
        form.draw(
            ui.interest_field_text, interest_fields, ui.tr("common.save"),
            lambda values: store.update_interest(interest.id, form.based_on, **values,
                                              token=form.token),
            success=ui.tr("common.saved"),
        )
    else:
        form.draw(
            ui.interest_field_text, interest_fields, ui.tr("interests.add"),
            lambda values: store.add_interest(stakeholder_id, values["text"], values["kind"],
                                           values["status"], values["signals"], token=form.token),
            success=ui.tr("interests.added"),
        )


def interests_section(stakeholder_id: int) -> None:
    st.markdown(f"**{ui.tr('interests.title')}**")
    st.caption(worksheet.INTERESTS.question(lang))
    for interest in store.list_interests(stakeholder_id, include_archived=True):
        status = worksheet.INTEREST_STATUSES[interest.status](lang)
        if interest.confirmed_on:
            status += ui.tr("interests.confirmed_on", date=interest.confirmed_on)
        label = f"{ui.plain(interest.text)} · {worksheet.INTEREST_KINDS[interest.kind](lang)}"
        if interest.archived:
            label += ui.tr("common.archived_marker")
        with st.expander(label):
            st.caption(status)
            interest_form(stakeholder_id, interest)
            ui.action_button(
                f"sh_int_{interest.id}_archive",
                ui.tr("common.unarchive") if interest.archived else ui.tr("common.archive"),
                partial(store.set_interest_archived, interest.id, not interest.archived),
                success=ui.tr("common.saved"), version=interest.revision,
            )
    with st.expander(ui.tr("interests.new"), icon=":material/add:"):
        interest_form(stakeholder_id)


def stakeholder_editor(stakeholder) -> None:
    form = ui.Form(f"sh_{stakeholder.id}",
                   {name: getattr(stakeholder, name) for name in STAKEHOLDER_FIELDS},
                   version=stakeholder.revision)
    form.draw(
        ui.stakeholder_field_text, stakeholder_fields, ui.tr("common.save"),
        lambda values: store.update_stakeholder(stakeholder.id, form.based_on, **values,
                                             token=form.token),
        success=ui.tr("common.saved"),
    )


stakeholders = store.list_stakeholders(project.id, include_archived=True)
archived = [s for s in stakeholders if s.archived]

st.divider()
chosen = ui.stakeholder_picker(store, project, key="sh_stakeholder", show_hint=False)
if chosen is not None:
    details, interests = st.columns(2, gap="large")
    with details:
        st.header(ui.tr("stakeholders.details"), anchor=False)
        stakeholder_editor(chosen)
        st.page_link(screens.WORKSHEET.path, label=ui.tr("stakeholders.open_worksheet"),
                     icon=":material/table_rows:",
                     query_params={ui.STAKEHOLDER_PARAM: str(chosen.id)})
        ui.action_button(
            f"sh_{chosen.id}_archive", ui.tr("common.archive"),
            partial(store.set_stakeholder_archived, chosen.id, True),
            success=ui.tr("stakeholders.archived", name=ui.plain(chosen.name)),
            version=chosen.revision, help=ui.tr("stakeholders.archive_help"),
        )
    with interests:
        interests_section(chosen.id)

if archived:
    st.divider()
    st.header(ui.tr("stakeholders.archived_list"), anchor=False)
for stakeholder in archived:
    with st.expander(ui.plain(stakeholder.name), icon=":material/inventory_2:"):
        ui.action_button(
            f"sh_{stakeholder.id}_reopen", ui.tr("common.unarchive"),
            partial(store.set_stakeholder_archived, stakeholder.id, False),
            success=ui.tr("stakeholders.unarchived", name=ui.plain(stakeholder.name)),
            version=stakeholder.revision,
        )
        st.warning(ui.tr("stakeholders.delete_warning", name=ui.plain(stakeholder.name)) + " "
                   + ui.tr_count("stakeholders.delete_copies_warning", backup.keep_backups(),
                                 name=ui.plain(stakeholder.name),
                                 folder=ui.plain(str(backup.backups_dir(store)))),
                   icon=":material/warning:")
        confirmed = st.checkbox(ui.tr("stakeholders.delete_confirm"),
                                key=f"sh_{stakeholder.id}_delete_confirm")
        from_copies = st.checkbox(ui.tr("stakeholders.delete_from_copies"),
                                  key=f"sh_{stakeholder.id}_delete_copies")
        if from_copies:
            ui.action_button(
                f"sh_{stakeholder.id}_delete", ui.tr("stakeholders.delete"),
                partial(backup.delete_stakeholder_everywhere, store, stakeholder.id),
                success=ui.tr("stakeholders.deleted_everywhere", name=ui.plain(stakeholder.name)),
                disabled=not confirmed, type="primary",
            )
        else:
            ui.action_button(
                f"sh_{stakeholder.id}_delete", ui.tr("stakeholders.delete"),
                partial(store.delete_stakeholder, stakeholder.id),
                success=ui.tr("stakeholders.deleted", name=ui.plain(stakeholder.name)),
                disabled=not confirmed, type="primary",
            )
