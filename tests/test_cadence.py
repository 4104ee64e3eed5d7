"""Cadence (issue 15): a stakeholder seen weekly, every two weeks or monthly (four weeks) is due
for a check-in counted from the last one, and Weekritme does not count weeks nobody was due in
as missed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from belangen import analytics, domain
from belangen.domain import ValidationError
from belangen.store import Store

W10 = dt.date(2026, 3, 2)  # Monday of ISO week 10 of 2026


def week(number: int) -> dt.date:
    return W10 + dt.timedelta(weeks=number - 10)


@pytest.mark.parametrize(("cadence", "last", "asked", "due"), [
    (1, None, 10, True),       # never seen: due
    (1, 9, 10, True),          # weekly: every week
    (2, 9, 10, False),         # every two weeks: seen last week, not yet
    (2, 8, 10, True),
    (4, 10 - 3, 10, False),    # monthly: three weeks after, not yet
    (4, 10 - 4, 10, True),     # four weeks after: due
    (4, 2, 10, True),          # long overdue stays due
])
def test_due_counts_from_the_last_check_in(cadence, last, asked, due):
    last_week = None if last is None else week(last)
    assert domain.is_due(cadence, last_week, week(asked)) is due


def test_a_late_check_in_moves_the_next_due_week():
    """Seen monthly in week 10, due in week 14; seen late in week 16, next due in week 20."""
    logged = {1: [week(10), week(16)]}
    weeks = [week(n) for n in range(11, 22)]
    assert domain.due_weeks({1: 4}, logged, weeks) == {week(14), week(15), week(16), week(20),
                                                      week(21)}


def test_nobody_is_due_before_they_were_added():
    weeks = [week(n) for n in range(8, 12)]
    assert domain.due_weeks({1: 1}, {}, weeks, {1: week(10) + dt.timedelta(days=3)}) == {
        week(10), week(11)}


@pytest.mark.parametrize("bad", [0, 3, 5, "4", None, True, 1.0])
def test_only_the_offered_cadences_are_accepted(bad):
    with pytest.raises(ValidationError) as refused:
        domain.clean_cadence(bad)
    assert refused.value.field == "cadence_weeks"


def test_weekritme_does_not_count_weeks_nobody_was_due_as_missed():
    """Only a monthly contact, seen every four weeks: every week it was due was kept."""
    logged = [week(n) for n in (6, 10, 14)]
    weeks = domain.weeks_back(week(14), 8)
    due = domain.due_weeks({1: 4}, {1: logged}, weeks)
    kept = analytics.habit(logged, week(14), due=due)
    assert (kept.logged, kept.window) == (2, 2)
    # The same weeks counted as if the contact were weekly: six of eight missed.
    assert (analytics.habit(logged, week(14)).logged, analytics.habit(logged, week(14)).window) \
        == (2, 8)


def test_weekritme_still_counts_a_missed_due_week():
    logged = [week(6), week(14)]  # week 10 was due and skipped
    weeks = domain.weeks_back(week(14), 8)
    due = domain.due_weeks({1: 4}, {1: logged}, weeks)
    kept = analytics.habit(logged, week(14), due=due)
    assert week(10) in due
    assert (kept.logged, kept.window) == (1, 5), "weeks 10-13 were due; 14 was kept"


def test_the_store_keeps_the_cadence_and_the_follow_up_status_says_who_is_due(tmp_path: Path):
    clock = [dt.datetime.combine(week(10) + dt.timedelta(days=2), dt.time(10))]
    db = Store(tmp_path / "c.duckdb", now=lambda: clock[0])
    try:
        project = db.create_project("Ritme", start_date=week(1))
        weekly = db.create_stakeholder(project, "Wekelijks")
        monthly = db.create_stakeholder(project, "Maandelijks", cadence_weeks=4)
        fortnightly = db.create_stakeholder(project, "Tweewekelijks", cadence_weeks=2)
        clock[0] += dt.timedelta(weeks=4)  # now in week 14
        ratings = dict.fromkeys(("genuine_interest", "value", "conversation", "negotiation"), 3)
        for person in (weekly, monthly, fortnightly):
            db.save_follow_up(person, week(13), ratings=ratings)
        assert db.get_stakeholder(monthly).cadence_weeks == 4

        status = db.follow_up_status(project, week(14)).set_index("stakeholder_id")
        assert status.loc[weekly, "due"] and not status.loc[monthly, "due"]
        assert not status.loc[fortnightly, "due"]

        # An edit without a cadence keeps it; with one, changes it.
        person = db.get_stakeholder(monthly)
        db.update_stakeholder(monthly, person.revision, name=person.name, role="Wethouder",
                              constituency="", notes="")
        assert db.get_stakeholder(monthly).cadence_weeks == 4
        person = db.get_stakeholder(monthly)
        db.update_stakeholder(monthly, person.revision, name=person.name, role="Wethouder",
                              constituency="", notes="", cadence_weeks=1)
        assert db.follow_up_status(project, week(14)).set_index("stakeholder_id").loc[
            monthly, "due"]
        with pytest.raises(ValidationError):
            db.create_stakeholder(project, "Fout", cadence_weeks=3)

        due, logged = db.check_in_rhythm(project, domain.weeks_back(week(14), 6))
        assert logged == {week(13)}
        # Added in week 10, nobody seen before week 13: due from week 10 on, not before.
        assert due == {week(10), week(11), week(12), week(13), week(14)}
    finally:
        db.close()


def test_the_register_and_the_rating_before_the_latest(tmp_path: Path):
    now = dt.datetime.combine(week(14) + dt.timedelta(days=2), dt.time(10))
    db = Store(tmp_path / "r.duckdb", now=lambda: now)
    try:
        project = db.create_project("Register", start_date=week(1))
        ans = db.create_stakeholder(project, "Ans", "Wethouder", "De raad", cadence_weeks=2)
        bob = db.create_stakeholder(project, "Bob")
        db.add_interest(ans, "Herkozen worden", "political", "suspected", "")
        db.add_interest(ans, "Een rustig plein", "organisational", "confirmed", "")
        db.add_action(ans, "value", "Later", planned_week=week(16))
        db.add_action(ans, "value", "Eerst", planned_week=week(15))
        db.add_action(ans, "value", "Ooit")
        ratings = dict.fromkeys(("genuine_interest", "value", "conversation", "negotiation"), 2)
        db.save_follow_up(ans, week(11), ratings=ratings)
        db.save_follow_up(ans, week(12), ratings={**ratings, "value": 3})
        db.save_follow_up(ans, week(12), ratings={**ratings, "value": 4})  # a second version
        db.save_follow_up(ans, week(13), ratings={**ratings, "value": 5})

        register = db.stakeholder_register(project).set_index("name")
        assert register.loc["Ans", ["role", "constituency", "cadence_weeks",
                                    "confirmed_interests", "suspected_interests"]].tolist() == [
            "Wethouder", "De raad", 2, 1, 1]
        assert register.loc["Ans", "next_action"] == "Eerst"
        assert register.loc["Ans", "last_follow_up"].date() == week(13)
        assert register.loc["Bob"].isna()[["last_follow_up", "next_action"]].all()

        previous = db.previous_ratings(project).set_index("dimension")
        assert set(previous["stakeholder_id"]) == {ans}, "Bob has no follow-up before a latest"
        assert previous.loc["value", "previous_rating"] == 4, "the current version of week 12"
        assert previous.loc["value", "previous_week"].date() == week(12)
        assert bob not in set(previous["stakeholder_id"])
    finally:
        db.close()
