"""The project at a glance: small multiples of every stakeholder, the latest ratings as a heatmap,
and where everyone stands on value and willingness to negotiate."""

from __future__ import annotations

import datetime as dt
from typing import Any

import altair as alt
import pandas as pd

from belangen import analytics, worksheet
from belangen.charts.scales import (
    DIMMED_OPACITY,
    FIT_WIDTH,
    FOLLOW_UP_LAYER,
    GRID_FILL,
    INK,
    LINE_LAYER,
    START_LAYER,
    WORKSHEET_LAYER,
    Y_SHIFT,
    Chart,
    _heading,
    _highlight,
    _rating_axis,
    _rating_scale,
    _scale_axis,
    _week_labels,
    _week_x,
    _with_shift,
    dimension_colour,
    dimension_names,
    finished,
    finished_spec,
    opacity_condition,
    rating_label,
    reference_day,
)
from belangen.charts.spec import Spec, field, layer, plain, records, tooltip
from belangen.charts.words import (
    change_text,
    describe_course,
    describe_heatmap,
    describe_positions,
)
from belangen.texts import t

PANEL_WIDTH = 170  # a small multiple: wide enough for 26 weekly points
PANEL_HEIGHT = 120
PANEL_SPREAD_PX = 2.5  # the same in a small multiple




def project_small_multiples(
    history: pd.DataFrame,
    baseline: pd.DataFrame,
    lang: str,
    *,
    columns: int = 3,
    panel_width: int = PANEL_WIDTH,
    titled: bool = True,
    order: list[str] | None = None,
    today: dt.date | None = None,
) -> Spec:
    """One small trend per stakeholder, on shared axes and in the same colours.

    A facet cannot stretch to its container, so its width is `columns` × `panel_width` plus the
    axis: the page picks both to fit the screen (never more columns than stakeholders).
    """
    series = analytics.rating_series(history, baseline)
    series["dimension_key"] = series["dimension"]
    series["dimension"] = series["dimension_key"].map(
        lambda key: worksheet.row(key).short_name(lang)
    )
    labels = {(row.key, rating): rating_label(row.key, rating, lang)
              for row in worksheet.DIMENSIONS for rating in worksheet.RATING_SCALE}
    series["rating_label"] = [
        labels.get((key, value)) or rating_label(key, value, lang)
        for key, value in zip(series["dimension_key"], series["rating"], strict=True)
    ]
    reference = reference_day(series["week"], today)
    series["week_label"] = _week_labels(series["week"], lang, reference)
    keep = ["stakeholder", "week", "week_label", "dimension", "rating", "rating_label"]
    follow_ups = series[series["source"] == analytics.FOLLOW_UP]
    # The line and the points draw the same follow-ups from the same rows: the line's breaks
    # are rows of their own (kind "gap"). Sent once, each follow-up costs the browser half the
    # decoding and dataflow it did as a row for each (about 2,000 rows for ten people).
    traced = analytics.with_gaps(follow_ups[[*keep, "stakeholder_id"]],
                                 by=["stakeholder_id", "stakeholder", "dimension"])
    points = traced[keep].assign(kind=traced["gap"].map({True: "gap", False: "point"}))
    start = series[series["source"] == analytics.WORKSHEET]
    first = follow_ups.groupby(["stakeholder_id", "dimension"], as_index=False).first()
    segments = pd.concat([start, first], ignore_index=True)
    both = segments.groupby(["stakeholder_id", "dimension"])["week"].transform("size") == 2
    segments = segments[both][["stakeholder", "dimension", "week", "rating"]].assign(kind="start")
    data = pd.concat(
        [segments, start[keep].assign(kind="worksheet"), points], ignore_index=True
    )
    data["rating"] = data["rating"].astype("Int64")
    data = _with_shift(data, lang, PANEL_SPREAD_PX)

    if order is None:
        order = list(dict.fromkeys(
            analytics.latest_vs_baseline(history, baseline)["stakeholder"].tolist()))
    x = plain(_week_x(data["week"], lang, title=False, today=reference))
    y = plain(alt.Y("rating:Q", scale=_rating_scale(), axis=_rating_axis(lang, title="")))
    colour = plain(dimension_colour(lang))
    highlight = _highlight()
    opacity = opacity_condition(highlight, 1.0, DIMMED_OPACITY)
    tips = [
        tooltip("stakeholder", t("chart.stakeholder", lang)),
        tooltip("week_label", t("chart.week", lang)),
        tooltip("dimension", t("chart.dimension", lang)),
        tooltip("rating_label", t("chart.rating", lang)),
    ]

    def only(*kinds: str) -> list[dict[str, str]]:  # the facet's one dataset holds every kind
        return [{"filter": " || ".join(f"datum.kind === '{kind}'" for kind in kinds)}]

    layers = [
        layer(START_LAYER, None,
              {"type": "line", "strokeDash": [4, 3], "strokeWidth": 1.2, "yOffset": Y_SHIFT},
              {"x": x, "y": y, "color": colour, "detail": field("dimension", "nominal"),
               "opacity": opacity}, transform=only("start")),
        layer(LINE_LAYER, None,
              {"type": "line", "strokeWidth": 2, "invalid": "break-paths-show-domains",
               "yOffset": Y_SHIFT},
              {"x": x, "y": y, "color": colour, "opacity": opacity},
              transform=only("point", "gap")),
        layer(WORKSHEET_LAYER, None,
              {"type": "point", "shape": "diamond", "filled": False, "size": 60,
               "strokeWidth": 1.5, "yOffset": Y_SHIFT},
              {"x": x, "y": y, "color": colour, "opacity": opacity, "tooltip": tips},
              transform=only("worksheet")),
        layer(FOLLOW_UP_LAYER, None,
              {"type": "point", "filled": True, "size": 28, "yOffset": Y_SHIFT},
              {"x": x, "y": y, "color": colour, "opacity": opacity, "tooltip": tips},
              transform=only("point")),
    ]
    body: Spec = {
        "data": {"name": COURSE_DATA},
        "facet": field("stakeholder", "nominal", sort=order, title=None,
                       header={"labelFontWeight": "bold", "labelLimit": panel_width}),
        "columns": max(1, min(columns, len(order))),
        "spec": {"layer": layers, "width": panel_width, "height": PANEL_HEIGHT},
        "datasets": {COURSE_DATA: records(data)},
    }
    if titled:
        body["title"] = plain(_heading(t("chart.project_title", lang))["title"])
    description = describe_course(series.assign(dimension=series["dimension_key"]), order, lang)
    return finished_spec(body, description, lang, legend_layer=START_LAYER)


COURSE_DATA = "course"


def _rated_latest(latest: pd.DataFrame) -> pd.DataFrame:
    latest = latest[latest["dimension"].isin(worksheet.DIMENSION_KEYS)]
    return latest.dropna(subset=["latest_rating"])


def heatmap_data(
    latest: pd.DataFrame, lang: str, today: dt.date | None = None
) -> pd.DataFrame:
    """The heatmap's cells, one per stakeholder and rated dimension.
    Takes `analytics.latest_vs_baseline`."""
    latest = _rated_latest(latest)
    return pd.DataFrame(
        {
            "stakeholder": latest["stakeholder"].astype(str),
            "dimension": latest["dimension"].map(lambda key: worksheet.row(key).short_name(lang)),
            "latest_rating": latest["latest_rating"].astype("Int64"),
            "text": [
                change_text(rating, change)
                for rating, change in zip(latest["latest_rating"], latest["change"], strict=True)
            ],
            "latest_label": [
                rating_label(key, value, lang)
                for key, value in zip(latest["dimension"], latest["latest_rating"], strict=True)
            ],
            "baseline_label": [
                rating_label(key, value, lang)
                for key, value in zip(latest["dimension"], latest["baseline_rating"], strict=True)
            ],
            "week_label": _week_labels(
                pd.to_datetime(latest["latest_week"]), lang,
                reference_day(pd.to_datetime(latest["latest_week"]), today)),
        }
    )


def latest_heatmap(
    latest: pd.DataFrame, lang: str, *, titled: bool = True, today: dt.date | None = None
) -> Chart:
    """Stakeholder × dimension: colour = latest rating, text = rating and change since the
    worksheet, e.g. '4 (+2)'. Takes `analytics.latest_vs_baseline`."""
    names = dimension_names(lang)
    latest = _rated_latest(latest)
    order = list(dict.fromkeys(latest["stakeholder"].astype(str).tolist()))
    data = heatmap_data(latest, lang, today)
    x = alt.X(
        "dimension:N",
        sort=names,
        scale=alt.Scale(domain=names),
        title=None,
        # On a narrow screen a name longer than its column is cut short ('Conversa…'), not hidden.
        axis=alt.Axis(
            orient="top",
            labelAngle=0,
            ticks=False,
            domain=False,
            labelOverlap=False,
            labelLimit=alt.expr(f"width / {len(names)} - 8"),
        ),
    )
    y = alt.Y(
        "stakeholder:N",
        sort=order,
        title=None,
        axis=alt.Axis(ticks=False, domain=False, labelLimit=160),
    )
    tooltip = [
        alt.Tooltip("stakeholder:N", title=t("chart.stakeholder", lang)),
        alt.Tooltip("dimension:N", title=t("chart.dimension", lang)),
        alt.Tooltip("baseline_label:N", title=t("chart.worksheet", lang)),
        alt.Tooltip("latest_label:N", title=t("chart.latest_rating", lang)),
        alt.Tooltip("week_label:N", title=t("chart.latest_week", lang)),
    ]
    cells = (
        alt.Chart(data, name="cells")
        .mark_rect(stroke="white", strokeWidth=2)
        .encode(
            x=x,
            y=y,
            # viridis: readable with the common colour-vision deficiencies and in grey;
            # ordinal, because a rating is one of five steps, so the legend shows five swatches.
            color=alt.Color(
                "latest_rating:O",
                scale=alt.Scale(domain=list(worksheet.RATING_SCALE), scheme="viridis"),
                legend=alt.Legend(
                    title=t("chart.latest_rating", lang), orient="bottom", direction="horizontal"
                ),
            ),
            tooltip=tooltip,
        )
    )
    labels = (
        alt.Chart(data, name="labels")
        .mark_text(fontSize=13, fontWeight="bold")
        .encode(
            x=x,
            y=y,
            text="text:N",
            # As the channel object: alt.when(...) in `encode` searches the schema for it.
            color=alt.ColorValue(value="black", condition=[{"test": "(datum.latest_rating <= 2)",
                                                            "value": "white"}]),
            tooltip=tooltip,
        )
    )
    chart = alt.layer(cells, labels).properties(
        **_heading(t("chart.heatmap_title", lang), titled=titled),
        height=alt.Step(36),
        autosize=FIT_WIDTH,
    )
    return finished(chart, describe_heatmap(latest, lang), lang)


GRID_CELL_HEIGHT = 78
NAMES_IN_A_CELL = 3


def positions(latest: pd.DataFrame) -> pd.DataFrame:
    """Per stakeholder: value for them and willingness to negotiate, latest and at the
    worksheet. Takes `analytics.latest_vs_baseline`; stakeholders without both latest ratings
    have no position and are left out."""
    columns = ["stakeholder", "value_start", "value_latest", "negotiation_start",
               "negotiation_latest"]
    wide = latest[latest["dimension"].isin([worksheet.VALUE.key, worksheet.NEGOTIATION.key])]
    if wide.empty:
        return pd.DataFrame({column: pd.Series(dtype=object) for column in columns})
    pivot = wide.pivot_table(
        index=["stakeholder_id", "stakeholder"], columns="dimension",
        values=["baseline_rating", "latest_rating"], aggfunc="first",
    )
    pivot.columns = [f"{dimension}_{measure}" for measure, dimension in pivot.columns]
    pivot = pivot.reset_index()
    for column in ("value_baseline_rating", "value_latest_rating",
                   "negotiation_baseline_rating", "negotiation_latest_rating"):
        if column not in pivot:
            pivot[column] = pd.NA
    return pd.DataFrame({
        "stakeholder": pivot["stakeholder"].astype(str),
        "value_latest": pivot["value_latest_rating"],
        "negotiation_latest": pivot["negotiation_latest_rating"],
        "value_start": pivot["value_baseline_rating"],
        "negotiation_start": pivot["negotiation_baseline_rating"],
    }).dropna(subset=["value_latest", "negotiation_latest"])


def _movement(row: Any, lang: str) -> str:
    """'2 → 4 / 1 → 3' since the worksheet, or where they stand when nothing moved."""
    def step(start: Any, latest: Any) -> str:
        if pd.isna(start) or start == latest:
            return f"{int(latest)}"
        return f"{int(start)} → {int(latest)}"

    return (f"{row.stakeholder}: {step(row.value_start, row.value_latest)} / "
            f"{step(row.negotiation_start, row.negotiation_latest)}")


def position_grid(latest: pd.DataFrame, lang: str, *, titled: bool = True) -> Chart:
    """Where everyone stands, as 25 cells: value for them (x) × willingness to negotiate (y),
    each with how many stakeholders stand there and the first names. Forty people on one plot
    of points and trails became a tangle; a cell count reads at any size. Each cell's tooltip
    names everyone there with their movement since the worksheet ('2 → 4 / 1 → 3').
    Takes `analytics.latest_vs_baseline`."""
    # Everyone sorted by name once, then dealt into their cells (filtering the frame per cell
    # cost most of the chart's build at forty people).
    people = sorted(positions(latest).itertuples(), key=lambda row: row.stakeholder.lower())
    standing: dict[tuple[int, int], list[Any]] = {}
    for row in people:
        standing.setdefault((int(row.value_latest), int(row.negotiation_latest)), []).append(row)
    cells = []
    for value in worksheet.RATING_SCALE:
        for negotiation in worksheet.RATING_SCALE:
            here = standing.get((value, negotiation), [])
            names = [row.stakeholder for row in here]
            shown = names[:NAMES_IN_A_CELL]
            more = len(names) - len(shown)
            cells.append({
                "value": value,
                "negotiation": negotiation,
                "count": len(names),
                "count_text": str(len(names)) if names else "",
                "names_text": ", ".join(shown) + (
                    " " + t("chart.more_here", lang, count=more) if more else ""),
                "everyone": "; ".join(_movement(row, lang) for row in here),
                "value_label": rating_label(worksheet.VALUE.key, value, lang),
                "negotiation_label": rating_label(worksheet.NEGOTIATION.key, negotiation, lang),
            })
    data = pd.DataFrame(cells)
    value_title = t("chart.value_axis", lang)
    negotiation_title = t("chart.negotiation_axis", lang)
    x = alt.X("value:O", sort="ascending", title=value_title,
              axis=_scale_axis(worksheet.VALUE.key, lang, value_title, "width / 5 - 6")
              .to_dict() | {"labelAngle": 0, "orient": "bottom"})
    y = alt.Y("negotiation:O", sort="descending", title=negotiation_title,
              axis=_scale_axis(worksheet.NEGOTIATION.key, lang, negotiation_title, "170"))
    tooltip = [
        alt.Tooltip("value_label:N", title=value_title),
        alt.Tooltip("negotiation_label:N", title=negotiation_title),
        alt.Tooltip("count:Q", title=t("chart.stakeholders_count", lang)),
        alt.Tooltip("everyone:N", title=t("chart.since_worksheet", lang)),
    ]
    base = alt.Chart(data)
    fill = base.mark_rect(stroke="white", strokeWidth=2).encode(
        x=x, y=y, tooltip=tooltip,
        color=alt.Color("count:Q", legend=None,
                        scale=alt.Scale(domain=[0, max(1, int(data["count"].max()))],
                                        range=list(GRID_FILL))),
    ).properties(name="cells")
    # The texts repeat what the cell's own description says: hidden from screen readers.
    counts = base.mark_text(fontSize=20, fontWeight="bold", dy=-10, color=INK,
                            aria=False).encode(
        x=x, y=y, text="count_text:N", tooltip=tooltip,
    ).properties(name="counts")
    names = base.mark_text(fontSize=11, dy=12, color=INK, aria=False,
                           limit=alt.expr("width / 5 - 8")).encode(
        x=x, y=y, text="names_text:N", tooltip=tooltip,
    ).properties(name="names")
    chart = alt.layer(fill, counts, names).properties(
        height=GRID_CELL_HEIGHT * len(worksheet.RATING_SCALE), autosize=FIT_WIDTH,
        **_heading(t("chart.position_title", lang), titled=titled),
    )
    return finished(chart, describe_positions(data, lang), lang)
