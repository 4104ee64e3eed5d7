"""Child process for tests/test_crash.py: does storage work until the parent SIGKILLs it.

`save DB STAKEHOLDER_ID`: saves follow-ups in a loop and prints `ACK <id> <token>` only after
save_follow_up has returned, so every printed id is a save the app told the user had succeeded.
Every few saves it also creates and deletes a stakeholder, so kills land in the file rewrite too.
`restore DB BACKUP_ZIP`: prints READY, waits for a line on stdin, restores the backup
through belangen.backup.restore_backup and prints RESTORED.
`migrate DB`: prints READY, waits for a line on stdin, opens the file with Store (which migrates
it to the latest schema) and prints MIGRATED.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sys
from pathlib import Path

from belangen import worksheet
from belangen.store import Store


def save_loop(path: Path, stakeholder_id: int) -> None:
    store = Store(path)
    print("READY", flush=True)
    project_id = store.get_stakeholder(stakeholder_id).project_id
    for i in range(1_000_000):
        token = secrets.token_hex(8)
        # Varying sizes make the WAL grow past the auto-checkpoint threshold now and then.
        reflection = f"ack-{token} " + "x" * (secrets.randbelow(4) * 20_000)
        follow_up_id = store.save_follow_up(
            stakeholder_id,
            dt.date.today(),
            ratings={key: 1 + (i + n) % 5 for n, key in enumerate(worksheet.DIMENSION_KEYS)},
            reflection=reflection,
            new_action={"row_key": "value", "text": f"action-{token}"} if i % 2 else None,
        )
        print(f"ACK {follow_up_id} {token}", flush=True)
        if i % 8 == 7:
            doomed = store.create_stakeholder(project_id, f"doomed-{token}", notes=token)
            store.delete_stakeholder(doomed)
            print(f"DELETED {doomed}", flush=True)


def migrate_once(path: Path) -> None:
    print("READY", flush=True)
    sys.stdin.readline()
    Store(path).close()
    print("MIGRATED", flush=True)


def restore_once(path: Path, backup: Path) -> None:
    from belangen.backup import restore_backup

    store = Store(path)
    data = backup.read_bytes()
    print("READY", flush=True)
    sys.stdin.readline()
    restore_backup(store, data)
    print("RESTORED", flush=True)
    store.close()


if __name__ == "__main__":
    mode, db = sys.argv[1], Path(sys.argv[2])
    if mode == "save":
        save_loop(db, int(sys.argv[3]))
    elif mode == "restore":
        restore_once(db, Path(sys.argv[3]))
    elif mode == "migrate":
        migrate_once(db)
    else:
        raise SystemExit(f"unknown mode {mode}")
