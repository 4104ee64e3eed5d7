"""Actions written under a worksheet row: planned for a week, carried out, dropped."""

from __future__ import annotations

import duckdb

from belangen import domain, worksheet
from belangen.domain import Action
from belangen.store.database import Database, as_id, insert_row, quote_literal, require_row

_ACTION_COLUMNS = (
    "id, stakeholder_id, row_key, text, planned_week, status, done_on, outcome, revision"
)

OPEN_STATUSES_SQL = "(" + ", ".join(map(quote_literal, worksheet.OPEN_ACTION_STATUSES)) + ")"
"""`worksheet.OPEN_ACTION_STATUSES` as an SQL list, for `status IN …`."""


class Actions(Database):
    def add_action(
        self,
        stakeholder_id: int,
        row_key: object,
        text: object,
        *,
        planned_week: object = None,
        status: object = "planned",
        done_on: object = None,
        outcome: object = "",
        token: str | None = None,
    ) -> int:
        key = domain.clean_choice(row_key, worksheet.ROW_KEYS, "row_key")
        values = domain.action_values(
            text, planned_week, status, done_on, outcome, today=self.today()
        )
        now = self.now()
        stakeholder_id = as_id("stakeholder", stakeholder_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            require_row(cur, "stakeholder", stakeholder_id)
            return insert_row(cur, "action", {
                "stakeholder_id": stakeholder_id, "row_key": key, **values,
                "created_at": now, "updated_at": now,
            })

        return int(self._once(token, "add_action", write))  # type: ignore[arg-type]

    def update_action(
        self,
        action_id: int,
        revision: int | None,
        *,
        text: object,
        planned_week: object,
        status: object,
        done_on: object = None,
        outcome: object = "",
        token: str | None = None,
    ) -> None:
        values = domain.action_values(
            text, planned_week, status, done_on, outcome, today=self.today()
        )
        self._update("action", action_id, revision, values, "stakeholder_id", token=token)

    def get_action(self, action_id: int) -> Action:
        return Action(*self._one("action", _ACTION_COLUMNS, action_id))

    def list_actions(self, stakeholder_id: int) -> list[Action]:
        rows = self._rows(
            f"SELECT {_ACTION_COLUMNS} FROM action WHERE stakeholder_id = ? "
            "ORDER BY planned_week NULLS LAST, id",
            [stakeholder_id],
        )
        return [Action(*row) for row in rows]
