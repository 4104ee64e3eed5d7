"""The arithmetic behind the Trends screen, on small hand-made cases whose answers are known."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path

import hypothesis.strategies as hypothesis_st
import pandas as pd
import pytest
from hypothesis import given, settings

from belangen import analytics, worksheet
from belangen.store import Store

MONDAY = dt.date(2026, 10, 5)  # 2026-W41


def week(n: int) -> pd.Timestamp:
    """Week n after MONDAY, as the store delivers weeks (a datetime at Monday midnight)."""
    return pd.Timestamp(MONDAY + dt.timedelta(weeks=n))


def _rating_frame(
    rows: list[tuple[int, str, int, str, int]], more: dict[str, Callable[[int], object]]
) -> pd.DataFrame:
    """What the store's rating frames share, one row per (stakeholder, week n, dimension,
    rating), followed by the columns only one of them has, each made from the week n."""
    return pd.DataFrame(
        [
            {
                "stakeholder_id": sid,
                "stakeholder": name,
                "week": week(n),
                "dimension": dimension,
                "rating": rating,
                **{column: make(n) for column, make in more.items()},
            }
            for sid, name, n, dimension, rating in rows
        ],
        columns=["stakeholder_id", "stakeholder", "week", "dimension", "rating", *more],
    )


def baseline_frame(rows: list[tuple[int, str, int, str, int]]) -> pd.DataFrame:
    """(stakeholder_id, name, week n, dimension, rating) → a `worksheet_baseline` frame."""
    return _rating_frame(rows, {"target": lambda n: None, "reflection": lambda n: ""})


def history_frame(rows: list[tuple[int, str, int, str, int]]) -> pd.DataFrame:
    """(stakeholder_id, name, week n, dimension, rating) → a `rating_history` frame."""
    return _rating_frame(
        rows, {"reflection": lambda n: f"week {n}", "their_value_rating": lambda n: None}
    )


def actions_frame(rows: list[tuple[int, str, str, int]]) -> pd.DataFrame:
    """(stakeholder_id, name, row_key, week n) → an `actions_done` frame (done on Wednesday)."""
    return pd.DataFrame(
        [
            {
                "action_id": index,
                "stakeholder_id": sid,
                "stakeholder": name,
                "row_key": row_key,
                "text": f"action {index}",
                "outcome": "",
                "done_on": week(n).date() + dt.timedelta(days=2),
                "week": week(n),
            }
            for index, (sid, name, row_key, n) in enumerate(rows, start=1)
        ],
        columns=[
            "action_id",
            "stakeholder_id",
            "stakeholder",
            "row_key",
            "text",
            "outcome",
            "done_on",
            "week",
        ],
    )


# --- Wat werkte? -------------------------------------------------------------------------------


def hand_made_case() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    ans, bob, cor = (1, "Ans"), (2, "Bob"), (3, "Cor")
    baseline = baseline_frame(
        [
            (*cor, 0, "genuine_interest", 2),
            (*ans, 0, "value", 2),
            (*ans, 0, "conversation", 3),
            (*bob, 0, "value", 3),
            (*bob, 0, "negotiation", 2),
        ]
    )
    history = history_frame(
        [
            # Ans, value: W1 2, W2 3, (W3 not logged), W4 4.
            (*ans, 1, "value", 2),
            (*ans, 2, "value", 3),
            (*ans, 4, "value", 4),
            # Ans, conversation: W1 3, W2 2, W4 2; never an action on row 4.
            (*ans, 1, "conversation", 3),
            (*ans, 2, "conversation", 2),
            (*ans, 4, "conversation", 2),
            (*bob, 1, "value", 4),
            (*bob, 1, "negotiation", 3),
            # Cor, genuine interest: W0 2, (W1, W2 not logged) W3 3, (W4, W5 not logged) W6 3.
            (*cor, 3, "genuine_interest", 3),
            (*cor, 6, "genuine_interest", 3),
        ]
    )
    actions = actions_frame(
        [
            (*ans, "value", 2),  # two actions in one week: one case
            (*ans, "value", 2),
            (*ans, "interests", 1),  # row 1 has no rating: ignored
            (*bob, "value", 1),
            (*bob, "value", 6),  # nothing logged in W6..W8: no case
            (*bob, "negotiation", 0),  # nothing logged before W0: no case
            (*cor, "genuine_interest", 1),  # in unlogged weeks, both measured W0 → W3
            (*cor, "genuine_interest", 2),
        ]
    )
    return history, baseline, actions


def test_what_worked_on_a_hand_made_case() -> None:
    # Worked out by hand (change = latest rating in [w, w+2] minus latest rating before w; a
    # logged week w is a control only if no action on that row fell in (previous logged, w+2]):
    # value, with action:  Ans W2 (two actions, one week): W4 (4) - W1 (2) = +2;
    #                      Bob W1: W1 (4) - W0 (3) = +1;
    #                      Bob W6: nothing logged in W6..W8 → no case.    mean 1.5 over 2.
    # value, without:      Ans W1: (W0, W3] holds the W2 action → skipped; W2 likewise;
    #                      Ans W4: (W2, W6] has no action: W4 (4) - W2 (3) = +1.
    #                      (Ans W0 and Bob W0 have nothing before them.)
    #                      Bob W1: (W0, W3] holds his W1 action → skipped.  mean 1.0 over 1.
    # conversation:        never an action → no case with action (NaN over 0, not 0: no
    #                      evidence is not no change); without: W1: W2 (2) - W0 (3) = -1;
    #                      W2 would measure W4 - W1, sharing W1..W2 with the case before (the
    #                      same fall counted twice): left out, as on the 'with' side;
    #                      W4: W4 (2) - W2 (2) = 0.                          mean -0.5 over 2.
    # negotiation:         Bob's action in W0 has no rating before it → no case with action;
    #                      W1: (W0, W3] has no action (W0 is not after W0): W1 (3) - W0 (2) = +1.
    #                                                                     mean 1.0 over 1.
    # genuine_interest:    Cor's actions in W1 and W2 both measure W3 (3) - W0 (2) = +1: one
    #                      movement, so one case (not two).               mean 1.0 over 1.
    #                      Without: W3: (W0, W5] holds both actions → skipped (the old rule,
    #                      which looked only at [W3, W5], counted it: the leak);
    #                      W6: (W3, W8] has no action: W6 (3) - W3 (3) = 0.  mean 0.0 over 1.
    result = analytics.what_worked(*hand_made_case())

    assert list(result.columns) == analytics.WHAT_WORKED_COLUMNS
    assert list(result["dimension"]) == list(worksheet.DIMENSION_KEYS)
    by_key = result.set_index("dimension")
    expected = {
        "genuine_interest": (1.0, 1, 0.0, 1),
        "value": (1.5, 2, 1.0, 1),
        "conversation": (math.nan, 0, -0.5, 2),
        "negotiation": (math.nan, 0, 1.0, 1),
    }
    for key, (with_change, with_cases, without_change, without_cases) in expected.items():
        row = by_key.loc[key]
        assert row["with_action_cases"] == with_cases, key
        assert row["without_action_cases"] == without_cases, key
        for actual, wanted in (
            (row["with_action_change"], with_change),
            (row["without_action_change"], without_change),
        ):
            if math.isnan(wanted):
                assert math.isnan(actual), key
            else:
                assert actual == pytest.approx(wanted), key


def test_what_worked_does_not_interpolate_unlogged_weeks() -> None:
    # Worksheet W0 2, follow-ups W4 4 and W5 1, nothing logged in W1..W3, no actions.
    # W4: latest in [W4, W6] is W5 (1) - W0 (2) = -1;  W5 would measure W5 - W4, inside that
    # case: left out  → 1 case, -1.
    # Interpolating W1..W3 (2.5, 3, 3.5) would make W1: W3 (3.5) - W0 = +1.5 and W3: W5 (1)
    # - W3 (3.5) = -2.5 → 2 cases, mean -0.5.
    baseline = baseline_frame([(1, "Ans", 0, "value", 2)])
    history = history_frame([(1, "Ans", 4, "value", 4), (1, "Ans", 5, "value", 1)])
    result = analytics.what_worked(history, baseline, actions_frame([])).set_index("dimension")
    assert result.loc["value", "without_action_cases"] == 1
    assert result.loc["value", "without_action_change"] == -1


def test_a_single_rise_counts_once_on_each_side() -> None:
    # Weekly follow-ups W1..W6 of one value rating: 2 2 2 4 4 4 (one rise, W3 → W4).
    # Without action, every logged week opens a two-week window; W2, W3 and W4 all reach the
    # W4 rating, so the old rule counted the one rise three times (+2, +2, +2 of 5 cases).
    # Counted once per stretch of weeks: W2: W4 (4) - W1 (2) = +2; W3..W4 share weeks with it;
    # W5: W6 (4) - W4 (4) = 0 → 2 cases, mean +1.
    history = history_frame([(1, "Ans", week, "value", rating)
                             for week, rating in zip(range(1, 7), (2, 2, 2, 4, 4, 4),
                                                     strict=True)])
    no_baseline = baseline_frame([])
    control = analytics.what_worked(history, no_baseline, actions_frame([])).set_index(
        "dimension")
    assert control.loc["value", "without_action_cases"] == 2
    assert control.loc["value", "without_action_change"] == pytest.approx(1.0)
    # The same rise after actions in W3 and W4 (windows W2→W5 and W3→W6 overlap): one case on
    # the 'with' side too, not two.
    acted = analytics.what_worked(
        history, no_baseline, actions_frame([(1, "Ans", "value", 3), (1, "Ans", "value", 4)])
    ).set_index("dimension")
    assert acted.loc["value", "with_action_cases"] == 1
    assert acted.loc["value", "with_action_change"] == 2


def test_an_action_in_an_unlogged_week_keeps_the_next_logged_week_out_of_the_control() -> None:
    # Worksheet W0 2; the action is done in W1, which is not logged; the next follow-up is W3 4.
    # W3's change (+2) is measured from W0, so it spans the action: it belongs to 'with action'
    # (W1: latest in [W1, W3] is W3 (4) - W0 (2) = +2) and must not appear as a control case.
    # The old rule looked only at [W3, W5] for actions and counted W3 as 'without': +2 over 1.
    baseline = baseline_frame([(1, "Ans", 0, "value", 2)])
    history = history_frame([(1, "Ans", 3, "value", 4)])
    actions = actions_frame([(1, "Ans", "value", 1)])
    result = analytics.what_worked(history, baseline, actions).set_index("dimension")
    assert result.loc["value", "with_action_cases"] == 1
    assert result.loc["value", "with_action_change"] == 2
    assert result.loc["value", "without_action_cases"] == 0
    assert math.isnan(result.loc["value", "without_action_change"])


def test_actions_measuring_the_same_movement_count_once() -> None:
    # Actions in W1 and W2, follow-ups only in W0 (2) and W3 (5): both windows measure W3 - W0 =
    # +3. One observed change → one case; counting per action week would report n = 2.
    # An action in W5 measures W6 (4) - W3 (5) = -1: another pair, its own case.  mean 1.0 over 2.
    baseline = baseline_frame([(1, "Ans", 0, "value", 2)])
    history = history_frame([(1, "Ans", 3, "value", 5), (1, "Ans", 6, "value", 4)])
    actions = actions_frame([(1, "Ans", "value", n) for n in (1, 2, 5)])
    result = analytics.what_worked(history, baseline, actions).set_index("dimension")
    assert result.loc["value", "with_action_cases"] == 2
    assert result.loc["value", "with_action_change"] == pytest.approx(1.0)


def test_what_worked_with_empty_frames_has_one_row_per_dimension() -> None:
    result = analytics.what_worked(history_frame([]), baseline_frame([]), actions_frame([]))
    assert list(result["dimension"]) == list(worksheet.DIMENSION_KEYS)
    assert (result["with_action_cases"] == 0).all()
    assert result["with_action_change"].isna().all()


def test_a_follow_up_in_the_worksheet_week_replaces_the_worksheet_point() -> None:
    series = analytics.rating_series(
        history_frame([(1, "Ans", 0, "value", 4)]), baseline_frame([(1, "Ans", 0, "value", 2)])
    )
    assert series[["rating", "source"]].values.tolist() == [[4, analytics.FOLLOW_UP]]


# --- Habit -------------------------------------------------------------------------------------


def weeks(*numbers: int) -> list[dt.date]:
    return [MONDAY + dt.timedelta(weeks=n) for n in numbers]


def test_habit_counts_every_logged_week_of_the_last_eight() -> None:
    result = analytics.habit(weeks(*range(3, 11)), weeks(10)[0])
    assert (result.logged, result.window, result.streak) == (8, 8, 8)
    assert result.current_week_logged
    assert result.weeks[0] == (weeks(3)[0], True)
    assert result.weeks[-1] == (weeks(10)[0], True)


def test_one_missed_week_costs_one_week_not_the_whole_habit() -> None:
    result = analytics.habit(weeks(3, 4, 5, 7, 8, 9, 10), weeks(10)[0])
    assert (result.logged, result.window) == (7, 8)
    assert result.streak == 4  # a streak would say 4; the count still says 7 of 8
    assert (weeks(6)[0], False) in result.weeks


def test_the_current_week_is_not_missed_before_it_is_logged() -> None:
    # Thursday of W10, nothing logged yet this week: the window is W2..W9, all logged.
    thursday = weeks(10)[0] + dt.timedelta(days=3)
    result = analytics.habit(weeks(*range(2, 10)), thursday)
    assert (result.logged, result.window, result.streak) == (8, 8, 8)
    assert not result.current_week_logged
    assert [week for week, _ in result.weeks] == weeks(*range(2, 10))


def test_habit_without_last_week_has_no_streak_but_keeps_its_count() -> None:
    result = analytics.habit(weeks(2, 3, 4, 5, 6, 7, 8), weeks(10)[0])
    assert (result.logged, result.window, result.streak) == (7, 8, 0)


def test_habit_leaves_out_weeks_before_the_project_started() -> None:
    result = analytics.habit(weeks(8, 9, 10), weeks(10)[0], since=weeks(8)[0])
    assert (result.logged, result.window) == (3, 3)
    assert result.share == 1.0


def test_habit_normalises_days_and_crosses_the_year_boundary() -> None:
    # 2026 has 53 ISO weeks; the window ending 2027-W01 runs through 2026-W53.
    current = dt.date(2027, 1, 6)  # Wednesday of 2027-W01
    logged = [dt.date(2026, 12, 31), pd.Timestamp("2027-01-05"), dt.date(2027, 2, 1)]
    result = analytics.habit(logged, current)
    assert result.current_week_logged
    assert result.logged == 2  # W53 and W01; the future week is not counted
    assert result.weeks[-2:] == ((dt.date(2026, 12, 28), True), (dt.date(2027, 1, 4), True))


# --- Latest against the worksheet --------------------------------------------------------------


def test_latest_vs_baseline() -> None:
    baseline = baseline_frame(
        [(1, "bram", 0, "value", 2), (1, "bram", 0, "negotiation", 3), (2, "Ans", 1, "value", 4)]
    )
    history = history_frame(
        [
            (1, "bram", 1, "value", 3),
            (1, "bram", 3, "value", 5),
            (1, "bram", 3, "conversation", 2),  # no worksheet rating for this one
        ]
    )
    result = analytics.latest_vs_baseline(history, baseline)
    assert list(result.columns) == analytics.LATEST_COLUMNS
    rows = [
        (
            row.stakeholder,
            row.dimension,
            None if pd.isna(row.baseline_rating) else row.baseline_rating,
            row.latest_rating,
            row.latest_week,
            None if pd.isna(row.change) else row.change,
        )
        for row in result.itertuples()
    ]
    assert rows == [
        # Ans has no follow-up: the latest is the worksheet itself, at its week.
        ("Ans", "value", 4, 4, week(1), 0),
        # bram sorts after Ans (case-insensitive); dimensions in worksheet order.
        ("bram", "value", 2, 5, week(3), 3),
        ("bram", "conversation", None, 2, week(3), None),
        ("bram", "negotiation", 3, 3, week(0), 0),
    ]



def _latest_by_the_series(history: pd.DataFrame, baseline: pd.DataFrame) -> list[tuple]:
    """What the rule says, read off `rating_series` (the series the trend charts draw): per
    stakeholder and dimension its last point, and its last worksheet point as the start."""
    series = analytics.rating_series(history, baseline)
    order = {key: position for position, key in enumerate(worksheet.DIMENSION_KEYS)}
    rows = []
    for (sid, dimension), points in series.groupby(["stakeholder_id", "dimension"]):
        points = points.sort_values("week")
        last = points.iloc[-1]
        starts = points[points["source"] == analytics.WORKSHEET]
        start = int(starts["rating"].iloc[-1]) if len(starts) else None
        rows.append(((str(last["stakeholder"]).lower(), sid, order[dimension]),
                     (sid, last["stakeholder"], dimension, start, int(last["rating"]),
                      last["week"])))
    return [shown for _, shown in sorted(rows, key=lambda row: row[0])]


_point = hypothesis_st.tuples(
    hypothesis_st.sampled_from([(1, "bram"), (2, "Ans"), (3, "cor")]),
    hypothesis_st.integers(0, 5),  # week n
    hypothesis_st.integers(0, 6),  # day within the week: the rule works on ISO weeks
    hypothesis_st.sampled_from([*worksheet.DIMENSION_KEYS, "interests"]),  # an unrated row too
    hypothesis_st.one_of(hypothesis_st.none(), hypothesis_st.integers(1, 5)),
)


def _frame_of(points: list[tuple], more: dict[str, object]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"stakeholder_id": sid, "stakeholder": name,
          "week": week(n) + pd.Timedelta(days=day), "dimension": dimension, "rating": rating,
          **more} for (sid, name), n, day, dimension, rating in points],
        columns=["stakeholder_id", "stakeholder", "week", "dimension", "rating", *more],
    )


@settings(max_examples=300, deadline=None)
@given(hypothesis_st.lists(_point, max_size=12), hypothesis_st.lists(_point, max_size=25))
def test_latest_vs_baseline_says_what_the_rating_series_says(
    worksheet_points: list[tuple], follow_up_points: list[tuple]
) -> None:
    """Any mix of worksheet and follow-up ratings, also follow-ups in a worksheet rating's week
    (they replace it), several in one week, dates within a week and unrated rows: the latest
    and the start are the series' last point and its last worksheet point."""
    baseline = _frame_of(worksheet_points, {"target": None, "reflection": ""})
    history = _frame_of(follow_up_points, {"reflection": "", "their_value_rating": None})
    result = analytics.latest_vs_baseline(history, baseline)
    assert list(result.columns) == analytics.LATEST_COLUMNS
    assert [str(dtype) for dtype in result.dtypes] == [
        "int64", "object", "object", "Int64", "Int64", "datetime64[us]", "Int64"]
    assert [(row.stakeholder_id, row.stakeholder, row.dimension,
             None if pd.isna(row.baseline_rating) else row.baseline_rating, row.latest_rating,
             row.latest_week) for row in result.itertuples()] == _latest_by_the_series(
        history, baseline)
    changes = result["latest_rating"] - result["baseline_rating"]
    assert result["change"].equals(changes)


# --- Gaps --------------------------------------------------------------------------------------


def test_with_gaps_inserts_empty_rows_for_unlogged_weeks_only_between_logged_ones() -> None:
    history = history_frame(
        [
            (1, "Ans", 1, "value", 2),
            (1, "Ans", 4, "value", 4),
            (1, "Ans", 2, "conversation", 3),
            (1, "Ans", 3, "conversation", 3),
        ]
    )
    result = analytics.with_gaps(history)
    value = result[result["dimension"] == "value"]
    assert list(value["week"]) == [week(1), week(2), week(3), week(4)]
    assert value["rating"].isna().tolist() == [False, True, True, False]
    assert value["gap"].tolist() == [False, True, True, False]
    # Keys are filled in, everything else stays empty: no invented reflection or stakeholder.
    assert (value["stakeholder_id"] == 1).all()
    assert value.loc[value["gap"], "reflection"].isna().all()
    conversation = result[result["dimension"] == "conversation"]
    assert not conversation["gap"].any()
    assert len(result) == 6


def test_with_gaps_on_an_empty_frame() -> None:
    result = analytics.with_gaps(history_frame([]))
    assert result.empty
    assert "gap" in result.columns


# --- The contract with the store ---------------------------------------------------------------


def test_frames_from_the_real_store_fit_the_analytics(tmp_path: Path) -> None:
    now = dt.datetime(2026, 10, 22, 12, 0)  # Thursday of 2026-W43
    db = Store(tmp_path / "x.duckdb", now=lambda: now)
    try:
        project_id = db.create_project("Plein", start_date=dt.date(2026, 9, 7))
        stakeholder_id = db.create_stakeholder(project_id, "Wethouder Jansen")
        for row in worksheet.DIMENSIONS:
            db.save_worksheet_entry(stakeholder_id, row.key, reflection="start", rating=2)
        action_id = db.add_action(stakeholder_id, worksheet.VALUE.key, "Evaluatie plannen")
        ratings = dict.fromkeys(worksheet.DIMENSION_KEYS, 2)
        db.save_follow_up(stakeholder_id, dt.date(2026, 10, 5), ratings=ratings)  # backfill W41
        db.save_follow_up(
            stakeholder_id,
            dt.date(2026, 10, 12),
            ratings={**ratings, "value": 4},
            actions_done={action_id: "Ze was verrast"},
            their_value_rating=3,
        )
        db.save_follow_up(stakeholder_id, dt.date(2026, 10, 19), ratings={**ratings, "value": 5})

        history = db.rating_history(project_id, stakeholder_id)
        baseline = db.worksheet_baseline(project_id, stakeholder_id)
        actions = db.actions_done(project_id, stakeholder_id)
        logged = db.logged_weeks(project_id, dt.date(2026, 9, 7))
    finally:
        db.close()

    effects = analytics.what_worked(history, baseline, actions).set_index("dimension")
    # Baseline placed at W40; action done in W42: W43 (5) - W41 (2) = +3.
    assert effects.loc["value", "with_action_cases"] == 1
    assert effects.loc["value", "with_action_change"] == 3
    # Without: W41 and W42 have the action within [w, w+2] and are skipped; W40 has nothing
    # before it; W43: 5 - 4 = +1.
    assert effects.loc["value", "without_action_cases"] == 1
    assert effects.loc["value", "without_action_change"] == 1
    # Conversation stays 2 from W40 to W43 without actions: W41 measures W43 - W40 = 0; W42 and
    # W43 lie inside that stretch.
    assert effects.loc["conversation", "without_action_cases"] == 1

    latest = analytics.latest_vs_baseline(history, baseline).set_index("dimension")
    assert latest.loc["value", ["baseline_rating", "latest_rating", "change"]].tolist() == [2, 5, 3]
    assert latest.loc["value", "latest_week"] == pd.Timestamp("2026-10-19")

    habit = analytics.habit(logged, now.date())
    assert (habit.logged, habit.window, habit.current_week_logged) == (3, 8, True)
