"""Vega-Lite specs for the Trends screen, built from the store's plain frames; no Streamlit. The
trend and the small multiples are written as dicts (`spec`), the other charts through Altair.

Every dimension keeps the colour `worksheet` gives it, every word comes from `texts`, and the
rating axis is always 1-5. Weeks without a follow-up stay empty: the lines break there (Vega-Lite
breaks a path at a null value), nothing is interpolated.

The y axis of a trend shows the numbers 1-5 with 'low'/'high' at the ends rather than the rating
labels: each of the four dimensions has its own five labels, and one axis cannot carry twenty.
Every point's tooltip names its own label ("3 · Enige waarde") instead.

Layers and the legend selection have fixed names (the *_LAYER constants, `HIGHLIGHT`) so tests
and the app can find them in the spec.

- `scales`: colours, axes, week labels and rating points every chart shares
- `spec`: the dict pieces (rows, layers, channels) of the charts written as dicts
- `trend`: one stakeholder's trend
- `project`: the small multiples, the heatmap and the grid of positions
- `what_worked`: the 'Wat werkte?' bars
- `words`: each chart in words: its text alternative, its data as a table, the trend's notes
"""

from belangen.charts.project import (
    PANEL_SPREAD_PX,
    PANEL_WIDTH,
    heatmap_data,
    latest_heatmap,
    position_grid,
    positions,
    project_small_multiples,
)
from belangen.charts.scales import (
    ACTION_LAYER,
    ACTION_RULE_LAYER,
    FOLLOW_UP_LAYER,
    HIGHLIGHT,
    LINE_LAYER,
    NARROW,
    START_LAYER,
    TARGET_LAYER,
    THEIR_VIEW_LAYER,
    WORKSHEET_LAYER,
    dimension_colours,
    dimension_shifts,
)
from belangen.charts.trend import TREND_SPREAD_PX, stakeholder_trend
from belangen.charts.what_worked import what_worked_chart, what_worked_data
from belangen.charts.words import (
    Note,
    course_table,
    heatmap_table,
    position_table,
    trend_notes,
    trend_table,
    what_worked_table,
)

__all__ = [
    "ACTION_LAYER",
    "ACTION_RULE_LAYER",
    "FOLLOW_UP_LAYER",
    "HIGHLIGHT",
    "LINE_LAYER",
    "NARROW",
    "PANEL_SPREAD_PX",
    "PANEL_WIDTH",
    "START_LAYER",
    "TARGET_LAYER",
    "THEIR_VIEW_LAYER",
    "TREND_SPREAD_PX",
    "WORKSHEET_LAYER",
    "Note",
    "course_table",
    "dimension_colours",
    "dimension_shifts",
    "heatmap_data",
    "heatmap_table",
    "latest_heatmap",
    "position_grid",
    "position_table",
    "positions",
    "project_small_multiples",
    "stakeholder_trend",
    "trend_notes",
    "trend_table",
    "what_worked_chart",
    "what_worked_data",
    "what_worked_table",
]
