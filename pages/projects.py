"""Projecten: create, edit, archive and reopen the projects the worksheet is about."""

import streamlit as st

from belangen import domain, ui

db = ui.get_store()
st.title(ui.tr("projects.title"))
st.caption(ui.tr("projects.intro"))

NEW_FIELDS = ("proj_new_name", "proj_new_description", "proj_new_goal", "proj_new_start")

with st.form("proj_new_form"):
    st.subheader(ui.tr("projects.new"))
    messages = ui.FieldMessages()
    name = st.text_input(ui.tr("projects.name"), key="proj_new_name",
                         placeholder=ui.tr("projects.name_placeholder"))
    messages.slot("name")
    description = st.text_area(ui.tr("projects.description"), key="proj_new_description",
                               height=80)
    messages.slot("description")
    own_goal = st.text_area(ui.tr("projects.own_goal"), key="proj_new_goal", height=80,
                            help=ui.tr("projects.own_goal_help"))
    messages.slot("own_goal")
    start_date = st.date_input(ui.tr("projects.start_date"), key="proj_new_start",
                               value="today", min_value=domain.EARLIEST_DATE,
                               max_value=domain.LATEST_DATE, format="DD-MM-YYYY")
    messages.slot("start_date")
    messages.slot("")
    if st.form_submit_button(ui.tr("projects.create"), type="primary", key="proj_new_submit"):

        def create() -> None:
            project_id = db.create_project(name, description, own_goal, start_date)
            ui.set_active_project(project_id)

        ui.attempt(create, messages, success=ui.tr("projects.created"), reset_keys=NEW_FIELDS)



def project_editor(project) -> None:
    prefix = f"proj_{project.id}"
    with st.form(f"{prefix}_edit"):
        messages = ui.FieldMessages()
        name = st.text_input(ui.tr("projects.name"), value=project.name, key=f"{prefix}_name")
        messages.slot("name")
        description = st.text_area(ui.tr("projects.description"), value=project.description,
                                   key=f"{prefix}_description", height=80)
        messages.slot("description")
        own_goal = st.text_area(ui.tr("projects.own_goal"), value=project.own_goal,
                                key=f"{prefix}_goal", height=80)
        messages.slot("own_goal")
        start_date = st.date_input(ui.tr("projects.start_date"), value=project.start_date,
                                   key=f"{prefix}_start", min_value=domain.EARLIEST_DATE,
                                   max_value=domain.LATEST_DATE, format="DD-MM-YYYY")
        messages.slot("start_date")
        messages.slot("")
        if st.form_submit_button(ui.tr("common.save"), key=f"{prefix}_save"):
            ui.attempt(
                lambda: db.update_project(project.id, project.revision, name=name,
                                          description=description, own_goal=own_goal,
                                          start_date=start_date),
                messages,
                success=ui.tr("common.saved"),
            )


def archive_buttons(project, is_active: bool) -> None:
    prefix = f"proj_{project.id}"
    activate_column, archive_column = st.columns(2)
    if not project.archived and not is_active and activate_column.button(
        ui.tr("projects.make_active"), key=f"{prefix}_activate"
    ):
        ui.set_active_project(project.id)
        st.rerun()
    if project.archived:
        if archive_column.button(ui.tr("projects.reopen"), key=f"{prefix}_reopen"):
            ui.act(lambda: db.set_project_archived(project.id, False),
                   success=ui.tr("projects.reopened"))
    elif archive_column.button(ui.tr("projects.archive"), key=f"{prefix}_archive",
                               help=ui.tr("projects.archive_help")):
        if is_active:
            st.session_state.pop(ui.PROJECT_KEY, None)
        ui.act(lambda: db.set_project_archived(project.id, True),
               success=ui.tr("projects.archived"))


def project_label(project, active) -> str:
    marker = ui.tr("projects.archived_marker") if project.archived else ""
    if active is not None and project.id == active.id:
        marker += ui.tr("projects.active_marker")
    return project.name + marker


projects = db.list_projects(include_archived=True)
active = ui.active_project(db)
if projects:
    # One project's editor at a time (the active one unless another is chosen): with many
    # projects, editors nobody opened would make every click slower.
    st.subheader(ui.tr("projects.list"))
    by_id = {project.id: project for project in projects}
    ids = list(by_id)
    start = ids.index(active.id) if active is not None and active.id in by_id else 0
    chosen = by_id[st.selectbox(ui.tr("projects.choose"), ids, index=start,
                                format_func=lambda pid: project_label(by_id[pid], active))]
    with st.container(border=True):
        project_editor(chosen)
        archive_buttons(chosen, active is not None and chosen.id == active.id)
