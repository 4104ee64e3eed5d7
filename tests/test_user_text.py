"""User text is never Markdown, by construction.

Streamlit renders Markdown in far more places than `st.markdown`: titles, headers, captions,
alerts, toasts, metric labels, every widget label and help text, radio options, expander and tab
labels. So this test reads every page, app.py and the UI glue with `ast` and fails on any such
call whose text is not built only from literals, catalogue texts (`tr`) whose parameters are safe
in turn, text passed through `ui.plain`, and the app's own labels (worksheet questions, rating
labels, week names). Variables count when every assignment to them in their scope is safe. The
next screen that draws a name as Markdown fails here, before a user sees it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "app.py", *sorted(ROOT.glob("pages/*.py")),
           *sorted(ROOT.glob("belangen/ui/*.py"))]

# Streamlit calls that render Markdown, and which of their arguments do: position 0 and these
# keywords. (`st.text`, `st.code`, `st.dataframe` cells and `st.selectbox` options draw plain
# text: checked in the browser by tests/e2e/test_markdown_browser.py.)
MARKDOWN_CALLS = {
    "markdown", "title", "header", "subheader", "caption", "write", "info", "warning", "error",
    "success", "toast", "metric", "button", "checkbox", "radio", "selectbox", "multiselect",
    "text_input", "text_area", "date_input", "number_input", "toggle", "file_uploader",
    "download_button", "page_link", "expander", "popover", "segmented_control", "pills",
    "form_submit_button", "slider", "select_slider", "tabs", "latex", "badge", "link_button",
}
MARKDOWN_KEYWORDS = {"label", "help", "placeholder", "body", "caption", "title"}
# Calls whose result is Markdown-rendered text for each option.
OPTION_FORMATTERS = {"radio", "segmented_control", "pills"}

# The app's own text: the catalogue, and labels made of worksheet words, numbers and dates.
# Those defined in the checked files have their `return`s checked too.
SAFE_CALLS = {
    "tr", "tr_count", "t", "t_count", "plain", "rating_text", "rating_number_text", "week_text",
    "week_choice_text", "action_status_text", "what_worked_sentence", "unanswered_text",
    "question", "short_name", "action_prompt", "rating_label", "labelled_rating", "error_text",
    "len", "iso_week_label", "week_choice", "week_short", "signed_change", "str", "int",
    "number", "planned_choice_text", "cadence_text", "follow_up_marker", "interest_status_short",
    # the Belangenkaart's labels (pages/interest_map.py)
    "on_table_text", "relation_text", "relation_icon", "kind_text", "interest_line",
    "interest_list", "hypothesis_badge", "note_line",
    # catalogue words of the collaboration (belangen.parties) and the options page's label
    "option_status", "relation_name", "hypothesis_kind", "status_text",
}
# The primitives themselves: what they return is the definition of safe text.
PRIMITIVES = {"tr", "tr_count", "t", "t_count", "plain"}
CATALOGUE_CALLS = {"tr", "tr_count", "t", "t_count"}
# Subscripted tables whose entries are the app's own words.
SAFE_TABLES = {"INTEREST_KINDS", "INTEREST_STATUSES", "ACTION_STATUSES", "LANGUAGES"}
# Catalogue placeholders that hold numbers or dates, never text.
NUMBER_PLACEHOLDERS = {
    "count", "versions", "weeks", "keep", "projects", "stakeholders", "follow_ups", "done",
    "total", "logged", "window", "limit", "version", "supported", "pid", "created", "when",
    "date", "earliest", "latest", "with_cases", "without_cases",
}
# Attributes of records and errors that are numbers, dates or catalogue keys.
SAFE_ATTRIBUTES = {
    "number", "rating", "target", "week", "saved_at", "done_on", "planned_week",
    "confirmed_on", "created_at", "revision", "logged", "window", "key", "message_key",
}
# Parameters trusted inside the function that receives them, and why:
TRUSTED = {
    # functions of the UI glue that draw a text parameter: their callers are checked instead
    "flash": {"message"}, "act": {"success"}, "attempt": {"success"},
    "action_button": {"label", "success"}, "submit_button": {"label"},
    "rating_input": {"label"}, "date_field": {"label"}, "draw": {"label", "success"},
    "week_chooser": {"label", "help"}, "folding_panel": {"label"},
    # the flash message is set only by flash(), whose callers are checked
    "show_flash": {"message"},
    # label builders: their parameters are ratings, weeks, statuses and dimension keys
    "rating_text": {"rating"}, "rating_number_text": {"rating"}, "week_text": {"monday", "today"},
    "week_choice_text": {"monday", "today"}, "action_status_text": {"status"},
    "unanswered_text": {"missing"}, "what_worked_sentence": {"effect"},
    "signed_change": {"value"},
}
# Which parameters (keyword, and position if passed positionally) the UI glue's drawing
# functions draw, so their call sites can be checked.
DRAWING_PARAMETERS = {
    "flash": [("message", 0)], "act": [("success", None)], "attempt": [("success", None)],
    "action_button": [("label", 1), ("success", None)], "submit_button": [("label", 0)],
    "rating_input": [("label", 2)], "date_field": [("label", 0)],
    "week_chooser": [("label", None), ("help", None)], "folding_panel": [("label", 0)],
    "draw": [("label", 2), ("success", None)],
}


@dataclass
class Scope:
    assignments: dict[str, list[ast.expr | None]] = field(default_factory=dict)
    trusted: set[str] = field(default_factory=set)


def assigned_names(target: ast.expr) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            yield from assigned_names(element)


def collect(body: list[ast.stmt], scope: Scope) -> None:
    """Every assignment in one function (or module) body, nested blocks included."""
    for node in body:
        for child in ast.walk(node):
            if isinstance(child, ast.FunctionDef | ast.Lambda) and child is not node:
                continue
            if isinstance(child, ast.Assign):
                for target in child.targets:
                    single = isinstance(target, ast.Name)
                    for name in assigned_names(target):
                        scope.assignments.setdefault(name, []).append(
                            child.value if single else None)
            elif isinstance(child, ast.AnnAssign) and isinstance(child.target, ast.Name):
                scope.assignments.setdefault(child.target.id, []).append(child.value)
            elif isinstance(child, ast.For | ast.comprehension):
                for name in assigned_names(child.target):
                    scope.assignments.setdefault(name, []).append(None)
            elif isinstance(child, ast.With):
                for item in child.items:
                    if item.optional_vars is not None:
                        for name in assigned_names(item.optional_vars):
                            scope.assignments.setdefault(name, []).append(None)


class Checker:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []
        self.scopes: list[Scope] = []

    def run(self) -> list[str]:
        tree = ast.parse(self.path.read_text("utf-8"))
        module = Scope()
        collect(tree.body, module)
        self.scopes.append(module)
        self.visit_body(tree.body)
        return self.problems

    def visit_body(self, body: list[ast.stmt]) -> None:
        for node in body:
            self.visit(node)

    def visit(self, node: ast.AST) -> None:
        if isinstance(node, ast.FunctionDef):
            scope = Scope()
            collect(node.body, scope)
            scope.trusted = TRUSTED.get(node.name, set())
            self.scopes.append(scope)
            for child in node.body:
                self.visit(child)
                if node.name in SAFE_CALLS - PRIMITIVES:
                    for returned in ast.walk(child):
                        if isinstance(returned, ast.Return) and returned.value is not None:
                            self.require_safe(returned.value, f"{node.name}() returns text that")
            self.scopes.pop()
            return
        if isinstance(node, ast.Lambda):
            # A formatter's argument is an option value the code chose (an id, a key, a
            # rating); what it is turned into is checked like any text.
            scope = Scope(trusted={arg.arg for arg in node.args.args})
            self.scopes.append(scope)
            self.visit(node.body)
            self.scopes.pop()
            return
        if isinstance(node, ast.Call):
            self.check_call(node)
        for child in ast.iter_child_nodes(node):
            self.visit(child)

    def check_call(self, call: ast.Call) -> None:
        name = call_name(call)
        if name in MARKDOWN_CALLS and isinstance(call.func, ast.Attribute):
            # st.page_link's first argument is the page; its text is the `label`.
            texts = [call.args[0]] if call.args and name != "page_link" else []
            texts += [kw.value for kw in call.keywords if kw.arg in MARKDOWN_KEYWORDS]
            if name == "tabs" and call.args and isinstance(call.args[0], ast.List):
                texts = list(call.args[0].elts)
            for text in texts:
                self.require_safe(text, f"{name}()")
            if name in OPTION_FORMATTERS:
                for kw in call.keywords:
                    if kw.arg == "format_func":
                        self.require_safe_function(kw.value, f"{name}(format_func=)")
        elif name in DRAWING_PARAMETERS:
            for parameter, position in DRAWING_PARAMETERS[name]:
                for kw in call.keywords:
                    if kw.arg == parameter:
                        self.require_safe(kw.value, f"{name}({parameter}=)")
                if position is not None and len(call.args) > position:
                    self.require_safe(call.args[position], f"{name}({parameter})")

    def require_safe_function(self, node: ast.expr, where: str) -> None:
        if isinstance(node, ast.Lambda):
            self.scopes.append(Scope(trusted={arg.arg for arg in node.args.args}))
            self.require_safe(node.body, where)
            self.scopes.pop()
        elif not self.safe(node):
            self.report(node, where)

    def require_safe(self, node: ast.expr, where: str) -> None:
        if not self.safe(node):
            self.report(node, where)

    def report(self, node: ast.expr, where: str) -> None:
        shown = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path.name
        self.problems.append(
            f"{shown}:{node.lineno}: {where} draws "
            f"`{ast.unparse(node)}`, which may hold user text: pass it through ui.plain")

    def safe(self, node: ast.expr, depth: int = 0) -> bool:
        if depth > 8:
            return False
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.JoinedStr):
            return all(self.safe(part, depth + 1) for part in node.values)
        if isinstance(node, ast.FormattedValue):
            return self.safe(node.value, depth + 1)
        if isinstance(node, ast.BinOp):
            return self.safe(node.left, depth + 1) and self.safe(node.right, depth + 1)
        if isinstance(node, ast.IfExp):
            return self.safe(node.body, depth + 1) and self.safe(node.orelse, depth + 1)
        if isinstance(node, ast.Call):
            return self.safe_call(node, depth)
        if isinstance(node, ast.Name):
            return self.safe_name(node.id, depth)
        if isinstance(node, ast.Attribute):
            # Numbers and dates of records (a rating, a week) are not text; text fields are;
            # constants of the code (ALL_CAPS) are the app's own.
            return node.attr in SAFE_ATTRIBUTES or node.attr.isupper()
        if isinstance(node, ast.ListComp | ast.GeneratorExp):
            return self.safe(node.elt, depth + 1)
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            return self.safe(node.value, depth + 1)  # part of a list: as safe as the list
        if isinstance(node, ast.Subscript):
            table = node.value
            return isinstance(table, ast.Attribute | ast.Name) and (
                getattr(table, "attr", None) in SAFE_TABLES
                or getattr(table, "id", None) in SAFE_TABLES)
        return False

    def safe_call(self, call: ast.Call, depth: int) -> bool:
        name = call_name(call)
        if name == "join" and isinstance(call.func, ast.Attribute):
            argument = call.args[0] if call.args else None
            items = getattr(argument, "elt", argument)
            return self.safe(call.func.value, depth + 1) and items is not None and self.safe(
                items, depth + 1)
        if isinstance(call.func, ast.Subscript):  # worksheet.INTEREST_KINDS[kind](lang)
            return self.safe(call.func, depth + 1)
        if name not in SAFE_CALLS:
            return False
        if name in CATALOGUE_CALLS:
            # Whatever the key, the result is catalogue text; what fills it in must be safe.
            # `**error.params`: a ValidationError's or DatabaseUnavailable's parameters are
            # numbers and dates the code put there.
            return all(
                (kw.arg is None and isinstance(kw.value, ast.Attribute)
                 and kw.value.attr == "params")
                or (kw.arg in NUMBER_PLACEHOLDERS) or (kw.arg and self.safe(kw.value, depth + 1))
                for kw in call.keywords)
        if name in {"str", "int"}:
            return all(self.safe(arg, depth + 1) for arg in call.args)
        return True

    def safe_name(self, name: str, depth: int) -> bool:
        if name.isupper():
            return True  # a constant of the code
        for scope in reversed(self.scopes):
            if name in scope.trusted:
                return True
            if name in scope.assignments:
                values = scope.assignments[name]
                return all(value is not None and self.safe(value, depth + 1)
                           for value in values)
        return False


def call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def test_no_streamlit_call_draws_user_text_as_markdown() -> None:
    problems = [problem for path in SOURCES for problem in Checker(path).run()]
    assert not problems, "\n".join(problems)


def test_the_checker_catches_a_name_drawn_as_markdown(tmp_path: Path) -> None:
    """The test above can fail: these are the slips it exists for."""
    page = tmp_path / "page.py"
    page.write_text(
        "import streamlit as st\n"
        "from belangen import ui\n"
        "st.title(project.name)\n"
        "st.caption(ui.tr('overview.own_goal', goal=project.own_goal))\n"
        "label = stakeholder.name + ' (archief)'\n"
        "st.expander(label)\n"
        "st.radio('Wie?', ids, format_func=lambda sid: names[sid])\n"
        "st.error(ui.tr(f'db.{problem.reason}', path=problem.path))\n"
        "st.title(ui.plain(project.name))\n"
        "st.caption(ui.tr('overview.own_goal', goal=ui.plain(project.own_goal)))\n"
        "lines = [f'- {note.text}' for note in notes]\n"
        "st.markdown('\\n'.join(lines[:12]))\n"
        "kept = [f'- {ui.plain(note.text)}' for note in notes]\n"
        "st.markdown('\\n'.join(kept[12:]))\n",
        encoding="utf-8",
    )
    problems = Checker(page).run()
    assert [problem.split(":")[1] for problem in problems] == ["3", "4", "6", "7", "8", "12"], (
        problems)
