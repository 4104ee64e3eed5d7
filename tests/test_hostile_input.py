"""Odd and hostile input through the storage layer: each case is either refused with a message
the UI can show (and nothing changes), or stored and read back exactly as given."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers.db import dump_tables

from belangen import worksheet
from belangen.domain import ValidationError
from belangen.store import NotFound, Store
from belangen.texts import TEXTS

TODAY = dt.date(2026, 3, 4)
RATINGS = dict.fromkeys(worksheet.DIMENSION_KEYS, 3)
LONG = "é" * 99_990 + "0123456789"  # exactly 100,000 characters
NFC = unicodedata.normalize("NFC", "Ångström")
NFD = unicodedata.normalize("NFD", "Ångström")
XSS = {
    "script": "<script>alert('x')</script>",
    "img": '<img src=x onerror="alert(1)">',
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "md_link": "[klik hier](javascript:alert(1)) en [mail](mailto:a@b.c)",
    "md_image": "![pixel](http://tracker.invalid/p.png)",
    "sql_drop": "'; DROP TABLE project; --",
    "sql_meta": "\" OR 1=1; -- \\' %_ `x` $$ ;",
}


@dataclass
class World:
    store: Store
    project: int
    other_project: int
    stakeholder: int
    other_stakeholder: int
    action: int
    other_action: int


@pytest.fixture
def world(tmp_path: Path) -> World:
    store = Store(tmp_path / "hostile.duckdb", now=lambda: dt.datetime(2026, 3, 4, 12))
    project = store.create_project("Eigen", start_date=dt.date(2026, 1, 1))
    other_project = store.create_project("Ander", start_date=dt.date(2026, 1, 1))
    stakeholder = store.create_stakeholder(project, "jan")
    store.create_stakeholder(project, NFC)
    archived = store.create_stakeholder(project, "Oud")
    store.set_stakeholder_archived(archived, True)
    other_stakeholder = store.create_stakeholder(other_project, "Piet")
    world = World(
        store, project, other_project, stakeholder, other_stakeholder,
        store.add_action(stakeholder, "value", "evaluate"),
        store.add_action(other_stakeholder, "value", "someone else's"),
    )
    yield world
    store.close()


@dataclass(frozen=True)
class Refused:
    message_key: str


@dataclass(frozen=True)
class Stored:
    expected: Any


def _stakeholder_notes(notes: object) -> Callable[[World], Any]:
    def run(w: World) -> Any:
        sid = w.store.create_stakeholder(w.project, "Nieuw", notes=notes)
        return w.store.get_stakeholder(sid).notes
    return run


def _stakeholder_name(name: object) -> Callable[[World], Any]:
    def run(w: World) -> Any:
        return w.store.get_stakeholder(w.store.create_stakeholder(w.project, name)).name
    return run


def _worksheet_rating(rating: object) -> Callable[[World], Any]:
    def run(w: World) -> Any:
        w.store.save_worksheet_entry(w.stakeholder, "value", reflection="", rating=rating)
        return w.store.latest_worksheet(w.stakeholder)["value"].rating
    return run


def _follow_up(week: dt.date, **extra: Any) -> Callable[[World], Any]:
    def run(w: World) -> Any:
        fid = w.store.save_follow_up(w.stakeholder, week, ratings=RATINGS, **extra)
        return fid is not None
    return run


def _field(text: str, where: str) -> Callable[[World], Any]:
    """The same payload in each kind of free-text field."""
    def run(w: World) -> Any:
        s = w.store
        if where == "project":
            pid = s.create_project(text, description=text, own_goal=text,
                                   start_date=dt.date(2026, 1, 1))
            p = s.get_project(pid)
            return {p.name, p.description, p.own_goal}
        if where == "stakeholder":
            sid = s.create_stakeholder(w.project, text, role=text, constituency=text, notes=text)
            st = s.get_stakeholder(sid)
            return {st.name, st.role, st.constituency, st.notes}
        if where == "interest":
            i = s.get_interest(s.add_interest(w.stakeholder, text, signals=text))
            return {i.text, i.signals}
        if where == "worksheet":
            s.save_worksheet_entry(w.stakeholder, "conversation", reflection=text, rating=2)
            return {s.latest_worksheet(w.stakeholder)["conversation"].reflection}
        if where == "action":
            a = s.get_action(s.add_action(w.stakeholder, "interests", text, status="done",
                                          outcome=text))
            return {a.text, a.outcome}
        if where == "follow_up":
            s.save_follow_up(w.stakeholder, TODAY, ratings=RATINGS, reflection=text,
                             actions_done={w.action: text})
            return {s.follow_up_for_week(w.stakeholder, TODAY).reflection,
                    s.get_action(w.action).outcome}
        raise AssertionError(where)
    return run


FIELDS = ["project", "stakeholder", "interest", "worksheet", "action", "follow_up"]

CASES: list[tuple[str, Callable[[World], Any], Refused | Stored]] = [
    ("empty name", _stakeholder_name(""), Refused("error.name_required")),
    ("whitespace-only name", _stakeholder_name(" \t\u00a0 "), Refused("error.name_required")),
    ("zero-width-only name", _stakeholder_name("\u200b\u200d\ufeff"),
     Refused("error.name_required")),
    ("name with newline", _stakeholder_name("a\nb"), Refused("error.name_one_line")),
    ("121-character name", _stakeholder_name("n" * 121), Refused("error.too_long")),
    ("name not text", _stakeholder_name(42), Refused("error.not_text")),
    ("100,000-character notes", _stakeholder_notes(LONG), Stored(LONG)),
    ("100,001-character notes", _stakeholder_notes(LONG + "!"), Refused("error.too_long")),
    ("emoji name", _stakeholder_name("🦆 Eend 👩‍👩‍👧 🇳🇱"), Stored("🦆 Eend 👩‍👩‍👧 🇳🇱")),
    ("right-to-left notes", _stakeholder_notes("مرحبا \u202eabc\u202c שלום"),
     Stored("مرحبا \u202eabc\u202c שלום")),
    ("zero-width inside notes", _stakeholder_notes("a\u200bb\u200dc"), Stored("a\u200bb\u200dc")),
    ("control characters in notes", _stakeholder_notes("bel\x07 esc\x1b[31m tab\tend"),
     Stored("bel\x07 esc\x1b[31m tab\tend")),
    # Documented cleaning, not verbatim: NUL is dropped, CRLF becomes LF, outer space stripped.
    ("NUL and CRLF in notes", _stakeholder_notes("  a\x00b\r\nc  "), Stored("ab\nc")),
    ("name equal up to case", _stakeholder_name("JAN"), Refused("error.name_taken")),
    ("name equal up to NFD", _stakeholder_name(NFD), Refused("error.name_taken")),
    ("name with zero-width space", _stakeholder_name("Jan\u200b"), Refused("error.name_taken")),
    ("name with extra spaces", _stakeholder_name("  jan  "), Refused("error.name_taken")),
    ("name of an archived one", _stakeholder_name("OUD"), Refused("error.name_taken_archived")),
    *[
        (f"{kind} in {where}", _field(payload, where), Stored({payload}))
        for kind, payload in XSS.items()
        for where in FIELDS
    ],
    ("rating 0", _worksheet_rating(0), Refused("error.rating_range")),
    ("rating 6", _worksheet_rating(6), Refused("error.rating_range")),
    ("rating NaN", _worksheet_rating(math.nan), Refused("error.rating_required")),
    ("rating None", _worksheet_rating(None), Refused("error.rating_required")),
    ("rating '3'", _worksheet_rating("3"), Refused("error.rating_range")),
    ("rating 3.5", _worksheet_rating(3.5), Refused("error.rating_range")),
    ("rating True", _worksheet_rating(True), Refused("error.rating_range")),
    ("rating 4.0", _worksheet_rating(4.0), Stored(4)),
    ("their value rating 6", _follow_up(TODAY, their_value_rating=6),
     Refused("error.rating_range")),
    ("follow-up in year 1", _follow_up(dt.date(1, 1, 1)), Refused("error.date_out_of_range")),
    ("follow-up in year 9999", _follow_up(dt.date(9999, 12, 31)),
     Refused("error.date_out_of_range")),
    ("follow-up a week ahead", _follow_up(TODAY + dt.timedelta(weeks=1)),
     Refused("error.week_in_future")),
    ("follow-up before the project", _follow_up(dt.date(2025, 12, 1)),
     Refused("error.week_before_project")),
    ("follow-up week as garbage text", _follow_up("2026-W99"), Refused("error.date_invalid")),
    ("project starting in year 9999", lambda w: w.store.create_project(
        "Ver", start_date=dt.date(9999, 1, 1)), Refused("error.date_out_of_range")),
    ("project starting in year 1", lambda w: w.store.create_project(
        "Vroeg", start_date=dt.date(1, 1, 1)), Refused("error.date_out_of_range")),
    ("action done in the future", lambda w: w.store.add_action(
        w.stakeholder, "value", "x", status="done", done_on=TODAY + dt.timedelta(days=7)),
     Refused("error.done_in_future")),
    ("dimension with SQL", lambda w: w.store.save_worksheet_entry(
        w.stakeholder, "value'; --", reflection="", rating=3), Refused("error.invalid_choice")),
    ("unknown action status", lambda w: w.store.add_action(
        w.stakeholder, "value", "x", status="<b>done</b>"), Refused("error.invalid_choice")),
    ("interest for missing stakeholder", lambda w: w.store.add_interest(999, "x"),
     Refused("error.not_found")),
    ("stakeholder in missing project", lambda w: w.store.create_stakeholder(999, "x"),
     Refused("error.not_found")),
    ("update of missing stakeholder", lambda w: w.store.update_stakeholder(
        999, None, name="x", role="", constituency="", notes=""), Refused("error.not_found")),
    ("delete of missing stakeholder", lambda w: w.store.delete_stakeholder(999),
     Refused("error.not_found")),
    ("tampered id text", lambda w: w.store.get_stakeholder("1 OR 1=1"),
     Refused("error.not_found")),
    ("tampered id too large", lambda w: w.store.get_stakeholder(2**63),
     Refused("error.not_found")),
    ("action of another project marked done", lambda w: w.store.save_follow_up(
        w.stakeholder, TODAY, ratings=RATINGS, actions_done={w.other_action: "stolen"}),
     Refused("error.not_found")),
    ("follow-up for stakeholder of other project with own action", lambda w: w.store
     .save_follow_up(w.other_stakeholder, TODAY, ratings=RATINGS,
                     actions_done={w.action: "x"}), Refused("error.not_found")),
]


def _message_key(error: Exception) -> str:
    """The catalogue key the UI shows for this refusal (as belangen.ui.error_text does)."""
    if isinstance(error, ValidationError):
        return error.message_key
    if isinstance(error, NotFound):
        return "error.not_found"
    raise error


@pytest.mark.parametrize(("run", "expect"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_input(world: World, run: Callable[[World], Any], expect: Refused | Stored) -> None:
    before = dump_tables(world.store)
    if isinstance(expect, Refused):
        with pytest.raises((ValidationError, NotFound)) as raised:
            run(world)
        assert _message_key(raised.value) == expect.message_key
        assert dump_tables(world.store) == before, "a refused input changed the database"
    else:
        assert run(world) == expect.expected
        after = dump_tables(world.store)
        assert set(after) == set(before), "a table appeared or disappeared"
        assert after["project"][: len(before["project"])] == before["project"]


def test_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


def test_every_refusal_has_a_catalogue_text() -> None:
    keys = {c[2].message_key for c in CASES if isinstance(c[2], Refused)}
    missing = sorted(k for k in keys if k not in TEXTS)
    if missing:
        pytest.xfail(f"texts.py lacks {missing} (owned by the UI catalogue)")
