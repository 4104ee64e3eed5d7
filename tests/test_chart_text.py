"""Charts people can read without seeing or hovering: a text alternative in the user's language
instead of Vega's English ARIA texts, the data 'als tabel', the reflections as a list, colours
with enough contrast that stay apart for colour-blind eyes, and a Dutch number locale."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import tomllib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from belangen import analytics, charts, domain, screens, ui, worksheet
from belangen.charts import scales, words
from belangen.store import Store
from belangen.texts import t, t_count
from tests.apptest import run_app
from tests.factories import filled_stakeholder
from tests.test_charts import one_stakeholder, project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(params=["nl", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return request.param


def every_chart(lang: str) -> dict[str, dict[str, Any]]:
    history, baseline, actions = project()
    latest = analytics.latest_vs_baseline(history, baseline)
    effects = analytics.what_worked(history, baseline, actions)
    trend = one_stakeholder()
    return {
        "trend": charts.stakeholder_trend(*trend, lang),
        "small multiples": charts.project_small_multiples(history, baseline, lang),
        "heatmap": charts.latest_heatmap(latest, lang).to_dict(),
        "positions": charts.position_grid(latest, lang).to_dict(),
        "what worked": charts.what_worked_chart(effects, lang).to_dict(),
    }


# --- WCAG contrast and colour-vision deficiencies ------------------------------------------------


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour '#RRGGBB'."""
    red, green, blue = (_linear(channel) for channel in _rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_function_gives_wcags_known_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#E69F00", "#FAFAF7") == pytest.approx(2.15, abs=0.01)  # the 2.2:1


def test_the_background_is_the_themes() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["theme"]["backgroundColor"].upper() == scales.BACKGROUND.upper()


def test_every_line_and_mark_colour_has_3_to_1_against_the_background() -> None:
    ratios = {row.key: round(contrast(row.colour, scales.BACKGROUND), 2)
              for row in worksheet.DIMENSIONS}
    assert all(ratio >= 3.0 for ratio in ratios.values()), ratios
    assert scales.dimension_colours() == [row.colour for row in worksheet.DIMENSIONS]


def test_faded_bars_keep_their_outline_in_full_colour() -> None:
    """'Zonder actie' bars are faded (opacity 0.35, with its legend); an outline at full colour
    over every bar keeps it 3:1 against the background."""
    history, baseline, actions = project()
    spec = charts.what_worked_chart(analytics.what_worked(history, baseline, actions),
                                    "nl").to_dict()
    named = {layer.get("name"): layer for layer in spec["layer"]}
    assert named["bars"]["encoding"]["opacity"]["scale"]["range"] == [1.0, 0.35]
    outlines = named["outlines"]
    assert outlines["mark"]["filled"] is False
    assert "opacity" not in outlines["encoding"] and "opacity" not in outlines["mark"]
    assert outlines["encoding"]["stroke"]["field"] == "colour"
    assert outlines["encoding"]["y"]["field"] == named["bars"]["encoding"]["y"]["field"]


def test_every_chart_text_colour_has_4_5_to_1_against_the_background() -> None:
    for name in ("INK", "AXIS_TEXT", "TITLE_TEXT"):
        ratio = contrast(getattr(scales, name), scales.BACKGROUND)
        assert ratio >= 4.5, (name, round(ratio, 2))
    # The heatmap's and the grid's text on the cells they are drawn on.
    assert contrast(scales.INK, scales.GRID_FILL[1]) >= 4.5


# Machado, Oliveira & Fernandes (2009), severity 1: linear-RGB simulation matrices.
DEFICIENCIES = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")  # the palette before issue 14


def _lab(colour: str, deficiency: str | None) -> tuple[float, float, float]:
    rgb = [_linear(channel) for channel in _rgb(colour)]
    if deficiency is not None:
        rgb = [min(1.0, max(0.0, sum(weight * value for weight, value in zip(row, rgb,
                                                                            strict=True))))
               for row in DEFICIENCIES[deficiency]]
    red, green, blue = rgb
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(value: float) -> float:
        return value ** (1 / 3) if value > 0.008856 else 7.787 * value + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def closest_pair(palette: tuple[str, ...] | list[str], deficiency: str | None) -> float:
    """The smallest CIE76 colour difference between two of the colours, as seen with it."""
    seen = [_lab(colour, deficiency) for colour in palette]
    return min(math.dist(one, other) for one, other in itertools.combinations(seen, 2))


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_the_four_dimensions_stay_apart_for_colour_blind_eyes(deficiency: str | None) -> None:
    palette = scales.dimension_colours()
    assert closest_pair(palette, deficiency) >= (40 if deficiency is None else 15)


def test_the_closest_two_dimensions_are_no_closer_than_okabe_itos() -> None:
    """The worst case over the three deficiencies, against the Okabe-Ito colours replaced."""
    def worst(palette: tuple[str, ...] | list[str]) -> float:
        return min(closest_pair(palette, deficiency) for deficiency in DEFICIENCIES)

    assert worst(scales.dimension_colours()) >= worst(OKABE_ITO)


# --- the specs: text alternative, ARIA, colours, locale -------------------------------------------


def test_every_chart_describes_itself_in_the_users_language(lang: str) -> None:
    other = "en" if lang == "nl" else "nl"
    for name, spec in every_chart(lang).items():
        description = spec.get("description", "")
        assert len(description) > 40, name
        # Words of the chart in this language, none of the other's.
        if name == "trend":
            assert description.startswith(t("chart.describe_trend", lang, name="Ans",
                                             weeks="", first="", last="").split(" ")[0])
            assert t_count("chart.describe_weeks", 5, lang) in description
            assert t("chart.describe_trend", other, name="", weeks="", first="",
                     last="")[:20] not in description


def test_the_trend_says_its_weeks_and_latest_ratings_in_words(lang: str) -> None:
    description = charts.stakeholder_trend(*one_stakeholder(), lang)["description"]
    first, last = (words.week_text(day, lang) for day in (
        pd.Timestamp(one_stakeholder()[1]["week"].min()),
        pd.Timestamp(one_stakeholder()[0]["week"].max())))
    ratings = ", ".join(f"{row.short_name(lang)} 4" for row in worksheet.DIMENSIONS)
    assert description == " ".join([
        t("chart.describe_trend", lang, name="Ans",
          weeks=t_count("chart.describe_weeks", 5, lang), first=first, last=last),
        t("chart.describe_latest_follow_up", lang, week=last, ratings=ratings),
        f"{t('chart.target', lang)}: {worksheet.GENUINE_INTEREST.short_name(lang)} 4, "
        f"{worksheet.CONVERSATION.short_name(lang)} 3.",
        t_count("chart.describe_actions", 3, lang),
    ])


def test_the_small_multiples_say_each_persons_latest_ratings(lang: str) -> None:
    """Seen at L: 'Yara Jansen, laatste weekcheck week 49: ;' for every panel, the ratings
    lost because the chart had renamed the dimensions before describing them."""
    description = every_chart(lang)["small multiples"]["description"]
    name = {row.key: row.short_name(lang) for row in worksheet.DIMENSIONS}
    ans = ", ".join(f"{name[key]} 4" for key in name)
    bob = f"{name['genuine_interest']} 3, {name['value']} 4, {name['negotiation']} 2"
    people = description.split(". ", 1)[1].rstrip(".").split("; ")
    assert [person.split(", ", 1)[0] for person in people] == ["Ans", "Bob"]
    assert [person.split(": ", 1)[1] for person in people] == [ans, bob]


def test_dutch_descriptions_read_dutch() -> None:
    specs = every_chart("nl")
    assert specs["trend"]["description"].startswith("Lijngrafiek van de vier waarderingen van Ans")
    assert "Kleine lijngrafieken van 2 stakeholders" in specs["small multiples"]["description"]
    assert "Kleurkaart van de laatste waardering" in specs["heatmap"]["description"]
    assert "Raster van waarde voor hen" in specs["positions"]["description"]
    assert specs["what worked"]["description"].startswith("Staafdiagram")
    for spec in specs.values():
        for english in ("Line chart", "axis", "week:", "rating:", "mark"):
            assert english not in spec["description"], english


def test_vegas_english_aria_texts_are_off(lang: str) -> None:
    for name, spec in every_chart(lang).items():
        config = spec["config"]
        assert config["aria"] is False, name
        assert config["mark"]["aria"] is False, name  # else "line mark container" per layer
        if "title" in spec:
            assert spec["title"]["aria"] is False, name  # else "Title text '…'"


def test_axis_legend_and_title_text_use_the_palettes_dark_greys(lang: str) -> None:
    for name, spec in every_chart(lang).items():
        config = spec["config"]
        for part in ("axis", "legend"):
            assert config[part]["labelColor"] == scales.AXIS_TEXT, (name, part)
            assert config[part]["titleColor"] == scales.AXIS_TEXT, (name, part)
        assert config["title"]["color"] == scales.TITLE_TEXT


def test_legend_symbols_keep_the_palettes_full_colour(lang: str) -> None:
    """Vega's default draws legend symbols at 70 % opacity: the pink of 'Onderhandeling' then
    falls below 3:1 against the background."""
    for name, spec in every_chart(lang).items():
        assert spec["config"]["legend"]["symbolOpacity"] == 1, name


def test_dutch_charts_use_a_decimal_comma_and_dutch_month_names() -> None:
    for name, spec in every_chart("nl").items():
        locale = spec["config"]["locale"]
        assert locale["number"]["decimal"] == ",", name
        assert locale["number"]["thousands"] == ".", name
        assert locale["time"]["months"][2] == "maart"
        assert locale["time"]["shortMonths"][2] == "mrt"
        assert locale["time"]["shortDays"][1] == "ma"
    english = every_chart("en")["trend"]["config"]["locale"]
    assert english["number"]["decimal"] == "."
    assert english["time"]["months"][2] == "March"


def test_the_specs_stay_valid_and_offline(lang: str) -> None:
    for name, spec in every_chart(lang).items():  # to_dict() validated each against the schema
        text = json.dumps({key: value for key, value in spec.items() if key != "$schema"})
        assert "http" not in text, name


# --- 'Als tabel' --------------------------------------------------------------------------------


def test_the_trend_as_a_table_has_every_point_the_chart_draws(lang: str) -> None:
    history, baseline, _ = one_stakeholder()
    table = charts.trend_table(history, baseline, lang)
    names = [row.short_name(lang) for row in worksheet.DIMENSIONS]
    assert list(table.columns) == [t("chart.week", lang), t("chart.table_source", lang), *names,
                                   t("chart.their_view", lang)]
    weeks = [words.week_text(day, lang) for day in
             sorted({*baseline["week"], *history["week"]})]
    assert list(table[t("chart.week", lang)])[:-1] == weeks  # the last row: the targets
    assert list(table[t("chart.table_source", lang)]) == [
        t("chart.worksheet", lang), *[t("chart.follow_up", lang)] * 3, t("chart.target", lang)]
    assert list(table[names[0]]) == ["2", "2", "3", "4", "4"]
    assert list(table[names[1]])[-1] == "—"  # no target for the value
    assert list(table[t("chart.their_view", lang)]) == ["—", "—", "5", "—", ""]
    assert "None" not in table.to_string() and "nan" not in table.to_string()


def test_the_tables_follow_the_period() -> None:
    history, baseline, _ = one_stakeholder()
    since = (pd.Timestamp(history["week"].max())).date()
    table = charts.trend_table(history, baseline, "nl", since=since)
    assert list(table["Bron"]) == ["Weekcheck", "Streefniveau"]


def test_the_project_charts_as_tables(lang: str) -> None:
    history, baseline, actions = project()
    latest = analytics.latest_vs_baseline(history, baseline)
    names = [row.short_name(lang) for row in worksheet.DIMENSIONS]

    heatmap = charts.heatmap_table(latest, lang)
    assert list(heatmap.columns) == [t("chart.stakeholder", lang), *names,
                                     t("chart.latest_week", lang)]
    cells = charts.heatmap_data(latest, lang)
    for cell in cells.itertuples():
        row = heatmap[heatmap[t("chart.stakeholder", lang)] == cell.stakeholder].iloc[0]
        assert row[cell.dimension] == cell.text

    positions = charts.position_table(charts.positions(latest), lang)
    assert list(positions.columns)[:3] == [t("chart.stakeholder", lang),
                                           t("chart.value_axis", lang),
                                           t("chart.negotiation_axis", lang)]
    assert len(positions) == len(charts.positions(latest))

    course = charts.course_table(history, baseline, lang, ["Bob", "Ans"])
    assert list(course[t("chart.stakeholder", lang)].unique()) == ["Bob", "Ans"]
    assert len(course) == len(analytics.rating_series(history, baseline)
                              .drop_duplicates(["stakeholder", "week", "source"]))

    bars = charts.what_worked_data(analytics.what_worked(history, baseline, actions), lang)
    worked = charts.what_worked_table(bars, lang)
    assert len(worked) == len(bars) == 2 * len(names)
    changes = worked[t("chart.average_change", lang)]
    assert all(text == "—" or text[0] in "+−" for text in changes)
    if lang == "nl":
        assert all("." not in text for text in changes)


# --- reflections and outcomes without hovering --------------------------------------------------


def test_notes_list_reflections_and_outcomes_newest_first(lang: str) -> None:
    history, baseline, actions = one_stakeholder()
    baseline.loc[baseline["dimension"] == worksheet.VALUE.key, "reflection"] = "Start: *weinig*"
    notes = charts.trend_notes(history, baseline, actions, lang)
    assert [note.week for note in notes] == sorted((note.week for note in notes), reverse=True)
    texts = [(note.kind, note.text, note.outcome) for note in notes]
    assert (t("chart.reflection", lang), "week 4", "") in texts
    assert (t("chart.note_action", lang, row=f"1 · {worksheet.INTERESTS.short_name(lang)}"),
            "action 3", "Twee nieuwe belangen") in texts
    assert (t("chart.note_worksheet", lang, row=worksheet.VALUE.short_name(lang)),
            "Start: *weinig*", "") in texts
    assert len([note for note in notes if note.kind == t("chart.reflection", lang)]) == 3


def test_notes_keep_to_the_charts_period() -> None:
    history, baseline, actions = one_stakeholder()
    since = pd.Timestamp(history["week"].max()).date()
    notes = charts.trend_notes(history, baseline, actions, "nl", since=since)
    assert {note.week for note in notes} == {since}


# --- the Trends screen --------------------------------------------------------------------------


def trends_with_history(store: Store) -> tuple[AppTest, int]:
    _, stakeholder_id = filled_stakeholder(store)
    this_week = domain.week_start(store.today())
    action = store.list_actions(stakeholder_id)[0].id
    store.save_follow_up(stakeholder_id, this_week - dt.timedelta(weeks=2),
                         ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 3),
                         reflection="Gesprek over *de planning*",
                         actions_done={action: "Ja, **akkoord**"})
    store.save_follow_up(stakeholder_id, this_week - dt.timedelta(weeks=1),
                         ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 4),
                         reflection="Stil <b>weekje</b>")
    app = run_app()
    app.switch_page(screens.TRENDS.path).run()
    assert not app.exception, app.exception
    return app, stakeholder_id


def test_the_trend_shows_its_table_only_when_asked(store: Store, db_path) -> None:
    app, _ = trends_with_history(store)
    assert not app.dataframe, "no table unasked"
    app.toggle(key="tr_table_stakeholder").set_value(True).run()
    assert not app.exception, app.exception
    (table,) = app.dataframe
    frame = table.value
    assert list(frame.columns)[:2] == ["Week", "Bron"]
    assert list(frame["Bron"]) == ["Werkblad (start)", "Weekcheck", "Weekcheck", "Streefniveau"]
    assert list(frame["Waarde"])[1:3] == ["3", "4"]


def test_every_project_view_has_its_table_on_request(store: Store, db_path) -> None:
    app, _ = trends_with_history(store)
    for view, keys in {"latest": ["tr_table_heatmap", "tr_table_positions"],
                       "course": ["tr_table_course"],
                       "what_worked": ["tr_table_what_worked"]}.items():
        app.session_state["tr_view"] = view
        app.run()
        assert not app.dataframe, view
        for key in keys:
            app.toggle(key=key).set_value(True).run()
            assert not app.exception, app.exception
        assert len(app.dataframe) == len(keys), view
        assert all(len(table.value) for table in app.dataframe), view


def test_reflections_and_outcomes_are_listed_as_plain_text(store: Store, db_path) -> None:
    app, _ = trends_with_history(store)
    assert t("chart.notes_title") in [header.value for header in app.header]
    shown = "\n".join(block.value for block in app.markdown)
    lines = [line for line in shown.splitlines() if line.startswith("- ")]
    assert len(lines) == 2 + 1 + len(worksheet.DIMENSIONS), lines  # reflections, action, sheet
    newest = words.week_text(domain.week_start(store.today()) - dt.timedelta(weeks=1), "nl")
    assert lines[0].startswith(f"- **{ui.plain(newest)}**"), lines[0]
    # User text escaped: Markdown and HTML in it stay literal.
    assert "Stil \\<b\\>weekje\\</b\\>" in lines[0]
    assert "\\*de planning\\*" in shown and "\\*\\*akkoord\\*\\*" in shown


def test_a_long_period_lists_the_newest_notes_and_folds_the_rest(store: Store, db_path) -> None:
    """Three years of weekly reflections made the list under the trend thousands of pixels long
    (seen at L with 'Alles'): the newest are listed, the earlier ones wait in one fold."""
    _, stakeholder_id = filled_stakeholder(store)
    this_week = domain.week_start(store.today())
    weeks = 10
    for back in range(weeks, 0, -1):
        store.save_follow_up(stakeholder_id, this_week - dt.timedelta(weeks=back),
                             ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 3),
                             reflection=f"Notitie {back}")
    app = run_app()
    app.session_state["tr_period"] = "all"
    app.switch_page(screens.TRENDS.path).run()
    assert not app.exception, app.exception
    listed = [line for block in app.markdown for line in block.value.splitlines()
              if line.startswith("- ")]
    notes = weeks + len(worksheet.DIMENSIONS)  # a reflection a week, and the worksheet's rows
    folded = notes - ui.NEWEST_NOTES_SHOWN
    (fold,) = [e for e in app.expander if e.label == t("chart.notes_earlier", count=folded)]
    in_fold = [line for block in fold.markdown for line in block.value.splitlines()
               if line.startswith("- ")]
    assert len(listed) == notes, "every note is still there"
    assert "Notitie 1" in listed[0], "the newest first, outside the fold"
    assert in_fold == listed[ui.NEWEST_NOTES_SHOWN:], "the fold holds the earliest ones"
