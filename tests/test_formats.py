"""The one week notation and the Dutch decimal comma (no Streamlit), and the planned-week
options relative to the current week."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from belangen import domain, formats

TODAY = dt.date(2026, 12, 1)  # Tuesday of week 49 of 2026


@pytest.mark.parametrize(
    ("monday", "lang", "expected"),
    [
        (dt.date(2026, 11, 30), "nl", "Week 49 · 30 nov – 6 dec"),
        (dt.date(2026, 11, 30), "en", "Week 49 · 30 Nov – 6 Dec"),
        (dt.date(2026, 10, 26), "nl", "Week 44 · 26 okt – 1 nov"),
        # Another year: the year is named.
        (dt.date(2025, 12, 22), "nl", "Week 52 · 22 dec – 28 dec 2025"),
        # A week across the new year names both years, whatever today is.
        (dt.date(2026, 12, 28), "nl", "Week 53 · 28 dec 2026 – 3 jan 2027"),
        (dt.date(2025, 12, 29), "en", "Week 1 · 29 Dec 2025 – 4 Jan 2026"),
        (dt.date(2027, 3, 1), "nl", "Week 9 · 1 mrt – 7 mrt 2027"),
    ],
)
def test_long_form_runs_monday_to_sunday_with_the_year_only_when_needed(
    monday: dt.date, lang: str, expected: str
) -> None:
    assert formats.week_choice(monday, lang, TODAY) == expected


def test_long_form_without_a_today_always_names_the_year() -> None:
    assert formats.week_choice(dt.date(2026, 11, 30), "nl") == "Week 49 · 30 nov – 6 dec 2026"


@pytest.mark.parametrize(
    ("monday", "lang", "expected"),
    [
        (dt.date(2026, 11, 30), "nl", "week 49"),
        (dt.date(2026, 11, 30), "en", "week 49"),
        (dt.date(2025, 12, 22), "nl", "week 52 van 2025"),
        (dt.date(2025, 12, 22), "en", "week 52 of 2025"),
        # The ISO year counts: 29 dec 2025 starts week 1 of 2026, this year.
        (dt.date(2025, 12, 29), "nl", "week 1"),
        (dt.date(2026, 12, 28), "nl", "week 53"),
    ],
)
def test_short_form_names_the_year_where_it_is_ambiguous(
    monday: dt.date, lang: str, expected: str
) -> None:
    assert formats.week_short(monday, lang, TODAY) == expected


def test_short_form_without_a_today_always_names_the_year() -> None:
    """Exports outlive the year they were made in."""
    assert formats.week_short(dt.date(2026, 11, 30), "nl") == "week 49 van 2026"
    assert formats.week_short(dt.date(2026, 11, 30), "en") == "week 49 of 2026"


@pytest.mark.parametrize(
    ("value", "lang", "signed", "expected"),
    [
        (1.0, "nl", True, "+1,0"),
        (1.0, "en", True, "+1.0"),
        (-0.5, "nl", True, "\u22120,5"),
        (2.25, "nl", False, "2,2"),  # rounded half to even, as Python does
        (3.14159, "en", False, "3.1"),
    ],
)
def test_decimals_use_the_languages_separator(
    value: float, lang: str, signed: bool, expected: str
) -> None:
    assert formats.number(value, lang, signed=signed) == expected


SUNDAY = dt.date(2026, 12, 6)
MONDAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("today", "choice", "expected"),
    [
        (SUNDAY, "0", dt.date(2026, 11, 30)),  # a Sunday still belongs to its week
        (SUNDAY, "1", dt.date(2026, 12, 7)),
        (MONDAY, "0", dt.date(2026, 12, 7)),  # a Monday starts a new one
        (MONDAY, "4", dt.date(2027, 1, 4)),
        (dt.date(2026, 12, 31), "1", dt.date(2027, 1, 4)),  # week 53 → week 1
        (MONDAY, domain.PLANNED_NONE, None),
    ],
)
def test_relative_planned_weeks_follow_the_current_week(
    today: dt.date, choice: str, expected: dt.date | None
) -> None:
    assert domain.planned_week_from(choice, None, today) == expected


def test_another_week_is_the_week_chosen() -> None:
    chosen = dt.date(2027, 2, 1)
    assert domain.planned_week_from(domain.PLANNED_OTHER, chosen, MONDAY) == chosen


@pytest.mark.parametrize(
    ("planned", "expected"),
    [
        (None, (domain.PLANNED_NONE, dt.date(2027, 1, 11))),  # 'other' opens after the options
        (dt.date(2026, 12, 7), ("0", dt.date(2026, 12, 7))),
        (dt.date(2026, 12, 21), ("2", dt.date(2026, 12, 21))),
        (dt.date(2027, 1, 4), ("4", dt.date(2027, 1, 4))),
        # Beyond the relative options, or past: shown as exactly that other week.
        (dt.date(2027, 1, 11), (domain.PLANNED_OTHER, dt.date(2027, 1, 11))),
        (dt.date(2026, 11, 30), (domain.PLANNED_OTHER, dt.date(2026, 11, 30))),
    ],
)
def test_a_saved_planned_week_shows_as_itself(
    planned: dt.date | None, expected: tuple[str, dt.date]
) -> None:
    assert domain.planned_week_choice(planned, MONDAY) == expected
    choice, other = domain.planned_week_choice(planned, MONDAY)
    assert domain.planned_week_from(choice, other, MONDAY) == planned  # unchanged stays


def test_a_change_reads_as_a_shape_and_a_number_never_colour_alone() -> None:
    assert [formats.change_mark(c) for c in (2, -1, 0, None, float("nan"), pd.NA)] == [
        "▲2", "▼1", "=", "–", "–", "–"]
    assert formats.rating_with_changes(4, 1, 2) == "4 · ▲1 · ▲2"
    assert formats.rating_with_changes(3.0, None, 0) == "3 · – · ="
    assert formats.rating_with_changes(pd.NA, None, None) == "—"
