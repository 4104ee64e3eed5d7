"""Stakeholders and their interests (worksheet row 1): the people of a project, unique by name
within it, and deleting one with every row that belongs to them."""

from __future__ import annotations

import datetime as dt

import duckdb

from belangen import domain
from belangen.domain import Interest, Stakeholder, ValidationError
from belangen.store.collaboration import forget_interests, forget_partner
from belangen.store.database import Database, as_id, require_row, row_of

_STAKEHOLDER_COLUMNS = (
    "id, project_id, name, role, constituency, notes, archived, revision, cadence_weeks, "
    "back_home"
)
_INTEREST_COLUMNS = (
    "id, stakeholder_id, text, kind, status, signals, confirmed_on, archived, revision"
)

# Tables whose rows belong to one stakeholder, and how to find them.
_STAKEHOLDER_OWNED = (
    ("follow_up_rating", "follow_up_id IN (SELECT id FROM follow_up WHERE stakeholder_id = ?)"),
    ("follow_up", "stakeholder_id = ?"),
    ("action", "stakeholder_id = ?"),
    ("worksheet_entry", "stakeholder_id = ?"),
    ("interest", "stakeholder_id = ?"),
    ("change_log", "stakeholder_id = ?"),
    ("stakeholder", "id = ?"),
)


def _check_unique_name(
    cur: duckdb.DuckDBPyConnection, project_id: int, key: object, except_id: int | None
) -> None:
    clash = cur.execute(
        "SELECT archived FROM stakeholder WHERE project_id = ? AND name_key = ? "
        "AND id IS DISTINCT FROM ?",
        [project_id, key, except_id],
    ).fetchall()
    if clash:
        message = "error.name_taken_archived" if clash[0][0] else "error.name_taken"
        raise ValidationError("name", message)


class Stakeholders(Database):
    # -- stakeholders ------------------------------------------------------------------------

    def create_stakeholder(
        self, project_id: int, name: object, role: object = "", constituency: object = "",
        notes: object = "", *, cadence_weeks: object = domain.DEFAULT_CADENCE,
        back_home: object = "", token: str | None = None,
    ) -> int:
        values = domain.stakeholder_values(name, role, constituency, notes, back_home)
        values["cadence_weeks"] = domain.clean_cadence(cadence_weeks)

        def unique_in_the_project(cur: duckdb.DuckDBPyConnection) -> None:
            _check_unique_name(cur, project_id, values["name_key"], None)

        return self._add_row("create_stakeholder", "stakeholder", values,
                             under=("project", project_id), token=token,
                             check=unique_in_the_project)

    def update_stakeholder(
        self, stakeholder_id: int, revision: int | None, *, name: object, role: object,
        constituency: object, notes: object, cadence_weeks: object | None = None,
        back_home: object | None = None, token: str | None = None,
    ) -> None:
        """Changes the stakeholder's fields; the cadence and what they must explain back home
        only when given."""
        values = domain.stakeholder_values(name, role, constituency, notes, back_home or "")
        if back_home is None:
            del values["back_home"]
        if cadence_weeks is not None:
            values["cadence_weeks"] = domain.clean_cadence(cadence_weeks)

        def unique_in_its_project(cur: duckdb.DuckDBPyConnection) -> None:
            (project_id,) = row_of(cur, "stakeholder", "project_id", stakeholder_id)
            _check_unique_name(cur, project_id, values["name_key"], stakeholder_id)

        self._update("stakeholder", stakeholder_id, revision, values, "id", token=token,
                     check=unique_in_its_project)

    def set_stakeholder_archived(
        self, stakeholder_id: int, archived: bool, *, token: str | None = None
    ) -> None:
        self._update("stakeholder", stakeholder_id, None, {"archived": bool(archived)}, "id",
                     token=token)

    def list_stakeholders(
        self, project_id: int, *, include_archived: bool = False
    ) -> list[Stakeholder]:
        rows = self._rows_under("stakeholder", _STAKEHOLDER_COLUMNS, ("project", project_id),
                                include_archived=include_archived,
                                order="archived, lower(name), id")
        return [Stakeholder(*row) for row in rows]

    def get_stakeholder(self, stakeholder_id: int) -> Stakeholder:
        return Stakeholder(*self._one("stakeholder", _STAKEHOLDER_COLUMNS, stakeholder_id))

    @staticmethod
    def delete_stakeholder_rows(cur: duckdb.DuckDBPyConnection, stakeholder_id: int) -> None:
        """Every row of one stakeholder, on any database of this schema (a safety copy too),
        and their place on the project's map and in its options."""
        refs = [domain.interest_ref(interest_id) for (interest_id,) in cur.execute(
            "SELECT id FROM interest WHERE stakeholder_id = ?", [stakeholder_id]).fetchall()]
        forget_interests(cur, refs)
        forget_partner(cur, stakeholder_id)
        for table, condition in _STAKEHOLDER_OWNED:
            cur.execute(f"DELETE FROM {table} WHERE {condition}", [stakeholder_id])

    def stakeholder_created_at(self, stakeholder_id: int) -> dt.datetime:
        """With the id, what tells this person apart in a copy made before a restore of other
        data (ids are never reused within one database's history, but may be across)."""
        (created_at,) = self._one("stakeholder", "created_at", stakeholder_id)
        return created_at

    def delete_stakeholder(self, stakeholder_id: int, *, token: str | None = None) -> None:
        """Remove a stakeholder and its whole history in one transaction (after confirmation)."""
        stakeholder_id = as_id("stakeholder", stakeholder_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            require_row(cur, "stakeholder", stakeholder_id)
            self.delete_stakeholder_rows(cur, stakeholder_id)
            return stakeholder_id

        self._once(token, "delete_stakeholder", write)
        # CHECKPOINT alone leaves the text readable in freed blocks of the file (measured with
        # duckdb 2.0.1): rewrite the whole file through a fresh copy.
        self.compact()

    # -- interests (row 1) -------------------------------------------------------------------

    def add_interest(
        self, stakeholder_id: int, text: object, kind: object = "organisational",
        status: object = "suspected", signals: object = "", *, token: str | None = None,
    ) -> int:
        values = domain.interest_values(text, kind, status, signals)
        values["confirmed_on"] = domain.confirmed_on(None, None, values["status"], self.today())
        return self._add_row("add_interest", "interest", values,
                             under=("stakeholder", stakeholder_id), token=token)

    def update_interest(
        self, interest_id: int, revision: int | None, *, text: object, kind: object,
        status: object, signals: object, token: str | None = None,
    ) -> None:
        """Edits an interest; the day it moves from suspected to confirmed is kept."""
        values = domain.interest_values(text, kind, status, signals)

        def confirmed_as_before(cur: duckdb.DuckDBPyConnection) -> dict[str, object]:
            status, confirmed_on = row_of(cur, "interest", "status, confirmed_on", interest_id)
            return {"confirmed_on": domain.confirmed_on(status, confirmed_on, values["status"],
                                                        self.today())}

        self._update("interest", interest_id, revision, values, "stakeholder_id", token=token,
                     check=confirmed_as_before)

    def set_interest_archived(
        self, interest_id: int, archived: bool, *, token: str | None = None
    ) -> None:
        self._update(
            "interest", interest_id, None, {"archived": bool(archived)}, "stakeholder_id",
            token=token,
        )

    def get_interest(self, interest_id: int) -> Interest:
        return Interest(*self._one("interest", _INTEREST_COLUMNS, interest_id))

    def list_interests(
        self, stakeholder_id: int, *, include_archived: bool = False
    ) -> list[Interest]:
        rows = self._rows_under("interest", _INTEREST_COLUMNS, ("stakeholder", stakeholder_id),
                                include_archived=include_archived, order="archived, id")
        return [Interest(*row) for row in rows]
