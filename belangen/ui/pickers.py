"""Choosing what a screen is about: the active project, the stakeholder (also from a link),
the week, and a rating."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from belangen import domain, formats, screens, worksheet
from belangen.domain import Project, Stakeholder
from belangen.store import (
    NotFound,
    Store,
)
from belangen.ui.language import language, tr
from belangen.ui.state import picker_shown, seed_picker
from belangen.ui.text import app_today, week_choice_text

PROJECT_KEY = "active_project_id"


STAKEHOLDER_KEY = "active_stakeholder_id"


STAKEHOLDER_PARAM = "stakeholder"


STAKEHOLDER_URL_SEEN_KEY = "stakeholder_url_seen"


PROJECT_PICKER_KEY = "sidebar_project"


def active_project(store: Store, projects: list[Project] | None = None) -> Project | None:
    """The project the user works in: the one chosen before, else the first active one.
    `projects`: the active projects, when the caller has them already."""
    if projects is None:
        projects = store.list_projects()
    chosen = st.session_state.get(PROJECT_KEY)
    for project in projects:
        if project.id == chosen:
            return project
    if chosen is not None:
        try:
            project = store.get_project(chosen)
            return project
        except NotFound:
            pass
    if projects:
        st.session_state[PROJECT_KEY] = projects[0].id
        return projects[0]
    return None


def set_active_project(project_id: int) -> None:
    st.session_state[PROJECT_KEY] = project_id
    st.session_state.pop(STAKEHOLDER_KEY, None)


def project_picker(store: Store) -> Project | None:
    """The active project in the sidebar; every screen works within it."""
    projects = store.list_projects()
    project = active_project(store, projects)
    if project is None:
        return None
    if project.archived:
        projects = [project, *projects]
    names = {p.id: p.name for p in projects}
    seed_picker(PROJECT_PICKER_KEY, project.id, names)
    chosen = st.sidebar.selectbox(
        tr("nav.active_project"), options=list(names), format_func=names.__getitem__,
        key=PROJECT_PICKER_KEY,
    )
    picker_shown(PROJECT_PICKER_KEY, chosen, names)
    if chosen != project.id:
        set_active_project(chosen)
        st.rerun()
    return project


def require_project(store: Store) -> Project:
    """Stop the page with a pointer to Projecten when there is no project yet."""
    project = active_project(store)
    if project is None:
        st.info(tr("common.no_project"), icon=":material/info:")
        st.page_link(screens.PROJECTS.path, label=tr("common.go_to_projects"),
                     icon=":material/arrow_forward:")
        st.stop()
    return project


def stakeholder_picker(
    store: Store,
    project: Project,
    *,
    key: str,
    show_hint: bool = True,
    prefixes: dict[int, str] | None = None,
) -> Stakeholder | None:
    """Choose a stakeholder of the project; the choice survives page switches and is in the URL
    (`?stakeholder=<id>`), so a link opens that stakeholder directly.

    `key` is this page's picker: a stable key, so every choice counts (a keyless selectbox
    whose preselection changes becomes a new widget and drops the user's choice). The URL is
    read only when its value changes, so it never overrides a choice made on the page.
    """
    requested = st.query_params.get(STAKEHOLDER_PARAM)
    if requested != st.session_state.get(STAKEHOLDER_URL_SEEN_KEY):
        st.session_state[STAKEHOLDER_URL_SEEN_KEY] = requested
        if requested is not None:
            _follow_stakeholder_link(store, project, requested)
    stakeholders = store.list_stakeholders(project.id)
    if not stakeholders:
        if show_hint:
            st.info(tr("common.no_stakeholders"), icon=":material/info:")
            st.page_link(screens.STAKEHOLDERS.path, label=tr("common.go_to_stakeholders"),
                         icon=":material/arrow_forward:")
        return None
    by_id = {s.id: s for s in stakeholders}
    labels = {
        s.id: (prefixes or {}).get(s.id, "") + (f"{s.name} — {s.role}" if s.role else s.name)
        for s in stakeholders
    }
    current = st.session_state.get(STAKEHOLDER_KEY)
    if current not in by_id:
        current = stakeholders[0].id
    seed_picker(key, current, labels)
    chosen = st.selectbox(tr("common.stakeholder"), options=list(by_id),
                          format_func=labels.__getitem__, key=key)
    picker_shown(key, chosen, labels)
    select_stakeholder(chosen)
    return by_id[chosen]


def select_stakeholder(stakeholder_id: int) -> None:
    """Make this the stakeholder every page opens with, and put it in the URL."""
    st.session_state[STAKEHOLDER_KEY] = stakeholder_id
    if st.query_params.get(STAKEHOLDER_PARAM) != str(stakeholder_id):
        st.query_params[STAKEHOLDER_PARAM] = str(stakeholder_id)
    st.session_state[STAKEHOLDER_URL_SEEN_KEY] = str(stakeholder_id)


def _follow_stakeholder_link(store: Store, project: Project, requested: str) -> None:
    try:
        wanted = store.get_stakeholder(int(requested))
    except (ValueError, NotFound):
        st.warning(tr("common.stakeholder_link_unknown"), icon=":material/link_off:")
        del st.query_params[STAKEHOLDER_PARAM]
        st.session_state[STAKEHOLDER_URL_SEEN_KEY] = None
        return
    if wanted.project_id != project.id:
        set_active_project(wanted.project_id)
        st.session_state[STAKEHOLDER_KEY] = wanted.id
        st.rerun()
    st.session_state[STAKEHOLDER_KEY] = wanted.id


def week_chooser(
    key: str, *, first: dt.date, last: dt.date, label: str | None = None,
    help: str | None = None, newest_first: bool = True, stacked: bool = False,
) -> dt.date:
    """Choose an ISO week between `first` and `last` (Mondays), with buttons for the week
    before and after: "◀ Week 49 · 30 nov – 6 dec ▶" (the year when it is not this year).
    Newest first for weeks looked back on, in calendar order for weeks ahead; `stacked` puts
    the buttons under the list, for a narrow column. The choice lasts for the session (a
    plain key beside the widget's, since Streamlit forgets a widget's value on other pages);
    a form that seeds `key` itself (a planned week) decides the value instead."""
    weeks = domain.weeks_between(first, last)
    if newest_first:
        weeks.reverse()
    kept = f"{key}__kept"
    if st.session_state.get(key) not in weeks:
        st.session_state[key] = st.session_state.get(kept) if st.session_state.get(
            kept) in weeks else weeks[0]
    later_step = -1 if newest_first else 1  # where in the list the next week lies

    def shift(step: int) -> None:
        position = weeks.index(st.session_state[key]) + step * later_step
        st.session_state[key] = weeks[min(max(position, 0), len(weeks) - 1)]

    position = weeks.index(st.session_state[key])
    earliest, latest = (len(weeks) - 1, 0) if newest_first else (0, len(weeks) - 1)
    if stacked:
        choice = st.container()
        earlier, later = st.columns(2)
    else:
        earlier, choice, later = st.columns([2, 5, 2], vertical_alignment="bottom")
    earlier.button(tr("week.earlier"), key=f"{key}__earlier", on_click=shift, args=(-1,),
                   disabled=position == earliest, icon=":material/chevron_left:",
                   width="stretch")
    today = app_today()
    chosen = choice.selectbox(
        tr("follow_up.week_day") if label is None else label, weeks, key=key,
        format_func=lambda monday: week_choice_text(monday, today),
        help=tr("follow_up.week_day_help") if label is None else help)
    later.button(tr("week.later"), key=f"{key}__later", on_click=shift, args=(1,),
                 disabled=position == latest, icon=":material/chevron_right:",
                 width="stretch")
    st.session_state[kept] = chosen
    return chosen


PLANNED_WEEKS_AHEAD = 52
"""How far ahead 'andere week…' reaches from the current week (a saved week outside is added:
an action that slipped keeps its past week)."""


def planned_week_saved(name: str, planned: dt.date | None, today: dt.date) -> dict[str, Any]:
    """A form's saved values for the planned-week field `name`: its relative option and the
    week the 'other' chooser holds (see `domain.planned_week_choice`)."""
    choice, other = domain.planned_week_choice(planned, today)
    return {f"{name}_when": choice, f"{name}_other": other}


def planned_week_value(values: dict[str, Any], name: str, today: dt.date) -> dt.date | None:
    """The Monday the form's planned-week field `name` holds (None: none planned)."""
    return domain.planned_week_from(values[f"{name}_when"], values[f"{name}_other"], today)


def planned_choice_text(choice: str, today: dt.date) -> str:
    """'Volgende week (week 50)', 'Andere week…', 'Niet gepland'."""
    if choice == domain.PLANNED_NONE:
        return tr("planned.none")
    if choice == domain.PLANNED_OTHER:
        return tr("planned.another_week")
    monday = domain.planned_week_from(choice, None, today)
    assert monday is not None
    return tr(f"planned.ahead_{choice}", week=formats.week_short(monday, language(), today))


def planned_week_field(when_key: str, other_key: str, today: dt.date) -> None:
    """A planned week chosen as a week: this week, next week, … in four weeks, or another
    week in the week chooser (Monday to Sunday). Both keys are seeded by the form
    (`planned_week_saved`), so a draft survives leaving the page and a saved week shows as
    itself."""
    st.selectbox(tr("actions.planned_week"), list(domain.PLANNED_CHOICES), key=when_key,
                 format_func=lambda choice: planned_choice_text(choice, today))
    if st.session_state.get(when_key) == domain.PLANNED_OTHER:
        this_week = domain.week_start(today)
        other = st.session_state.get(other_key) or this_week
        week_chooser(other_key, label=tr("planned.which_week"),
                     help=tr("planned.which_week_help"), newest_first=False, stacked=True,
                     first=min(other, this_week),
                     last=max(other, this_week + dt.timedelta(weeks=PLANNED_WEEKS_AHEAD)))
    else:
        # Not drawn: the form seeded the key as a plain value, which Streamlit would keep and
        # bring back over the user's choice once the widget is gone again (seen in Chromium:
        # a chosen week reverted after leaving the page). The draft keeps the value.
        st.session_state.pop(other_key, None)


def date_field(label: str, key: str) -> dt.date | None:
    """Every form's date: only dates the store accepts can be picked, typed day first as in
    Dutch. Drawn where the page is drawing (`with column:` for a column)."""
    return st.date_input(label, key=key, min_value=domain.EARLIEST_DATE,
                         max_value=domain.LATEST_DATE, format="DD-MM-YYYY")


def rating_input(row: worksheet.WorksheetRow, key: str, label: str) -> Any:
    """A rating on the labelled 1-5 scale, nothing chosen until the user chooses (a form seeds
    `key` with the saved rating or None: never option 1 by default)."""
    lang = language()
    return st.radio(
        label,
        options=list(worksheet.RATING_SCALE),
        format_func=lambda rating: row.labelled_rating(rating, lang),
        key=key,
        index=None,
    )
