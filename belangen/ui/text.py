"""Text for places that render Markdown: user text made literal, and the app's own labels
(ratings, weeks, statuses) and field descriptions in the user's language."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from belangen import formats, worksheet
from belangen.ui.language import language, tr, tr_count

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^])")


# GFM links bare web and e-mail addresses even when every special character is escaped; an
# invisible word joiner after "http(s)", "www" or "@" keeps them text (no click leaves the app).
_AUTOLINK_STARTS = re.compile(r"(?i)(\bhttps?(?=:)|\bwww(?=\.)|@)")


WORD_JOINER = "\u2060"


def plain(text: str) -> str:
    """User text made safe for places that render Markdown (labels, captions): shown literally."""
    unlinked = _AUTOLINK_STARTS.sub(r"\1" + WORD_JOINER, " ".join(text.split()))
    return _MARKDOWN_SPECIALS.sub(r"\\\1", unlinked)


def rating_text(row: worksheet.WorksheetRow, rating: int | None) -> str:
    if rating is None:
        return "—"
    return row.labelled_rating(rating, language())


def rating_number_text(rating: Any) -> str:
    """A rating as its number in a table, "—" when there is none."""
    return "—" if rating is None or pd.isna(rating) else str(int(rating))


def app_today() -> dt.date:
    """The store's today: the clock every week on screen is read against."""
    from belangen.ui.database import get_store  # the store's module draws text from here

    return get_store().today()


def _as_date(day: Any) -> dt.date:
    return day.date() if isinstance(day, (pd.Timestamp, dt.datetime)) else day


def week_text(monday: Any, today: dt.date | None = None) -> str:
    """'week 49' (this year), 'week 52 van 2025' (another), "—" for none. A table of weeks
    passes `today` (the store's), read once: each `app_today()` looks the store up anew."""
    if monday is None or pd.isna(monday):
        return "—"
    return formats.week_short(_as_date(monday), language(), today or app_today())


def action_status_text(status: str) -> str:
    return worksheet.ACTION_STATUSES[status](language())


def signed_change(value: float, cases: int) -> str:
    """An average change with its sign ("+0,5" in Dutch), or that there were no cases."""
    return formats.number(value, language(), signed=True) if cases else tr("trends.no_cases")


def what_worked_sentence(row: worksheet.WorksheetRow, effect: Any) -> str:
    """One plain sentence per dimension for 'Wat werkte?'."""
    return tr(
        "trends.what_worked_sentence",
        row=row.short_name(language()),
        with_change=signed_change(effect.with_action_change, effect.with_action_cases),
        with_cases=tr_count("count.cases", int(effect.with_action_cases)),
        without_change=signed_change(effect.without_action_change, effect.without_action_cases),
        without_cases=tr_count("count.cases", int(effect.without_action_cases)),
    )


def week_choice_text(monday: dt.date, today: dt.date | None = None) -> str:
    """'Week 49 · 30 nov – 6 dec': Monday to Sunday, the way people name a week (the year
    when it is not this year). A list of weeks passes `today`, read once (see `week_text`)."""
    return formats.week_choice(monday, language(), today or app_today())


def unanswered_text(missing: list[str]) -> str:
    lang = language()
    questions = ", ".join(f"{worksheet.row(key).number}. {worksheet.row(key).short_name(lang)}"
                          for key in missing)
    return tr("follow_up.unanswered", questions=questions)


def follow_up_field_text(name: str, value: Any) -> str | None:
    """One line for a set-aside follow-up field (see `Form.show_notices`)."""
    lang = language()
    if name.startswith("rating_"):
        row = worksheet.row(name.removeprefix("rating_"))
        return f"{row.short_name(lang)}: {rating_text(row, value)}"
    if name == "their_value":
        return f"{tr('follow_up.their_value')} {rating_text(worksheet.VALUE, value)}"
    if name == "reflection":
        return f"{tr('follow_up.reflection_title')}: {value}"
    if name.startswith("outcome_") and value:
        return f"{tr('actions.outcome')} {value}"
    if name == "new_text" and value:
        return f"{tr('actions.new')}: {value}"
    return None


def worksheet_field_text(name: str, value: Any) -> str | None:
    """One line for a set-aside worksheet field (see `Form.show_notices`)."""
    key, _, field_name = name.rpartition("_")
    row = worksheet.row(key)
    label = {"rating": tr("worksheet.rating"), "target": tr("worksheet.target"),
             "reflection": tr("worksheet.reflection")}[field_name]
    shown = value if field_name == "reflection" else rating_text(row, value)
    return f"{row.number}. {row.short_name(language())} · {label}: {shown}"


def action_field_text(name: str, value: Any) -> str | None:
    """One line for a set-aside field of an action (see `Form.show_notices`)."""
    if name == "status":
        return f"{tr('actions.status')}: {action_status_text(value)}"
    if name == "planned_week_when":
        from belangen.ui.pickers import planned_choice_text  # pickers draw with this module

        return f"{tr('actions.planned_week')}: {planned_choice_text(value, app_today())}"
    if name == "planned_week_other":
        return f"{tr('actions.planned_week')}: {week_choice_text(value)}"
    label = {"text": tr("actions.text"), "outcome": tr("actions.outcome")}[name]
    return f"{label}: {value}"


_FIELD_LABELS = {
    "project": {"name": "projects.name", "description": "projects.description",
                "own_goal": "projects.own_goal", "start_date": "projects.start_date"},
    "stakeholder": {"name": "stakeholders.name", "role": "stakeholders.role",
                    "constituency": "stakeholders.constituency", "notes": "stakeholders.notes",
                    "back_home": "brief.back_home_field",
                    "cadence_weeks": "stakeholders.cadence"},
    "interest": {"text": "interests.text", "kind": "interests.kind",
                 "status": "interests.status", "signals": "interests.signals"},
}


def _record_field_text(record: str, name: str, value: Any) -> str:
    lang = language()
    if record == "interest" and name == "kind":
        value = worksheet.INTEREST_KINDS[value](lang)
    elif record == "interest" and name == "status":
        value = worksheet.INTEREST_STATUSES[value](lang)
    elif record == "stakeholder" and name == "cadence_weeks":
        value = cadence_text(value)
    return f"{tr(_FIELD_LABELS[record][name])}: {value}"


def follow_up_marker(done: bool, due: bool) -> str:
    """Before a name in the weekcheck's picker: ✓ done this week, ○ still to do, – not due."""
    return "✓ " if done else "○ " if due else "– "


def cadence_text(weeks: int) -> str:
    """'Elke week', 'Om de week', 'Elke vier weken (maandelijks)'."""
    return tr(f"cadence.every_{int(weeks)}")


def project_field_text(name: str, value: Any) -> str:
    return _record_field_text("project", name, value)


def stakeholder_field_text(name: str, value: Any) -> str:
    return _record_field_text("stakeholder", name, value)


def interest_field_text(name: str, value: Any) -> str:
    return _record_field_text("interest", name, value)
