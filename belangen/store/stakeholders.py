"""Stakeholders and their interests (worksheet row 1): the people of a project, unique by name
within it, and deleting one with every row that belongs to them."""

from __future__ import annotations

import datetime as dt

import duckdb

from belangen import domain
from belangen.domain import Interest, Stakeholder, ValidationError
from belangen.store.database import Database, as_id, insert_row, require_row
from belangen.store.errors import NotFound

_STAKEHOLDER_COLUMNS = "id, project_id, name, role, constituency, notes, archived, revision"
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
        self,
        project_id: int,
        name: object,
        role: object = "",
        constituency: object = "",
        notes: object = "",
        *,
        token: str | None = None,
    ) -> int:
        values = domain.stakeholder_values(name, role, constituency, notes)
        now = self.now()
        project_id = as_id("project", project_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            require_row(cur, "project", project_id)
            _check_unique_name(cur, project_id, values["name_key"], None)
            return insert_row(
                cur,
                "stakeholder",
                {"project_id": project_id, **values, "created_at": now, "updated_at": now},
            )

        return int(self._once(token, "create_stakeholder", write))  # type: ignore[arg-type]

    def update_stakeholder(
        self,
        stakeholder_id: int,
        revision: int | None,
        *,
        name: object,
        role: object,
        constituency: object,
        notes: object,
        token: str | None = None,
    ) -> None:
        values = domain.stakeholder_values(name, role, constituency, notes)
        stakeholder_id = as_id("stakeholder", stakeholder_id)

        def unique_in_its_project(cur: duckdb.DuckDBPyConnection) -> None:
            found = cur.execute(
                "SELECT project_id FROM stakeholder WHERE id = ?", [stakeholder_id]
            ).fetchall()
            if not found:
                raise NotFound("stakeholder", stakeholder_id)
            _check_unique_name(cur, found[0][0], values["name_key"], stakeholder_id)

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
        archived_filter = "" if include_archived else "AND NOT archived"
        rows = self._rows(
            f"SELECT {_STAKEHOLDER_COLUMNS} FROM stakeholder "
            f"WHERE project_id = ? {archived_filter} ORDER BY archived, lower(name), id",
            [project_id],
        )
        return [Stakeholder(*row) for row in rows]

    def get_stakeholder(self, stakeholder_id: int) -> Stakeholder:
        return Stakeholder(*self._one("stakeholder", _STAKEHOLDER_COLUMNS, stakeholder_id))

    @staticmethod
    def delete_stakeholder_rows(cur: duckdb.DuckDBPyConnection, stakeholder_id: int) -> None:
        """Every row of one stakeholder, on any database of this schema (a safety copy too)."""
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
        self,
        stakeholder_id: int,
        text: object,
        kind: object = "organisational",
        status: object = "suspected",
        signals: object = "",
        *,
        token: str | None = None,
    ) -> int:
        values = domain.interest_values(text, kind, status, signals)
        confirmed_on = domain.confirmed_on(None, None, values["status"], self.today())
        now = self.now()
        stakeholder_id = as_id("stakeholder", stakeholder_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            require_row(cur, "stakeholder", stakeholder_id)
            return insert_row(
                cur,
                "interest",
                {
                    "stakeholder_id": stakeholder_id,
                    **values,
                    "confirmed_on": confirmed_on,
                    "created_at": now,
                    "updated_at": now,
                },
            )

        return int(self._once(token, "add_interest", write))  # type: ignore[arg-type]

    def update_interest(
        self,
        interest_id: int,
        revision: int | None,
        *,
        text: object,
        kind: object,
        status: object,
        signals: object,
        token: str | None = None,
    ) -> None:
        """Edits an interest; the day it moves from suspected to confirmed is kept."""
        values = domain.interest_values(text, kind, status, signals)
        interest_id = as_id("interest", interest_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            found = cur.execute("SELECT status, confirmed_on FROM interest WHERE id = ?",
                                [interest_id]).fetchall()
            if not found:
                raise NotFound("interest", interest_id)
            status_before, confirmed_before = found[0]
            confirmed_on = domain.confirmed_on(status_before, confirmed_before,
                                               values["status"], self.today())
            self._update_row(cur, "interest", interest_id, revision,
                             {**values, "confirmed_on": confirmed_on}, "stakeholder_id")
            return interest_id

        self._once_for_row(token, "update_interest", "interest", interest_id, write)

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
        archived_filter = "" if include_archived else "AND NOT archived"
        rows = self._rows(
            f"SELECT {_INTEREST_COLUMNS} FROM interest "
            f"WHERE stakeholder_id = ? {archived_filter} ORDER BY archived, id",
            [stakeholder_id],
        )
        return [Interest(*row) for row in rows]
