"""Domain records, validation and ISO-week arithmetic: plain Python, no Streamlit, no DuckDB.

Validation raises `ValidationError` with a message key from the text catalogue, so every screen
can show the message at the field in the user's language and the storage layer can refuse the
same input when it comes from elsewhere.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, overload

from belangen import worksheet

MAX_NAME_LENGTH = 120
MAX_TEXT_LENGTH = 100_000
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)


class ValidationError(ValueError):
    """Input the user must correct; `message_key` names the text in the catalogue."""

    def __init__(self, field_name: str, message_key: str, **params: object) -> None:
        super().__init__(f"{field_name}: {message_key} {params}")
        self.field = field_name
        self.message_key = message_key
        self.params = params


# --- Text -------------------------------------------------------------------------------------

_INVISIBLE_CATEGORIES = {"Cc", "Cf"}
_ALLOWED_CONTROLS = {"\n", "\t"}


def clean_text(value: object, field_name: str, *, max_length: int = MAX_TEXT_LENGTH) -> str:
    """Free text as typed, minus surrounding white space; stored verbatim otherwise."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field_name, "error.not_text")
    text = value.replace("\r\n", "\n").replace("\x00", "").strip()
    if len(text) > max_length:
        raise ValidationError(field_name, "error.too_long", limit=max_length)
    return text


def clean_name(value: object, field_name: str = "name") -> str:
    """A name must have something visible in it and fit on one line."""
    text = clean_text(value, field_name, max_length=MAX_NAME_LENGTH)
    if "\n" in text:
        raise ValidationError(field_name, "error.name_one_line")
    visible = "".join(
        ch
        for ch in text
        if not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES
    )
    if not visible:
        raise ValidationError(field_name, "error.name_required")
    return text


def name_key(name: str) -> str:
    """Two names are the same when they differ only in case, Unicode form or invisible marks."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    kept = "".join(
        ch for ch in folded if unicodedata.category(ch) not in _INVISIBLE_CATEGORIES
    )
    return " ".join(kept.split())


# --- Ratings and choices ---------------------------------------------------------------------


def clean_rating(value: object, field_name: str, *, optional: bool = False) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        if optional:
            return None
        raise ValidationError(field_name, "error.rating_required")
    if isinstance(value, bool):
        raise ValidationError(field_name, "error.rating_range")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or not worksheet.RATING_MIN <= value <= worksheet.RATING_MAX:
        raise ValidationError(field_name, "error.rating_range")
    return value


def unanswered(ratings: Mapping[str, object]) -> list[str]:
    """The dimensions (in worksheet order) whose rating is not chosen yet."""
    return [key for key in worksheet.DIMENSION_KEYS if ratings.get(key) is None]


def clean_choice(value: object, choices: object, field_name: str) -> str:
    if not isinstance(value, str) or value not in choices:  # type: ignore[operator]
        raise ValidationError(field_name, "error.invalid_choice")
    return value


# --- Dates and ISO weeks ---------------------------------------------------------------------


@overload
def clean_date(
    value: object, field_name: str, *, optional: Literal[False] = False
) -> dt.date: ...
@overload
def clean_date(value: object, field_name: str, *, optional: bool) -> dt.date | None: ...
def clean_date(value: object, field_name: str, *, optional: bool = False) -> dt.date | None:
    if value is None:
        if optional:
            return None
        raise ValidationError(field_name, "error.date_required")
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise ValidationError(field_name, "error.date_invalid") from None
    if not isinstance(value, dt.date):
        raise ValidationError(field_name, "error.date_invalid")
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            field_name, "error.date_out_of_range", earliest=EARLIEST_DATE, latest=LATEST_DATE
        )
    return value


def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week that holds `day`; weeks are stored as that date."""
    return day - dt.timedelta(days=day.weekday())


def iso_week_label(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


PLANNED_NONE = "none"
PLANNED_OTHER = "other"
PLANNED_AHEAD = 4
"""Planned weeks offered relative to the current week: this week up to four weeks ahead."""
PLANNED_CHOICES = (PLANNED_NONE, *(str(weeks) for weeks in range(PLANNED_AHEAD + 1)),
                   PLANNED_OTHER)
"""'geen', 'deze week', 'volgende week', 'over twee … vier weken', 'andere week…'."""


def planned_week_choice(planned: dt.date | None, today: dt.date) -> tuple[str, dt.date]:
    """How a planned week shows in the chooser on `today`: the relative option it is (or
    'other'), and the week the 'other' chooser holds (the planned week itself; when none is
    planned, the first week after the relative options). A saved week is never shown as
    another."""
    this_week = week_start(today)
    if planned is None:
        return PLANNED_NONE, this_week + dt.timedelta(weeks=PLANNED_AHEAD + 1)
    monday = week_start(planned)
    ahead = (monday - this_week).days // 7
    if 0 <= ahead <= PLANNED_AHEAD:
        return str(ahead), monday
    return PLANNED_OTHER, monday


def planned_week_from(choice: str, other: dt.date | None, today: dt.date) -> dt.date | None:
    """The Monday a chooser's answer means on `today` (None: no planned week)."""
    if choice == PLANNED_NONE:
        return None
    if choice == PLANNED_OTHER:
        return week_start(other) if other is not None else None
    return week_start(today) + dt.timedelta(weeks=int(choice))


def weeks_back(monday: dt.date, count: int) -> list[dt.date]:
    """The `count` ISO weeks ending with `monday`, oldest first."""
    return [monday - dt.timedelta(weeks=offset) for offset in range(count - 1, -1, -1)]


def weeks_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every ISO week from the one holding `first` through the one holding `last`, oldest
    first (none when `first` is later)."""
    monday, end = week_start(first), week_start(last)
    weeks = []
    while monday <= end:
        weeks.append(monday)
        monday += dt.timedelta(weeks=1)
    return weeks


def check_follow_up_week(week: dt.date, project_start: dt.date, today: dt.date) -> dt.date:
    """A follow-up belongs to a week that has begun and does not precede the project."""
    monday = week_start(week)
    if monday > week_start(today):
        raise ValidationError("week", "error.week_in_future")
    if monday < week_start(project_start):
        raise ValidationError("week", "error.week_before_project", start=project_start)
    return monday


# --- Cadence: how often a stakeholder is due for a check-in ------------------------------------

# Weeks between check-ins: every week, every two weeks, every four weeks ("monthly"). Monthly is
# four ISO weeks, so every due date is a week the week chooser can show and Weekritme can count.
CADENCES = (1, 2, 4)
DEFAULT_CADENCE = 1


def clean_cadence(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in CADENCES:
        raise ValidationError("cadence_weeks", "error.invalid_choice")
    return value


def is_due(cadence_weeks: int, last_before: dt.date | None, week: dt.date) -> bool:
    """Whether `week` asks for a check-in with someone seen every `cadence_weeks` weeks, given
    the last week before it that had one (None: never).

    Counted from the last check-in, the way people keep a rhythm with a contact: someone seen
    monthly in week 10 is due again in week 14, and after a late check-in in week 16, in week 20.
    """
    if last_before is None:
        return True
    return (week_start(week) - week_start(last_before)).days // 7 >= cadence_weeks


def due_weeks(
    cadences: dict[int, int], logged: dict[int, list[dt.date]], weeks: list[dt.date],
    first_weeks: dict[int, dt.date] | None = None,
) -> set[dt.date]:
    """The weeks among `weeks` in which at least one stakeholder was due: `cadences` and
    `logged` (their check-in weeks, any order) by stakeholder id; nobody is due before their
    week in `first_weeks` (when they were added)."""
    due: set[dt.date] = set()
    for stakeholder_id, cadence in cadences.items():
        history = sorted(week_start(week) for week in logged.get(stakeholder_id, []))
        first = (first_weeks or {}).get(stakeholder_id)
        for week in weeks:
            if week in due or (first is not None and week < week_start(first)):
                continue
            earlier = bisect.bisect_left(history, week)
            if is_due(cadence, history[earlier - 1] if earlier else None, week):
                due.add(week)
    return due


def confirmed_on(
    status_before: str | None, confirmed_before: dt.date | None, status_after: str, today: dt.date
) -> dt.date | None:
    """The day an interest was confirmed in conversation: set when it becomes confirmed (or is
    written down confirmed: no status before), kept while it stays confirmed, cleared when it
    goes back to suspected."""
    if status_after != "confirmed":
        return None
    if status_before == "confirmed":
        return confirmed_before
    return today


# --- Record rules ------------------------------------------------------------------------------
# What a record may hold, whoever writes it: the store calls these before every write, so input
# from a tampered form is refused the same way as from the screens.


def _required_text(value: object, field_name: str) -> str:
    text = clean_text(value, field_name)
    if not text:
        raise ValidationError(field_name, "error.text_required")
    return text


def project_values(
    name: object, description: object, own_goal: object, start_date: object
) -> dict[str, Any]:
    return {
        "name": clean_name(name),
        "description": clean_text(description, "description"),
        "own_goal": clean_text(own_goal, "own_goal"),
        "start_date": clean_date(start_date, "start_date"),
    }


def stakeholder_values(
    name: object, role: object, constituency: object, notes: object, back_home: object = ""
) -> dict[str, Any]:
    """A stakeholder's fields, with `name_key`: what makes two names the same in a project."""
    clean = clean_name(name)
    return {
        "name": clean,
        "name_key": name_key(clean),
        "role": clean_text(role, "role", max_length=MAX_NAME_LENGTH),
        "constituency": clean_text(constituency, "constituency"),
        "notes": clean_text(notes, "notes"),
        "back_home": clean_text(back_home, "back_home"),
    }


def interest_values(
    text: object, kind: object, status: object, signals: object
) -> dict[str, Any]:
    return {
        "text": _required_text(text, "text"),
        "kind": clean_choice(kind, worksheet.INTEREST_KINDS, "kind"),
        "status": clean_choice(status, worksheet.INTEREST_STATUSES, "status"),
        "signals": clean_text(signals, "signals"),
    }


def own_interest_values(
    text: object, kind: object, on_table: object, notes: object
) -> dict[str, Any]:
    """The user's own interest: a stakeholder's kinds; on the table or kept to themselves."""
    if not isinstance(on_table, bool):
        raise ValidationError("on_table", "error.invalid_choice")
    return {
        "text": _required_text(text, "text"),
        "kind": clean_choice(kind, worksheet.INTEREST_KINDS, "kind"),
        "on_table": on_table,
        "notes": clean_text(notes, "notes"),
    }


# An interest on the map, whoever holds it: 'i<id>' a stakeholder's, 'o<id>' the user's own.
STAKEHOLDER_REF = "i"
OWN_REF = "o"
SELF_PARTY = "self"
"""The party key of the user (and their organisation); a stakeholder's is 's<id>'."""

LINK_RELATIONS = ("shared", "tension")
OPTION_STATUSES = ("idea", "discussed", "agreed", "rejected")
OPEN_OPTION_STATUSES = ("idea", "discussed")


def interest_ref(interest_id: int) -> str:
    return f"{STAKEHOLDER_REF}{int(interest_id)}"


def own_ref(own_interest_id: int) -> str:
    return f"{OWN_REF}{int(own_interest_id)}"


def stakeholder_party(stakeholder_id: int) -> str:
    return f"s{int(stakeholder_id)}"


def parse_ref(value: object, field_name: str = "ref") -> tuple[str, int]:
    """('i', 12) for 'i12'; anything else is refused."""
    if (not isinstance(value, str) or len(value) < 2 or value[0] not in (STAKEHOLDER_REF, OWN_REF)
            or not value[1:].isdigit() or value[1] == "0"):
        raise ValidationError(field_name, "error.invalid_choice")
    return value[0], int(value[1:])


def link_values(first_ref: object, second_ref: object, relation: object,
                note: object) -> dict[str, Any]:
    """A link between two interests, stored in one order so a pair is one link."""
    first = parse_ref(first_ref, "first_ref")
    second = parse_ref(second_ref, "second_ref")
    if first == second:
        raise ValidationError("second_ref", "error.link_same_interest")
    low, high = sorted((f"{first[0]}{first[1]}", f"{second[0]}{second[1]}"))
    return {
        "first_ref": low,
        "second_ref": high,
        "relation": clean_choice(relation, LINK_RELATIONS, "relation"),
        "note": clean_text(note, "note"),
    }


def _id_list(values: object, field_name: str) -> list[int]:
    if not isinstance(values, list | tuple | set | frozenset):
        raise ValidationError(field_name, "error.invalid_choice")
    ids = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(field_name, "error.invalid_choice")
        ids.append(value)
    return sorted(set(ids))


def option_values(
    title: object, description: object, serves: object, costs: object, status: object,
    agreed_on: object, partners: object, *, today: dt.date,
) -> dict[str, Any]:
    """A win-win option as stored. Agreed needs a day (today unless given, never one to
    come) and at least one stakeholder it was agreed with; other statuses keep neither."""
    if not isinstance(serves, list | tuple | set | frozenset):
        raise ValidationError("serves", "error.invalid_choice")
    refs = sorted({"{}{}".format(*parse_ref(ref, "serves")) for ref in serves},
                  key=lambda ref: (ref[0], int(ref[1:])))
    clean_status = clean_choice(status, OPTION_STATUSES, "status")
    day = clean_date(agreed_on, "agreed_on", optional=True)
    with_whom = _id_list(partners, "partners")
    if clean_status == "agreed":
        day = day or today
        if day > today:
            raise ValidationError("agreed_on", "error.agreed_in_future")
        if not with_whom:
            raise ValidationError("partners", "error.agreed_with_nobody")
    else:
        day = None
        with_whom = []
    return {
        "title": clean_name(title, "title"),
        "description": clean_text(description, "description"),
        "serves": refs,
        "costs": clean_text(costs, "costs"),
        "status": clean_status,
        "agreed_on": day,
        "partners": with_whom,
    }


def worksheet_entry_values(
    dimension: object, reflection: object, rating: object, target: object, *, prefix: str = ""
) -> dict[str, Any]:
    """One version of a rated worksheet row; `prefix` names the row in a whole-sheet save."""
    clean_choice(dimension, worksheet.DIMENSION_KEYS, "dimension")
    return {
        "reflection": clean_text(reflection, f"{prefix}reflection"),
        "rating": clean_rating(rating, f"{prefix}rating"),
        "target": clean_rating(target, f"{prefix}target", optional=True),
    }


def action_values(
    text: object,
    planned_week: object,
    status: object,
    done_on: object,
    outcome: object,
    *,
    today: dt.date,
) -> dict[str, Any]:
    """An action as stored: planned for the Monday of its week; done on a day (today unless
    given) only while its status is done, and never on a day still to come."""
    clean = _required_text(text, "text")
    week = clean_date(planned_week, "planned_week", optional=True)
    clean_status = clean_choice(status, worksheet.ACTION_STATUSES, "status")
    done = clean_date(done_on, "done_on", optional=True)
    if clean_status == "done" and done is None:
        done = today
    if clean_status != "done":
        done = None
    if done is not None and done > today:
        raise ValidationError("done_on", "error.done_in_future")
    return {
        "text": clean,
        "planned_week": week_start(week) if week else None,
        "status": clean_status,
        "done_on": done,
        "outcome": clean_text(outcome, "outcome"),
    }


def done_in_week(monday: dt.date, today: dt.date) -> dt.date:
    """The day an action reported in a week's follow-up was done: today for the current week,
    that week's Sunday for an earlier one."""
    return min(today, monday + dt.timedelta(days=6))


# --- Records -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Project:
    id: int
    name: str
    description: str
    own_goal: str
    start_date: dt.date
    archived: bool
    is_sample: bool
    revision: int


@dataclass(frozen=True)
class Stakeholder:
    id: int
    project_id: int
    name: str
    role: str
    constituency: str
    notes: str
    archived: bool
    revision: int
    cadence_weeks: int = DEFAULT_CADENCE
    back_home: str = ""
    """What they must be able to explain to their achterban."""


@dataclass(frozen=True)
class Interest:
    id: int
    stakeholder_id: int
    text: str
    kind: str
    status: str
    signals: str
    confirmed_on: dt.date | None
    archived: bool
    revision: int


@dataclass(frozen=True)
class WorksheetEntry:
    """One saved version of a rated worksheet row; the newest is the current one."""

    id: int
    stakeholder_id: int
    dimension: str
    reflection: str
    rating: int
    target: int | None
    saved_at: dt.datetime


@dataclass(frozen=True)
class Action:
    id: int
    stakeholder_id: int
    row_key: str
    text: str
    planned_week: dt.date | None
    status: str
    done_on: dt.date | None
    outcome: str
    revision: int

    @property
    def is_open(self) -> bool:
        return self.status in worksheet.OPEN_ACTION_STATUSES


@dataclass(frozen=True)
class FollowUp:
    """The current version of one stakeholder's follow-up for one ISO week."""

    id: int
    stakeholder_id: int
    week: dt.date
    ratings: dict[str, int]
    their_value_rating: int | None
    reflection: str
    saved_at: dt.datetime


@dataclass(frozen=True)
class OwnInterest:
    id: int
    project_id: int
    text: str
    kind: str
    on_table: bool
    notes: str
    archived: bool
    revision: int

    @property
    def ref(self) -> str:
        return own_ref(self.id)


@dataclass(frozen=True)
class InterestLink:
    id: int
    project_id: int
    first_ref: str
    second_ref: str
    relation: str
    note: str
    revision: int


@dataclass(frozen=True)
class WinWinOption:
    id: int
    project_id: int
    title: str
    description: str
    serves: tuple[str, ...]
    costs: str
    status: str
    agreed_on: dt.date | None
    partners: tuple[int, ...]
    archived: bool
    revision: int

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_OPTION_STATUSES
