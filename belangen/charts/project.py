"""The project at a glance: small multiples of every stakeholder, the latest ratings as a heatmap,
and where everyone stands on value and willingness to negotiate."""

from __future__ import annotations

import math
from typing import Any

import altair as alt
import pandas as pd

from belangen import analytics, worksheet
from belangen.charts.scales import (
    FIT_WIDTH,
    FOLLOW_UP_LAYER,
    INK,
    LINE_LAYER,
    MINUS,
    NARROW,
    START_LAYER,
    WORKSHEET_LAYER,
    Y_SHIFT,
    Chart,
    _heading,
    _highlight,
    _highlighted,
    _rating_axis,
    _rating_scale,
    _scale_axis,
    _week_labels,
    _week_x,
    _with_shift,
    dimension_colour,
    dimension_names,
    rating_label,
)
from belangen.texts import t

PANEL_WIDTH = 170  # a small multiple: wide enough for 26 weekly points


PANEL_HEIGHT = 120


PANEL_SPREAD_PX = 2.5  # the same in a small multiple


CROWDED_SPOT = 3  # from this many stakeholders on one spot the map names them with a count


def project_small_multiples(
    history: pd.DataFrame,
    baseline: pd.DataFrame,
    lang: str,
    *,
    columns: int = 3,
    panel_width: int = PANEL_WIDTH,
    titled: bool = True,
) -> alt.FacetChart:
    """One small trend per stakeholder, on shared axes and in the same colours.

    A facet cannot stretch to its container, so its width is `columns` × `panel_width` plus the
    axis: the page picks both to fit the screen (never more columns than stakeholders).
    """
    series = analytics.rating_series(history, baseline)
    series["dimension_key"] = series["dimension"]
    series["dimension"] = series["dimension_key"].map(
        lambda key: worksheet.row(key).short_name(lang)
    )
    series["rating_label"] = [
        rating_label(key, value, lang)
        for key, value in zip(series["dimension_key"], series["rating"], strict=True)
    ]
    series["week_label"] = _week_labels(series["week"])
    keep = ["stakeholder", "week", "week_label", "dimension", "rating", "rating_label"]
    follow_ups = series[series["source"] == analytics.FOLLOW_UP]
    points = follow_ups[keep].assign(kind="point")
    lines = analytics.with_gaps(
        follow_ups[["stakeholder_id", "stakeholder", "dimension", "week", "rating"]],
        by=["stakeholder_id", "stakeholder", "dimension"],
    )[["stakeholder", "dimension", "week", "rating"]].assign(kind="line")
    start = series[series["source"] == analytics.WORKSHEET]
    first = follow_ups.groupby(["stakeholder_id", "dimension"], as_index=False).first()
    segments = pd.concat([start, first], ignore_index=True)
    both = segments.groupby(["stakeholder_id", "dimension"])["week"].transform("size") == 2
    segments = segments[both][["stakeholder", "dimension", "week", "rating"]].assign(kind="start")
    data = pd.concat(
        [lines, segments, start[keep].assign(kind="worksheet"), points], ignore_index=True
    )
    data["rating"] = data["rating"].astype("Int64")
    data = _with_shift(data, lang, PANEL_SPREAD_PX)

    order = list(
        dict.fromkeys(analytics.latest_vs_baseline(history, baseline)["stakeholder"].tolist())
    )
    x = _week_x(data["week"], lang, title=False)
    y = alt.Y("rating:Q", scale=_rating_scale(), axis=_rating_axis(lang, title=""))
    colour = dimension_colour(lang)
    highlight = _highlight()
    opacity = _highlighted(highlight)
    tooltip = [
        alt.Tooltip("stakeholder:N", title=t("chart.stakeholder", lang)),
        alt.Tooltip("week_label:N", title=t("chart.week", lang)),
        alt.Tooltip("dimension:N", title=t("chart.dimension", lang)),
        alt.Tooltip("rating_label:N", title=t("chart.rating", lang)),
    ]
    base = alt.Chart()  # no data of its own: the facet below splits `data` per stakeholder
    layers = alt.layer(
        base.transform_filter(alt.datum.kind == "start")
        .mark_line(strokeDash=[4, 3], strokeWidth=1.2, yOffset=Y_SHIFT)
        .encode(x=x, y=y, color=colour, detail="dimension:N", opacity=opacity)
        .add_params(highlight)  # on the first layer: the legend binding only works from there
        .properties(name=START_LAYER),
        base.transform_filter(alt.datum.kind == "line")
        .mark_line(strokeWidth=2, invalid="break-paths-show-domains", yOffset=Y_SHIFT)
        .encode(x=x, y=y, color=colour, opacity=opacity)
        .properties(name=LINE_LAYER),
        base.transform_filter(alt.datum.kind == "worksheet")
        .mark_point(shape="diamond", filled=False, size=60, strokeWidth=1.5, yOffset=Y_SHIFT)
        .encode(x=x, y=y, color=colour, opacity=opacity, tooltip=tooltip)
        .properties(name=WORKSHEET_LAYER),
        base.transform_filter(alt.datum.kind == "point")
        .mark_point(filled=True, size=28, yOffset=Y_SHIFT)
        .encode(x=x, y=y, color=colour, opacity=opacity, tooltip=tooltip)
        .properties(name=FOLLOW_UP_LAYER),
    ).properties(width=panel_width, height=PANEL_HEIGHT)
    return layers.facet(
        facet=alt.Facet(
            "stakeholder:N",
            sort=order,
            title=None,
            header=alt.Header(labelFontWeight="bold", labelLimit=panel_width),
        ),
        columns=max(1, min(columns, len(order))),
        data=data,
    ).properties(**_heading(t("chart.project_title", lang), titled=titled))


def latest_heatmap(latest: pd.DataFrame, lang: str, *, titled: bool = True) -> Chart:
    """Stakeholder × dimension: colour = latest rating, text = rating and change since the
    worksheet, e.g. '4 (+2)'. Takes `analytics.latest_vs_baseline`."""
    names = dimension_names(lang)
    latest = latest[latest["dimension"].isin(worksheet.DIMENSION_KEYS)]
    latest = latest.dropna(subset=["latest_rating"])
    order = list(dict.fromkeys(latest["stakeholder"].astype(str).tolist()))

    def cell_text(rating: Any, change: Any) -> str:
        if pd.isna(rating):
            return ""
        if pd.isna(change):
            return f"{int(rating)}"
        if not change:
            return f"{int(rating)} (±0)"
        return f"{int(rating)} ({int(change):+d})".replace("-", MINUS)

    data = pd.DataFrame(
        {
            "stakeholder": latest["stakeholder"].astype(str),
            "dimension": latest["dimension"].map(lambda key: worksheet.row(key).short_name(lang)),
            "latest_rating": latest["latest_rating"].astype("Int64"),
            "text": [
                cell_text(rating, change)
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
            "week_label": _week_labels(pd.to_datetime(latest["latest_week"])),
        }
    )
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
            color=alt.when(alt.datum.latest_rating <= 2)
            .then(alt.value("white"))
            .otherwise(alt.value("black")),
            tooltip=tooltip,
        )
    )
    return alt.layer(cells, labels).properties(
        **_heading(t("chart.heatmap_title", lang), titled=titled),
        height=alt.Step(36),
        autosize=FIT_WIDTH,
    )


def _spread(points: pd.DataFrame, radius: float = 0.17) -> pd.DataFrame:
    """Stakeholders on the same spot are set in a small circle around it, so each stays visible;
    the offset moves both ends of its arrow so the movement itself is not distorted."""
    groups = points.groupby(["value_latest", "negotiation_latest"])
    position = groups.cumcount()
    size = groups["stakeholder"].transform("size")
    angle = 2 * math.pi * position / size + math.pi / 4
    shift = (size > 1).astype(float) * radius
    return points.assign(dx=shift * angle.map(math.cos), dy=shift * angle.map(math.sin))


def _map_labels(points: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One label per stakeholder, set on the outer side of its dot when it shares its spot, or
    one count ('7 stakeholders') per crowded spot, whose names all sit in the tooltip: names
    piled on one spot are unreadable at any width.

    Columns: stakeholder (full name, or the names on a crowded spot), text, x, y and the label's
    pixel offsets dx, dy and alignment.
    """
    columns = ["stakeholder", "text", "x", "y", "dx", "dy", "align"]
    if points.empty:
        return pd.DataFrame({column: pd.Series(dtype=object) for column in columns})
    spot = ["value_latest", "negotiation_latest"]
    size = points.groupby(spot)["stakeholder"].transform("size")
    alone = points[size < CROWDED_SPOT]
    right = alone["dx"] >= 0
    single = pd.DataFrame(
        {
            "stakeholder": alone["stakeholder"],
            "text": alone["stakeholder"],
            "x": alone["x_latest"],
            "y": alone["y_latest"],
            "dx": right.map({True: 8.0, False: -8.0}),
            # Above its dot unless the dot was moved down from the shared spot.
            "dy": (alone["dy"] < 0).map({True: 10.0, False: -6.0}),
            "align": right.map({True: "left", False: "right"}),
        }
    )
    crowded = (
        points[size >= CROWDED_SPOT]
        .groupby(spot, as_index=False)
        .agg(
            stakeholder=("stakeholder", lambda names: ", ".join(sorted(names, key=str.lower))),
            count=("stakeholder", "size"),
            x=("x_latest", "max"),
        )
    )
    counted = pd.DataFrame(
        {
            "stakeholder": crowded["stakeholder"],
            "text": [t("chart.stakeholders_here", lang, count=n) for n in crowded["count"]],
            "x": crowded["x"],
            "y": crowded["negotiation_latest"],
            "dx": 10.0,
            "dy": 0.0,
            "align": "left",
        }
    )
    return pd.concat([single, counted], ignore_index=True)[columns]


def position_map(latest: pd.DataFrame, lang: str, *, titled: bool = True) -> Chart:
    """Each stakeholder by value for them (x) × willingness to negotiate (y), with a tapering
    trail from the worksheet position (thin end, open circle) to the latest (thick end, dot).
    Takes `analytics.latest_vs_baseline`. Without its title (`titled=False`) it keeps the line
    that explains the marks."""
    wide = latest[latest["dimension"].isin([worksheet.VALUE.key, worksheet.NEGOTIATION.key])]
    columns = [
        "stakeholder",
        "value_start",
        "value_latest",
        "negotiation_start",
        "negotiation_latest",
    ]
    if wide.empty:
        points = pd.DataFrame({column: pd.Series(dtype=object) for column in columns})
    else:
        pivot = wide.pivot_table(
            index=["stakeholder_id", "stakeholder"],
            columns="dimension",
            values=["baseline_rating", "latest_rating"],
            aggfunc="first",
        )
        pivot.columns = [f"{dimension}_{measure}" for measure, dimension in pivot.columns]
        pivot = pivot.reset_index()
        for column in (
            "value_baseline_rating",
            "value_latest_rating",
            "negotiation_baseline_rating",
            "negotiation_latest_rating",
        ):
            if column not in pivot:
                pivot[column] = pd.NA
        points = pd.DataFrame(
            {
                "stakeholder": pivot["stakeholder"].astype(str),
                "value_latest": pivot["value_latest_rating"],
                "negotiation_latest": pivot["negotiation_latest_rating"],
                # Without a worksheet rating there is no movement to draw: start where it is now.
                "value_start": pivot["value_baseline_rating"].fillna(pivot["value_latest_rating"]),
                "negotiation_start": pivot["negotiation_baseline_rating"].fillna(
                    pivot["negotiation_latest_rating"]
                ),
            }
        ).dropna(subset=["value_latest", "negotiation_latest"])
    points = points.astype({column: "float64" for column in columns[1:]})
    points = _spread(points) if not points.empty else points.assign(dx=[], dy=[])
    points = points.assign(
        x_start=points["value_start"] + points["dx"],
        y_start=points["negotiation_start"] + points["dy"],
        x_latest=points["value_latest"] + points["dx"],
        y_latest=points["negotiation_latest"] + points["dy"],
        value_label=[rating_label(worksheet.VALUE.key, v, lang) for v in points["value_latest"]],
        negotiation_label=[
            rating_label(worksheet.NEGOTIATION.key, v, lang) for v in points["negotiation_latest"]
        ],
        start_label=[
            f"{rating_label(worksheet.VALUE.key, v, lang)} / "
            f"{rating_label(worksheet.NEGOTIATION.key, n, lang)}"
            for v, n in zip(points["value_start"], points["negotiation_start"], strict=True)
        ],
    )
    moved = points[
        (points["value_start"] != points["value_latest"])
        | (points["negotiation_start"] != points["negotiation_latest"])
    ]
    trail = pd.concat(
        [
            moved[["stakeholder", "x_start", "y_start"]]
            .rename(columns={"x_start": "x", "y_start": "y"})
            .assign(step=0, width=1.0),
            moved[["stakeholder", "x_latest", "y_latest"]]
            .rename(columns={"x_latest": "x", "y_latest": "y"})
            .assign(step=1, width=7.0),
        ],
        ignore_index=True,
    )
    value_title = t("chart.value_axis", lang)
    negotiation_title = t("chart.negotiation_axis", lang)
    # Room for the outer labels ('5 · Grote waarde'); bare numbers on a phone need little.
    x_scale = _rating_scale(padding=alt.expr(f"{NARROW} ? 16 : 50"))

    y_scale = _rating_scale()
    # Label room follows the plot width, so a narrow screen shortens labels, not the plot.
    x_axis = _scale_axis(worksheet.VALUE.key, lang, value_title, "width / 5 - 4")
    y_axis = _scale_axis(
        # Not the plot's width: a limit that follows it feeds back into the fit-x layout.
        worksheet.NEGOTIATION.key,
        lang,
        negotiation_title,
        "170",
    )
    tooltip = [
        alt.Tooltip("stakeholder:N", title=t("chart.stakeholder", lang)),
        alt.Tooltip("value_label:N", title=value_title),
        alt.Tooltip("negotiation_label:N", title=negotiation_title),
        alt.Tooltip("start_label:N", title=t("chart.worksheet", lang)),
    ]
    movement = (
        alt.Chart(trail, name="movement")
        .mark_trail(color=INK, opacity=0.35)
        .encode(
            x=alt.X("x:Q", scale=x_scale, axis=x_axis),
            y=alt.Y("y:Q", scale=y_scale, axis=y_axis),
            size=alt.Size("width:Q", scale=None, legend=None),
            detail="stakeholder:N",
            order="step:Q",
        )
    )
    start = (
        alt.Chart(moved, name="worksheet_position")
        .mark_point(shape="circle", filled=False, color=INK, size=50, opacity=0.7)
        .encode(
            x=alt.X("x_start:Q", scale=x_scale, axis=x_axis),
            y=alt.Y("y_start:Q", scale=y_scale, axis=y_axis),
            tooltip=tooltip,
        )
    )
    now = (
        alt.Chart(points, name="latest_position")
        .mark_point(shape="circle", filled=True, color=INK, size=80, opacity=1)
        .encode(
            x=alt.X("x_latest:Q", scale=x_scale, axis=x_axis),
            y=alt.Y("y_latest:Q", scale=y_scale, axis=y_axis),
            tooltip=tooltip,
        )
    )
    names = (
        alt.Chart(_map_labels(points, lang), name="names")
        .mark_text(
            align=alt.expr("datum.align"),
            dx=alt.expr("datum.dx"),
            dy=alt.expr("datum.dy"),
            # Long names end in '…' within a share of the plot; the tooltip has them whole.
            limit=alt.expr("clamp(width / 3.2, 70, 180)"),
            fontSize=12,
            color=INK,
        )
        .encode(
            x=alt.X("x:Q", scale=x_scale, axis=x_axis),
            y=alt.Y("y:Q", scale=y_scale, axis=y_axis),
            text="text:N",
            tooltip=alt.Tooltip("stakeholder:N", title=t("chart.stakeholder", lang)),
        )
    )
    heading = (
        _heading(t("chart.position_title", lang), t("chart.position_subtitle", lang))
        if titled
        else {
            "title": alt.Title(
                t("chart.position_subtitle", lang),
                anchor="start",
                fontSize=12,
                fontWeight="normal",
            )
        }
    )
    return alt.layer(movement, start, now, names).properties(
        height=420, autosize=FIT_WIDTH, **heading
    )
