"""Pure domain rules: ISO weeks, names, ratings and dates — no Streamlit, no database."""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pytest

from belangen import domain, texts, worksheet
from belangen.domain import ValidationError


@pytest.mark.parametrize(
    ("day", "monday", "label"),
    [
        (dt.date(2026, 11, 26), dt.date(2026, 11, 23), "2026-W48"),
        (dt.date(2026, 11, 23), dt.date(2026, 11, 23), "2026-W48"),
        (dt.date(2026, 11, 29), dt.date(2026, 11, 23), "2026-W48"),  # Sunday ends the week
        (dt.date(2027, 1, 1), dt.date(2026, 12, 28), "2026-W53"),  # 2026 has 53 ISO weeks
        (dt.date(2027, 1, 4), dt.date(2027, 1, 4), "2027-W01"),
        (dt.date(2024, 12, 30), dt.date(2024, 12, 30), "2025-W01"),  # ISO year ahead of calendar
        (dt.date(2021, 1, 3), dt.date(2020, 12, 28), "2020-W53"),
    ],
)
def test_week_start_and_label_follow_iso_weeks(day: dt.date, monday: dt.date, label: str) -> None:
    assert domain.week_start(day) == monday
    assert domain.iso_week_label(domain.week_start(day)) == label
    year, week = label.split("-W")
    assert dt.date.fromisocalendar(int(year), int(week), 1) == monday


def test_week_53_exists_only_in_long_years() -> None:
    assert domain.iso_week_label(domain.week_start(dt.date(2026, 12, 31))) == "2026-W53"
    assert domain.iso_week_label(domain.week_start(dt.date(2025, 12, 31))) == "2026-W01"


def test_weeks_back_crosses_the_year_boundary() -> None:
    weeks = domain.weeks_back(dt.date(2027, 1, 11), 3)
    assert [domain.iso_week_label(w) for w in weeks] == ["2026-W53", "2027-W01", "2027-W02"]


def test_follow_up_week_allows_this_week_and_backfill_but_not_the_future() -> None:
    start, today = dt.date(2026, 9, 2), dt.date(2026, 11, 26)
    assert domain.check_follow_up_week(today, start, today) == dt.date(2026, 11, 23)
    assert domain.check_follow_up_week(dt.date(2026, 11, 29), start, today) == dt.date(2026, 11, 23)
    assert domain.check_follow_up_week(dt.date(2026, 9, 1), start, today) == dt.date(2026, 8, 31)
    with pytest.raises(ValidationError) as future:
        domain.check_follow_up_week(dt.date(2026, 11, 30), start, today)
    assert future.value.message_key == "error.week_in_future"
    with pytest.raises(ValidationError) as early:
        domain.check_follow_up_week(dt.date(2026, 8, 30), start, today)
    assert early.value.message_key == "error.week_before_project"


@pytest.mark.parametrize("name", ["", "   ", "\u200b", "\t\n", None])
def test_a_name_needs_something_visible(name: object) -> None:
    with pytest.raises(ValidationError) as refused:
        domain.clean_name(name)
    assert refused.value.message_key == "error.name_required"


def test_a_name_has_a_sane_length_and_one_line() -> None:
    assert domain.clean_name("x" * domain.MAX_NAME_LENGTH) == "x" * domain.MAX_NAME_LENGTH
    with pytest.raises(ValidationError) as long_name:
        domain.clean_name("x" * (domain.MAX_NAME_LENGTH + 1))
    assert long_name.value.message_key == "error.too_long"
    with pytest.raises(ValidationError):
        domain.clean_name("Jan\nde Vries")


@pytest.mark.parametrize(
    ("first", "second"),
    [("Jan", "JAN"), ("Ångström", "A\u030angstro\u0308m"), ("Jan  de Vries", "jan de vries"),
     ("Jan\u200b", "jan"), ("Straße", "STRASSE")],
)
def test_names_equal_up_to_case_and_unicode_form_share_a_key(first: str, second: str) -> None:
    assert domain.name_key(first) == domain.name_key(second)


def test_different_names_have_different_keys() -> None:
    assert domain.name_key("Jan") != domain.name_key("Jans")


@pytest.mark.parametrize("rating", [1, 3, 5, 4.0])
def test_ratings_one_to_five_pass(rating: object) -> None:
    assert domain.clean_rating(rating, "rating") == int(rating)


@pytest.mark.parametrize("rating", [0, 6, -1, 3.5, "3", True, math.nan, None])
def test_ratings_outside_the_scale_are_refused(rating: object) -> None:
    with pytest.raises(ValidationError):
        domain.clean_rating(rating, "rating")


@pytest.mark.parametrize("value", ["2026-02-30", "morgen", dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_dates_that_cannot_be_are_refused(value: object) -> None:
    with pytest.raises(ValidationError):
        domain.clean_date(value, "start_date")


def test_every_message_key_the_domain_uses_is_in_the_catalogue() -> None:
    source = Path(domain.__file__).read_text(encoding="utf-8")

    keys = set(re.findall(r'"(error\.[a-z_]+)"', source))
    assert keys, "no message keys found"
    assert keys <= set(texts.TEXTS)


def test_the_worksheet_has_five_rows_and_four_labelled_dimensions() -> None:
    assert [row.number for row in worksheet.ROWS] == [1, 2, 3, 4, 5]
    assert len(worksheet.DIMENSIONS) == 4
    for row in worksheet.DIMENSIONS:
        assert len(row.rating_labels) == worksheet.RATING_MAX - worksheet.RATING_MIN + 1
        assert all(label.nl and label.en for label in row.rating_labels)
    assert len({row.colour for row in worksheet.DIMENSIONS}) == 4


# --- Record rules ------------------------------------------------------------------------------

TODAY = dt.date(2026, 11, 26)  # Thursday of 2026-W48


def test_an_action_is_planned_for_the_monday_of_its_week_and_needs_a_text() -> None:
    values = domain.action_values("  Bellen  ", "2026-12-03", "planned", None, "", today=TODAY)
    assert values == {"text": "Bellen", "planned_week": dt.date(2026, 11, 30),
                      "status": "planned", "done_on": None, "outcome": ""}
    with pytest.raises(ValidationError) as refused:
        domain.action_values(" ", None, "planned", None, "", today=TODAY)
    assert (refused.value.field, refused.value.message_key) == ("text", "error.text_required")


def test_done_on_follows_the_status_and_is_never_in_the_future() -> None:
    def done_on(status: str, day: object) -> object:
        return domain.action_values("x", None, status, day, "", today=TODAY)["done_on"]

    assert done_on("done", None) == TODAY
    assert done_on("done", dt.date(2026, 11, 2)) == dt.date(2026, 11, 2)
    assert done_on("in_progress", dt.date(2026, 11, 2)) is None
    assert done_on("dropped", None) is None
    with pytest.raises(ValidationError) as refused:
        done_on("done", TODAY + dt.timedelta(days=1))
    assert refused.value.message_key == "error.done_in_future"


def test_an_action_reported_in_a_follow_up_is_done_within_that_week() -> None:
    assert domain.done_in_week(dt.date(2026, 11, 23), TODAY) == TODAY
    assert domain.done_in_week(dt.date(2026, 11, 9), TODAY) == dt.date(2026, 11, 15)


def test_stakeholder_values_carry_the_key_that_makes_names_the_same() -> None:
    values = domain.stakeholder_values(" Ånne ", "CFO", "", None)
    assert values == {"name": "Ånne", "name_key": domain.name_key("Ånne"), "role": "CFO",
                      "constituency": "", "notes": "", "back_home": ""}
    with pytest.raises(ValidationError):
        domain.stakeholder_values("x", "r" * (domain.MAX_NAME_LENGTH + 1), "", "")


def test_interest_and_project_values_refuse_what_the_screens_refuse() -> None:
    with pytest.raises(ValidationError):
        domain.interest_values("", "political", "suspected", "")
    with pytest.raises(ValidationError):
        domain.interest_values("x", "personal-ish", "suspected", "")
    assert domain.project_values("P", None, "", "2026-01-05")["start_date"] == dt.date(2026, 1, 5)
    with pytest.raises(ValidationError):
        domain.project_values("P", "", "", None)


def test_a_new_interest_written_down_confirmed_is_confirmed_today() -> None:
    assert domain.confirmed_on(None, None, "confirmed", TODAY) == TODAY
    assert domain.confirmed_on(None, None, "suspected", TODAY) is None
    assert domain.confirmed_on("confirmed", dt.date(2026, 1, 1), "confirmed", TODAY) == (
        dt.date(2026, 1, 1)
    )
