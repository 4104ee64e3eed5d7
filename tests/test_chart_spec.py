"""The pieces the trend's spec is written with (`belangen.charts.spec`): rows as Vega-Lite reads
them, whatever pandas holds."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from belangen.charts import spec


def test_rows_hold_json_values_with_missing_ones_as_null() -> None:
    frame = pd.DataFrame({
        "week": pd.to_datetime(["2026-11-30", None]),
        "rating": pd.array([3, None], dtype="Int64"),
        "shift": np.array([2.0, np.nan]),
        "count": np.array([1, 2], dtype="int64"),
        "text": ["<b>vet</b>", None],
    }, index=[7, 3])
    rows = spec.records(frame)
    assert rows == [
        {"week": "2026-11-30T00:00:00", "rating": 3, "shift": 2.0, "count": 1,
         "text": "<b>vet</b>"},
        {"week": None, "rating": None, "shift": None, "count": 2, "text": None},
    ]
    assert [type(row["count"]) for row in rows] == [int, int]  # not numpy's
    assert json.loads(json.dumps(rows, allow_nan=False)) == rows


def test_an_empty_frame_has_no_rows() -> None:
    assert spec.records(pd.DataFrame({"week": pd.Series(dtype="datetime64[us]")})) == []
