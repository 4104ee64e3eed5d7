"""Weekly follow-ups: one stakeholder's ratings and reflection for an ISO week, with the actions
carried out that week. Saving a week again appends a version; the highest id is current."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import duckdb

from belangen import domain, worksheet
from belangen.store.actions import OPEN_STATUSES_SQL
from belangen.store.database import as_id, insert_row
from belangen.store.errors import ConcurrentEdit, NotFound
from belangen.store.worksheet_entries import WorksheetEntries

ANY_VERSION = object()
"""`based_on` for callers that append whatever was saved before (the sample, the benchmark)."""


class FollowUps(WorksheetEntries):
    def save_follow_up(
        self,
        stakeholder_id: int,
        week: object,
        *,
        ratings: Mapping[str, object],
        reflection: object = "",
        their_value_rating: object = None,
        actions_done: Mapping[int, object] | None = None,
        new_action: Mapping[str, object] | None = None,
        based_on: int | object | None = ANY_VERSION,
        token: str | None = None,
    ) -> int:
        """Store one week's follow-up, the actions carried out and a new action, all at once.

        Saving a week that already has a follow-up appends a new version; the old one stays.
        `actions_done` maps an open action of this stakeholder to what it yielded. `based_on`
        is the version the form showed (None: the week had none); when another version was
        saved since, nothing is written and `ConcurrentEdit` is raised. The week is checked
        against the project's start inside the same transaction as the write.
        """
        stakeholder_id = as_id("stakeholder", stakeholder_id)
        day = domain.clean_date(week, "week")
        clean_ratings = {
            key: domain.clean_rating(ratings.get(key), f"rating.{key}")
            for key in worksheet.DIMENSION_KEYS
        }
        clean_reflection = domain.clean_text(reflection, "reflection")
        their_value = domain.clean_rating(their_value_rating, "their_value_rating", optional=True)
        outcomes = {
            int(action_id): domain.clean_text(outcome, f"outcome.{action_id}")
            for action_id, outcome in (actions_done or {}).items()
        }
        today = self.today()
        new_action_values = None
        if new_action and domain.clean_text(new_action.get("text"), "new_action.text"):
            new_action_values = {
                "row_key": domain.clean_choice(
                    new_action.get("row_key"), worksheet.ROW_KEYS, "new_action.row_key"
                ),
                **domain.action_values(
                    new_action.get("text"), new_action.get("planned_week"), "planned", None, "",
                    today=today,
                ),
            }
        now = self.now()

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            return self._write_follow_up(
                cur, stakeholder_id, day, clean_ratings, based_on=based_on,
                reflection=clean_reflection, their_value=their_value, outcomes=outcomes,
                new_action=new_action_values, today=today, now=now)

        return int(self._once(token, "save_follow_up", write))  # type: ignore[arg-type]

    def follow_up_for_week(self, stakeholder_id: int, week: dt.date) -> domain.FollowUp | None:
        """The current version of one week's follow-up."""
        return self.follow_up_and_previous(stakeholder_id, week)[0]

    def previous_follow_up(
        self, stakeholder_id: int, week: dt.date
    ) -> domain.FollowUp | None:
        """The current version of the latest logged week before `week`: what was said last."""
        return self.follow_up_and_previous(stakeholder_id, week)[1]

    def follow_up_and_previous(
        self, stakeholder_id: int, week: dt.date
    ) -> tuple[domain.FollowUp | None, domain.FollowUp | None]:
        """This week's follow-up and the one before it (each its current version), in one
        read: the weekcheck shows both on every run."""
        monday = domain.week_start(week)
        rows = self._rows(
            "SELECT f.id, f.stakeholder_id, f.week, "
            "map(list(r.dimension ORDER BY r.dimension), list(r.rating ORDER BY r.dimension)), "
            "f.their_value_rating, f.reflection, f.saved_at "
            "FROM follow_up f JOIN follow_up_rating r ON r.follow_up_id = f.id "
            "WHERE f.id IN ("
            "  SELECT max(id) FROM follow_up WHERE stakeholder_id = ? AND week = ? "
            "  UNION ALL "
            "  SELECT max(id) FROM follow_up WHERE stakeholder_id = ? AND week = ("
            "    SELECT max(week) FROM follow_up WHERE stakeholder_id = ? AND week < ?)) "
            "GROUP BY ALL",
            [stakeholder_id, monday, stakeholder_id, stakeholder_id, monday],
        )
        found = [domain.FollowUp(row[0], row[1], row[2], dict(row[3]), row[4], row[5], row[6])
                 for row in rows]
        current = next((f for f in found if f.week == monday), None)
        previous = next((f for f in found if f.week < monday), None)
        return current, previous

    def follow_up_versions(self, stakeholder_id: int, week: dt.date) -> int:
        (count,) = self._rows(
            "SELECT count(*) FROM follow_up WHERE stakeholder_id = ? AND week = ?",
            [stakeholder_id, domain.week_start(week)],
        )[0]
        return int(count)

    def starting_ratings(self, stakeholder_id: int, week: dt.date) -> dict[str, int]:
        """The ratings a follow-up form starts from: the latest week before `week`, else the
        worksheet ('week 0')."""
        rows = self._rows(
            "SELECT r.dimension, r.rating FROM follow_up_rating r WHERE r.follow_up_id = ("
            "  SELECT max(id) FROM follow_up WHERE stakeholder_id = ? AND week = ("
            "    SELECT max(week) FROM follow_up WHERE stakeholder_id = ? AND week < ?))",
            [stakeholder_id, stakeholder_id, domain.week_start(week)],
        )
        if rows:
            return dict(rows)
        return {key: entry.rating for key, entry in self.latest_worksheet(stakeholder_id).items()}

    def save_follow_ups(
        self, week: object, rows: Sequence[Mapping[str, object]],
    ) -> dict[int, int]:
        """Store a whole week of unreflected follow-ups at once (the Weekcheck's grid): per row
        a `stakeholder_id`, its four `ratings`, the `based_on` version its form showed (None: the
        week had none) and its own submission `token`. No reflection, no actions.

        One transaction: every row is stored, or none is (a refused row raises and names its
        stakeholder in the error's field, `"<stakeholder_id>.rating.<key>"`). A row whose token
        was stored before (a double click, a resubmit) stores nothing new and gives what the
        first submit stored, so saving the same grid twice appends no second version.
        Returns the follow-up id per stakeholder.
        """
        day = domain.clean_date(week, "week")
        cleaned: list[tuple[int, dict[str, int | None], object, str]] = []
        for row in rows:
            stakeholder_id = as_id("stakeholder", row.get("stakeholder_id"))
            ratings = row.get("ratings")
            if not isinstance(ratings, Mapping):
                raise domain.ValidationError(f"{stakeholder_id}.ratings", "error.rating_required")
            clean: dict[str, int | None] = {}
            for key in worksheet.DIMENSION_KEYS:
                try:
                    clean[key] = domain.clean_rating(ratings.get(key), f"rating.{key}")
                except domain.ValidationError as error:
                    raise domain.ValidationError(f"{stakeholder_id}.{error.field}",
                                                 error.message_key, **error.params) from error
            token = row.get("token")
            if not isinstance(token, str):  # `_once_each` checks the rest of its shape
                raise ValueError(f"row {stakeholder_id} has no submission token: {token!r}")
            cleaned.append((stakeholder_id, clean, row.get("based_on"), token))
        if len({stakeholder_id for stakeholder_id, *_ in cleaned}) != len(cleaned):
            raise ValueError("one row per stakeholder")
        today = self.today()
        now = self.now()

        def writer(stakeholder_id: int, ratings: dict[str, int | None],
                   based_on: object) -> Callable[[duckdb.DuckDBPyConnection], int]:
            return lambda cur: self._write_follow_up(cur, stakeholder_id, day, ratings,
                                                     based_on=based_on, today=today, now=now)

        stored = self._once_each("save_follow_ups", [
            (token, writer(stakeholder_id, ratings, based_on))
            for stakeholder_id, ratings, based_on, token in cleaned])
        return {stakeholder_id: int(follow_up_id)  # type: ignore[arg-type]
                for (stakeholder_id, *_), follow_up_id in zip(cleaned, stored, strict=True)}

    def _write_follow_up(
        self, cur: duckdb.DuckDBPyConnection, stakeholder_id: int, day: dt.date,
        ratings: Mapping[str, int | None], *, based_on: object, reflection: str = "",
        their_value: int | None = None, outcomes: Mapping[int, str] | None = None,
        new_action: Mapping[str, object] | None = None, today: dt.date, now: object,
    ) -> int:
        """One follow-up written inside the caller's transaction, from cleaned values: the week
        checked against the project's start, the version the form showed (`based_on`) still
        the newest, the actions carried out marked done, a new action added."""
        found = cur.execute(
            "SELECT s.project_id, p.start_date FROM stakeholder s "
            "LEFT JOIN project p ON p.id = s.project_id WHERE s.id = ?",
            [stakeholder_id],
        ).fetchall()
        if not found:
            raise NotFound("stakeholder", stakeholder_id)
        project_id, project_start = found[0]
        if project_start is None:
            raise NotFound("project", project_id)
        monday = domain.check_follow_up_week(day, project_start, today)
        if based_on is not ANY_VERSION:
            (current,) = cur.execute(
                "SELECT max(id) FROM follow_up WHERE stakeholder_id = ? AND week = ?",
                [stakeholder_id, monday],
            ).fetchall()[0]
            if current != based_on:
                raise ConcurrentEdit("follow_up", stakeholder_id)
        outcomes = outcomes or {}
        if outcomes:
            open_ids = {
                action_id
                for (action_id,) in cur.execute(
                    "SELECT id FROM action WHERE stakeholder_id = ? "
                    f"AND status IN {OPEN_STATUSES_SQL}",
                    [stakeholder_id],
                ).fetchall()
            }
            for action_id in outcomes:
                if action_id not in open_ids:
                    raise NotFound("action", action_id)
        follow_up_id = insert_row(cur, "follow_up", {
            "stakeholder_id": stakeholder_id, "week": monday,
            "reflection": reflection, "their_value_rating": their_value,
            "saved_at": now,
        })
        cur.executemany(
            "INSERT INTO follow_up_rating VALUES (?, ?, ?)",
            [[follow_up_id, key, rating] for key, rating in ratings.items()],
        )
        done_on = domain.done_in_week(monday, today)
        for action_id, outcome in outcomes.items():
            self._log_previous(cur, "action", action_id, "stakeholder_id", now)
            cur.execute(
                "UPDATE action SET status = 'done', done_on = ?, outcome = ?, "
                "revision = revision + 1, updated_at = ? WHERE id = ?",
                [done_on, outcome, now, action_id],
            )
        if new_action:
            insert_row(cur, "action", {
                "stakeholder_id": stakeholder_id, **new_action,
                "created_at": now, "updated_at": now,
            })
        return follow_up_id
