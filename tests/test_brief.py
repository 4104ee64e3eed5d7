"""The Gespreksvoorbereiding without Streamlit: the ratings' course in words, suspected interests
as things to test, hypotheses left out of what is shared, the latest reflections and the actions
that are due. Real DuckDB files through the store."""

from __future__ import annotations

import datetime as dt

import pytest

from belangen import brief as briefs
from belangen import domain, exports, texts, worksheet
from belangen.brief import RatingPoint, trend_text
from belangen.store import Store

W45 = dt.date(2026, 11, 2)
W46 = dt.date(2026, 11, 9)
W47 = dt.date(2026, 11, 16)
TODAY = dt.date(2026, 12, 1)


# --- the course of a rating in words ------------------------------------------------------------


@pytest.mark.parametrize(("points", "dutch", "english"), [
    ((), "Gesprek: nog geen waardering", "Conversation: not rated yet"),
    ((RatingPoint(W45, 2, from_worksheet=True),),
     "Gesprek: 2 op het werkblad (week 45), nog geen weekcheck",
     "Conversation: 2 on the worksheet (week 45), no follow-up yet"),
    ((RatingPoint(W46, 3),),
     "Gesprek: 3 in week 46, de eerste waardering",
     "Conversation: 3 in week 46, the first rating"),
    ((RatingPoint(W45, 2, from_worksheet=True), RatingPoint(W46, 2), RatingPoint(W47, 3)),
     "Gesprek: van 2 naar 3 sinds week 45",
     "Conversation: from 2 to 3 since week 45"),
    ((RatingPoint(W45, 4, from_worksheet=True), RatingPoint(W46, 3)),
     "Gesprek: van 4 naar 3 sinds week 45",
     "Conversation: from 4 to 3 since week 45"),
    ((RatingPoint(W45, 3, from_worksheet=True), RatingPoint(W46, 3), RatingPoint(W47, 3)),
     "Gesprek: gelijk gebleven op 3 sinds week 45",
     "Conversation: unchanged at 3 since week 45"),
    ((RatingPoint(W45, 3, from_worksheet=True), RatingPoint(W46, 4), RatingPoint(W47, 3)),
     "Gesprek: weer 3, net als in week 45",
     "Conversation: back at 3, as in week 45"),
])
def test_the_course_of_a_rating_reads_as_a_sentence(points, dutch, english) -> None:
    row = worksheet.CONVERSATION
    assert trend_text(row, points, "nl", TODAY) == dutch
    assert trend_text(row, points, "en", TODAY) == english


def test_without_today_every_week_names_its_year() -> None:
    """An export outlives the year it was made in."""
    points = (RatingPoint(W45, 2, from_worksheet=True), RatingPoint(W47, 3))
    assert trend_text(worksheet.CONVERSATION, points, "nl") == (
        "Gesprek: van 2 naar 3 sinds week 45 van 2026")
    last_year = (RatingPoint(dt.date(2025, 12, 22), 1), RatingPoint(W47, 3))
    assert trend_text(worksheet.CONVERSATION, last_year, "nl", TODAY) == (
        "Gesprek: van 1 naar 3 sinds week 52 van 2025")


# --- from the store -------------------------------------------------------------------------------


def person(store: Store) -> tuple[int, int]:
    project_id = store.create_project("Stationsplein", "", "",
                                      store.today() - dt.timedelta(weeks=12))
    stakeholder_id = store.create_stakeholder(
        project_id, "Wethouder Jansen", "Gemeente", "De gemeenteraad", "",
        back_home="Dat het plein binnen budget blijft")
    return project_id, stakeholder_id


def section(brief: briefs.Brief, key: str) -> briefs.Section:
    found = {s.key: s for s in briefs.sections(brief, "nl")}
    return found[key]


def test_suspected_interests_become_things_to_test(store: Store) -> None:
    _, sid = person(store)
    store.add_interest(sid, "Herverkiezing in maart", "political", "suspected",
                       "Noemt steeds de verkiezingen")
    store.add_interest(sid, "Budget binnen de begroting", "organisational", "confirmed")
    brief = briefs.gather_brief(store, sid, week=store.today())
    to_test = section(brief, "to_test")
    assert to_test.title == "Te toetsen in het gesprek"
    assert [(line.text, line.hypothesis) for line in to_test.lines] == [
        ("Herverkiezing in maart", True)]
    assert to_test.lines[0].notes == ("Signalen: Noemt steeds de verkiezingen",)
    assert [line.text for line in section(brief, "confirmed").lines] == [
        "Budget binnen de begroting"]
    home = section(brief, "back_home").lines
    assert [(line.label, line.text) for line in home] == [
        ("Achterban", "De gemeenteraad"),
        ("Moet thuis kunnen uitleggen", "Dat het plein binnen budget blijft")]


def hidden_everywhere(store: Store) -> tuple[int, dict[str, str]]:
    """A stakeholder whose shared interest, tension and option each rest on a hypothesis, and
    one of each that does not."""
    project_id, sid = person(store)
    other = store.create_stakeholder(project_id, "Corporatie", "", "", "")
    suspected = store.add_interest(sid, "Herverkiezing in maart", "political", "suspected")
    confirmed = store.add_interest(sid, "Budget binnen de begroting", "organisational",
                                   "confirmed")
    theirs = store.add_interest(other, "Geen extra kosten", "organisational", "confirmed")
    hidden_own = store.add_own_interest(project_id, "Mijn eigen promotie", "individual", False, "")
    store.add_link(project_id, domain.interest_ref(confirmed), domain.interest_ref(theirs),
                   "shared", "Allebei zuinig")
    store.add_link(project_id, domain.interest_ref(confirmed), domain.own_ref(hidden_own),
                   "shared", "Mijn verborgen reden")
    store.add_link(project_id, domain.interest_ref(suspected), domain.interest_ref(theirs),
                   "tension", "Verkiezingsbeloftes kosten geld")
    store.add_option(project_id, "Plein in fasen", serves=[domain.interest_ref(confirmed)])
    store.add_option(project_id, "Feestelijke opening vóór maart",
                     serves=[domain.interest_ref(suspected)])
    store.add_option(project_id, "Afgesproken overleg", serves=[domain.interest_ref(theirs)],
                     status="agreed", agreed_on=store.today(), partners=[sid])
    return sid, {"suspected": "Herverkiezing in maart", "own": "Mijn eigen promotie",
                 "option": "Feestelijke opening", "tension": "Verkiezingsbeloftes"}


def test_hypotheses_are_shown_on_screen_marked(store: Store) -> None:
    sid, hidden = hidden_everywhere(store)
    brief = briefs.gather_brief(store, sid, week=store.today(), include_hidden=True)
    shared = section(brief, "shared").lines
    assert any(hidden["own"] in note for line in shared for note in line.notes)
    assert any(line.hypothesis for line in shared)
    assert [line.label for line in shared] == ["Met mij / mijn organisatie, Corporatie"]
    assert [line.hypothesis for line in section(brief, "tensions").lines] == [True]
    options = section(brief, "options").lines
    assert [(line.label, line.hypothesis) for line in options] == [
        ("Plein in fasen", False), ("Feestelijke opening vóór maart", True)]
    assert [line.label for line in section(brief, "agreements").lines] == [
        "Afgesproken overleg"]


def test_an_export_leaves_out_hypotheses_and_what_rests_on_them(store: Store) -> None:
    sid, hidden = hidden_everywhere(store)
    brief = briefs.gather_brief(store, sid, week=store.today(), include_hidden=False)
    keys = [s.key for s in briefs.sections(brief, "nl")]
    assert "to_test" not in keys
    assert [line.label for line in section(brief, "options").lines] == ["Plein in fasen"]
    assert section(brief, "tensions").lines == ()
    assert [line.label for line in section(brief, "shared").lines] == ["Met Corporatie"]
    assert [line.label for line in section(brief, "agreements").lines] == [
        "Afgesproken overleg"], "an agreement made with them stays"
    for document in (exports.brief_markdown(store, sid), exports.brief_html(store, sid)):
        assert "Plein in fasen" in document and "Allebei zuinig" in document
        for text in hidden.values():
            assert text not in document
        assert texts.t("export.hidden_left_out") in document
    included = exports.brief_markdown(store, sid, include_hidden=True)
    assert all(text in included for text in hidden.values())
    assert "Vertrouwelijk" in included


def test_the_last_three_reflections_newest_first_with_their_week(store: Store) -> None:
    _, sid = person(store)
    this_week = domain.week_start(store.today())
    ratings = dict.fromkeys(worksheet.DIMENSION_KEYS, 3)
    for weeks_ago, reflection in [(5, "Eerste gesprek"), (4, "Tweede"), (3, ""),
                                  (2, "Derde"), (1, "Vierde")]:
        store.save_follow_up(sid, this_week - dt.timedelta(weeks=weeks_ago), ratings=ratings,
                             reflection=reflection)
    # A later version of a week replaces its reflection.
    store.save_follow_up(sid, this_week - dt.timedelta(weeks=1), ratings=ratings,
                         reflection="Vierde, herzien")
    brief = briefs.gather_brief(store, sid, week=store.today())
    assert [(r.week, r.text) for r in brief.reflections] == [
        (this_week - dt.timedelta(weeks=1), "Vierde, herzien"),
        (this_week - dt.timedelta(weeks=2), "Derde"),
        (this_week - dt.timedelta(weeks=4), "Tweede"),
    ]
    trend = section(brief, "trend").lines
    assert trend[0].text.startswith("Interesse: gelijk gebleven op 3 sinds")


def test_open_actions_due_are_those_planned_up_to_this_week(store: Store) -> None:
    _, sid = person(store)
    this_week = domain.week_start(store.today())
    row = worksheet.VALUE.key
    store.add_action(sid, row, "Te laat", planned_week=this_week - dt.timedelta(weeks=2))
    store.add_action(sid, row, "Deze week", planned_week=this_week, status="in_progress")
    store.add_action(sid, row, "Volgende week", planned_week=this_week + dt.timedelta(weeks=1))
    store.add_action(sid, row, "Zonder week")
    store.add_action(sid, row, "Al gedaan", planned_week=this_week, status="done",
                     done_on=store.today(), outcome="Goed gesprek")
    brief = briefs.gather_brief(store, sid, week=store.today())
    assert [a.text for a in brief.actions_due] == ["Te laat", "Deze week"]
    lines = section(brief, "actions").lines
    assert lines[0].notes[0].startswith("Achterstallig: Gepland, week ")
    assert lines[1].notes[0].startswith("Bezig, week ")
    worked = section(brief, "worked").lines
    assert [(line.text, line.notes[0]) for line in worked] == [
        ("Al gedaan", "Opbrengst: Goed gesprek")]


def test_each_aspects_course_is_its_worksheet_start_then_its_current_weekchecks(
    store: Store,
) -> None:
    project_id, sid = person(store)
    other = store.create_stakeholder(project_id, "Directeur Visser", "Woningcorporatie", "", "")
    this_week = domain.week_start(store.today())
    weeks = [this_week - dt.timedelta(weeks=n) for n in (3, 2, 1)]
    start = dict(zip(worksheet.DIMENSION_KEYS, (2, 3, 2, 1), strict=True))
    for key, rating in start.items():
        store.save_worksheet_entry(sid, key, reflection="", rating=rating)
        store.save_worksheet_entry(other, key, reflection="", rating=5)
    store.save_follow_up(sid, weeks[1], ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 3))
    store.save_follow_up(sid, weeks[2], ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 1))
    later = dict(zip(worksheet.DIMENSION_KEYS, (4, 3, 2, 5), strict=True))
    store.save_follow_up(sid, weeks[2], ratings=later)  # a later version replaces the week's
    store.save_follow_up(other, weeks[2], ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 1))

    brief = briefs.gather_brief(store, sid, week=store.today())
    # The worksheet start sits in the week before the first weekcheck (it was saved later).
    assert brief.trends == {
        key: (RatingPoint(weeks[0], start[key], from_worksheet=True),
              RatingPoint(weeks[1], 3), RatingPoint(weeks[2], later[key]))
        for key in worksheet.DIMENSION_KEYS}
