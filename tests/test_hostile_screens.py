"""Odd and hostile input typed into the screens: each case is refused with a message
at the field and nothing changes, or it is stored exactly as typed and shown as literal text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from helpers.db import dump_tables

from belangen import domain, screens, texts, ui, worksheet
from belangen.store import Store
from belangen.ui import chrome
from tests.apptest import field, follow_stakeholder_link, open_panel, run_app, submit
from tests.factories import filled_stakeholder

LONG_TEXT = "é" * 99_990 + "0123456789"
PAYLOADS = {
    "empty": "",
    "whitespace": "   \t  ",
    "long": LONG_TEXT,
    "too_long": LONG_TEXT + "x",
    "emoji": "Koffie ☕ met 👩🏽‍💼 en 🇳🇱",
    "rtl": "שלום עליכם — مرحبا",
    "zero_width": "Jan\u200b\u200d de\u2060Vries",
    "only_zero_width": "\u200b\u200c\u200d",
    "control": "regel\x07met\x1bbel",
    "script": "<script>alert('x')</script>",
    "img": '<img src=x onerror="alert(1)">',
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "md_link": "[klik](javascript:alert(1))",
    "md_image": "![pixel](http://tracker.invalid/p.png)",
    "sql_drop": "'; DROP TABLE project; --",
    "sql_meta": "\" OR 1=1; -- \\' %_ `x` $$",
}


@dataclass(frozen=True)
class Field:
    """One free-text field: where to type, how to submit, and where the text ends up."""

    page: str
    key: Callable[[int], str]
    submit: Callable[[int], str]
    stored: Callable[[Store, int], object]
    is_name: bool = False
    panel: str | None = None  # the folding panel the field is in, opened first


def follow_up_form(stakeholder_id: int) -> str:
    return f"fu_{stakeholder_id}_{domain.week_start(domain.dt.date.today()).isoformat()}"


FIELDS = {
    "project_name": Field(
        screens.PROJECTS.path, lambda s: field("proj_new", "name"), lambda s: "proj_new",
        lambda db, s: [p.name for p in db.list_projects() if p.name != "Stationsgebied"],
        is_name=True, panel=ui.panel_key("proj_new")),
    "project_goal": Field(
        screens.PROJECTS.path, lambda s: field("proj_new", "own_goal"), lambda s: "proj_new",
        lambda db, s: [p.own_goal for p in db.list_projects() if p.name == "Nieuw"],
        panel=ui.panel_key("proj_new")),
    "stakeholder_name": Field(
        screens.STAKEHOLDERS.path, lambda s: field("sh_new_1", "name"), lambda s: "sh_new_1",
        lambda db, s: [x.name for x in db.list_stakeholders(1) if x.id != s], is_name=True,
        panel=ui.panel_key("sh_new_1")),
    "constituency": Field(
        screens.STAKEHOLDERS.path, lambda s: field("sh_new_1", "constituency"),
        lambda s: "sh_new_1",
        lambda db, s: [x.constituency for x in db.list_stakeholders(1) if x.id != s],
        panel=ui.panel_key("sh_new_1")),
    "interest_signals": Field(
        screens.STAKEHOLDERS.path, lambda s: field(f"sh_int_new_{s}", "signals"),
        lambda s: f"sh_int_new_{s}",
        lambda db, s: [i.signals for i in db.list_interests(s)][2:]),
    "worksheet_reflection": Field(
        screens.WORKSHEET.path, lambda s: field(f"ws_{s}", "conversation_reflection"),
        lambda s: f"ws_{s}",
        lambda db, s: [e.reflection for e in db.worksheet_history(s, "conversation")][:-1]),
    "follow_up_reflection": Field(
        screens.FOLLOW_UP.path, lambda s: field(follow_up_form(s), "reflection"),
        follow_up_form,
        lambda db, s: [f.reflection for f in [db.follow_up_for_week(s, domain.dt.date.today())]
                       if f is not None]),
}

# Fields that need a companion value to be saved at all: typed before the payload.
COMPANIONS: dict[str, Callable[[int], dict[str, object]]] = {
    "project_goal": lambda s: {field("proj_new", "name"): "Nieuw"},
    "constituency": lambda s: {field("sh_new_1", "name"): "Nieuwe stakeholder"},
    "follow_up_reflection": lambda s: {field(follow_up_form(s), f"rating_{key}"): 3
                                       for key in worksheet.DIMENSION_KEYS},
}

CASES = [
    *[("project_name", name) for name in PAYLOADS],
    *[("stakeholder_name", name) for name in
      ("whitespace", "only_zero_width", "emoji", "rtl", "script", "md_link", "sql_drop")],
    *[("project_goal", name) for name in ("long", "too_long", "img", "md_image", "sql_meta")],
    *[("constituency", name) for name in ("iframe", "control", "zero_width")],
    *[("worksheet_reflection", name) for name in
      ("empty", "long", "too_long", "script", "md_link", "emoji")],
    *[("follow_up_reflection", name) for name in ("img", "rtl", "sql_drop", "too_long")],
]


NAME_REFUSALS = {"empty": "error.name_required", "whitespace": "error.name_required",
                 "only_zero_width": "error.name_required", "long": "error.too_long",
                 "too_long": "error.too_long"}
TEXT_REFUSALS = {"too_long": "error.too_long"}
# What a stored text looks like: surrounding white space trimmed, the rest verbatim.
STORED = {"whitespace": "", "empty": ""}


def test_there_are_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize(("field_name", "payload_name"), CASES)
def test_hostile_text_in_a_field(store: Store, field_name: str, payload_name: str) -> None:
    field, payload = FIELDS[field_name], PAYLOADS[payload_name]
    _, stakeholder_id = filled_stakeholder(store, project_name="Stationsgebied")
    before = dump_tables(store)
    app = run_app()
    app.switch_page(field.page).run()
    if field.panel is not None:
        open_panel(app, field.panel)
    for key, value in COMPANIONS.get(field_name, lambda s: {})(stakeholder_id).items():
        app.session_state[key] = value
    app.session_state[field.key(stakeholder_id)] = payload
    submit(app, field.submit(stakeholder_id))
    assert not app.exception, app.exception

    refusal = (NAME_REFUSALS if field.is_name else TEXT_REFUSALS).get(payload_name)
    shown = [error.value for error in app.error]
    if refusal is not None:
        assert shown, f"{field_name}/{payload_name}: refused silently"
        assert texts.t(refusal).split("{")[0][:20] in shown[0]
        assert dump_tables(store) == before, "a refused input changed the data"
        return
    assert not shown, shown
    stored = field.stored(store, stakeholder_id)
    assert stored == [STORED.get(payload_name, payload)], stored
    # Nothing typed is ever rendered as HTML: the only raw HTML the app draws is its own
    # constant page script (focus after a save), which carries none of the user's text.
    for element in app.get("html"):
        assert chrome.is_app_html(element.proto.body), element.proto.body
        assert payload not in element.proto.body
    for element in [*app.markdown, *app.caption]:
        assert "<script" not in element.value and "<img" not in element.value \
            and "<iframe" not in element.value


@pytest.mark.parametrize("tampered", ["999999", "abc", "-1", "1; DROP TABLE stakeholder", ""])
def test_tampered_stakeholder_links_explain_and_change_nothing(store: Store,
                                                                 tampered: str) -> None:
    filled_stakeholder(store)
    before = dump_tables(store)
    app = follow_stakeholder_link(tampered)
    assert any("bestaat niet" in warning.value for warning in app.warning)
    assert dump_tables(store) == before


def test_a_link_to_another_projects_stakeholder_opens_that_project(store: Store) -> None:
    filled_stakeholder(store, project_name="Eerste")
    other_project = store.create_project("Tweede")
    other = store.create_stakeholder(other_project, "Piet")
    before = dump_tables(store)
    app = follow_stakeholder_link(str(other))
    assert app.session_state[ui.PROJECT_KEY] == other_project
    assert app.session_state[ui.STAKEHOLDER_KEY] == other
    assert dump_tables(store) == before
