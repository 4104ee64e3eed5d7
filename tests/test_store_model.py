"""Random sequences of operations against the Store, compared with a plain in-memory model after
every step: catches lost, duplicated or leaked rows that hand-written examples miss."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)

from belangen import domain, worksheet
from belangen.domain import ValidationError
from belangen.store import ConcurrentEdit, Store

try:
    from belangen import backup
except ImportError:  # backup/restore are exercised once that module exists
    backup = None

TODAY = dt.date(2026, 3, 4)
names = st.sampled_from(["Jan", "jan", "JAN ", "Ånne", "A\u030anne", "Piet", "Kees\u200b", "Zoë"])
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
    max_size=30,
).map(str.strip)


@dataclass
class Person:
    name: str
    notes: str = ""
    archived: bool = False
    revision: int = 1
    interests: list[str] = field(default_factory=list)
    follow_ups: int = 0


class StoreMachine(RuleBasedStateMachine):
    people = Bundle("people")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="belangen-model-"))
        self.store = Store(self.folder / "model.duckdb", now=lambda: dt.datetime(2026, 3, 4, 12))
        self.project = self.store.create_project("Model", start_date=dt.date(2026, 1, 1))
        self.model: dict[int, Person] = {}
        self.saved: tuple[bytes, dict[int, Person]] | None = None

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _taken(self, name: str, except_id: int | None = None) -> bool:
        key = domain.name_key(name.strip())
        return any(domain.name_key(p.name) == key for i, p in self.model.items() if i != except_id)

    @rule(target=people, name=names, notes=texts)
    def create(self, name: str, notes: str) -> int:
        if self._taken(name):
            try:
                self.store.create_stakeholder(self.project, name, notes=notes)
            except ValidationError as error:
                assert error.message_key in ("error.name_taken", "error.name_taken_archived")
                return -1
            raise AssertionError(f"duplicate name {name!r} accepted")
        sid = self.store.create_stakeholder(self.project, name, notes=notes)
        assert sid not in self.model, "an id was handed out twice"
        self.model[sid] = Person(name.strip(), notes)
        return sid

    @rule(sid=people, notes=texts, stale=st.booleans())
    def edit(self, sid: int, notes: str, stale: bool) -> None:
        if sid not in self.model:
            return
        person = self.model[sid]
        revision = person.revision - 1 if stale else person.revision
        try:
            self.store.update_stakeholder(sid, revision, name=person.name, role="",
                                          constituency="", notes=notes)
        except ConcurrentEdit:
            assert stale
            return
        assert not stale, "a stale revision overwrote the row"
        person.notes, person.revision = notes, person.revision + 1

    @rule(sid=people)
    def archive_toggle(self, sid: int) -> None:
        if sid in self.model:
            person = self.model[sid]
            self.store.set_stakeholder_archived(sid, not person.archived)
            person.archived = not person.archived
            person.revision += 1

    @rule(sid=consumes(people))
    def delete(self, sid: int) -> None:
        if sid in self.model:
            self.store.delete_stakeholder(sid)
            del self.model[sid]

    @rule(sid=people, text=texts.filter(bool))
    def add_interest(self, sid: int, text: str) -> None:
        if sid in self.model:
            self.store.add_interest(sid, text)
            self.model[sid].interests.append(text)

    @rule(sid=people, rating=st.integers(1, 5))
    def follow_up(self, sid: int, rating: int) -> None:
        if sid in self.model:
            self.store.save_follow_up(
                sid, TODAY, ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, rating))
            self.model[sid].follow_ups += 1

    @precondition(lambda self: backup is not None)
    @rule()
    def make_backup(self) -> None:
        self.saved = (backup.write_backup(self.store), copy.deepcopy(self.model))

    @precondition(lambda self: backup is not None and self.saved is not None)
    @rule()
    def restore(self) -> None:
        data, model = self.saved
        backup.restore_backup(self.store, data)
        self.model = copy.deepcopy(model)

    @invariant()
    def matches_model(self) -> None:
        stored = {
            s.id: (s.name, s.notes, s.archived, s.revision)
            for s in self.store.list_stakeholders(self.project, include_archived=True)
        }
        assert stored == {
            i: (p.name, p.notes, p.archived, p.revision) for i, p in self.model.items()
        }
        for sid, person in self.model.items():
            assert [i.text for i in self.store.list_interests(sid)] == person.interests
            assert self.store.follow_up_versions(sid, TODAY) == person.follow_ups
        orphans = self.store.query_rows(
            "SELECT count(*) FROM interest WHERE stakeholder_id NOT IN (SELECT id FROM stakeholder)"
        )
        assert orphans == [(0,)], "rows of a deleted stakeholder survived"


StoreMachine.TestCase.settings = settings(
    max_examples=20,
    database=None,
    stateful_step_count=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_store_matches_model = pytest.mark.slow(StoreMachine.TestCase)
