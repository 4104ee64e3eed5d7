"""Read models over a project's history, as the screens, charts and exports use them: the
weekly ratings, the worksheet start, the latest rating against it, actions done, open, overdue
or planned, and which weeks were logged. Reads only; archived stakeholders are left out."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pandas as pd

from belangen import analytics, domain, worksheet
from belangen.store.actions import OPEN_STATUSES_SQL
from belangen.store.database import Database


class PlannedAction(NamedTuple):
    """An open action with a planned week, with the names a calendar entry shows."""

    id: int
    row_key: str
    text: str
    planned_week: dt.date
    revision: int
    created_at: dt.datetime
    updated_at: dt.datetime
    stakeholder: str
    project: str


class History(Database):
    def follow_up_status(self, project_id: int, week: dt.date) -> pd.DataFrame:
        """Each active stakeholder of a project: whether `week` has a follow-up (`logged`), and
        whether their cadence asks for one that week (`due`, see `domain.is_due`)."""
        monday = domain.week_start(week)
        status = self._frame(
            "SELECT s.id AS stakeholder_id, s.name, s.cadence_weeks, "
            "EXISTS (SELECT 1 FROM follow_up f WHERE f.stakeholder_id = s.id AND f.week = ?) "
            "AS logged, "
            "(SELECT max(f.week) FROM follow_up f WHERE f.stakeholder_id = s.id AND f.week < ?) "
            "AS last_before "
            "FROM stakeholder s WHERE s.project_id = ? AND NOT s.archived "
            "ORDER BY lower(s.name), s.id",
            [monday, monday, project_id],
        )
        status["due"] = [
            domain.is_due(int(cadence), None if pd.isna(last) else pd.Timestamp(last).date(),
                          monday)
            for cadence, last in zip(status["cadence_weeks"], status["last_before"], strict=True)
        ]
        return status

    def check_in_rhythm(
        self, project_id: int, weeks: list[dt.date]
    ) -> tuple[set[dt.date], set[dt.date]]:
        """For Weekritme over `weeks`: the weeks in which someone was due (by their cadence),
        and the weeks with any follow-up."""
        if not weeks:
            return set(), set()
        first = min(weeks) - dt.timedelta(weeks=max(domain.CADENCES))
        people = self._rows(
            "SELECT id, cadence_weeks, created_at FROM stakeholder "
            "WHERE project_id = ? AND NOT archived", [project_id])
        rows = self._rows(
            "SELECT f.stakeholder_id, f.week FROM follow_up f "
            "JOIN stakeholder s ON s.id = f.stakeholder_id "
            "WHERE s.project_id = ? AND f.week >= ? GROUP BY ALL", [project_id, first])
        logged: dict[int, list[dt.date]] = {}
        for stakeholder_id, logged_week in rows:
            logged.setdefault(stakeholder_id, []).append(logged_week)
        due = domain.due_weeks({sid: cadence for sid, cadence, _ in people}, logged, weeks,
                               {sid: created.date() for sid, _, created in people})
        return due, {logged_week for _, logged_week in rows}

    def logged_weeks(self, project_id: int, since: dt.date) -> list[dt.date]:
        """Weeks since `since` in which any stakeholder of the project got a follow-up."""
        rows = self._rows(
            "SELECT DISTINCT f.week FROM follow_up f JOIN stakeholder s ON s.id = f.stakeholder_id "
            "WHERE s.project_id = ? AND f.week >= ? ORDER BY f.week",
            [project_id, domain.week_start(since)],
        )
        return [week for (week,) in rows]

    def rating_history(
        self, project_id: int, stakeholder_id: int | None = None, *, since: dt.date | None = None
    ) -> pd.DataFrame:
        """Current weekly ratings, long form, for one stakeholder or a whole project.

        Columns: stakeholder_id, stakeholder, week, dimension, rating, reflection,
        their_value_rating. Only follow-ups; the worksheet start is `worksheet_baseline`.
        With `since`, only weeks from then on: a chart of recent weeks fetches only those.
        """
        since_week = domain.week_start(since) if since is not None else None
        return self._frame(
            "WITH current AS ("
            "  SELECT f.* FROM follow_up f JOIN stakeholder s ON s.id = f.stakeholder_id "
            "  WHERE s.project_id = ? AND NOT s.archived AND (? IS NULL OR s.id = ?) "
            "  AND (?::DATE IS NULL OR f.week >= ?::DATE) "
            "  QUALIFY row_number() OVER (PARTITION BY f.stakeholder_id, f.week "
            "                             ORDER BY f.id DESC) = 1) "
            "SELECT c.stakeholder_id, s.name AS stakeholder, c.week, r.dimension, r.rating, "
            "c.reflection, c.their_value_rating "
            "FROM current c JOIN follow_up_rating r ON r.follow_up_id = c.id "
            "JOIN stakeholder s ON s.id = c.stakeholder_id "
            "ORDER BY lower(s.name), c.stakeholder_id, c.week, r.dimension",
            [project_id, stakeholder_id, stakeholder_id, since_week, since_week],
        )

    def worksheet_baseline(
        self, project_id: int, stakeholder_id: int | None = None
    ) -> pd.DataFrame:
        """The worksheet ratings each trend starts from ('week 0'), with their target.

        Per stakeholder and dimension: the latest worksheet version saved before the first
        follow-up (or the latest, if there is none), placed at the week it was saved, but never
        later than the week before the first follow-up. Columns: stakeholder_id, stakeholder,
        week, dimension, rating, target, reflection.
        """
        return self._frame(
            "WITH first_follow_up AS ("
            "  SELECT f.stakeholder_id, min(f.week) AS week, min(f.saved_at) AS saved_at "
            "  FROM follow_up f JOIN stakeholder s ON s.id = f.stakeholder_id "
            "  WHERE s.project_id = ? AND (? IS NULL OR s.id = ?) GROUP BY f.stakeholder_id), "
            "entries AS ("
            "  SELECT w.*, s.name AS stakeholder, ff.week AS first_week, "
            "    ff.saved_at AS first_saved_at, "
            "    coalesce(bool_or(w.saved_at < ff.saved_at) OVER "
            "      (PARTITION BY w.stakeholder_id, w.dimension), FALSE) AS has_earlier "
            "  FROM worksheet_entry w JOIN stakeholder s ON s.id = w.stakeholder_id "
            "  LEFT JOIN first_follow_up ff ON ff.stakeholder_id = w.stakeholder_id "
            "  WHERE s.project_id = ? AND NOT s.archived AND (? IS NULL OR s.id = ?)) "
            "SELECT stakeholder_id, stakeholder, "
            "  CASE WHEN first_week IS NULL THEN date_trunc('week', saved_at)::DATE "
            "       ELSE least(date_trunc('week', saved_at)::DATE, "
            "                  first_week - INTERVAL 7 DAY)::DATE "
            "  END AS week, dimension, rating, target, reflection "
            "FROM entries "
            "WHERE NOT has_earlier OR saved_at < first_saved_at "
            "QUALIFY row_number() OVER "
            "  (PARTITION BY stakeholder_id, dimension ORDER BY id DESC) = 1 "
            "ORDER BY lower(stakeholder), stakeholder_id, dimension",
            [project_id, stakeholder_id, stakeholder_id] * 2,
        )

    def latest_ratings(self, project_id: int, stakeholder_id: int | None = None) -> pd.DataFrame:
        """Per active stakeholder and dimension: the worksheet start, the latest weekly rating
        (the start when no week is logged yet) and the change between them, as
        `analytics.latest_vs_baseline` defines them; for the overview table, its heatmap and
        position map, and the exports' "latest week".

        Only each stakeholder's newest follow-up is read: it holds every dimension, so it is all
        that rule needs beside the worksheet start. Columns: stakeholder_id, stakeholder, role,
        dimension, baseline_rating, latest_rating, latest_week, change (ratings as nullable
        integers). `latest_week` is the week of that follow-up, empty until one is logged.
        Stakeholders without any rating appear once with nulls. Sorted by name, id, then
        dimension key. With `stakeholder_id`, only that stakeholder.
        """
        baseline = self.worksheet_baseline(project_id, stakeholder_id)
        newest = self._frame(
            "WITH newest AS ("
            "  SELECT f.id, f.stakeholder_id, f.week FROM follow_up f "
            "  JOIN stakeholder s ON s.id = f.stakeholder_id "
            "  WHERE s.project_id = ? AND NOT s.archived AND (? IS NULL OR s.id = ?) "
            "  QUALIFY row_number() OVER (PARTITION BY f.stakeholder_id "
            "                             ORDER BY f.week DESC, f.id DESC) = 1) "
            "SELECT n.stakeholder_id, s.name AS stakeholder, n.week, r.dimension, r.rating "
            "FROM newest n JOIN follow_up_rating r ON r.follow_up_id = n.id "
            "JOIN stakeholder s ON s.id = n.stakeholder_id",
            [project_id, stakeholder_id, stakeholder_id],
        )
        people = self._frame(
            "SELECT id AS stakeholder_id, name AS stakeholder, role FROM stakeholder "
            "WHERE project_id = ? AND NOT archived AND (? IS NULL OR id = ?) "
            "ORDER BY lower(name), id",
            [project_id, stakeholder_id, stakeholder_id],
        )
        ratings = analytics.latest_vs_baseline(newest, baseline).drop(columns="stakeholder")
        logged = ratings["stakeholder_id"].isin(newest["stakeholder_id"])
        ratings["latest_week"] = ratings["latest_week"].where(logged)
        ratings = ratings.sort_values(["stakeholder_id", "dimension"], ignore_index=True)
        return people.merge(ratings, on="stakeholder_id", how="left")

    def previous_ratings(self, project_id: int) -> pd.DataFrame:
        """Per active stakeholder and dimension, the rating of the follow-up before the newest
        one, for "since last time" beside the latest. Columns: stakeholder_id, dimension,
        previous_rating, previous_week; stakeholders with fewer than two follow-ups are absent."""
        return self._frame(
            "WITH ranked AS ("
            "  SELECT f.id, f.stakeholder_id, f.week FROM follow_up f "
            "  JOIN stakeholder s ON s.id = f.stakeholder_id "
            "  WHERE s.project_id = ? AND NOT s.archived "
            "  QUALIFY row_number() OVER (PARTITION BY f.stakeholder_id, f.week "
            "                             ORDER BY f.id DESC) = 1), "
            "previous AS ("
            "  SELECT * FROM ranked QUALIFY row_number() OVER (PARTITION BY stakeholder_id "
            "                                                  ORDER BY week DESC) = 2) "
            "SELECT p.stakeholder_id, r.dimension, r.rating AS previous_rating, "
            "p.week AS previous_week "
            "FROM previous p JOIN follow_up_rating r ON r.follow_up_id = p.id "
            "ORDER BY p.stakeholder_id, r.dimension",
            [project_id],
        )

    def starting_points(self, project_id: int, week: dt.date) -> pd.DataFrame:
        """What the Weekcheck's grid takes over, for every active stakeholder in one read: the
        current version of their latest weekcheck before `week` (`follow_up_id`,
        `previous_week`) and its rating per dimension, beside the latest worksheet rating per
        dimension. Columns: stakeholder_id, follow_up_id, previous_week, dimension,
        follow_up_rating, worksheet_rating (nullable integers; one row per stakeholder and
        rated dimension)."""
        dimensions = ", ".join(f"('{key}')" for key in worksheet.DIMENSION_KEYS)
        return self._frame(
            "WITH people AS ("
            "  SELECT id FROM stakeholder WHERE project_id = ? AND NOT archived), "
            "previous AS ("
            "  SELECT f.id, f.stakeholder_id, f.week FROM follow_up f "
            "  JOIN people p ON p.id = f.stakeholder_id WHERE f.week < ? "
            "  QUALIFY row_number() OVER (PARTITION BY f.stakeholder_id "
            "                             ORDER BY f.week DESC, f.id DESC) = 1), "
            "sheet AS ("
            "  SELECT w.stakeholder_id, w.dimension, w.rating FROM worksheet_entry w "
            "  JOIN people p ON p.id = w.stakeholder_id "
            "  QUALIFY row_number() OVER (PARTITION BY w.stakeholder_id, w.dimension "
            "                             ORDER BY w.id DESC) = 1) "
            "SELECT p.id AS stakeholder_id, f.id AS follow_up_id, f.week AS previous_week, "
            "d.dimension, r.rating AS follow_up_rating, w.rating AS worksheet_rating "
            f"FROM people p CROSS JOIN (VALUES {dimensions}) d(dimension) "
            "LEFT JOIN previous f ON f.stakeholder_id = p.id "
            "LEFT JOIN follow_up_rating r ON r.follow_up_id = f.id AND r.dimension = d.dimension "
            "LEFT JOIN sheet w ON w.stakeholder_id = p.id AND w.dimension = d.dimension "
            "ORDER BY p.id, d.dimension",
            [project_id, domain.week_start(week)],
        )

    def stakeholder_register(self, project_id: int,
                             latest: pd.DataFrame | None = None) -> pd.DataFrame:
        """One row per active stakeholder, for the register: role, constituency, cadence, how
        many interests are confirmed and suspected, the last follow-up week, the next open
        action (soonest planned first, then unplanned) and, per rated dimension, the latest
        rating as `latest_ratings` defines it (the worksheet start until a week is logged) in
        a column `latest_<dimension>` (nullable integer). Sorted by name.

        `latest`: this project's `latest_ratings`, when the caller already holds them (the
        screens share one computed copy per write); read here otherwise."""
        # Every part reads only this project's people: over all projects' actions and
        # follow-ups (25 projects at L) this query took 15 ms, now 10.
        register = self._frame(
            "WITH people AS ("
            "  SELECT id, name, role, constituency, cadence_weeks FROM stakeholder "
            "  WHERE project_id = ? AND NOT archived), "
            "next_action AS ("
            "  SELECT a.stakeholder_id, a.text, a.planned_week FROM action a "
            "  SEMI JOIN people p ON p.id = a.stakeholder_id "
            f"  WHERE a.status IN {OPEN_STATUSES_SQL} "
            "  QUALIFY row_number() OVER (PARTITION BY a.stakeholder_id "
            "                             ORDER BY a.planned_week NULLS LAST, a.id) = 1), "
            "interest_counts AS ("
            "  SELECT i.stakeholder_id, "
            "  count(*) FILTER (WHERE i.status = 'confirmed') AS confirmed, "
            "  count(*) FILTER (WHERE i.status = 'suspected') AS suspected FROM interest i "
            "  SEMI JOIN people p ON p.id = i.stakeholder_id WHERE NOT i.archived GROUP BY ALL), "
            "last_follow_up AS ("
            "  SELECT f.stakeholder_id, max(f.week) AS week FROM follow_up f "
            "  SEMI JOIN people p ON p.id = f.stakeholder_id GROUP BY ALL) "
            "SELECT p.id AS stakeholder_id, p.name, p.role, p.constituency, p.cadence_weeks, "
            "coalesce(c.confirmed, 0) AS confirmed_interests, "
            "coalesce(c.suspected, 0) AS suspected_interests, "
            "l.week AS last_follow_up, n.text AS next_action, n.planned_week AS next_action_week "
            "FROM people p LEFT JOIN interest_counts c ON c.stakeholder_id = p.id "
            "LEFT JOIN last_follow_up l ON l.stakeholder_id = p.id "
            "LEFT JOIN next_action n ON n.stakeholder_id = p.id ORDER BY lower(p.name), p.id",
            [project_id],
        )
        if latest is None:
            latest = self.latest_ratings(project_id)
        ratings = latest.dropna(subset=["dimension"])
        by_dimension = ratings.pivot(index="stakeholder_id", columns="dimension",
                                     values="latest_rating")
        for dimension in worksheet.DIMENSION_KEYS:
            column = (by_dimension[dimension] if dimension in by_dimension.columns
                      else pd.Series(dtype="Int64"))
            register[f"latest_{dimension}"] = (
                register["stakeholder_id"].map(column).astype("Int64"))
        return register

    def actions_done(self, project_id: int, stakeholder_id: int | None = None) -> pd.DataFrame:
        """Actions carried out, with the ISO week they were done in.

        Columns: action_id, stakeholder_id, stakeholder, row_key, text, outcome, done_on, week.
        """
        return self._frame(
            "SELECT a.id AS action_id, a.stakeholder_id, s.name AS stakeholder, a.row_key, "
            "a.text, a.outcome, a.done_on, date_trunc('week', a.done_on)::DATE AS week "
            "FROM action a JOIN stakeholder s ON s.id = a.stakeholder_id "
            "WHERE s.project_id = ? AND NOT s.archived AND (? IS NULL OR s.id = ?) "
            "AND a.status = 'done' AND a.done_on IS NOT NULL "
            "ORDER BY a.done_on, a.id",
            [project_id, stakeholder_id, stakeholder_id],
        )

    def open_actions(self, project_id: int) -> pd.DataFrame:
        """Open actions of a project's active stakeholders, soonest first."""
        return self._open_actions(project_id, None, "a.planned_week NULLS LAST")

    def overdue_actions(self, project_id: int, week: dt.date) -> pd.DataFrame:
        """Open actions whose planned week has passed."""
        return self._open_actions(project_id, domain.week_start(week), "a.planned_week")

    def _open_actions(
        self, project_id: int, before: dt.date | None, order: str
    ) -> pd.DataFrame:
        """Columns: id, stakeholder_id, stakeholder, row_key, text, planned_week, status."""
        return self._frame(
            "SELECT a.id, a.stakeholder_id, s.name AS stakeholder, a.row_key, a.text, "
            "a.planned_week, a.status "
            "FROM action a JOIN stakeholder s ON s.id = a.stakeholder_id "
            f"WHERE s.project_id = ? AND NOT s.archived AND a.status IN {OPEN_STATUSES_SQL} "
            "AND (?::DATE IS NULL OR a.planned_week < ?::DATE) "
            f"ORDER BY {order}, lower(s.name), a.id",
            [project_id, before, before],
        )

    def planned_actions(self, project_id: int | None = None) -> list[PlannedAction]:
        """Open actions with a planned week, soonest first, for a calendar: of one project, or
        without one of every active project that is not the sample."""
        with self.transaction(writes=False) as cur:
            rows = cur.execute(
                "SELECT a.id, a.row_key, a.text, a.planned_week, a.revision, a.created_at, "
                "a.updated_at, s.name, p.name "
                "FROM action a JOIN stakeholder s ON s.id = a.stakeholder_id "
                "JOIN project p ON p.id = s.project_id "
                f"WHERE a.status IN {OPEN_STATUSES_SQL} AND a.planned_week IS NOT NULL "
                "AND NOT s.archived "
                "AND (p.id = ? OR (? IS NULL AND NOT p.archived AND NOT p.is_sample)) "
                "ORDER BY a.planned_week, a.id",
                [project_id, project_id],
            ).fetchall()
        return [PlannedAction(*row) for row in rows]
