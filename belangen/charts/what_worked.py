"""'Wat werkte?': the average change after an action beside weeks without one, with the
number of cases."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from belangen import formats, worksheet
from belangen.charts.scales import FIT_WIDTH, INK, Chart, _heading, dimension_names, finished
from belangen.charts.words import describe_what_worked
from belangen.texts import t


def what_worked_data(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The bars: per dimension one with an action and one without, with their cases.
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
                    "change_label": formats.number(float(change), lang, decimals=2, signed=True)
                    if known else "—",
                    "cases": int(cases),
                    "cases_label": t("chart.cases_short", lang, count=int(cases)),
                    # The count sits above a rise, below a fall, on the zero line without data.
                    "label_y": float(change) if known else 0.0,
                    "label_offset": 10 if known and change < 0 else -9,
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "dimension",
            "colour",
            "kind",
            "change",
            "cases",
            "change_label",
            "cases_label",
            "label_y",
            "label_offset",
        ],
    )


def what_worked_chart(frame: pd.DataFrame, lang: str, *, titled: bool = True) -> Chart:
    """Grouped bars per dimension: average change with an action beside without, each bar
    labelled with its number of cases so a mean over two weeks cannot pass for a finding.
    Takes `analytics.what_worked`."""
    with_label = t("chart.with_action", lang)
    without_label = t("chart.without_action", lang)
    data = what_worked_data(frame, lang)
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
        alt.Tooltip("change_label:N", title=t("chart.average_change", lang)),
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
                    # The label as the language writes a decimal: '+0,5' in Dutch.
                    labelExpr=(
                        f"(datum.value > 0 ? '+' : '') + replace(datum.label, '.', "
                        f"'{formats.decimal_separator(lang)}')"
                    ),
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
    # Bars for weeks without an action are faded; their outline, drawn again at full colour,
    # keeps every bar 3:1 against the background. (A fillOpacity instead of the opacity would
    # do it in one layer, but Vega-Lite then draws no legend for it.)
    outlines = (
        alt.Chart(data, name="outlines")
        .mark_bar(filled=False, strokeWidth=1.5)
        .encode(
            x=x,
            xOffset=x_offset,
            y=alt.Y("change:Q", scale=y_scale),
            stroke=alt.Stroke("colour:N", scale=None),
            tooltip=tooltip,  # on top of the bar: without, Streamlit shows the raw fields
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
    chart = alt.layer(bars, outlines, zero, counts).properties(
        height=260,
        autosize=FIT_WIDTH,
        **_heading(
            t("chart.what_worked_title", lang),
            [t("chart.what_worked_subtitle", lang), t("chart.few_cases", lang)],
            titled=titled,
        ),
    )
    return finished(chart, describe_what_worked(data, lang), lang)
