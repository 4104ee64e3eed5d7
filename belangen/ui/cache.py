"""Results over a whole history, computed once after each write and reused by the reruns in
between; the database path is part of every key, so two files in one process never share one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from belangen import analytics
from belangen.store import (
    Store,
)

PROJECT_TREND_WEEKS = 26
"""Weeks the project-wide trend charts show: half a year, readable in forty small charts."""


@st.cache_data(show_spinner=False, max_entries=8)
def _what_worked(_db: Store, path: str, project_id: int) -> pd.DataFrame:
    return analytics.what_worked(
        _db.rating_history(project_id),
        _db.worksheet_baseline(project_id),
        _db.actions_done(project_id),
    )


def _spec(chart: Any) -> dict[str, Any]:
    """A chart as its Vega-Lite spec. Streamlit sends the spec's datasets as Arrow, so the row
    limit that guards against huge inline JSON does not apply here."""
    import altair as alt  # only screens with charts pay for importing Altair

    with alt.data_transformers.disable_max_rows():
        return chart.to_dict()


@st.cache_data(show_spinner=False, max_entries=32)
def stakeholder_trend_spec(
    _db: Store, path: str, project_id: int, stakeholder_id: int, lang: str
) -> dict[str, Any] | None:
    """The per-stakeholder trend, built once until the next write (every write clears the
    cache): building and serialising a chart costs more than all of the page's queries."""
    from belangen import charts  # imports Altair: only screens with charts pay for it

    history = _db.rating_history(project_id, stakeholder_id)
    baseline = _db.worksheet_baseline(project_id, stakeholder_id)
    if history.empty and baseline.empty:
        return None
    actions = _db.actions_done(project_id, stakeholder_id)
    return _spec(charts.stakeholder_trend(history, baseline, actions, lang))


@st.cache_data(show_spinner=False, max_entries=16)
def project_trend_specs(
    _db: Store, path: str, project_id: int, lang: str, since: dt.date,
    layouts: tuple[tuple[str, int, int], ...],
) -> dict[str, Any] | None:
    """The project-wide charts, built once until the next write: the latest-rating heatmap, the
    position map, and the small multiples of the weeks since `since`, one per layout
    (key, columns, panel width), or None when those weeks hold nothing to draw."""
    from belangen import charts  # imports Altair: only screens with charts pay for it

    history = _db.rating_history(project_id, since=since)
    baseline = _db.worksheet_baseline(project_id)
    if history.empty and baseline.empty:
        return None
    recent_baseline = baseline[pd.to_datetime(baseline["week"]) >= pd.Timestamp(since)]
    latest = _db.latest_ratings(project_id).dropna(subset=["dimension"])
    small_multiples = None if history.empty and recent_baseline.empty else {
        key: _spec(charts.project_small_multiples(history, recent_baseline, lang, columns=columns,
                                                  panel_width=panel_width, titled=False))
        for key, columns, panel_width in layouts
    }
    return {
        "heatmap": _spec(charts.latest_heatmap(latest, lang, titled=False)),
        "position_map": _spec(charts.position_map(latest, lang, titled=False)),
        "small_multiples": small_multiples,
    }


def what_worked(db: Store, project_id: int) -> pd.DataFrame:
    """'Wat werkte?' over the project's whole history (costly: every week of every person)."""
    return _what_worked(db, str(db.path), project_id)
