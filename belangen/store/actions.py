"""Actions written under a worksheet row: planned for a week, carried out, dropped."""

from __future__ import annotations

from belangen import domain, worksheet
from belangen.domain import Action
from belangen.store.database import Database, quote_literal

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
        return self._add_row("add_action", "action", {"row_key": key, **values},
                             under=("stakeholder", stakeholder_id), token=token)

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
