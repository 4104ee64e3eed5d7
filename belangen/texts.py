"""The NL/EN text catalogue: every word the app shows that is not the user's own.

Dutch is the default. Worksheet questions, rating labels and kinds live in `worksheet` (the one
definition of the worksheet); everything else lives here. Keys are grouped by screen.
"""

from __future__ import annotations

LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"

TEXTS: dict[str, tuple[str, str]] = {
    # --- charts -------------------------------------------------------------------------------
    "chart.week": ("Week", "Week"),
    "chart.rating": ("Beoordeling", "Rating"),
    "chart.dimension": ("Onderdeel", "Aspect"),
    "chart.stakeholder": ("Stakeholder", "Stakeholder"),
    "chart.reflection": ("Reflectie", "Reflection"),
    "chart.action": ("Actie", "Action"),
    "chart.outcome": ("Opbrengst", "What it yielded"),
    "chart.target": ("Streven", "Target"),
    "chart.worksheet": ("Werkblad (start)", "Worksheet (start)"),
    "chart.their_view": ("Hun oordeel over de waarde", "Their view of the value"),
    "chart.latest": ("Laatste", "Latest"),
    "chart.change": ("Verandering sinds werkblad", "Change since worksheet"),
    "chart.source": ("Bron", "Source"),
    "chart.follow_up": ("Follow-up", "Follow-up"),
    "chart.with_action": ("Met actie", "With action"),
    "chart.without_action": ("Zonder actie", "Without action"),
    "chart.average_change": ("Gemiddelde verandering", "Average change"),
    "chart.cases": ("Aantal gevallen", "Number of cases"),
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from `params`."""
    dutch, english = TEXTS[key]
    text = english if lang == "en" else dutch
    return text.format(**params) if params else text
