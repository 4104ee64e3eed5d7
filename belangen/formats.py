"""How weeks and dates read in each language: pure functions, no Streamlit.

One place for the notation, so the screens, the charts, the exports and the tests name a week
the same way.
"""

from __future__ import annotations

import datetime as dt

from belangen import texts


def week_choice(monday: dt.date, lang: str) -> str:
    """'Week 49 · 30 nov – 6 dec 2026': the ISO week number, Monday to Sunday."""
    sunday = monday + dt.timedelta(days=6)
    number = monday.isocalendar()[1]
    months = texts.MONTHS_SHORT[lang if lang in texts.MONTHS_SHORT else texts.DEFAULT_LANGUAGE]
    start = f"{monday.day} {months[monday.month - 1]}"
    if monday.year != sunday.year:
        start += f" {monday.year}"
    end = f"{sunday.day} {months[sunday.month - 1]} {sunday.year}"
    return texts.t("week.choice", lang, number=number, start=start, end=end)


def week_short(monday: dt.date, lang: str, today: dt.date) -> str:
    """'week 48', with the year when it is not this year's: 'week 52 van 2025'."""
    year, number, _ = monday.isocalendar()
    if year == today.isocalendar()[0]:
        return texts.t("week.short", lang, number=number)
    return texts.t("week.short_with_year", lang, number=number, year=year)
