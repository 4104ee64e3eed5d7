"""Trends: how the four ratings move as actions are carried out, per stakeholder and project."""

import datetime as dt

import streamlit as st

from belangen import charts, domain, ui, worksheet

# (container key, columns, panel width): three panels on a wide screen, two on a phone.
SMALL_MULTIPLE_LAYOUTS = (
    ("trend_panels_wide", 3, charts.PANEL_WIDTH),
    ("trend_panels_narrow", 2, 130),
)
SMALL_MULTIPLE_CSS = (
    "<style>@media (max-width: 640px) {.st-key-trend_panels_wide {display: none}}"
    "@media (min-width: 641px) {.st-key-trend_panels_narrow {display: none}}</style>"
)

db = ui.get_store()
st.title(ui.tr("trends.title"))
project = ui.require_project(db)
lang = ui.language()

per_stakeholder, per_project, what_worked = st.tabs(
    [ui.tr("trends.tab_stakeholder"), ui.tr("trends.tab_project"), ui.tr("trends.tab_what_worked")]
)

with per_stakeholder:
    stakeholder = ui.stakeholder_picker(db, project, key="tr_stakeholder")
    if stakeholder is not None:
        spec = ui.stakeholder_trend_spec(db, str(db.path), project.id, stakeholder.id, lang)
        if spec is None:
            st.info(ui.tr("trends.no_ratings"), icon=":material/info:")
        else:
            st.vega_lite_chart(spec, width="stretch")
            st.caption(ui.tr("trends.stakeholder_help"))

# Forty people over years do not fit in small charts: the project view shows recent weeks only,
# and fetches only those.
recent_from = domain.week_start(db.today()) - dt.timedelta(weeks=ui.PROJECT_TREND_WEEKS - 1)
specs = ui.project_trend_specs(db, str(db.path), project.id, lang, recent_from,
                               SMALL_MULTIPLE_LAYOUTS)
with per_project:
    if specs is None:
        st.info(ui.tr("trends.no_ratings"), icon=":material/info:")
    else:
        st.subheader(ui.tr("trends.heatmap"))
        st.caption(ui.tr("trends.heatmap_help"))
        # The page heads each chart (headings wrap on a phone, SVG titles do not): titled=False.
        st.vega_lite_chart(specs["heatmap"], width="stretch")
        st.subheader(ui.tr("trends.position_map"))
        st.caption(ui.tr("trends.position_map_help",
                         x=worksheet.VALUE.short_name(lang),
                         y=worksheet.NEGOTIATION.short_name(lang)))
        st.vega_lite_chart(specs["position_map"], width="stretch")
        st.subheader(ui.tr("trends.small_multiples"))
        st.caption(ui.tr("trends.small_multiples_window", weeks=ui.PROJECT_TREND_WEEKS))
        if specs["small_multiples"] is None:
            st.info(ui.tr("trends.no_ratings"), icon=":material/info:")
        else:
            # A facet cannot stretch: draw it for wide and for narrow screens and let CSS show
            # the one that fits (640 px, where Streamlit itself stacks columns).
            for key, spec in specs["small_multiples"].items():
                with st.container(key=key):
                    st.vega_lite_chart(spec)
            st.html(SMALL_MULTIPLE_CSS)

with what_worked:
    st.caption(ui.tr("trends.what_worked_intro"))
    effects = ui.what_worked(db, project.id)
    if effects[["with_action_cases", "without_action_cases"]].sum().sum() == 0:
        st.info(ui.tr("trends.what_worked_empty"), icon=":material/info:")
    else:
        st.altair_chart(charts.what_worked_chart(effects, lang, titled=False), width="stretch")
        for effect in effects.itertuples():
            row = worksheet.row(effect.dimension)
            st.markdown(ui.what_worked_sentence(row, effect))
    st.caption(ui.tr("trends.what_worked_caution"))
