"""Vega-Lite specs written directly as dicts, for the charts drawn most after a write: one
stakeholder's trend and the small multiples. Altair spent about 200 ms on one trend at three
years of data (copying every layer, merging the legend parameter, checking each channel,
turning each layer's frame into rows) against a few milliseconds for writing the same spec.
The pieces every chart shares (axes, scales, colours, titles, config) are still made once, in
`scales`, and turned into dicts here, so each has one definition for both kinds of chart."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

Spec = dict[str, Any]


def plain(piece: Any) -> Any:
    """An Altair piece (channel, scale, title, config …) as the dict it stands for in a spec."""
    if isinstance(piece, alt.Parameter) and isinstance(piece.param, alt.SchemaBase):
        return piece.param.to_dict(validate=False)  # a selection: its definition
    return piece.to_dict(validate=False)


def expr(expression: str) -> dict[str, str]:
    """A Vega expression where a spec takes a value ('datum.y_shift': each mark its own)."""
    return {"expr": expression}


def field(name: str, kind: str, **properties: Any) -> dict[str, Any]:
    """A channel reading column `name`, of Vega-Lite type `kind` ('nominal', 'quantitative' …)."""
    return {"field": name, "type": kind, **properties}


def tooltip(name: str, title: str) -> dict[str, Any]:
    return field(name, "nominal", title=title)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The frame's rows as JSON values, the way Vega-Lite reads inline data: times as ISO text,
    missing values as null, numbers as Python numbers. Column by column (a few ms for a trend's
    rows; going through pandas cell by cell took ten times as long)."""
    columns: dict[str, list[Any]] = {}
    for name, column in frame.items():
        if pd.api.types.is_datetime64_any_dtype(column):
            # Each distinct time written once: the rows of a chart repeat a few weeks.
            codes, times = pd.factorize(column)
            texts = times.strftime("%Y-%m-%dT%H:%M:%S").tolist()
            values = [texts[code] if code >= 0 else None for code in codes]
        else:
            values = column.tolist()
        if column.hasnans:
            values = [None if missing else value
                      for value, missing in zip(values, column.isna().tolist(), strict=True)]
        columns[str(name)] = values
    names = list(columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def layer(name: str, data: str | None, mark: dict[str, Any], encoding: dict[str, Any],
          **properties: Any) -> Spec:
    """One named layer drawing the dataset `data` of its chart (None: its parent's data)."""
    spec = {"name": name, "mark": mark, "encoding": encoding, **properties}
    if data is not None:
        spec["data"] = {"name": data}
    return spec
