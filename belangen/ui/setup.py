"""Setting a project up quickly (issue 15): the step after creating a project, the
new-stakeholder form that stays open for the next one, and interest status at a glance."""

from __future__ import annotations

from typing import Any

import streamlit as st

from belangen.ui.chrome import request_focus
from belangen.ui.forms import new_form_panel
from belangen.ui.language import tr

NEW_STAKEHOLDER_REQUEST_KEY = "sh_new_open_requested"
"""A plain key: open the panel on its next drawing (after an add, or as the next step)."""
NEW_STAKEHOLDER_FOCUS = "new_stakeholder_name"

INTEREST_STATUS_ICONS = {
    "suspected": ":material/help:",
    "confirmed": ":material/verified:",
}


def keep_new_stakeholder_form_open() -> None:
    """After adding a stakeholder: the emptied form stays open for the next one."""
    st.session_state[NEW_STAKEHOLDER_REQUEST_KEY] = True


def offer_first_stakeholder() -> None:
    """The step after creating a project: Stakeholders with the new-stakeholder form open and
    its first field ready for typing."""
    st.session_state[NEW_STAKEHOLDER_REQUEST_KEY] = True
    request_focus(NEW_STAKEHOLDER_FOCUS)


def new_stakeholder_panel(*, has_stakeholders: bool, form_id: str) -> Any | None:
    """The panel holding the new-stakeholder form, or None while it is closed (its form is
    then not built): open when the project has nobody yet, when something typed there is not
    saved, when asked to (the next step, a stakeholder just added), and otherwise as the user
    left it while on the page."""
    requested = st.session_state.pop(NEW_STAKEHOLDER_REQUEST_KEY, False)
    return new_form_panel("stakeholders.new", ":material/person_add:", form_id,
                          requested=requested, first=not has_stakeholders,
                          unsaved_notice="stakeholders.unsaved_closed")


def new_project_panel(*, has_projects: bool, form_id: str) -> Any | None:
    """The panel holding the new-project form, or None while it is closed (see
    `new_form_panel`). Drawn closed, the form's fields cost the browser nothing: editing or
    switching a project is what Projecten is mostly for once one exists."""
    return new_form_panel("projects.new", ":material/add:", form_id, first=not has_projects,
                          unsaved_notice="projects.unsaved_closed")


def interest_status_short(status: str) -> str:
    """'vermoed' / 'bevestigd': an interest's status in one word, for lists."""
    return tr(f"interests.status_short.{status}")
