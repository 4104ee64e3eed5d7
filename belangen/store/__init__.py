"""DuckDB storage: every query and unit of work of the app, and all of its SQL. No Streamlit.

Callers use one facade, `Store`, made of one class per aggregate over the shared `Database`:

- `database`: opening the file safely, units of work, locks, reconnecting, compaction;
- `migrations`: the schema as numbered steps, and bringing a file up to it;
- `projects`, `stakeholders` (with their interests), `worksheet_entries`, `actions`,
  `follow_ups`: the records and their writes;
- `collaboration`: the user's own interests, the interest map's links and win-win options;
- `history`: read models over the weeks (ratings, worksheet start, latest, actions);
- `snapshots`: every table at once, for exports, backups and restores;
- `errors`: what the store raises.

Record rules (what a value may be) live in `belangen.domain`; the store applies them before a
write and runs its own checks inside the write's transaction.
"""

from __future__ import annotations

from belangen.store.actions import Actions
from belangen.store.collaboration import Collaboration
from belangen.store.database import (
    DEFAULT_DB_PATH,
    OFFLINE_CONFIG,
    configured_clock,
    configured_db_path,
    connect_offline,
    work_folder,
)
from belangen.store.errors import (
    ConcurrentEdit,
    DatabaseUnavailable,
    NotFound,
    SaveFailed,
    SnapshotRefused,
    StorageFull,
)
from belangen.store.follow_ups import ANY_VERSION, FollowUps
from belangen.store.history import History, PlannedAction
from belangen.store.migrations import APPLICATION_NAME, LATEST_VERSION, migrate
from belangen.store.projects import Projects
from belangen.store.snapshots import Snapshots, TableFiles
from belangen.store.stakeholders import Stakeholders

__all__ = [
    "ANY_VERSION",
    "APPLICATION_NAME",
    "DEFAULT_DB_PATH",
    "LATEST_VERSION",
    "OFFLINE_CONFIG",
    "ConcurrentEdit",
    "DatabaseUnavailable",
    "NotFound",
    "PlannedAction",
    "SaveFailed",
    "SnapshotRefused",
    "StorageFull",
    "Store",
    "TableFiles",
    "configured_clock",
    "configured_db_path",
    "connect_offline",
    "migrate",
    "work_folder",
]


class Store(Projects, Stakeholders, FollowUps, Actions, History, Snapshots, Collaboration):
    """All reads and writes of one database file."""
