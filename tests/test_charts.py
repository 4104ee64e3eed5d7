"""Chart specs, checked against the Vega-Lite schema: through `to_dict()` for the charts Altair
puts together, explicitly (`valid`) for the trend, which is written as a dict."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from belangen import analytics, charts, worksheet
from belangen.store import Store
from belangen.texts import TEXTS, t
from tests.test_analytics import actions_frame, baseline_frame, history_frame, week

DIMENSION_KEYS = list(worksheet.DIMENSION_KEYS)


def valid(spec: dict[str, Any]) -> dict[str, Any]:
    """`spec`, once it has passed the Vega-Lite schema (and JSON, as Streamlit sends it)."""
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema.core import load_schema

    validate_jsonschema(json.loads(json.dumps(spec)), load_schema())
    return spec


def layers(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {layer["name"]: layer for layer in spec["layer"] if "name" in layer}


def rows(spec: dict[str, Any], layer: dict[str, Any]) -> list[dict[str, Any]]:
    """The data rows a layer draws, wherever Altair put them."""
    data = layer.get("data") or spec.get("data")
    if "values" in data:
        return data["values"]
    return spec["datasets"][data["name"]]


def tooltip_fields(layer: dict[str, Any]) -> list[str]:
    return [item["field"] for item in layer["encoding"].get("tooltip", [])]


def one_stakeholder() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Worksheet in W0; follow-ups in W1, W2 and W4 (W3 not logged); three actions."""
    name = (1, "Ans")
    baseline = baseline_frame([(*name, 0, key, 2) for key in DIMENSION_KEYS])
    baseline["target"] = [4, None, 3, None]  # genuine_interest 4, conversation 3
    history = history_frame(
        [
            (*name, n, key, rating)
            for n, rating in ((1, 2), (2, 3), (4, 4))
            for key in DIMENSION_KEYS
        ]
    )
    history.loc[(history["week"] == week(2)), "their_value_rating"] = 5
    actions = actions_frame(
        [(*name, "value", 2), (*name, "conversation", 2), (*name, "interests", 4)]
    )
    actions["outcome"] = ["Ze was verrast", "", "Twee nieuwe belangen"]
    return history, baseline, actions


@pytest.fixture(params=["nl", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def trend(lang: str) -> dict[str, Any]:
    return valid(charts.stakeholder_trend(*one_stakeholder(), lang))


# --- One stakeholder's trend -------------------------------------------------------------------


def test_trend_has_every_layer(trend: dict[str, Any]) -> None:
    assert list(layers(trend)) == [
        charts.TARGET_LAYER,
        charts.START_LAYER,
        charts.LINE_LAYER,
        charts.ACTION_RULE_LAYER,
        charts.WORKSHEET_LAYER,
        charts.FOLLOW_UP_LAYER,
        charts.THEIR_VIEW_LAYER,
        charts.ACTION_LAYER,
    ]


def test_trend_rating_axis_is_fixed_to_one_to_five(trend: dict[str, Any]) -> None:
    rated = [layer for layer in trend["layer"] if layer["encoding"].get("y", {}).get("field")]
    assert len(rated) >= 5
    for layer in rated:
        assert layer["encoding"]["y"]["scale"]["domain"] == [1, 5], layer["name"]
        assert layer["encoding"]["y"]["axis"]["values"] == [1, 2, 3, 4, 5]


def test_trend_colours_are_the_worksheet_colours(trend: dict[str, Any], lang: str) -> None:
    coloured = [
        layer
        for layer in trend["layer"]
        if layer["encoding"].get("color", {}).get("field") == "dimension"
    ]
    assert {layer["name"] for layer in coloured} >= {
        charts.LINE_LAYER,
        charts.FOLLOW_UP_LAYER,
        charts.WORKSHEET_LAYER,
    }
    for layer in coloured:
        scale = layer["encoding"]["color"]["scale"]
        assert scale["domain"] == [row.short_name(lang) for row in worksheet.DIMENSIONS]
        assert scale["range"] == ["#005787", "#D55E00", "#008863", "#C0729D"]


def test_one_follow_up_point_per_dimension_per_logged_week(trend: dict[str, Any]) -> None:
    points = rows(trend, layers(trend)[charts.FOLLOW_UP_LAYER])
    assert len(points) == 3 * 4
    assert sorted({point["week_label"] for point in points}) == [
        "week 42",
        "week 43",
        "week 45",
    ]
    assert all(point["rating"] is not None for point in points)
    # Each point's tooltip carries that week's reflection.
    assert "reflection" in tooltip_fields(layers(trend)[charts.FOLLOW_UP_LAYER])
    assert {point["reflection"] for point in points} == {"week 1", "week 2", "week 4"}


def test_unlogged_week_is_a_gap_in_the_lines(trend: dict[str, Any]) -> None:
    line_layer = layers(trend)[charts.LINE_LAYER]
    assert line_layer["mark"]["invalid"] == "break-paths-show-domains"
    lines = rows(trend, line_layer)
    gaps = [row for row in lines if row["rating"] is None]
    assert len(gaps) == 4  # W3 for each dimension
    assert {row["week"][:10] for row in gaps} == {"2026-10-26"}
    # The gap is never drawn as a point.
    points = rows(trend, layers(trend)[charts.FOLLOW_UP_LAYER])
    assert not any(point["week_label"] == "week 44" for point in points)


def test_worksheet_start_is_its_own_mark_joined_to_the_first_follow_up(
    trend: dict[str, Any],
) -> None:
    worksheet_layer = layers(trend)[charts.WORKSHEET_LAYER]
    assert worksheet_layer["mark"]["shape"] == "diamond"
    assert worksheet_layer["mark"]["filled"] is False
    assert len(rows(trend, worksheet_layer)) == 4
    start = rows(trend, layers(trend)[charts.START_LAYER])
    assert sorted(row["week"][:10] for row in start) == ["2026-10-05"] * 4 + ["2026-10-12"] * 4


def test_actions_are_marked_in_their_rows_colour_with_a_tooltip(
    trend: dict[str, Any], lang: str
) -> None:
    action_layer = layers(trend)[charts.ACTION_LAYER]
    assert set(tooltip_fields(action_layer)) >= {"text", "row", "outcome"}
    assert action_layer["encoding"]["color"] == {
        "field": "colour",
        "scale": None,
        "type": "nominal",
    }
    markers = rows(trend, action_layer)
    assert [(m["text"], m["colour"], m["week_label"]) for m in markers] == [
        ("action 1", worksheet.VALUE.colour, "week 43"),
        ("action 2", worksheet.CONVERSATION.colour, "week 43"),
        ("action 3", worksheet.INTERESTS.colour, "week 45"),
    ]
    assert markers[0]["row"] == f"3 · {worksheet.VALUE.short_name(lang)}"
    assert markers[0]["outcome"] == "Ze was verrast"
    # Two rows acted on in one week sit side by side, not on top of each other.
    assert markers[0]["x_offset"] != markers[1]["x_offset"]


def test_targets_and_their_view_show_only_where_set(trend: dict[str, Any], lang: str) -> None:
    targets = rows(trend, layers(trend)[charts.TARGET_LAYER])
    assert sorted((row["dimension"], row["target"]) for row in targets) == sorted(
        [
            (worksheet.GENUINE_INTEREST.short_name(lang), 4),
            (worksheet.CONVERSATION.short_name(lang), 3),
        ]
    )
    their_view = rows(trend, layers(trend)[charts.THEIR_VIEW_LAYER])
    assert [(row["week_label"], row["rating"]) for row in their_view] == [("week 43", 5)]
    assert layers(trend)[charts.THEIR_VIEW_LAYER]["mark"]["color"] == worksheet.VALUE.colour


def test_clicking_the_legend_highlights_a_dimension(trend: dict[str, Any]) -> None:
    (param,) = [p for p in trend["params"] if p["name"] == charts.HIGHLIGHT]
    assert param["select"] == {"type": "point", "fields": ["dimension"]}
    assert param["bind"] == "legend"
    for name in (charts.LINE_LAYER, charts.FOLLOW_UP_LAYER):
        opacity = layers(trend)[name]["encoding"]["opacity"]
        assert opacity["condition"][0]["param"] == charts.HIGHLIGHT


SHIFTED_TREND_LAYERS = (
    charts.TARGET_LAYER,
    charts.START_LAYER,
    charts.LINE_LAYER,
    charts.WORKSHEET_LAYER,
    charts.FOLLOW_UP_LAYER,
)


def test_equal_ratings_are_drawn_apart_but_keep_their_true_value(
    trend: dict[str, Any], lang: str
) -> None:
    # In one_stakeholder all four dimensions have the same rating every week: unshifted, the
    # last one drawn would hide the other three.
    for name in SHIFTED_TREND_LAYERS:
        layer = layers(trend)[name]
        assert layer["mark"]["yOffset"] == {"expr": "datum.y_shift"}, name
        assert layer["encoding"]["y"]["scale"]["domain"] == [1, 5], name
    points = rows(trend, layers(trend)[charts.FOLLOW_UP_LAYER])
    week_two = {point["dimension"]: point for point in points if point["week_label"] == "week 43"}
    names = [row.short_name(lang) for row in worksheet.DIMENSIONS]
    shifts = [week_two[name]["y_shift"] for name in names]
    # Worksheet order from bottom (pixels grow downwards) to top, a fixed gap apart.
    assert shifts == [1.5 * charts.TREND_SPREAD_PX, 0.5 * charts.TREND_SPREAD_PX,
                      -0.5 * charts.TREND_SPREAD_PX, -1.5 * charts.TREND_SPREAD_PX]
    # The value and the tooltip stay the truth.
    assert {week_two[name]["rating"] for name in names} == {3}
    assert all(week_two[name]["rating_label"].startswith("3 · ") for name in names)
    assert "rating_label" in tooltip_fields(layers(trend)[charts.FOLLOW_UP_LAYER])
    # Lines, dashed starts, diamonds and targets move with their points.
    for name in (charts.LINE_LAYER, charts.START_LAYER, charts.WORKSHEET_LAYER):
        for row in rows(trend, layers(trend)[name]):
            assert row["y_shift"] == shifts[names.index(row["dimension"])], name


def test_trend_texts_follow_the_language(trend: dict[str, Any], lang: str) -> None:
    assert trend["title"]["text"] == t("chart.trend_title", lang, name="Ans")
    assert trend["layer"][0]["encoding"]["y"]["axis"]["title"] == t("chart.rating", lang)
    label = rows(trend, layers(trend)[charts.FOLLOW_UP_LAYER])[0]["rating_label"]
    assert label.startswith("2 · ")
    assert label.endswith(worksheet.GENUINE_INTEREST.rating_label(2, lang))


def test_trend_fetches_nothing_from_the_internet(trend: dict[str, Any]) -> None:
    text = json.dumps({key: value for key, value in trend.items() if key != "$schema"})
    assert "http" not in text
    assert "url" not in json.dumps(trend.get("data", {}))


def test_trend_refuses_two_stakeholders() -> None:
    history, baseline, actions = one_stakeholder()
    other = history.assign(stakeholder_id=2, stakeholder="Bob")
    with pytest.raises(ValueError):
        charts.stakeholder_trend(pd.concat([history, other]), baseline, actions, "nl")


def test_trend_without_follow_ups_shows_the_worksheet_only() -> None:
    _, baseline, _ = one_stakeholder()
    spec = valid(charts.stakeholder_trend(history_frame([]), baseline, actions_frame([]), "nl"))
    assert rows(spec, layers(spec)[charts.FOLLOW_UP_LAYER]) == []
    assert len(rows(spec, layers(spec)[charts.WORKSHEET_LAYER])) == 4


# --- The project at a glance -------------------------------------------------------------------


def project() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    history, baseline, actions = one_stakeholder()
    bob = (2, "Bob")
    baseline = pd.concat(
        [baseline, baseline_frame([(*bob, 0, key, 3) for key in DIMENSION_KEYS])],
        ignore_index=True,
    )
    history = pd.concat(
        [
            history,
            history_frame(
                [
                    (*bob, 1, "value", 4),
                    (*bob, 1, "negotiation", 2),
                    (*bob, 1, "genuine_interest", 3),
                ]
            ),
        ],
        ignore_index=True,
    )
    return history, baseline, actions


def test_small_multiples_split_one_data_set_per_stakeholder(lang: str) -> None:
    history, baseline, _ = project()
    spec = valid(charts.project_small_multiples(history, baseline, lang))
    assert spec["facet"]["field"] == "stakeholder"
    assert spec["facet"]["sort"] == ["Ans", "Bob"]
    inner = spec["spec"]["layer"]
    # An inner spec with data of its own would show every stakeholder in every panel.
    assert "data" not in spec["spec"]
    assert all("data" not in layer for layer in inner)
    assert "data" in spec
    names = [layer["name"] for layer in inner]
    assert charts.FOLLOW_UP_LAYER in names
    for layer in inner:
        assert layer["encoding"]["y"]["scale"]["domain"] == [1, 5]
        assert layer["encoding"]["color"]["scale"]["range"] == charts.dimension_colours()
    points = [row for row in rows(spec, spec) if row["kind"] == "point"]
    assert len(points) == 3 * 4 + 3
    # Equal ratings (Ans has four equal ones each week) sit a few pixels apart in every panel.
    for layer in inner:
        assert layer["mark"]["yOffset"] == {"expr": "datum.y_shift"}, layer["name"]
    shifts = charts.dimension_shifts(lang, charts.PANEL_SPREAD_PX)
    assert len(set(shifts.values())) == 4
    assert all(row["y_shift"] == shifts[row["dimension"]] for row in rows(spec, spec))


def kinds_kept(layer: dict[str, Any]) -> set[str]:
    """The row kinds a layer's filter (`datum.kind === '…' || …`) lets through."""
    (step,) = layer["transform"]
    return set(re.findall(r"datum\.kind === '(\w+)'", step["filter"]))


def test_small_multiples_send_each_follow_up_once_for_line_and_points(lang: str) -> None:
    # The browser decodes and runs every row through the chart's dataflow: the line and the
    # points read the same rows, so a follow-up's rating is sent once, not once per mark.
    history, baseline, _ = project()
    spec = valid(charts.project_small_multiples(history, baseline, lang))
    follow_up_rows = [row for row in rows(spec, spec)
                      if row["kind"] not in ("worksheet", "start") and row["rating"] is not None]
    assert len(follow_up_rows) == len(history)
    assert all(row["kind"] == "point" for row in follow_up_rows)
    layer_of = {layer["name"]: layer for layer in spec["spec"]["layer"]}
    assert kinds_kept(layer_of[charts.LINE_LAYER]) == {"point", "gap"}
    assert kinds_kept(layer_of[charts.FOLLOW_UP_LAYER]) == {"point"}
    # Ans logged nothing in W3: one empty row per dimension breaks her line there.
    gaps = [row for row in rows(spec, spec) if row["kind"] == "gap"]
    assert {row["stakeholder"] for row in gaps} == {"Ans"}
    assert len(gaps) == len(DIMENSION_KEYS)
    assert all(row["rating"] is None for row in gaps)


def test_heatmap_shows_latest_rating_and_signed_change(lang: str) -> None:
    history, baseline, _ = project()
    latest = analytics.latest_vs_baseline(history, baseline)
    spec = charts.latest_heatmap(latest, lang).to_dict()
    cells = {
        (row["stakeholder"], row["dimension"]): row["text"]
        for row in rows(spec, layers(spec)["labels"])
    }
    value = worksheet.VALUE.short_name(lang)
    conversation = worksheet.CONVERSATION.short_name(lang)
    negotiation = worksheet.NEGOTIATION.short_name(lang)
    assert cells[("Ans", value)] == "4 (+2)"
    assert cells[("Bob", value)] == "4 (+1)"
    assert cells[("Bob", negotiation)] == "2 (\u22121)"
    assert cells[("Bob", conversation)] == "3 (±0)"  # no follow-up: the worksheet rating
    colour = layers(spec)["cells"]["encoding"]["color"]
    assert colour["field"] == "latest_rating"
    assert colour["scale"] == {"domain": [1, 2, 3, 4, 5], "scheme": "viridis"}
    x = layers(spec)["cells"]["encoding"]["x"]
    assert x["sort"] == [row.short_name(lang) for row in worksheet.DIMENSIONS]


def test_heatmap_accepts_the_stores_latest_ratings_frame() -> None:
    # Store.latest_ratings: float ratings, a role column, and stakeholders without ratings as
    # one row with null dimension.
    latest = pd.DataFrame(
        {
            "stakeholder_id": [1, 1, 2],
            "stakeholder": ["Ans", "Ans", "Bob"],
            "role": ["", "", ""],
            "dimension": ["value", "negotiation", None],
            "baseline_rating": [2.0, 3.0, None],
            "latest_rating": [4.0, 3.0, None],
            "latest_week": [pd.Timestamp("2026-10-12"), pd.NaT, pd.NaT],
            "change": [2.0, 0.0, None],
        }
    )
    spec = charts.latest_heatmap(latest, "nl").to_dict()
    assert sorted(row["text"] for row in rows(spec, layers(spec)["labels"])) == [
        "3 (±0)",
        "4 (+2)",
    ]
    charts.position_grid(latest, "nl").to_dict()


def test_what_worked_chart_shows_both_bars_and_case_counts(lang: str) -> None:
    history, baseline, actions = one_stakeholder()
    effects = analytics.what_worked(history, baseline, actions)
    spec = charts.what_worked_chart(effects, lang).to_dict()
    bars = rows(spec, layers(spec)["bars"])
    assert len(bars) == 8
    kinds = {row["kind"] for row in bars}
    assert kinds == {t("chart.with_action", lang), t("chart.without_action", lang)}
    value_with = next(
        row
        for row in bars
        if row["dimension"] == worksheet.VALUE.short_name(lang)
        and row["kind"] == t("chart.with_action", lang)
    )
    # W2 action: W4 (4) - W1 (2) = +2, one case.
    assert (value_with["change"], value_with["cases"], value_with["cases_label"]) == (
        2.0,
        1,
        "n = 1",
    )
    interest_with = next(
        row
        for row in bars
        if row["dimension"] == worksheet.GENUINE_INTEREST.short_name(lang)
        and row["kind"] == t("chart.with_action", lang)
    )
    assert interest_with["change"] is None and interest_with["cases_label"] == "n = 0"
    assert layers(spec)["bars"]["encoding"]["xOffset"]["field"] == "kind"
    assert spec["title"]["text"] == t("chart.what_worked_title", lang)


# --- The contract with the store ---------------------------------------------------------------


def test_trend_from_the_real_store(tmp_path: Path) -> None:
    now = dt.datetime(2026, 10, 22, 12, 0)
    db = Store(tmp_path / "x.duckdb", now=lambda: now)
    try:
        project_id = db.create_project("Plein", start_date=dt.date(2026, 9, 7))
        stakeholder_id = db.create_stakeholder(project_id, "Wethouder Jansen")
        for row in worksheet.DIMENSIONS:
            db.save_worksheet_entry(stakeholder_id, row.key, reflection="start", rating=2, target=4)
        action_id = db.add_action(stakeholder_id, worksheet.VALUE.key, "Evaluatie plannen")
        ratings = dict.fromkeys(worksheet.DIMENSION_KEYS, 3)
        db.save_follow_up(stakeholder_id, dt.date(2026, 10, 19), ratings=ratings)
        db.save_follow_up(  # a backfill, saved after a later week
            stakeholder_id,
            dt.date(2026, 10, 5),
            ratings=ratings,
            reflection="Eerste gesprek",
            actions_done={action_id: "Ze was verrast"},
            their_value_rating=4,
        )
        db.save_follow_up(stakeholder_id, dt.date(2026, 10, 19), ratings=ratings)  # again
        history = db.rating_history(project_id, stakeholder_id)
        baseline = db.worksheet_baseline(project_id, stakeholder_id)
        actions = db.actions_done(project_id, stakeholder_id)
    finally:
        db.close()

    spec = valid(charts.stakeholder_trend(history, baseline, actions, "nl"))
    points = rows(spec, layers(spec)[charts.FOLLOW_UP_LAYER])
    assert len(points) == 2 * 4  # two logged weeks; the re-saved week counts once
    (marker,) = rows(spec, layers(spec)[charts.ACTION_LAYER])
    assert (marker["text"], marker["week_label"], marker["outcome"]) == (
        "Evaluatie plannen",
        "week 41",
        "Ze was verrast",
    )
    lines = rows(spec, layers(spec)[charts.LINE_LAYER])
    assert sum(row["rating"] is None for row in lines) == 4  # W42 not logged
    assert len(rows(spec, layers(spec)[charts.TARGET_LAYER])) == 4
    assert rows(spec, layers(spec)[charts.THEIR_VIEW_LAYER])[0]["rating"] == 4


# --- Narrow screens, headings and wording ------------------------------------------------------


def test_page_headed_charts_drop_their_own_title(lang: str) -> None:
    history, baseline, actions = project()
    latest = analytics.latest_vs_baseline(history, baseline)
    effects = analytics.what_worked(history, baseline, actions)
    untitled = {
        "heatmap": charts.latest_heatmap(latest, lang, titled=False).to_dict(),
        "small multiples": valid(charts.project_small_multiples(history, baseline, lang,
                                                                titled=False)),
        "what worked": charts.what_worked_chart(effects, lang, titled=False).to_dict(),
    }
    untitled["positions"] = charts.position_grid(latest, lang, titled=False).to_dict()
    for name, spec in untitled.items():
        assert "title" not in spec, name
    titled = charts.position_grid(latest, lang).to_dict()
    assert titled["title"]["text"] == t("chart.position_title", lang)


def test_small_multiples_take_the_pages_columns_and_panel_width(lang: str) -> None:
    history, baseline, _ = project()
    spec = valid(charts.project_small_multiples(
        history, baseline, lang, columns=2, panel_width=130
    ))
    assert spec["columns"] == 2
    assert spec["spec"]["width"] == 130
    assert spec["facet"]["header"]["labelLimit"] == 130
    # Never more columns than stakeholders: two people do not leave an empty third slot.
    assert valid(charts.project_small_multiples(history, baseline, lang))["columns"] == 2


def grid_cells(spec: dict[str, Any]) -> dict[tuple[int, int], dict[str, Any]]:
    cells = rows(spec, layers(spec)["cells"])
    return {(cell["value"], cell["negotiation"]): cell for cell in cells}


def test_the_grid_counts_and_names_who_stands_where_with_their_movement(lang: str) -> None:
    history, baseline, _ = project()
    spec = charts.position_grid(analytics.latest_vs_baseline(history, baseline), lang).to_dict()
    cells = grid_cells(spec)
    assert len(cells) == 25, "every cell of the 5 × 5 grid, empty ones too"
    assert {spot: cell["count"] for spot, cell in cells.items() if cell["count"]} == {
        (4, 4): 1, (4, 2): 1}
    assert cells[(4, 4)]["names_text"] == "Ans"
    # Ans moved from 2/2 (the worksheet) to 4/4: the tooltip says so.
    assert cells[(4, 4)]["everyone"] == "Ans: 2 → 4 / 2 → 4"
    assert cells[(1, 1)]["count_text"] == "" and cells[(1, 1)]["names_text"] == ""
    x = layers(spec)["cells"]["encoding"]["x"]
    assert x["axis"]["title"] == t("chart.value_axis", lang)


def test_a_crowded_cell_names_three_and_counts_everyone(lang: str) -> None:
    people = [(1, "Ans"), (2, "Bob"), (3, "Cor"), (4, "Dirk"), (5, "Eva"), (6, "Fenna")]
    latest = pd.DataFrame(
        [(sid, name, key, 3, 4 if sid < 6 else 2, week(1), 0)
         for sid, name in people for key in ("value", "negotiation")],
        columns=analytics.LATEST_COLUMNS,
    )
    spec = charts.position_grid(latest, lang).to_dict()
    crowded = grid_cells(spec)[(4, 4)]
    assert crowded["count"] == 5 and crowded["count_text"] == "5"
    assert crowded["names_text"] == "Ans, Bob, Cor " + t("chart.more_here", lang, count=2)
    assert crowded["everyone"].count(";") == 4, "the tooltip names all five"
    assert grid_cells(spec)[(2, 2)]["names_text"] == "Fenna"
    assert "limit" in layers(spec)["names"]["mark"]  # long names end in '…' within the cell


def test_the_grid_axes_show_bare_numbers_on_a_narrow_screen() -> None:
    history, baseline, _ = project()
    spec = charts.position_grid(analytics.latest_vs_baseline(history, baseline), "nl").to_dict()
    for channel in ("x", "y"):
        axis = layers(spec)["cells"]["encoding"][channel]["axis"]
        # The screen's width, not the plot's: a plot-width rule feeds back into the layout.
        assert axis["labelExpr"].startswith(charts.NARROW + " ? datum.label : ")


def test_chart_texts_say_waardering_like_the_screens() -> None:
    dutch = {key: value[0] for key, value in TEXTS.items() if key.startswith("chart.")}
    assert dutch["chart.rating"] == "Waardering"
    assert dutch["chart.latest_rating"] == "Laatste waardering"
    assert not [key for key, text in dutch.items() if "beoordel" in text.lower()]


def test_weeks_read_as_the_app_writes_them_with_the_year_once_it_is_another(lang: str) -> None:
    """Tooltips and axis say 'week 42'; seen from the next year, 'week 42 van 2026'."""
    next_year = charts.stakeholder_trend(*one_stakeholder(), lang,
                                         today=dt.date(2027, 1, 6))
    points = rows(next_year, layers(next_year)[charts.FOLLOW_UP_LAYER])
    of = {"nl": "van", "en": "of"}[lang]
    assert sorted({point["week_label"] for point in points}) == [
        f"week 42 {of} 2026", f"week 43 {of} 2026", f"week 45 {of} 2026"]
    axis = layers(next_year)[charts.FOLLOW_UP_LAYER]["encoding"]["x"]["axis"]
    assert "format" not in axis  # no d3 'W%V' format left
    assert axis["labelExpr"] == (
        "timeFormat(datum.value, '%G') == '2027' ? "
        "'week ' + toNumber(timeFormat(datum.value, '%V')) + '' : "
        f"'week ' + toNumber(timeFormat(datum.value, '%V')) + ' {of} ' + "
        "timeFormat(datum.value, '%G') + ''")


def test_what_worked_writes_decimals_as_the_language_does(lang: str) -> None:
    history, baseline, actions = one_stakeholder()
    spec = charts.what_worked_chart(analytics.what_worked(history, baseline, actions),
                                    lang).to_dict()
    labels = {row["change_label"] for data in spec["datasets"].values() for row in data
              if "change_label" in row} - {"—"}
    separator = {"nl": ",", "en": "."}[lang]
    assert labels and all(separator in label for label in labels), labels
    bars = next(layer for layer in spec["layer"] if layer.get("name") == "bars")
    assert f"'{separator}')" in bars["encoding"]["y"]["axis"]["labelExpr"]


def test_week_labels_stay_within_their_panel(lang: str) -> None:
    """Small multiples side by side: the last week label of one panel ran into the first of the
    next ('week 49week 49 van 2023', seen at L over all weeks). Every week axis keeps its end
    labels flush with its ends, over more than the scale's padding."""
    history, baseline, actions = one_stakeholder()
    many, start, _ = project()
    specs = [charts.stakeholder_trend(history, baseline, actions, lang),
             valid(charts.project_small_multiples(many, start, lang))]
    for spec in specs:
        inner = spec.get("spec", spec)
        axes = [layer["encoding"]["x"] for layer in inner["layer"]
                if layer.get("encoding", {}).get("x", {}).get("type") == "temporal"]
        assert axes
        for x in axes:
            assert x["axis"]["labelFlush"] > x["scale"]["padding"], x
