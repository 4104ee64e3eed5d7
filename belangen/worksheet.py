"""The worksheet 'Maak gebruik van belangen': its five rows, four rated dimensions and rating scale.

This module is the single definition every screen, the storage and the charts use. Row 1 (the
interests themselves) has no rating; rows 2-5 are the four dimensions that are rated 1-5 in the
worksheet and again in every weekly follow-up.
"""

from __future__ import annotations

from dataclasses import dataclass

RATING_MIN = 1
RATING_MAX = 5
RATING_SCALE = tuple(range(RATING_MIN, RATING_MAX + 1))


@dataclass(frozen=True)
class Localised:
    nl: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class WorksheetRow:
    key: str
    number: int
    question: Localised
    action_prompt: Localised
    short_name: Localised
    rating_labels: tuple[Localised, ...] = ()
    colour: str = "#595959"

    @property
    def is_rated(self) -> bool:
        return bool(self.rating_labels)

    def rating_label(self, rating: int, lang: str) -> str:
        if rating not in RATING_SCALE:
            raise ValueError(f"rating {rating!r} is not on the {RATING_MIN}-{RATING_MAX} scale")
        return self.rating_labels[rating - RATING_MIN](lang)

    def labelled_rating(self, rating: int, lang: str) -> str:
        """'3 · Enige waarde': the number with what it means on this row, as every screen, chart
        and export writes a rating."""
        return f"{rating} · {self.rating_label(rating, lang)}"


L = Localised

INTERESTS = WorksheetRow(
    key="interests",
    number=1,
    short_name=L("Belangen", "Interests"),
    question=L(
        "Dit zijn de (verborgen) belangen van de stakeholder",
        "These are the stakeholder's (hidden) interests",
    ),
    action_prompt=L(
        "Acties om meer te weten te komen over de belangen van de stakeholder",
        "Actions to learn more about the stakeholder's interests",
    ),
)

# Colours: after the Okabe-Ito palette (blue, vermillion, bluish green, reddish purple), darkened
# until each line reaches 3:1 against the background; under simulated protanopia, deuteranopia
# and tritanopia the four stay further apart than Okabe-Ito's own four (tests/test_chart_text.py).
GENUINE_INTEREST = WorksheetRow(
    key="genuine_interest",
    number=2,
    short_name=L("Interesse", "Interest"),
    question=L(
        "Heb je oprechte interesse in de belangen van de stakeholder?",
        "Are you genuinely interested in the stakeholder's interests?",
    ),
    action_prompt=L(
        "Acties om mijn interesse meer zichtbaar te maken",
        "Actions to make my interest more visible",
    ),
    rating_labels=(
        L("Nauwelijks", "Hardly"),
        L("Zijdelings", "In passing"),
        L("Wel, maar weinig zichtbaar", "Yes, but barely visible"),
        L("Oprecht en zichtbaar", "Genuine and visible"),
        L("Oprecht en door de ander erkend", "Genuine and recognised by them"),
    ),
    colour="#005787",
)

VALUE = WorksheetRow(
    key="value",
    number=3,
    short_name=L("Waarde", "Value"),
    question=L(
        "Creëert de samenwerking voldoende waarde voor de ander?",
        "Does the collaboration create enough value for the other?",
    ),
    action_prompt=L(
        "Acties om dit met de stakeholder te evalueren",
        "Actions to evaluate this with the stakeholder",
    ),
    rating_labels=(
        L("Geen waarde", "No value"),
        L("Weinig waarde", "Little value"),
        L("Enige waarde", "Some value"),
        L("Duidelijke waarde", "Clear value"),
        L("Grote waarde", "Great value"),
    ),
    colour="#D55E00",
)

CONVERSATION = WorksheetRow(
    key="conversation",
    number=4,
    short_name=L("Gesprek", "Conversation"),
    question=L(
        "Wat is de kwaliteit van het gesprek over elkaars belangen?",
        "What is the quality of the conversation about each other's interests?",
    ),
    action_prompt=L(
        "Acties om randvoorwaarden te scheppen, bijvoorbeeld vertrouwen en veiligheid",
        "Actions to create the conditions, such as trust and safety",
    ),
    rating_labels=(
        L("Geen gesprek over belangen", "No talk about interests"),
        L("Oppervlakkig", "Superficial"),
        L("Open over standpunten", "Open about positions"),
        L("Open over belangen", "Open about interests"),
        L("Vertrouwd, ook over verborgen belangen", "Trusting, hidden interests too"),
    ),
    colour="#008863",
)

NEGOTIATION = WorksheetRow(
    key="negotiation",
    number=5,
    short_name=L("Onderhandeling", "Negotiation"),
    question=L(
        "Is de ander bereid om met jou te onderhandelen over belangen?",
        "Is the other willing to negotiate with you about interests?",
    ),
    action_prompt=L(
        "Acties om te komen tot een win-winsituatie, waarbij álle partijen winst kunnen behalen "
        "in de samenwerking",
        "Actions towards a win-win situation in which all parties can gain from the collaboration",
    ),
    rating_labels=(
        L("Niet bereid", "Not willing"),
        L("Afwachtend", "Hesitant"),
        L("Onder voorwaarden", "On conditions"),
        L("Bereid", "Willing"),
        L("Zoekt actief naar win-win", "Actively seeks win-win"),
    ),
    colour="#C0729D",
)

ROWS: tuple[WorksheetRow, ...] = (INTERESTS, GENUINE_INTEREST, VALUE, CONVERSATION, NEGOTIATION)
DIMENSIONS: tuple[WorksheetRow, ...] = tuple(row for row in ROWS if row.is_rated)
ROW_KEYS: tuple[str, ...] = tuple(row.key for row in ROWS)
DIMENSION_KEYS: tuple[str, ...] = tuple(row.key for row in DIMENSIONS)
ROWS_BY_KEY: dict[str, WorksheetRow] = {row.key: row for row in ROWS}

# Row 3's actions are evaluations with the stakeholder; when one is carried out, the follow-up also
# asks how the stakeholder themselves rates the value of the collaboration.
EVALUATION_ROW_KEY = VALUE.key


def row(key: str) -> WorksheetRow:
    return ROWS_BY_KEY[key]


# Kinds of interest the seed names (organisational, individual, political, other).
INTEREST_KINDS: dict[str, Localised] = {
    "organisational": L("Organisatiebelang", "Organisational interest"),
    "individual": L("Individueel belang", "Individual interest"),
    "political": L("Politiek belang", "Political interest"),
    "other": L("Ander belang", "Other interest"),
}

INTEREST_STATUSES: dict[str, Localised] = {
    "suspected": L("Verborgen of vermoed", "Hidden or suspected"),
    "confirmed": L("Bevestigd in gesprek", "Confirmed in conversation"),
}

ACTION_STATUSES: dict[str, Localised] = {
    "planned": L("Gepland", "Planned"),
    "in_progress": L("Bezig", "In progress"),
    "done": L("Gedaan", "Done"),
    "dropped": L("Vervallen", "Dropped"),
}
OPEN_ACTION_STATUSES = ("planned", "in_progress")
