"""The stakeholder register as the Stakeholders page shows it: one row per stakeholder, every
cell already in words (pure pandas over `Store.stakeholder_register`, no Streamlit)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from belangen import formats, worksheet
from belangen.texts import t

COLUMNS = ("stakeholder_id", "name", "ratings", "interests", "role", "next_action",
           "last_follow_up", "cadence", "constituency")
"""In the order shown: the four ratings right after the name, so that on a narrow screen they
stay in view and nobody needs to scroll sideways to see where someone stands."""

NOTHING = "—"
NO_RATING = "–"


def ratings_initials(lang: str) -> str:
    """'I · W · G · O': the column's title names the four rated aspects by their first letter."""
    return " · ".join(row.short_name(lang)[0] for row in worksheet.DIMENSIONS)


def register_rows(register: pd.DataFrame, lang: str, today: dt.date) -> pd.DataFrame:
    """The register's cells in `COLUMNS` order. User text stays as it is: it is shown as cell
    values, never as Markdown."""
    table = register[["stakeholder_id", "name", "role"]].copy()
    table["interests"] = [
        t("register.interests", lang, confirmed=int(confirmed), suspected=int(suspected))
        for confirmed, suspected in zip(register["confirmed_interests"],
                                        register["suspected_interests"], strict=True)]
    table["ratings"] = [
        " · ".join(NO_RATING if pd.isna(rating) else str(int(rating)) for rating in ratings)
        for ratings in register[[f"latest_{key}" for key in worksheet.DIMENSION_KEYS]]
        .itertuples(index=False)]
    table["next_action"] = [
        NOTHING if pd.isna(text) else (
            f"{text} · {formats.week_short(week.date(), lang, today)}" if pd.notna(week) else text)
        for text, week in zip(register["next_action"], register["next_action_week"], strict=True)]
    table["last_follow_up"] = [
        NOTHING if pd.isna(week) else formats.week_short(week.date(), lang, today)
        for week in register["last_follow_up"]]
    table["cadence"] = [t(f"cadence.every_{int(weeks)}", lang)
                        for weeks in register["cadence_weeks"]]
    table["constituency"] = register["constituency"].fillna("")
    return table[list(COLUMNS)]
