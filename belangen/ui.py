"""The glue between Streamlit and the package: the cached store, language, the active project and
stakeholder, feedback after a save, and widgets more than one screen draws.

This is the only module in `belangen` that imports Streamlit.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from belangen import analytics, backup, domain, privacy, texts, worksheet
from belangen.domain import Project, Stakeholder, ValidationError
from belangen.store import (
    ConcurrentEdit,
    DatabaseUnavailable,
    NotFound,
    SaveFailed,
    Store,
    configured_db_path,
)

LANGUAGE_KEY = "lang"
PROJECT_KEY = "active_project_id"
STAKEHOLDER_KEY = "active_stakeholder_id"
FLASH_KEY = "flash_message"
RESET_PENDING_KEY = "form_reset_pending"
STAKEHOLDER_PARAM = "stakeholder"


# --- language ----------------------------------------------------------------------------------


def language() -> str:
    lang = st.session_state.get(LANGUAGE_KEY, texts.DEFAULT_LANGUAGE)
    return lang if lang in texts.LANGUAGES else texts.DEFAULT_LANGUAGE


def tr(key: str, **params: object) -> str:
    """The catalogue text for `key` in the user's language."""
    return texts.t(key, language(), **params)


def language_picker() -> None:
    """Language choice in the sidebar, kept as `?lang=en` in the URL so a link or a reload keeps
    it (Streamlit's own URL binding would write the label, `?lang=English`)."""
    requested = st.query_params.get(LANGUAGE_KEY)
    if LANGUAGE_KEY not in st.session_state and requested in texts.LANGUAGES:
        st.session_state[LANGUAGE_KEY] = requested
    chosen = st.sidebar.selectbox(
        "Taal / Language",
        options=list(texts.LANGUAGES),
        format_func=texts.LANGUAGES.__getitem__,
        key=LANGUAGE_KEY,
        persist_state="session",
    )
    if chosen == texts.DEFAULT_LANGUAGE:
        st.query_params.pop(LANGUAGE_KEY, None)
    else:
        st.query_params[LANGUAGE_KEY] = chosen


# --- user text in Markdown contexts ----------------------------------------------------------

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^])")
# GFM links bare web and e-mail addresses even when every special character is escaped; an
# invisible word joiner after "http(s)", "www" or "@" keeps them text (no click leaves the app).
_AUTOLINK_STARTS = re.compile(r"(?i)(\bhttps?(?=:)|\bwww(?=\.)|@)")
WORD_JOINER = "\u2060"


def plain(text: str) -> str:
    """User text made safe for places that render Markdown (labels, captions): shown literally."""
    unlinked = _AUTOLINK_STARTS.sub(r"\1" + WORD_JOINER, " ".join(text.split()))
    return _MARKDOWN_SPECIALS.sub(r"\\\1", unlinked)


# --- the store ---------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    return Store(Path(path), before_migration=backup.before_migration_copy)


@st.cache_resource(show_spinner=False, max_entries=2)
def _daily_safety_copy(path: str, day: str) -> threading.Thread:
    """Once per database and calendar day in this process (the cache keys on the day), on a
    thread of its own: copying years of notes takes a noticeable part of a second, and the first
    page of the day should not wait for it. The copy reads one snapshot, so saves go on."""
    worker = threading.Thread(target=_copy_quietly, args=(_open_store(path),), daemon=True,
                              name="belangen-daily-copy")
    worker.start()
    return worker


def _copy_quietly(db: Store) -> None:
    try:
        backup.daily_safety_copy(db)
    except Exception as error:  # a failed copy must not break the app
        print(f"Belangen: the daily safety copy failed ({error}); retried next start",
              file=sys.stderr)


# --- privacy and errors ------------------------------------------------------------------------

class _Terminal(logging.StreamHandler):
    """Writes to the terminal the app runs in: whatever `sys.stderr` is at that moment."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter("Belangen: %(message)s"))

    @property
    def stream(self) -> Any:  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


_LOG = logging.getLogger("belangen")
if not any(isinstance(handler, _Terminal) for handler in _LOG.handlers):
    _LOG.addHandler(_Terminal())
UNEXPECTED_ERROR_KEY = "belangen_unexpected_error"


def refuse_unless_private() -> None:
    """Called first in app.py: stop before any data is read when this server could let the
    notes leave the machine. Streamlit takes its settings from the folder it is started in, so
    `streamlit run` from elsewhere gets its defaults (every interface, usage statistics on)."""
    problems = privacy.problems(st.get_option)
    if not problems:
        return
    message = tr("privacy.refused", problems="\n".join(f"- {tr(key)}" for key in problems))
    print(f"Belangen: {message}", file=sys.stderr)
    st.error(message, icon=":material/gpp_bad:")
    st.stop()


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Around everything app.py runs: an unexpected error shows the app's own short message in
    the user's language, and its details go to the terminal only. Streamlit's own box shows the
    traceback with file paths and offers to send the error text, which can hold the user's
    notes, to a search engine or a chatbot. `st.stop`/`st.rerun` are no errors and pass."""
    try:
        yield
    except Exception:
        _LOG.error("unexpected error; the page showed a short message", exc_info=True)
        with st.container(key=UNEXPECTED_ERROR_KEY):
            st.error(tr("error.unexpected"), icon=":material/error:")


ROUTED_KEY = "routed_through_app"


def claim_navigation() -> None:
    """Called first in app.py: its `st.navigation` decides the pages, not the `pages/` folder.

    Streamlit serves the first request of a process through its old `pages/` discovery, which
    runs the requested page script without app.py (no language, no project picker).
    """
    PagesManager.uses_pages_directory = False
    st.session_state[ROUTED_KEY] = True


def _leave_legacy_page_discovery() -> None:
    """A session whose first run reached a page through the old discovery (a deep link right
    after the server started) reruns through app.py once."""
    if PagesManager.uses_pages_directory and not st.session_state.get(ROUTED_KEY):
        claim_navigation()
        st.rerun()


def overview_alias(overview: Any) -> Any:
    """A hidden page at /overview that opens the overview (the default page) at /.

    Streamlit serves the default page at / only, so its own path (what the first request after
    a start shows, and what people bookmark) showed "Page not found" before the overview. The
    overview's url_path must differ from "overview", or both pages get the same identity.
    """

    def to_overview() -> None:
        st.switch_page(overview, query_params=st.query_params.to_dict())

    return st.Page(to_overview, title=overview.title, url_path="overview", visibility="hidden")


def get_store() -> Store:
    """The process-wide store; on a file that cannot be used, explain and stop the page."""
    _leave_legacy_page_discovery()
    _apply_pending_resets()
    path = configured_db_path()
    try:
        db = _open_store(str(path))
        _daily_safety_copy(str(path), db.today().isoformat())
        return db
    except DatabaseUnavailable as problem:
        message = tr(f"db.{problem.reason}", path=problem.path, **problem.params)
        print(f"Belangen: {message}", file=sys.stderr)
        st.error(message, icon=":material/database:")
        st.stop()
        raise  # st.stop() does not return; this keeps type checkers honest.


CHECKED_BACKUP_KEY = "data_restore_checked"


def checked_backup(db: Store, upload: Any) -> backup.BackupInfo | backup.BackupRefused:
    """What an uploaded backup holds, or why it is refused: checked once per uploaded file.

    The file stays in the uploader while the user reads and confirms, and every click reruns
    the page; unpacking and hashing it again each time would take seconds.
    """
    checked = st.session_state.get(CHECKED_BACKUP_KEY)
    if checked is None or checked[0] != upload.file_id:
        try:
            result: backup.BackupInfo | backup.BackupRefused = backup.inspect_backup(
                db, upload.getvalue()
            )
        except backup.BackupRefused as refusal:
            result = refusal
        checked = (upload.file_id, result)
        st.session_state[CHECKED_BACKUP_KEY] = checked
    return checked[1]


def prepare_export(key: str, db: Store, make: Callable[[], bytes]) -> None:
    """Make a file to download and keep it in the session with the data version it was made
    at (read first: a write while it is being made makes it stale too)."""
    version = db.data_version
    st.session_state[key] = (version, make())


def prepared_export(key: str, db: Store) -> bytes | None:
    """A file `prepare_export` made, or None once anything was written after it: an export
    made before a delete must not be offered afterwards. A stale one is dropped at once."""
    kept = st.session_state.get(key)
    if kept is None:
        return None
    version, data = kept
    if version != db.data_version:
        del st.session_state[key]
        return None
    return data


def clear_caches() -> None:
    """Call after every write so cached reads never show stale data."""
    st.cache_data.clear()


# --- cached results over a whole history -------------------------------------------------------
# Every click reruns a page; what is computed over years of weekly logs is computed once after
# each write (`clear_caches` empties these) and reused by the reruns in between. The database
# path is part of the key, so two files in one process never share a result.


PROJECT_TREND_WEEKS = 26
"""Weeks the project-wide trend charts show: half a year, readable in forty small charts."""


@st.cache_data(show_spinner=False, max_entries=8)
def _what_worked(_db: Store, path: str, project_id: int) -> pd.DataFrame:
    return analytics.what_worked(
        _db.rating_history(project_id),
        _db.worksheet_baseline(project_id),
        _db.actions_done(project_id),
    )


def _spec(chart: Any) -> dict[str, Any]:
    """A chart as its Vega-Lite spec. Streamlit sends the spec's datasets as Arrow, so the row
    limit that guards against huge inline JSON does not apply here."""
    import altair as alt  # only screens with charts pay for importing Altair

    with alt.data_transformers.disable_max_rows():
        return chart.to_dict()


@st.cache_data(show_spinner=False, max_entries=32)
def stakeholder_trend_spec(
    _db: Store, path: str, project_id: int, stakeholder_id: int, lang: str
) -> dict[str, Any] | None:
    """The per-stakeholder trend, built once until the next write (every write clears the
    cache): building and serialising a chart costs more than all of the page's queries."""
    from belangen import charts  # imports Altair: only screens with charts pay for it

    history = _db.rating_history(project_id, stakeholder_id)
    baseline = _db.worksheet_baseline(project_id, stakeholder_id)
    if history.empty and baseline.empty:
        return None
    actions = _db.actions_done(project_id, stakeholder_id)
    return _spec(charts.stakeholder_trend(history, baseline, actions, lang))


@st.cache_data(show_spinner=False, max_entries=16)
def project_trend_specs(
    _db: Store, path: str, project_id: int, lang: str, since: dt.date,
    layouts: tuple[tuple[str, int, int], ...],
) -> dict[str, Any] | None:
    """The project-wide charts, built once until the next write: the latest-rating heatmap, the
    position map, and the small multiples of the weeks since `since`, one per layout
    (key, columns, panel width), or None when those weeks hold nothing to draw."""
    from belangen import charts  # imports Altair: only screens with charts pay for it

    history = _db.rating_history(project_id, since=since)
    baseline = _db.worksheet_baseline(project_id)
    if history.empty and baseline.empty:
        return None
    recent_baseline = baseline[pd.to_datetime(baseline["week"]) >= pd.Timestamp(since)]
    latest = _db.latest_ratings(project_id).dropna(subset=["dimension"])
    small_multiples = None if history.empty and recent_baseline.empty else {
        key: _spec(charts.project_small_multiples(history, recent_baseline, lang, columns=columns,
                                                  panel_width=panel_width, titled=False))
        for key, columns, panel_width in layouts
    }
    return {
        "heatmap": _spec(charts.latest_heatmap(latest, lang, titled=False)),
        "position_map": _spec(charts.position_map(latest, lang, titled=False)),
        "small_multiples": small_multiples,
    }


def what_worked(db: Store, project_id: int) -> pd.DataFrame:
    """'Wat werkte?' over the project's whole history (costly: every week of every person)."""
    return _what_worked(db, str(db.path), project_id)


# --- feedback ----------------------------------------------------------------------------------


def flash(message: str) -> None:
    """A confirmation that survives the rerun after a save."""
    st.session_state[FLASH_KEY] = message


def show_flash() -> None:
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.toast(message, icon=":material/check_circle:")


def error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return tr(error.message_key, **error.params)
    if isinstance(error, ConcurrentEdit):
        return tr("error.changed_elsewhere")
    if isinstance(error, NotFound):
        return tr("error.not_found")
    if isinstance(error, SaveFailed):
        return tr(error.message_key, path=error.path)
    raise error


class FieldMessages:
    """Places under form fields where a refusal is shown, so the message sits at the field."""

    def __init__(self) -> None:
        self._slots: dict[str, Any] = {}

    def slot(self, field_name: str) -> None:
        self._slots[field_name] = st.empty()

    def show(self, error: Exception) -> None:
        field_name = getattr(error, "field", "")
        target = self._slots.get(field_name) or self._slots.get("") or st
        target.error(error_text(error), icon=":material/error:")


def act(change: Callable[[], object], *, success: str) -> None:
    """One click that changes data (archive, restore, delete): done and confirmed, or refused
    with a message beside the button."""
    try:
        change()
    except (NotFound, ConcurrentEdit, SaveFailed) as error:
        st.error(error_text(error), icon=":material/error:")
        return
    clear_caches()
    flash(success)
    st.rerun()


def attempt(
    save: Callable[[], object],
    messages: FieldMessages,
    *,
    success: str,
    reset_keys: Iterable[str] = (),
) -> bool:
    """Run one save; on refusal show why at the field and keep what was typed.

    On success the form fields in `reset_keys` are emptied and the page reruns.
    """
    try:
        save()
    except (ValidationError, NotFound, ConcurrentEdit, SaveFailed) as error:
        messages.show(error)
        return False
    clear_caches()
    # Popping a widget's key does not empty the field in the browser; assigning a value before
    # the widget is drawn does, so the next run empties them (see _apply_pending_resets).
    st.session_state[RESET_PENDING_KEY] = list(reset_keys)
    flash(success)
    st.rerun()
    return True


def _apply_pending_resets() -> None:
    """Empty the fields of a form that was just saved: text to "", dates to None; other state
    (ratings, markers) is dropped so the page seeds it afresh."""
    for key in st.session_state.pop(RESET_PENDING_KEY, []):
        value = st.session_state.get(key)
        if isinstance(value, str):
            st.session_state[key] = ""
        elif isinstance(value, dt.date):
            st.session_state[key] = None
        else:
            st.session_state.pop(key, None)


# --- active project and stakeholder ------------------------------------------------------------


def active_project(db: Store) -> Project | None:
    """The project the user works in: the one chosen before, else the first active one."""
    projects = db.list_projects()
    chosen = st.session_state.get(PROJECT_KEY)
    for project in projects:
        if project.id == chosen:
            return project
    if chosen is not None:
        try:
            project = db.get_project(chosen)
            return project
        except NotFound:
            pass
    if projects:
        st.session_state[PROJECT_KEY] = projects[0].id
        return projects[0]
    return None


def set_active_project(project_id: int) -> None:
    st.session_state[PROJECT_KEY] = project_id
    st.session_state.pop(STAKEHOLDER_KEY, None)


def project_picker(db: Store) -> Project | None:
    """The active project in the sidebar; every screen works within it."""
    project = active_project(db)
    projects = db.list_projects()
    if project is None:
        return None
    if project.archived:
        projects = [project, *projects]
    ids = [p.id for p in projects]
    names = {p.id: p.name for p in projects}
    chosen = st.sidebar.selectbox(
        tr("nav.active_project"),
        options=ids,
        index=ids.index(project.id),
        format_func=names.__getitem__,
    )
    if chosen != project.id:
        set_active_project(chosen)
        st.rerun()
    return project


def require_project(db: Store) -> Project:
    """Stop the page with a pointer to Projecten when there is no project yet."""
    project = active_project(db)
    if project is None:
        st.info(tr("common.no_project"), icon=":material/info:")
        st.page_link("pages/projects.py", label=tr("common.go_to_projects"),
                     icon=":material/arrow_forward:")
        st.stop()
    return project  # type: ignore[return-value]


def stakeholder_picker(
    db: Store,
    project: Project,
    *,
    show_hint: bool = True,
    prefixes: dict[int, str] | None = None,
) -> Stakeholder | None:
    """Choose a stakeholder of the project; the choice survives page switches and is in the URL
    (`?stakeholder=<id>`), so a link opens that stakeholder directly."""
    requested = st.query_params.get(STAKEHOLDER_PARAM)
    if requested is not None:
        try:
            wanted = db.get_stakeholder(int(requested))
        except (ValueError, NotFound):
            st.warning(tr("common.stakeholder_link_unknown"), icon=":material/link_off:")
            del st.query_params[STAKEHOLDER_PARAM]
        else:
            if wanted.project_id != project.id:
                set_active_project(wanted.project_id)
                st.session_state[STAKEHOLDER_KEY] = wanted.id
                st.rerun()
            st.session_state[STAKEHOLDER_KEY] = wanted.id
    stakeholders = db.list_stakeholders(project.id)
    if not stakeholders:
        if show_hint:
            st.info(tr("common.no_stakeholders"), icon=":material/info:")
            st.page_link("pages/stakeholders.py", label=tr("common.go_to_stakeholders"),
                         icon=":material/arrow_forward:")
        return None
    ids = [s.id for s in stakeholders]
    labels = {
        s.id: (prefixes or {}).get(s.id, "") + (f"{s.name} — {s.role}" if s.role else s.name)
        for s in stakeholders
    }
    current = st.session_state.get(STAKEHOLDER_KEY)
    index = ids.index(current) if current in ids else 0
    chosen = st.selectbox(
        tr("common.stakeholder"), options=ids, index=index, format_func=labels.__getitem__
    )
    st.session_state[STAKEHOLDER_KEY] = chosen
    st.query_params[STAKEHOLDER_PARAM] = str(chosen)
    return next(s for s in stakeholders if s.id == chosen)


# --- shared widgets ----------------------------------------------------------------------------


def rating_input(row: worksheet.WorksheetRow, key: str, label: str) -> Any:
    """A rating on the labelled 1-5 scale. The caller puts the starting value (or None, for no
    preselection) in session state under `key`, so the field keeps what the user chose."""
    lang = language()
    return st.radio(
        label,
        options=list(worksheet.RATING_SCALE),
        format_func=lambda rating: f"{rating} · {row.rating_label(rating, lang)}",
        key=key,
    )


def rating_text(row: worksheet.WorksheetRow, rating: int | None) -> str:
    if rating is None:
        return "—"
    return f"{rating} · {row.rating_label(rating, language())}"


def week_text(monday: Any) -> str:
    return domain.iso_week_label(monday) if monday else "—"


def action_status_text(status: str) -> str:
    return worksheet.ACTION_STATUSES[status](language())


def what_worked_sentence(row: worksheet.WorksheetRow, effect: Any) -> str:
    """One plain sentence per dimension for 'Wat werkte?'."""

    def change(value: float, cases: int) -> str:
        return f"{value:+.1f}" if cases else tr("trends.no_cases")

    return tr(
        "trends.what_worked_sentence",
        row=row.short_name(language()),
        with_change=change(effect.with_action_change, effect.with_action_cases),
        with_cases=int(effect.with_action_cases),
        without_change=change(effect.without_action_change, effect.without_action_cases),
        without_cases=int(effect.without_action_cases),
    )
