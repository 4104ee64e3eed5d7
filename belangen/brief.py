"""Gespreksvoorbereiding: everything about one stakeholder that helps in the next conversation,
gathered from the store in one place and worded as sections. Pure Python (no Streamlit): the
screen, the Markdown and the printable HTML all draw the same `Section`s, so they never differ.

Suspected interests become things to test in the conversation, not facts. For an export the
brief is gathered with `include_hidden=False`: suspected interests, own interests kept off the
table and the links and options that rest only on them are left out (`InterestMap.for_export`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from belangen import analytics, domain, formats, parties, worksheet
from belangen.common_ground import (
    CommonGround,
    InterestMap,
    MapInterest,
    option_gain,
    options_of_party,
)
from belangen.domain import Action, Interest, Project, Stakeholder, WinWinOption
from belangen.store import Store
from belangen.texts import t, t_count

REFLECTIONS = 3
"""How many of the latest reflections a brief shows."""
OUTCOMES = 5
"""How many of the latest outcomes of done actions a brief shows."""


@dataclass(frozen=True)
class RatingPoint:
    """One known rating of an aspect: from the worksheet (the start) or a weekcheck."""

    week: dt.date
    rating: int
    from_worksheet: bool = False


@dataclass(frozen=True)
class Reflection:
    week: dt.date
    text: str


@dataclass(frozen=True)
class Worked:
    """How an aspect moved after actions with this stakeholder (analytics.what_worked)."""

    dimension: str
    change: float
    cases: int


@dataclass(frozen=True)
class Brief:
    project: Project
    stakeholder: Stakeholder
    week: dt.date
    """The Monday of the week the conversation is in."""
    include_hidden: bool
    interest_map: InterestMap
    """The project's map as this brief may show it (without hypotheses for an export)."""
    project_options: tuple[WinWinOption, ...]
    """Every option of the project; those involving this stakeholder follow from the map."""
    confirmed: tuple[Interest, ...]
    suspected: tuple[Interest, ...]
    actions_due: tuple[Action, ...]
    trends: dict[str, tuple[RatingPoint, ...]]
    """Per rated aspect, every known rating in week order."""
    reflections: tuple[Reflection, ...]
    worked: tuple[Worked, ...]
    outcomes: tuple[Action, ...]
    """Done actions with an outcome, newest first."""

    @property
    def party(self) -> str:
        return domain.stakeholder_party(self.stakeholder.id)

    @property
    def to_test(self) -> tuple[Interest, ...]:
        """Suspected interests; none when hypotheses are left out."""
        return self.suspected if self.include_hidden else ()

    @property
    def shared(self) -> tuple[CommonGround, ...]:
        return tuple(self.interest_map.shared_of(self.party))

    @property
    def tensions(self) -> tuple[tuple[MapInterest, MapInterest, str], ...]:
        """(their interest, the other party's, the note) per link in tension."""
        return tuple(
            (tension.first, tension.second, tension.link.note)
            if tension.first.party == self.party else
            (tension.second, tension.first, tension.link.note)
            for tension in self.interest_map.tensions(self.party)
        )

    @property
    def _options(self) -> list[WinWinOption]:
        return options_of_party(self.project_options, self.interest_map, self.party)

    @property
    def open_options(self) -> tuple[WinWinOption, ...]:
        return tuple(o for o in self._options if o.is_open)

    @property
    def agreements(self) -> tuple[WinWinOption, ...]:
        return tuple(o for o in self._options if o.status == "agreed")


def without_hypotheses(brief: Brief) -> Brief:
    """The brief as a download shows it by default, from what was read for the screen: no
    suspected interests, own interests kept off the table, or links and options that rest
    only on them."""
    if not brief.include_hidden:
        return brief
    return replace(brief, include_hidden=False,
                   interest_map=brief.interest_map.for_export(include_hidden=False))


def gather_brief(
    store: Store, stakeholder_id: int, *, week: dt.date, include_hidden: bool = True
) -> Brief:
    """One stakeholder's brief for the conversation in `week`, read from the store."""
    stakeholder = store.get_stakeholder(stakeholder_id)
    project = store.get_project(stakeholder.project_id)
    monday = domain.week_start(week)
    interests = store.list_interests(stakeholder.id)
    actions = store.list_actions(stakeholder.id)
    history = store.rating_history(project.id, stakeholder.id)
    series = analytics.rating_series(history, store.worksheet_baseline(project.id, stakeholder.id))
    effects = analytics.what_worked_in(series, store.actions_done(project.id, stakeholder.id))
    brief = Brief(
        project=project,
        stakeholder=stakeholder,
        week=monday,
        include_hidden=True,
        interest_map=store.interest_map(project.id),
        project_options=tuple(store.list_options(project.id)),
        confirmed=tuple(i for i in interests if i.status == "confirmed"),
        suspected=tuple(i for i in interests if i.status == "suspected"),
        actions_due=actions_due(actions, monday),
        trends=points_of_series(series),
        reflections=last_reflections(history),
        worked=tuple(
            Worked(str(row.dimension), float(row.with_action_change), int(row.with_action_cases))
            for row in effects.itertuples() if row.with_action_cases
        ),
        outcomes=tuple(sorted(
            (a for a in actions if a.status == "done" and a.outcome.strip()),
            key=lambda a: (a.done_on or dt.date.min, a.id), reverse=True)[:OUTCOMES]),
    )
    return brief if include_hidden else without_hypotheses(brief)


# --- Pure pieces ------------------------------------------------------------------------------


def actions_due(actions: Sequence[Action], week: dt.date) -> tuple[Action, ...]:
    """Open actions planned up to and including `week` (so the overdue ones too), soonest
    first; open actions without a week are not due."""
    monday = domain.week_start(week)
    due = [a for a in actions if a.is_open and a.planned_week is not None
           and a.planned_week <= monday]
    return tuple(sorted(due, key=lambda a: (a.planned_week or monday, a.id)))


def points_of_series(series: pd.DataFrame) -> dict[str, tuple[RatingPoint, ...]]:
    """Per rated aspect, the worksheet start and the weekchecks of one person's
    `analytics.rating_series`, in one pass over its rows (a filter per aspect cost as much as
    making the series)."""
    points: dict[str, list[RatingPoint]] = {key: [] for key in worksheet.DIMENSION_KEYS}
    for dimension, week, rating, source in zip(
            series["dimension"].tolist(), series["week"].dt.date.tolist(),
            series["rating"].tolist(), series["source"].tolist(), strict=True):
        points[dimension].append(RatingPoint(week, int(rating), source == analytics.WORKSHEET))
    return {key: tuple(found) for key, found in points.items()}


def last_reflections(history: pd.DataFrame, count: int = REFLECTIONS) -> tuple[Reflection, ...]:
    """The latest `count` weekchecks with a reflection, newest first (the current version of
    each week; `rating_history` repeats it on every aspect's row)."""
    if history.empty:
        return ()
    weeks = history.drop_duplicates("week")[["week", "reflection"]]
    written = weeks[weeks["reflection"].fillna("").str.strip() != ""]
    newest = written.sort_values("week", ascending=False).head(count)
    return tuple(Reflection(pd.Timestamp(week).date(), str(text))
                 for week, text in zip(newest["week"], newest["reflection"], strict=True))


def trend_text(row: worksheet.WorksheetRow, points: Sequence[RatingPoint], lang: str,
               today: dt.date | None = None) -> str:
    """The course of one aspect in words: 'Gesprek: van 2 naar 3 sinds week 45', from the
    first known rating (the worksheet, else the first weekcheck) to the latest. `today` leaves
    the year out of weeks of this year; without it every week names its year (an export)."""
    name = row.short_name(lang)
    if not points:
        return t("brief.trend_none", lang, row=name)
    first, latest = points[0], points[-1]
    since = formats.week_short(first.week, lang, today)
    if len(points) == 1:
        key = "brief.trend_worksheet_only" if first.from_worksheet else "brief.trend_first"
        return t(key, lang, row=name, rating=first.rating, week=since)
    if first.rating != latest.rating:
        return t("brief.trend_change", lang, row=name, first=first.rating,
                 latest=latest.rating, week=since)
    if all(point.rating == first.rating for point in points):
        return t("brief.trend_same", lang, row=name, rating=first.rating, week=since)
    return t("brief.trend_back", lang, row=name, rating=first.rating, week=since)


# --- Sections: what the screen and both exports show -------------------------------------------


@dataclass(frozen=True)
class Line:
    """One item of a section. Every string may hold user text: each renderer shows it
    literally (never as Markdown or HTML)."""

    text: str
    label: str = ""
    """Shown before the text, in bold."""
    notes: tuple[str, ...] = ()
    """Shown under the text."""
    hypothesis: bool = False
    """Rests on a suspected interest or one of the user's own kept off the table."""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    lines: tuple[Line, ...]
    empty: str
    """Said instead of the lines when there are none."""
    intro: str = ""


def _interest_line(interest: Interest, lang: str, *, hypothesis: bool = False) -> Line:
    notes = [f"{t('export.signals', lang)}: {interest.signals}"] if interest.signals else []
    if interest.confirmed_on is not None:
        notes.append(t("export.confirmed_on", lang,
                       date=formats.format_date(interest.confirmed_on, lang)))
    return Line(interest.text, worksheet.INTEREST_KINDS[interest.kind](lang), tuple(notes),
                hypothesis)


def _option_line(brief: Brief, option: WinWinOption, lang: str,
                 today: dt.date | None) -> Line:
    the_map = brief.interest_map
    gains = option_gain(option, the_map)
    notes = []
    if option.description:
        notes.append(option.description)
    theirs = gains.get(brief.party, [])
    if theirs:
        notes.append(t("brief.option_serves_them", lang,
                       interests="; ".join(parties.marked(i, lang) for i in theirs)))
    others = [parties.party_after_preposition(the_map, p, lang) for p in gains if p != brief.party]
    if others:
        notes.append(t("brief.option_others_gain", lang, parties=", ".join(others)))
    if option.costs:
        notes.append(t("brief.option_costs", lang, costs=option.costs))
    names = {sid: the_map.names.get(domain.stakeholder_party(sid), "?")
             for sid in option.partners}
    status = parties.agreement(option, names, lang)
    hypothesis = any(i.hypothesis for found in gains.values() for i in found)
    return Line(status, option.title, tuple(notes), hypothesis)


def _action_line(action: Action, week: dt.date, lang: str, today: dt.date | None) -> Line:
    assert action.planned_week is not None
    when = formats.week_short(action.planned_week, lang, today)
    row = worksheet.row(action.row_key)
    status = worksheet.ACTION_STATUSES[action.status](lang)
    if action.planned_week < week:
        detail = t("brief.action_overdue", lang, week=when, status=status)
    else:
        detail = t("brief.action_this_week", lang, week=when, status=status)
    return Line(action.text, row.short_name(lang), (detail,))


def sections(brief: Brief, lang: str, today: dt.date | None = None) -> list[Section]:
    """The brief as sections in the order of a conversation: who they are and what drives
    them, where you meet and clash, what is on the table, what you owe them, how it is going
    and what you learned. `today` as in `trend_text`."""
    the_map = brief.interest_map
    party = brief.party
    person = brief.stakeholder
    found = [
        Section("confirmed", t("brief.confirmed", lang),
                tuple(_interest_line(i, lang) for i in brief.confirmed),
                t("brief.confirmed_none", lang)),
    ]
    if brief.include_hidden:
        found.append(Section(
            "to_test", t("brief.to_test", lang),
            tuple(_interest_line(i, lang, hypothesis=True) for i in brief.to_test),
            t("brief.to_test_none", lang), intro=t("brief.to_test_intro", lang)))
    home = []
    if person.constituency:
        home.append(Line(person.constituency, t("export.constituency", lang)))
    if person.back_home:
        home.append(Line(person.back_home, t("brief.back_home", lang)))
    found.append(Section("back_home", t("brief.back_home_title", lang), tuple(home),
                         t("brief.back_home_none", lang)))

    shared = []
    for group in brief.shared:
        theirs = [i for i in group.interests if i.party == party]
        others = [i for i in group.interests if i.party != party]
        names = [parties.party_after_preposition(the_map, p, lang)
                 for p in group.parties if p != party]
        notes = tuple(parties.held_by(the_map, i, lang) for i in others)
        notes += tuple(f"{t('brief.link_note', lang)}: {note}" for note in group.notes)
        shared.append(Line("; ".join(parties.marked(i, lang) for i in theirs),
                           t("brief.with", lang, names=", ".join(names)), notes,
                           group.has_hypothesis))
    found.append(Section("shared", t("brief.shared", lang), tuple(shared),
                         t("brief.shared_none", lang)))
    tensions = []
    for mine, other, note in brief.tensions:
        notes = (parties.held_by(the_map, other, lang),)
        if note:
            notes += (f"{t('brief.link_note', lang)}: {note}",)
        tensions.append(Line(parties.marked(mine, lang),
                             t("brief.with", lang,
                               names=parties.party_after_preposition(the_map, other.party, lang)),
                             notes, mine.hypothesis or other.hypothesis))
    found.append(Section("tensions", t("brief.tensions", lang), tuple(tensions),
                         t("brief.tensions_none", lang)))

    found += [
        Section("options", t("brief.options", lang),
                tuple(_option_line(brief, o, lang, today) for o in brief.open_options),
                t("brief.options_none", lang)),
        Section("agreements", t("brief.agreements", lang),
                tuple(_option_line(brief, o, lang, today) for o in brief.agreements),
                t("brief.agreements_none", lang)),
        Section("actions", t("brief.actions", lang),
                tuple(_action_line(a, brief.week, lang, today) for a in brief.actions_due),
                t("brief.actions_none", lang)),
        Section("trend", t("brief.trend", lang),
                tuple(Line(trend_text(row, brief.trends.get(row.key, ()), lang, today))
                      for row in worksheet.DIMENSIONS),
                t("brief.trend_none_at_all", lang)),
        Section("reflections", t("brief.reflections", lang),
                tuple(Line(r.text, formats.week_short(r.week, lang, today))
                      for r in brief.reflections),
                t("brief.reflections_none", lang)),
    ]
    worked = [
        Line(t("brief.worked_change", lang, change=formats.number(w.change, lang, signed=True),
               cases=t_count("count.cases", w.cases, lang)),
             worksheet.row(w.dimension).short_name(lang))
        for w in brief.worked
    ]
    worked += [
        Line(action.text, notes=(
            f"{t('export.outcome', lang)}: {action.outcome}",
            *((t("brief.done_on", lang, date=formats.format_date(action.done_on, lang)),)
              if action.done_on else ())))
        for action in brief.outcomes
    ]
    found.append(Section("worked", t("brief.worked", lang), tuple(worked),
                         t("brief.worked_none", lang), intro=t("brief.worked_intro", lang)))
    return found
