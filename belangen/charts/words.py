"""What each chart shows, in words: its text alternative (the spec's `description`), its data as a
table with the user's column names, and the trend's reflections and action outcomes as a list.

For people who cannot see the chart or hover over it (screen reader, keyboard, touch). Pure: the
builders call the describe_* functions, the screens draw the tables and notes only when asked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from belangen import analytics, worksheet
from belangen.charts.scales import MINUS, _week_labels, reference_day
from belangen.texts import t, t_count

NO_VALUE = "—"


def decimal(value: float, lang: str, *, digits: int = 1, signed: bool = False) -> str:
    """'+0,5' in Dutch, '+0.5' in English, with a real minus sign."""
    text = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    if lang != "en":
        text = text.replace(".", ",")
    return text.replace("-", MINUS)


def change_text(rating: Any, change: Any) -> str:
    """A latest rating with its change since the worksheet: '4 (+2)', '3 (±0)', '2'."""
    if pd.isna(rating):
        return ""
    if pd.isna(change):
        return f"{int(rating)}"
    if not change:
        return f"{int(rating)} (±0)"
    return f"{int(rating)} ({int(change):+d})".replace("-", MINUS)


def _number(value: Any) -> str:
    return NO_VALUE if value is None or pd.isna(value) else str(int(value))


def week_labels(weeks: pd.Series, lang: str, reference: dt.date | None = None) -> list[str]:
    """The weeks as the charts' tooltips name them: the one place these texts get a week's
    name, so they follow the charts' notation (`scales._week_labels`): the year only for a
    week of another year than `reference` (by default the latest week among them)."""
    weeks = pd.to_datetime(weeks)
    return list(_week_labels(weeks, lang, reference_day(weeks, reference)))


def week_text(week: Any, lang: str, reference: Any = None) -> str:
    """One week's name; the year when it is not `reference`'s (by default: never)."""
    week = pd.Timestamp(week)
    anchor = week if reference is None else pd.Timestamp(reference)
    return week_labels(pd.Series([week]), lang, anchor.date())[0]


def _ratings_text(ratings: dict[str, Any], lang: str) -> str:
    """'Interesse 3, Waarde 4, Gesprek 2, Onderhandeling 3' in worksheet order, by dimension key."""
    return ", ".join(f"{row.short_name(lang)} {int(ratings[row.key])}"
                     for row in worksheet.DIMENSIONS
                     if row.key in ratings and not pd.isna(ratings[row.key]))


def _by_key(frame: pd.DataFrame, lang: str) -> pd.Series:
    """Dimension short names (as the charts carry them) back to their keys."""
    keys = {row.short_name(lang): row.key for row in worksheet.DIMENSIONS}
    return frame["dimension"].map(keys)


# --- text alternatives ---------------------------------------------------------------------------


def describe_trend(name: str, follow_ups: pd.DataFrame, start: pd.DataFrame, actions: int,
                   weeks: pd.Series, lang: str, *, targets: pd.DataFrame | None = None) -> str:
    """'Lijngrafiek van de vier waarderingen van Ans over 26 weken, 2026-W23 tot en met
    2026-W48. Laatste follow-up, 2026-W48: Interesse 3, …. Streven: Interesse 4, Gesprek 3.
    2 acties uitgevoerd.'

    `follow_ups` and `start` as the trend draws them (week, dimension name, rating)."""
    known = weeks.dropna()
    parts = []
    if known.empty:
        parts.append(t("chart.describe_trend_empty", lang, name=name))
    else:
        first, last = known.min(), known.max()
        count = int((last - first).days // 7) + 1
        parts.append(t("chart.describe_trend", lang, name=name,
                       weeks=t_count("chart.describe_weeks", count, lang),
                       first=week_text(first, lang, last), last=week_text(last, lang)))
    for frame, key in ((follow_ups, "chart.describe_latest_follow_up"),
                       (start, "chart.describe_worksheet")):
        if frame.empty:
            continue
        week = frame["week"].max()
        latest = frame[frame["week"] == week]
        ratings = dict(zip(_by_key(latest, lang), latest["rating"], strict=True))
        parts.append(t(key, lang, week=week_text(week, lang, known.max() if not known.empty
                                                 else None),
                       ratings=_ratings_text(ratings, lang)))
        if key.endswith("follow_up"):
            break  # the latest follow-up says where things stand; the worksheet only without one
    if targets is not None and not targets.empty:
        wanted = dict(zip(_by_key(targets, lang), targets["target"], strict=True))
        parts.append(f"{t('chart.target', lang)}: {_ratings_text(wanted, lang)}.")
    if actions:
        parts.append(t_count("chart.describe_actions", actions, lang))
    return " ".join(parts)


def describe_course(series: pd.DataFrame, order: list[str], lang: str) -> str:
    """The small multiples: who is drawn, and each one's latest follow-up.
    Takes `analytics.rating_series` (dimension keys)."""
    follow_ups = series[series["source"] == analytics.FOLLOW_UP]
    people = []
    for name in order:
        mine = follow_ups[follow_ups["stakeholder"] == name]
        if mine.empty:
            people.append(t("chart.describe_person_worksheet_only", lang, name=name))
            continue
        week = mine["week"].max()
        latest = mine[mine["week"] == week]
        ratings = dict(zip(latest["dimension"], latest["rating"], strict=True))
        people.append(t("chart.describe_person", lang, name=name,
                        week=week_text(week, lang, follow_ups["week"].max()),
                        ratings=_ratings_text(ratings, lang)))
    return " ".join([t_count("chart.describe_course", len(order), lang), "; ".join(people) + "."])


def describe_heatmap(latest: pd.DataFrame, lang: str) -> str:
    """How many stakeholders, and the average latest rating per dimension.
    Takes `analytics.latest_vs_baseline` (only rows with a latest rating)."""
    count = latest["stakeholder"].nunique()
    averages = ", ".join(
        f"{row.short_name(lang)} {decimal(float(mean), lang)}"
        for row in worksheet.DIMENSIONS
        if not pd.isna(mean := latest.loc[latest["dimension"] == row.key, "latest_rating"].mean())
    )
    return t_count("chart.describe_heatmap", count, lang, averages=averages)


def describe_positions(cells: pd.DataFrame, lang: str) -> str:
    """Every occupied cell of the grid, the most crowded first: 'waarde 3 en onderhandeling 4:
    2 (Ahmed, Els)'. Takes the grid's own cells."""
    taken = cells[cells["count"] > 0].sort_values(["count", "value", "negotiation"],
                                                  ascending=[False, True, True])
    where = "; ".join(
        t("chart.describe_cell", lang, value=int(cell.value), negotiation=int(cell.negotiation),
          count=int(cell.count), names=cell.names_text)
        for cell in taken.itertuples()
    )
    total = int(cells["count"].sum())
    return t_count("chart.describe_positions", total, lang) + (f" {where}." if where else "")


def describe_what_worked(data: pd.DataFrame, lang: str) -> str:
    """Per dimension both averages with their number of cases. Takes the bars' own rows."""
    parts = []
    for name, bars in data.groupby("dimension", sort=False):
        both = ", ".join(
            f"{bar.kind.lower()} "
            f"{NO_VALUE if pd.isna(bar.change) else decimal(bar.change, lang, signed=True)}"
            f" ({bar.cases_label})"
            for bar in bars.itertuples()
        )
        parts.append(f"{name}: {both}")
    return t("chart.describe_what_worked", lang) + " " + "; ".join(parts) + "."


# --- tables ('Als tabel') ------------------------------------------------------------------------


def _dimension_columns(lang: str) -> dict[str, str]:
    return {row.key: row.short_name(lang) for row in worksheet.DIMENSIONS}


def _weekly_rows(history: pd.DataFrame, baseline: pd.DataFrame, lang: str,
                 since: dt.date | None) -> pd.DataFrame:
    """One row per stakeholder and week: the worksheet start and every follow-up, the four
    ratings side by side (the points of the trend lines)."""
    pieces = []
    for frame, source in ((baseline, t("chart.worksheet", lang)),
                          (history, t("chart.follow_up", lang))):
        rated = frame[frame["dimension"].isin(worksheet.DIMENSION_KEYS)].dropna(subset=["rating"])
        if rated.empty:
            continue
        rated = rated.assign(week=analytics.mondays(rated["week"]))
        if since is not None:
            rated = rated[rated["week"] >= pd.Timestamp(since)]
        wide = rated.pivot_table(index=["stakeholder", "week"], columns="dimension",
                                 values="rating", aggfunc="first")
        wide = wide.reindex(columns=list(worksheet.DIMENSION_KEYS)).reset_index()
        wide["source"] = source
        if "their_value_rating" in frame:
            their = rated.dropna(subset=["their_value_rating"]).drop_duplicates(
                ["stakeholder", "week"]).set_index(["stakeholder", "week"])["their_value_rating"]
            wide["their_view"] = [their.get((who, week)) for who, week in
                                  zip(wide["stakeholder"], wide["week"], strict=True)]
        pieces.append(wide)
    if not pieces:
        return pd.DataFrame(columns=["stakeholder", "week", "source",
                                     *worksheet.DIMENSION_KEYS, "their_view"])
    rows = pd.concat(pieces, ignore_index=True)
    if "their_view" not in rows:
        rows["their_view"] = None
    # The worksheet first in its week, as the chart starts there.
    rows["order"] = (rows["source"] != t("chart.worksheet", lang)).astype(int)
    return rows.sort_values(["stakeholder", "week", "order"], kind="stable").reset_index(drop=True)


def _texts(rows: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    return {name: [_number(value) for value in rows[key]]
            for key, name in _dimension_columns(lang).items()}


def trend_table(history: pd.DataFrame, baseline: pd.DataFrame, lang: str, *,
                since: dt.date | None = None) -> pd.DataFrame:
    """One stakeholder's trend as a table: week, worksheet or follow-up, the four ratings, their
    view of the value, and the targets as a last row; every cell text ('—' where none)."""
    rows = _weekly_rows(history, baseline, lang, since)
    table = pd.DataFrame({
        t("chart.week", lang): week_labels(rows["week"], lang),
        t("chart.table_source", lang): list(rows["source"]),
        **_texts(rows, lang),
        t("chart.their_view", lang): [_number(value) for value in rows["their_view"]],
    })
    targets = baseline[baseline["dimension"].isin(worksheet.DIMENSION_KEYS)]
    targets = targets.dropna(subset=["target"]) if "target" in targets else targets.iloc[0:0]
    if not targets.empty:
        wanted = dict(zip(targets["dimension"], targets["target"], strict=True))
        target_row = {column: "" for column in table.columns}
        target_row[t("chart.table_source", lang)] = t("chart.target", lang)
        for key, name in _dimension_columns(lang).items():
            target_row[name] = _number(wanted.get(key))
        table = pd.concat([table, pd.DataFrame([target_row])], ignore_index=True)
    return table


def course_table(history: pd.DataFrame, baseline: pd.DataFrame, lang: str,
                 order: list[str]) -> pd.DataFrame:
    """The small multiples as a table: per stakeholder (in the chart's order) every week drawn."""
    rows = _weekly_rows(history, baseline, lang, None)
    rows = rows[rows["stakeholder"].isin(order)]
    rank = {name: position for position, name in enumerate(order)}
    rows = rows.assign(rank=rows["stakeholder"].map(rank)).sort_values(
        ["rank", "week", "order"], kind="stable")
    return pd.DataFrame({
        t("chart.stakeholder", lang): list(rows["stakeholder"].astype(str)),
        t("chart.week", lang): week_labels(rows["week"], lang),
        t("chart.table_source", lang): list(rows["source"]),
        **_texts(rows, lang),
    })


def heatmap_table(latest: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The heatmap as a table: one row per stakeholder (in the heatmap's order), each
    dimension's '4 (+2)', and their latest week. Takes `analytics.latest_vs_baseline`."""
    latest = latest[latest["dimension"].isin(worksheet.DIMENSION_KEYS)]
    latest = latest.dropna(subset=["latest_rating"]).assign(
        text=lambda frame: [change_text(rating, change) for rating, change in
                            zip(frame["latest_rating"], frame["change"], strict=True)],
        stakeholder=lambda frame: frame["stakeholder"].astype(str))
    order = list(dict.fromkeys(latest["stakeholder"]))
    text = latest.pivot_table(index="stakeholder", columns="dimension", values="text",
                              aggfunc="first").reindex(index=order,
                                                       columns=list(worksheet.DIMENSION_KEYS))
    weeks = pd.to_datetime(latest["latest_week"]).groupby(latest["stakeholder"]).max()
    table = pd.DataFrame({t("chart.stakeholder", lang): order})
    for key, name in _dimension_columns(lang).items():
        table[name] = [NO_VALUE if pd.isna(value) else value for value in text[key]]
    table[t("chart.latest_week", lang)] = [
        NO_VALUE if pd.isna(weeks.get(name)) else week_text(weeks[name], lang, weeks.max())
        for name in order]
    return table


def position_table(points: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Where everyone stands, as a table: latest value and willingness to negotiate, and where
    they stood at the worksheet. Takes `charts.positions`."""
    ordered = points.sort_values("stakeholder", key=lambda names: names.str.lower())
    return pd.DataFrame({
        t("chart.stakeholder", lang): list(ordered["stakeholder"]),
        t("chart.value_axis", lang): [_number(value) for value in ordered["value_latest"]],
        t("chart.negotiation_axis", lang): [
            _number(value) for value in ordered["negotiation_latest"]],
        t("chart.table_value_start", lang): [_number(value) for value in ordered["value_start"]],
        t("chart.table_negotiation_start", lang): [
            _number(value) for value in ordered["negotiation_start"]],
    })


def what_worked_table(data: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The bars as a table: dimension, with or without action, average change, cases.
    Takes `charts.what_worked_data`."""
    return pd.DataFrame({
        t("chart.dimension", lang): list(data["dimension"]),
        t("chart.weeks", lang): list(data["kind"]),
        t("chart.average_change", lang): [
            NO_VALUE if pd.isna(change) else decimal(change, lang, digits=2, signed=True)
            for change in data["change"]],
        t("chart.cases", lang): [str(int(cases)) for cases in data["cases"]],
    })


# --- reflections and outcomes --------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """One line under the trend: what a tooltip says about a week, readable without hovering.
    `text` and `outcome` are the user's own words: the screen shows them as plain text."""

    week: dt.date
    week_label: str
    kind: str
    text: str
    outcome: str = ""


def trend_notes(history: pd.DataFrame, baseline: pd.DataFrame, actions: pd.DataFrame,
                lang: str, *, since: dt.date | None = None) -> list[Note]:
    """The reflections of the follow-ups and of the worksheet and the actions carried out (with
    what they yielded) in the weeks the trend shows, newest first."""
    notes: list[tuple[pd.Timestamp, int, int, Note]] = []

    def in_period(weeks: pd.Series) -> pd.Series:
        return weeks >= pd.Timestamp(since) if since is not None else weeks.notna()

    if not history.empty:
        weekly = history.assign(week=analytics.mondays(history["week"]))
        weekly = weekly[in_period(weekly["week"])].drop_duplicates("week")
        weekly = weekly.assign(label=week_labels(weekly["week"], lang))
        for row in weekly.itertuples():
            text = "" if pd.isna(row.reflection) else str(row.reflection).strip()
            if text:
                notes.append((row.week, 1, 0, Note(row.week.date(), row.label,
                                                   t("chart.reflection", lang), text)))
    if not baseline.empty:
        start = baseline.assign(week=analytics.mondays(baseline["week"]))
        start = start[in_period(start["week"]) & start["dimension"].isin(worksheet.ROW_KEYS)]
        start = start.assign(label=week_labels(start["week"], lang))
        for row in start.itertuples():
            text = "" if pd.isna(row.reflection) else str(row.reflection).strip()
            if text:
                entry = worksheet.row(row.dimension)
                kind = t("chart.note_worksheet", lang, row=entry.short_name(lang))
                notes.append((row.week, 0, entry.number,
                              Note(row.week.date(), row.label, kind, text)))
    if actions is not None and not actions.empty:
        done = actions.dropna(subset=["week"])
        done = done.assign(week=analytics.mondays(done["week"]))
        done = done[in_period(done["week"]) & done["row_key"].isin(worksheet.ROW_KEYS)]
        done = done.assign(label=week_labels(done["week"], lang))
        for row in done.itertuples():
            entry = worksheet.row(row.row_key)
            kind = t("chart.note_action", lang, row=f"{entry.number} · {entry.short_name(lang)}")
            outcome = "" if pd.isna(row.outcome) else str(row.outcome).strip()
            notes.append((row.week, 2, entry.number,
                          Note(row.week.date(), row.label, kind,
                               "" if pd.isna(row.text) else str(row.text), outcome)))
    # Newest week first; within a week the worksheet, the reflection, then the actions.
    notes.sort(key=lambda item: (-item[0].value, item[1], item[2]))
    return [note for *_, note in notes]
