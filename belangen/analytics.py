"""What the weekly follow-ups add up to: pure pandas over the store's plain frames.

No Streamlit, no DuckDB: every function takes the frames `Store.rating_history`,
`Store.worksheet_baseline` and `Store.actions_done` return (or hand-made frames with the same
columns), so the arithmetic can be tested with small cases whose answers are known.

Weeks are the Monday of an ISO week. A week without a follow-up is absent from the series: it is
never filled in or interpolated, because an invented value would read as something the user said.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import pandas as pd

from belangen import domain, worksheet

WORKSHEET = "worksheet"
FOLLOW_UP = "follow_up"
FOLLOW_UP_WINDOW_WEEKS = 2
"""'In the two weeks after an action': the action's own week and the two after it."""

SERIES_COLUMNS = ["stakeholder_id", "stakeholder", "dimension", "week", "rating", "source"]
WHAT_WORKED_COLUMNS = [
    "dimension",
    "with_action_change",
    "with_action_cases",
    "without_action_change",
    "without_action_cases",
]
LATEST_COLUMNS = [
    "stakeholder_id",
    "stakeholder",
    "dimension",
    "baseline_rating",
    "latest_rating",
    "latest_week",
    "change",
]


# --- Weeks -------------------------------------------------------------------------------------


def mondays(values: pd.Series) -> pd.Series:
    """Any date-like column as the Monday of its ISO week (datetime64), whatever the source type."""
    stamps = pd.to_datetime(values).dt.normalize()
    return (stamps - pd.to_timedelta(stamps.dt.day_of_week, unit="D")).astype("datetime64[us]")


def _monday(value: object) -> dt.date:
    if isinstance(value, dt.datetime):  # pd.Timestamp included
        value = value.date()
    if not isinstance(value, dt.date):
        raise TypeError(f"not a date: {value!r}")
    return domain.week_start(value)


# --- The rating series -------------------------------------------------------------------------


def rating_series(history: pd.DataFrame, baseline: pd.DataFrame) -> pd.DataFrame:
    """Every known rating per stakeholder and dimension: the worksheet ('week 0') plus follow-ups.

    Columns: stakeholder_id, stakeholder, dimension, week, rating, source ('worksheet' or
    'follow_up'). If a follow-up shares its week with the worksheet start, the follow-up wins: it
    is what the user said about that week. Sorted by stakeholder, dimension, week.
    """
    parts = []
    for frame, source in ((baseline, WORKSHEET), (history, FOLLOW_UP)):
        if frame is None or frame.empty:
            continue
        part = frame.loc[:, ["stakeholder_id", "stakeholder", "dimension", "week", "rating"]].copy()
        part["source"] = source
        parts.append(part)
    if not parts:
        return _empty_series()
    series = pd.concat(parts, ignore_index=True)
    series = series[series["dimension"].isin(worksheet.DIMENSION_KEYS)]
    series = series.dropna(subset=["rating"])
    series["week"] = mondays(series["week"])
    series["rating"] = series["rating"].astype("int64")
    series["stakeholder_id"] = series["stakeholder_id"].astype("int64")
    series["stakeholder"] = series["stakeholder"].astype(object)
    # Follow-ups come after the worksheet rows, so keeping the last duplicate keeps the follow-up.
    series = series.drop_duplicates(["stakeholder_id", "dimension", "week"], keep="last")
    return series.sort_values(["stakeholder_id", "dimension", "week"], ignore_index=True)


def _empty_series() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "stakeholder_id": pd.Series(dtype="int64"),
            "stakeholder": pd.Series(dtype=object),
            "dimension": pd.Series(dtype=object),
            "week": pd.Series(dtype="datetime64[us]"),
            "rating": pd.Series(dtype="int64"),
            "source": pd.Series(dtype=object),
        }
    )


# --- Wat werkte? -------------------------------------------------------------------------------


_WINDOW_DAYS = 7 * FOLLOW_UP_WINDOW_WEEKS


def _days(weeks: pd.Series) -> np.ndarray:
    """Mondays as days since 1970-01-01, in the same order: plain numbers compare and add far
    faster than Timestamps over years of weeks."""
    return weeks.to_numpy(dtype="datetime64[D]").astype("int64")


def _changes_at(weeks: np.ndarray, ratings: np.ndarray, starts: np.ndarray) -> list[int]:
    """The movements measured from each week in `starts` (sorted): the rating at the latest
    logged week in [start, start + 2 weeks] minus the latest one before start, where both
    exist. Of cases that share a stretch of weeks (from 'before' to 'after') the earlier is
    kept, so one movement counts once.

    `weeks` (sorted, days since 1970-01-01) and `ratings` are one stakeholder's series of one
    dimension; all starts are found at once by bisection, so years of weeks stay cheap."""
    first_in_window = np.searchsorted(weeks, starts, side="left")
    last_in_window = np.searchsorted(weeks, starts + _WINDOW_DAYS, side="right") - 1
    measured = (first_in_window > 0) & (last_in_window >= first_in_window)
    before = first_in_window[measured] - 1
    after = last_in_window[measured]
    kept: list[int] = []
    kept_until: int | None = None
    for before_week, after_week, change in zip(
        weeks[before].tolist(), weeks[after].tolist(),
        (ratings[after] - ratings[before]).tolist(), strict=True,
    ):
        if kept_until is None or before_week >= kept_until:
            kept.append(change)
            kept_until = after_week
    return kept


def what_worked(
    history: pd.DataFrame, baseline: pd.DataFrame, actions: pd.DataFrame
) -> pd.DataFrame:
    """'Wat werkte?': how a rating moved after an action on its row, beside how it moved without.

    Per stakeholder and dimension the series is the worksheet start plus the current follow-ups;
    weeks not logged are absent, never interpolated.

    With action: for each ISO week a in which an action on the dimension's row was carried out
    (`actions.week`), change = the rating at the latest logged week in [a, a + 2 weeks] minus the
    rating at the latest logged week strictly before a; only if both ratings exist.

    Without action (the control): every logged week w with a logged week p before it, provided
    no action on that row was carried out from the week after p through w + 2 weeks. The change
    is measured from p, so an action in an unlogged week between p and w would otherwise leak
    into the control; the same formula as above.

    Both sides count by one rule: every movement of a rating counts at most once per side. A
    case spans the logged weeks from its 'before' to its 'after'; cases of one side (per
    stakeholder and dimension) never share a stretch of weeks, the earlier window is kept. So
    two actions measuring the same pair of weeks make one case, and the overlapping two-week
    windows of consecutive weeks do not count one rise two or three times in the control:
    counting it again would inflate the number of cases the screen shows as the weight of the
    evidence.

    Actions on row 1 (the interests themselves) have no rating and are ignored. Returns one row
    per dimension in worksheet order: dimension, with_action_change, with_action_cases,
    without_action_change, without_action_cases. A mean over zero cases is NaN, not 0: no
    evidence is not the same as no change.
    """
    return what_worked_in(rating_series(history, baseline), actions)


def what_worked_in(series: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    """`what_worked` over a `rating_series` already made: a caller that needs the series
    for more than this makes it once (it is most of the cost at one person's three years)."""
    action_weeks: dict[tuple[int, str], set[int]] = {}
    if actions is not None and not actions.empty:
        done = actions[actions["row_key"].isin(worksheet.DIMENSION_KEYS)].dropna(subset=["week"])
        weeks = _days(mondays(done["week"]))
        for stakeholder_id, row_key, week in zip(
            done["stakeholder_id"], done["row_key"], weeks, strict=True
        ):
            action_weeks.setdefault((int(stakeholder_id), str(row_key)), set()).add(week)

    changes: dict[tuple[str, bool], list[int]] = {
        (key, with_action): [] for key in worksheet.DIMENSION_KEYS for with_action in (True, False)
    }
    # The series is sorted by stakeholder, dimension and week: each run of one stakeholder's
    # dimension is a slice (pandas' groupby cost more than the measuring itself).
    ids = series["stakeholder_id"].to_numpy()
    dimensions = series["dimension"].to_numpy()
    all_weeks = _days(series["week"])
    all_ratings = series["rating"].to_numpy(dtype="int64")
    cuts = np.flatnonzero((ids[1:] != ids[:-1]) | (dimensions[1:] != dimensions[:-1])) + 1
    bounds = [0, *cuts.tolist(), len(series)] if len(series) else []
    for start, end in pairwise(bounds):
        dimension = str(dimensions[start])
        weeks, ratings = all_weeks[start:end], all_ratings[start:end]
        acted = np.array(sorted(action_weeks.get((int(ids[start]), dimension), set())),
                         dtype="int64")
        # The control: each logged week after a logged one, unless an action on the row was
        # carried out after the previous logged week and up to the end of the window.
        previous, current = weeks[:-1], weeks[1:]
        next_action = np.searchsorted(acted, previous, side="right")
        if len(acted):
            blocked = (next_action < len(acted)) & (
                acted[np.minimum(next_action, len(acted) - 1)] <= current + _WINDOW_DAYS)
        else:
            blocked = np.zeros(len(current), dtype=bool)
        changes[(dimension, True)].extend(_changes_at(weeks, ratings, acted))
        changes[(dimension, False)].extend(_changes_at(weeks, ratings, current[~blocked]))

    def mean(values: list[int]) -> float:
        return sum(values) / len(values) if values else float("nan")

    rows = [
        {
            "dimension": key,
            "with_action_change": mean(changes[(key, True)]),
            "with_action_cases": len(changes[(key, True)]),
            "without_action_change": mean(changes[(key, False)]),
            "without_action_cases": len(changes[(key, False)]),
        }
        for key in worksheet.DIMENSION_KEYS
    ]
    frame = pd.DataFrame(rows, columns=WHAT_WORKED_COLUMNS)
    return frame.astype(
        {
            "with_action_change": "float64",
            "without_action_change": "float64",
            "with_action_cases": "int64",
            "without_action_cases": "int64",
        }
    )


# --- The weekly habit --------------------------------------------------------------------------


@dataclass(frozen=True)
class Habit:
    """Weeks logged out of the last `window`: a count, so one missed week does not wipe it out.

    `weeks` lists every week of the window (oldest first) with whether it was logged; `streak`
    counts the window's consecutive logged weeks up to its last, for those who like one.
    """

    logged: int
    window: int
    streak: int
    weeks: tuple[tuple[dt.date, bool], ...]
    current_week_logged: bool

    @property
    def share(self) -> float:
        return self.logged / self.window if self.window else 0.0


def habit(
    logged_weeks: Iterable[dt.date],
    current_week: dt.date,
    window: int = 8,
    *,
    since: dt.date | None = None,
    due: set[dt.date] | None = None,
) -> Habit:
    """How regularly follow-ups were logged, honestly.

    The current week counts only once it is logged: a week that is still running is not a missed
    week, so until then the window is the `window` weeks before it. With `since` (the project's
    start) weeks before it are left out of the window instead of counting as missed. With `due`
    (the weeks in which someone's cadence asked for a check-in), a week nobody was due in and
    nothing was logged in is left out too: a monthly contact is not three missed weeks out of four.
    """
    if window < 1:
        raise ValueError("window must be at least one week")
    current = _monday(current_week)
    logged = {_monday(week) for week in logged_weeks}
    logged = {week for week in logged if week <= current}
    current_logged = current in logged
    last = current if current_logged else current - dt.timedelta(weeks=1)
    weeks = domain.weeks_back(last, window)
    if since is not None:
        first = _monday(since)
        weeks = [week for week in weeks if week >= first]
    if due is not None:
        due_mondays = {_monday(week) for week in due}
        weeks = [week for week in weeks if week in logged or week in due_mondays]
    marked = tuple((week, week in logged) for week in weeks)
    streak = 0
    for _week, was_logged in reversed(marked):
        if not was_logged:
            break
        streak += 1
    return Habit(
        logged=sum(1 for _, was_logged in marked if was_logged),
        window=len(marked),
        streak=streak,
        weeks=marked,
        current_week_logged=current_logged,
    )


# --- Latest against the worksheet --------------------------------------------------------------


def latest_vs_baseline(history: pd.DataFrame, baseline: pd.DataFrame) -> pd.DataFrame:
    """Per stakeholder and dimension: the worksheet rating, the latest rating and the change.

    The latest rating is the newest follow-up; without one it is the worksheet rating itself
    (change 0), so a stakeholder nobody has followed up on yet still shows where they started.
    A dimension with follow-ups but no worksheet rating has no change (NA).
    Columns: stakeholder_id, stakeholder, dimension, baseline_rating, latest_rating,
    latest_week, change. Sorted by stakeholder name, id, then worksheet order.

    This is the one definition of "the latest rating against the worksheet": the screens'
    `Store.latest_ratings` (the overview's table, heatmap and position map) and the exported
    worksheets apply it to each stakeholder's newest follow-up, and the charts use it as it is.
    It is kept here rather than as the store's query because it is a rule over plain frames:
    it can be tested on small cases whose answers are known, and code that only has frames
    (the charts) can apply the very same rule.
    """
    # The rule of `rating_series` (a follow-up replaces the worksheet rating of its own week;
    # of two ratings in one week the later row wins), followed per stakeholder and dimension in
    # plain dicts: the dozen whole-frame pandas steps this took before cost 32 ms at forty people
    # over three years (the Verloop view's order of names) and 19 of the 46 ms of
    # `Store.latest_ratings` (the overview's first run after every save); now 11 and 8.
    known: dict[tuple[int, str], dict[pd.Timestamp, tuple[object, int, str]]] = {}
    sheet_rows, sheet_weeks = _rated(baseline)
    for source, (frame, weeks) in ((WORKSHEET, (sheet_rows, sheet_weeks)),
                                   (FOLLOW_UP, _rated(history))):
        if source == FOLLOW_UP and len(frame):
            # Only two kinds of follow-up can matter: those of the newest week of their
            # stakeholder and dimension, and those that may share a week with a worksheet
            # rating (and so replace it). Over three years of weeks the rest are most rows.
            newest = weeks.groupby([frame["stakeholder_id"], frame["dimension"]]).transform("max")
            matter = (weeks == newest) | (frame["stakeholder_id"].isin(sheet_rows["stakeholder_id"])
                                          & weeks.isin(sheet_weeks))
            frame, weeks = frame[matter], weeks[matter]
        for stakeholder_id, name, dimension, week, rating in zip(
            frame["stakeholder_id"].tolist(), frame["stakeholder"].tolist(),
            frame["dimension"].tolist(), weeks.tolist(), frame["rating"].tolist(), strict=True,
        ):
            known.setdefault((int(stakeholder_id), dimension), {})[week] = (
                name, int(rating), source)
    order = {key: position for position, key in enumerate(worksheet.DIMENSION_KEYS)}
    rows = []
    for (stakeholder_id, dimension), by_week in known.items():
        newest_week = max(by_week)
        name, rating, _ = by_week[newest_week]
        worksheet_weeks = [week for week, entry in by_week.items() if entry[2] == WORKSHEET]
        start = by_week[max(worksheet_weeks)][1] if worksheet_weeks else None
        rows.append((str(name).lower(), stakeholder_id, order[dimension],
                     name, dimension, start, rating, newest_week))
    rows.sort(key=lambda row: row[:3])
    frame = pd.DataFrame(
        {
            "stakeholder_id": pd.Series([row[1] for row in rows], dtype="int64"),
            "stakeholder": pd.Series([row[3] for row in rows], dtype=object),
            "dimension": pd.Series([row[4] for row in rows], dtype=object),
            "baseline_rating": pd.Series([row[5] for row in rows], dtype="Int64"),
            "latest_rating": pd.Series([row[6] for row in rows], dtype="Int64"),
            "latest_week": pd.Series([row[7] for row in rows], dtype="datetime64[us]"),
        }
    )
    frame["change"] = frame["latest_rating"] - frame["baseline_rating"]
    return frame[LATEST_COLUMNS]


def _rated(frame: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.Series]:
    """The rows of a history or worksheet frame that carry a rating of a rated dimension, and
    the Monday of each one's week."""
    if frame is None or frame.empty:
        nothing = pd.DataFrame(columns=["stakeholder_id", "stakeholder", "dimension", "rating"])
        return nothing, pd.Series(dtype="datetime64[us]")
    rated = frame[frame["dimension"].isin(worksheet.DIMENSION_KEYS) & frame["rating"].notna()]
    return rated, mondays(rated["week"])


# --- Gaps --------------------------------------------------------------------------------------


def with_gaps(
    frame: pd.DataFrame,
    by: Sequence[str] = ("stakeholder_id", "dimension"),
    *,
    week: str = "week",
    value: str = "rating",
) -> pd.DataFrame:
    """Add an empty row for every week missing between a group's first and last week.

    A line drawn through the result breaks at those rows (Vega-Lite breaks paths at null
    values), so an unlogged week shows as a gap instead of a straight line that looks like data.
    Inserted rows have `value` = NA and `gap` = True; the columns in `by` are filled in, every
    other column is left empty. Sorted by `by`, then week.
    """
    columns = list(frame.columns)
    if frame.empty:
        result = frame.copy()
        result["gap"] = pd.Series(dtype=bool)
        return result
    data = frame.copy()
    data[week] = mondays(data[week])
    data["gap"] = False
    pieces = []
    for keys, group in data.groupby(list(by), sort=False, dropna=False):
        all_weeks = pd.date_range(group[week].min(), group[week].max(), freq="7D")
        missing = all_weeks.difference(pd.DatetimeIndex(group[week]))
        pieces.append(group)
        if len(missing):
            filler = pd.DataFrame({week: missing.astype("datetime64[us]")})
            key_values = keys if isinstance(keys, tuple) else (keys,)
            for column, key_value in zip(by, key_values, strict=True):
                filler[column] = key_value
            filler["gap"] = True
            pieces.append(filler)
    result = pd.concat(pieces, ignore_index=True)
    if value in result.columns and pd.api.types.is_integer_dtype(frame[value].dtype):
        result[value] = result[value].astype("Int64")
    result = result.sort_values([*by, week], ignore_index=True)
    return result[[*columns, "gap"]]


# --- Who asks for attention ----------------------------------------------------------------


def attention_order(latest: pd.DataFrame) -> list[str]:
    """Stakeholders with a rating, the lowest average latest rating first (where the
    collaboration works least for them, or they least for it), then by name.

    Takes `Store.latest_ratings` (or `latest_vs_baseline`); who has no rating yet is left out.
    """
    rated = latest.dropna(subset=["latest_rating"])
    if rated.empty:
        return []
    means = rated.groupby("stakeholder")["latest_rating"].mean()
    return sorted(means.index.astype(str), key=lambda name: (means[name], name.lower()))
