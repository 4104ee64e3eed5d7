"""Issue 10: a model-based random walk through the weekly loop in Chromium.

A seeded random sequence of user steps — switch page, pick a stakeholder or a week, type a
reflection, change a rating, tick an action, save (sometimes with a double click), "Niets
veranderd", reload, go back, open or switch to a second tab, settle a conflict — runs against a
plain model of what has been saved and of each tab's unsaved drafts. After every step:

- no exception box on the page, and no error box unless the model expected a refusal;
- every form on screen shows, field by field, either the saved value or the user's own draft;
- after every save, the database equals the model, without duplicate rows.

`make test` runs a fixed seed and a bounded number of steps; run it longer with
`BELANGEN_WALK_STEPS=1000 BELANGEN_WALK_SEEDS=1,2,3 .venv/bin/python -m pytest
tests/e2e/test_random_walk.py`.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from belangen import domain, worksheet
from belangen.store import Store

from . import flows
from .flows import tr
from .harness import AppPage, AppServer, new_context
from .saved import committed_copy

pytestmark = pytest.mark.e2e

STEPS = int(os.environ.get("BELANGEN_WALK_STEPS", "50"))
SEEDS = [int(seed) for seed in os.environ.get("BELANGEN_WALK_SEEDS", "20261201").split(",")]
LANGUAGES = os.environ.get("BELANGEN_WALK_LANGUAGES", "nl,en").split(",")
TRENDS_VIEWS = flows.TRENDS_VIEWS
PERIOD_VIEWS = ("stakeholder", "course")
TRENDS_PERIODS = ("13", "26", "52", "all")
NAMES = ("Ans de Wit", "Bob Jansen", "Cor Smit")  # in the pickers' (name) order
PAGES = {"overview": "nav.overview", "follow_up": "nav.follow_up", "worksheet": "nav.worksheet",
         "stakeholders": "nav.stakeholders", "trends": "nav.trends"}
DIMENSIONS = worksheet.DIMENSION_KEYS
WEEKS_BACK = 5
WORDS = ("open", "gesprek", "budget", "raad", "wacht", "<b>vet</b>", "**ster**", "vertrouwen")


# --- the model --------------------------------------------------------------------------------


@dataclass
class Saved:
    """What the database holds, as the walk expects it."""

    follow_ups: dict[tuple[int, dt.date], list[dict]] = field(default_factory=dict)
    """(stakeholder, week) → versions, each {"ratings": {dim: r}, "reflection": str}."""
    worksheet: dict[tuple[int, str], list[dict]] = field(default_factory=dict)
    """(stakeholder, dimension) → versions, each {"rating", "target", "reflection"}."""
    open_actions: dict[int, list[int]] = field(default_factory=dict)

    def form_values(self, form: Form) -> dict:
        if form.kind == "follow_up":
            versions = self.follow_ups.get((form.stakeholder, form.week), [])
            latest = versions[-1] if versions else {"ratings": {}, "reflection": ""}
            values = {f"rating_{key}": latest["ratings"].get(key) for key in DIMENSIONS}
            values["reflection"] = latest["reflection"]
            values.update({f"done_{action}": False
                           for action in self.open_actions[form.stakeholder]})
            return values
        values = {}
        for key in DIMENSIONS:
            versions = self.worksheet.get((form.stakeholder, key), [])
            latest = versions[-1] if versions else {"rating": None, "target": None,
                                                    "reflection": ""}
            values.update({f"{key}_{name}": latest[name]
                           for name in ("rating", "target", "reflection")})
        return values

    def version(self, form: Form) -> object:
        if form.kind == "follow_up":
            return len(self.follow_ups.get((form.stakeholder, form.week), []))
        return tuple(len(self.worksheet.get((form.stakeholder, key), [])) for key in DIMENSIONS)

    def logged(self, stakeholder: int, week: dt.date) -> bool:
        return bool(self.follow_ups.get((stakeholder, week)))

    def previous_ratings(self, stakeholder: int, week: dt.date) -> dict | None:
        """What 'Niets veranderd — opslaan' repeats: the latest earlier week, else the worksheet."""
        earlier = [w for (s, w) in self.follow_ups if s == stakeholder and w < week
                   and self.follow_ups[(s, w)]]
        if earlier:
            return dict(self.follow_ups[(stakeholder, max(earlier))][-1]["ratings"])
        ratings = {key: (self.worksheet.get((stakeholder, key)) or [{"rating": None}])[-1]
                   ["rating"] for key in DIMENSIONS}
        return ratings if None not in ratings.values() else None


@dataclass(frozen=True)
class Form:
    kind: str  # "follow_up" or "worksheet"
    stakeholder: int
    week: dt.date | None = None

    @property
    def id(self) -> str:
        if self.kind == "follow_up":
            return flows.follow_up_form(self.stakeholder, self.week)
        return f"ws_{self.stakeholder}"


@dataclass
class Record:
    """One tab's view of one form, as belangen.form_state keeps it."""

    base: object
    seen: object
    draft: dict = field(default_factory=dict)


@dataclass
class Tab:
    app: AppPage
    records: dict[Form, Record] = field(default_factory=dict)
    drawn: set[Form] = field(default_factory=set)
    page: str = "overview"
    pending: dict = field(default_factory=dict)
    """Field values typed in this step, applied when the run that draws the form is seen."""
    history: int = 1
    """Pages of the app behind the tab's back button, its first one included."""
    fresh: bool = True
    """Whether the tab's page was drawn after the last save in another tab; until it reruns,
    a tab brought to the front shows what it drew before."""
    trends_view: str = "stakeholder"
    trends_period: str = "26"
    """What Trends shows, kept for the whole session (leaving and coming back included)."""


def shown_form(tab: Tab, names: dict[str, int]) -> Form | None:
    """The form the tab's page shows now, read from the page itself."""
    app = tab.app
    if tab.page not in ("follow_up", "worksheet"):
        return None
    chosen = flows.chosen_stakeholder(app).removeprefix("✓ ").removeprefix("○ ")
    stakeholder = names[chosen]
    if tab.page == "worksheet":
        return Form("worksheet", stakeholder)
    label = app.key("fu_week").get_by_role("combobox").input_value()
    weeks = {flows.week_label(week): week for week in recent_weeks()}
    return Form("follow_up", stakeholder, weeks[label])


def recent_weeks() -> list[dt.date]:
    this_week = domain.week_start(dt.date.today())
    return [this_week - dt.timedelta(weeks=back) for back in range(WEEKS_BACK + 1)]


def rendered(tab: Tab, saved: Saved, forms: set[Form]) -> None:
    """Apply what one run that draws `forms` does to the tab's records (belangen.form_state):
    typed values join the draft, a version saved elsewhere replaces what is shown except the
    user's changes, and those are set aside when the user comes back to the form later."""
    for form in forms:
        current, values = saved.version(form), saved.form_values(form)
        record = tab.records.get(form)
        staying = form in tab.drawn
        if record is None:
            record = tab.records[form] = Record(current, current)
        for name, value in tab.pending.pop(form, {}).items():
            record.draft[name] = value
        if record.seen != current:
            if record.draft and not staying:
                record.draft = {}  # set aside, visibly, for the user to bring back or drop
            record.seen = current
        record.draft = {name: value for name, value in record.draft.items()
                        if name in values and values[name] != value}
        if not record.draft:
            record.base = current
    tab.drawn = set(forms)


def expected_fields(tab: Tab, saved: Saved, form: Form) -> dict:
    values = saved.form_values(form)
    draft = tab.records[form].draft
    return {**values, **{name: value for name, value in draft.items() if name in values}}


# --- reading the page -------------------------------------------------------------------------


def rating_of(radio) -> int | None:
    checked = radio.locator("label").filter(has=radio.page.locator("input:checked"))
    if not checked.count():
        return None
    return int(checked.inner_text().split(" · ")[0])


def shown_fields(app: AppPage, form: Form, expected: dict) -> dict:
    return flows.shown_once_drawn(app, lambda: read_fields(app, form, expected), expected)


def read_fields(app: AppPage, form: Form, expected: dict) -> dict:
    values = {}
    for name in expected:
        box = flows.field(app, form.id, name)
        if name.startswith("done_"):
            values[name] = box.locator("input").is_checked()
        elif name.endswith("reflection"):
            values[name] = box.locator("textarea").input_value()
        elif name.endswith("target"):
            combobox = box.get_by_role("combobox")
            text = combobox.input_value() or combobox.get_attribute("placeholder") or ""
            values[name] = None if text in ("", "—") else int(text.split(" · ")[0])
        else:
            values[name] = rating_of(box)
    return values


def database(server: AppServer) -> dict:
    """What the server committed, in the model's shape, with the row counts beside it."""
    with committed_copy(server.db_path) as con:
        follow_ups: dict = {}
        for stakeholder, week, reflection, ratings in con.execute(
            "SELECT f.stakeholder_id, f.week, f.reflection, "
            "map(list(r.dimension ORDER BY r.dimension), list(r.rating ORDER BY r.dimension)) "
            "FROM follow_up f JOIN follow_up_rating r ON r.follow_up_id = f.id "
            "GROUP BY f.id, f.stakeholder_id, f.week, f.reflection ORDER BY f.id"
        ).fetchall():
            follow_ups.setdefault((stakeholder, week), []).append(
                {"ratings": dict(ratings), "reflection": reflection})
        sheet: dict = {}
        for stakeholder, dimension, rating, target, reflection in con.execute(
            "SELECT stakeholder_id, dimension, rating, target, reflection FROM worksheet_entry "
            "ORDER BY id"
        ).fetchall():
            sheet.setdefault((stakeholder, dimension), []).append(
                {"rating": rating, "target": target, "reflection": reflection})
        open_actions: dict = {}
        for stakeholder, action in con.execute(
            "SELECT stakeholder_id, id FROM action WHERE status IN ('planned', 'in_progress') "
            "ORDER BY id"
        ).fetchall():
            open_actions.setdefault(stakeholder, []).append(action)
        counts = con.execute(
            "SELECT (SELECT count(*) FROM follow_up), (SELECT count(*) FROM follow_up_rating)"
        ).fetchall()[0]
    return {"follow_ups": follow_ups, "worksheet": sheet, "open_actions": open_actions,
            "ratings_per_follow_up": counts[1] / counts[0] if counts[0] else 4}


def choose_once(app: AppPage, select, text: str) -> None:
    """One choice, as a user makes it: the list is opened again if it shut by itself before
    the click (a quirk of the list, not of the app), but a click that landed is never repeated,
    so a picker that ignores a choice is seen ignoring it."""
    for _ in range(4):
        option = app.open_select(select).filter(has_text=text).first
        try:
            option.wait_for(state="visible", timeout=2_000)
        except PlaywrightTimeout:
            continue
        app.act(lambda: option.click(timeout=2_000))  # noqa: B023
        return
    raise AssertionError(f"the list never showed {text!r}")


# --- the walk ---------------------------------------------------------------------------------


class Walk:
    def __init__(self, seed: int, context: BrowserContext, server: AppServer,
                 seeded: dict) -> None:
        self.random = random.Random(seed)
        self.context = context
        self.server = server
        self.names = {name: seeded[name] for name in NAMES}
        self.saved = Saved(follow_ups={}, worksheet=dict(seeded["worksheet"]),
                           open_actions={sid: list(actions)
                                         for sid, actions in seeded["actions"].items()})
        self.tabs = [self.open_tab()]
        self.active = 0
        self.log: list[str] = []
        self.refusal_expected = False
        self.expected_next: int | None = None

    @property
    def tab(self) -> Tab:
        return self.tabs[self.active]

    def open_tab(self) -> Tab:
        start = "/" if flows.lang() == "nl" else f"/?lang={flows.lang()}"
        return Tab(AppPage(self.context.new_page(), self.server.base_url).open(start))

    # -- one step ------------------------------------------------------------------------------

    def step(self, number: int) -> None:
        choices: list[tuple[int, Callable[[], None]]] = [
            (14, self.goto), (4, self.reload), (3, self.back), (4, self.switch_tab),
        ]
        if self.tab.page in ("follow_up", "worksheet", "stakeholders") or (
                self.tab.page == "trends" and self.tab.trends_view == "stakeholder"):
            choices.append((10, self.pick_stakeholder))
        if self.tab.page == "trends":
            choices.append((8, self.choose_trends))
        if self.tab.page == "follow_up":
            choices += [(8, self.pick_week), (14, self.choose_rating), (12, self.type_reflection),
                        (4, self.tick_action), (12, self.save), (4, self.unchanged)]
        if self.tab.page == "worksheet":
            choices += [(14, self.choose_rating), (12, self.type_reflection), (10, self.save)]
        if self.tab.page in ("follow_up", "worksheet") and self.stale_box().count():
            choices.append((20, self.settle_conflict))
        weights, actions = zip(*choices, strict=True)
        action = self.random.choices(actions, weights=weights)[0]
        self.log.append(f"{number}: tab {self.active} {self.tab.page} {action.__name__}")
        action()
        self.check()

    def forms_now(self) -> set[Form]:
        form = shown_form(self.tab, self.names)
        return {form} if form else set()

    def after_run(self) -> None:
        """The step reran the tab's page: apply it to the model. A new run draws no error box
        of an earlier refusal."""
        self.refusal_expected = False
        self.tab.fresh = True
        self.tab.page = self.page_of(self.tab.app)
        rendered(self.tab, self.saved, self.forms_now())

    @staticmethod
    def page_of(app: AppPage) -> str:
        path = urlsplit(app.page.url).path.strip("/").rsplit("/", 1)[-1]
        return {"": "overview", "home": "overview"}.get(path, path)

    # -- steps ---------------------------------------------------------------------------------

    def goto(self) -> None:
        page = self.random.choice([p for p in PAGES if p != self.tab.page])
        self.tab.app.goto_page(tr(PAGES[page]))
        self.tab.history += 1
        self.after_run()
        assert self.tab.page == page, self.tab.page

    def reload(self) -> None:
        app = self.tab.app
        app.page.reload()
        app.wait_idle(-1, settle_ms=400)
        # A reload is a new session: unsaved drafts and the Trends choices live in the old one.
        self.tab.records.clear()
        self.tab.drawn = set()
        self.tab.trends_view, self.tab.trends_period = Tab.trends_view, Tab.trends_period
        self.after_run()

    def back(self) -> None:
        """The browser's back button, as long as it leads to another page of the app."""
        if self.tab.history <= 1:
            return self.goto()
        app = self.tab.app
        app.act(app.page.go_back)
        self.tab.history -= 1
        assert app.page.url.startswith(self.server.base_url), app.page.url
        self.after_run()
        return None

    def switch_tab(self) -> None:
        if len(self.tabs) == 1:
            self.tabs.append(self.open_tab())
            self.active = 1
            self.after_run()
            return
        self.active = 1 - self.active
        self.tab.app.page.bring_to_front()
        # Nothing reruns by bringing a tab to the front: it shows its last run until a step
        # reruns it, and that run is checked.
        self.tab.fresh = False

    def pick_stakeholder(self) -> None:
        app = self.tab.app
        name = self.random.choice(NAMES)
        if name in flows.chosen_stakeholder(app):
            return self.after_run_checked_without_rerun()
        choose_once(app, flows.stakeholder_picker(app), name)
        self.after_run()
        assert name in flows.chosen_stakeholder(app), f"picked {name}, shows another"
        return None

    def choose_trends(self) -> None:
        """Another view or period on Trends, in any order."""
        app = self.tab.app
        if self.random.random() < 0.5:
            view = self.random.choice(TRENDS_VIEWS)
            flows.choose_trends_view(app, view)
            self.tab.trends_view = view
        elif self.tab.trends_view in PERIOD_VIEWS:
            period = self.random.choice(TRENDS_PERIODS)
            flows.choose_trends_period(app, period)
            self.tab.trends_period = period
        self.after_run()

    def after_run_checked_without_rerun(self) -> None:
        """A step that changed nothing on screen: the model stands as it is."""

    def pick_week(self) -> None:
        app = self.tab.app
        week = self.random.choice(recent_weeks())
        label = flows.week_label(week)
        combobox = app.key("fu_week").get_by_role("combobox")
        if combobox.input_value() == label:
            return
        choose_once(app, app.key("fu_week"), label)
        self.after_run()
        assert combobox.input_value() == label

    def current_form(self) -> Form:
        (form,) = self.forms_now()
        return form

    def choose_rating(self) -> None:
        form = self.current_form()
        key = self.random.choice(DIMENSIONS)
        rating = self.random.randint(1, 5)
        name = f"rating_{key}" if form.kind == "follow_up" else f"{key}_rating"
        radio = flows.field(self.tab.app, form.id, name)
        label = radio.locator("label").filter(
            has_text=re.compile(rf"^{rating} · ")).first
        if label.locator("input").is_checked():
            return
        self.tab.pending.setdefault(form, {})[name] = rating
        self.tab.app.act(label.click)
        self.after_run()

    def type_reflection(self) -> None:
        form = self.current_form()
        if form.kind == "follow_up":
            name = "reflection"
        else:
            name = f"{self.random.choice(DIMENSIONS)}_reflection"
        text = " ".join(self.random.choices(WORDS, k=self.random.randint(1, 4)))
        box = flows.field(self.tab.app, form.id, name).locator("textarea")
        if box.input_value() == text:
            return
        self.tab.pending.setdefault(form, {})[name] = text
        flows.type_text(self.tab.app, box, text)
        self.after_run()

    def tick_action(self) -> None:
        form = self.current_form()
        actions = self.saved.open_actions[form.stakeholder]
        if not actions:
            return
        name = f"done_{actions[0]}"
        box = flows.field(self.tab.app, form.id, name)
        ticked = box.locator("input").is_checked()
        self.tab.pending.setdefault(form, {})[name] = not ticked
        self.tab.app.act(box.locator("label").first.click)
        self.after_run()

    def stale_box(self):
        form = shown_form(self.tab, self.names)
        return self.tab.app.key(f"{form.id}__stale") if form else self.tab.app.key("none")

    def settle_conflict(self) -> None:
        form = self.current_form()
        record = self.tab.records[form]
        keep = self.random.random() < 0.5
        button = self.stale_box().get_by_role(
            "button", name=tr("form.keep_mine") if keep else tr("form.load_newest"))
        self.tab.app.click(button)
        if keep:
            record.base = record.seen
        else:
            record.draft = {}
            record.base = record.seen
        self.after_run()

    def save(self) -> None:
        form = self.current_form()
        # The click's own run draws the form first (a version saved in another tab shows up).
        rendered(self.tab, self.saved, {form})
        expected = expected_fields(self.tab, self.saved, form)
        record = self.tab.records[form]
        stale = record.base != self.saved.version(form)
        double = self.random.random() < 0.3
        button = flows.form_button(self.tab.app, form.id)
        if form.kind == "follow_up":
            ok = None not in [expected[f"rating_{key}"] for key in DIMENSIONS] and not stale
        else:
            changed = {key for key in DIMENSIONS
                       if any(name.startswith(f"{key}_") for name in record.draft)}
            # Nothing changed: the page says so and stores nothing.
            ok = bool(changed) and not stale and all(
                expected[f"{key}_rating"] is not None for key in changed)
        self.tab.app.act(button.dblclick if double else button.click)
        if double:
            self.tab.app.wait_idle(self.tab.app.runs(), settle_ms=600)
        self.expected_next = None
        if ok:
            self.apply_save(form, expected)
        self.after_run()
        self.refusal_expected = not ok
        self.check_moved_on(form, ok)
        self.check_database()

    def check_moved_on(self, form: Form, saved: bool) -> None:
        if form.kind != "follow_up":
            return
        chosen = shown_form(self.tab, self.names)
        expected = self.expected_next if saved and self.expected_next else form.stakeholder
        assert chosen is not None and chosen.stakeholder == expected, (
            f"after saving shows {chosen}, expected stakeholder {expected}")

    def apply_save(self, form: Form, values: dict) -> None:
        record = self.tab.records[form]
        if form.kind == "follow_up":
            first = not self.saved.logged(form.stakeholder, form.week)
            self.saved.follow_ups.setdefault((form.stakeholder, form.week), []).append(
                {"ratings": {key: values[f"rating_{key}"] for key in DIMENSIONS},
                 "reflection": values["reflection"]})
            for name, ticked in values.items():
                if name.startswith("done_") and ticked:
                    self.saved.open_actions[form.stakeholder].remove(int(name[5:]))
            self.moved_on(form, first)
        else:
            for key in DIMENSIONS:
                if any(name.startswith(f"{key}_") for name in record.draft):
                    self.saved.worksheet.setdefault((form.stakeholder, key), []).append(
                        {name: values[f"{key}_{name}"]
                         for name in ("rating", "target", "reflection")})
        del self.tab.records[form]  # saved: the next drawing starts from the database

    def moved_on(self, form: Form, first: bool) -> None:
        """After the first save of this week, the page goes on with the next one to do."""
        this_week = domain.week_start(dt.date.today())
        todo = [sid for sid in self.names.values()
                if sid != form.stakeholder and not self.saved.logged(sid, form.week)]
        self.expected_next = todo[0] if first and form.week == this_week and todo else None

    def unchanged(self) -> None:
        form = self.current_form()
        button = flows.form_button(self.tab.app, form.id, "unchanged")
        ratings = self.saved.previous_ratings(form.stakeholder, form.week)
        if not button.count():
            typed = bool(self.tab.records.get(form, Record(None, None)).draft)
            assert self.saved.logged(form.stakeholder, form.week) or ratings is None or typed, (
                "'Niets veranderd — opslaan' is missing")
            return
        assert not self.tab.records[form].draft, (
            "'Niets veranderd — opslaan' offered over typed changes")
        rendered(self.tab, self.saved, {form})
        stale = self.tab.records[form].base != self.saved.version(form)
        self.tab.app.click(button)
        self.expected_next = None
        if not stale:
            values = {f"rating_{key}": ratings[key] for key in DIMENSIONS}
            values.update({f"done_{action}": False
                           for action in self.saved.open_actions[form.stakeholder]})
            self.apply_save(form, {**values, "reflection": ""})
        self.after_run()
        self.refusal_expected = stale
        self.check_moved_on(form, not stale)
        self.check_database()

    # -- checks --------------------------------------------------------------------------------

    def check(self) -> None:
        app = self.tab.app
        context = "\n".join(self.log[-8:])
        assert not app.exception_texts(), f"{app.exception_texts()}\n{context}"
        errors = app.page.get_by_test_id("stMain").get_by_test_id("stAlertContentError")
        if not self.refusal_expected and self.tab.fresh:
            assert not errors.count(), f"{errors.all_inner_texts()}\n{context}"
        if not self.tab.fresh:
            return
        if self.tab.page == "trends":
            self.check_trends(context)
        for form in self.tab.drawn:
            expected = expected_fields(self.tab, self.saved, form)
            shown = shown_fields(app, form, expected)
            assert shown == expected, f"{form}: shows {shown}, expected {expected}\n{context}"

    def check_trends(self, context: str) -> None:
        """Trends shows the view and period last chosen in this session, and only that view."""
        app = self.tab.app
        checked = app.key("tr_view").get_by_role("radio", checked=True)
        assert checked.inner_text().strip() == tr(f"trends.view_{self.tab.trends_view}"), context
        period = app.key("tr_period")
        if self.tab.trends_view in PERIOD_VIEWS:
            shown = period.get_by_role("radio", checked=True).inner_text().strip()
            assert shown == tr(f"trends.period_{self.tab.trends_period}"), context
        else:
            assert not period.count(), f"a period control on {self.tab.trends_view}\n{context}"

    def check_database(self) -> None:
        stored = database(self.server)
        context = "\n".join(self.log[-8:])
        assert stored["follow_ups"] == self.saved.follow_ups, context
        assert stored["worksheet"] == self.saved.worksheet, context
        assert {sid: actions for sid, actions in stored["open_actions"].items() if actions} == {
            sid: actions for sid, actions in self.saved.open_actions.items() if actions}, context
        assert stored["ratings_per_follow_up"] == 4, "a follow-up without its four ratings"


def seed_database(db_path) -> dict:
    """Three stakeholders in a project of five weeks: two with a worksheet and an open action
    each, the third with neither. Written through the Store before the server starts."""
    db = Store(db_path)
    seeded: dict = {"worksheet": {}, "actions": {}}
    try:
        project = db.create_project("Wandeling", "", "",
                                    db.today() - dt.timedelta(weeks=WEEKS_BACK))
        for number, name in enumerate(NAMES):
            sid = seeded[name] = db.create_stakeholder(project, name, "", "", "")
            seeded["actions"][sid] = []
            if number == 2:
                continue
            for rating, row in zip((2, 3, 2, 1), worksheet.DIMENSIONS, strict=True):
                db.save_worksheet_entry(sid, row.key, reflection="Start", rating=rating,
                                        target=4)
                seeded["worksheet"][(sid, row.key)] = [
                    {"rating": rating, "target": 4, "reflection": "Start"}]
            seeded["actions"][sid].append(
                db.add_action(sid, worksheet.CONVERSATION.key, f"Koffie met {name}"))
    finally:
        db.close()
    return seeded


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_random_walk_keeps_every_form_and_the_database_honest(seed, language, browser,
                                                                 tmp_path):
    """A fresh database and server per seed, so every walk starts from the same state; the
    screens behave the same in English."""
    seeded = seed_database(tmp_path / "belangen.duckdb")
    server = AppServer(tmp_path / "belangen.duckdb", tmp_path / "streamlit.log")
    server.start()
    context, log = new_context(browser, server, {"width": 1280, "height": 900})
    with flows.speaking(language):
        walk = Walk(seed * 7 + len(language), context, server, seeded)
    try:
        with flows.speaking(language):
            for number in range(STEPS):
                walk.step(number)
            walk.check_database()
        log.assert_clean()
    except BaseException:
        for number, tab in enumerate(walk.tabs):
            tab.app.page.screenshot(path=tmp_path / f"walk-tab{number}.png", full_page=True)
        print("\n".join(walk.log[-30:]))
        print(f"screenshots and server log in {tmp_path}")
        raise
    finally:
        context.close()
        server.stop()
