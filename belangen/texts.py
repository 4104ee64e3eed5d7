"""The NL/EN text catalogue: every word the app shows that is not the user's own.

Dutch is the default. Worksheet questions, rating labels and kinds live in `worksheet` (the one
definition of the worksheet); everything else lives here. Keys are grouped by screen.

The glossary below comes first: one Dutch and one English term per concept, so that a screen,
a button and an export call one thing by one name. `tests/test_texts.py` reads it and fails when
a rejected synonym creeps back into the catalogue. Texts with a count come in two forms,
`<key>.one` and `<key>.other` (see `t_count`), never as "versie(s)".
"""

from __future__ import annotations

from typing import NamedTuple

LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"


class Term(NamedTuple):
    """One concept: its Dutch and English term, and the words rejected for it (whole words,
    each form listed, case-insensitive) with why, so the choice is not made again per screen."""

    nl: str
    en: str
    avoid_nl: tuple[str, ...] = ()
    avoid_en: tuple[str, ...] = ()
    note: str = ""


GLOSSARY: dict[str, Term] = {
    "stakeholder": Term("stakeholder", "stakeholder", ("belanghebbende", "belanghebbenden"),
                        note="the worksheet's own word; Dutch professionals use it as it is"),
    "interest": Term("belang", "interest",
                     note="what drives a stakeholder; 'interesse' is onderdeel 2"),
    "suspected": Term("verborgen of vermoed", "hidden or suspected",
                      note="an interest's status until it is confirmed"),
    "confirmed": Term("bevestigd in gesprek", "confirmed in conversation"),
    "hidden_agenda": Term("verborgen agenda", "hidden agenda"),
    "constituency": Term("achterban", "constituency"),
    "worksheet": Term("werkblad", "worksheet"),
    "aspect": Term("onderdeel", "aspect",
                   ("rij", "rijen", "werkbladrij", "dimensie", "dimensies"),
                   ("row", "rows", "dimension", "dimensions"),
                   note="the five numbered parts of the worksheet; four of them are rated"),
    "question": Term("vraag", "question", note="what an onderdeel asks"),
    "rating": Term("waardering", "rating", ("beoordeling", "beoordelingen", "score", "scores"),
                   note="1 to 5, what you give an onderdeel; the exports said 'beoordeling'"),
    "their_view": Term("oordeel van de stakeholder", "the stakeholder's view",
                       ("hun oordeel",), ("their view",),
                       note="the stakeholder's own rating of the value, beside yours"),
    "target": Term("streefniveau", "target", ("streven",),
                   note="'streven' reads as a verb or an ambition, not as a level"),
    "explanation": Term("toelichting", "explanation", note="why a worksheet rating is what it is"),
    "reflection": Term("reflectie", "reflection", note="what you learned, in a weekcheck"),
    "action": Term("actie", "action",
                   note="statuses: gepland, bezig, gedaan, vervallen (planned, in progress, done, "
                   "dropped)"),
    "outcome": Term("opbrengst", "outcome", note="asked as 'Wat leverde het op?'"),
    "overdue": Term("achterstallig", "overdue", ("over tijd", "verlopen"),
                    note="an action's marker says 'te laat'; 'verlopen' would sit next to the "
                    "status 'vervallen'"),
    "weekcheck": Term("weekcheck", "follow-up", ("follow-up", "follow-ups", "wekelijkse follow-up"),
                      note="the weekly look back per stakeholder; the English keeps 'follow-up'"),
    "habit": Term("weekritme", "weekly habit"),
    "unchanged_week": Term("niets veranderd", "nothing changed",
                           note="the one-click save of a week like the last one (issue 15's "
                           "'Niets veranderd'): same ratings, no reflection, nothing ticked; the "
                           "grid's row status 'Ongewijzigd' (unchanged) describes a row, not "
                           "this action"),
    "project": Term("project", "project"),
    "trend": Term("trend", "trend"),
    "archive": Term("archiveren", "archive"),
    "unarchive": Term("uit het archief halen", "unarchive", ("heropenen", "heropend"),
                      ("reopen", "reopened"),
                      note="one verb for projects, stakeholders and interests; not 'terugzetten'"),
    "backup": Term("reservekopie", "backup", ("back-up", "back-ups")),
    "restore_backup": Term("terugzetten", "restore",
                           note="only for a backup or an automatic copy (tested)"),
    "safety_copy": Term("automatische kopie", "automatic copy"),
    "export": Term("exporteren", "export"),
    "printable": Term("afdrukversie", "printable version", ("printbare", "printbaar")),
    "sample": Term("voorbeeldproject", "sample project"),
    "data": Term("gegevens", "data",
                 note="the menu item Gegevens; a stakeholder's own fields are its 'Profiel'"),
    "profile": Term("profiel", "profile", note="name, role, constituency and notes"),
}

MONTHS_SHORT = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

WEEKDAYS = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

# Day and month names for Vega's time locale (charts); short months come from MONTHS_SHORT.
CHART_LOCALE: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "days": ("zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"),
        "short_days": ("zo", "ma", "di", "wo", "do", "vr", "za"),
        "months": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                   "september", "oktober", "november", "december"),
    },
    "en": {
        "days": ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
        "short_days": ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"),
        "months": ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"),
    },
}

TEXTS: dict[str, tuple[str, str]] = {
    # --- navigation and shared ----------------------------------------------------------------
    "nav.overview": ("Overzicht", "Overview"),
    "nav.projects": ("Projecten", "Projects"),
    "nav.stakeholders": ("Stakeholders", "Stakeholders"),
    "nav.worksheet": ("Werkblad", "Worksheet"),
    "nav.follow_up": ("Weekcheck", "Weekly follow-up"),
    "nav.trends": ("Trends", "Trends"),
    "party.self": ("Ik / mijn organisatie", "Me / my organisation"),
    "party.self_object": ("mij / mijn organisatie", "me / my organisation"),
    "party.suspected": ("vermoed", "suspected"),
    "party.own_off_table": ("niet op tafel", "not on the table"),
    "nav.interest_map": ("Belangenkaart", "Interest map"),
    "nav.options": ("Win-win opties", "Win-win options"),
    "nav.brief": ("Gespreksvoorbereiding", "Meeting brief"),
    # --- Gespreksvoorbereiding (brief.*) ------------------------------------------------------
    "brief.intro": (
        "Alles over {name} op één plek, voor je volgende gesprek: waar het hen om gaat, wat je "
        "nog moet toetsen, waar jullie elkaar vinden en waar het schuurt.",
        "Everything about {name} in one place, for your next conversation: what matters to "
        "them, what you still need to test, where you meet and where it chafes.",
    ),
    "brief.for_week": ("Voor het gesprek in {week}", "For the conversation in {week}"),
    "brief.title": ("Gespreksvoorbereiding — {name}", "Meeting brief — {name}"),
    "brief.week": ("Gesprek in", "Meeting in"),
    "brief.hypothesis": ("hypothese", "hypothesis"),
    "brief.confirmed": ("Bevestigde belangen", "Confirmed interests"),
    "brief.confirmed_none": (
        "Nog geen belang bevestigd in gesprek.", "No interest confirmed in conversation yet."),
    "brief.to_test": ("Te toetsen in het gesprek", "To test in the conversation"),
    "brief.to_test_intro": (
        "Vermoedens, geen feiten: vraag open door, bijvoorbeeld ‘Wat is voor u belangrijk "
        "aan …?’, en leg niets voor als vaststaand.",
        "Suspicions, not facts: ask open questions, such as ‘What matters to you about …?’, "
        "and present nothing as settled.",
    ),
    "brief.to_test_none": ("Geen vermoede belangen.", "No suspected interests."),
    "brief.back_home_title": ("Achterban", "Constituency"),
    "brief.back_home": ("Moet thuis kunnen uitleggen", "Must be able to explain back home"),
    "brief.back_home_none": (
        "Nog niet ingevuld: vul de achterban aan bij Stakeholders.",
        "Not filled in yet: add the constituency under Stakeholders.",
    ),
    "brief.back_home_field": (
        "Wat moeten ze aan hun achterban kunnen uitleggen?",
        "What must they be able to explain to their constituency?",
    ),
    "brief.back_home_field_help": (
        "Wat moet deze persoon thuis kunnen verdedigen of laten zien, wil een afspraak "
        "standhouden?",
        "What must this person be able to defend or show back home for an agreement to hold?",
    ),
    "brief.with": ("Met {names}", "With {names}"),
    "brief.link_note": ("Toelichting", "Note"),
    "brief.shared": ("Gedeelde belangen", "Shared interests"),
    "brief.shared_none": (
        "Nog geen belang van hen gedeeld met een ander (leg verbanden op de Belangenkaart).",
        "No interest of theirs shared with another yet (link them on the interest map).",
    ),
    "brief.tensions": ("Spanningen", "Tensions"),
    "brief.tensions_none": ("Geen spanningen genoteerd.", "No tensions noted."),
    "brief.options": ("Open win-win opties", "Open win-win options"),
    "brief.options_none": (
        "Geen open opties waar zij baat bij hebben.", "No open options that benefit them."),
    "brief.agreements": ("Afspraken", "Agreements"),
    "brief.agreements_none": ("Nog geen afspraken met hen.", "No agreements with them yet."),
    "brief.option_serves_them": (
        "Dient hun belang: {interests}", "Serves their interest: {interests}"),
    "brief.option_others_gain": ("Ook winst voor: {parties}", "Also a gain for: {parties}"),
    "brief.option_costs": ("Wat het kost: {costs}", "What it costs: {costs}"),
    "brief.actions": ("Acties die nu aan de beurt zijn", "Actions due now"),
    "brief.actions_none": (
        "Geen open acties gepland tot en met deze week.",
        "No open actions planned up to and including this week.",
    ),
    "brief.action_this_week": ("{status}, {week}", "{status}, {week}"),
    "brief.action_overdue": ("Achterstallig: {status}, {week}", "Overdue: {status}, {week}"),
    "brief.trend": ("Verloop van de waarderingen", "How the ratings moved"),
    "brief.trend_none_at_all": ("Nog niets gewaardeerd.", "Nothing rated yet."),
    "brief.trend_none": ("{row}: nog geen waardering", "{row}: not rated yet"),
    "brief.trend_worksheet_only": (
        "{row}: {rating} op het werkblad ({week}), nog geen weekcheck",
        "{row}: {rating} on the worksheet ({week}), no follow-up yet",
    ),
    "brief.trend_first": (
        "{row}: {rating} in {week}, de eerste waardering",
        "{row}: {rating} in {week}, the first rating",
    ),
    "brief.trend_change": (
        "{row}: van {first} naar {latest} sinds {week}",
        "{row}: from {first} to {latest} since {week}",
    ),
    "brief.trend_same": (
        "{row}: gelijk gebleven op {rating} sinds {week}",
        "{row}: unchanged at {rating} since {week}",
    ),
    "brief.trend_back": (
        "{row}: weer {rating}, net als in {week}",
        "{row}: back at {rating}, as in {week}",
    ),
    "brief.reflections": ("Laatste reflecties", "Latest reflections"),
    "brief.reflections_none": (
        "Nog geen reflectie in een weekcheck.", "No reflection in a follow-up yet."),
    "brief.worked": ("Wat werkte met hen", "What worked with them"),
    "brief.worked_intro": (
        "Hoe een waardering bewoog in de twee weken na een actie, en wat acties opleverden.",
        "How a rating moved in the two weeks after an action, and what actions yielded.",
    ),
    "brief.worked_none": (
        "Nog geen gedane acties met een opbrengst of een gemeten effect.",
        "No done actions with an outcome or a measured effect yet.",
    ),
    "brief.worked_change": (
        "na een actie gemiddeld {change} ({cases})",
        "after an action {change} on average ({cases})",
    ),
    "brief.done_on": ("Gedaan op {date}", "Done on {date}"),
    "brief.include_hidden": (
        "Vermoede belangen meenemen in de download",
        "Include suspected interests in the download",
    ),
    "brief.include_hidden_help": (
        "Uit: alleen wat bevestigd en op tafel is, geschikt om te delen. Aan: ook je "
        "hypotheses, houd het bestand dan voor jezelf.",
        "Off: only what is confirmed and on the table, fit to share. On: your hypotheses "
        "too; then keep the file to yourself.",
    ),
    "brief.download_markdown": ("Download als Markdown", "Download as Markdown"),
    "brief.download_html": ("Afdrukversie (HTML)", "Printable version (HTML)"),
    "brief.downloads": ("Meenemen naar het gesprek", "Take it to the meeting"),
    "brief.follow_up": (
        "Na het gesprek: weekcheck invullen", "After the meeting: fill in the follow-up"),
    "brief.follow_up_help": (
        "Opent de weekcheck van {week} voor {name}.", "Opens the follow-up of {week} for {name}."),
    "brief.file": ("gespreksvoorbereiding", "meeting-brief"),
    "options.intro": (
        "Een win-win optie is een concreet idee waar meer partijen iets aan hebben. Leg vast "
        "welke belangen het dient, wat het wie kost en hoe ver het is: van idee tot afspraak.",
        "A win-win option is a concrete idea that several parties gain from. Note which "
        "interests it serves, what it costs whom and how far it has come: from idea to "
        "agreement.",
    ),
    "options.new": ("Nieuwe optie", "New option"),
    "options.title": ("Titel", "Title"),
    "options.title_placeholder": (
        "Bijvoorbeeld: bewonersavond vóór het raadsbesluit",
        "For example: a residents' evening before the council decides",
    ),
    "options.description": ("Beschrijving", "Description"),
    "options.serves": ("Welke belangen dient het?", "Which interests does it serve?"),
    "options.serves_placeholder": ("Kies belangen", "Choose interests"),
    "options.serves_help": (
        "Belangen van elke partij op de belangenkaart, ook je eigen. Een vermoed belang staat "
        "erbij als vermoed: toets het voor je erop bouwt.",
        "Interests of every party on the interest map, your own included. A suspected interest "
        "is marked as suspected: test it before you build on it.",
    ),
    "options.no_interests": (
        "Er staan nog geen belangen op de kaart. Noteer die van je stakeholders bij "
        "Stakeholders en je eigen op de Belangenkaart; een optie kun je al wel vastleggen.",
        "There are no interests on the map yet. Note your stakeholders' interests under "
        "Stakeholders and your own on the Interest map; you can already note an option.",
    ),
    "options.costs": ("Wat kost het wie?", "What does it cost whom?"),
    "options.costs_help": (
        "Geld, tijd, een concessie, gezichtsverlies: per partij wat het vraagt.",
        "Money, time, a concession, loss of face: per party what it asks.",
    ),
    "options.status": ("Status", "Status"),
    "options.status.idea": ("Idee", "Idea"),
    "options.status.discussed": ("Besproken", "Discussed"),
    "options.status.agreed": ("Afgesproken", "Agreed"),
    "options.status.rejected": ("Verworpen", "Rejected"),
    "options.agreed_on": ("Afgesproken op", "Agreed on"),
    "options.partners": ("Met wie?", "With whom?"),
    "options.partners_placeholder": ("Kies stakeholders", "Choose stakeholders"),
    "options.partners_help": (
        "De stakeholders met wie je dit hebt afgesproken: minstens één.",
        "The stakeholders you agreed this with: at least one.",
    ),
    "options.no_partners": (
        "Dit project heeft nog geen stakeholders om iets mee af te spreken.",
        "This project has no stakeholders yet to agree anything with.",
    ),
    "options.add": ("Optie toevoegen", "Add option"),
    "options.added": ("Optie toegevoegd.", "Option added."),
    "options.saved": ("Optie opgeslagen.", "Option saved."),
    "options.archived": ("Optie gearchiveerd.", "Option archived."),
    "options.unarchived": ("Optie uit het archief gehaald.", "Option unarchived."),
    "options.edit": ("Bewerken", "Edit"),
    "options.none": (
        "Nog geen opties. Bedenk er een met het formulier hierboven: een idee waar meer "
        "partijen iets aan hebben.",
        "No options yet. Think of one with the form above: an idea several parties gain from.",
    ),
    "options.group.open": ("Open opties", "Open options"),
    "options.group.agreed": ("Afspraken", "Agreements"),
    "options.group.rejected": ("Verworpen opties", "Rejected options"),
    "options.group.archived": ("Gearchiveerde opties", "Archived options"),
    "options.every_party": ("Iedereen wint", "Everyone gains"),
    "options.every_party_explained": (
        "**Iedereen wint**: de optie dient minstens één belang van elke partij, dus van "
        "Ik / mijn organisatie en van elke stakeholder van het project, ook wie nog geen "
        "belangen heeft.",
        "**Everyone gains**: the option serves at least one interest of every party, so of "
        "Me / my organisation and of every stakeholder of the project, also those without "
        "interests yet.",
    ),
    "options.every_party_suspected": (
        "Rust deels op vermoede belangen: toets die in gesprek.",
        "Rests partly on suspected interests: test them in conversation.",
    ),
    "options.gains": ("Wie wint wat", "Who gains what"),
    "options.gains_nothing": (
        "Wint er (nog) niets bij: {parties}", "Gains nothing (yet): {parties}"
    ),
    "options.serves_nothing": (
        "Dient nog geen belangen: kies ze bij Bewerken.",
        "Serves no interests yet: choose them under Edit.",
    ),
    "options.served_gone.one": (
        "1 belang dat deze optie diende staat niet meer op de kaart.",
        "1 interest this option served is no longer on the map.",
    ),
    "options.served_gone.other": (
        "{count} belangen die deze optie diende staan niet meer op de kaart.",
        "{count} interests this option served are no longer on the map.",
    ),
    "options.interest_gone": ("Belang niet meer op de kaart", "Interest no longer on the map"),
    "options.costs_shown": ("Wat kost het wie:", "What it costs whom:"),
    "options.agreed_with": (
        "Afgesproken op {date} met {partners}", "Agreed on {date} with {partners}"
    ),
    "options.make_actions": ("Maak acties", "Make actions"),
    "options.make_actions_intro": (
        "Zet de afspraak om in een geplande actie op het werkblad van elke stakeholder die je "
        "kiest: één actie per stakeholder.",
        "Turn the agreement into a planned action on the worksheet of each stakeholder you "
        "choose: one action per stakeholder.",
    ),
    "options.action_stakeholders": ("Voor wie?", "For whom?"),
    "options.action_row": ("Onderdeel van het werkblad", "Aspect of the worksheet"),
    "options.actions_made.one": ("1 actie gemaakt.", "1 action made."),
    "options.actions_made.other": ("{count} acties gemaakt.", "{count} actions made."),
    "options.actions_from": ("Acties uit deze afspraak", "Actions from this agreement"),
    "options.no_stakeholders": (
        "Dit project heeft nog geen stakeholders.", "This project has no stakeholders yet."
    ),
    # --- Belangenkaart (map.*) ----------------------------------------------------------------
    "map.intro": (
        "Alle belangen van alle partijen in {project} op één kaart, jezelf meegerekend. Leg "
        "verbanden tussen belangen die gedeeld worden of botsen: zo zie je waar jullie "
        "gezamenlijke vertrekpunt ligt en waar het schuurt.",
        "Every interest of every party in {project} on one map, yourself included. Link "
        "interests that are shared or that clash: you see where your common ground lies and "
        "where it chafes.",
    ),
    "map.own.title": ("Mijn eigen belangen", "My own interests"),
    "map.own.question": (
        "Welke opbrengst moet het aangaan van een samenwerking hebben?",
        "What outcome must entering into a collaboration bring?",
    ),
    "map.own.intro": (
        "Het werkblad vraagt: „{question}” Schrijf op wat deze samenwerking jou en je "
        "organisatie moet opleveren, en of je dat op tafel legt.",
        "The worksheet asks: “{question}” Write down what this collaboration must bring you "
        "and your organisation, and whether you put it on the table.",
    ),
    "map.own.goal": ("Mijn doel bij dit project (uit Projecten)", "My goal in this project "
                     "(from Projects)"),
    "map.own.none": (
        "Je hebt nog geen eigen belangen genoteerd. Zonder die van jezelf is de kaart niet "
        "compleet: ook jij bent een partij.",
        "You have not noted any interests of your own yet. Without yours the map is not "
        "complete: you are a party too.",
    ),
    "map.own.new": ("Nieuw eigen belang", "New interest of my own"),
    "map.own.text": ("Mijn belang", "My interest"),
    "map.own.on_table": ("Leg je dit op tafel?", "Do you put this on the table?"),
    "map.own.on_table_help": (
        "Op tafel: je bespreekt het open met de anderen. Houd je het voor jezelf, dan telt het "
        "op de kaart als hypothese en blijft het buiten exports, tenzij je anders kiest.",
        "On the table: you discuss it openly with the others. If you keep it to yourself, it "
        "counts as a hypothesis on the map and stays out of exports unless you choose "
        "otherwise.",
    ),
    "map.own.shown": ("Op tafel", "On the table"),
    "map.own.kept": ("Houd ik voor mezelf", "I keep this to myself"),
    "map.own.notes": ("Notities", "Notes"),
    "map.own.notes_help": (
        "Bijvoorbeeld waarom je het (nog) voor je houdt, of wanneer je het wilt bespreken.",
        "For example why you keep it to yourself (for now), or when you want to discuss it.",
    ),
    "map.own.add": ("Eigen belang toevoegen", "Add my interest"),
    "map.own.added": ("Eigen belang toegevoegd.", "Interest of my own added."),
    "map.all.title": ("Alle belangen", "All interests"),
    "map.all.intro": (
        "Per soort belang, van iedere partij. Wat nog niet bevestigd is, staat er als "
        "hypothese: toets het in gesprek voor je erop bouwt.",
        "By kind of interest, of every party. What is not confirmed yet is shown as a "
        "hypothesis: test it in conversation before you build on it.",
    ),
    "map.all.none": (
        "Er staan nog geen belangen op de kaart. Voeg de belangen van je stakeholders toe bij "
        "Stakeholders, en je eigen belangen hierboven.",
        "There are no interests on the map yet. Add your stakeholders' interests under "
        "Stakeholders, and your own interests above.",
    ),
    "map.all.to_stakeholders": ("Belangen toevoegen bij Stakeholders",
                                "Add interests under Stakeholders"),
    "map.hypothesis": ("Hypothese", "Hypothesis"),
    "map.link.title": ("Verband leggen", "Link interests"),
    "map.link.intro": (
        "Kies twee belangen van verschillende partijen en zeg hoe ze zich tot elkaar verhouden.",
        "Choose two interests of different parties and say how they relate.",
    ),
    "map.link.too_few": (
        "Een verband leg je tussen belangen van twee partijen. Zodra er belangen van minstens "
        "twee partijen op de kaart staan (jij telt mee), kun je hier verbanden leggen.",
        "A link joins interests of two parties. As soon as the map holds interests of at least "
        "two parties (you count too), you can link them here.",
    ),
    "map.link.first": ("Belang A", "Interest A"),
    "map.link.second": ("Belang B (van een andere partij)", "Interest B (of another party)"),
    "map.link.pick": ("Kies een belang", "Choose an interest"),
    "map.link.pick_required": ("Kies een belang.", "Choose an interest."),
    "map.link.relation": ("Hoe verhouden ze zich?", "How do they relate?"),
    "map.link.relation_help": (
        "Gedeeld: beide partijen willen hetzelfde of versterken elkaar. In spanning: wat de een "
        "wil, gaat ten koste van wat de ander wil.",
        "Shared: both parties want the same or strengthen each other. In tension: what one "
        "wants comes at the cost of what the other wants.",
    ),
    "map.relation.shared": ("Gedeeld", "Shared"),
    "map.relation.tension": ("In spanning", "In tension"),
    "map.link.note": ("Korte notitie", "Short note"),
    "map.link.note_help": (
        "Waarom ze samengaan of botsen, in een paar woorden.",
        "Why they go together or clash, in a few words.",
    ),
    "map.link.add": ("Verband leggen", "Link them"),
    "map.link.new": ("Nieuw verband", "New link"),
    "map.link.added": ("Verband gelegd.", "Link made."),
    "map.links.title": ("Verbanden", "Links"),
    "map.links.none": (
        "Nog geen verbanden. Leg er hierboven een tussen twee belangen van verschillende "
        "partijen.",
        "No links yet. Make one above between two interests of different parties.",
    ),
    "map.links.edit": ("Belangen, aanpassen of weghalen", "Interests, change or remove"),
    "map.links.remove_help": (
        "Weghalen haalt alleen dit verband en de notitie ervan van de kaart; de twee belangen "
        "blijven staan. Terughalen kan niet: leg het verband zo nodig opnieuw.",
        "Removing takes only this link and its note off the map; both interests stay. It "
        "cannot be brought back: make the link again if you need it.",
    ),
    "map.links.remove_confirm": ("Ja, haal dit verband weg", "Yes, remove this link"),
    "map.links.remove": ("Verband weghalen", "Remove link"),
    "map.links.removed": ("Verband weggehaald.", "Link removed."),
    "map.note": ("Notitie", "Note"),
    "map.common.title": ("Gezamenlijk vertrekpunt", "Common ground"),
    "map.common.intro": (
        "Belangen die door gedeelde verbanden samenhangen, met de meeste partijen eerst: hier "
        "kan de samenwerking op bouwen.",
        "Interests joined by shared links, most parties first: this is what the collaboration "
        "can build on.",
    ),
    "map.common.none": (
        "Nog geen gezamenlijk vertrekpunt. Leg een verband ‘gedeeld’ tussen belangen van twee "
        "partijen om het te vinden.",
        "No common ground yet. Link interests of two parties as ‘shared’ to find it.",
    ),
    "map.common.shared_by.one": ("Gedeeld door {count} partij: {names}",
                                 "Shared by {count} party: {names}"),
    "map.common.shared_by.other": ("Gedeeld door {count} partijen: {names}",
                                   "Shared by {count} parties: {names}"),
    "map.rests_on_hypothesis": (
        "Rust deels op een hypothese: toets die eerst in gesprek voor je erop bouwt.",
        "Rests partly on a hypothesis: test it in conversation before you build on it.",
    ),
    "map.tensions.title": ("Spanningen", "Tensions"),
    "map.tensions.intro": (
        "Waar het belang van de een ten koste gaat van dat van de ander: bespreek het, zoek een "
        "optie die beide dient.",
        "Where one party's interest comes at the cost of another's: discuss it, look for an "
        "option that serves both.",
    ),
    "map.tensions.none": ("Nog geen spanningen vastgelegd.", "No tensions noted yet."),
    "nav.active_project": ("Actief project", "Active project"),
    "nav.document_title": ("{page} · Belangen", "{page} · Belangen"),
    "common.save": ("Opslaan", "Save"),
    "common.saved": ("Opgeslagen.", "Saved."),
    "common.archive": ("Archiveren", "Archive"),
    "common.unarchive": ("Uit archief halen", "Unarchive"),
    "common.archived_marker": (" (gearchiveerd)", " (archived)"),
    "common.stakeholder": ("Stakeholder", "Stakeholder"),
    "common.no_project": (
        "Er is nog geen actief project. Begin met een project: de klus, het project of de "
        "opdracht waarover je het werkblad invult.",
        "There is no active project yet. Start with a project: the job, project or assignment "
        "you fill in the worksheet for.",
    ),
    "common.go_to_projects": ("Naar Projecten", "Go to Projects"),
    "common.no_stakeholders": (
        "Dit project heeft nog geen stakeholders. Voeg eerst de mensen en partijen toe met wie "
        "je samenwerkt.",
        "This project has no stakeholders yet. First add the people and parties you work with.",
    ),
    "common.go_to_stakeholders": ("Naar Stakeholders", "Go to Stakeholders"),
    # --- forms: drafts, changes elsewhere ------------------------------------------------------
    "form.restored": (
        "Je wijzigingen van daarnet zijn nog niet opgeslagen; ze staan weer in het formulier.",
        "Your changes from earlier are not saved yet; they are back in the form.",
    ),
    "form.unsaved": ("Nog niet opgeslagen.", "Not saved yet."),
    "actions.unsaved_closed": (
        "Wijzigingen in deze actie zijn nog niet opgeslagen; open de actie om ze op te slaan.",
        "Changes to this action are not saved yet: open it to save them.",
    ),
    "projects.unsaved_closed": (
        "Wat je voor het nieuwe project typte, is nog niet opgeslagen; open het formulier om "
        "het aan te maken.",
        "What you typed for the new project is not saved yet: open the form to create it.",
    ),
    "stakeholders.unsaved_closed": (
        "Wat je voor de nieuwe stakeholder typte, is nog niet opgeslagen; open het formulier om "
        "het toe te voegen.",
        "What you typed for the new stakeholder is not saved yet: open the form to add them.",
    ),
    "map.own.unsaved_closed": (
        "Wijzigingen in dit eigen belang zijn nog niet opgeslagen; open het om ze op te slaan.",
        "Changes to this interest of yours are not saved yet: open it to save them.",
    ),
    "map.link.unsaved_closed": (
        "Het verband dat je aan het leggen was, is nog niet opgeslagen; open het formulier om "
        "het te leggen.",
        "The link you were making is not saved yet: open the form to make it.",
    ),
    "map.links.unsaved_closed": (
        "Wijzigingen in dit verband zijn nog niet opgeslagen; open het om ze op te slaan.",
        "Changes to this link are not saved yet: open it to save them.",
    ),
    "interests.unsaved_closed": (
        "Wijzigingen in dit belang zijn nog niet opgeslagen; open het om ze op te slaan.",
        "Changes to this interest are not saved yet: open it to save them.",
    ),
    "form.discard": ("Wijzigingen weggooien", "Discard changes"),
    "form.set_aside": (
        "Terwijl je weg was, is dit ergens anders opgeslagen (misschien in een ander tabblad). "
        "Het formulier toont nu wat er opgeslagen is. Dit had je hier veranderd, maar nog niet "
        "opgeslagen:",
        "While you were away, this was saved elsewhere (perhaps in another tab). The form now "
        "shows what is saved. This is what you had changed here but not saved:",
    ),
    "form.restore_set_aside": ("Mijn wijzigingen terughalen", "Bring my changes back"),
    "form.dismiss_set_aside": ("Niet nodig", "Not needed"),
    "form.stale": (
        "Dit is intussen ergens anders opgeslagen (misschien in een ander tabblad). Jouw "
        "wijzigingen staan nog in het formulier en zijn niet opgeslagen.",
        "This was saved elsewhere in the meantime (perhaps in another tab). Your changes are "
        "still in the form and have not been saved.",
    ),
    "form.load_newest": ("Opgeslagen versie laden", "Load the saved version"),
    "form.keep_mine": ("Mijn versie houden", "Keep my version"),
    # --- weeks --------------------------------------------------------------------------------
    "week.choice": ("Week {number} · {start} – {end}", "Week {number} · {start} – {end}"),
    "week.earlier": ("Vorige week", "Previous week"),
    "week.later": ("Volgende week", "Next week"),
    "week.short": ("week {number}", "week {number}"),
    "week.short_with_year": ("week {number} van {year}", "week {number} of {year}"),
    "common.stakeholder_link_unknown": (
        "De stakeholder uit de link bestaat niet (meer). Kies hieronder een stakeholder.",
        "The stakeholder in the link does not exist (any more). Choose one below.",
    ),
    # --- privacy and unexpected errors ---------------------------------------------------------
    "privacy.refused": (
        "Belangen toont je gegevens niet, want deze server is zo gestart dat je notities deze "
        "computer kunnen verlaten:\n\n{problems}\n\nStop de server en start Belangen met het "
        "commando `belangen` (of `make run` in de map van Belangen); dat zet de juiste "
        "instellingen, vanuit elke map.",
        "Belangen does not show your data, because this server was started in a way that lets "
        "your notes leave this computer:\n\n{problems}\n\nStop the server and start Belangen "
        "with the command `belangen` (or `make run` in the Belangen folder); it applies the "
        "right settings, from any folder.",
    ),
    "privacy.address": (
        "hij luistert op het netwerk, niet alleen op deze computer",
        "it listens on the network, not only on this computer",
    ),
    "privacy.statistics": (
        "hij stuurt gebruiksstatistieken naar Streamlit",
        "it sends usage statistics to Streamlit",
    ),
    "privacy.xsrf": (
        "hij controleert niet of verzoeken van de eigen pagina komen (XSRF-bescherming staat uit)",
        "it does not check that requests come from its own page (XSRF protection is off)",
    ),
    "privacy.hosts": (
        "hij accepteert verbindingen onder elke hostnaam, ook die van een andere website",
        "it accepts connections under any host name, another website's too",
    ),
    "privacy.error_details": (
        "hij toont foutdetails met knoppen die de fouttekst naar zoeksites sturen",
        "it shows error details with buttons that send the error text to search sites",
    ),
    "error.unexpected": (
        "Er ging iets mis waar Belangen niet op was voorbereid. Wat je eerder opsloeg, blijft "
        "bewaard. "
        "Laad de pagina opnieuw of kies een ander scherm. De details staan in het venster "
        "waarin Belangen draait.",
        "Something went wrong that Belangen did not expect. What you saved before stays saved. "
        "Reload the page or choose another screen. The details are in the window Belangen "
        "runs in.",
    ),
    # --- database problems --------------------------------------------------------------------
    "db.is_directory": (
        "Het databasebestand {path} is een map, geen bestand. Kies met BELANGEN_DB een ander "
        "pad, of verplaats die map.",
        "The database file {path} is a folder, not a file. Choose another path with "
        "BELANGEN_DB, or move that folder.",
    ),
    "db.empty_file": (
        "Het databasebestand {path} is leeg. Belangen maakt er geen nieuwe database overheen. "
        "Controleer of dit het goede bestand is; verwijder het zelf als je opnieuw wilt beginnen, "
        "of kies met BELANGEN_DB een ander pad.",
        "The database file {path} is empty. Belangen will not create a new database over it. "
        "Check that this is the right file; delete it yourself to start afresh, or choose "
        "another path with BELANGEN_DB.",
    ),
    "db.not_duckdb": (
        "Het bestand {path} is geen Belangen-database (het is geen DuckDB-bestand). Er is niets "
        "aan veranderd. Kies met BELANGEN_DB het goede bestand.",
        "The file {path} is not a Belangen database (it is not a DuckDB file). Nothing in it was "
        "changed. Choose the right file with BELANGEN_DB.",
    ),
    "db.foreign": (
        "Het bestand {path} is een DuckDB-database van een ander programma. Belangen laat het "
        "ongemoeid. Kies met BELANGEN_DB een ander pad.",
        "The file {path} is a DuckDB database of another program. Belangen leaves it alone. "
        "Choose another path with BELANGEN_DB.",
    ),
    "db.newer_version": (
        "De database {path} is gemaakt met een nieuwere versie van Belangen (schema {version}; "
        "deze versie kan tot en met schema {supported} lezen). Werk Belangen bij; er is niets "
        "veranderd.",
        "The database {path} was made by a newer version of Belangen (schema {version}; this "
        "version knows up to {supported}). Update Belangen; nothing was changed.",
    ),
    "db.locked": (
        "De database {path} is in gebruik door een ander programma (proces {pid}) — misschien "
        "draait Belangen al in een ander venster. Sluit dat eerst en laad deze pagina opnieuw.",
        "The database {path} is in use by another program (process {pid}) — perhaps Belangen is "
        "already running in another window. Close that first, then reload this page.",
    ),
    "db.read_only": (
        "Belangen kan niet schrijven in {path} (het bestand of de map is alleen-lezen). Geef "
        "schrijfrechten of kies met BELANGEN_DB een andere plek.",
        "Belangen cannot write to {path} (read-only file or folder). Grant write access or "
        "choose another place with BELANGEN_DB.",
    ),
    "db.no_permission": (
        "Belangen mag het bestand {path} niet lezen. Controleer de rechten op het bestand.",
        "Belangen may not read the file {path}. Check the file's permissions.",
    ),
    "db.damaged": (
        "De database {path} lijkt beschadigd en kan niet worden geopend. Er is niets aan "
        "veranderd. Zet een reservekopie terug (map backups naast de database) of vraag iemand "
        "om hulp.",
        "The database {path} seems damaged and cannot be opened. Nothing in it was changed. "
        "Restore a backup (the backups folder beside the database) or ask for help.",
    ),
    # --- input refused ------------------------------------------------------------------------
    "error.name_required": ("Vul een naam in.", "Enter a name."),
    "error.name_one_line": ("Een naam moet op één regel passen.", "A name must fit on one line."),
    "error.name_taken": (
        "Er is in dit project al een stakeholder met deze naam.",
        "This project already has a stakeholder with this name.",
    ),
    "error.name_taken_archived": (
        "Er is een gearchiveerde stakeholder met deze naam. Haal die uit het archief in plaats "
        "van een nieuwe te maken.",
        "An archived stakeholder has this name. Unarchive it instead of making a new one.",
    ),
    "error.too_long": (
        "Deze tekst is te lang: maximaal {limit} tekens.",
        "This text is too long: at most {limit} characters.",
    ),
    "error.not_text": ("Vul hier tekst in.", "Enter text here."),
    "error.text_required": ("Vul hier iets in.", "Please fill this in."),
    "error.rating_required": (
        "Kies een waardering van 1 tot en met 5.", "Choose a rating from 1 to 5."
    ),
    "error.rating_range": (
        "Een waardering is een heel getal van 1 tot en met 5.",
        "A rating is a whole number from 1 to 5.",
    ),
    "error.invalid_choice": ("Kies een van de mogelijkheden.", "Choose one of the options."),
    "error.date_required": ("Kies een datum.", "Choose a date."),
    "error.date_invalid": ("Dit is geen geldige datum.", "This is not a valid date."),
    "error.date_out_of_range": (
        "Kies een datum tussen {earliest} en {latest}.",
        "Choose a date between {earliest} and {latest}.",
    ),
    "error.done_in_future": (
        "Een actie kan niet in de toekomst gedaan zijn.",
        "An action cannot have been done in the future.",
    ),
    "error.link_same_interest": (
        "Kies twee verschillende belangen.", "Choose two different interests."
    ),
    "error.link_same_party": (
        "Kies belangen van twee verschillende partijen: een verband leg je tussen partijen.",
        "Choose interests of two different parties: a link is made between parties.",
    ),
    "error.link_exists": (
        "Deze twee belangen zijn al verbonden. Pas dat verband aan in plaats van een tweede te "
        "maken.",
        "These two interests are already linked. Change that link instead of making a second.",
    ),
    "error.interest_not_in_project": (
        "Dit belang hoort niet (meer) bij dit project. Kies een ander.",
        "This interest is not (or no longer) part of this project. Choose another.",
    ),
    "error.agreed_in_future": (
        "Een afspraak kan niet in de toekomst gemaakt zijn.",
        "An agreement cannot have been made in the future.",
    ),
    "error.agreed_with_nobody": (
        "Kies met wie je dit hebt afgesproken.", "Choose who you agreed this with."
    ),
    "error.partner_not_in_project": (
        "Kies stakeholders van dit project.", "Choose stakeholders of this project."
    ),
    "error.actions_for_nobody": (
        "Kies voor wie je acties maakt.", "Choose who the actions are for."
    ),
    "error.option_not_agreed": (
        "Alleen van een afgesproken optie maak je acties.",
        "Only an agreed option can become actions.",
    ),
    "error.week_in_future": (
        "Deze week is nog niet begonnen. Een weekcheck doe je voor deze week of een eerdere.",
        "This week has not started yet. Log a follow-up for this week or an earlier one.",
    ),
    "error.week_before_project": (
        "Deze week valt vóór de start van het project ({start}). Kies een latere week of pas de "
        "startdatum van het project aan.",
        "This week is before the project started ({start}). Choose a later week or change the "
        "project's start date.",
    ),
    "error.changed_elsewhere": (
        "Niet opgeslagen: dit is intussen ergens anders gewijzigd (misschien in een ander "
        "tabblad). Kies hierboven of je de opgeslagen versie laadt of je eigen versie houdt.",
        "Not saved: this was changed elsewhere in the meantime (perhaps in another tab). Choose "
        "above whether to load the saved version or keep your own.",
    ),
    "error.storage_full": (
        "Opslaan lukte niet: de schijf is vol. Je tekst staat nog hieronder en er is niets "
        "verloren gegaan. Maak ruimte vrij op de schijf van {path} en probeer het opnieuw.",
        "Saving failed: the disk is full. Your text is still below and nothing was lost. Free "
        "some space on the disk of {path} and try again.",
    ),
    "error.save_failed": (
        "Opslaan lukte niet: er kon niet in het bestand {path} worden geschreven. Je tekst "
        "staat nog hieronder en eerder opgeslagen werk is veilig. Probeer het zo opnieuw.",
        "Saving failed: the file {path} refused the write. Your text is still below and "
        "earlier work is safe. Try again shortly.",
    ),
    "error.not_found": (
        "Dit bestaat niet (meer). Misschien is het intussen verwijderd.",
        "This does not exist (any more). Perhaps it was deleted meanwhile.",
    ),
    # --- Overzicht ----------------------------------------------------------------------------
    "overview.welcome_title": ("Welkom bij Belangen", "Welcome to Belangen"),
    "overview.welcome_body": (
        "Belangen zijn de motor van de samenwerking: ze sturen gedrag en bepalen of mensen en "
        "organisaties energie in een samenwerking stoppen. Niet alle belangen liggen op tafel — "
        "iedere partner heeft een achterban die bediend moet worden, en soms een verborgen "
        "agenda.\n\n"
        "Pas als je weet waar het de ander écht om draait, kun je meedenken en zoeken naar een "
        "win-winsituatie. Dit werkblad helpt je daarbij: je vult per stakeholder vijf vragen in, "
        "bedenkt acties, en houdt de komende weken bij hoe de samenwerking zich ontwikkelt.\n\n"
        "Alles blijft op deze computer.",
        "Interests drive a collaboration: they steer behaviour and decide whether people and "
        "organisations put energy into working together. Not every interest is on the table — "
        "every partner has a constituency to serve, and sometimes a hidden agenda.\n\n"
        "Only when you know what really matters to the other can you think along and look for "
        "a win-win. This worksheet helps: per stakeholder you answer five questions, plan "
        "actions, and track over the coming weeks how the collaboration develops.\n\n"
        "Everything stays on this computer.",
    ),
    "overview.first_step": ("Eerste project aanmaken", "Create your first project"),
    "overview.explore_sample": (
        "Eerst een voorbeeldproject bekijken", "Explore a sample project first"
    ),
    "overview.own_goal": ("Mijn doel: {goal}", "My goal: {goal}"),
    "overview.no_stakeholders": (
        "Voeg de stakeholders van dit project toe: met wie werk je samen, en wie moet je "
        "meekrijgen?",
        "Add this project's stakeholders: who do you work with, and whom do you need on board?",
    ),
    "overview.add_stakeholders": ("Stakeholders toevoegen", "Add stakeholders"),
    "overview.due_metric": ("Weekchecks {week}", "Follow-ups {week}"),
    "overview.due_value": ("{done} van {total}", "{done} of {total}"),
    "overview.nobody_due": ("Niemand aan de beurt", "Nobody due"),
    "overview.overdue_metric": ("Achterstallige acties", "Overdue actions"),
    "overview.habit_metric": ("Weekritme", "Weekly habit"),
    "overview.habit_value.one": ("{logged} van {count} week", "{logged} of {count} week"),
    "overview.habit_value.other": ("{logged} van {count} weken", "{logged} of {count} weeks"),
    "overview.habit_help": (
        "In hoeveel van de laatste weken je minstens één weekcheck hebt gedaan. Deze week telt "
        "pas mee als je hem invult; één gemiste week kost je één week, niet je hele reeks.",
        "In how many of the last weeks you logged at least one follow-up. This week counts once "
        "you log it; one missed week costs you one week, not your whole run.",
    ),
    "overview.due_list": ("Nog te doen deze week: {names}", "Still to do this week: {names}"),
    "overview.go_follow_up": ("Naar de weekcheck", "Go to the weekly follow-up"),
    "overview.stakeholders": ("Stakeholders en hun laatste waarderingen",
                              "Stakeholders and their latest ratings"),
    "overview.changes_help": (
        "Per onderdeel: de laatste waardering · het verschil met de weekcheck daarvoor · het "
        "verschil met het werkblad (▲ hoger, ▼ lager, = gelijk, – nog niets om mee te "
        "vergelijken).",
        "Per aspect: the latest rating · the change since the follow-up before · the change "
        "since the worksheet (▲ higher, ▼ lower, = the same, – nothing to compare with yet).",
    ),
    "overview.latest_week": ("Laatste weekcheck", "Latest follow-up"),
    "overview.open_actions": ("Openstaande acties", "Open actions"),
    "overview.no_open_actions": ("Geen openstaande acties.", "No open actions."),
    "overview.overdue_marker": (" · te laat", " · overdue"),
    # --- Projecten ----------------------------------------------------------------------------
    "projects.title": ("Projecten", "Projects"),
    "projects.intro": (
        "Neem een van je klussen, projecten of opdrachten in gedachten.",
        "Think of one of your jobs, projects or assignments.",
    ),
    "projects.new": ("Nieuw project", "New project"),
    "projects.name": ("Naam", "Name"),
    "projects.name_placeholder": ("Bijvoorbeeld: Herinrichting stationsgebied",
                                  "For example: Station area redevelopment"),
    "projects.description": ("Korte omschrijving", "Short description"),
    "projects.own_goal": ("Mijn eigen doel of belang", "My own goal or interest"),
    "projects.own_goal_help": (
        "Wat wil jij zelf bereiken met deze klus? Ook jij hebt belangen.",
        "What do you yourself want to achieve? You have interests too.",
    ),
    "projects.start_date": ("Startdatum", "Start date"),
    "projects.create": ("Project aanmaken", "Create project"),
    "projects.created": ("Project aangemaakt.", "Project created."),
    "projects.list": ("Je projecten", "Your projects"),
    "projects.archived_marker": (" (gearchiveerd)", " (archived)"),
    "projects.active_marker": (" · actief", " · active"),
    "projects.make_active": ("Actief maken", "Make active"),
    "projects.archive": ("Archiveren", "Archive"),
    "projects.archive_help": (
        "Een gearchiveerd project verdwijnt uit de lijsten maar blijft bewaard; je kunt het "
        "altijd weer uit het archief halen.",
        "An archived project leaves the lists but is kept; you can always unarchive it.",
    ),
    "projects.archived": ("Project gearchiveerd.", "Project archived."),
    "projects.unarchived": ("Project uit het archief gehaald.", "Project unarchived."),
    "projects.next_step": (
        "Volgende stap: met wie werk je samen in {project}? Voeg de eerste stakeholder toe.",
        "Next step: who do you work with in {project}? Add the first stakeholder.",
    ),
    "projects.add_first_stakeholder": ("Eerste stakeholder toevoegen",
                                       "Add the first stakeholder"),
    # --- Stakeholders -------------------------------------------------------------------------
    "stakeholders.title": ("Stakeholders", "Stakeholders"),
    "stakeholders.intro": (
        "De mensen en partijen in {project}, wat zij moeten kunnen uitleggen aan hun achterban, "
        "en hun belangen.",
        "The people and parties in {project}, what they must be able to explain back home, and "
        "their interests.",
    ),
    "stakeholders.new": ("Stakeholder toevoegen", "Add a stakeholder"),
    "stakeholders.name": ("Naam", "Name"),
    "stakeholders.role": ("Rol of organisatie", "Role or organisation"),
    "stakeholders.constituency": ("Achterban en mandaat", "Constituency and mandate"),
    "stakeholders.constituency_help": (
        "Aan wie legt deze persoon verantwoording af, en met welk mandaat zit hij of zij aan "
        "tafel?",
        "Whom does this person answer to, and with what mandate do they sit at the table?",
    ),
    "stakeholders.cadence": ("Hoe vaak een weekcheck?", "How often a follow-up?"),
    "stakeholders.cadence_help": (
        "Wanneer deze stakeholder in de weekcheck aan de beurt is, gerekend vanaf de vorige "
        "weekcheck: wie je maandelijks spreekt, telt in de tussenliggende weken niet als gemist.",
        "When this stakeholder is due in the follow-up, counted from the previous one: someone "
        "you see monthly does not count as missed in the weeks between.",
    ),
    "cadence.every_1": ("Elke week", "Every week"),
    "cadence.every_2": ("Om de week", "Every two weeks"),
    "cadence.every_4": ("Elke vier weken (maandelijks)", "Every four weeks (monthly)"),
    "stakeholders.notes": ("Notities", "Notes"),
    "stakeholders.add": ("Toevoegen", "Add"),
    "stakeholders.added": ("Stakeholder toegevoegd.", "Stakeholder added."),
    "stakeholders.details": ("Profiel", "Profile"),
    "stakeholders.open_worksheet": ("Werkblad openen", "Open the worksheet"),
    "stakeholders.archive_help": (
        "Archiveren haalt de stakeholder uit de lijsten; alles blijft bewaard en je kunt de "
        "stakeholder weer uit het archief halen.",
        "Archiving removes the stakeholder from the lists; everything is kept and you can "
        "unarchive them.",
    ),
    "stakeholders.archived": ("{name} is gearchiveerd.", "{name} was archived."),
    "stakeholders.unarchived": ("{name} is uit het archief gehaald.", "{name} was unarchived."),
    "stakeholders.archived_list": ("Gearchiveerd", "Archived"),
    "stakeholders.delete_warning": (
        "Definitief verwijderen wist {name} met alle belangen, werkbladversies, acties en "
        "weekchecks. Dat kan niet ongedaan worden gemaakt.",
        "Deleting for good erases {name} with all interests, worksheet versions, actions and "
        "follow-ups. This cannot be undone.",
    ),
    "stakeholders.delete_confirm": (
        "Ja, ik wil alles van deze stakeholder definitief verwijderen",
        "Yes, erase everything of this stakeholder for good",
    ),
    "stakeholders.delete_copies_warning.one": (
        "De automatische kopie in {folder} (Belangen bewaart alleen de laatste) bevat {name} "
        "nog. Vink hieronder aan om {name} ook daaruit te verwijderen. Reservekopieën die je "
        "zelf hebt gedownload kan Belangen niet aanpassen.",
        "The automatic copy in {folder} (Belangen keeps only the latest) still holds {name}. "
        "Tick the box below to remove {name} from it as well. Backups you downloaded yourself "
        "cannot be changed by Belangen.",
    ),
    "stakeholders.delete_copies_warning.other": (
        "De automatische kopieën in {folder} (de laatste {count}) bevatten {name} nog. Vink "
        "hieronder aan om {name} ook daaruit te verwijderen. Reservekopieën die je zelf hebt "
        "gedownload kan Belangen niet aanpassen.",
        "The automatic copies in {folder} (the last {count}) still hold {name}. Tick the box "
        "below to remove {name} from them as well. Backups you downloaded yourself cannot be "
        "changed by Belangen.",
    ),
    "stakeholders.delete_from_copies": (
        "Ook uit de automatische kopieën verwijderen",
        "Remove from the automatic copies as well",
    ),
    "stakeholders.delete": ("Definitief verwijderen", "Delete for good"),
    "stakeholders.deleted": ("{name} is definitief verwijderd.", "{name} was deleted for good."),
    "stakeholders.deleted_everywhere": (
        "{name} is definitief verwijderd, ook uit de automatische kopieën.",
        "{name} was deleted for good, from the automatic copies too.",
    ),
    # The register and the steps of setting up (issue 15)
    "stakeholders.cadence_short": ("Hoe vaak", "How often"),
    "stakeholders.next_step": (
        "Volgende stap: noteer hiernaast de belangen van {name} (onderdeel 1 van het werkblad) "
        "en vul daarna het werkblad in.",
        "Next step: note {name}'s interests alongside (aspect 1 of the worksheet), then fill in "
        "the worksheet.",
    ),
    "register.title": ("Alle stakeholders", "All stakeholders"),
    "register.help": (
        "Klik een stakeholder aan om die hieronder te openen. Waarderingen zijn de laatst "
        "gegeven: uit de weekcheck, of van het werkblad zolang er geen weekcheck is.",
        "Click a stakeholder to open them below. Ratings are the latest given: from the "
        "follow-up, or from the worksheet while there is no follow-up yet.",
    ),
    "register.interests": ("{confirmed} bevestigd · {suspected} vermoed",
                           "{confirmed} confirmed · {suspected} suspected"),
    "register.interests_column": ("Belangen", "Interests"),
    "register.interests_help": (
        "Hoeveel belangen bevestigd zijn in gesprek, en hoeveel nog verborgen of vermoed.",
        "How many interests are confirmed in conversation, and how many are still hidden or "
        "suspected.",
    ),
    "register.ratings": ("Waardering {initials}", "Ratings {initials}"),
    "register.ratings_help": (
        "De laatste waardering per onderdeel, in deze volgorde: {aspects}. – is nog niet "
        "gewaardeerd.",
        "The latest rating per aspect, in this order: {aspects}. – is not rated yet.",
    ),
    "register.next_action": ("Volgende actie", "Next action"),
    "register.last_follow_up": ("Laatste weekcheck", "Last follow-up"),
    "interests.title": ("Belangen", "Interests"),
    "interests.text": ("Belang", "Interest"),
    "interests.kind": ("Soort belang", "Kind of interest"),
    "interests.status": ("Hoe zeker?", "How sure?"),
    "interests.signals": ("Signalen", "Signals"),
    "interests.signals_help": (
        "Waaraan merk je dit belang? Wat zegt of doet de ander waardoor je het vermoedt?",
        "What tells you about this interest? What does the other say or do that makes you "
        "suspect it?",
    ),
    "interests.add": ("Belang toevoegen", "Add interest"),
    "interests.added": ("Belang toegevoegd.", "Interest added."),
    "interests.new": ("Nieuw belang", "New interest"),
    "interests.confirmed_on": (" sinds {date}", " since {date}"),
    "interests.status_short.suspected": ("Vermoed", "Suspected"),
    "interests.status_short.confirmed": ("Bevestigd", "Confirmed"),
    # --- Werkblad -----------------------------------------------------------------------------
    "worksheet.title": ("Werkblad", "Worksheet"),
    "worksheet.constituency": ("Achterban: {text}", "Constituency: {text}"),
    "worksheet.rating": ("Mijn waardering", "My rating"),
    "worksheet.target": ("Streefniveau", "Target"),
    "worksheet.target_help": (
        "Welk niveau wil je bereiken? Dit verschijnt als lijn in de trends.",
        "Which level do you aim for? It shows as a line in the trends.",
    ),
    "worksheet.reflection": ("Toelichting", "Explanation"),
    "worksheet.reflection_placeholder": (
        "Waarom deze waardering? Wat zie je, wat hoor je?",
        "Why this rating? What do you see and hear?",
    ),
    "worksheet.save": ("Werkblad opslaan", "Save the worksheet"),
    "worksheet.nothing_changed": (
        "Er is niets veranderd sinds je het laatst opsloeg.",
        "Nothing changed since the last save.",
    ),
    "worksheet.saved.one": (
        "Werkblad opgeslagen: een nieuwe versie van {count} onderdeel.",
        "Worksheet saved: {count} aspect as a new version.",
    ),
    "worksheet.saved.other": (
        "Werkblad opgeslagen: een nieuwe versie van {count} onderdelen.",
        "Worksheet saved: {count} aspects as a new version.",
    ),
    "worksheet.history": ("Eerdere versies ({count})", "Earlier versions ({count})"),
    "worksheet.version_saved": ("Opgeslagen op {when:%d-%m-%Y %H:%M}",
                                "Saved on {when:%Y-%m-%d %H:%M}"),
    "worksheet.no_interests": (
        "Nog geen belangen vastgelegd.", "No interests recorded yet."
    ),
    "worksheet.edit_interests": ("Belangen bewerken", "Edit interests"),
    "actions.text": ("Actie", "Action"),
    "actions.row": ("Onderdeel", "Aspect"),
    "actions.planned_week": ("Geplande week", "Planned week"),
    "planned.none": ("Niet gepland", "Not planned"),
    "planned.ahead_0": ("Deze week ({week})", "This week ({week})"),
    "planned.ahead_1": ("Volgende week ({week})", "Next week ({week})"),
    "planned.ahead_2": ("Over twee weken ({week})", "In two weeks ({week})"),
    "planned.ahead_3": ("Over drie weken ({week})", "In three weeks ({week})"),
    "planned.ahead_4": ("Over vier weken ({week})", "In four weeks ({week})"),
    "planned.another_week": ("Andere week…", "Another week…"),
    "planned.which_week": ("Welke week?", "Which week?"),
    "planned.which_week_help": (
        "De week waarin je de actie wilt doen, van maandag tot en met zondag.",
        "The week you mean to do the action in, Monday to Sunday.",
    ),
    "actions.status": ("Status", "Status"),
    "actions.outcome": ("Wat leverde het op?", "What did it yield?"),
    "actions.outcome_help": ("Een korte notitie volstaat.", "A short note will do."),
    "actions.done_on": ("Gedaan op {date:%d-%m-%Y}", "Done on {date:%Y-%m-%d}"),
    "actions.saved": ("Actie opgeslagen.", "Action saved."),
    "actions.new": ("Nieuwe actie", "New action"),
    "actions.new_placeholder": ("Wat ga je doen?", "What will you do?"),
    "actions.add": ("Actie toevoegen", "Add action"),
    "actions.added": ("Actie toegevoegd.", "Action added."),
    "actions.add_submit": ("Toevoegen", "Add"),
    "actions.cancel_new": ("Annuleren", "Cancel"),
    "actions.cancel_new_help": (
        "Sluit dit formulier zonder de actie toe te voegen; wat je typte vervalt.",
        "Closes this form without adding the action; what you typed is dropped.",
    ),
    # --- Weekcheck ----------------------------------------------------------------------------
    "follow_up.title": ("Weekcheck", "Weekly follow-up"),
    "follow_up.intro": (
        "Kijk per stakeholder terug op de week: waardeer de vier onderdelen opnieuw, vink de "
        "acties aan die je hebt uitgevoerd en noteer wat je hebt geleerd.",
        "Look back on the week per stakeholder: re-rate the four aspects, tick the actions you "
        "carried out and note what you learned.",
    ),
    "follow_up.week_day": ("Week", "Week"),
    "follow_up.week_day_help": (
        "De week die je invult, van maandag tot en met zondag. Een eerdere week invullen kan "
        "ook.",
        "The week you are logging, Monday to Sunday. Earlier weeks can be filled in too.",
    ),
    "follow_up.backfill_marker": (
        "Je vult een eerdere week in.", "You are filling in an earlier week."
    ),
    "follow_up.previous_rating": ("Vorige keer ({week}): {rating}",
                                  "Last time ({week}): {rating}"),
    "follow_up.worksheet_rating": ("In het werkblad: {rating}", "In the worksheet: {rating}"),
    "follow_up.unanswered": (
        "Nog niet opgeslagen: kies eerst een waardering bij {questions}.",
        "Not saved yet: first choose a rating for {questions}.",
    ),
    "follow_up.unchanged": ("Niets veranderd — opslaan", "Nothing changed — save"),
    "follow_up.unchanged_help": (
        "Slaat deze week op met dezelfde waarderingen als de vorige keer (of als het werkblad), "
        "zonder reflectie en zonder afgevinkte acties.",
        "Saves this week with the same ratings as last time (or as the worksheet), without a "
        "reflection and without ticked actions.",
    ),
    "follow_up.moved_on": (
        "Weekcheck voor {name} opgeslagen. Volgende: **{next}**.",
        "Follow-up for {name} saved. Next: **{next}**.",
    ),
    "follow_up.stay": ("Terug naar {name}", "Back to {name}"),
    "follow_up.todo": ("Nog te doen: **{count}**", "Still to do: **{count}**"),
    "follow_up.done": ("Ingevuld: **{count}**", "Done: **{count}**"),
    "follow_up.not_due": (
        "Volgens het ritme ‘{cadence}’ is {name} niet aan de beurt in deze week (vorige "
        "weekcheck: {week}). Een weekcheck kan altijd.",
        "By the rhythm ‘{cadence}’, {name} is not due this week (previous follow-up: {week}). "
        "You can always log one.",
    ),
    "follow_up.already_logged": (
        "Deze week is al ingevuld. Opslaan maakt een nieuwe versie; de vorige blijft bewaard. "
        "Tot nu toe: {versions}.",
        "This week is already logged. Saving makes a new version; the previous one is kept. So "
        "far: {versions}.",
    ),
    "follow_up.no_worksheet": (
        "Er zijn nog geen waarderingen in het werkblad. Kies ze hieronder; ze worden het "
        "startpunt van de trend.",
        "The worksheet has no ratings yet. Choose them below; they become the start of the "
        "trend.",
    ),
    "follow_up.ratings": ("Waarderingen", "Ratings"),
    "follow_up.actions": ("Acties deze week", "Actions this week"),
    "follow_up.no_open_actions": ("Geen openstaande acties.", "No open actions."),
    "follow_up.action_done_help": (
        "Vink aan wat je in deze week hebt gedaan; de actie krijgt dan de status Gedaan.",
        "Tick what you did during this week; the action then gets the status Done.",
    ),
    "follow_up.done_this_week": ("Deze week uitgevoerd", "Carried out this week"),
    "follow_up.outcome_placeholder": ("Wat leverde het op?", "What did it yield?"),
    "follow_up.their_value": (
        "Hoe waardeert de stakeholder zelf de waarde van de samenwerking?",
        "How does the stakeholder rate the value of the collaboration themselves?",
    ),
    "follow_up.their_value_help": (
        "Je hebt de samenwerking met de stakeholder geëvalueerd. Het oordeel van de "
        "stakeholder verschijnt naast het jouwe in de trend.",
        "You evaluated the collaboration with the stakeholder. The stakeholder's view appears "
        "beside yours in the trend.",
    ),
    "follow_up.new_action": ("**Nieuwe actie** (optioneel)", "**New action** (optional)"),
    "follow_up.reflection_title": ("Reflectie", "Reflection"),
    "follow_up.reflection": (
        "Wat heb ik geleerd, wat is de volgende stap?",
        "What did I learn, what is the next step?",
    ),
    "follow_up.reflection_placeholder": ("Een paar zinnen volstaan.", "A few sentences will do."),
    "follow_up.save": ("Weekcheck opslaan", "Save follow-up"),
    "follow_up.saved": ("Weekcheck voor {name} opgeslagen.", "Follow-up for {name} saved."),
    # The whole week at once (the grid, belangen/ui/week_grid.py).
    "week_grid.view": ("Weergave", "View"),
    "week_grid.view_one": ("Per stakeholder", "One stakeholder at a time"),
    "week_grid.view_grid": ("Iedereen tegelijk", "Everyone at once"),
    "week_grid.intro": (
        "Eén regel per stakeholder die deze week nog aan de beurt is. De waarderingen zijn "
        "overgenomen van hun vorige weekcheck (of uit het werkblad) en zijn nog niet opgeslagen: "
        "pas aan wat veranderd is en sla alles in één keer op. Een reflectie of acties vul je "
        "in per stakeholder.",
        "One line per stakeholder still due this week. The ratings are taken over from their "
        "previous follow-up (or the worksheet) and are not saved yet: change what changed and "
        "save them all at once. A reflection or actions go in one stakeholder at a time.",
    ),
    "week_grid.stakeholder": ("Stakeholder", "Stakeholder"),
    "week_grid.status": ("Deze week", "This week"),
    "week_grid.cell": ("{name} — {dimension}", "{name} — {dimension}"),
    "week_grid.choose": ("Kies…", "Choose…"),
    "week_grid.from_week": ("Overgenomen van {week}", "Taken over from {week}"),
    "week_grid.from_worksheet": ("Overgenomen uit het werkblad", "Taken over from the worksheet"),
    "week_grid.from_nothing": ("Nog niets om over te nemen: kies zelf",
                               "Nothing to take over yet: choose yourself"),
    "week_grid.status_unchanged": ("Ongewijzigd", "Unchanged"),
    "week_grid.status_changed": (":material/edit: Gewijzigd", ":material/edit: Changed"),
    "week_grid.status_to_fill": (":material/error: Nog invullen", ":material/error: To fill in"),
    "week_grid.incomplete.one": (
        "Voor {names} zijn nog niet alle vier onderdelen gewaardeerd: die weekcheck wordt pas "
        "opgeslagen als je ze aanvult.",
        "{names} does not have all four aspects rated yet: that follow-up is saved once you "
        "complete them.",
    ),
    "week_grid.incomplete.other": (
        "Voor {count} stakeholders ({names}) zijn nog niet alle vier onderdelen gewaardeerd: hun "
        "weekchecks worden pas opgeslagen als je ze aanvult.",
        "{count} stakeholders ({names}) do not have all four aspects rated yet: their follow-ups "
        "are saved once you complete them.",
    ),
    "week_grid.save.one": ("{count} weekcheck opslaan", "Save {count} follow-up"),
    "week_grid.save.other": ("{count} weekchecks opslaan", "Save {count} follow-ups"),
    "week_grid.saved.one": ("{count} weekcheck opgeslagen: {names}.",
                            "{count} follow-up saved: {names}."),
    "week_grid.saved.other": ("{count} weekchecks opgeslagen: {names}.",
                              "{count} follow-ups saved: {names}."),
    "week_grid.saved_elsewhere": (
        "{name} kreeg intussen een weekcheck voor deze week (in een ander venster). Er is niets "
        "opgeslagen; sla opnieuw op voor de anderen.",
        "{name} got a follow-up for this week meanwhile (in another window). Nothing was saved; "
        "save again for the others.",
    ),
    "week_grid.restored": (
        "Je niet-opgeslagen wijzigingen van eerder staan er weer.",
        "Your unsaved changes from before are back.",
    ),
    "week_grid.not_due": ("Niet aan de beurt deze week: {names}.", "Not due this week: {names}."),
    "week_grid.week_done": (
        "Deze week is klaar: iedereen die aan de beurt was, heeft een weekcheck.",
        "This week is done: everyone who was due has a follow-up.",
    ),
    # Last time in view, beside this week's form (issue 15).
    "follow_up.last_time": ("Vorige keer", "Last time"),
    "follow_up.last_time_week": ("Weekcheck van {week}", "Follow-up of {week}"),
    "follow_up.last_time_worksheet": (
        "Nog geen weekcheck vóór deze week. Ter vergelijking: de waarderingen in het werkblad.",
        "No follow-up before this week yet. For comparison: the ratings in the worksheet.",
    ),
    "follow_up.last_time_nothing": (
        "Nog geen weekcheck vóór deze week en nog geen waarderingen in het werkblad: er is nog "
        "niets om mee te vergelijken.",
        "No follow-up before this week and no ratings in the worksheet yet: there is nothing to "
        "compare with.",
    ),
    "follow_up.last_time_no_reflection": ("Geen reflectie genoteerd.", "No reflection noted."),
    "follow_up.last_time_changed": (
        "Je hebt al iets gewijzigd; ‘Niets veranderd’ zou dat weggooien. Sla op met "
        "‘{save}’.",
        "You have already changed something; ‘Nothing changed’ would drop it. Save with "
        "‘{save}’.",
    ),
    "follow_up.last_time_their_value": (
        "Oordeel van de stakeholder over de waarde: {rating}",
        "The stakeholder's view of the value: {rating}",
    ),
    "follow_up.last_time_planned": ("Gepland voor {week}", "Planned for {week}"),
    "follow_up.last_time_nothing_planned": (
        "Geen acties gepland voor {week}.", "No actions planned for {week}."
    ),
    "follow_up.last_time_overdue.one": (
        "Achterstallig: {count} actie uit een eerdere week staat nog open.",
        "Overdue: {count} action from an earlier week is still open.",
    ),
    "follow_up.last_time_overdue.other": (
        "Achterstallig: {count} acties uit eerdere weken staan nog open.",
        "Overdue: {count} actions from earlier weeks are still open.",
    ),
    # --- Gegevens -----------------------------------------------------------------------------
    "nav.data": ("Gegevens", "Data"),
    "data.title": ("Je gegevens", "Your data"),
    "data.intro": (
        "Alles staat in één bestand op deze computer: {path}. Hier exporteer je je gegevens, "
        "maak je reservekopieën en zet je ze terug.",
        "Everything is in one file on this computer: {path}. Here you export your data, make "
        "backups and restore them.",
    ),
    "data.worksheet_export": ("Werkblad exporteren", "Export the worksheet"),
    "data.worksheet_export_help": (
        "Om te bewaren of te delen met een coach of collega: als Markdown, of als "
        "afdrukversie (die je vanuit je browser als PDF opslaat).",
        "To keep or share with a coach or colleague: as Markdown, or as a printable version "
        "(which you save as PDF from your browser).",
    ),
    "data.include_hidden": (
        "Ook verborgen of vermoede belangen opnemen (gevoelig)",
        "Include hidden or suspected interests (sensitive)",
    ),
    "data.include_hidden_help": (
        "Vermoedens over iemands verborgen agenda zijn gevoelig. Neem ze alleen op als je het "
        "document niet deelt, of alleen deelt met iemand die je vertrouwt. Je reflecties en "
        "notities gaan altijd mee zoals je ze schreef: lees ze na voordat je deelt.",
        "Suspicions about someone's hidden agenda are sensitive. Include them only if you do not "
        "share the document, or share it with someone you trust. Your reflections and notes are "
        "always included as you wrote them: read them before you share.",
    ),
    "data.export_scope": ("Wat wil je exporteren?", "What do you want to export?"),
    "data.whole_project": ("Het hele project", "The whole project"),
    "data.download_markdown": ("Markdown", "Markdown"),
    "data.download_html": ("Afdrukversie", "Printable version"),
    "data.download_html_help": (
        "Open het bestand in je browser en kies Afdrukken → Opslaan als PDF.",
        "Open the file in your browser and choose Print → Save as PDF.",
    ),
    "data.download_calendar": ("Agenda (.ics)", "Calendar (.ics)"),
    "data.calendar_title": (
        "Geplande acties in je agenda", "Planned actions in your calendar"),
    "data.reminder": (
        "Met een wekelijkse herinnering voor de weekcheck",
        "With a weekly reminder for the follow-up",
    ),
    "data.reminder_help": (
        "Het agendabestand krijgt dan ook een terugkerende afspraak van een kwartier, met een "
        "melding en het adres van Belangen op deze computer.",
        "The calendar file then also holds a recurring quarter-hour event, with an alert and "
        "the address of Belangen on this computer.",
    ),
    "data.reminder_day": ("Dag", "Day"),
    "data.reminder_time": ("Tijd", "Time"),
    "data.reminder_how": ("Zo zet je het in je agenda", "How to add it to your calendar"),
    "data.reminder_steps": (
        "- **Outlook**: open het gedownloade .ics-bestand en kies *Opslaan en sluiten*. In Outlook "
        "op het web: *Agenda* → *Agenda toevoegen* → *Uploaden vanuit bestand*.\n"
        "- **Google Agenda**: *Instellingen* (het tandwiel) → *Importeren en exporteren* → "
        "*Importeren*; kies het bestand en de agenda waarin het moet komen.\n\n"
        "De herinnering herhaalt zich elke week. Wil je later een andere dag of tijd, verwijder "
        "dan de oude herinnering uit je agenda voordat je de nieuwe toevoegt.",
        "- **Outlook**: open the downloaded .ics file and choose *Save & Close*. In Outlook on "
        "the web: *Calendar* → *Add calendar* → *Upload from file*.\n"
        "- **Google Calendar**: *Settings* (the gear) → *Import & export* → *Import*; choose "
        "the file and the calendar it should go to.\n\n"
        "The reminder repeats every week. To change its day or time later, delete the old "
        "reminder from your calendar before adding the new one.",
    ),
    "data.download_calendar_help": (
        "De geplande acties als afspraken in hun week, voor Outlook, Google Agenda of Apple "
        "Agenda.",
        "The planned actions as events in their week, for Outlook, Google Calendar or Apple "
        "Calendar.",
    ),
    "data.tables_export": ("Alle gegevens als tabellen", "All data as tables"),
    "data.tables_export_help": (
        "Elke tabel als CSV in één zip, of één Excel-werkmap met een blad per tabel. In de CSV "
        "krijgt tekst die begint met =, +, - of @ een apostrof ervoor, zodat een spreadsheet er "
        "geen formule van maakt.",
        "Every table as CSV in one zip, or one Excel workbook with a sheet per table. In the CSV, "
        "text that starts with =, +, - or @ gets an apostrophe in front, so a spreadsheet does "
        "not turn it into a formula.",
    ),
    "data.prepare_csv": ("CSV-bestanden klaarzetten", "Prepare CSV files"),
    "data.prepare_xlsx": ("Excel-werkmap klaarzetten", "Prepare Excel workbook"),
    "data.download_csv": ("Zip downloaden", "Download the zip"),
    "data.download_xlsx": ("Werkmap downloaden", "Download the workbook"),
    "data.backup": ("Reservekopie", "Backup"),
    "data.backup_help": (
        "Eén bestand met al je gegevens. Bewaar het op een veilige plek; met dit bestand zet "
        "je alles terug, ook op een andere computer.",
        "One file with all your data. Keep it somewhere safe; with it you restore everything, "
        "on another computer too.",
    ),
    "data.download_backup": ("Reservekopie downloaden", "Download a backup"),
    "data.restore_file": ("Reservekopie terugzetten", "Restore a backup"),
    "data.restore_file_limit": (
        "Een reservekopie van Belangen (.zip), hoogstens {megabytes} MB.",
        "A Belangen backup (.zip), at most {megabytes} MB.",
    ),
    "data.restore_summary": (
        "Reservekopie van {created:%d-%m-%Y %H:%M}: {projects}, {stakeholders}, "
        "{follow_ups}.",
        "Backup of {created:%Y-%m-%d %H:%M}: {projects}, {stakeholders}, {follow_ups}.",
    ),
    "data.restore_warning": (
        "Terugzetten vervangt álle huidige gegevens door die uit de reservekopie. Vlak ervoor "
        "maakt Belangen automatisch een kopie van de gegevens zoals ze nu zijn.",
        "Restoring replaces all current data with the backup's. Just before, Belangen "
        "automatically copies the data as it is now.",
    ),
    "data.restore_confirm": (
        "Ja, vervang mijn huidige gegevens door deze reservekopie",
        "Yes, replace my current data with this backup",
    ),
    "data.restore": ("Terugzetten", "Restore"),
    "data.restored": (
        "Reservekopie teruggezet. De gegevens van daarvoor staan in {copy}.",
        "Backup restored. The data from before is in {copy}.",
    ),
    "data.safety_copies": ("Automatische kopieën ({count})", "Automatic copies ({count})"),
    "data.safety_copies_help.one": (
        "Belangen maakt elke dag dat je het gebruikt, vóór elke schema-update en vóór elk "
        "terugzetten een kopie in {folder}. Alleen de laatste blijft bewaard; terugzetten "
        "kan hierboven.",
        "Belangen makes a copy in {folder} every day you use it, before every schema update and "
        "before every restore. Only the latest is kept; restore it above.",
    ),
    "data.safety_copies_help.other": (
        "Belangen maakt elke dag dat je het gebruikt, vóór elke schema-update en vóór elk "
        "terugzetten een kopie in {folder}. De laatste {count} blijven bewaard; terugzetten kan "
        "hierboven.",
        "Belangen makes a copy in {folder} every day you use it, before every schema update and "
        "before every restore. The last {count} are kept; restore them above.",
    ),
    "data.sample": ("Voorbeeldproject", "Sample project"),
    "data.sample_help": (
        "Een uitgewerkt voorbeeld om de app te verkennen: vier stakeholders, een ingevuld "
        "werkblad en acht weken weekchecks. Het staat los van je eigen gegevens en is met één "
        "klik weer verwijderd.",
        "A worked example to explore the app: four stakeholders, a filled worksheet and eight "
        "weeks of follow-ups. It is separate from your own data and removed with one click.",
    ),
    "data.sample_load": ("Voorbeeldproject laden", "Load the sample project"),
    "data.sample_loaded": (
        "Het voorbeeldproject is geladen. Verwijderen laat je eigen projecten ongemoeid.",
        "The sample project is loaded. Removing it leaves your own projects alone.",
    ),
    "data.sample_loaded_flash": ("Voorbeeldproject geladen.", "Sample project loaded."),
    "data.sample_remove": ("Voorbeeldproject verwijderen", "Remove the sample project"),
    "data.sample_removed": ("Voorbeeldproject verwijderd.", "Sample project removed."),
    # --- Trends -------------------------------------------------------------------------------
    "trends.title": ("Trends", "Trends"),
    "trends.view": ("Weergave", "View"),
    "trends.view_stakeholder": ("Per stakeholder", "Per stakeholder"),
    "trends.view_latest": ("Stand van zaken", "Where things stand"),
    "trends.view_course": ("Verloop per stakeholder", "Each stakeholder over time"),
    "trends.view_what_worked": ("Wat werkte?", "What worked?"),
    "trends.period": ("Periode", "Period"),
    "trends.period_13": ("3 maanden", "3 months"),
    "trends.period_26": ("6 maanden", "6 months"),
    "trends.period_52": ("1 jaar", "1 year"),
    "trends.period_all": ("Alles", "All"),
    "trends.no_ratings_in_period": (
        "Geen waarderingen in deze periode. Kies een langere periode, of doe een weekcheck.",
        "No ratings in this period. Choose a longer period, or log a follow-up.",
    ),
    "trends.course_order": ("Volgorde", "Order"),
    "trends.course_order_attention": (
        "Eerst wie aandacht nodig heeft (laagste waarderingen)",
        "Who needs attention first (lowest ratings)",
    ),
    "trends.course_order_name": ("Op naam", "By name"),
    "trends.course_page": ("Stakeholders", "Stakeholders"),
    "trends.course_page_range": ("{first}–{last} van {total}", "{first}–{last} of {total}"),
    "trends.course_help": (
        "Per stakeholder een kleine grafiek van het verloop, met dezelfde assen en kleuren. Klik "
        "op een onderdeel in de legenda om het uit te lichten.",
        "A small chart per stakeholder over time, with the same axes and colours. Click an "
        "aspect in the legend to highlight it.",
    ),
    "trends.position_grid_help": (
        "{x} (horizontaal) tegen {y} (verticaal): per vakje hoeveel stakeholders daar nu staan, "
        "en wie. Wijs met de muis een vakje aan voor iedereen die er staat en hoe zij zich sinds "
        "het werkblad hebben bewogen.",
        "{x} (horizontal) against {y} (vertical): per cell how many stakeholders stand there "
        "now, and who. Point at a cell for everyone there and how they moved since the "
        "worksheet.",
    ),
    "trends.no_ratings": (
        "Nog geen waarderingen. Vul het werkblad in en doe elke week een weekcheck; dan "
        "verschijnt hier de trend.",
        "No ratings yet. Fill in the worksheet and log a weekly follow-up; the trend appears "
        "here.",
    ),
    "trends.stakeholder_help": (
        "Klik op een onderdeel in de legenda om het uit te lichten. Wijs met de muis een punt "
        "aan voor de reflectie van die week, of een driehoekje voor de uitgevoerde actie. Weken "
        "zonder weekcheck laten een gat in de lijn.",
        "Click an aspect in the legend to highlight it. Point at a dot for that week's "
        "reflection, or at a triangle for the action carried out. Weeks without a follow-up "
        "leave a gap in the line.",
    ),
    "trends.heatmap": ("Laatste waardering per stakeholder", "Latest rating per stakeholder"),
    "trends.heatmap_help": (
        "Tussen haakjes de verandering sinds het werkblad.",
        "In brackets the change since the worksheet.",
    ),
    "trends.position_map": ("Waar staat iedereen?", "Where does everyone stand?"),
    "projects.choose": ("Project om te bekijken of te bewerken", "Project to view or edit"),
    "worksheet.older_actions.one": (
        "{count} eerdere afgeronde actie tonen",
        "Show {count} earlier finished action",
    ),
    "worksheet.older_actions.other": (
        "{count} eerdere afgeronde acties tonen",
        "Show {count} earlier finished actions",
    ),
    "trends.what_worked_intro": (
        "Per onderdeel: hoeveel veranderde de waardering in de twee weken na een uitgevoerde "
        "actie bij dat onderdeel, vergeleken met weken zonder zo'n actie?",
        "Per aspect: how much did the rating change in the two weeks after an action for that "
        "aspect was carried out, compared with weeks without one?",
    ),
    "trends.what_worked_empty": (
        "Nog te weinig weken om iets te zeggen. Doe een paar weken de weekcheck en vink "
        "uitgevoerde acties aan.",
        "Too few weeks to say anything yet. Log a few weeks of follow-ups and tick the actions "
        "you carried out.",
    ),
    "trends.what_worked_caution": (
        "Let op: dit is geen bewijs. Met weinig gevallen zegt een verschil weinig, en veel "
        "meer dan je acties beïnvloedt een samenwerking.",
        "Note: this is not proof. With few cases a difference means little, and much more than "
        "your actions shapes a collaboration.",
    ),
    "trends.what_worked_sentence": (
        "**{row}**: na een actie gemiddeld {with_change} ({with_cases}), zonder actie "
        "{without_change} ({without_cases}).",
        "**{row}**: after an action {with_change} on average ({with_cases}), without "
        "{without_change} ({without_cases}).",
    ),
    "trends.no_cases": ("geen gevallen", "no cases"),
    # --- charts -------------------------------------------------------------------------------
    "chart.week": ("Week", "Week"),
    "chart.rating": ("Waardering", "Rating"),
    "chart.dimension": ("Onderdeel", "Aspect"),
    "chart.stakeholder": ("Stakeholder", "Stakeholder"),
    "chart.reflection": ("Reflectie", "Reflection"),
    "chart.action": ("Actie", "Action"),
    "chart.outcome": ("Opbrengst", "What it yielded"),
    "chart.target": ("Streefniveau", "Target"),
    "chart.worksheet": ("Werkblad (start)", "Worksheet (start)"),
    "chart.their_view": (
        "Oordeel van de stakeholder over de waarde", "The stakeholder's view of the value"
    ),
    "chart.with_action": ("Met actie", "With action"),
    "chart.without_action": ("Zonder actie", "Without action"),
    "chart.average_change": ("Gemiddelde verandering", "Average change"),
    "chart.cases": ("Aantal gevallen", "Number of cases"),
    "chart.cases_short": ("n = {count}", "n = {count}"),
    "chart.row": ("Onderdeel", "Aspect"),
    "chart.scale_low": ("laag", "low"),
    "chart.scale_high": ("hoog", "high"),
    "chart.latest_rating": ("Laatste waardering", "Latest rating"),
    "chart.latest_week": ("Laatste week", "Latest week"),
    "chart.weeks": ("Weken", "Weeks"),
    "chart.trend_title": ("{name}: waarderingen per week", "{name}: ratings per week"),
    "chart.trend_marks": (
        "◇ werkblad · ● weekcheck · ▼ actie uitgevoerd",
        "◇ worksheet · ● follow-up · ▼ action carried out",
    ),
    "chart.trend_marks_more": (
        "□ oordeel van de stakeholder · stippellijn: streefniveau",
        "□ the stakeholder's view · dotted line: target",
    ),
    "chart.project_title": ("Alle stakeholders", "All stakeholders"),
    "chart.heatmap_title": (
        "Laatste waardering, met de verandering sinds het werkblad",
        "Latest rating, with the change since the worksheet",
    ),
    "chart.position_title": (
        "Waarde voor hen × bereidheid om te onderhandelen",
        "Value for them × willingness to negotiate",
    ),
    "chart.position_subtitle": (
        "Van het werkblad (open cirkel) naar de laatste weekcheck (stip)",
        "From the worksheet (open circle) to the latest follow-up (dot)",
    ),
    "chart.more_here": ("+{count} meer", "+{count} more"),
    "chart.stakeholders_count": ("Aantal stakeholders", "Number of stakeholders"),
    "chart.since_worksheet": (
        "Sinds het werkblad (waarde / onderhandeling)",
        "Since the worksheet (value / negotiation)",
    ),
    "chart.value_axis": ("Waarde voor hen", "Value for them"),
    "chart.negotiation_axis": ("Bereid om te onderhandelen", "Willing to negotiate"),
    "chart.what_worked_title": ("Wat werkte?", "What worked?"),
    "chart.what_worked_subtitle": (
        "Gemiddelde verandering in de twee weken na een actie bij dat onderdeel, naast weken "
        "zonder zo'n actie.",
        "Average change in the two weeks after an action for that aspect, beside weeks without "
        "one.",
    ),
    "chart.few_cases": (
        "Weinig gevallen zeggen weinig: bij een handvol weken kan het toeval zijn.",
        "Few cases mean little: with a handful of weeks it may be chance.",
    ),
    # Charts in words: text alternatives (read aloud instead of the chart), tables, notes.
    "chart.describe_trend": (
        "Lijngrafiek van de vier waarderingen van {name} over {weeks}, {first} tot en met "
        "{last}.",
        "Line chart of the four ratings of {name} over {weeks}, {first} to {last}.",
    ),
    "chart.describe_trend_empty": (
        "Lijngrafiek van de vier waarderingen van {name}, nog zonder waarderingen.",
        "Line chart of the four ratings of {name}, with no ratings yet.",
    ),
    "chart.describe_weeks.one": ("1 week", "1 week"),
    "chart.describe_weeks.other": ("{count} weken", "{count} weeks"),
    "chart.describe_latest_follow_up": (
        "Laatste weekcheck, {week}: {ratings}.",
        "Latest follow-up, {week}: {ratings}.",
    ),
    "chart.describe_worksheet": ("Werkblad, {week}: {ratings}.", "Worksheet, {week}: {ratings}."),
    "chart.describe_actions.one": ("1 actie uitgevoerd.", "1 action carried out."),
    "chart.describe_actions.other": (
        "{count} acties uitgevoerd.", "{count} actions carried out."),
    "chart.describe_course.one": (
        "Kleine lijngrafiek van 1 stakeholder met de vier waarderingen per week.",
        "Small line chart of 1 stakeholder with the four ratings per week.",
    ),
    "chart.describe_course.other": (
        "Kleine lijngrafieken van {count} stakeholders, elk met de vier waarderingen per week.",
        "Small line charts of {count} stakeholders, each with the four ratings per week.",
    ),
    "chart.describe_person": ("{name}, laatste weekcheck {week}: {ratings}",
                              "{name}, latest follow-up {week}: {ratings}"),
    "chart.describe_person_worksheet_only": ("{name}: alleen het werkblad",
                                             "{name}: the worksheet only"),
    "chart.describe_heatmap.one": (
        "Kleurkaart van de laatste waardering van 1 stakeholder op de vier onderdelen: "
        "{averages}.",
        "Colour map of the latest rating of 1 stakeholder on the four aspects: {averages}.",
    ),
    "chart.describe_heatmap.other": (
        "Kleurkaart van de laatste waardering van {count} stakeholders op de vier onderdelen. "
        "Gemiddeld: {averages}.",
        "Colour map of the latest rating of {count} stakeholders on the four aspects. "
        "On average: {averages}.",
    ),
    "chart.describe_positions.one": (
        "Raster van waarde voor hen (1 tot 5) tegen bereidheid om te onderhandelen (1 tot 5), "
        "met 1 stakeholder.",
        "Grid of value for them (1 to 5) against willingness to negotiate (1 to 5), with 1 "
        "stakeholder.",
    ),
    "chart.describe_positions.other": (
        "Raster van waarde voor hen (1 tot 5) tegen bereidheid om te onderhandelen (1 tot 5), "
        "met {count} stakeholders.",
        "Grid of value for them (1 to 5) against willingness to negotiate (1 to 5), with "
        "{count} stakeholders.",
    ),
    "chart.describe_cell": (
        "waarde {value} en onderhandeling {negotiation}: {count} ({names})",
        "value {value} and negotiation {negotiation}: {count} ({names})",
    ),
    "chart.describe_what_worked": (
        "Staafdiagram van de gemiddelde verandering per onderdeel, in weken met een actie naast "
        "weken zonder.",
        "Bar chart of the average change per aspect, in weeks with an action beside weeks "
        "without.",
    ),
    "chart.as_table": ("Als tabel", "As a table"),
    "chart.heatmap_as_table": ("Kleurkaart als tabel", "Heatmap as a table"),
    "chart.positions_as_table": ("Positiekaart als tabel", "Position map as a table"),
    "chart.table_source": ("Bron", "Source"),
    "chart.follow_up": ("Weekcheck", "Follow-up"),
    "chart.table_value_start": ("Waarde bij het werkblad", "Value at the worksheet"),
    "chart.table_negotiation_start": (
        "Onderhandelen bij het werkblad", "Negotiation at the worksheet"),
    "chart.notes_title": ("Reflecties en acties", "Reflections and actions"),
    "chart.notes_earlier": ("Eerdere reflecties en acties ({count})",
                            "Earlier reflections and actions ({count})"),
    "chart.notes_empty": (
        "Geen reflecties of uitgevoerde acties in deze periode.",
        "No reflections or actions carried out in this period.",
    ),
    "chart.note_worksheet": ("Werkblad · {row}", "Worksheet · {row}"),
    "chart.note_action": ("Actie · {row}", "Action · {row}"),
    # --- exports: worksheet documents, calendar, backup and restore ---------------------------
    "export.title_stakeholder": (
        "Maak gebruik van belangen — {name}",
        "Make use of interests — {name}",
    ),
    "export.title_project": (
        "Maak gebruik van belangen — {name}",
        "Make use of interests — {name}",
    ),
    "export.project": ("Project", "Project"),
    "export.role": ("Rol", "Role"),
    "export.constituency": ("Achterban", "Constituency"),
    "export.back_home": ("Moet thuis kunnen uitleggen", "Must be able to explain back home"),
    "export.notes": ("Notities", "Notes"),
    "export.description": ("Omschrijving", "Description"),
    "export.own_goal": ("Mijn doel", "My goal"),
    "export.start_date": ("Gestart op", "Started on"),
    "export.exported_on": ("Geëxporteerd op", "Exported on"),
    "export.sample": ("Dit is een voorbeeldproject.", "This is a sample project."),
    "export.hidden_included": (
        "Vertrouwelijk: bevat ook verborgen of vermoede belangen, en eigen belangen die niet op "
        "tafel liggen.",
        "Confidential: includes hidden or suspected interests, and own interests not on the "
        "table.",
    ),
    "export.hidden_left_out": (
        "Verborgen of vermoede belangen, en eigen belangen die niet op tafel liggen, zijn niet "
        "opgenomen.",
        "Hidden or suspected interests, and own interests not on the table, are not included.",
    ),
    "export.collaboration": ("De samenwerking als geheel", "The collaboration as a whole"),
    "export.own_interests": ("Mijn eigen belangen", "My own interests"),
    "export.no_own_interests": (
        "Nog geen eigen belangen genoteerd.", "No own interests noted yet."
    ),
    "export.common_ground": ("Gezamenlijk vertrekpunt", "Common ground"),
    "export.no_common_ground": (
        "Nog geen gedeelde belangen verbonden.", "No shared interests linked yet."
    ),
    "export.tensions": ("Spanningen", "Tensions"),
    "export.no_tensions": ("Nog geen spanningen genoteerd.", "No tensions noted yet."),
    "export.options": ("Win-win opties", "Win-win options"),
    "export.no_options": ("Nog geen opties.", "No options yet."),
    "export.everyone_gains": ("iedereen wint", "every party gains"),
    "export.gains": ("Wint voor {party}: {interests}", "Gains for {party}: {interests}"),
    "export.costs": ("Wat het kost", "What it costs"),
    "export.rating": ("Waardering", "Rating"),
    "export.target": ("Streefniveau", "Target"),
    "export.latest_week": ("Laatste weekcheck", "Latest follow-up"),
    "export.rating_value": ("{rating} van 5 — {label}", "{rating} of 5 — {label}"),
    "export.in_week": ("{value} ({week})", "{value} ({week})"),
    "export.no_interests": ("Nog geen belangen genoteerd.", "No interests noted yet."),
    "export.not_rated": ("Nog niet ingevuld.", "Not filled in yet."),
    "export.no_actions": ("Nog geen acties.", "No actions yet."),
    "export.no_stakeholders": ("Nog geen stakeholders.", "No stakeholders yet."),
    "export.signals": ("Signalen", "Signals"),
    "export.confirmed_on": (
        "Bevestigd in gesprek op {date}",
        "Confirmed in conversation on {date}",
    ),
    "export.outcome": ("Opbrengst", "What it yielded"),
    "export.done_on": ("op {date}", "on {date}"),
    "export.unplanned": ("nog niet gepland", "not planned yet"),
    "export.note": ("Toelichting", "Note"),
    "export.rating_scale": (
        "Waarderingen op een schaal van 1 tot en met 5.",
        "Ratings on a scale from 1 to 5.",
    ),
    "export.file_worksheet": ("werkblad", "worksheet"),
    "export.file_sensitive": ("met-vermoede-belangen", "with-suspected-interests"),
    "calendar.name": ("Belangen: geplande acties", "Belangen: planned actions"),
    "calendar.stakeholder": ("Stakeholder", "Stakeholder"),
    "calendar.project": ("Project", "Project"),
    "calendar.row": ("Onderdeel van het werkblad", "Worksheet aspect"),
    "calendar.check_in": ("Weekcheck Belangen", "Belangen weekly follow-up"),
    "calendar.check_in_description": (
        "Tijd voor je weekcheck: per stakeholder de vier waarderingen opnieuw bekijken, afvinken "
        "wat je deed en kort noteren wat je leerde.\n\nBelangen draait op je eigen computer: "
        "start het met 'make run' en open {address}",
        "Time for your weekly follow-up: look at the four ratings again for each stakeholder, "
        "tick off what you did and note briefly what you learned.\n\nBelangen runs on your own "
        "computer: start it with 'make run' and open {address}",
    ),
    "backup.refused.malformed": (
        "Dit bestand is geen leesbare reservekopie van Belangen. Er is niets veranderd.",
        "This file is not a readable Belangen backup. Nothing was changed.",
    ),
    "backup.refused.truncated": (
        "Deze reservekopie is onvolledig: het bestand is afgebroken, bijvoorbeeld tijdens het "
        "downloaden of kopiëren. Er is niets veranderd.",
        "This backup is incomplete: the file was cut short, for example while downloading or "
        "copying. Nothing was changed.",
    ),
    "backup.refused.damaged": (
        "Deze reservekopie is beschadigd: de inhoud klopt niet met de controlegetallen. "
        "Er is niets veranderd.",
        "This backup is damaged: its contents do not match their checksums. Nothing was changed.",
    ),
    "backup.refused.foreign": (
        "Dit bestand is geen reservekopie van Belangen (een databasebestand zelf kan niet "
        "worden teruggezet). Er is niets veranderd.",
        "This file is not a Belangen backup (a database file itself cannot be restored). "
        "Nothing was changed.",
    ),
    "backup.refused.newer_version": (
        "Deze reservekopie is gemaakt met een nieuwere versie van Belangen. Werk de app bij en "
        "probeer het opnieuw. Er is niets veranderd.",
        "This backup was made by a newer version of Belangen. Update the app and try again. "
        "Nothing was changed.",
    ),
    "backup.refused.too_large": (
        "Dit bestand is te groot voor een reservekopie van Belangen. Er is niets veranderd.",
        "This file is too large to be a Belangen backup. Nothing was changed.",
    ),
    "progress.backup_reading": ("Gegevens lezen…", "Reading the data…"),
    "progress.restore_checking": ("Reservekopie controleren…", "Checking the backup…"),
    "progress.restore_safety_copy": (
        "Kopie maken van de gegevens zoals ze nu zijn…",
        "Copying the data as it is now…",
    ),
    "progress.restore_replacing": ("Gegevens terugzetten…", "Restoring the data…"),
    "progress.export_tables": ("Tabellen exporteren…", "Exporting the tables…"),
    "progress.done": ("Klaar", "Done"),
    # --- counted nouns, for a text that holds a count among other words -------------------------
    "count.versions.one": ("{count} versie", "{count} version"),
    "count.versions.other": ("{count} versies", "{count} versions"),
    "count.projects.one": ("{count} project", "{count} project"),
    "count.projects.other": ("{count} projecten", "{count} projects"),
    "count.stakeholders.one": ("{count} stakeholder", "{count} stakeholder"),
    "count.stakeholders.other": ("{count} stakeholders", "{count} stakeholders"),
    "count.follow_ups.one": ("{count} weekcheck", "{count} follow-up"),
    "count.follow_ups.other": ("{count} weekchecks", "{count} follow-ups"),
    "count.cases.one": ("{count} keer", "{count} case"),
    "count.cases.other": ("{count} keer", "{count} cases"),
    # --- end of exports -----------------------------------------------------------------------
}


def t_count(key: str, count: int, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """`<key>.one` for exactly one, `<key>.other` otherwise, with `{count}` filled in."""
    return t(f"{key}.{'one' if count == 1 else 'other'}", lang, count=count, **params)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from `params`."""
    dutch, english = TEXTS[key]
    text = english if lang == "en" else dutch
    return text.format(**params) if params else text
