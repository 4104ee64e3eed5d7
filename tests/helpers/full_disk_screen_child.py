"""Child process for tests/test_full_disk_screens.py: drives the Werkblad under AppTest while the
process may not grow files past a limit, then lifts the limit and saves again.

The limit (RLIMIT_FSIZE with SIGXFSZ ignored, so writes fail with EFBIG) only ever applies to
this child, never to the test runner. Reports one JSON object on stdout.
"""

from __future__ import annotations

import json
import os
import resource
import secrets
import signal
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from belangen import screens, ui
from belangen.store import Store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.apptest import field, submit  # noqa: E402  (the child is run as a plain script)


def main(path: Path) -> dict[str, object]:
    os.environ["BELANGEN_DB"] = str(path)
    store = Store(path)
    project_id = store.create_project("Vol")
    stakeholder_id = store.create_stakeholder(
        project_id, "Jansen", notes="van vóór de volle schijf"
    )
    store.checkpoint()
    store.close()

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    app.switch_page(screens.WORKSHEET.path).run()
    form = f"ws_{stakeholder_id}"

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    wal = path.with_name(path.name + ".wal")
    used = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    resource.setrlimit(resource.RLIMIT_FSIZE, (used + 400_000, resource.RLIM_INFINITY))

    saves, refusal, typed = 0, "", ""
    for _ in range(60):
        typed = "Wat ik net typte: " + secrets.token_hex(40_000)
        app.radio(key=field(form, "value_rating")).set_value(3)
        app.text_area(key=field(form, "value_reflection")).set_value(typed)
        submit(app, form)
        if app.error:
            refusal = app.error[0].value
            break
        saves += 1
    still_on_screen = app.text_area(key=field(form, "value_reflection")).value == typed

    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    submit(app, form)
    error_after_room = [e.value for e in app.error]

    db = ui._open_store(str(path))  # the app's own store: the file is open in this process
    latest = db.latest_worksheet(stakeholder_id).get("value")
    return {
        "saves_before_full": saves,
        "refusal": refusal,
        "typed_still_on_screen": still_on_screen,
        "exception": [str(e.value) for e in app.exception],
        "error_after_room": error_after_room,
        "saved_after_room": latest is not None and latest.reflection == typed,
        "versions": len(db.worksheet_history(stakeholder_id, "value")),
        "earlier_notes": db.get_stakeholder(stakeholder_id).notes,
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))), flush=True)
