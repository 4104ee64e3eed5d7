"""A realistic Dutch sample project, so a first-time user can explore every screen with data.

The story: a municipal process director works on the renewal of the (fictional) Hoogveld
neighbourhood with an alderman, a housing association, the residents' association and the local
welfare team. Ten weeks ago the project started; the worksheet was filled in a week later and
eight weekly follow-ups follow, ending last week, with ratings that move after actions.

Everything is written through the store's own methods (validation, change log), then back-dated
in one transaction so the dates read like a real quarter. Given the same `today`, the sample is
the same every time. It is marked `is_sample` and `remove_sample_project` deletes only it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from belangen import domain
from belangen.store import Store


@dataclass(frozen=True)
class SampleInterest:
    text: str
    kind: str
    signals: str = ""
    confirmed_week: int | None = None
    """Week offset (from this week) in which it was confirmed; None: still suspected."""


@dataclass(frozen=True)
class SampleAction:
    row_key: str
    text: str
    planned_week: int | None
    done_week: int | None = None
    outcome: str = ""
    dropped_week: int | None = None
    in_progress: bool = False


@dataclass(frozen=True)
class SampleStakeholder:
    name: str
    role: str
    constituency: str
    notes: str
    interests: tuple[SampleInterest, ...]
    worksheet: dict[str, tuple[int, int, str]]
    """dimension → (rating, target, reflection)"""
    actions: tuple[SampleAction, ...]
    ratings: tuple[tuple[int, int, int, int], ...]
    """Eight weeks, oldest first: (genuine_interest, value, conversation, negotiation)."""
    reflections: dict[int, str] = field(default_factory=dict)
    """Week offset → the follow-up's reflection."""
    their_value: dict[int, int] = field(default_factory=dict)
    """Week offset → how the stakeholder rated the value, when an evaluation took place."""
    back_home: str = ""
    """What they must be able to explain to their achterban."""


PROJECT_NAME = "Wijkvernieuwing Hoogveld (voorbeeld)"
PROJECT_DESCRIPTION = (
    "Samenwerking tussen de gemeente, Woonstichting Hoogveld, de bewonersvereniging en "
    "Welzijn Hoogveld over de renovatie van 240 portiekwoningen en de herinrichting van het "
    "Hoogveldplein. Ik ben procesregisseur namens de gemeente."
)
PROJECT_GOAL = (
    "Vóór de zomer een uitvoeringsplan dat de gemeenteraad, de corporatie én de bewoners "
    "alle drie kunnen steunen."
)
START_WEEK = -10
WORKSHEET_WEEK = -9
FOLLOW_UP_WEEKS = tuple(range(-8, 0))

STAKEHOLDERS: tuple[SampleStakeholder, ...] = (
    SampleStakeholder(
        name="Marieke de Vries",
        role="Wethouder Wonen en Ruimte",
        constituency=(
            "De gemeenteraad en de coalitiepartijen; inwoners die betaalbare woningen verwachten."
        ),
        notes="Wil maandelijks een korte stand van zaken, liever op papier dan in een overleg.",
        back_home=(
            "Aan de coalitie: dat de woondeal gehaald wordt en het plein vóór de verkiezingen "
            "zichtbaar verandert."
        ),
        interests=(
            SampleInterest(
                "De gemeente moet haar deel van de regionale woondeal halen: 150 extra "
                "betaalbare woningen vóór 2028.",
                "organisational",
                confirmed_week=WORKSHEET_WEEK,
            ),
            SampleInterest(
                "Een zichtbaar resultaat in de wijk vóór de gemeenteraadsverkiezingen.",
                "political",
                signals=(
                    "Vraagt in elk overleg of de eerste schop vóór de verkiezingen in de grond "
                    "kan. Noemt het Hoogveldplein in haar nieuwsbrief al 'haar plein'."
                ),
                confirmed_week=-7,
            ),
            SampleInterest(
                "Zich laten zien als bestuurder die bewoners echt betrekt, na de kritiek op "
                "het vorige project.",
                "individual",
                signals="Kwam onaangekondigd naar de bewonersavond en bleef tot het eind.",
            ),
        ),
        worksheet={
            "genuine_interest": (
                3,
                4,
                "Ik ben oprecht benieuwd wat zij wil bereiken, maar in onze overleggen praat ik "
                "vooral over planning en budget. Mijn interesse merkt ze waarschijnlijk "
                "nauwelijks.",
            ),
            "value": (
                3,
                4,
                "De samenwerking levert haar vooral voortgangsrapportages op. Of dat de waarde is "
                "die zij zoekt, weet ik eigenlijk niet.",
            ),
            "conversation": (
                2,
                4,
                "Het gesprek blijft hangen in standpunten: zij wil tempo, ik wil zorgvuldigheid. "
                "Over wat er voor haar op het spel staat, hebben we het nooit gehad.",
            ),
            "negotiation": (
                3,
                4,
                "Ze wil best schuiven in de planning, als ze daar in de raad een goed verhaal "
                "bij heeft.",
            ),
        },
        actions=(
            SampleAction(
                "interests",
                "Een informeel koffiegesprek plannen en vragen wanneer het project voor haar "
                "geslaagd is.",
                planned_week=-7,
                done_week=-7,
                outcome=(
                    "Ze wil vóór de verkiezingen iets kunnen laten zien, al is het alleen het "
                    "plein. De woningaantallen zijn vooral een zorg van de ambtelijke top."
                ),
            ),
            SampleAction(
                "genuine_interest",
                "In het volgende bestuurlijk overleg eerst naar haar zorgen vragen en pas daarna "
                "de planning bespreken.",
                planned_week=-5,
                done_week=-5,
                outcome=("Werkte goed: het overleg was korter en ze gaf zelf aan waar ruimte zat."),
            ),
            SampleAction(
                "value",
                "Samen een halve pagina opstellen: wat moet deze samenwerking de gemeente "
                "opleveren?",
                planned_week=-3,
                done_week=-3,
                outcome=(
                    "Drie punten op papier, waaronder een tijdelijke inrichting van het plein. "
                    "Ze geeft de waarde voor de gemeente nu een 4."
                ),
            ),
            SampleAction(
                "conversation",
                "Na de raadsvergadering bellen om te horen hoe de fracties op het plan reageren.",
                planned_week=0,
                in_progress=True,
            ),
            SampleAction(
                "negotiation",
                "Voorstel uitwerken om het plein in twee fasen aan te leggen, zodat er vóór de "
                "verkiezingen een eerste resultaat ligt.",
                planned_week=1,
            ),
        ),
        ratings=(
            (3, 3, 2, 3),
            (3, 3, 3, 3),
            (3, 3, 3, 3),
            (4, 3, 3, 3),
            (4, 3, 4, 3),
            (4, 4, 4, 3),
            (4, 4, 4, 4),
            (4, 4, 4, 4),
        ),
        reflections={
            -8: "Alleen mails gewisseld over de planning. Nog niets aan de relatie gedaan.",
            -7: (
                "Het koffiegesprek was waardevol. Voor het eerst hoorde ik wat haar echt "
                "bezighoudt."
            ),
            -5: "Eerst naar haar zorgen vragen maakt het overleg rustiger en zakelijker.",
            -3: "Ze rekende zelf voor wat het plein de gemeente oplevert. Dat hielp.",
            -2: "Ze wil meedenken over een gefaseerde aanpak. Daar zit ruimte.",
        },
        their_value={-3: 4},
    ),
    SampleStakeholder(
        name="Ahmed Bouzid",
        role="Projectleider Woonstichting Hoogveld",
        constituency=(
            "De directie en de raad van commissarissen van de corporatie; de huurders van de "
            "240 portiekwoningen."
        ),
        notes="Zijn eerste project van deze omvang.",
        back_home=(
            "Aan directie en commissarissen: dat er geen euro buiten het onderhoudsplan "
            "uitgaat en dat niemand tijdelijk hoeft te verhuizen."
        ),
        interests=(
            SampleInterest(
                "De renovatie moet binnen de begroting van het meerjarenonderhoudsplan blijven; "
                "extra wensen van de gemeente kan de corporatie niet betalen.",
                "organisational",
                confirmed_week=WORKSHEET_WEEK,
            ),
            SampleInterest(
                "Huurders hoeven tijdens de renovatie niet tijdelijk te verhuizen: dat is "
                "afgesproken met de huurdersraad.",
                "organisational",
                confirmed_week=WORKSHEET_WEEK,
            ),
            SampleInterest(
                "Dit project zonder fouten afronden: er lijkt een promotie tot manager vastgoed "
                "aan te hangen.",
                "individual",
                signals=(
                    "Bevestigt elke toezegging na het overleg nog eens per mail. Vertelde terloops "
                    "dat zijn leidinggevende dit jaar met pensioen gaat."
                ),
            ),
        ),
        worksheet={
            "genuine_interest": (
                4,
                4,
                "Ik begrijp zijn begrotingsdruk goed en laat dat ook merken. Daar zit het "
                "probleem niet.",
            ),
            "value": (
                2,
                4,
                "Voor de corporatie voelt de samenwerking vooral als extra eisen: het plein, de "
                "groene binnenhoven. Wat krijgen zij ervoor terug?",
            ),
            "conversation": (
                3,
                4,
                "Open over standpunten en cijfers, maar hij houdt zich in zodra zijn directeur "
                "aanschuift.",
            ),
            "negotiation": (
                2,
                4,
                "Hij wacht af tot de gemeente met geld over de brug komt.",
            ),
        },
        actions=(
            SampleAction(
                "value",
                "Uitzoeken welke gemeentelijke subsidies de corporatie kan gebruiken voor de "
                "binnenhoven.",
                planned_week=-6,
                done_week=-6,
                outcome=(
                    "De regeling Groene Wijken blijkt van toepassing; dat scheelt de corporatie "
                    "ruim een ton."
                ),
            ),
            SampleAction(
                "conversation",
                "Een overleg zonder directeuren erbij, om de knelpunten eerlijk op tafel te "
                "krijgen.",
                planned_week=-5,
                dropped_week=-5,
                outcome="Zijn directeur wilde er per se bij zijn.",
            ),
            SampleAction(
                "value",
                "Met Ahmed evalueren wat de samenwerking de corporatie tot nu toe oplevert.",
                planned_week=-4,
                done_week=-4,
                outcome=(
                    "Hij noemt de subsidie en de snellere vergunning. Zijn eigen oordeel over de "
                    "waarde: een 3, 'het begint ergens op te lijken'."
                ),
            ),
            SampleAction(
                "negotiation",
                "Een gezamenlijk voorstel aan beide directies: de gemeente betaalt het plein, de "
                "corporatie de binnenhoven.",
                planned_week=-2,
                done_week=-2,
                outcome="Beide directies zijn in principe akkoord; de uitwerking volgt.",
            ),
            SampleAction(
                "interests",
                "Vragen hoe zijn organisatie dit project intern beoordeelt.",
                planned_week=2,
            ),
        ),
        ratings=(
            (4, 2, 3, 2),
            (4, 2, 3, 2),
            (4, 3, 3, 2),
            (4, 3, 3, 2),
            (4, 3, 3, 3),
            (4, 3, 3, 3),
            (4, 4, 3, 4),
            (4, 4, 4, 4),
        ),
        reflections={
            -6: "De subsidie veranderde de toon: hij ziet dat de gemeente ook iets brengt.",
            -5: "Jammer dat het overleg zonder directeuren niet doorging.",
            -4: "De evaluatie was eerlijk. Hij durft nu te zeggen wat hem dwarszit.",
            -2: "Het voorstel over plein en binnenhoven is een echte doorbraak.",
            -1: "Hij belde zelf om de uitwerking te plannen. Dat is nieuw.",
        },
        their_value={-4: 3},
    ),
    SampleStakeholder(
        name="Els Jansen",
        role="Voorzitter Bewonersvereniging Hoogveld",
        constituency=(
            "Zo'n zestig leden, vooral oudere huurders; daarnaast een groeiende groep jonge "
            "gezinnen die zich niet vertegenwoordigd voelt."
        ),
        notes="Bereikbaar op dinsdag- en donderdagavond.",
        back_home=(
            "Aan de leden: dat de huur niet harder stijgt dan de besparing, en dat de vereniging "
            "vooraf meepraatte in plaats van achteraf te horen wat er besloten was."
        ),
        interests=(
            SampleInterest(
                "Betaalbare woonlasten na de renovatie: de huur mag niet meer stijgen dan de "
                "energiebesparing oplevert.",
                "organisational",
                confirmed_week=WORKSHEET_WEEK,
            ),
            SampleInterest(
                "Serieus genomen worden: bij de vorige renovatie hoorde de vereniging pas "
                "achteraf wat er besloten was.",
                "individual",
                signals="Begint elk gesprek over 'de vorige keer'.",
                confirmed_week=-5,
            ),
            SampleInterest(
                "De positie van de bewonersvereniging versterken tegenover de nieuwe "
                "huurdersraad van de corporatie.",
                "political",
                signals=(
                    "Noemt de huurdersraad steeds 'die club van de corporatie'. Wil zelf aan "
                    "tafel bij het bestuurlijk overleg."
                ),
            ),
        ),
        worksheet={
            "genuine_interest": (
                3,
                5,
                "Ik vind haar inbreng belangrijk, maar ik spreek haar vooral als er iets "
                "uitgelegd moet worden.",
            ),
            "value": (
                2,
                4,
                "Tot nu toe haalt ze vooral informatie op en neemt ze zorgen mee terug. Concreet "
                "resultaat voor de bewoners is er nog niet.",
            ),
            "conversation": (
                2,
                4,
                "Het wantrouwen van de vorige renovatie zit diep.\n\nZe zegt weinig over wat ze "
                "zelf wil bereiken.",
            ),
            "negotiation": (
                1,
                3,
                "Voorlopig zegt ze vooral nee, tot de huurverhoging van tafel is.",
            ),
        },
        actions=(
            SampleAction(
                "genuine_interest",
                "Op een dinsdagavond naar de ledenvergadering gaan, zonder presentatie, alleen "
                "om te luisteren.",
                planned_week=-7,
                done_week=-7,
                outcome=(
                    "Twintig leden aanwezig. Vooral zorgen over tocht en schimmel; de huur kwam "
                    "pas aan het eind."
                ),
            ),
            SampleAction(
                "conversation",
                "Samen het verslag van de vorige renovatie doornemen: wat ging er toen mis?",
                planned_week=-5,
                done_week=-5,
                outcome=(
                    "Ze vertelde openhartig over toen. De les: vroeg en eerlijk informeren, ook "
                    "als iets nog niet vaststaat."
                ),
            ),
            SampleAction(
                "value",
                "Met Els evalueren of de bewonersavonden haar leden iets opleveren.",
                planned_week=-3,
                done_week=-3,
                outcome=(
                    "Ze geeft de waarde een 2: informatief, maar er verandert niets. Ze wil "
                    "meebeslissen over de inrichting van de binnenhoven."
                ),
            ),
            SampleAction(
                "negotiation",
                "Voorstel: de bewoners kiezen zelf tussen twee ontwerpen voor de binnenhoven.",
                planned_week=0,
            ),
            SampleAction(
                "interests",
                "Uitzoeken hoe de huurdersraad en de bewonersvereniging zich tot elkaar verhouden.",
                planned_week=None,
            ),
        ),
        ratings=(
            (3, 2, 2, 1),
            (4, 2, 2, 1),
            (4, 2, 2, 2),
            (4, 2, 3, 2),
            (4, 2, 3, 2),
            (4, 2, 3, 2),
            (4, 3, 3, 2),
            (4, 3, 4, 3),
        ),
        reflections={
            -7: "Luisteren zonder presentatie werd gewaardeerd; twee leden bedankten me na afloop.",
            -5: "Het gesprek over de vorige renovatie was zwaar, maar het lucht op.",
            -3: "Haar oordeel over de waarde is streng, maar terecht.",
            -1: "Ze wil over de ontwerpen meepraten. Voor het eerst geen 'nee' vooraf.",
        },
        their_value={-3: 2},
    ),
    SampleStakeholder(
        name="Karin Smit",
        role="Teamleider Welzijn Hoogveld",
        constituency=(
            "Opbouwwerkers en vrijwilligers van het buurthuis; de gemeente is hun financier."
        ),
        notes="",
        back_home=(
            "Aan de gemeente als financier: wat het opbouwwerk zichtbaar heeft bijgedragen aan de "
            "wijk."
        ),
        interests=(
            SampleInterest(
                "Het buurthuis aan het plein moet tijdens de werkzaamheden open kunnen blijven.",
                "organisational",
                confirmed_week=WORKSHEET_WEEK,
            ),
            SampleInterest(
                "Meer uren voor opbouwwerk: de subsidieaanvraag voor volgend jaar hangt af van "
                "zichtbare resultaten in de wijk.",
                "organisational",
                signals="Vraagt telkens of het welzijnswerk in de communicatie genoemd wordt.",
            ),
        ),
        worksheet={
            "genuine_interest": (
                2,
                4,
                "Eerlijk gezegd zie ik haar vooral als uitvoerder. Naar haar eigen belangen heb "
                "ik nooit gevraagd.",
            ),
            "value": (
                3,
                3,
                "Haar team kan via het project nieuwe bewoners bereiken; dat waardeert ze.",
            ),
            "conversation": (
                3,
                4,
                "Prettig en open, maar het gaat altijd over de planning van de werkzaamheden.",
            ),
            "negotiation": (
                4,
                4,
                "Denkt uit zichzelf mee over oplossingen, zoals tijdelijke ruimte in de school.",
            ),
        },
        actions=(
            SampleAction(
                "genuine_interest",
                "Karin vragen wat het welzijnswerk zelf uit dit project wil halen.",
                planned_week=-4,
                done_week=-4,
                outcome=(
                    "Zichtbaarheid richting de gemeente en een vaste plek aan het nieuwe plein."
                ),
            ),
            SampleAction(
                "interests",
                "Bij de afdeling subsidies navragen hoe de aanvraag van Welzijn Hoogveld ervoor "
                "staat.",
                planned_week=1,
            ),
        ),
        ratings=(
            (2, 3, 3, 4),
            (2, 3, 3, 4),
            (2, 3, 3, 4),
            (2, 3, 3, 4),
            (3, 3, 4, 4),
            (3, 3, 4, 4),
            (3, 3, 4, 4),
            (4, 3, 4, 4),
        ),
        reflections={
            -4: "Door één vraag weet ik nu wat haar drijft. Had ik veel eerder moeten stellen.",
        },
    ),
)


# The collaboration as a whole. An interest is named by (stakeholder's place in STAKEHOLDERS,
# interest's place in theirs), the user's own by (OWN, its place in OWN_INTERESTS).
OWN = -1
SampleRef = tuple[int, int]


@dataclass(frozen=True)
class SampleOwnInterest:
    text: str
    kind: str
    on_table: bool
    notes: str = ""


@dataclass(frozen=True)
class SampleLink:
    first: SampleRef
    second: SampleRef
    relation: str
    note: str


@dataclass(frozen=True)
class SampleOption:
    title: str
    description: str
    serves: tuple[SampleRef, ...]
    costs: str
    statuses: tuple[tuple[int, str], ...]
    """(week offset, status) as the option moved on, from its first status."""
    partners: tuple[int, ...] = ()
    """Places in STAKEHOLDERS it was agreed with."""


OWN_INTERESTS: tuple[SampleOwnInterest, ...] = (
    SampleOwnInterest(
        "Vóór de zomer een uitvoeringsplan dat de raad, de corporatie en de bewoners alle drie "
        "steunen.",
        "organisational",
        on_table=True,
    ),
    SampleOwnInterest(
        "Laten zien dat een wijkaanpak zonder escalatie kan: mijn opdracht als procesregisseur "
        "loopt eind dit jaar af.",
        "individual",
        on_table=False,
        notes="Niet iets om in het overleg te noemen.",
    ),
)

LINKS: tuple[SampleLink, ...] = (
    SampleLink((0, 0), (2, 0), "shared",
               "Beide willen betaalbaar wonen: de gemeente telt woningen, de bewoners woonlasten."),
    SampleLink((2, 1), (0, 2), "shared",
               "De wethouder wil bewoners betrekken; de vereniging wil vooraf gehoord worden."),
    SampleLink((OWN, 0), (0, 1), "shared",
               "Allebei willen we snel een eerste stap die iedereen in de wijk ziet."),
    SampleLink((3, 0), (2, 1), "shared",
               "Het buurthuis is de plek waar bewoners elkaar en ons spreken."),
    SampleLink((1, 0), (0, 1), "tension",
               "Een eerste schop vóór de verkiezingen vraagt geld dat de corporatie niet heeft."),
    SampleLink((2, 2), (1, 1), "tension",
               "De verhuisafspraak is gemaakt met de huurdersraad, niet met de vereniging."),
)

OPTIONS: tuple[SampleOption, ...] = (
    SampleOption(
        "Het plein eerst tijdelijk inrichten, samen met bewoners en het buurthuis",
        "Een zichtbare eerste stap vóór de verkiezingen, betaald uit het wijkbudget; de "
        "corporatie renoveert daarna volgens haar eigen planning.",
        serves=((0, 1), (1, 0), (2, 1), (3, 0), (OWN, 0)),
        costs="Gemeente: € 40.000 uit het wijkbudget. Welzijn: twee ontwerpavonden begeleiden.",
        statuses=((-4, "idea"), (-3, "discussed"), (-2, "agreed")),
        partners=(0, 2, 3),
    ),
    SampleOption(
        "De huurverhoging koppelen aan de gemeten energiebesparing",
        "Na de renovatie stijgt de huur pas als de besparing een jaar lang is gemeten.",
        serves=((2, 0), (0, 0)),
        costs="Corporatie: minder huur als de besparing tegenvalt, en een jaar meten.",
        statuses=((-2, "idea"), (-1, "discussed")),
    ),
)

_DIMENSION_ORDER = ("genuine_interest", "value", "conversation", "negotiation")


def find_sample_projects(store: Store) -> list[int]:
    return [p.id for p in store.list_projects(include_archived=True) if p.is_sample]


def load_sample_project(store: Store, today: dt.date | None = None) -> int:
    """Create the sample project (once) and return its id; an existing sample is reused.

    `today` is the day the sample ends (its last follow-up is the week before); it defaults to
    the store's today and may not lie after it, because follow-ups cannot be in the future.
    """
    existing = find_sample_projects(store)
    if existing:
        return existing[0]
    today = today or store.today()
    if today > store.today():
        raise ValueError("the sample cannot end after the store's today")
    this_monday = domain.week_start(today)

    def monday(offset: int) -> dt.date:
        return this_monday + dt.timedelta(weeks=offset)

    def moment(offset: int, weekday: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(
            monday(offset) + dt.timedelta(days=weekday), dt.time(hour, minute)
        )

    project_id = store.create_project(
        PROJECT_NAME, PROJECT_DESCRIPTION, PROJECT_GOAL, monday(START_WEEK), is_sample=True
    )
    try:
        _fill(store, project_id, monday, moment)
    except BaseException:
        store.delete_project(project_id)
        raise
    return project_id


def _fill(
    store: Store,
    project_id: int,
    monday: Callable[[int], dt.date],
    moment: Callable[..., dt.datetime],
) -> None:
    # Moments to back-date to, per table and row id.
    created: dict[tuple[str, int], dt.datetime] = {
        ("project", project_id): moment(START_WEEK, 0, 9)
    }
    changed: dict[tuple[str, int], dt.datetime] = {}
    confirmed_on: dict[int, dt.date] = {}
    done_on: dict[int, dt.date] = {}
    saved: dict[tuple[str, int], dt.datetime] = {}
    # (stakeholder id, its story, its actions by id, its interests by id)
    people: list[
        tuple[int, SampleStakeholder, dict[int, SampleAction], dict[int, SampleInterest]]
    ] = []
    for number, person in enumerate(STAKEHOLDERS):
        stakeholder_id = store.create_stakeholder(
            project_id, person.name, person.role, person.constituency, person.notes,
            back_home=person.back_home,
        )
        created[("stakeholder", stakeholder_id)] = moment(START_WEEK, 1, 10, number)
        interests: dict[int, SampleInterest] = {}
        for index, interest in enumerate(person.interests):
            confirmed_at_start = interest.confirmed_week == WORKSHEET_WEEK
            interest_id = store.add_interest(
                stakeholder_id,
                interest.text,
                interest.kind,
                "confirmed" if confirmed_at_start else "suspected",
                interest.signals,
            )
            created[("interest", interest_id)] = moment(WORKSHEET_WEEK, 1, 11, index)
            if confirmed_at_start:
                confirmed_on[interest_id] = monday(WORKSHEET_WEEK) + dt.timedelta(days=1)
            interests[interest_id] = interest
        for index, dimension in enumerate(_DIMENSION_ORDER):
            rating, target, reflection = person.worksheet[dimension]
            entry_id = store.save_worksheet_entry(
                stakeholder_id, dimension, reflection=reflection, rating=rating, target=target
            )
            saved[("worksheet_entry", entry_id)] = moment(WORKSHEET_WEEK, 1, 14, 5 * index)
        actions: dict[int, SampleAction] = {}
        for index, action in enumerate(person.actions):
            action_id = store.add_action(
                stakeholder_id,
                action.row_key,
                action.text,
                planned_week=monday(action.planned_week)
                if action.planned_week is not None
                else None,
            )
            # Actions for the coming weeks were written later, during the follow-ups.
            past = action.planned_week is not None and action.planned_week < 0
            written = WORKSHEET_WEEK if past else -1
            created[("action", action_id)] = moment(written, 2, 9, index)
            actions[action_id] = action
        people.append((stakeholder_id, person, actions, interests))

    for position, week in enumerate(FOLLOW_UP_WEEKS):
        friday = moment(week, 4, 16)
        for stakeholder_id, person, actions, interests in people:
            for interest_id, interest in interests.items():
                if interest.confirmed_week == week:
                    _set_status(store.get_interest, store.update_interest, interest_id,
                                "confirmed", ("text", "kind", "signals"))
                    confirmed_on[interest_id] = monday(week) + dt.timedelta(days=3)
                    changed[("interest", interest_id)] = friday
            for action_id, action in actions.items():
                if action.dropped_week == week:
                    _set_status(store.get_action, store.update_action, action_id, "dropped",
                                ("text", "planned_week"), outcome=action.outcome)
                    changed[("action", action_id)] = friday
            done = {
                action_id: action.outcome
                for action_id, action in actions.items()
                if action.done_week == week
            }
            follow_up_id = store.save_follow_up(
                stakeholder_id,
                monday(week),
                ratings=dict(zip(_DIMENSION_ORDER, person.ratings[position], strict=True)),
                reflection=person.reflections.get(week, ""),
                their_value_rating=person.their_value.get(week),
                actions_done=done,
            )
            saved[("follow_up", follow_up_id)] = friday
            for action_id in done:
                done_on[action_id] = monday(week) + dt.timedelta(days=3)
                changed[("action", action_id)] = friday

    for _stakeholder_id, _person, actions, _interests in people:
        for action_id, action in actions.items():
            if action.in_progress:
                _set_status(store.get_action, store.update_action, action_id, "in_progress",
                            ("text", "planned_week"))
                changed[("action", action_id)] = moment(-1, 4, 16, 30)
    _fill_map(store, project_id, [(sid, list(ints)) for sid, _p, _a, ints in people], moment,
              created, changed)
    # The story's dates instead of the moment it was loaded.
    store.back_date(
        created=created, changed=changed, saved=saved, confirmed_on=confirmed_on, done_on=done_on
    )


def _fill_map(
    store: Store,
    project_id: int,
    people: list[tuple[int, list[int]]],
    moment: Callable[..., dt.datetime],
    created: dict[tuple[str, int], dt.datetime],
    changed: dict[tuple[str, int], dt.datetime],
) -> None:
    """The user's own interests, the links between interests and the options, as the user
    made them from the fifth week of follow-ups on."""
    own_ids = []
    for index, own in enumerate(OWN_INTERESTS):
        own_id = store.add_own_interest(project_id, own.text, own.kind, own.on_table, own.notes)
        created[("own_interest", own_id)] = moment(WORKSHEET_WEEK, 1, 15, index)
        own_ids.append(own_id)

    def ref(place: SampleRef) -> str:
        who, index = place
        if who == OWN:
            return domain.own_ref(own_ids[index])
        return domain.interest_ref(people[who][1][index])

    for index, link in enumerate(LINKS):
        link_id = store.add_link(project_id, ref(link.first), ref(link.second), link.relation,
                                 link.note)
        created[("interest_link", link_id)] = moment(-4, 3, 10, index)
    for option in OPTIONS:
        (first_week, first_status), *later = option.statuses
        serves = [ref(place) for place in option.serves]
        option_id = store.add_option(project_id, option.title, option.description,
                                     serves=serves, costs=option.costs, status=first_status)
        created[("win_win_option", option_id)] = moment(first_week, 3, 11)
        for week, status in later:
            agreed = status == "agreed"
            store.update_option(
                option_id, store.get_option(option_id).revision, title=option.title,
                description=option.description, serves=serves, costs=option.costs,
                status=status,
                agreed_on=moment(week, 2, 0).date() if agreed else None,
                partners=[people[who][0] for who in option.partners] if agreed else [],
            )
            changed[("win_win_option", option_id)] = moment(week, 3, 11)


def _set_status(
    get: Callable[[int], Any],
    update: Callable[..., None],
    record_id: int,
    status: str,
    keep: tuple[str, ...],
    **changes: object,
) -> None:
    """The story's later weeks move a record on (an interest confirmed, an action dropped or
    begun) as a user would through its form: a new status, the `keep` fields as stored."""
    current = get(record_id)
    kept = {name: getattr(current, name) for name in keep}
    update(record_id, current.revision, **kept, status=status, **changes)


def remove_sample_project(store: Store) -> int:
    """Delete every sample project with all its data, leaving real projects untouched.

    Returns how many were removed (0 or 1 in practice).
    """
    removed = 0
    for project_id in find_sample_projects(store):
        store.delete_project(project_id)
        removed += 1
    return removed
