"""One stakeholder's trend: the four ratings week by week from the worksheet start, targets,
the actions carried out and the stakeholder's own view of the value."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from belangen import analytics, worksheet
from belangen.charts.scales import (
    ACTION_LAYER,
    ACTION_RULE_LAYER,
    DIMMED_OPACITY,
    FIT_WIDTH,
    FOLLOW_UP_LAYER,
    LINE_LAYER,
    START_LAYER,
    TARGET_LAYER,
    THEIR_VIEW_LAYER,
    WORKSHEET_LAYER,
    Y_SHIFT,
    _highlight,
    _only_one_stakeholder,
    _rated_points,
    _rating_axis,
    _rating_scale,
    _week_labels,
    _week_x,
    _with_shift,
    dimension_colour,
    dimension_shifts,
    finished_spec,
    opacity_condition,
    rating_label,
    reference_day,
)
from belangen.charts.spec import Spec, expr, field, layer, plain, records, tooltip
from belangen.charts.words import describe_trend
from belangen.texts import t

TREND_HEIGHT = 300


ACTION_OFFSET_PX = 12  # actions in one week on different rows sit side by side


ACTION_STACK_PX = 11  # several actions on one row in one week stack upwards


TREND_SPREAD_PX = 4.0  # vertical distance between neighbouring dimensions' lines in a trend


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


def _action_markers(
    actions: pd.DataFrame, lang: str, reference: dt.date | None
) -> pd.DataFrame:
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
            "week_label": _week_labels(done["week"], lang, reference),
            "dimension": [row.short_name(lang) for row in rows],
            "colour": [row.colour for row in rows],
            "text": done["text"].fillna("").astype(str),
            "row": [f"{row.number} · {row.short_name(lang)}" for row in rows],
            "outcome": done["outcome"].fillna("").astype(str),
            "x_offset": x_offset.astype(float),
            "y_offset": [-12 - ACTION_STACK_PX * int(level) for level in stack],
        }
    ).reset_index(drop=True)


def _their_view(history: pd.DataFrame, lang: str, reference: dt.date | None) -> pd.DataFrame:
    known = history.dropna(subset=["their_value_rating"]).copy()
    known["week"] = analytics.mondays(known["week"])
    known = known.drop_duplicates("week")
    return pd.DataFrame(
        {
            "week": known["week"],
            "week_label": _week_labels(known["week"], lang, reference),
            "rating": known["their_value_rating"].astype("int64"),
            "rating_label": [
                rating_label(worksheet.VALUE.key, value, lang)
                for value in known["their_value_rating"]
            ],
            "reflection": known["reflection"].fillna("").astype(str),
        }
    ).reset_index(drop=True)


def stakeholder_trend(
    history: pd.DataFrame,
    baseline: pd.DataFrame,
    actions: pd.DataFrame,
    lang: str,
    *,
    title: str | None = None,
    since: dt.date | None = None,
    today: dt.date | None = None,
) -> Spec:
    """The four ratings of one stakeholder over ISO weeks, from the worksheet on (or, with
    `since`, over the weeks from then on: the worksheet start shows only when it falls in them,
    its targets always).

    Takes `Store.rating_history`, `Store.worksheet_baseline` and `Store.actions_done` for one
    stakeholder. Layers (bottom to top): target rules, the dashed worksheet-to-first-follow-up
    piece, the follow-up lines (broken at unlogged weeks), action rules, worksheet diamonds,
    follow-up points (exactly one per dimension per logged week), their own view of the value,
    action markers. Weeks read as the app writes them, with the year when it is not
    `today`'s (without `today`: the latest week's).
    """
    name = _only_one_stakeholder(history, baseline, actions)
    reference = reference_day(pd.concat(
        [pd.to_datetime(frame["week"]) for frame in (history, baseline, actions)
         if frame is not None and "week" in frame],
        ignore_index=True), today)
    follow_ups = _rated_points(history, lang, with_target=False, reference=reference)
    start = _rated_points(baseline, lang, with_target=True, reference=reference)
    targets = start.dropna(subset=["target"])[["dimension", "target", "target_label"]]
    if since is not None:
        start = start[start["week"] >= pd.Timestamp(since)]
    markers = _action_markers(actions, lang, reference)
    their_view = _their_view(history, lang, reference)
    lines = analytics.with_gaps(follow_ups[["week", "dimension", "rating"]], by=["dimension"])
    lines = _with_shift(lines.drop(columns=["gap"]), lang, TREND_SPREAD_PX)
    segments = _with_shift(_start_segments(start, follow_ups), lang, TREND_SPREAD_PX)
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
    x = plain(_week_x(all_weeks, lang, title=False, today=reference))  # labels: 'week 48'
    y = plain(alt.Y("rating:Q", scale=_rating_scale(), axis=_rating_axis(lang)))
    colour = plain(dimension_colour(lang))
    own_colour = field("colour", "nominal", scale=None)  # an action's row colour, as it is
    highlight = _highlight()
    opacity = opacity_condition(highlight, 1.0, DIMMED_OPACITY)
    beside = expr("datum.x_offset")  # an offset channel on a temporal x is ignored; this is not
    week_tip = tooltip("week_label", t("chart.week", lang))
    dimension_tip = tooltip("dimension", t("chart.dimension", lang))
    rating_tip = tooltip("rating_label", t("chart.rating", lang))
    reflection_tip = tooltip("reflection", t("chart.reflection", lang))
    target_tip = tooltip("target_label", t("chart.target", lang))
    datasets = {
        TARGET_LAYER: targets, START_LAYER: segments, LINE_LAYER: lines,
        WORKSHEET_LAYER: start, FOLLOW_UP_LAYER: follow_ups, THEIR_VIEW_LAYER: their_view,
        ACTION_LAYER: markers,
    }
    layers = [
        layer(TARGET_LAYER, TARGET_LAYER,
              {"type": "rule", "strokeDash": [2, 3], "strokeWidth": 1.5, "yOffset": Y_SHIFT},
              {"y": {**y, "field": "target"}, "color": colour,
               "opacity": opacity_condition(highlight, 0.55, 0.08),
               "tooltip": [dimension_tip, target_tip]}),
        layer(START_LAYER, START_LAYER,
              {"type": "line", "strokeDash": [5, 4], "strokeWidth": 1.5, "yOffset": Y_SHIFT},
              {"x": x, "y": y, "color": colour, "detail": field("dimension", "nominal"),
               "opacity": opacity}),
        # Explicit although it is the default: a null rating (unlogged week) breaks the line.
        layer(LINE_LAYER, LINE_LAYER,
              {"type": "line", "strokeWidth": 2.5, "invalid": "break-paths-show-domains",
               "yOffset": Y_SHIFT},
              {"x": x, "y": y, "color": colour, "opacity": opacity}),
        layer(ACTION_RULE_LAYER, ACTION_LAYER,
              {"type": "rule", "strokeDash": [1, 3], "strokeWidth": 1.5, "xOffset": beside},
              {"x": x, "y": {"datum": worksheet.RATING_MIN}, "y2": {"datum": worksheet.RATING_MAX},
               "color": own_colour, "opacity": opacity_condition(highlight, 0.5, 0.08)}),
        layer(WORKSHEET_LAYER, WORKSHEET_LAYER,
              {"type": "point", "shape": "diamond", "filled": False, "size": 130,
               "strokeWidth": 2, "yOffset": Y_SHIFT},
              {"x": x, "y": y, "color": colour, "opacity": opacity,
               "tooltip": [tooltip("week_label", t("chart.worksheet", lang)), dimension_tip,
                           rating_tip, target_tip, reflection_tip]}),
        layer(FOLLOW_UP_LAYER, FOLLOW_UP_LAYER,
              {"type": "point", "filled": True, "size": 55, "yOffset": Y_SHIFT},
              {"x": x, "y": y, "color": colour, "opacity": opacity,
               "tooltip": [week_tip, dimension_tip, rating_tip, reflection_tip]}),
        layer(THEIR_VIEW_LAYER, THEIR_VIEW_LAYER,
              {"type": "point", "shape": "square", "filled": False, "size": 110,
               "strokeWidth": 2, "color": worksheet.VALUE.colour, "xOffset": 7,
               "yOffset": Y_SHIFT},
              {"x": x, "y": y,
               "tooltip": [week_tip, tooltip("rating_label", t("chart.their_view", lang)),
                           reflection_tip]}),
        layer(ACTION_LAYER, ACTION_LAYER,
              {"type": "point", "shape": "triangle-down", "filled": True, "size": 110,
               "xOffset": beside},
              {"x": x, "y": {"datum": worksheet.RATING_MAX},
               "yOffset": field("y_offset", "quantitative", scale=None), "color": own_colour,
               "opacity": opacity,
               "tooltip": [week_tip, tooltip("text", t("chart.action", lang)),
                           tooltip("row", t("chart.row", lang)),
                           tooltip("outcome", t("chart.outcome", lang))]}),
    ]
    heading = title if title is not None else t("chart.trend_title", lang, name=name)
    description = describe_trend(name, follow_ups, start, len(markers), all_weeks, lang,
                                 targets=targets)
    return finished_spec({
        "height": TREND_HEIGHT,
        "autosize": plain(FIT_WIDTH),
        "title": plain(alt.Title(
            heading,
            subtitle=[t("chart.trend_marks", lang), t("chart.trend_marks_more", lang)],
            anchor="start",
            aria=False,  # 'Title text …': the description says it in the user's language
            offset=22,  # room for the action markers above the plot
        )),
        "layer": layers,
        "datasets": {name: records(frame) for name, frame in datasets.items()},
    }, description, lang, legend_layer=TARGET_LAYER)
