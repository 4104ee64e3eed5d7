"""Worksheet rows 2-5: every save of a rated row appends a version; the newest is current."""

from __future__ import annotations

from typing import Any

import duckdb

from belangen import domain
from belangen.domain import WorksheetEntry
from belangen.store.database import Database, as_id, insert_row, require_row
from belangen.store.errors import ConcurrentEdit

_ENTRY_COLUMNS = "id, stakeholder_id, dimension, reflection, rating, target, saved_at"


class WorksheetEntries(Database):
    def save_worksheet_entry(
        self,
        stakeholder_id: int,
        dimension: str,
        *,
        reflection: object,
        rating: object,
        target: object = None,
        based_on: int | None = None,
        token: str | None = None,
    ) -> int:
        """Append a new version of one worksheet row.

        `based_on` is the id of the version the user had on screen (None for a first version);
        if another version was saved since, nothing is written and `ConcurrentEdit` is raised.
        """
        values = domain.worksheet_entry_values(dimension, reflection, rating, target)
        now = self.now()
        stakeholder_id = as_id("stakeholder", stakeholder_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            saved = self._append_versions(
                cur, stakeholder_id, {dimension: values}, {dimension: based_on}, now
            )
            return saved[dimension]

        return int(self._once(token, "save_worksheet_entry", write))  # type: ignore[arg-type]

    def save_worksheet(
        self,
        stakeholder_id: int,
        rows: dict[str, dict[str, object]],
        *,
        based_on: dict[str, int | None],
        token: str | None = None,
    ) -> dict[str, int]:
        """Save every changed row of a stakeholder's worksheet at once: one new version per row
        in `rows` (dimension → rating, target, reflection), all or none.

        `based_on` maps each of those dimensions to the version the user had on screen (None
        for a first version); if any was saved again since, nothing is written and
        `ConcurrentEdit` is raised. Returns the new version's id per dimension.
        """
        cleaned = {
            dimension: domain.worksheet_entry_values(
                dimension, row.get("reflection"), row.get("rating"), row.get("target"),
                prefix=f"{dimension}.",
            )
            for dimension, row in rows.items()
        }
        now = self.now()
        stakeholder_id = as_id("stakeholder", stakeholder_id)
        saved: dict[str, int] = {}

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            saved.update(self._append_versions(cur, stakeholder_id, cleaned, based_on, now))
            return stakeholder_id

        self._once(token, "save_worksheet", write)
        if not saved:  # the same submission was stored before: report what it stored
            current = self.latest_worksheet(stakeholder_id)
            saved = {dimension: current[dimension].id for dimension in cleaned
                     if dimension in current}
        return saved

    @staticmethod
    def _append_versions(
        cur: duckdb.DuckDBPyConnection,
        stakeholder_id: int,
        rows: dict[str, dict[str, Any]],
        based_on: dict[str, int | None],
        now: Any,
    ) -> dict[str, int]:
        """New versions of some rows of one worksheet, inside `cur`'s transaction, provided
        each row's current version is still the one the user started from."""
        require_row(cur, "stakeholder", stakeholder_id)
        latest = dict(cur.execute(
            "SELECT dimension, max(id) FROM worksheet_entry WHERE stakeholder_id = ? "
            "GROUP BY dimension", [stakeholder_id],
        ).fetchall())
        for dimension in rows:
            if latest.get(dimension) != based_on.get(dimension):
                raise ConcurrentEdit("worksheet_entry", stakeholder_id)
        return {
            dimension: insert_row(
                cur,
                "worksheet_entry",
                {"stakeholder_id": stakeholder_id, "dimension": dimension, **values,
                 "saved_at": now},
            )
            for dimension, values in rows.items()
        }

    def latest_worksheet(self, stakeholder_id: int) -> dict[str, WorksheetEntry]:
        """Each row's current version: the newest of `worksheet_histories`."""
        return {dimension: versions[0]
                for dimension, versions in self.worksheet_histories(stakeholder_id).items()}

    def worksheet_history(self, stakeholder_id: int, dimension: str) -> list[WorksheetEntry]:
        """All saved versions of one row, newest first."""
        return self.worksheet_histories(stakeholder_id).get(dimension, [])

    def worksheet_histories(self, stakeholder_id: int) -> dict[str, list[WorksheetEntry]]:
        """All saved versions of each row, newest first, in one read: the Werkblad shows every
        row's newest version and its history on each run."""
        rows = self._rows(
            f"SELECT {_ENTRY_COLUMNS} FROM worksheet_entry WHERE stakeholder_id = ? "
            "ORDER BY id DESC",
            [stakeholder_id],
        )
        histories: dict[str, list[WorksheetEntry]] = {}
        for row in rows:
            histories.setdefault(row[2], []).append(WorksheetEntry(*row))
        return histories
