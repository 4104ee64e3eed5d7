"""Altair specs for the Trends screen, built from the store's plain frames; no Streamlit.

Every dimension keeps the colour `worksheet` gives it, every word comes from `texts`, and the
rating axis is always 1-5. Weeks without a follow-up stay empty: the lines break there (Vega-Lite
breaks a path at a null value), nothing is interpolated.

The y axis of a trend shows the numbers 1-5 with 'low'/'high' at the ends rather than the rating
labels: each of the four dimensions has its own five labels, and one axis cannot carry twenty.
Every point's tooltip names its own label ("3 · Enige waarde") instead.

Layers and the legend selection have fixed names (the *_LAYER constants, `HIGHLIGHT`) so tests
and the app can find them in the spec.
"""

from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd

from belangen import analytics, domain, worksheet
from belangen.texts import t

TARGET_LAYER = "target"
START_LAYER = "worksheet_start"
LINE_LAYER = "lines"
ACTION_RULE_LAYER = "action_rules"
WORKSHEET_LAYER = "worksheet"
FOLLOW_UP_LAYER = "follow_ups"
THEIR_VIEW_LAYER = "their_view"
ACTION_LAYER = "actions"
HIGHLIGHT = "dimension_highlight"

TREND_HEIGHT = 300
PANEL_WIDTH = 170  # a small multiple: wide enough for 26 weekly points
PANEL_HEIGHT = 120
CROWDED_SPOT = 3  # from this many stakeholders on one spot the map names them with a count
# On a screen narrower than this the position map's axes show bare numbers. Vega's
# containerSize(), not the plot's own width: a label size that follows the fitted width feeds
# back into the fit and shifts the chart left, cutting off its titles.
NARROW = "containerSize()[0] < 520"
DIMMED_OPACITY = 0.15
MAX_WEEK_TICKS = 14
ACTION_OFFSET_PX = 12  # actions in one week on different rows sit side by side
ACTION_STACK_PX = 11  # several actions on one row in one week stack upwards
TREND_SPREAD_PX = 4.0  # vertical distance between neighbouring dimensions' lines in a trend
PANEL_SPREAD_PX = 2.5  # the same in a small multiple
INK = "#333333"
MINUS = "\u2212"
# Streamlit's default autosize 'fit' squeezes the plot to make room for titles and legends;
# 'fit-x' stretches the width only, so `height` stays the height of the plot itself.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def _heading(
    text: str, subtitle: str | list[str] | None = None, *, titled: bool = True
) -> dict[str, alt.Title]:
    """`properties` arguments for the chart's own title, or none when the page already heads it
    (`titled=False`): a page heading wraps on a phone where an SVG title is cut off."""
    if not titled:
        return {}
    if subtitle is None:
        return {"title": alt.Title(text, anchor="start")}
    return {"title": alt.Title(text, subtitle=subtitle, anchor="start")}


# --- Shared pieces -----------------------------------------------------------------------------


def dimension_names(lang: str) -> list[str]:
    return [row.short_name(lang) for row in worksheet.DIMENSIONS]


def dimension_colours() -> list[str]:
    return [row.colour for row in worksheet.DIMENSIONS]


def dimension_colour(lang: str, *, legend: bool = True) -> alt.Color:
    """Colour by dimension name, fixed to the worksheet's colours whatever data is present."""
    return alt.Color(
        "dimension:N",
        scale=alt.Scale(domain=dimension_names(lang), range=dimension_colours()),
        sort=dimension_names(lang),
        legend=(
            # Two columns: four names in one row overflow a phone-width screen.
            alt.Legend(title=t("chart.dimension", lang), orient="bottom", columns=2)
            if legend
            else None
        ),
    )


def dimension_shifts(lang: str, spread_px: float) -> dict[str, float]:
    """Pixels each dimension's marks move, by its name: worksheet order from lowest (genuine
    interest, moved down) to highest (negotiation, moved up), so equal ratings no longer hide
    each other's lines and points.

    Pixels, not rating units: a fixed gap stays visible in a 300 px trend and a 120 px panel
    alike, while the y field and every tooltip keep the true rating and the axis stays 1-5.
    """
    middle = (len(worksheet.DIMENSIONS) - 1) / 2
    return {
        row.short_name(lang): (middle - position) * spread_px
        for position, row in enumerate(worksheet.DIMENSIONS)
    }


def _with_shift(frame: pd.DataFrame, lang: str, spread_px: float) -> pd.DataFrame:
    """`frame` plus its `y_shift` column (pixels), from its dimension names."""
    shifts = dimension_shifts(lang, spread_px)
    return frame.assign(y_shift=frame["dimension"].map(shifts).astype("float64"))


# A per-datum offset expression on the mark: Vega-Lite ignores a yOffset channel when y is
# quantitative (the channel only offsets within a band), as it does xOffset on a temporal x.
Y_SHIFT = alt.expr("datum.y_shift")


def rating_label(key: str, rating: object, lang: str) -> str:
    """'3 · Enige waarde': the number and what it means for this dimension."""
    if rating is None or pd.isna(rating):
        return ""
    value = int(rating)
    return f"{value} · {worksheet.row(key).rating_label(value, lang)}"


def _rating_scale(padding: int | alt.ExprRef = 8) -> alt.Scale:
    # Fixed domain so charts compare; the padding (pixels) keeps points at 1 and 5 off the edge.
    return alt.Scale(
        domain=[worksheet.RATING_MIN, worksheet.RATING_MAX],
        nice=False,
        zero=False,
        padding=padding,
    )


def _label_expr(labels: dict[int, str]) -> str:
    """A Vega expression that shows `labels[value]` at each tick (JSON-quoted, so any text)."""
    expression = "datum.label"
    for value, label in sorted(labels.items(), reverse=True):
        expression = f"datum.value == {value} ? {json.dumps(label)} : {expression}"
    return expression


def _rating_axis(lang: str, *, title: str | None = None, labels: bool = True) -> alt.Axis:
    ends = {
        worksheet.RATING_MIN: f"{worksheet.RATING_MIN} · {t('chart.scale_low', lang)}",
        worksheet.RATING_MAX: f"{worksheet.RATING_MAX} · {t('chart.scale_high', lang)}",
    }
    return alt.Axis(
        values=list(worksheet.RATING_SCALE),
        labelExpr=_label_expr(ends),
        labels=labels,
        format="d",
        title=t("chart.rating", lang) if title is None else title,
        grid=True,
    )


def _scale_axis(key: str, lang: str, title: str, label_limit: str) -> alt.Axis:
    """An axis for one dimension: here its five labels fit, so show them; on a narrow screen
    the bare numbers instead of five stumps ('1 · …'), and the tooltips keep the words."""
    labels = {value: rating_label(key, value, lang) for value in worksheet.RATING_SCALE}
    return alt.Axis(
        values=list(worksheet.RATING_SCALE),
        labelExpr=f"{NARROW} ? datum.label : ({_label_expr(labels)})",
        title=title,
        labelLimit=alt.expr(f"{NARROW} ? 30 : ({label_limit})"),
    )


def _week_values(weeks: pd.Series) -> list[alt.DateTime]:
    """Tick at Mondays (Vega's own week ticks fall on Sundays), thinned out when there are many."""
    known = weeks.dropna()
    if known.empty:
        return []
    first, last = known.min(), known.max()
    count = int((last - first).days // 7) + 1
    step = max(1, math.ceil(count / MAX_WEEK_TICKS))
    mondays = pd.date_range(first, last, freq=f"{7 * step}D")
    return [alt.DateTime(year=day.year, month=day.month, date=day.day) for day in mondays]


def _week_x(weeks: pd.Series, lang: str, *, title: bool = True) -> alt.X:
    # d3's %V is the ISO week number, so the axis reads W48, W01... and agrees with the forms.
    return alt.X(
        "week:T",
        title=t("chart.week", lang) if title else None,
        scale=alt.Scale(padding=14),
        axis=alt.Axis(values=_week_values(weeks), format="W%V", labelOverlap=True, grid=False),
    )


def _week_labels(weeks: pd.Series) -> pd.Series:
    return weeks.map(lambda week: domain.iso_week_label(week.date()) if pd.notna(week) else "")


def _highlight() -> alt.Parameter:
    return alt.selection_point(name=HIGHLIGHT, fields=["dimension"], bind="legend")


def _highlighted(selection: alt.Parameter) -> alt.OpacityValue:
    return alt.when(selection).then(alt.value(1.0)).otherwise(alt.value(DIMMED_OPACITY))


def _only_one_stakeholder(*frames: pd.DataFrame) -> str:
    ids: set[int] = set()
    names: list[str] = []
    for frame in frames:
        if frame is not None and not frame.empty:
            ids.update(int(value) for value in frame["stakeholder_id"].unique())
            names.extend(str(value) for value in frame["stakeholder"].unique())
    if len(ids) > 1:
        raise ValueError("stakeholder_trend draws one stakeholder; filter the frames first")
    return names[0] if names else ""


# --- Frames the trend draws --------------------------------------------------------------------


def _rated_points(frame: pd.DataFrame, lang: str, *, with_target: bool) -> pd.DataFrame:
    """One point per rated week and dimension, labelled for tooltips; the worksheet's points
    also carry the target, the weekly ones do not (a target belongs to the worksheet)."""
    rated = frame[frame["dimension"].isin(worksheet.DIMENSION_KEYS)].dropna(subset=["rating"])
    weeks = analytics.mondays(rated["week"])

    def labels(column: str) -> list[str]:
        return [rating_label(key, value, lang)
                for key, value in zip(rated["dimension"], rated[column], strict=True)]

    columns: dict[str, object] = {
        "week": weeks,
        "week_label": _week_labels(weeks),
        "dimension": rated["dimension"].map(lambda key: worksheet.row(key).short_name(lang)),
        "rating": rated["rating"].astype("int64"),
        "rating_label": labels("rating"),
    }
    if with_target:
        columns["target"] = rated["target"].astype("Int64")
        columns["target_label"] = labels("target")
    columns["reflection"] = rated["reflection"].fillna("").astype(str)
    return pd.DataFrame(columns).reset_index(drop=True)


def _start_segments(start: pd.DataFrame, follow_ups: pd.DataFrame) -> pd.DataFrame:
    """Per dimension the worksheet point and the first follow-up: the dashed 'from the
    worksheet' piece of each line, kept apart so unlogged weeks between follow-ups stay gaps."""
    if start.empty or follow_ups.empty:
        return pd.DataFrame(
            {
                "week": pd.Series(dtype="datetime64[us]"),
                "dimension": pd.Series(dtype=object),
                "rating": pd.Series(dtype="int64"),
            }
        )
    first = follow_ups.sort_values("week").groupby("dimension", as_index=False).first()
    pieces = pd.concat(
        [start[["week", "dimension", "rating"]], first[["week", "dimension", "rating"]]],
        ignore_index=True,
    )
    both = pieces.groupby("dimension")["week"].transform("size") == 2
    return pieces[both].reset_index(drop=True)


def _action_markers(actions: pd.DataFrame, lang: str) -> pd.DataFrame:
    columns = [
        "week",
        "week_label",
        "dimension",
        "colour",
        "text",
        "row",
        "outcome",
        "x_offset",
        "y_offset",
    ]
    if actions is None or actions.empty:
        frame = pd.DataFrame({column: pd.Series(dtype=object) for column in columns})
        frame["week"] = pd.Series(dtype="datetime64[us]")
        return frame
    done = actions.dropna(subset=["week"]).copy()
    done = done[done["row_key"].isin(worksheet.ROW_KEYS)]
    done["week"] = analytics.mondays(done["week"])
    done["number"] = done["row_key"].map(lambda key: worksheet.row(key).number)
    done = done.sort_values(["week", "number", "action_id"], kind="stable")
    stack = done.groupby(["week", "number"]).cumcount()
    # Rows acted on in the same week sit side by side, centred on the week.
    side = done.groupby("week")["number"].rank(method="dense") - 1
    rows_that_week = done.groupby("week")["number"].transform("nunique")
    x_offset = (side - (rows_that_week - 1) / 2) * ACTION_OFFSET_PX
    rows = [worksheet.row(key) for key in done["row_key"]]
    return pd.DataFrame(
        {
            "week": done["week"],
            "week_label": _week_labels(done["week"]),
            "dimension": [row.short_name(lang) for row in rows],
            "colour": [row.colour for row in rows],
            "text": done["text"].fillna("").astype(str),
            "row": [f"{row.number} · {row.short_name(lang)}" for row in rows],
            "outcome": done["outcome"].fillna("").astype(str),
            "x_offset": x_offset.astype(float),
            "y_offset": [-12 - ACTION_STACK_PX * int(level) for level in stack],
        }
    ).reset_index(drop=True)


def _their_view(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    known = history.dropna(subset=["their_value_rating"]).copy()
    known["week"] = analytics.mondays(known["week"])
    known = known.drop_duplicates("week")
    return pd.DataFrame(
        {
            "week": known["week"],
            "week_label": _week_labels(known["week"]),
            "rating": known["their_value_rating"].astype("int64"),
            "rating_label": [
                rating_label(worksheet.VALUE.key, value, lang)
                for value in known["their_value_rating"]
            ],
            "reflection": known["reflection"].fillna("").astype(str),
        }
    ).reset_index(drop=True)


# --- One stakeholder's trend -------------------------------------------------------------------


def stakeholder_trend(
    history: pd.DataFrame,
    baseline: pd.DataFrame,
    actions: pd.DataFrame,
    lang: str,
    *,
    title: str | None = None,
) -> alt.LayerChart:
    """The four ratings of one stakeholder over ISO weeks, from the worksheet on.

    Takes `Store.rating_history`, `Store.worksheet_baseline` and `Store.actions_done` for one
    stakeholder. Layers (bottom to top): target rules, the dashed worksheet-to-first-follow-up
    piece, the follow-up lines (broken at unlogged weeks), action rules, worksheet diamonds,
    follow-up points (exactly one per dimension per logged week), their own view of the value,
    action markers.
    """
    name = _only_one_stakeholder(history, baseline, actions)
    follow_ups = _rated_points(history, lang, with_target=False)
    start = _rated_points(baseline, lang, with_target=True)
    markers = _action_markers(actions, lang)
    their_view = _their_view(history, lang)
    lines = analytics.with_gaps(follow_ups[["week", "dimension", "rating"]], by=["dimension"])
    lines = _with_shift(lines.drop(columns=["gap"]), lang, TREND_SPREAD_PX)
    segments = _with_shift(_start_segments(start, follow_ups), lang, TREND_SPREAD_PX)
    targets = start.dropna(subset=["target"])[["dimension", "target", "target_label"]]
    targets = _with_shift(targets, lang, TREND_SPREAD_PX)
    follow_ups = _with_shift(follow_ups, lang, TREND_SPREAD_PX)
    start = _with_shift(start, lang, TREND_SPREAD_PX)
    their_view = their_view.assign(
        y_shift=dimension_shifts(lang, TREND_SPREAD_PX)[worksheet.VALUE.short_name(lang)]
    )

    all_weeks = pd.concat(
        [follow_ups["week"], start["week"], markers["week"], their_view["week"]],
        ignore_index=True,
    )
    x = _week_x(all_weeks, lang, title=False)  # the labels say W48: no title needed
    y = alt.Y("rating:Q", scale=_rating_scale(), axis=_rating_axis(lang))
    colour = dimension_colour(lang)
    highlight = _highlight()
    opacity = _highlighted(highlight)
    week_tip = alt.Tooltip("week_label:N", title=t("chart.week", lang))
    dimension_tip = alt.Tooltip("dimension:N", title=t("chart.dimension", lang))
    rating_tip = alt.Tooltip("rating_label:N", title=t("chart.rating", lang))
    reflection_tip = alt.Tooltip("reflection:N", title=t("chart.reflection", lang))

    target_layer = (
        alt.Chart(targets, name=TARGET_LAYER)
        .mark_rule(strokeDash=[2, 3], strokeWidth=1.5, yOffset=Y_SHIFT)
        .encode(
            y=alt.Y("target:Q", scale=_rating_scale(), axis=_rating_axis(lang)),
            color=colour,
            opacity=alt.when(highlight).then(alt.value(0.55)).otherwise(alt.value(0.08)),
            tooltip=[dimension_tip, alt.Tooltip("target_label:N", title=t("chart.target", lang))],
        )
        # The legend binding only works from the first layer with the colour legend.
        .add_params(highlight)
    )
    start_layer = (
        alt.Chart(segments, name=START_LAYER)
        .mark_line(strokeDash=[5, 4], strokeWidth=1.5, yOffset=Y_SHIFT)
        .encode(x=x, y=y, color=colour, detail="dimension:N", opacity=opacity)
    )
    line_layer = (
        alt.Chart(lines, name=LINE_LAYER)
        # Explicit although it is the default: a null rating (unlogged week) breaks the line.
        .mark_line(strokeWidth=2.5, invalid="break-paths-show-domains", yOffset=Y_SHIFT)
        .encode(x=x, y=y, color=colour, opacity=opacity)
    )
    action_rule_layer = (
        alt.Chart(markers, name=ACTION_RULE_LAYER)
        # Vega-Lite ignores an xOffset channel on a temporal x; a per-datum offset expression works.
        .mark_rule(strokeDash=[1, 3], strokeWidth=1.5, xOffset=alt.expr("datum.x_offset"))
        .encode(
            x=x,
            y=alt.datum(worksheet.RATING_MIN),
            y2=alt.datum(worksheet.RATING_MAX),
            color=alt.Color("colour:N", scale=None),
            opacity=alt.when(highlight).then(alt.value(0.5)).otherwise(alt.value(0.08)),
        )
    )
    worksheet_layer = (
        alt.Chart(start, name=WORKSHEET_LAYER)
        .mark_point(shape="diamond", filled=False, size=130, strokeWidth=2, yOffset=Y_SHIFT)
        .encode(
            x=x,
            y=y,
            color=colour,
            opacity=opacity,
            tooltip=[
                alt.Tooltip("week_label:N", title=t("chart.worksheet", lang)),
                dimension_tip,
                rating_tip,
                alt.Tooltip("target_label:N", title=t("chart.target", lang)),
                reflection_tip,
            ],
        )
    )
    follow_up_layer = (
        alt.Chart(follow_ups, name=FOLLOW_UP_LAYER)
        .mark_point(filled=True, size=55, yOffset=Y_SHIFT)
        .encode(
            x=x,
            y=y,
            color=colour,
            opacity=opacity,
            tooltip=[week_tip, dimension_tip, rating_tip, reflection_tip],
        )
    )
    their_view_layer = (
        alt.Chart(their_view, name=THEIR_VIEW_LAYER)
        .mark_point(
            shape="square",
            filled=False,
            size=110,
            strokeWidth=2,
            color=worksheet.VALUE.colour,
            xOffset=7,
            yOffset=Y_SHIFT,
        )
        .encode(
            x=x,
            y=y,
            tooltip=[
                week_tip,
                alt.Tooltip("rating_label:N", title=t("chart.their_view", lang)),
                reflection_tip,
            ],
        )
    )
    action_layer = (
        alt.Chart(markers, name=ACTION_LAYER)
        .mark_point(
            shape="triangle-down",
            filled=True,
            size=110,
            xOffset=alt.expr("datum.x_offset"),
        )
        .encode(
            x=x,
            y=alt.datum(worksheet.RATING_MAX),
            yOffset=alt.YOffset("y_offset:Q", scale=None),
            color=alt.Color("colour:N", scale=None),
            opacity=opacity,
            tooltip=[
                week_tip,
                alt.Tooltip("text:N", title=t("chart.action", lang)),
                alt.Tooltip("row:N", title=t("chart.row", lang)),
                alt.Tooltip("outcome:N", title=t("chart.outcome", lang)),
            ],
        )
    )
    heading = title if title is not None else t("chart.trend_title", lang, name=name)
    return alt.layer(
        target_layer,
        start_layer,
        line_layer,
        action_rule_layer,
        worksheet_layer,
        follow_up_layer,
        their_view_layer,
        action_layer,
    ).properties(
        height=TREND_HEIGHT,
        autosize=FIT_WIDTH,
        title=alt.Title(
            heading,
            subtitle=[t("chart.trend_marks", lang), t("chart.trend_marks_more", lang)],
            anchor="start",
            offset=22,  # room for the action markers above the plot
        ),
    )


# --- The project at a glance -------------------------------------------------------------------


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


def latest_heatmap(latest: pd.DataFrame, lang: str, *, titled: bool = True) -> alt.LayerChart:
    """Stakeholder × dimension: colour = latest rating, text = rating and change since the
    worksheet, e.g. '4 (+2)'. Takes `analytics.latest_vs_baseline`."""
    names = dimension_names(lang)
    latest = latest[latest["dimension"].isin(worksheet.DIMENSION_KEYS)]
    latest = latest.dropna(subset=["latest_rating"])
    order = list(dict.fromkeys(latest["stakeholder"].astype(str).tolist()))

    def cell_text(rating: object, change: object) -> str:
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


def position_map(latest: pd.DataFrame, lang: str, *, titled: bool = True) -> alt.LayerChart:
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


def what_worked_chart(frame: pd.DataFrame, lang: str, *, titled: bool = True) -> alt.LayerChart:
    """Grouped bars per dimension: average change with an action beside without, each bar
    labelled with its number of cases so a mean over two weeks cannot pass for a finding.
    Takes `analytics.what_worked`."""
    with_label = t("chart.with_action", lang)
    without_label = t("chart.without_action", lang)
    rows = []
    for record in frame.itertuples(index=False):
        row = worksheet.row(record.dimension)
        for kind, change, cases in (
            (with_label, record.with_action_change, record.with_action_cases),
            (without_label, record.without_action_change, record.without_action_cases),
        ):
            known = not pd.isna(change)
            rows.append(
                {
                    "dimension": row.short_name(lang),
                    "colour": row.colour,
                    "kind": kind,
                    "change": float(change) if known else None,
                    "cases": int(cases),
                    "cases_label": t("chart.cases_short", lang, count=int(cases)),
                    # The count sits above a rise, below a fall, on the zero line without data.
                    "label_y": float(change) if known else 0.0,
                    "label_offset": 10 if known and change < 0 else -9,
                }
            )
    data = pd.DataFrame(
        rows,
        columns=[
            "dimension",
            "colour",
            "kind",
            "change",
            "cases",
            "cases_label",
            "label_y",
            "label_offset",
        ],
    )
    names = dimension_names(lang)
    largest = data["change"].abs().max() if data["change"].notna().any() else 0
    reach = max(1.0, math.ceil(float(largest) + 0.5))
    y_scale = alt.Scale(domain=[-reach, reach], nice=False)
    x = alt.X(
        "dimension:N",
        sort=names,
        scale=alt.Scale(domain=names),
        title=None,
        axis=alt.Axis(labelAngle=0),
    )
    x_offset = alt.XOffset(
        "kind:N",
        sort=[with_label, without_label],
        scale=alt.Scale(domain=[with_label, without_label]),
    )
    tooltip = [
        alt.Tooltip("dimension:N", title=t("chart.dimension", lang)),
        alt.Tooltip("kind:N", title=t("chart.weeks", lang)),
        alt.Tooltip("change:Q", title=t("chart.average_change", lang), format="+.2f"),
        alt.Tooltip("cases:Q", title=t("chart.cases", lang)),
    ]
    bars = (
        alt.Chart(data, name="bars")
        .mark_bar(strokeWidth=1.5)
        .encode(
            x=x,
            xOffset=x_offset,
            y=alt.Y(
                "change:Q",
                scale=y_scale,
                title=t("chart.average_change", lang),
                axis=alt.Axis(
                    format=".1~f",
                    tickMinStep=0.5,
                    labelExpr="datum.value > 0 ? '+' + datum.label : datum.label",
                ),
            ),
            fill=alt.Fill("colour:N", scale=None),
            stroke=alt.Stroke("colour:N", scale=None),
            opacity=alt.Opacity(
                "kind:N",
                scale=alt.Scale(domain=[with_label, without_label], range=[1.0, 0.35]),
                legend=alt.Legend(title=t("chart.weeks", lang), orient="bottom"),
            ),
            tooltip=tooltip,
        )
    )
    counts = (
        alt.Chart(data, name="cases")
        .mark_text(fontSize=11, color=INK, yOffset=alt.expr("datum.label_offset"))
        .encode(
            x=x,
            xOffset=x_offset,
            y=alt.Y("label_y:Q", scale=y_scale),
            text="cases_label:N",
            tooltip=tooltip,
        )
    )
    zero = (
        alt.Chart(pd.DataFrame({"zero": [0.0]}), name="zero")
        .mark_rule(color=INK)
        .encode(y=alt.Y("zero:Q", scale=y_scale))
    )
    return alt.layer(bars, zero, counts).properties(
        height=260,
        autosize=FIT_WIDTH,
        **_heading(
            t("chart.what_worked_title", lang),
            [t("chart.what_worked_subtitle", lang), t("chart.few_cases", lang)],
            titled=titled,
        ),
    )
