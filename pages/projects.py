"""Projecten: create, edit, archive and reopen the projects the worksheet is about."""

from functools import partial

import streamlit as st

from belangen import screens, ui

store = ui.get_store()
st.title(ui.tr("projects.title"), anchor=False)
st.caption(ui.tr("projects.intro"))


def project_fields(form: ui.Form, messages: ui.FieldMessages) -> None:
    st.text_input(ui.tr("projects.name"), key=form.key("name"),
                  placeholder=ui.tr("projects.name_placeholder"))
    messages.slot("name")
    st.text_area(ui.tr("projects.description"), key=form.key("description"), height=80)
    messages.slot("description")
    st.text_area(ui.tr("projects.own_goal"), key=form.key("own_goal"), height=80,
                 help=ui.tr("projects.own_goal_help"))
    messages.slot("own_goal")
    ui.date_field(ui.tr("projects.start_date"), form.key("start_date"))
    messages.slot("start_date")
    messages.slot("")


# The project created last in this session: its next step is offered until it has people.
# (A comment, not a string: Streamlit's magic would print a bare string on the page.)
CREATED_KEY = "proj_just_created"
# The project "Je projecten" shows (plain state: the picker's key is gone on other pages).
PROJECT_SHOWN_KEY = "proj_shown"
NEW_FORM = "proj_new"


def create_project(values: dict, token: str) -> None:
    project_id = store.create_project(values["name"], values["description"], values["own_goal"],
                                      values["start_date"], token=token)
    ui.set_active_project(project_id)
    st.session_state[CREATED_KEY] = project_id
    st.session_state[PROJECT_SHOWN_KEY] = project_id


def next_step() -> None:
    """Right under the button just pressed: the step after creating a project, adding its
    first stakeholder, on the Stakeholders page with that form open and ready for typing."""
    created = st.session_state.get(CREATED_KEY)
    active = ui.active_project(store)
    if active is None or created != active.id or store.list_stakeholders(active.id):
        return
    with st.container(border=True, key="proj_next_step"):
        st.success(ui.tr("projects.next_step", project=ui.plain(active.name)),
                   icon=":material/arrow_forward:")
        if st.button(ui.tr("projects.add_first_stakeholder"), type="primary",
                     icon=":material/person_add:", key="proj_add_first_stakeholder"):
            ui.offer_first_stakeholder()
            st.switch_page(screens.STAKEHOLDERS.path)


projects = store.list_projects(include_archived=True)
new_panel = ui.new_project_panel(has_projects=bool(projects), form_id=NEW_FORM)
if new_panel is not None:
    with new_panel:
        new = ui.Form(NEW_FORM, {"name": "", "description": "", "own_goal": "",
                                 "start_date": store.today()}, version=None)
        new.draw(
            ui.project_field_text, project_fields, ui.tr("projects.create"),
            lambda values: create_project(values, new.token),
            success=ui.tr("projects.created"), type="primary",
        )
next_step()


def project_editor(project) -> None:
    form = ui.Form(f"proj_{project.id}",
                   {"name": project.name, "description": project.description,
                    "own_goal": project.own_goal, "start_date": project.start_date},
                   version=project.revision)
    form.draw(
        ui.project_field_text, project_fields, ui.tr("common.save"),
        lambda values: store.update_project(project.id, form.based_on, **values, token=form.token),
        success=ui.tr("common.saved"),
    )


def archive_buttons(project, is_active: bool) -> None:
    prefix = f"proj_{project.id}"
    activate_column, archive_column = st.columns(2)
    if not project.archived and not is_active and activate_column.button(
        ui.tr("projects.make_active"), key=f"{prefix}_activate"
    ):
        ui.set_active_project(project.id)
        st.session_state[PROJECT_SHOWN_KEY] = project.id
        st.rerun()
    with archive_column:
        if project.archived:
            ui.action_button(
                f"{prefix}_reopen", ui.tr("common.unarchive"),
                partial(store.set_project_archived, project.id, False),
                success=ui.tr("projects.unarchived"), version=project.revision,
            )
        else:

            def archive(token: str) -> None:
                if is_active:
                    st.session_state.pop(ui.PROJECT_KEY, None)
                store.set_project_archived(project.id, True, token=token)

            ui.action_button(f"{prefix}_archive", ui.tr("projects.archive"), archive,
                             success=ui.tr("projects.archived"), version=project.revision,
                             help=ui.tr("projects.archive_help"))


def project_label(project, active) -> str:
    marker = ui.tr("projects.archived_marker") if project.archived else ""
    if active is not None and project.id == active.id:
        marker += ui.tr("projects.active_marker")
    return project.name + marker


active = ui.active_project(store)
if projects:
    # One project's editor at a time (the active one unless another is chosen): with many
    # projects, editors nobody opened would make every click slower.
    st.header(ui.tr("projects.list"), anchor=False)
    by_id = {project.id: project for project in projects}
    labels = {project.id: project_label(project, active) for project in projects}
    # Start with the active project; a project just created or made active is shown next.
    shown = st.session_state.get(PROJECT_SHOWN_KEY)
    if shown not in by_id:
        shown = active.id if active is not None and active.id in by_id else next(iter(by_id))
    ui.seed_picker("proj_choose", shown, labels)
    chosen = by_id[st.selectbox(ui.tr("projects.choose"), list(by_id), key="proj_choose",
                                format_func=labels.__getitem__)]
    ui.picker_shown("proj_choose", chosen.id, labels)
    st.session_state[PROJECT_SHOWN_KEY] = chosen.id
    with st.container(border=True):
        project_editor(chosen)
        archive_buttons(chosen, active is not None and chosen.id == active.id)
