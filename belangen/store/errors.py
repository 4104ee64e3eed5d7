"""What the store raises: the file cannot be used, a record is gone or was changed elsewhere, a
write was refused, or tables from outside do not fit the schema."""

from __future__ import annotations

from pathlib import Path


class DatabaseUnavailable(Exception):
    """The database file cannot be used; `reason` names the catalogue text that explains why."""

    def __init__(self, reason: str, path: Path, detail: str = "", **params: object) -> None:
        super().__init__(f"{reason}: {path} {detail}".strip())
        self.reason = reason
        self.path = path
        self.detail = detail
        self.params = params


class NotFound(LookupError):
    def __init__(self, kind: str, record_id: object) -> None:
        super().__init__(f"{kind} {record_id} not found")
        self.kind = kind
        self.record_id = record_id


class ConcurrentEdit(Exception):
    """Someone (another tab) saved this record after it was opened here."""

    def __init__(self, kind: str, record_id: object) -> None:
        super().__init__(f"{kind} {record_id} changed since it was opened")
        self.kind = kind
        self.record_id = record_id


class SaveFailed(Exception):
    """The file refused a write; nothing of this unit of work was stored, earlier work is safe.

    The user's typed text must stay on screen: the next save may well succeed.
    """

    message_key = "error.save_failed"

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(f"{self.message_key}: {path} {detail}".strip())
        self.path = path
        self.detail = detail


class StorageFull(SaveFailed):
    """The disk (or the file-size limit) is full; saving works again once there is room."""

    message_key = "error.storage_full"


class SnapshotRefused(Exception):
    """Tables from outside the app's database (a backup's files) that it will not take in.

    `reason`: 'malformed' (not shaped like this schema's tables or rows), 'damaged' (other row
    counts than promised) or 'foreign' (another application's data). Nothing was changed.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}".strip(": "))
        self.reason = reason
        self.detail = detail
