"""The database schema as numbered steps, and bringing a file up to it. A step is never edited
once released: add a new one.

Each step runs in its own transaction together with the row that records it in `schema_version`,
so a database is always at exactly one known version. There are no foreign keys: DuckDB cannot
delete a parent and its children in one transaction when they are linked (see shared NOTES), so
the store keeps references whole itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb

from belangen.store.errors import DatabaseUnavailable

APPLICATION_NAME = "belangen"

STEPS: tuple[tuple[int, str], ...] = (
    (
        1,
        """
        CREATE TABLE app_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
        INSERT INTO app_meta VALUES ('application', 'belangen');

        CREATE SEQUENCE project_ids START 1;
        CREATE TABLE project (
            id BIGINT PRIMARY KEY DEFAULT nextval('project_ids'),
            name VARCHAR NOT NULL,
            description VARCHAR NOT NULL DEFAULT '',
            own_goal VARCHAR NOT NULL DEFAULT '',
            start_date DATE NOT NULL,
            archived BOOLEAN NOT NULL DEFAULT FALSE,
            is_sample BOOLEAN NOT NULL DEFAULT FALSE,
            revision INTEGER NOT NULL DEFAULT 1,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL
        );

        CREATE SEQUENCE stakeholder_ids START 1;
        CREATE TABLE stakeholder (
            id BIGINT PRIMARY KEY DEFAULT nextval('stakeholder_ids'),
            project_id BIGINT NOT NULL,
            name VARCHAR NOT NULL,
            name_key VARCHAR NOT NULL,
            role VARCHAR NOT NULL DEFAULT '',
            constituency VARCHAR NOT NULL DEFAULT '',
            notes VARCHAR NOT NULL DEFAULT '',
            archived BOOLEAN NOT NULL DEFAULT FALSE,
            revision INTEGER NOT NULL DEFAULT 1,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL
        );
        CREATE INDEX stakeholder_by_project ON stakeholder (project_id);

        CREATE SEQUENCE interest_ids START 1;
        CREATE TABLE interest (
            id BIGINT PRIMARY KEY DEFAULT nextval('interest_ids'),
            stakeholder_id BIGINT NOT NULL,
            text VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            status VARCHAR NOT NULL,
            signals VARCHAR NOT NULL DEFAULT '',
            confirmed_on DATE,
            archived BOOLEAN NOT NULL DEFAULT FALSE,
            revision INTEGER NOT NULL DEFAULT 1,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL
        );
        CREATE INDEX interest_by_stakeholder ON interest (stakeholder_id);

        CREATE SEQUENCE worksheet_entry_ids START 1;
        CREATE TABLE worksheet_entry (
            id BIGINT PRIMARY KEY DEFAULT nextval('worksheet_entry_ids'),
            stakeholder_id BIGINT NOT NULL,
            dimension VARCHAR NOT NULL,
            reflection VARCHAR NOT NULL DEFAULT '',
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
            target INTEGER CHECK (target BETWEEN 1 AND 5),
            saved_at TIMESTAMP NOT NULL
        );
        CREATE INDEX worksheet_entry_by_stakeholder ON worksheet_entry (stakeholder_id);

        CREATE SEQUENCE action_ids START 1;
        CREATE TABLE action (
            id BIGINT PRIMARY KEY DEFAULT nextval('action_ids'),
            stakeholder_id BIGINT NOT NULL,
            row_key VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            planned_week DATE,
            status VARCHAR NOT NULL,
            done_on DATE,
            outcome VARCHAR NOT NULL DEFAULT '',
            revision INTEGER NOT NULL DEFAULT 1,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL
        );
        CREATE INDEX action_by_stakeholder ON action (stakeholder_id);

        -- Every edit first appends the row as it was, so no typed text is ever overwritten.
        CREATE SEQUENCE change_log_ids START 1;
        CREATE TABLE change_log (
            id BIGINT PRIMARY KEY DEFAULT nextval('change_log_ids'),
            table_name VARCHAR NOT NULL,
            row_id BIGINT NOT NULL,
            stakeholder_id BIGINT,
            logged_at TIMESTAMP NOT NULL,
            previous JSON NOT NULL
        );
        CREATE INDEX change_log_by_stakeholder ON change_log (stakeholder_id);
        """,
    ),
    (
        2,
        """
        -- Weekly follow-ups: saving a week again appends a new version; the highest id is current.
        CREATE SEQUENCE follow_up_ids START 1;
        CREATE TABLE follow_up (
            id BIGINT PRIMARY KEY DEFAULT nextval('follow_up_ids'),
            stakeholder_id BIGINT NOT NULL,
            week DATE NOT NULL,
            reflection VARCHAR NOT NULL DEFAULT '',
            their_value_rating INTEGER CHECK (their_value_rating BETWEEN 1 AND 5),
            saved_at TIMESTAMP NOT NULL
        );
        CREATE INDEX follow_up_by_stakeholder ON follow_up (stakeholder_id, week);

        CREATE TABLE follow_up_rating (
            follow_up_id BIGINT NOT NULL,
            dimension VARCHAR NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
            PRIMARY KEY (follow_up_id, dimension)
        );
        """,
    ),
    (
        3,
        """
        -- One row per submitted form: a second submit with the same token (a double click, a
        -- message the browser sent twice) finds it and stores nothing new.
        CREATE TABLE submission (
            token VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL,
            record_id BIGINT,
            saved_at TIMESTAMP NOT NULL
        );
        """,
    ),
    (
        4,
        """
        -- How often a stakeholder is due for a check-in, in weeks (1, 2 or 4); everyone so far
        -- was weekly.
        ALTER TABLE stakeholder ADD COLUMN cadence_weeks INTEGER DEFAULT 1;
        UPDATE stakeholder SET cadence_weeks = 1 WHERE cadence_weeks IS NULL;
        """,
    ),
    (
        5,
        """
        -- The collaboration as a whole. An interest on the map is named by a reference:
        -- 'i<id>' for a stakeholder's (table interest), 'o<id>' for the user's own.

        -- The user's own interests (and their organisation's) in a project: the kinds of a
        -- stakeholder's; on the table, or kept to themselves.
        CREATE SEQUENCE own_interest_ids START 1;
        CREATE TABLE own_interest (
            id BIGINT PRIMARY KEY DEFAULT nextval('own_interest_ids'),
            project_id BIGINT NOT NULL,
            text VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            on_table BOOLEAN NOT NULL DEFAULT TRUE,
            notes VARCHAR NOT NULL DEFAULT '',
            archived BOOLEAN NOT NULL DEFAULT FALSE,
            revision INTEGER NOT NULL DEFAULT 1,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL
        );
        CREATE INDEX own_interest_by_project ON own_interest (project_id);

        -- Two interests of different parties that point the same way ('shared') or pull
        -- apart ('tension').
        CREATE SEQUENCE interest_link_ids START 1;
        CREATE TABLE interest_link (
            id BIGINT PRIMARY KEY DEFAULT nextval('interest_link_ids'),
            project_id BIGINT NOT NULL,
            first_ref VARCHAR NOT NULL,
            second_ref VARCHAR NOT NULL,
            relation VARCHAR NOT NULL,
            note VARCHAR NOT NULL DEFAULT '',
            archived BOOLEAN NOT NULL DEFAULT FALSE,
            revision INTEGER NOT NULL DEFAULT 1,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL
        );
        CREATE INDEX interest_link_by_project ON interest_link (project_id);

        -- A concrete idea for a win-win: the interests it serves (a JSON list of references),
        -- what it costs whom, and idea -> discussed -> agreed (on a day, with stakeholders:
        -- a JSON list of ids) or rejected. Kept in one row so the change log holds each
        -- version whole.
        CREATE SEQUENCE win_win_option_ids START 1;
        CREATE TABLE win_win_option (
            id BIGINT PRIMARY KEY DEFAULT nextval('win_win_option_ids'),
            project_id BIGINT NOT NULL,
            title VARCHAR NOT NULL,
            description VARCHAR NOT NULL DEFAULT '',
            serves VARCHAR NOT NULL DEFAULT '[]',
            costs VARCHAR NOT NULL DEFAULT '',
            status VARCHAR NOT NULL,
            agreed_on DATE,
            partners VARCHAR NOT NULL DEFAULT '[]',
            archived BOOLEAN NOT NULL DEFAULT FALSE,
            revision INTEGER NOT NULL DEFAULT 1,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL
        );
        CREATE INDEX win_win_option_by_project ON win_win_option (project_id);

        -- What a stakeholder must be able to explain to their achterban (the brief shows it).
        ALTER TABLE stakeholder ADD COLUMN back_home VARCHAR DEFAULT '';
        UPDATE stakeholder SET back_home = '' WHERE back_home IS NULL;

        -- An action made from an agreed option points back at it.
        ALTER TABLE action ADD COLUMN option_id BIGINT;
        """,
    ),
)

LATEST_VERSION = STEPS[-1][0]


def schema_version(cur: duckdb.DuckDBPyConnection) -> int:
    """The version recorded in a database of ours (0 before the first step's row)."""
    (version,) = cur.execute("SELECT max(version) FROM schema_version").fetchall()[0]
    return int(version or 0)


def schema_state(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """The schema version of an opened file; refuses files that belong to another program."""
    try:
        tables = {
            name
            for (name,) in con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_catalog = current_database() AND table_schema = 'main'"
            ).fetchall()
        }
        if not tables:
            return 0
        if "app_meta" not in tables or "schema_version" not in tables:
            raise DatabaseUnavailable("foreign", path)
        owner = con.execute(
            "SELECT value FROM app_meta WHERE key = 'application'"
        ).fetchall()
        if owner != [(APPLICATION_NAME,)]:
            raise DatabaseUnavailable("foreign", path)
        return schema_version(con)
    except duckdb.Error as error:
        raise DatabaseUnavailable("damaged", path, str(error)) from None


def migrate(
    con: duckdb.DuckDBPyConnection,
    *,
    target: int = LATEST_VERSION,
    now: Callable[[], dt.datetime] = dt.datetime.now,
    path: Path | None = None,
    before_upgrade: Callable[[int], None] | None = None,
) -> int:
    """Bring the schema up to `target`, one transaction per step; returns the version reached.

    `before_upgrade(target)` runs once before the first step on a database that has data."""
    path = path or Path("?")
    version = schema_state(con, path)
    if version > LATEST_VERSION:
        raise DatabaseUnavailable(
            "newer_version", path, version=version, supported=LATEST_VERSION
        )
    pending = [(v, sql) for v, sql in STEPS if version < v <= target]
    if pending and before_upgrade is not None and version > 0:
        before_upgrade(pending[-1][0])  # one copy of the data as it was, before any step
    for step_version, sql in pending:
        cur = con.cursor()
        try:
            cur.execute("BEGIN TRANSACTION")
            if step_version == 1:
                cur.execute(
                    "CREATE TABLE schema_version ("
                    "version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
                )
            cur.execute(sql)
            cur.execute("INSERT INTO schema_version VALUES (?, ?)", [step_version, now()])
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        finally:
            cur.close()
        # WAL replay after DDL has known bugs in DuckDB: persist each step at once.
        con.execute("CHECKPOINT")
        version = step_version
    return version
