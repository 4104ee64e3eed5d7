"""The Gegevens page's files: a backup checked once per upload, prepared exports that go stale
with any write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from belangen import backup, exports, texts
from belangen.store import (
    Store,
)
from belangen.ui.language import language, tr

CHECKED_BACKUP_KEY = "data_restore_checked"


def checked_backup(store: Store, upload: Any) -> backup.BackupInfo | backup.BackupRefused:
    """What an uploaded backup holds, or why it is refused: checked once per uploaded file.

    The file stays in the uploader while the user reads and confirms, and every click reruns
    the page; unpacking and hashing it again each time would take seconds.
    """
    checked = st.session_state.get(CHECKED_BACKUP_KEY)
    if checked is None or checked[0] != upload.file_id:
        try:
            result: backup.BackupInfo | backup.BackupRefused = backup.inspect_backup(
                store, upload.getvalue()
            )
        except backup.BackupRefused as refusal:
            result = refusal
        checked = (upload.file_id, result)
        st.session_state[CHECKED_BACKUP_KEY] = checked
    return checked[1]


def prepare_export(key: str, store: Store, make: Callable[[], bytes]) -> None:
    """Make a file to download and keep it in the session with the data version it was made
    at (read first: a write while it is being made makes it stale too)."""
    version = store.data_version
    st.session_state[key] = (version, make())


def prepared_export(key: str, store: Store) -> bytes | None:
    """A file `prepare_export` made, or None once anything was written after it: an export
    made before a delete must not be offered afterwards. A stale one is dropped at once."""
    kept = st.session_state.get(key)
    if kept is None:
        return None
    version, data = kept
    if version != store.data_version:
        del st.session_state[key]
        return None
    return data


REMINDER_TIMES = tuple(dt.time(hour, minute) for hour in range(7, 19) for minute in (0, 30))


def app_address() -> str:
    """Where this app answers on this computer, for links the user keeps outside it."""
    host = st.get_option("browser.serverAddress") or "localhost"
    return f"http://{host}:{st.get_option('server.port')}/"


def check_in_reminder() -> exports.CheckInReminder | None:
    """The weekly reminder's day and time for the calendar file, or None when it is not wanted.
    A choice for the next download, not saved data."""
    lang = language()
    if not st.checkbox(tr("data.reminder"), value=True, key="data_reminder",
                       help=tr("data.reminder_help")):
        return None
    day_column, time_column = st.columns(2)
    weekday = day_column.selectbox(tr("data.reminder_day"), range(7), index=4,
                                   key="data_reminder_day",
                                   format_func=lambda day: texts.WEEKDAYS[lang][day])
    start = time_column.selectbox(tr("data.reminder_time"), REMINDER_TIMES,
                                  index=REMINDER_TIMES.index(dt.time(15, 30)),
                                  key="data_reminder_time",
                                  format_func=lambda moment: moment.strftime("%H:%M"))
    return exports.CheckInReminder(weekday=weekday, start=start, address=app_address())
