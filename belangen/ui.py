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

from belangen import analytics, backup, domain, form_state, formats, privacy, texts, worksheet
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
STAKEHOLDER_PARAM = "stakeholder"
STAKEHOLDER_URL_SEEN_KEY = "stakeholder_url_seen"
PROJECT_PICKER_KEY = "sidebar_project"


# --- language ----------------------------------------------------------------------------------


CHOSEN_LANGUAGE_KEY = "language_chosen"
LANGUAGE_URL_SEEN_KEY = "language_url_seen"


def language() -> str:
    """The user's language, kept under a plain key: it outlives the sidebar widget, which
    Streamlit may forget when the page changes."""
    lang = st.session_state.get(CHOSEN_LANGUAGE_KEY, texts.DEFAULT_LANGUAGE)
    return lang if lang in texts.LANGUAGES else texts.DEFAULT_LANGUAGE


def tr(key: str, **params: object) -> str:
    """The catalogue text for `key` in the user's language."""
    return texts.t(key, language(), **params)


def tr_count(key: str, count: int, **params: object) -> str:
    """The singular or plural text for `count` (`<key>.one` / `<key>.other`)."""
    return texts.t_count(key, count, language(), **params)


def language_picker() -> None:
    """Language choice in the sidebar, kept as `?lang=en` in the URL so a link or a reload keeps
    it (Streamlit's own URL binding would write the label, `?lang=English`). The URL is read
    only when its value changes, so it never undoes a choice made in the sidebar."""
    requested = st.query_params.get(LANGUAGE_KEY)
    if requested != st.session_state.get(LANGUAGE_URL_SEEN_KEY):
        st.session_state[LANGUAGE_URL_SEEN_KEY] = requested
        if requested in texts.LANGUAGES:
            st.session_state[CHOSEN_LANGUAGE_KEY] = requested
    seed_picker(LANGUAGE_KEY, language(), texts.LANGUAGES)
    chosen = st.sidebar.selectbox(
        "Taal / Language",
        options=list(texts.LANGUAGES),
        format_func=texts.LANGUAGES.__getitem__,
        key=LANGUAGE_KEY,
        persist_state="session",
    )
    picker_shown(LANGUAGE_KEY, chosen)
    st.session_state[CHOSEN_LANGUAGE_KEY] = chosen
    wanted = None if chosen == texts.DEFAULT_LANGUAGE else chosen
    if st.query_params.get(LANGUAGE_KEY) != wanted:
        if wanted is None:
            st.query_params.pop(LANGUAGE_KEY, None)
        else:
            st.query_params[LANGUAGE_KEY] = wanted
    st.session_state[LANGUAGE_URL_SEEN_KEY] = wanted


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

    Streamlit serves the first run of a process through its old `pages/` discovery. That run
    starts again at once, before drawing anything: widgets drawn in it get other identities
    than in every later run (the discovery runs app.py as a page of its own), so the first
    page change of the first session forgot the language and anything else chosen there.
    """
    first_legacy_run = PagesManager.uses_pages_directory and not st.session_state.get(ROUTED_KEY)
    PagesManager.uses_pages_directory = False
    st.session_state[ROUTED_KEY] = True
    # Only for a session with a browser behind it: AppTest (no request headers) resets the
    # discovery before each of its runs, so there every run is such a run and identities agree;
    # starting again would only lose its clicks.
    if first_legacy_run and st.context.headers:
        st.rerun()


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
    path = configured_db_path()
    try:
        db = _open_store(str(path))
        _daily_safety_copy(str(path), db.today().isoformat())
        return db
    except DatabaseUnavailable as problem:
        key = f"db.{problem.reason}"
        # The terminal gets the path as it is; the page, where it would be Markdown, literally.
        print(f"Belangen: {tr(key, path=str(problem.path), **problem.params)}", file=sys.stderr)
        st.error(tr(key, path=plain(str(problem.path)), **problem.params),
                 icon=":material/database:")
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
        return tr(error.message_key, path=plain(str(error.path)))
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


def act(change: Callable[[], object], *, success: str, form: Form | None = None) -> None:
    """One click that changes data (archive, restore, delete): done and confirmed, or refused
    with a message beside the button."""
    try:
        change()
    except (NotFound, ConcurrentEdit, SaveFailed) as error:
        st.error(error_text(error), icon=":material/error:")
        return
    clear_caches()
    if form is not None:
        form.saved()
    flash(success)
    st.rerun()


def action_button(
    form_id: str,
    label: str,
    change: Callable[[str], object],
    *,
    success: str,
    version: Any = None,
    **options: Any,
) -> None:
    """A button that changes data once per drawing: `change(token)` passes the drawing's
    submission token to the store, so a double click archives or deletes once."""
    form = Form(form_id, {}, version)
    if form.submit_button(label, **options):
        act(lambda: change(form.token), success=success, form=form)


def attempt(
    save: Callable[[], object],
    messages: FieldMessages,
    *,
    success: str,
    form: Form | None = None,
) -> bool:
    """Run one save; on refusal show why at the field and keep what was typed.

    On success the form (if any) starts again from the database, with a new submission token,
    and the page reruns.
    """
    try:
        save()
    except (ValidationError, NotFound, ConcurrentEdit, SaveFailed) as error:
        messages.show(error)
        return False
    clear_caches()
    if form is not None:
        form.saved()
    flash(success)
    st.rerun()
    return True


# --- form state ------------------------------------------------------------------------------

def begin_run() -> None:
    """First thing app.py does in every run: keep what the user typed on the previous screen
    as a draft before Streamlit forgets the widgets this run does not draw (see `form_state`).
    Only app.py calls it, so it runs once per run."""
    form_state.capture_drafts(st.session_state)


class Form:
    """One form on screen: its fields seeded from the database or the user's draft, and the
    submission token of this drawing (see `form_state`).

    Widgets take their value from `key(field)` and get no `value=`/`index=` of their own.
    """

    def __init__(self, form_id: str, saved: dict[str, Any], version: Any) -> None:
        self.id = form_id
        self.fields = tuple(saved)
        self.prepared = form_state.prepare(st.session_state, form_id, saved, version)

    def key(self, name: str) -> str:
        return form_state.widget_key(self.id, name)

    def value(self, name: str) -> Any:
        return st.session_state.get(self.key(name))

    def values(self) -> dict[str, Any]:
        return form_state.values(st.session_state, self.id, self.fields)

    @property
    def token(self) -> str:
        return self.prepared.token

    @property
    def based_on(self) -> Any:
        return form_state.base_version(st.session_state, self.id)

    def submit_button(self, label: str, *, name: str = "submit", **options: Any) -> bool:
        """A button that saves this drawing. Its key carries the drawing's token: after a save
        the token changes, so a click still on its way for the old button is ignored. Tests
        find it by its container's stable key, `<form id>__<name>`."""
        with st.container(key=f"{self.id}__{name}"):
            return st.button(label, key=f"{self.id}__{name}_{self.token[:12]}", **options)

    def saved(self) -> None:
        form_state.saved(st.session_state, self.id)

    def show_notices(self, describe: Callable[[str, Any], str | None]) -> None:
        """Say what the form shows when it is not simply what is saved: unsaved changes kept
        from earlier, or changes set aside because the record was saved elsewhere meanwhile.
        `describe(field, value)` gives a line of text for a set-aside value (None: leave out)."""
        if self.prepared.set_aside:
            with st.container(border=True, key=f"{self.id}__set_aside"):
                st.warning(tr("form.set_aside"), icon=":material/sync_problem:")
                lines = [describe(name, value) for name, value in self.prepared.set_aside.items()]
                st.text("\n".join(line for line in lines if line))
                restore, dismiss = st.columns(2)
                restore.button(tr("form.restore_set_aside"), key=f"{self.id}__restore",
                               on_click=form_state.restore_set_aside,
                               args=(st.session_state, self.id))
                dismiss.button(tr("form.dismiss_set_aside"), key=f"{self.id}__dismiss",
                               on_click=form_state.dismiss_set_aside,
                               args=(st.session_state, self.id))
        elif form_state.is_stale(st.session_state, self.id):
            with st.container(border=True, key=f"{self.id}__stale"):
                st.warning(tr("form.stale"), icon=":material/sync_problem:")
                load, keep = st.columns(2)
                load.button(tr("form.load_newest"), key=f"{self.id}__load_newest",
                            on_click=form_state.discard_draft, args=(st.session_state, self.id))
                keep.button(tr("form.keep_mine"), key=f"{self.id}__keep_mine",
                            on_click=form_state.keep_mine, args=(st.session_state, self.id))
        elif self.prepared.notice == form_state.RESTORED:
            st.info(tr("form.restored"), icon=":material/edit_note:")

    def show_unsaved(self) -> None:
        """Beside the save button: whether anything on screen is not saved yet."""
        if self.prepared.unsaved:
            left, right = st.columns([3, 1], vertical_alignment="center")
            left.caption(tr("form.unsaved"))
            right.button(tr("form.discard"), key=f"{self.id}__discard",
                         on_click=form_state.discard_draft, args=(st.session_state, self.id))


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
    if project is None:
        return None
    projects = db.list_projects()
    if project.archived:
        projects = [project, *projects]
    names = {p.id: p.name for p in projects}
    seed_picker(PROJECT_PICKER_KEY, project.id, names)
    chosen = st.sidebar.selectbox(
        tr("nav.active_project"), options=list(names), format_func=names.__getitem__,
        key=PROJECT_PICKER_KEY,
    )
    picker_shown(PROJECT_PICKER_KEY, chosen)
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
    key: str,
    show_hint: bool = True,
    prefixes: dict[int, str] | None = None,
) -> Stakeholder | None:
    """Choose a stakeholder of the project; the choice survives page switches and is in the URL
    (`?stakeholder=<id>`), so a link opens that stakeholder directly.

    `key` is this page's picker: a stable key, so every choice counts (a keyless selectbox
    whose preselection changes becomes a new widget and drops the user's choice). The URL is
    read only when its value changes, so it never overrides a choice made on the page.
    """
    requested = st.query_params.get(STAKEHOLDER_PARAM)
    if requested != st.session_state.get(STAKEHOLDER_URL_SEEN_KEY):
        st.session_state[STAKEHOLDER_URL_SEEN_KEY] = requested
        if requested is not None:
            _follow_stakeholder_link(db, project, requested)
    stakeholders = db.list_stakeholders(project.id)
    if not stakeholders:
        if show_hint:
            st.info(tr("common.no_stakeholders"), icon=":material/info:")
            st.page_link("pages/stakeholders.py", label=tr("common.go_to_stakeholders"),
                         icon=":material/arrow_forward:")
        return None
    by_id = {s.id: s for s in stakeholders}
    labels = {
        s.id: (prefixes or {}).get(s.id, "") + (f"{s.name} — {s.role}" if s.role else s.name)
        for s in stakeholders
    }
    current = st.session_state.get(STAKEHOLDER_KEY)
    if current not in by_id:
        current = stakeholders[0].id
    seed_picker(key, current, by_id)
    chosen = st.selectbox(tr("common.stakeholder"), options=list(by_id),
                          format_func=labels.__getitem__, key=key)
    picker_shown(key, chosen)
    select_stakeholder(chosen)
    return by_id[chosen]


def seed_picker(key: str, current: Any, options: Iterable[Any]) -> None:
    """Before drawing a keyed picker that shows a choice kept in plain state (`current`): seed
    its widget key when it is absent (not drawn last run), no longer an option, or when the
    choice was changed elsewhere (another page, a link) since the picker was last drawn. A
    choice the user just made in the picker is left alone."""
    value = st.session_state.get(key)
    changed_elsewhere = value != current and st.session_state.get(f"{key}__shown") != current
    if value not in set(options) or changed_elsewhere:
        st.session_state[key] = current


def picker_shown(key: str, chosen: Any) -> None:
    """After drawing it: what the picker showed, for `seed_picker` in the next run."""
    st.session_state[f"{key}__shown"] = chosen


def select_stakeholder(stakeholder_id: int) -> None:
    """Make this the stakeholder every page opens with, and put it in the URL."""
    st.session_state[STAKEHOLDER_KEY] = stakeholder_id
    if st.query_params.get(STAKEHOLDER_PARAM) != str(stakeholder_id):
        st.query_params[STAKEHOLDER_PARAM] = str(stakeholder_id)
    st.session_state[STAKEHOLDER_URL_SEEN_KEY] = str(stakeholder_id)


def _follow_stakeholder_link(db: Store, project: Project, requested: str) -> None:
    try:
        wanted = db.get_stakeholder(int(requested))
    except (ValueError, NotFound):
        st.warning(tr("common.stakeholder_link_unknown"), icon=":material/link_off:")
        del st.query_params[STAKEHOLDER_PARAM]
        st.session_state[STAKEHOLDER_URL_SEEN_KEY] = None
        return
    if wanted.project_id != project.id:
        set_active_project(wanted.project_id)
        st.session_state[STAKEHOLDER_KEY] = wanted.id
        st.rerun()
    st.session_state[STAKEHOLDER_KEY] = wanted.id


# --- shared widgets ----------------------------------------------------------------------------


def rating_input(row: worksheet.WorksheetRow, key: str, label: str) -> Any:
    """A rating on the labelled 1-5 scale, nothing chosen until the user chooses (a form seeds
    `key` with the saved rating or None: never option 1 by default)."""
    lang = language()
    return st.radio(
        label,
        options=list(worksheet.RATING_SCALE),
        format_func=lambda rating: f"{rating} · {row.rating_label(rating, lang)}",
        key=key,
        index=None,
    )


def rating_text(row: worksheet.WorksheetRow, rating: int | None) -> str:
    if rating is None:
        return "—"
    return f"{rating} · {row.rating_label(rating, language())}"


def rating_number_text(rating: Any) -> str:
    """A rating as its number in a table, "—" when there is none."""
    return "—" if rating is None or pd.isna(rating) else str(int(rating))


def week_text(monday: Any) -> str:
    return domain.iso_week_label(monday) if monday else "—"


def action_status_text(status: str) -> str:
    return worksheet.ACTION_STATUSES[status](language())


def signed_change(value: float, cases: int) -> str:
    """An average change with its sign ("+0.5"), or that there were no cases."""
    return f"{value:+.1f}" if cases else tr("trends.no_cases")


def what_worked_sentence(row: worksheet.WorksheetRow, effect: Any) -> str:
    """One plain sentence per dimension for 'Wat werkte?'."""
    return tr(
        "trends.what_worked_sentence",
        row=row.short_name(language()),
        with_change=signed_change(effect.with_action_change, effect.with_action_cases),
        with_cases=int(effect.with_action_cases),
        without_change=signed_change(effect.without_action_change, effect.without_action_cases),
        without_cases=int(effect.without_action_cases),
    )


# --- the weekly pass ---------------------------------------------------------------------------

MOVED_ON_KEY = "follow_up_moved_on"


def week_choice_text(monday: dt.date) -> str:
    """'Week 49 · 30 nov – 6 dec 2026': Monday to Sunday, the way people name a week."""
    return formats.week_choice(monday, language())


def week_chooser(key: str, *, first: dt.date, last: dt.date) -> dt.date:
    """Choose an ISO week between `first` and `last` (Mondays), newest first, with buttons for
    the week before and after; the choice lasts for the session (a plain key beside the
    widget's, since Streamlit forgets a widget's value on other pages)."""
    weeks = domain.weeks_between(first, last)[::-1]
    kept = f"{key}__kept"
    if st.session_state.get(key) not in weeks:
        st.session_state[key] = st.session_state.get(kept) if st.session_state.get(
            kept) in weeks else weeks[0]

    def shift(step: int) -> None:
        position = weeks.index(st.session_state[key]) - step
        st.session_state[key] = weeks[min(max(position, 0), len(weeks) - 1)]

    position = weeks.index(st.session_state[key])
    earlier, choice, later = st.columns([2, 5, 2], vertical_alignment="bottom")
    earlier.button(tr("week.earlier"), key=f"{key}__earlier", on_click=shift, args=(-1,),
                   disabled=position == len(weeks) - 1, icon=":material/chevron_left:",
                   width="stretch")
    chosen = choice.selectbox(tr("follow_up.week_day"), weeks, key=key,
                              format_func=week_choice_text, help=tr("follow_up.week_day_help"))
    later.button(tr("week.later"), key=f"{key}__later", on_click=shift, args=(1,),
                 disabled=position == 0, icon=":material/chevron_right:", width="stretch")
    st.session_state[kept] = chosen
    return chosen


def previous_rating_caption(
    row: worksheet.WorksheetRow, previous: domain.FollowUp | None, baseline: Any
) -> None:
    """Under a rating: what it was last time, so the user re-rates instead of guessing."""
    if previous is not None and row.key in previous.ratings:
        st.caption(tr("follow_up.previous_rating",
                      week=formats.week_short(previous.week, language(), dt.date.today()),
                      rating=rating_text(row, previous.ratings[row.key])))
    elif baseline is not None:
        st.caption(tr("follow_up.worksheet_rating", rating=rating_text(row, baseline.rating)))


def unchanged_ratings(
    previous: domain.FollowUp | None, baseline: dict[str, Any]
) -> dict[str, int] | None:
    """The ratings 'Niets veranderd' repeats: last week's, else the worksheet's, if complete."""
    if previous is not None:
        ratings = dict(previous.ratings)
    else:
        ratings = {key: entry.rating for key, entry in baseline.items()}
    return ratings if not domain.unanswered(ratings) else None


def unanswered_text(missing: list[str]) -> str:
    lang = language()
    questions = ", ".join(f"{worksheet.row(key).number}. {worksheet.row(key).short_name(lang)}"
                          for key in missing)
    return tr("follow_up.unanswered", questions=questions)


def follow_up_field_text(name: str, value: Any) -> str | None:
    """One line for a set-aside follow-up field (see `Form.show_notices`)."""
    lang = language()
    if name.startswith("rating_"):
        row = worksheet.row(name.removeprefix("rating_"))
        return f"{row.short_name(lang)}: {rating_text(row, value)}"
    if name == "their_value":
        return f"{tr('follow_up.their_value')} {rating_text(worksheet.VALUE, value)}"
    if name == "reflection":
        return f"{tr('follow_up.reflection_title')}: {value}"
    if name.startswith("outcome_") and value:
        return f"{tr('actions.outcome')} {value}"
    if name == "new_text" and value:
        return f"{tr('actions.new')}: {value}"
    return None


def move_on_after_saving(
    stakeholder: Stakeholder, week: dt.date, *, is_first_save: bool, todo: list[int],
    is_current_week: bool,
) -> None:
    """After the first save of this week for someone still to do, go on with the next person
    still to do (and say so, with a way back); a backfill or a re-save stays put."""
    remaining = [sid for sid in todo if sid != stakeholder.id]
    if not (is_first_save and is_current_week and remaining):
        st.session_state.pop(MOVED_ON_KEY, None)
        return
    st.session_state[MOVED_ON_KEY] = {"from": stakeholder.id, "to": remaining[0],
                                      "week": week, "name": stakeholder.name}
    select_stakeholder(remaining[0])


def show_moved_on(stakeholder: Stakeholder, week: dt.date) -> None:
    """The notice after moving on: who was saved, who is next, and a way to stay."""
    moved = st.session_state.get(MOVED_ON_KEY)
    if not moved:
        return
    if moved["to"] != stakeholder.id or moved["week"] != week:
        st.session_state.pop(MOVED_ON_KEY, None)
        return

    def stay() -> None:
        select_stakeholder(moved["from"])
        st.session_state.pop(MOVED_ON_KEY, None)

    with st.container(border=True, key="fu_moved_on"):
        text, button = st.columns([3, 1], vertical_alignment="center")
        text.markdown(tr("follow_up.moved_on", name=plain(moved["name"]),
                         next=plain(stakeholder.name)))
        button.button(tr("follow_up.stay", name=plain(moved["name"])), key="fu_stay",
                      on_click=stay)


# --- the worksheet ----------------------------------------------------------------------------

WORKSHEET_FIELDS = ("rating", "target", "reflection")


def changed_worksheet_rows(form: Form) -> list[str]:
    """The rated rows with a field the user changed (each becomes a new version)."""
    changed = set(form.prepared.unsaved)
    return [key for key in worksheet.DIMENSION_KEYS
            if any(f"{key}_{name}" in changed for name in WORKSHEET_FIELDS)]


def worksheet_field_text(name: str, value: Any) -> str | None:
    """One line for a set-aside worksheet field (see `Form.show_notices`)."""
    key, _, field_name = name.rpartition("_")
    row = worksheet.row(key)
    label = {"rating": tr("worksheet.rating"), "target": tr("worksheet.target"),
             "reflection": tr("worksheet.reflection")}[field_name]
    shown = value if field_name == "reflection" else rating_text(row, value)
    return f"{row.number}. {row.short_name(language())} · {label}: {shown}"


def action_field_text(name: str, value: Any) -> str | None:
    """One line for a set-aside field of an action (see `Form.show_notices`)."""
    if name == "status":
        return f"{tr('actions.status')}: {action_status_text(value)}"
    if name == "planned_week":
        return f"{tr('actions.planned_week')}: {week_text(value)}"
    label = {"text": tr("actions.text"), "outcome": tr("actions.outcome")}[name]
    return f"{label}: {value}"


# --- set-aside fields of the record forms ---------------------------------------------------

_FIELD_LABELS = {
    "project": {"name": "projects.name", "description": "projects.description",
                "own_goal": "projects.own_goal", "start_date": "projects.start_date"},
    "stakeholder": {"name": "stakeholders.name", "role": "stakeholders.role",
                    "constituency": "stakeholders.constituency", "notes": "stakeholders.notes"},
    "interest": {"text": "interests.text", "kind": "interests.kind",
                 "status": "interests.status", "signals": "interests.signals"},
}


def _record_field_text(record: str, name: str, value: Any) -> str:
    lang = language()
    if record == "interest" and name == "kind":
        value = worksheet.INTEREST_KINDS[value](lang)
    elif record == "interest" and name == "status":
        value = worksheet.INTEREST_STATUSES[value](lang)
    return f"{tr(_FIELD_LABELS[record][name])}: {value}"


def project_field_text(name: str, value: Any) -> str:
    return _record_field_text("project", name, value)


def stakeholder_field_text(name: str, value: Any) -> str:
    return _record_field_text("stakeholder", name, value)


def interest_field_text(name: str, value: Any) -> str:
    return _record_field_text("interest", name, value)
