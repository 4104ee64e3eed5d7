"""How weeks, dates and numbers read in each language: pure functions, no Streamlit.

One place for the notation, so the screens, the charts, the exports and the tests name a week
(and write a decimal) the same way:

- long form, for choosing a week: "Week 49 · 30 nov – 6 dec", Monday to Sunday, with the year
  when the week is not (wholly) in the current year: "Week 1 · 28 dec 2026 – 3 jan 2027";
- short form, for tables, captions, tooltips and exports: "week 49", with the ISO year when it
  is not the current one ("week 52 van 2025"); documents that outlive the year (exports) pass
  no current day and always carry the year.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from belangen import texts


def _lang(lang: str) -> str:
    return lang if lang in texts.LANGUAGES else texts.DEFAULT_LANGUAGE


def week_choice(monday: dt.date, lang: str, today: dt.date | None = None) -> str:
    """'Week 49 · 30 nov – 6 dec': the ISO week number, Monday to Sunday; the year is shown
    when the week is not in `today`'s year (always without `today`), and on both days when
    the week spans two years."""
    sunday = monday + dt.timedelta(days=6)
    number = monday.isocalendar()[1]
    months = texts.MONTHS_SHORT[_lang(lang)]
    start = f"{monday.day} {months[monday.month - 1]}"
    end = f"{sunday.day} {months[sunday.month - 1]}"
    if monday.year != sunday.year:
        start += f" {monday.year}"
        end += f" {sunday.year}"
    elif today is None or sunday.year != today.year:
        end += f" {sunday.year}"
    return texts.t("week.choice", lang, number=number, start=start, end=end)


def week_short(monday: dt.date, lang: str, today: dt.date | None = None) -> str:
    """'week 48', with the ISO year when it is not `today`'s (always without `today`):
    'week 52 van 2025'."""
    year, number, _ = monday.isocalendar()
    if today is not None and year == today.isocalendar()[0]:
        return texts.t("week.short", lang, number=number)
    return texts.t("week.short_with_year", lang, number=number, year=year)


def decimal_separator(lang: str) -> str:
    return "," if _lang(lang) == "nl" else "."


def number(value: float, lang: str, *, decimals: int = 1, signed: bool = False) -> str:
    """A decimal as the language writes it: '+1,0' in Dutch, '+1.0' in English; a true minus
    sign, so a negative reads as one."""
    text = f"{value:+.{decimals}f}" if signed else f"{value:.{decimals}f}"
    return text.replace(".", decimal_separator(lang)).replace("-", "\u2212")


def change_mark(change: object) -> str:
    """A change between two ratings as a shape and a number, never colour alone: '▲1', '▼2',
    '=' for none; '–' when there is nothing to compare with."""
    if pd.isna(change):
        return "–"
    steps = int(change)  # type: ignore[call-overload]
    if steps > 0:
        return f"▲{steps}"
    if steps < 0:
        return f"▼{-steps}"
    return "="


def rating_with_changes(latest: object, since_previous: object, since_worksheet: object) -> str:
    """'4 · ▲1 · ▲2': the latest rating, its change since the weekcheck before, and since the
    worksheet; '—' when nothing is rated."""
    if pd.isna(latest):
        return "—"
    rating = int(latest)  # type: ignore[call-overload]
    return f"{rating} · {change_mark(since_previous)} · {change_mark(since_worksheet)}"


def format_date(day: dt.date, lang: str) -> str:
    """A day as the documents and screens write it: 01-12-2026, or 2026-12-01 in English."""
    return day.isoformat() if lang == "en" else f"{day:%d-%m-%Y}"
