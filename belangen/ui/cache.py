"""Results over a whole history, computed once after each write and reused by the reruns in
between. Every key holds `data_key(store)`: the database's path, so two files in one process never
share a result, and its data version, which moves with every committed write, so a result made
before a write is never shown after it (clearing the caches after a write only frees memory).

Each function builds only what one view of the Trends screen shows, for the weeks it shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from belangen import analytics
from belangen.brief import Brief, gather_brief
from belangen.store import Store


def data_key(store: Store) -> str:
    """The part of every cache key that names the data: file and version, and the day (what
    is built from the data names weeks against today: 'week 52' becomes 'week 52 van 2026'
    when the year turns)."""
    return f"{store.path}@{store.data_version}@{store.today().isoformat()}"


@st.cache_data(show_spinner=False, max_entries=8)
def _what_worked(_store: Store, data: str, project_id: int) -> pd.DataFrame:
    return analytics.what_worked(
        _store.rating_history(project_id),
        _store.worksheet_baseline(project_id),
        _store.actions_done(project_id),
    )


def _spec(build: Callable[[], Any]) -> dict[str, Any]:
    """The chart `build()` makes (an Altair chart, or a spec written as a dict from Altair's
    pieces), as its Vega-Lite spec. Streamlit sends the spec's datasets as
    Arrow, so the row limit that guards against huge inline JSON does not apply here.

    Not checked against the Vega-Lite schema here, neither as the chart is put together
    (Altair's debug mode checks every piece as it is made: a quarter of a trend's build) nor as
    a whole: that cost as much as building the chart, on every first view after a write.
    `tests/test_ui_cache.py` checks every spec these functions make against the schema instead."""
    import altair as alt  # only screens with charts pay for importing Altair

    with alt.utils.schemapi.debug_mode(False), alt.data_transformers.disable_max_rows():
        chart = build()
        return chart if isinstance(chart, dict) else chart.to_dict(validate=False)


TrendFrames = tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]


@st.cache_data(show_spinner=False, max_entries=32)
def _trend_frames(
    _store: Store, data: str, project_id: int, stakeholder_id: int, since: dt.date | None,
) -> TrendFrames | None:
    """What one stakeholder's trend draws over the weeks since `since` (all when None): their
    history, worksheet and actions done; None when there is nothing to draw in those weeks.
    The chart, its table and its notes all come from these, so they always agree."""
    history = _store.rating_history(project_id, stakeholder_id, since=since)
    baseline = _store.worksheet_baseline(project_id, stakeholder_id)
    if history.empty and (baseline.empty or (since is not None and (
            pd.to_datetime(baseline["week"]) < pd.Timestamp(since)).all())):
        return None
    actions = _store.actions_done(project_id, stakeholder_id)
    if since is not None:
        actions = actions[pd.to_datetime(actions["week"]) >= pd.Timestamp(since)]
    return history, baseline, actions


@st.cache_data(show_spinner=False, max_entries=32)
def stakeholder_trend_spec(
    _store: Store, data: str, project_id: int, stakeholder_id: int, lang: str,
    since: dt.date | None,
) -> dict[str, Any] | None:
    """One stakeholder's trend over the weeks since `since` (all when None), built once until
    the next write: building and serialising a chart costs more than all of the page's
    queries. None when there is nothing to draw in those weeks."""
    from belangen import charts  # imports Altair: only screens with charts pay for it

    frames = _trend_frames(_store, data, project_id, stakeholder_id, since)
    if frames is None:
        return None
    history, baseline, actions = frames
    return _spec(lambda: charts.stakeholder_trend(history, baseline, actions, lang,
                                                  since=since, today=_store.today()))


@st.cache_data(show_spinner=False, max_entries=16)
def stakeholder_trend_table(
    _store: Store, data: str, project_id: int, stakeholder_id: int, lang: str,
    since: dt.date | None,
) -> pd.DataFrame:
    """The trend's data as a table ('Als tabel'), made only when asked for."""
    from belangen import charts

    frames = _trend_frames(_store, data, project_id, stakeholder_id, since)
    if frames is None:
        return pd.DataFrame()
    history, baseline, _ = frames
    return charts.trend_table(history, baseline, lang, since=since)


@st.cache_data(show_spinner=False, max_entries=32)
def stakeholder_notes(
    _store: Store, data: str, project_id: int, stakeholder_id: int, lang: str,
    since: dt.date | None,
) -> list[Any]:
    """The reflections and actions done in the trend's weeks, newest first (`charts.Note`)."""
    from belangen import charts

    frames = _trend_frames(_store, data, project_id, stakeholder_id, since)
    if frames is None:
        return []
    return charts.trend_notes(*frames, lang, since=since)


@st.cache_data(show_spinner=False, max_entries=8)
def _latest_ratings(_store: Store, data: str, project_id: int) -> pd.DataFrame:
    return _store.latest_ratings(project_id)


@st.cache_data(show_spinner=False, max_entries=16)
def latest_specs(_store: Store, data: str, project_id: int, lang: str) -> dict[str, Any] | None:
    """Where the project stands now: the latest-rating heatmap and the grid of positions, or
    None before anyone has a rating."""
    from belangen import charts

    latest = _latest_ratings(_store, data, project_id).dropna(subset=["dimension"])
    if latest["latest_rating"].isna().all():
        return None
    return {
        "heatmap": _spec(lambda: charts.latest_heatmap(latest, lang, titled=False,
                                                         today=_store.today())),
        "positions": _spec(lambda: charts.position_grid(latest, lang, titled=False)),
    }


@st.cache_data(show_spinner=False, max_entries=16)
def latest_table(_store: Store, data: str, project_id: int, lang: str,
                 chart: str) -> pd.DataFrame:
    """The data of one of `latest_specs` ('heatmap' or 'positions') as a table."""
    from belangen import charts

    latest = _latest_ratings(_store, data, project_id).dropna(subset=["dimension"])
    if chart == "heatmap":
        return charts.heatmap_table(latest, lang)
    return charts.position_table(charts.positions(latest), lang)


@st.cache_data(show_spinner=False, max_entries=16)
def course_spec(
    _store: Store, data: str, project_id: int, lang: str, since: dt.date | None,
    stakeholders: tuple[str, ...],
) -> dict[str, Any] | None:
    """The small multiples of `stakeholders` (one page of them, in this order) over the weeks
    since `since`, or None when those weeks hold nothing of theirs to draw."""
    from belangen import charts

    history, baseline = _course_frames(_store, data, project_id, since, stakeholders)
    if history.empty and baseline.empty:
        return None
    return _spec(lambda: charts.project_small_multiples(
        history, baseline, lang, columns=COURSE_COLUMNS, panel_width=COURSE_PANEL_WIDTH,
        titled=False, order=list(stakeholders), today=_store.today()))


def _course_frames(
    store: Store, data: str, project_id: int, since: dt.date | None,
    stakeholders: tuple[str, ...],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    history = store.rating_history(project_id, since=since)
    baseline = store.worksheet_baseline(project_id)
    history = history[history["stakeholder"].isin(stakeholders)]
    baseline = baseline[baseline["stakeholder"].isin(stakeholders)]
    if since is not None:
        baseline = baseline[pd.to_datetime(baseline["week"]) >= pd.Timestamp(since)]
    return history, baseline


@st.cache_data(show_spinner=False, max_entries=8)
def course_table(
    _store: Store, data: str, project_id: int, lang: str, since: dt.date | None,
    stakeholders: tuple[str, ...],
) -> pd.DataFrame:
    """The small multiples' data as a table ('Als tabel'), made only when asked for."""
    from belangen import charts

    history, baseline = _course_frames(_store, data, project_id, since, stakeholders)
    return charts.course_table(history, baseline, lang, list(stakeholders))


COURSE_COLUMNS = 2
COURSE_PANEL_WIDTH = 150
"""Two panels of 150 px side by side fit a phone (about 360 px for content) as well as a wide
screen: one chart for both, nothing drawn twice."""


@st.cache_data(show_spinner=False, max_entries=16)
def _course_order(_store: Store, data: str, project_id: int, order: str) -> list[str]:
    latest = _latest_ratings(_store, data, project_id)
    if order == "attention":
        return analytics.attention_order(latest)
    rated = latest.dropna(subset=["latest_rating"])
    return list(dict.fromkeys(rated["stakeholder"].astype(str)))  # the store's name order


def latest_ratings(store: Store, project_id: int) -> pd.DataFrame:
    """`Store.latest_ratings` of the whole project, for the overview's table: read and
    computed once per write rather than on every rerun. A copy, free to change."""
    return _latest_ratings(store, data_key(store), project_id)


@st.cache_data(show_spinner=False, max_entries=8)
def _previous_ratings(_store: Store, data: str, project_id: int) -> pd.DataFrame:
    return _store.previous_ratings(project_id)


def previous_ratings(store: Store, project_id: int) -> pd.DataFrame:
    """`Store.previous_ratings` (the weekcheck before the newest), read once per write."""
    return _previous_ratings(store, data_key(store), project_id)


@st.cache_data(show_spinner=False, max_entries=8)
def _brief(_store: Store, data: str, stakeholder_id: int, week: dt.date) -> Brief:
    return gather_brief(_store, stakeholder_id, week=week, include_hidden=True)


def brief_of(store: Store, stakeholder_id: int, week: dt.date) -> Brief:
    """One stakeholder's brief for `week`, hypotheses included (the screen is the user's own),
    gathered once per write: it reads their whole history and the project's map, most of what
    Gespreksvoorbereiding did on every rerun. A copy, free to change."""
    return _brief(store, data_key(store), stakeholder_id, week)


def course_order(store: Store, project_id: int, order: str) -> list[str]:
    """The stakeholders with ratings, in the order the small multiples show them: who asks for
    attention first, or by name."""
    return _course_order(store, data_key(store), project_id, order)


def what_worked(store: Store, project_id: int) -> pd.DataFrame:
    """'Wat werkte?' over the project's whole history (costly: every week of every person)."""
    return _what_worked(store, data_key(store), project_id)


@st.cache_data(show_spinner=False, max_entries=8)
def _what_worked_spec(_store: Store, data: str, project_id: int, lang: str) -> dict[str, Any]:
    from belangen import charts

    effects = _what_worked(_store, data, project_id)
    return _spec(lambda: charts.what_worked_chart(effects, lang, titled=False))


def what_worked_spec(store: Store, project_id: int, lang: str) -> dict[str, Any]:
    """The 'Wat werkte?' chart as its spec, built once until the next write: building and
    checking the chart cost the view most of its run."""
    return _what_worked_spec(store, data_key(store), project_id, lang)


@st.cache_data(show_spinner=False, max_entries=8)
def _what_worked_table(_store: Store, data: str, project_id: int, lang: str) -> pd.DataFrame:
    from belangen import charts

    effects = _what_worked(_store, data, project_id)
    return charts.what_worked_table(charts.what_worked_data(effects, lang), lang)


def what_worked_table(store: Store, project_id: int, lang: str) -> pd.DataFrame:
    """The 'Wat werkte?' bars as a table ('Als tabel')."""
    return _what_worked_table(store, data_key(store), project_id, lang)
