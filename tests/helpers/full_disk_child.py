"""Child process for tests/test_full_disk.py: runs a Store until the disk is full, waits for
room, and saves again, reporting every outcome as one JSON line on stdout.

`rlimit DB`: the child limits its own file size (RLIMIT_FSIZE, SIGXFSZ ignored so writes fail
with EFBIG) and lifts the limit itself when told. `tmpfs DB`: the parent has put the file on a
small tmpfs and frees room by deleting a filler file.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import secrets
import signal
import sys
from pathlib import Path

from belangen.store import SaveFailed, Store


def report(**event: object) -> None:
    print(json.dumps(event), flush=True)


def main(mode: str, path: Path) -> None:
    store = Store(path)
    project_id = store.create_project("Full", start_date=dt.date(2026, 1, 1))
    sid = store.create_stakeholder(project_id, "Before", notes="typed before the disk filled")
    saved = {store.add_interest(sid, f"early {n}"): f"early {n}" for n in range(5)}
    doomed = store.create_stakeholder(project_id, "Doomed", notes="to delete on a full disk")
    store.checkpoint()
    if mode == "rlimit":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        limit = path.stat().st_size + 1_500_000
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    report(event="ready")
    if mode == "tmpfs":
        sys.stdin.readline()  # the parent has filled the disk

    failures: list[str] = []
    for attempt in range(400):
        text = f"big {attempt} " + secrets.token_hex(25_000)
        try:
            saved[store.add_interest(sid, text)] = text
        except SaveFailed as error:
            failures.append(f"{type(error).__name__}: {error.message_key}")
            if len(failures) >= 3:
                break
        except Exception as error:
            failures.append(f"UNEXPECTED {type(error).__name__}: {error}")
            break
    # A checkpoint and a delete (which rewrites the file) on the full disk.
    for name, work in (
        ("checkpoint", store.checkpoint),
        ("delete", lambda: store.delete_stakeholder(doomed)),
        ("save after checkpoint", lambda: store.add_interest(sid, "while full")),
    ):
        try:
            work()
            failures.append(f"{name}: ok")
        except SaveFailed as error:
            failures.append(f"{name}: {type(error).__name__}: {error.message_key}")
        except Exception as error:
            failures.append(f"{name}: UNEXPECTED {type(error).__name__}: {error}")
    report(event="full", failures=failures, saved=len(saved))

    sys.stdin.readline()  # there is room again
    if mode == "rlimit":
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY,) * 2)
    # The same Store object, as a running app would: no restart.
    try:
        text = "after room " + secrets.token_hex(8)
        saved[store.add_interest(sid, text)] = text
        recovered = "ok"
    except Exception as error:
        recovered = f"{type(error).__name__}: {error}"
    stored = {i.id: i.text for i in store.list_interests(sid)}
    lost = sorted(i for i, text in saved.items() if stored.get(i) != text)
    report(event="room", recovered=recovered, lost=lost, saved={str(k): v[:40] for k, v in
                                                                 saved.items()})
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
