"""Overzicht: where the active project stands, and what to do this week."""

import pandas as pd
import streamlit as st

from belangen import analytics, domain, formats, sample, screens, ui, worksheet

store = ui.get_store()
lang = ui.language()
project = ui.active_project(store)

if project is None:
    st.title(ui.tr("overview.welcome_title"), anchor=False)
    st.markdown(ui.tr("overview.welcome_body"))
    first_step, explore = st.columns(2)
    if first_step.button(ui.tr("overview.first_step"), type="primary", icon=":material/add:",
                         key="ov_first_step", width="stretch"):
        st.switch_page(screens.PROJECTS.path)
    if explore.button(ui.tr("overview.explore_sample"), icon=":material/science:",
                      key="ov_load_sample", width="stretch"):
        ui.set_active_project(sample.load_sample_project(store))
        ui.clear_caches()
        ui.flash(ui.tr("data.sample_loaded_flash"))
        st.rerun()
    st.stop()

st.title(ui.plain(project.name), anchor=False)
if project.own_goal:
    st.caption(ui.tr("overview.own_goal", goal=ui.plain(project.own_goal)))

today = store.today()
this_week = domain.week_start(today)
status = store.follow_up_status(project.id, this_week)
if status.empty:
    st.info(ui.tr("overview.no_stakeholders"), icon=":material/info:")
    if st.button(ui.tr("overview.add_stakeholders"), type="primary", key="ov_add_stakeholders"):
        ui.offer_first_stakeholder()
        st.switch_page(screens.STAKEHOLDERS.path)
    st.stop()

overdue = store.overdue_actions(project.id, this_week)
# Weekritme over the weeks someone's cadence asked for: a monthly contact is not three missed
# weeks out of four.
due_weeks, logged_weeks = store.check_in_rhythm(project.id, domain.weeks_back(this_week, 9))
habit = analytics.habit(logged_weeks, this_week, since=project.start_date, due=due_weeks)
expected = status[status["due"] | status["logged"]]
due = expected[~expected["logged"]]

due_column, overdue_column, habit_column = st.columns(3)
due_column.metric(ui.tr("overview.due_metric", week=ui.week_text(this_week)),
                  ui.tr("overview.due_value", done=int(expected["logged"].sum()),
                        total=len(expected)) if len(expected) else ui.tr("overview.nobody_due"))
overdue_column.metric(ui.tr("overview.overdue_metric"), len(overdue))
habit_column.metric(ui.tr("overview.habit_metric"),
                    ui.tr_count("overview.habit_value", habit.window, logged=habit.logged),
                    help=ui.tr("overview.habit_help"))

if not due.empty:
    st.markdown(ui.tr("overview.due_list", names=", ".join(ui.plain(n) for n in due["name"])))
    st.page_link(screens.FOLLOW_UP.path, label=ui.tr("overview.go_follow_up"),
                 icon=":material/event_repeat:")

st.header(ui.tr("overview.stakeholders"), anchor=False)
st.caption(ui.tr("overview.changes_help"))
ratings = ui.latest_ratings(store, project.id)
people = ratings[["stakeholder_id", "stakeholder", "role"]].drop_duplicates("stakeholder_id")
latest = ratings.pivot_table(index="stakeholder_id", columns="dimension",
                             values="latest_rating").reindex(columns=list(worksheet.DIMENSION_KEYS))
table = people.merge(latest, left_on="stakeholder_id", right_index=True, how="left")
latest_weeks = ratings.groupby("stakeholder_id")["latest_week"].max()
table["latest_week"] = table["stakeholder_id"].map(latest_weeks).map(
    lambda week: ui.week_text(week, today)
)
column_config = {
    "stakeholder_id": None,
    "stakeholder": st.column_config.TextColumn(ui.tr("common.stakeholder")),
    "role": st.column_config.TextColumn(ui.tr("stakeholders.role")),
    "latest_week": st.column_config.TextColumn(ui.tr("overview.latest_week")),
}
# Each rating with its change since the weekcheck before and since the worksheet, as a shape
# and a number (never colour alone); a rating nobody gave reads "—".
# Plain dicts: a pandas lookup per cell cost more than the rest of the page at forty people.
previous = ui.previous_ratings(store, project.id)
previous_rating = previous.set_index(["stakeholder_id", "dimension"])["previous_rating"].to_dict()
change_since_start = ratings.set_index(["stakeholder_id", "dimension"])["change"].to_dict()
for row in worksheet.DIMENSIONS:
    table[row.key] = [
        formats.rating_with_changes(
            latest, latest - previous_rating[person, row.key]
            if (person, row.key) in previous_rating else None,
            change_since_start.get((person, row.key), pd.NA))
        for person, latest in zip(table["stakeholder_id"], table[row.key], strict=True)]
    column_config[row.key] = st.column_config.TextColumn(row.short_name(lang),
                                                         help=row.question(lang))
# Ratings first: on a narrow screen they are what should stay in view.
columns = ["stakeholder_id", "stakeholder", *worksheet.DIMENSION_KEYS, "latest_week", "role"]
st.dataframe(table[columns], column_config=column_config, hide_index=True, width="stretch")

open_actions = store.open_actions(project.id)
st.header(ui.tr("overview.open_actions"), anchor=False)
if open_actions.empty:
    st.caption(ui.tr("overview.no_open_actions"))
else:
    overdue_ids = set(overdue["id"])
    open_actions["row"] = open_actions["row_key"].map(
        lambda key: worksheet.row(key).short_name(lang)
    )
    open_actions["week"] = open_actions["planned_week"].map(
        lambda week: ui.week_text(week, today))
    open_actions["status"] = [
        ui.action_status_text(status) + (ui.tr("overview.overdue_marker") if late else "")
        for status, late in zip(open_actions["status"], open_actions["id"].isin(overdue_ids),
                                strict=True)
    ]
    st.dataframe(
        open_actions[["stakeholder", "text", "week", "status", "row"]],
        column_config={
            "stakeholder": st.column_config.TextColumn(ui.tr("common.stakeholder")),
            "text": st.column_config.TextColumn(ui.tr("actions.text"), width="large"),
            "week": st.column_config.TextColumn(ui.tr("actions.planned_week")),
            "status": st.column_config.TextColumn(ui.tr("actions.status")),
            "row": st.column_config.TextColumn(ui.tr("actions.row")),
        },
        hide_index=True,
        width="stretch",
    )
