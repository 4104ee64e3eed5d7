"""Trends: how the four ratings move as actions are carried out, per stakeholder and project.

One view at a time, chosen above the charts: only that view is built and drawn."""

import datetime as dt

import streamlit as st

from belangen import domain, ui, worksheet

store = ui.get_store()
st.title(ui.tr("trends.title"), anchor=False)
project = ui.require_project(store)
lang = ui.language()
data = ui.data_key(store)

VIEWS = ("stakeholder", "latest", "course", "what_worked")
PERIODS = {"13": 13, "26": 26, "52": 52, "all": None}
COURSE_PAGE = 10

view = st.segmented_control(
    ui.tr("trends.view"), VIEWS, default="stakeholder", required=True, key="tr_view",
    format_func=lambda key: ui.tr(f"trends.view_{key}"), persist_state="session",
    width="stretch",
)


def period_start() -> dt.date | None:
    """The period control of the history views: the Monday the charts start, or None (all)."""
    chosen = st.segmented_control(
        ui.tr("trends.period"), list(PERIODS), default="26", required=True, key="tr_period",
        format_func=lambda key: ui.tr(f"trends.period_{key}"), persist_state="session",
    )
    weeks = PERIODS[chosen]
    if weeks is None:
        return None
    return domain.week_start(store.today()) - dt.timedelta(weeks=weeks - 1)


if view == "stakeholder":
    stakeholder = ui.stakeholder_picker(store, project, key="tr_stakeholder")
    if stakeholder is not None:
        since = period_start()
        spec = ui.stakeholder_trend_spec(store, data, project.id, stakeholder.id, lang, since)
        if spec is None:
            st.info(ui.tr("trends.no_ratings_in_period"), icon=":material/info:")
        else:
            st.vega_lite_chart(spec, width="stretch")
            st.caption(ui.tr("trends.stakeholder_help"))
            person = stakeholder.id
            ui.as_table("tr_table_stakeholder", lambda: ui.stakeholder_trend_table(
                store, data, project.id, person, lang, since))
            ui.chart_notes(ui.stakeholder_notes(store, data, project.id, person, lang, since))

elif view == "latest":
    specs = ui.latest_specs(store, data, project.id, lang)
    if specs is None:
        st.info(ui.tr("trends.no_ratings"), icon=":material/info:")
    else:
        st.header(ui.tr("trends.heatmap"), anchor=False)
        st.caption(ui.tr("trends.heatmap_help"))
        # The page heads each chart (headings wrap on a phone, SVG titles do not): titled=False.
        st.vega_lite_chart(specs["heatmap"], width="stretch")
        ui.as_table("tr_table_heatmap",
                    lambda: ui.latest_table(store, data, project.id, lang, "heatmap"),
                    label_key="chart.heatmap_as_table")
        st.header(ui.tr("trends.position_map"), anchor=False)
        st.caption(ui.tr("trends.position_grid_help",
                         x=worksheet.VALUE.short_name(lang),
                         y=worksheet.NEGOTIATION.short_name(lang)))
        st.vega_lite_chart(specs["positions"], width="stretch")
        ui.as_table("tr_table_positions",
                    lambda: ui.latest_table(store, data, project.id, lang, "positions"),
                    label_key="chart.positions_as_table")

elif view == "course":
    since = period_start()
    people = ui.course_order(store, project.id, st.selectbox(
        ui.tr("trends.course_order"), ("attention", "name"), key="tr_course_order",
        format_func=lambda key: ui.tr(f"trends.course_order_{key}")))
    if not people:
        st.info(ui.tr("trends.no_ratings"), icon=":material/info:")
    else:
        pages = [people[start:start + COURSE_PAGE]
                 for start in range(0, len(people), COURSE_PAGE)]
        shown = 0
        if len(pages) > 1:
            shown = st.segmented_control(
                ui.tr("trends.course_page"), list(range(len(pages))), default=0,
                required=True, key="tr_course_page", width="stretch",
                format_func=lambda number: ui.tr(
                    "trends.course_page_range", first=number * COURSE_PAGE + 1,
                    last=number * COURSE_PAGE + len(pages[number]), total=len(people)))
        spec = ui.course_spec(store, data, project.id, lang, since, tuple(pages[shown]))
        if spec is None:
            st.info(ui.tr("trends.no_ratings_in_period"), icon=":material/info:")
        else:
            st.vega_lite_chart(spec)
            st.caption(ui.tr("trends.course_help"))
            ui.as_table("tr_table_course", lambda: ui.course_table(
                store, data, project.id, lang, since, tuple(pages[shown])))

else:
    st.caption(ui.tr("trends.what_worked_intro"))
    effects = ui.what_worked(store, project.id)
    if effects[["with_action_cases", "without_action_cases"]].sum().sum() == 0:
        st.info(ui.tr("trends.what_worked_empty"), icon=":material/info:")
    else:
        st.vega_lite_chart(ui.what_worked_spec(store, project.id, lang), width="stretch")
        ui.as_table("tr_table_what_worked",
                    lambda: ui.what_worked_table(store, project.id, lang))
        for effect in effects.itertuples():
            row = worksheet.row(effect.dimension)
            st.markdown(ui.what_worked_sentence(row, effect))
    st.caption(ui.tr("trends.what_worked_caution"))
