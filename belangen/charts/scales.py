"""What every chart of the Trends screen shares: one colour per dimension (from `worksheet`), the
1-5 rating axis, week axes and labels, the legend highlight, and the points of ratings."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any, TypeVar

import altair as alt
import pandas as pd

from belangen import analytics, formats, texts, worksheet
from belangen.charts.spec import Spec, expr, plain
from belangen.texts import t

# Layers have fixed names so tests and the app can find them in a spec.
TARGET_LAYER = "target"
START_LAYER = "worksheet_start"
LINE_LAYER = "lines"
ACTION_RULE_LAYER = "action_rules"
WORKSHEET_LAYER = "worksheet"
FOLLOW_UP_LAYER = "follow_ups"
THEIR_VIEW_LAYER = "their_view"
ACTION_LAYER = "actions"

Chart = alt.LayerChart | alt.FacetChart
"""What a builder returns: layers, or layers faceted into panels."""

AnyChart = TypeVar("AnyChart", bound=alt.LayerChart | alt.FacetChart)

HIGHLIGHT = "dimension_highlight"


DIMMED_OPACITY = 0.15


MAX_WEEK_TICKS = 14


# The chart palette. The four dimensions' colours live on the worksheet rows (`worksheet`, which
# the exports use without Altair); every other colour a chart draws is here. Lines and marks keep
# at least 3:1 against the background and text 4.5:1 (WCAG 2.1 AA, 1.4.11 and 1.4.3); the tests
# check both, and that the four dimensions stay apart for the common colour-vision deficiencies.
BACKGROUND = "#FAFAF7"  # the theme's backgroundColor (.streamlit/config.toml)
INK = "#333333"  # text drawn in the plot: counts, names, the zero line
AXIS_TEXT = "#4A5256"  # axis, legend and header text (Streamlit's theme grey is 3.6:1)
TITLE_TEXT = "#1E2A2E"  # the theme's textColor
GRID_FILL = ("#F3F5F2", "#7FA8A6")  # the position grid: no one here → everyone here


MINUS = "\u2212"


# Streamlit's default autosize 'fit' squeezes the plot to make room for titles and legends;
# 'fit-x' stretches the width only, so `height` stays the height of the plot itself.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


# On a screen narrower than this the position map's axes show bare numbers. Vega's
# containerSize(), not the plot's own width: a label size that follows the fitted width feeds
# back into the fit and shifts the chart left, cutting off its titles.
NARROW = "containerSize()[0] < 520"


def _heading(
    text: str, subtitle: str | list[str] | None = None, *, titled: bool = True
) -> dict[str, alt.Title]:
    """`properties` arguments for the chart's own title, or none when the page already heads it
    (`titled=False`): a page heading wraps on a phone where an SVG title is cut off."""
    if not titled:
        return {}
    if subtitle is None:
        return {"title": alt.Title(text, anchor="start", aria=False)}
    return {"title": alt.Title(text, subtitle=subtitle, anchor="start", aria=False)}


def chart_locale(lang: str) -> alt.Locale:
    """Vega's number and time locale: in Dutch a decimal comma ('+0,5') and Dutch day and month
    names on time axes; in English the point."""
    names = texts.CHART_LOCALE[lang if lang in texts.CHART_LOCALE else texts.DEFAULT_LANGUAGE]
    comma = lang != "en"
    return alt.Locale(
        number=alt.NumberLocale(
            decimal="," if comma else ".", thousands="." if comma else ",", grouping=[3],
            currency=["€\u00a0", ""], minus=MINUS,
        ),
        time=alt.TimeLocale(
            dateTime="%A %e %B %Y %X", date="%d-%m-%Y" if comma else "%d/%m/%Y", time="%H:%M:%S",
            periods=["AM", "PM"], days=list(names["days"]), shortDays=list(names["short_days"]),
            months=list(names["months"]),
            shortMonths=list(texts.MONTHS_SHORT.get(lang, texts.MONTHS_SHORT["nl"])),
        ),
    )


def finished(chart: AnyChart, description: str, lang: str) -> AnyChart:
    """The chart as the page draws it: its text alternative in the user's language, the locale,
    and the colours of the palette above.

    Vega writes `description` on the SVG as its aria-label (role graphics-document). Its own
    ARIA texts for axes, legends and marks are English ('X-axis for a time scale with values
    from W39 to W48') and name data columns ('week: W40; rating: 3'): `aria: false` leaves them
    out (on the marks too, or each mark group still says 'line mark container'; titles say
    'Title text …' unless their own `aria` is off), so a screen reader reads the description;
    the page shows the data as a table and the reflections as text for the details."""
    # Set on the chart itself, which each builder has just made for this call: every
    # `.properties()` or chained `.configure_…()` copied the whole chart again, layers and data
    # included, and re-merged the layers' parameters — most of the time a trend took to build
    # at three years of weeks.
    chart.description = description
    chart.config = chart_config(lang)
    return chart


def finished_spec(body: Spec, description: str, lang: str, *, legend_layer: str) -> Spec:
    """`finished` for a chart written as a Vega-Lite dict: the same description, locale and
    palette, and the legend's highlight, which works only from `legend_layer` (the first layer
    that draws the colour legend)."""
    return {
        "$schema": alt.SCHEMA_URL,
        "config": plain(chart_config(lang)),
        "description": description,
        **body,
        "params": [{**plain(_highlight()), "views": [legend_layer]}],
    }


def chart_config(lang: str) -> alt.Config:
    """What `finished` and `finished_spec` set on every chart besides its description."""
    return alt.Config(
        aria=False,
        locale=chart_locale(lang),
        axis=alt.AxisConfig(labelColor=AXIS_TEXT, titleColor=AXIS_TEXT),
        # Vega draws legend symbols at 70 % opacity by default, which took the lightest
        # dimension colour below 3:1: at full colour they keep the palette's contrast.
        legend=alt.LegendConfig(labelColor=AXIS_TEXT, titleColor=AXIS_TEXT, symbolOpacity=1),
        header=alt.HeaderConfig(labelColor=TITLE_TEXT, titleColor=TITLE_TEXT),
        title=alt.TitleConfig(color=TITLE_TEXT, subtitleColor=AXIS_TEXT),
        mark=alt.MarkConfig(aria=False),
    )


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
Y_SHIFT = expr("datum.y_shift")


def rating_label(key: str, rating: object, lang: str) -> str:
    """'3 · Enige waarde': the number and what it means for this dimension."""
    if rating is None or pd.isna(rating):
        return ""
    value = int(rating)  # type: ignore[call-overload]  # a number from a frame
    return worksheet.row(key).labelled_rating(value, lang)


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


def reference_day(weeks: pd.Series, today: dt.date | None) -> dt.date | None:
    """The day whose year a chart's week needs no year in: the app's today, else (a chart
    built without a clock) the latest week shown."""
    if today is not None:
        return today
    known = weeks.dropna()
    return known.max().date() if len(known) else None


def _expression_text(key: str, lang: str, **parts: str) -> str:
    """A catalogue text as a Vega expression, its placeholders filled by sub-expressions."""
    markers = {name: chr(1 + number) for number, name in enumerate(parts)}
    text = t(key, lang, **markers).replace("\\", "\\\\").replace("'", "\\'")
    expression = f"'{text}'"
    for name, marker in markers.items():
        expression = expression.replace(marker, f"' + {parts[name]} + '")
    return expression


def week_axis_labels(lang: str, reference: dt.date | None) -> str:
    """A Vega label expression writing each tick as the app writes a week: 'week 49', and
    'week 52 van 2025' for a week of another (ISO) year than `reference`'s."""
    number = "toNumber(timeFormat(datum.value, '%V'))"
    year = "timeFormat(datum.value, '%G')"
    short = _expression_text("week.short", lang, number=number)
    if reference is None:
        return short
    with_year = _expression_text("week.short_with_year", lang, number=number, year=year)
    return f"{year} == '{reference.isocalendar()[0]}' ? {short} : {with_year}"


WEEK_LABEL_FLUSH_PX = 20  # beyond the x scale's padding of 14 px


def _week_x(weeks: pd.Series, lang: str, *, title: bool = True,
            today: dt.date | None = None) -> alt.X:
    return alt.X(
        "week:T",
        title=t("chart.week", lang) if title else None,
        scale=alt.Scale(padding=14),
        # labelFlush: the first and last labels end at the axis's ends (within the scale's
        # padding and a little more), so in small multiples side by side the last week of one
        # panel no longer runs into the first week of the next ('week 49week 49 van 2023').
        axis=alt.Axis(values=_week_values(weeks),
                      labelExpr=week_axis_labels(lang, reference_day(weeks, today)),
                      labelOverlap=True, labelFlush=WEEK_LABEL_FLUSH_PX, grid=False),
    )


def _week_labels(weeks: pd.Series, lang: str, reference: dt.date | None) -> pd.Series:
    """Tooltip text of each week: the app's short notation ('week 49'). Written once per week,
    not per row: a page of small multiples holds some 6,000 rows over 156 weeks."""
    labels = {week: formats.week_short(week.date(), lang, reference)
              for week in weeks.dropna().unique()}
    return weeks.map(labels).fillna("")


def _highlight() -> alt.Parameter:
    return alt.selection_point(name=HIGHLIGHT, fields=["dimension"], bind="legend")


def opacity_condition(selection: alt.Parameter, chosen: float,
                      otherwise: float) -> dict[str, Any]:
    """`chosen` opacity where `selection` holds (the legend's highlight), `otherwise` elsewhere."""
    return {"condition": [{"param": selection.name, "value": chosen}], "value": otherwise}


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


def _rated_points(
    frame: pd.DataFrame, lang: str, *, with_target: bool, reference: dt.date | None
) -> pd.DataFrame:
    """One point per rated week and dimension, labelled for tooltips; the worksheet's points
    also carry the target, the weekly ones do not (a target belongs to the worksheet)."""
    rated = frame[frame["dimension"].isin(worksheet.DIMENSION_KEYS)].dropna(subset=["rating"])
    weeks = analytics.mondays(rated["week"])

    def labels(column: str) -> list[str]:
        return [rating_label(key, value, lang)
                for key, value in zip(rated["dimension"], rated[column], strict=True)]

    columns: dict[str, object] = {
        "week": weeks,
        "week_label": _week_labels(weeks, lang, reference),
        "dimension": rated["dimension"].map(lambda key: worksheet.row(key).short_name(lang)),
        "rating": rated["rating"].astype("int64"),
        "rating_label": labels("rating"),
    }
    if with_target:
        columns["target"] = rated["target"].astype("Int64")
        columns["target_label"] = labels("target")
    columns["reflection"] = rated["reflection"].fillna("").astype(str)
    return pd.DataFrame(columns).reset_index(drop=True)
