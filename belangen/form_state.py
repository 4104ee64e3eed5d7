"""Form state that never goes stale: the one mechanism behind every form of the app.

Streamlit forgets a widget's value in any run in which the widget is not drawn (another page,
another stakeholder's form), and a widget whose arguments change without a stable key becomes a
new widget. So no form keeps its values in its widgets alone, and none guards them with a
separate "seeded" flag that outlives them. Instead, per form:

- A field is seeded whenever its widget key is absent: from the user's draft if there is one
  for the same saved version, else from the database.
- What the user changed but did not save is a *draft*, kept under a plain key that survives
  runs in which the form is not drawn (`capture_drafts` copies the widgets' values into it at
  the start of every run, before Streamlit can forget them).
- A draft made against a saved version that has since changed (another tab saved) is not
  silently applied on coming back: the form shows the saved version and keeps the draft aside,
  visibly, for the user to bring back or drop.
- Each drawing of a form carries a submission token; a save records it with the write, so a
  second submit of the same drawing stores nothing new, and the token changes once the save
  went through.

Pure Python over any mutable mapping (Streamlit's session state in the app, a dict in tests):
no Streamlit import here.
"""

from __future__ import annotations

import secrets
from collections.abc import Hashable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

FORMS_KEY = "_belangen_forms"
"""The plain session key under which every form's record lives."""
RUN_KEY = "_belangen_run"
"""Counts the session's script runs, so a form knows whether it was drawn in the last one."""

RESTORED = "restored"
DISCARDED = "discarded"


def widget_key(form_id: str, field_name: str) -> str:
    """The widget key of one field: stable for as long as the form exists."""
    return f"{form_id}__{field_name}"


def new_token() -> str:
    return secrets.token_hex(16)


@dataclass
class FormRecord:
    """What is known about one form between runs, in plain (non-widget) state."""

    base_version: Hashable
    """The saved version the user's changes start from (a row id, a revision, None): what a
    save must still find, or it is refused as a conflict."""
    base_values: dict[str, Any]
    """The saved values as last seen; fields the user did not change show these."""
    seen_version: Hashable = None
    """The version `base_values` belong to (newer than `base_version` after a save
    elsewhere while the user kept editing)."""
    draft: dict[str, Any] = field(default_factory=dict)
    """Fields whose value differs from `base_values`: what the user changed, unsaved."""
    token: str = field(default_factory=new_token)
    set_aside: dict[str, Any] = field(default_factory=dict)
    """A draft made against an older version, kept for the user to restore or drop."""
    reseed: bool = False
    prepared_in_run: int = -1


def _forms(state: MutableMapping[str, Any]) -> dict[str, FormRecord]:
    forms = state.get(FORMS_KEY)
    if forms is None:
        forms = {}
        state[FORMS_KEY] = forms
    return forms


def _run(state: Mapping[str, Any]) -> int:
    return int(state.get(RUN_KEY, 0))


def capture_drafts(state: MutableMapping[str, Any]) -> None:
    """Start a run: copy every drawn field's value into its form's draft.

    Called first in every full run: a run that draws another page still sees the values the
    browser sent for the previous page's widgets, and Streamlit drops them when it ends.
    Forms that are neither on screen nor hold anything unsaved are forgotten.
    """
    run = _run(state) + 1
    state[RUN_KEY] = run
    forms = _forms(state)
    for form_id, record in list(forms.items()):
        idle = record.prepared_in_run < run - 2
        if record.reseed:
            # Saved or dropped: the next drawing starts from the database anyway.
            if idle:
                del forms[form_id]
            continue
        _capture(state, form_id, record, record.base_values)
        if idle and not record.draft and not record.set_aside:
            del forms[form_id]


def _capture(
    state: MutableMapping[str, Any], form_id: str, record: FormRecord, fields: Iterable[str]
) -> None:
    for name in fields:
        key = widget_key(form_id, name)
        if key not in state:
            continue
        value = state[key]
        if value == record.base_values.get(name):
            record.draft.pop(name, None)
        else:
            record.draft[name] = value


@dataclass(frozen=True)
class Prepared:
    """The outcome of preparing a form for drawing."""

    token: str
    notice: str | None
    """RESTORED: unsaved changes from earlier are back in the fields; DISCARDED: the saved
    version changed meanwhile, the fields show it and the draft is set aside."""
    set_aside: Mapping[str, Any]
    unsaved: tuple[str, ...]
    """Fields whose shown value is not the saved one."""


def prepare(
    state: MutableMapping[str, Any],
    form_id: str,
    saved: Mapping[str, Any],
    version: Hashable,
) -> Prepared:
    """Seed the form's widget keys before its widgets are drawn in this run.

    `saved` holds every field's value as stored (its empty value for a record not yet made),
    `version` identifies that stored state. Every field then shows either what is saved or
    what the user changed and did not save:

    - staying on the form (drawn in the previous run), only absent keys are seeded, so what the
      user is typing stays;
    - coming back to it, every field is seeded from the draft and the saved values;
    - when the record was saved elsewhere meanwhile, fields the user did not change follow the
      new saved values; their changes stay on screen if they are still editing (a save then
      meets the conflict), and are set aside, visibly, if they come back to the form later.
    """
    forms = _forms(state)
    record = forms.get(form_id)
    run = _run(state)
    notice = None
    if record is None or record.reseed:
        record = FormRecord(version, dict(saved), version,
                            token=record.token if record is not None else new_token())
        forms[form_id] = record
        _seed(state, form_id, saved)
        record.prepared_in_run = run
        return _prepared(record, notice)

    for name, value in saved.items():
        record.base_values.setdefault(name, value)
    _capture(state, form_id, record, saved)
    # A field the form no longer has (an action finished meanwhile) is no unsaved change.
    record.draft = {name: value for name, value in record.draft.items() if name in saved}
    staying = record.prepared_in_run >= run - 1
    if record.seen_version != version:
        if record.draft and not staying:
            record.set_aside, record.draft = dict(record.draft), {}
            notice = DISCARDED
        record.base_values, record.seen_version = dict(saved), version
        record.draft = {name: value for name, value in record.draft.items()
                        if saved.get(name) != value}
        if not record.draft:
            record.base_version = version
        _seed(state, form_id, {**saved, **record.draft})
    elif staying:
        for name in saved:
            if widget_key(form_id, name) not in state:
                state[widget_key(form_id, name)] = record.draft.get(name,
                                                                    record.base_values[name])
    else:
        _seed(state, form_id, {**record.base_values, **record.draft})
        if record.draft:
            notice = RESTORED
    record.prepared_in_run = run
    return _prepared(record, notice)


def _prepared(record: FormRecord, notice: str | None) -> Prepared:
    return Prepared(record.token, notice, dict(record.set_aside), tuple(record.draft))


def _seed(state: MutableMapping[str, Any], form_id: str, shown: Mapping[str, Any]) -> None:
    for name, value in shown.items():
        state[widget_key(form_id, name)] = value


def values(state: Mapping[str, Any], form_id: str, fields: Iterable[str]) -> dict[str, Any]:
    """The fields as the user set them (drawn widgets), else as seeded."""
    return {name: state.get(widget_key(form_id, name)) for name in fields}


def token(state: MutableMapping[str, Any], form_id: str) -> str:
    return _forms(state)[form_id].token


def saved(state: MutableMapping[str, Any], form_id: str) -> None:
    """After a successful save: the next run seeds the form from the database again, with a
    new token, so the same drawing cannot be submitted twice."""
    record = _forms(state).get(form_id)
    if record is not None:
        record.reseed = True
        record.draft = {}
        record.set_aside = {}
        record.token = new_token()


def discard_draft(state: MutableMapping[str, Any], form_id: str) -> None:
    """The user drops their unsaved changes: the next run shows what is saved."""
    record = _forms(state).get(form_id)
    if record is not None:
        record.reseed = True
        record.draft = {}
        record.set_aside = {}


def restore_set_aside(state: MutableMapping[str, Any], form_id: str) -> None:
    """Bring back a draft that was set aside, on top of the version saved meanwhile (the user
    chose to: saving it then replaces that version, as a new one)."""
    record = _forms(state).get(form_id)
    if record is None or not record.set_aside:
        return
    for name, value in record.set_aside.items():
        state[widget_key(form_id, name)] = value
    record.draft.update(record.set_aside)
    record.set_aside = {}


def dismiss_set_aside(state: MutableMapping[str, Any], form_id: str) -> None:
    record = _forms(state).get(form_id)
    if record is not None:
        record.set_aside = {}


def keep_mine(state: MutableMapping[str, Any], form_id: str) -> None:
    """After a save elsewhere: the user keeps their changes, to save them over that version
    (as a new version; the other stays in the history)."""
    record = _forms(state).get(form_id)
    if record is not None:
        record.base_version = record.seen_version


def has_unsaved(state: Mapping[str, Any], form_id: str) -> bool:
    """Whether the form holds changes not saved yet (a draft, or one set aside), also while
    it is not drawn: a closed panel can say so."""
    record = state.get(FORMS_KEY, {}).get(form_id)
    return bool(record and not record.reseed and (record.draft or record.set_aside))


def is_stale(state: Mapping[str, Any], form_id: str) -> bool:
    """Whether the user's changes start from a version that was saved over meanwhile."""
    record = (state.get(FORMS_KEY) or {}).get(form_id)
    return record is not None and record.base_version != record.seen_version


def base_version(state: Mapping[str, Any], form_id: str) -> Hashable:
    """The saved version the form's values start from: what a save must still find."""
    forms = state.get(FORMS_KEY) or {}
    record = forms.get(form_id)
    return record.base_version if record is not None else None
