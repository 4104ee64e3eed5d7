"""Forms and clicks that change data: every form's fields seeded and drafted through
`belangen.form_state`, saved once per drawing, refusals shown at the field, a confirmation that
survives the rerun."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from belangen import form_state
from belangen.domain import ValidationError
from belangen.store import (
    ConcurrentEdit,
    NotFound,
    SaveFailed,
)
from belangen.ui.database import clear_caches
from belangen.ui.errors import error_text
from belangen.ui.language import tr
from belangen.ui.state import session

FLASH_KEY = "flash_message"


def flash(message: str) -> None:
    """A confirmation that survives the rerun after a save."""
    st.session_state[FLASH_KEY] = message


def has_unsaved(form_id: str) -> bool:
    """Whether the form `form_id` holds unsaved changes, also while it is not drawn."""
    return form_state.has_unsaved(session(), form_id)


def discard_draft(form_id: str) -> None:
    """The user drops what they typed in `form_id`: its next drawing shows what is saved."""
    form_state.discard_draft(session(), form_id)


def panel_key(panel_id: str) -> str:
    """The widget key of the folding panel `panel_id`: its open state while it is drawn (one
    convention, for the pages and for the tests that open a panel)."""
    return f"{panel_id}__open"


def folding_panel(label: str, *, panel_id: str, icon: str,
                  unsaved_notice: str | None = None) -> Any | None:
    """A panel whose content is built only while it is open: the panel to draw into, or None.

    Closed panels hold forms nobody opened; drawn in advance, every one of them went to the
    browser on every click. `panel_id` is the id of the form the panel holds, if any: a form
    closed with unsaved changes keeps them as its draft (`form_state`), and the closed panel
    says so under its label in the text `unsaved_notice`. The label is part of the panel's
    identity: keep it the same while the user edits inside."""
    panel = st.expander(label, icon=icon, key=panel_key(panel_id), on_change="rerun")
    if panel.open:
        return panel
    if unsaved_notice is not None and has_unsaved(panel_id):
        st.caption(tr(unsaved_notice))
    return None


def new_form_panel(label_key: str, icon: str, form_id: str, *, first: bool,
                   unsaved_notice: str, requested: bool = False) -> Any | None:
    """A folding panel holding the form that adds something new: open when there is nothing
    of its kind yet (`first`), when something typed there is not saved, when `requested`,
    and otherwise as the user left it while on the page. Streamlit forgets a panel's state on
    other pages, so its state is set before drawing, never passed as `expanded`."""
    if requested or panel_key(form_id) not in st.session_state:
        st.session_state[panel_key(form_id)] = bool(requested or first or has_unsaved(form_id))
    return folding_panel(tr(label_key), icon=icon, panel_id=form_id,
                         unsaved_notice=unsaved_notice)


def show_flash() -> None:
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.toast(message, icon=":material/check_circle:")


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
    change: Callable[..., object],
    *,
    success: str,
    version: Any = None,
    **options: Any,
) -> None:
    """A button that changes data once per drawing: `change(token=...)` passes the drawing's
    submission token to the store, so a double click archives or deletes once."""
    form = Form(form_id, {}, version)
    if form.submit_button(label, **options):
        act(lambda: change(token=form.token), success=success, form=form)


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


class Form:
    """One form on screen: its fields seeded from the database or the user's draft, and the
    submission token of this drawing (see `form_state`).

    Widgets take their value from `key(field)` and get no `value=`/`index=` of their own.
    """

    def __init__(self, form_id: str, saved: dict[str, Any], version: Any) -> None:
        self.id = form_id
        self.fields = tuple(saved)
        self.prepared = form_state.prepare(session(), form_id, saved, version)

    def key(self, name: str) -> str:
        return form_state.widget_key(self.id, name)

    def value(self, name: str) -> Any:
        return st.session_state.get(self.key(name))

    def values(self) -> dict[str, Any]:
        return form_state.values(session(), self.id, self.fields)

    @property
    def token(self) -> str:
        return self.prepared.token

    @property
    def based_on(self) -> Any:
        return form_state.base_version(session(), self.id)

    def submit_button(self, label: str, *, name: str = "submit", **options: Any) -> bool:
        """A button that saves this drawing. Its key carries the drawing's token: after a save
        the token changes, so a click still on its way for the old button is ignored. Tests
        find it by its container's stable key, `<form id>__<name>`."""
        with st.container(key=f"{self.id}__{name}"):
            return st.button(label, key=f"{self.id}__{name}_{self.token[:12]}", **options)

    def saved(self) -> None:
        form_state.saved(session(), self.id)

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
                               args=(session(), self.id))
                dismiss.button(tr("form.dismiss_set_aside"), key=f"{self.id}__dismiss",
                               on_click=form_state.dismiss_set_aside,
                               args=(session(), self.id))
        elif form_state.is_stale(session(), self.id):
            with st.container(border=True, key=f"{self.id}__stale"):
                st.warning(tr("form.stale"), icon=":material/sync_problem:")
                load, keep = st.columns(2)
                load.button(tr("form.load_newest"), key=f"{self.id}__load_newest",
                            on_click=form_state.discard_draft, args=(session(), self.id))
                keep.button(tr("form.keep_mine"), key=f"{self.id}__keep_mine",
                            on_click=form_state.keep_mine, args=(session(), self.id))
        elif self.prepared.notice == form_state.RESTORED:
            st.info(tr("form.restored"), icon=":material/edit_note:")

    def draw(
        self,
        describe: Callable[[str, Any], str | None],
        fields: Callable[[Form, FieldMessages], None],
        label: str,
        save: Callable[[dict[str, Any]], object],
        *,
        success: str,
        **button_options: Any,
    ) -> None:
        """The whole of a plain form, the same on every page: its notices (`describe` as for
        `show_notices`), `fields(form, messages)`, the save button that runs `save(values)`
        through `attempt`, and whether anything is unsaved."""
        self.show_notices(describe)
        messages = FieldMessages()
        fields(self, messages)
        if self.submit_button(label, **button_options):
            values = self.values()
            attempt(lambda: save(values), messages, success=success, form=self)
        self.show_unsaved()

    def show_unsaved(self) -> None:
        """Beside the save button: whether anything on screen is not saved yet."""
        if self.prepared.unsaved:
            left, right = st.columns([3, 1], vertical_alignment="center")
            left.caption(tr("form.unsaved"))
            right.button(tr("form.discard"), key=f"{self.id}__discard",
                         on_click=form_state.discard_draft, args=(session(), self.id))
