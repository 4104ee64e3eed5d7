"""Projects: creating, editing, archiving, listing and deleting them with everything in them."""

from __future__ import annotations

import duckdb

from belangen import domain
from belangen.domain import Project
from belangen.store.collaboration import delete_project_collaboration
from belangen.store.database import Database, as_id, insert_row, require_row
from belangen.store.stakeholders import Stakeholders

_PROJECT_COLUMNS = "id, name, description, own_goal, start_date, archived, is_sample, revision"


class Projects(Database):
    def create_project(
        self,
        name: object,
        description: object = "",
        own_goal: object = "",
        start_date: object = None,
        *,
        is_sample: bool = False,
        token: str | None = None,
    ) -> int:
        values = domain.project_values(
            name, description, own_goal, start_date if start_date is not None else self.today()
        )
        now = self.now()

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            return insert_row(
                cur,
                "project",
                {**values, "is_sample": is_sample, "created_at": now, "updated_at": now},
            )

        return int(self._once(token, "create_project", write))  # type: ignore[arg-type]

    def update_project(
        self, project_id: int, revision: int | None, *, name: object, description: object,
        own_goal: object, start_date: object, token: str | None = None,
    ) -> None:
        values = domain.project_values(name, description, own_goal, start_date)
        self._update("project", project_id, revision, values, token=token)

    def set_project_archived(
        self, project_id: int, archived: bool, *, token: str | None = None
    ) -> None:
        self._update("project", project_id, None, {"archived": bool(archived)}, token=token)

    def list_projects(self, *, include_archived: bool = False) -> list[Project]:
        where = "" if include_archived else "WHERE NOT archived"
        rows = self._rows(
            f"SELECT {_PROJECT_COLUMNS} FROM project {where} ORDER BY archived, lower(name), id"
        )
        return [Project(*row) for row in rows]

    def get_project(self, project_id: int) -> Project:
        return Project(*self._one("project", _PROJECT_COLUMNS, project_id))

    def delete_project(self, project_id: int, *, token: str | None = None) -> None:
        """Remove a project, its stakeholders and all their history in one transaction, then
        rewrite the file so none of it lingers on disk (see `compact`)."""
        project_id = as_id("project", project_id)

        def write(cur: duckdb.DuckDBPyConnection) -> int:
            require_row(cur, "project", project_id)
            stakeholder_ids = [
                stakeholder_id
                for (stakeholder_id,) in cur.execute(
                    "SELECT id FROM stakeholder WHERE project_id = ?", [project_id]
                ).fetchall()
            ]
            for stakeholder_id in stakeholder_ids:
                Stakeholders.delete_stakeholder_rows(cur, stakeholder_id)
            delete_project_collaboration(cur, project_id)
            cur.execute(
                "DELETE FROM change_log WHERE table_name = 'project' AND row_id = ?", [project_id]
            )
            cur.execute("DELETE FROM project WHERE id = ?", [project_id])
            return project_id

        self._once(token, "delete_project", write)
        self.compact()
