"""What the weekcheck's 'Vorige keer' panel holds, and when 'Niets veranderd' may repeat it: pure
logic over the records the page reads anyway (belangen.last_time), without Streamlit."""

from __future__ import annotations

import datetime as dt

from belangen import domain, worksheet
from belangen.last_time import NEW_ACTION_CHOICES, blocks_unchanged, last_time

WEEK = dt.date(2026, 11, 30)  # a Monday
KEYS = worksheet.DIMENSION_KEYS
SAVED_AT = dt.datetime(2026, 11, 27, 16, 0)


def follow_up(week: dt.date, ratings: tuple[int, ...], reflection: str = "",
              their_value: int | None = None) -> domain.FollowUp:
    return domain.FollowUp(7, 1, week, dict(zip(KEYS, ratings, strict=True)), their_value,
                           reflection, SAVED_AT)


def action(action_id: int, planned: dt.date | None, status: str = "planned") -> domain.Action:
    return domain.Action(action_id, 1, "conversation", f"Actie {action_id}", planned, status,
                         None, "", 1)


def test_last_weeks_follow_up_is_what_the_panel_shows() -> None:
    previous = follow_up(WEEK - dt.timedelta(weeks=2), (2, 3, 4, 5), "Hij belde zelf.", 4)
    summary = last_time(previous, dict.fromkeys(KEYS, 1), [], WEEK)
    assert summary.week == WEEK - dt.timedelta(weeks=2)
    assert list(summary.ratings) == list(KEYS), "in worksheet order"
    assert summary.ratings == dict(zip(KEYS, (2, 3, 4, 5), strict=True)), "not the worksheet's"
    assert (summary.reflection, summary.their_value) == ("Hij belde zelf.", 4)
    assert summary.repeatable == dict(zip(KEYS, (2, 3, 4, 5), strict=True))


def test_without_an_earlier_follow_up_the_worksheet_is_the_comparison() -> None:
    summary = last_time(None, dict(zip(KEYS, (1, 2, 3, 4), strict=True)), [], WEEK)
    assert summary.week is None
    assert summary.has_ratings
    assert summary.ratings == dict(zip(KEYS, (1, 2, 3, 4), strict=True))
    assert summary.reflection == "" and summary.their_value is None


def test_a_partly_rated_worksheet_is_shown_but_not_repeated() -> None:
    """'Niets veranderd' never invents a rating for an aspect nobody rated."""
    summary = last_time(None, {KEYS[0]: 3, KEYS[1]: None}, [], WEEK)
    assert summary.ratings == {KEYS[0]: 3, KEYS[1]: None, KEYS[2]: None, KEYS[3]: None}
    assert summary.has_ratings
    assert summary.repeatable is None


def test_with_nothing_to_compare_with_nothing_is_shown_as_saved() -> None:
    summary = last_time(None, {}, [], WEEK)
    assert not summary.has_ratings
    assert summary.ratings == dict.fromkeys(KEYS)
    assert summary.repeatable is None


def test_the_actions_planned_for_the_chosen_week_and_the_overdue_ones() -> None:
    actions = [
        action(1, WEEK),
        action(2, WEEK + dt.timedelta(days=3), "in_progress"),  # any day of the week
        action(3, WEEK, "done"),
        action(4, WEEK, "dropped"),
        action(5, WEEK - dt.timedelta(weeks=1)),
        action(6, WEEK - dt.timedelta(weeks=3), "in_progress"),
        action(7, WEEK - dt.timedelta(weeks=3), "done"),
        action(8, WEEK + dt.timedelta(weeks=1)),
        action(9, None),
    ]
    summary = last_time(None, {}, actions, WEEK + dt.timedelta(days=2))
    assert [a.id for a in summary.planned] == [1, 2]
    assert summary.overdue == 2


def test_a_backfilled_week_counts_from_that_week() -> None:
    earlier = WEEK - dt.timedelta(weeks=4)
    actions = [action(1, earlier), action(2, earlier - dt.timedelta(weeks=1)), action(3, WEEK)]
    summary = last_time(None, {}, actions, earlier)
    assert [a.id for a in summary.planned] == [1]
    assert summary.overdue == 1, "a week after the chosen one is not overdue"


def test_only_typed_or_ticked_changes_block_the_unchanged_save() -> None:
    """Choosing a new action's aspect or 'Andere week…' without its text stores nothing, so it
    does not take 'Niets veranderd' away; anything else on the form does."""
    assert not blocks_unchanged(())
    assert not blocks_unchanged(NEW_ACTION_CHOICES)
    for name in ("rating_value", "reflection", "done_3", "outcome_3", "their_value", "new_text"):
        assert blocks_unchanged((name,)), name
        assert blocks_unchanged(("new_week_when", name)), name
