"""The stakeholder register's read model: every active stakeholder once, with the latest rating
per rated aspect as the overview reads it (the worksheet start until a week is logged)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from belangen import worksheet
from belangen.register import COLUMNS, ratings_initials, register_rows
from belangen.store import Store
from belangen.texts import t

MONDAY = dt.date(2026, 11, 2)


def test_register_shows_each_stakeholders_latest_ratings(tmp_path: Path) -> None:
    db = Store(tmp_path / "r.duckdb", now=lambda: dt.datetime(2026, 11, 25, 12))
    try:
        project = db.create_project("Register", start_date=MONDAY)
        ans = db.create_stakeholder(project, "Ans", "Wethouder")
        bob = db.create_stakeholder(project, "Bob")
        db.create_stakeholder(project, "Cor")
        gone = db.create_stakeholder(project, "Gearchiveerd")
        db.set_stakeholder_archived(gone, True)
        db.save_worksheet_entry(ans, "value", rating=2, reflection="Start")
        db.save_worksheet_entry(bob, "conversation", rating=3, reflection="Alleen dit")
        start = dict.fromkeys(worksheet.DIMENSION_KEYS, 2)
        db.save_follow_up(ans, MONDAY, ratings=start)
        db.save_follow_up(ans, MONDAY + dt.timedelta(weeks=1), ratings={**start, "value": 4})

        register = db.stakeholder_register(project).set_index("name")
        columns = [f"latest_{key}" for key in worksheet.DIMENSION_KEYS]
        assert list(register.index) == ["Ans", "Bob", "Cor"], "archived ones are left out"
        assert register.loc["Ans", columns].tolist() == [2, 4, 2, 2], "the newest week"
        bob_row = register.loc["Bob", columns]
        assert bob_row["latest_conversation"] == 3, "the worksheet start while no week is logged"
        assert bob_row.drop("latest_conversation").isna().all()
        assert register.loc["Cor", columns].isna().all(), "nothing rated: empty, not 0"
        assert all(isinstance(register[column].dtype, pd.Int64Dtype) for column in columns)
        # The screen hands over the latest ratings it already holds (computed once per write)
        # instead of having them read again: the same register either way.
        shared = db.stakeholder_register(project, db.latest_ratings(project)).set_index("name")
        pd.testing.assert_frame_equal(shared, register)
    finally:
        db.close()


def test_register_of_a_project_without_stakeholders_has_every_column(tmp_path: Path) -> None:
    db = Store(tmp_path / "r.duckdb")
    try:
        register = db.stakeholder_register(db.create_project("Leeg"))
        assert register.empty
        assert {f"latest_{key}" for key in worksheet.DIMENSION_KEYS} <= set(register.columns)
    finally:
        db.close()


def test_register_rows_put_every_cell_in_words(tmp_path: Path) -> None:
    """What the table shows, without Streamlit: ratings in one short cell ('–' for none), the
    interests counted by status, the next action with its week, cadence in words, and user text
    as it was typed (no Markdown is made of it)."""
    today = dt.date(2026, 11, 25)
    db = Store(tmp_path / "r.duckdb", now=lambda: dt.datetime(2026, 11, 25, 12))
    try:
        project = db.create_project("Register", start_date=MONDAY)
        ans = db.create_stakeholder(project, "Ans **vet**", "Wethouder", "De *raad*",
                                    cadence_weeks=4)
        db.create_stakeholder(project, "Bob")
        db.add_interest(ans, "Herverkiezing", "political", "suspected")
        db.add_interest(ans, "Budget", "organisational", "confirmed")
        db.add_interest(ans, "Rust", "individual", "confirmed")
        db.save_worksheet_entry(ans, "value", rating=2, reflection="Start")
        db.add_action(ans, "negotiation", "Bellen", planned_week=dt.date(2026, 11, 30))
        db.save_follow_up(ans, MONDAY, ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 3))

        rows = register_rows(db.stakeholder_register(project), "nl", today).set_index("name")
        assert list(rows.columns) == list(COLUMNS[:1] + COLUMNS[2:])
        ans_row = rows.loc["Ans **vet**"]
        assert ans_row["ratings"] == "3 · 3 · 3 · 3"
        assert ans_row["interests"] == "2 bevestigd · 1 vermoed"
        assert ans_row["next_action"] == "Bellen · week 49"
        assert ans_row["last_follow_up"] == "week 45"
        assert ans_row["cadence"] == t("cadence.every_4", "nl")
        assert ans_row["constituency"] == "De *raad*"
        bob_row = rows.loc["Bob"]
        assert bob_row["ratings"] == "– · – · – · –"
        assert (bob_row["next_action"], bob_row["last_follow_up"]) == ("—", "—")
        assert ratings_initials("nl") == "I · W · G · O"
        english = register_rows(db.stakeholder_register(project), "en", today)
        assert english.loc[english["name"] == "Bob", "interests"].item() == \
            "0 confirmed · 0 suspected"
    finally:
        db.close()
