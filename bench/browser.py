"""What the user waits for, timed in Chromium: `streamlit run app.py` at S, L-visible and L, and
`streamlit hello` beside it, in one run.

`python -m bench.browser --db S=PATH --db L-visible=PATH --db L=PATH --rounds N --work DIR`
prints one JSON object on its last line (progress goes to stderr); `python -m bench` runs it,
prints its table beside the AppTest one and checks its targets.

How one measurement is taken
----------------------------
Every tab carries `INSTRUMENT`, a Playwright init script, in place before Streamlit loads. It
keeps a buffered `PerformanceObserver` of type `longtask`; listens on the app's WebSocket
(`/_stcore/stream`) for the server's run reports (`new_session` starts a script run,
`script_finished` ends it, with a status that says whether an `st.rerun()` follows); watches
`stApp`'s `data-test-script-state`; and notes the `pointerdown` that starts an interaction.

1. Untimed preparation: the tab is idle (`notRunning`, no run open, no change for `SETTLE_MS`);
   then what the interaction needs is chosen and a selectbox's list is opened (retried: the first
   click after a rerun sometimes only focuses it). A helper returns the one element to click.
2. `__bench.arm()`, then exactly one Playwright `click()` on that element. A click is never
   repeated: if it does not reach the page, or does not do what it should (checked after it:
   the page shown, the stakeholder chosen, the save confirmed), the sample is an error.
3. Start: the `timeStamp` of that click's `pointerdown`, on the page's own clock
   (`performance.now()`), so Playwright's round trips are not in the figure.
4. End: after every painted frame (`requestAnimationFrame`, then a task, so the check runs once
   the frame is on screen) the page checks that no script run is open (the last
   `script_finished` after the click is not `FINISHED_EARLY_FOR_RERUN` — between a save's run
   and the rerun it asks for, Streamlit shows `notRunning` for a few hundred ms), that `stApp`
   says `notRunning`, and that every visible chart (a `stVegaLiteChart` whose `.vega-embed`
   holds a drawn `svg.marks`/`canvas.marks`), dataframe (its canvas has a size) and metric (its
   value has text) is drawn and no skeleton is shown. "Visible" is `checkVisibility()`: hidden
   tabs, closed expanders and `display: none` do not count; elements below the fold do. Where
   the screen is known (`Drawn`: each Trends view, Trends on arrival), also that exactly its
   number of charts is visible, and — as the click changes what every chart shows — that each
   was drawn after the click. The end is the first check after which this held without a
   break; it is accepted once it has held for `SETTLE_MS` with no change of run state (the
   settle time is not in the figure). A click must have started a run within
   `RUN_START_TIMEOUT_MS`.
5. The longest main-thread block: the longest `longtask` entry overlapping [start, end], read
   after each interaction (0 when no task reached the API's 50 ms).
6. `streamlit hello`'s plotting demo is timed to its first chart drawn (`first_chart`); its
   block is taken over its whole run, the animation included.

Rounds are interleaved: each round visits S, L-visible, L and hello in a rotating order. Round 0
(cold caches, first imports) is not counted.

The pages are `belangen.screens.SCREENS`, titled from the catalogue, in menu order (the run
stops if the app's menu differs); Trends' views are `flows.TRENDS_VIEWS`, checked against its
view control the same way.

Adding an interaction: write a helper that prepares the screen and returns the `Locator` to
click (as `menu_link`, `stakeholder_option` and `switch_trends_view` do), then add one
`self.time(name, step, kinds=...)` line to `AppSession.one_round`, where `step` calls `measure`
(with a `Drawn` if the screen's charts are known) and checks what the click should have done.
`kinds` picks its targets: every interaction at L is held to 2× hello's text page, "trends" to
3× instead; "page" is also held to L ≤ 1.25× L-visible.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import json
import re
import statistics
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, ViewportSize, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from belangen import domain, screens, worksheet
from bench.measure import busiest
from tests.e2e import flows
from tests.e2e.harness import AppPage, AppServer, launch_chromium, new_context

VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
SETTLE_MS = 300
RUN_START_TIMEOUT_MS = 10_000  # every click measured reruns the script: no run by then is an error
INTERACTION_TIMEOUT_MS = 180_000
CLICK_TIMEOUT_MS = 30_000
HELLO_TEXT_PAGE = "Hello"
HELLO_PLOT_PAGE = "Plotting demo"
HELLO_ARGUMENTS = ("hello", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false")
# The charts each Trends view draws for the busiest project and stakeholder (pages/trends.py;
# tests/test_pages.py counts the same): the view is drawn once that many are.
TRENDS_VIEW_CHARTS = {"stakeholder": 1, "latest": 2, "course": 1, "what_worked": 1}
# The views held to the 3× target. The issue named "per stakeholder, and the project view"; the
# project tab of then is "latest" (heatmap, position grid) and "course" (small multiples) now.
TRENDS_HEAVY_VIEWS = frozenset({"stakeholder", "latest", "course"})
# Trends opens on the view it showed last in the session; every round leaves it on this one.
TRENDS_ARRIVAL_VIEW = "stakeholder"

INSTRUMENT = """
(() => {
  if (window.__bench) return;
  const bench = window.__bench = {
    runs: 0, openRun: false, runChangedAt: 0, stateChangedAt: 0, longTasks: [],
    longTaskError: null, armed: false, clickAt: null, runsAtArm: 0, doneSince: null,
    firstChartAt: null, lastIdleAt: null, expectedCharts: null, oldMarks: new WeakSet(),
  };
  const RERUN_FOLLOWS = 2;  // ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        bench.longTasks.push([entry.startTime, entry.duration]);
      }
    }).observe({type: 'longtask', buffered: true});
  } catch (error) {
    bench.longTaskError = String(error);
  }

  // The top-level fields of one ForwardMsg (protobuf): field number -> varint value or true.
  const topFields = (bytes) => {
    const fields = {};
    let at = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do {
        byte = bytes[at++];
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80 && at < bytes.length);
      return value;
    };
    while (at < bytes.length) {
      const key = varint(), number = Math.floor(key / 8), wire = key % 8;
      if (wire === 0) fields[number] = varint();
      else if (wire === 2) { const length = varint(); fields[number] = true; at += length; }
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else break;
    }
    return fields;
  };
  bench.topFields = topFields;  // for tests/e2e/test_bench_instrument.py
  const onMessage = (event) => {
    if (!(event.data instanceof ArrayBuffer)) return;
    const fields = topFields(new Uint8Array(event.data));
    if (fields[4] !== undefined) {  // new_session: a script run starts
      bench.runs += 1;
      bench.openRun = true;
      bench.runChangedAt = performance.now();
    } else if (fields[6] !== undefined) {  // script_finished
      bench.openRun = fields[6] === RERUN_FOLLOWS;
      bench.runChangedAt = performance.now();
    }
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      if (String(args[0]).includes('/_stcore/stream')) this.addEventListener('message', onMessage);
    }
  };

  const watchState = () => new MutationObserver((records) => {
    for (const record of records) {
      if (record.target.getAttribute('data-testid') !== 'stApp') continue;
      bench.stateChangedAt = performance.now();
      if (record.target.getAttribute('data-test-script-state') === 'notRunning') {
        bench.lastIdleAt = bench.stateChangedAt;
      }
    }
  }).observe(document.documentElement, {
    subtree: true, attributes: true, attributeFilter: ['data-test-script-state'],
  });
  if (document.documentElement) watchState();
  else document.addEventListener('DOMContentLoaded', watchState);
  window.addEventListener('pointerdown', (event) => {
    if (bench.armed && bench.clickAt === null) bench.clickAt = event.timeStamp;
  }, true);

  const shown = (el) => el.checkVisibility({visibilityProperty: true});
  const MARKS = '.vega-embed > .marks';
  // A chart is drawn once its marks are; with `fresh`, only marks made after the click count (a
  // chart redrawn with a new spec must not pass on the drawing it had before).
  const chartDrawn = (el) => {
    const marks = el.querySelector(MARKS);
    if (!marks || bench.oldMarks.has(marks)) return false;
    if (marks.tagName.toLowerCase() === 'canvas') return marks.width > 0 && marks.height > 0;
    return marks.childElementCount > 0 && marks.getBoundingClientRect().width > 0;
  };
  const gridDrawn = (el) => {
    const canvas = el.querySelector('canvas');
    return !!canvas && canvas.width > 0 && canvas.height > 0;
  };
  const metricDrawn = (el) => {
    const value = el.querySelector("[data-testid='stMetricValue']");
    return !!value && value.textContent.trim() !== '';
  };
  const KINDS = {
    charts: ["[data-testid='stVegaLiteChart']", chartDrawn],
    dataframes: ["[data-testid='stDataFrame']", gridDrawn],
    metrics: ["[data-testid='stMetric']", metricDrawn],
    skeletons: ["[data-testid='stSkeleton']", () => false],
  };
  const visible = (selector) => Array.from(document.querySelectorAll(selector)).filter(shown);
  // What is not drawn yet, or null. `expectedCharts`: a screen that shows that many charts is
  // only drawn once that many are visible (fewer: the rest has not arrived yet).
  bench.pending = (expectedCharts = null) => {
    if (expectedCharts !== null && visible(KINDS.charts[0]).length !== expectedCharts) {
      return 'charts';
    }
    for (const [kind, [selector, drawn]] of Object.entries(KINDS)) {
      if (visible(selector).some((el) => !drawn(el))) return kind;
    }
    return null;
  };
  bench.counts = () => Object.fromEntries(
    Object.entries(KINDS).map(([kind, [selector]]) => [kind, visible(selector).length]));
  const freshChartDrawn = () => visible("[data-testid='stVegaLiteChart']")
    .some((el) => !el.closest("[data-stale='true']") && chartDrawn(el));
  const appState = () => {
    const app = document.querySelector("[data-testid='stApp']");
    return app ? app.getAttribute('data-test-script-state') : null;
  };
  const lastChange = () => Math.max(bench.stateChangedAt, bench.runChangedAt);
  bench.idle = (settleMs) => appState() === 'notRunning' && !bench.openRun
    && performance.now() - lastChange() >= settleMs;

  const check = () => {
    if (!bench.armed) return;
    if (bench.clickAt !== null) {
      const now = performance.now();
      // A change of run state after the moment it looked done: it was not done.
      if (bench.doneSince !== null && lastChange() > bench.doneSince) bench.doneSince = null;
      const ran = bench.runs > bench.runsAtArm;
      if (bench.firstChartAt === null && ran && freshChartDrawn()) bench.firstChartAt = now;
      const done = !bench.openRun && appState() === 'notRunning'
        && bench.pending(bench.expectedCharts) === null;
      if (!done) bench.doneSince = null;
      else if (bench.doneSince === null) bench.doneSince = now;
    }
    requestAnimationFrame(() => channel.port2.postMessage(0));
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = check;

  bench.arm = ([expectedCharts, fresh]) => {
    const now = performance.now();
    bench.expectedCharts = expectedCharts;
    bench.oldMarks = new WeakSet(fresh ? document.querySelectorAll(MARKS) : []);
    bench.longTasks = bench.longTasks.filter(([start, duration]) => start + duration > now);
    bench.clickAt = null;
    bench.runsAtArm = bench.runs;
    bench.doneSince = null;
    bench.firstChartAt = null;
    if (!bench.armed) {
      bench.armed = true;
      requestAnimationFrame(() => channel.port2.postMessage(0));
    }
  };
  // The interaction's figures once it is over and has stayed so; null until then.
  // `runStartMs`: a click that started no run by then is over (and `follow` says so).
  bench.finished = ([settleMs, runStartMs]) => {
    if (bench.clickAt === null || bench.doneSince === null) return null;
    const now = performance.now();
    if (now - bench.doneSince < settleMs || now - lastChange() < settleMs) return null;
    const runs = bench.runs - bench.runsAtArm;
    if (runs === 0 && now - bench.clickAt < runStartMs) return null;
    const start = bench.clickAt, end = bench.doneSince;
    let longest = 0;
    for (const [taskStart, duration] of bench.longTasks) {
      if (taskStart < end && taskStart + duration > start) longest = Math.max(longest, duration);
    }
    bench.armed = false;
    return {start, end, runs, longest, firstChart: bench.firstChartAt,
            idle: runs && bench.lastIdleAt > start ? bench.lastIdleAt : null,
            counts: bench.counts(), longTaskError: bench.longTaskError};
  };
  bench.status = () => ({clickAt: bench.clickAt, pending: bench.pending(bench.expectedCharts),
                         state: appState(), openRun: bench.openRun,
                         runs: bench.runs - bench.runsAtArm, counts: bench.counts()});
})();
"""


class MeasurementError(AssertionError):
    """An interaction that did not do what it should: its sample is an error, never retried."""


@dataclass
class Sample:
    ms: float  # click to drawn (with first_chart: to the first chart drawn)
    total_ms: float  # click to drawn and idle, also when `ms` is to the first chart
    script_ms: float | None  # click to the last `notRunning` shown (the rest is drawing)
    block_ms: float  # the longest main-thread block during it
    runs: int  # script runs it caused (a save and its st.rerun: 2)
    counts: dict[str, int]  # visible charts, dataframes, metrics at the end


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Drawn:
    """What "drawn" means for one click beyond every visible chart, table and metric drawn.

    `charts`: how many visible charts the screen shows once done (None: any number). A screen's
    charts arrive one by one; without the count, a moment between two of them can look done.
    `fresh`: every chart must be drawn after the click, as when the click changes what each
    chart shows (another stakeholder, another view), so an old drawing does not count."""

    charts: int | None = None
    fresh: bool = False


ANY = Drawn()
TRENDS_ARRIVAL = Drawn(charts=TRENDS_VIEW_CHARTS[TRENDS_ARRIVAL_VIEW], fresh=True)


def follow(app: AppPage, target: Callable[[], Locator], drawn: Drawn = ANY) -> dict[str, Any]:
    """Wait for the tab to be idle, prepare `target()`, click it once and wait until what it
    caused is over and drawn; the page's own figures (see the module docstring)."""
    page = app.page
    page.wait_for_function("(settle) => window.__bench.idle(settle)", arg=SETTLE_MS,
                           polling=50, timeout=INTERACTION_TIMEOUT_MS)
    locator = target()  # the preparation (e.g. opening a list) is not timed
    page.evaluate("(arg) => window.__bench.arm(arg)", [drawn.charts, drawn.fresh])
    locator.click(timeout=CLICK_TIMEOUT_MS)
    try:
        handle = page.wait_for_function("(arg) => window.__bench.finished(arg)",
                                        arg=[SETTLE_MS, RUN_START_TIMEOUT_MS], polling=50,
                                        timeout=INTERACTION_TIMEOUT_MS)
    except PlaywrightTimeout as error:
        status = page.evaluate("() => window.__bench.status()")
        raise MeasurementError(f"not over and drawn in time: {status}") from error
    result = handle.json_value()
    if not result["runs"]:
        raise MeasurementError("the click started no script run")
    if result["longTaskError"]:
        raise MeasurementError(f"no Long Tasks API: {result['longTaskError']}")
    return result


def measure(app: AppPage, target: Callable[[], Locator], drawn: Drawn = ANY, *,
            first_chart: bool = False) -> Sample:
    """One sample: click `target()` once and wait until it is over and `drawn`; `first_chart`:
    time to the first chart drawn instead of to the end."""
    result = follow(app, target, drawn)
    total = result["end"] - result["start"]
    if first_chart and result["firstChart"] is None:
        raise MeasurementError("no chart was drawn")
    return Sample(
        ms=result["firstChart"] - result["start"] if first_chart else total,
        total_ms=total,
        script_ms=None if result["idle"] is None else result["idle"] - result["start"],
        block_ms=result["longest"], runs=result["runs"], counts=result["counts"],
    )


# --- what the user clicks: one helper per control, so a changed control changes one place ----


@dataclass(frozen=True)
class MenuEntry:
    """A page as the sidebar offers it: the title on its link and the path it is served at."""

    title: str
    path: str  # "" for the default page, served at /


def app_menu() -> list[MenuEntry]:
    """The app's pages in menu order, from the one registry app.py builds its menu from."""
    return [MenuEntry(flows.tr(screen.title_key), "" if screen.default else f"/{screen.url_path}")
            for screen in screens.SCREENS]


def _links(app: AppPage) -> Locator:
    return app.page.get_by_test_id("stSidebarNav").get_by_test_id("stSidebarNavLink")


def _title(text: str) -> str:
    return text.strip().splitlines()[-1].strip()  # the icon's name comes first


def menu_shown(app: AppPage) -> list[MenuEntry]:
    """The sidebar's links as the running app draws them (`streamlit hello` has no registry)."""
    _links(app).first.wait_for()
    return [MenuEntry(_title(link.inner_text()), _path(link.get_attribute("href") or ""))
            for link in _links(app).all()]


def check_menu(app: AppPage, menu: list[MenuEntry]) -> None:
    """The app draws the menu the benchmark will click through, or the run stops here."""
    shown = menu_shown(app)
    if shown != menu:
        raise SystemExit(f"the app's menu {shown} is not belangen.screens' {menu}")


def _link(app: AppPage, entry: MenuEntry) -> Locator:
    return _links(app).filter(has=app.page.get_by_text(entry.title, exact=True))


def on_page(app: AppPage, entry: MenuEntry) -> bool:
    return _path(app.page.url) == entry.path


def _path(url: str) -> str:
    return urlsplit(url).path.rstrip("/")


def menu_link(app: AppPage, entry: MenuEntry) -> Locator:
    """The sidebar link to a page; refuses the page already shown (its click reruns nothing)."""
    if on_page(app, entry):
        raise MeasurementError(f"already on {entry.title}")
    return _link(app, entry)


def check_on_page(app: AppPage, entry: MenuEntry) -> None:
    if not on_page(app, entry):
        raise MeasurementError(f"not on {entry.title} but on {app.page.url}")


def go_to(app: AppPage, entry: MenuEntry, drawn: Drawn = ANY) -> None:
    """Untimed: open a page by the menu, unless it is shown already."""
    if not on_page(app, entry):
        follow(app, lambda: _link(app, entry), drawn)
        check_on_page(app, entry)


def stakeholder_option(app: AppPage, person: Person) -> Locator:
    """The person's option in the page's stakeholder picker: the list opened and the name typed
    to filter it, as a user does with forty names (the list renders only what is in view).
    Opening is retried: the list sometimes shuts by itself."""
    picker = flows.stakeholder_picker(app)
    for _ in range(4):
        options = app.open_select(picker)
        app.page.keyboard.type(person.name)
        option = options.filter(has_text=person.label)
        try:
            option.wait_for(state="visible", timeout=2_000)
            return option
        except PlaywrightTimeout:
            app.page.keyboard.press("Escape")
    raise MeasurementError(f"{person.name} not found in the stakeholder picker")


def check_stakeholder(app: AppPage, person: Person) -> None:
    shown = flows.chosen_stakeholder(app)
    if not person.label.search(shown):
        raise MeasurementError(f"the picker shows {shown!r}, not {person.name}")


def choose_stakeholder(app: AppPage, person: Person) -> None:
    """Untimed: make `person` the one the page shows."""
    if not person.label.search(flows.chosen_stakeholder(app)):
        follow(app, lambda: stakeholder_option(app, person))
        check_stakeholder(app, person)


def trends_view_label(view: str) -> str:
    return flows.tr(f"trends.view_{view}")


def check_trends_views(app: AppPage) -> None:
    """On Trends: its view control offers the views the benchmark knows, in its order, or the
    run stops here (a new view needs its chart count in TRENDS_VIEW_CHARTS)."""
    buttons = app.key("tr_view").locator("button")
    buttons.first.wait_for()
    shown = [text.strip() for text in buttons.all_inner_texts()]
    known = [trends_view_label(view) for view in flows.TRENDS_VIEWS]
    if shown != known or set(TRENDS_VIEW_CHARTS) != set(flows.TRENDS_VIEWS):
        raise SystemExit(f"Trends offers the views {shown}, the benchmark knows {known}")


def switch_trends_view(app: AppPage, view: str) -> Locator:
    """The button that shows `view` on Trends; refuses the view already shown."""
    button = flows.trends_view_button(app, view)
    if flows.trends_view_chosen(button):
        raise MeasurementError(f"Trends already shows {view}")
    return button


def check_trends_view(app: AppPage, view: str) -> None:
    if not flows.trends_view_chosen(flows.trends_view_button(app, view)):
        raise MeasurementError(f"Trends does not show the view {view}")


def prepare_follow_up(app: AppPage, person: Person, week: dt.date, ratings: tuple[int, ...]
                      ) -> str:
    """Untimed: on the follow-up page, the week and person chosen and all four ratings set, so
    the save stores a new version (never refused for a missing rating). Returns the form id."""
    flows.choose_week(app, week)
    choose_stakeholder(app, person)
    form = flows.follow_up_form(person.id, week)
    for row, rating in zip(worksheet.DIMENSIONS, ratings, strict=True):
        radio = flows.field(app, form, f"rating_{row.key}")
        option = radio.locator("label").filter(has_text=flows.rating_option(row, rating)).first
        if not option.locator("input").is_checked():
            follow(app, _this(option))
        if not option.locator("input").is_checked():
            raise MeasurementError(f"rating {row.key} = {rating} not chosen")
    return form


def _this(locator: Locator) -> Callable[[], Locator]:
    """A target for `follow` that needs no preparation (bound now, not when the loop ends)."""
    return lambda: locator


def check_saved(app: AppPage, person: Person) -> None:
    saved = flows.tr("follow_up.saved", name=person.name)
    if not app.page.get_by_test_id("stToast").filter(has_text=saved).count():
        errors = app.page.get_by_test_id("stAlertContentError").all_inner_texts()
        raise MeasurementError(f"the save was not confirmed; errors shown: {errors}")


# --- sessions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str

    @property
    def label(self) -> re.Pattern[str]:
        """The picker's option for this person ("name — role", maybe after ✓/○), exactly."""
        shown = f"{self.name} — {self.role}" if self.role else self.name
        return re.compile(rf"^\s*(?:[✓○]\s)?{re.escape(shown)}\s*$")


def people(path: Path) -> tuple[Person, Person]:
    """The busiest stakeholder of the busiest project (as bench.measure picks them) and the
    next busiest of the same project."""
    project_id, stakeholder_id = busiest(path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute(
            "SELECT s.id, s.name, s.role FROM stakeholder s LEFT JOIN follow_up f "
            "ON f.stakeholder_id = s.id WHERE s.project_id = ? AND NOT s.archived "
            "GROUP BY s.id, s.name, s.role ORDER BY s.id = ? DESC, count(f.id) DESC, s.id "
            "LIMIT 2",
            [project_id, stakeholder_id]).fetchall()
    finally:
        con.close()
    first, second = (Person(int(i), str(n), str(r or "")) for i, n, r in rows)
    return first, second


@dataclass
class Session:
    """One tab on one server, and what it measured."""

    name: str
    app: AppPage
    start_path: str
    recording: bool = False
    samples: dict[str, list[Sample]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, list[str]] = field(default_factory=dict)

    def time(self, name: str, step: Callable[[], Sample], *, kinds: tuple[str, ...] = ()
             ) -> bool:
        """Take one sample of `name`; on failure note it and reopen the tab. True if taken."""
        self.kinds[name] = list(kinds)
        try:
            sample = step()
        except (PlaywrightError, AssertionError) as error:
            self.failed(name, error)
            return False
        if self.recording:
            self.samples.setdefault(name, []).append(sample)
        return True

    def failed(self, name: str, error: Exception) -> None:
        text = f"{type(error).__name__}: {(str(error).strip().splitlines() or [''])[0][:300]}"
        log(f"  {self.name}: {name}: {text}")
        if not isinstance(error, MeasurementError):
            traceback.print_exc(file=sys.stderr)
        self.errors.setdefault(name, []).append(text)
        self.app.open(self.start_path)

    def one_round(self) -> None:
        raise NotImplementedError


@dataclass
class AppSession(Session):
    people: tuple[Person, Person] = ()  # type: ignore[assignment]
    menu: list[MenuEntry] = field(default_factory=app_menu)
    saves: int = 0

    def entry(self, screen: screens.Screen) -> MenuEntry:
        return self.menu[screens.SCREENS.index(screen)]

    def one_round(self) -> None:
        """Every page by the menu, with the follow-up and Trends interactions on the way; then a
        save and the menu to Trends right after it. Ends on Trends, where the next one starts.

        The busiest person is shown everywhere but between the follow-up page (switch to the
        other) and Trends (switch back), so each page draws the same person in every round.
        Trends is left on TRENDS_ARRIVAL_VIEW, so it opens on that view in the next round."""
        app = self.app
        busiest_person, other = self.people
        follow_up, trends = self.entry(screens.FOLLOW_UP), self.entry(screens.TRENDS)
        if on_page(app, self.menu[0]):  # first round, or after an error: the first click
            go_to(app, trends, TRENDS_ARRIVAL)  # must leave for somewhere, as after a round
        for screen, entry in zip(screens.SCREENS, self.menu, strict=True):
            on_trends = screen == screens.TRENDS

            def visit(entry: MenuEntry = entry, on_trends: bool = on_trends) -> Sample:
                sample = measure(app, lambda: menu_link(app, entry),
                                 TRENDS_ARRIVAL if on_trends else ANY)
                check_on_page(app, entry)
                if on_trends:
                    check_trends_view(app, TRENDS_ARRIVAL_VIEW)
                return sample

            kinds = ("page", "trends") if on_trends else ("page",)
            if not self.time(f"menu → {entry.title}", visit, kinds=kinds):
                continue
            if screen == screens.FOLLOW_UP:
                self.time("follow-up: switch stakeholder", lambda: self._switch_to(other))
            if on_trends:
                self._on_trends(busiest_person)
        self._save_then_trends(busiest_person, follow_up, trends)

    def _on_trends(self, person: Person) -> None:
        """Switch back to the busiest person, then each other view and back to the first."""
        self.time("Trends: switch stakeholder", lambda: self._switch_to(person, TRENDS_ARRIVAL),
                  kinds=("trends",))
        views = list(flows.TRENDS_VIEWS)
        first = views.index(TRENDS_ARRIVAL_VIEW)
        for view in views[first + 1:] + views[:first + 1]:
            self.time(f"Trends view → {trends_view_label(view)}",
                      functools.partial(self._view, view),
                      kinds=("trends",) if view in TRENDS_HEAVY_VIEWS else ())

    def _save_then_trends(self, person: Person, follow_up: MenuEntry, trends: MenuEntry
                          ) -> None:
        app = self.app
        week = domain.week_start(dt.date.today())  # the week the follow-up page opens on
        self.saves += 1
        # Different ratings from the last save's, all four chosen: every save stores a version.
        ratings = tuple(1 + (self.saves + i) % 5 for i in range(len(worksheet.DIMENSIONS)))
        try:
            go_to(app, follow_up)
            form = prepare_follow_up(app, person, week, ratings)
        except (PlaywrightError, AssertionError) as error:
            self.failed("follow-up: save", error)
            return

        def save() -> Sample:
            sample = measure(app, lambda: flows.form_button(app, form))
            check_saved(app, person)
            return sample

        def trends_after_save() -> Sample:
            sample = measure(app, lambda: menu_link(app, trends), TRENDS_ARRIVAL)
            check_on_page(app, trends)
            check_trends_view(app, TRENDS_ARRIVAL_VIEW)
            return sample

        if self.time("follow-up: save", save):
            self.time("menu → Trends after saving", trends_after_save, kinds=("trends",))

    def _switch_to(self, person: Person, drawn: Drawn = ANY) -> Sample:
        sample = measure(self.app, lambda: stakeholder_option(self.app, person), drawn)
        check_stakeholder(self.app, person)
        return sample

    def _view(self, view: str) -> Sample:
        drawn = Drawn(charts=TRENDS_VIEW_CHARTS[view], fresh=True)
        sample = measure(self.app, lambda: switch_trends_view(self.app, view), drawn)
        check_trends_view(self.app, view)
        return sample


@dataclass
class HelloSession(Session):
    menu: list[MenuEntry] = field(default_factory=list)

    def one_round(self) -> None:
        """Hello → its plotting demo (to the first chart), and back to its text page."""
        app = self.app
        text, plot = (next(e for e in self.menu if e.title == title)
                      for title in (HELLO_TEXT_PAGE, HELLO_PLOT_PAGE))

        def visit(entry: MenuEntry, first_chart: bool = False) -> Sample:
            sample = measure(app, lambda: menu_link(app, entry), first_chart=first_chart)
            check_on_page(app, entry)
            return sample

        if on_page(app, plot):  # after an error
            go_to(app, text)
        self.time("plot", lambda: visit(plot, first_chart=True))
        self.time("text", lambda: visit(text))


# --- the run ----------------------------------------------------------------------------------


def summary(samples: list[Sample], errors: list[str]) -> dict[str, Any]:
    values = sorted(s.ms for s in samples)
    blocks = [s.block_ms for s in samples]
    scripts = [s.script_ms for s in samples if s.script_ms is not None]
    return {
        "median": statistics.median(values) if values else None,
        "p95": values[min(len(values) - 1, round(0.95 * (len(values) - 1)))] if values else None,
        "n": len(values),
        "block_max": max(blocks) if blocks else None,
        "block_median": statistics.median(blocks) if blocks else None,
        "script_median": statistics.median(scripts) if scripts else None,
        "samples": [round(s.ms, 1) for s in samples],
        "totals": [round(s.total_ms, 1) for s in samples],
        "blocks": [round(b, 1) for b in blocks],
        "runs": [s.runs for s in samples],
        "counts": samples[-1].counts if samples else {},
        "errors": errors,
    }


def measure_browser(dbs: dict[str, Path], rounds: int, work: Path,
                    first_port: int | None = None) -> dict[str, Any]:
    """Start a server per database and `streamlit hello`, open a tab on each, and take `rounds`
    interleaved rounds after one warm-up round. `first_port`: the servers take the ports from
    there up, one each (on a shared machine, a range agreed on); otherwise any free ones."""
    work.mkdir(parents=True, exist_ok=True)
    begun = time.perf_counter()
    persons = {size: people(path) for size, path in dbs.items()}
    ports = (iter(range(first_port, first_port + len(dbs) + 1)) if first_port is not None
             else iter([None] * (len(dbs) + 1)))
    servers = {size: AppServer(path, work / f"streamlit-{size}.log", port=next(ports))
               for size, path in dbs.items()}
    (work / "hello").mkdir(exist_ok=True)
    servers["hello"] = AppServer(work / "hello" / "unused.duckdb", work / "streamlit-hello.log",
                                 port=next(ports), arguments=HELLO_ARGUMENTS)
    sessions: dict[str, Session] = {}
    with contextlib.ExitStack() as stack:
        for name, server in servers.items():
            log(f"browser: starting {name} on port {server.port}")
            server.start()
            stack.callback(server.stop)
        playwright = stack.enter_context(sync_playwright())
        browser = launch_chromium(playwright)
        stack.callback(browser.close)
        for name, server in servers.items():
            context, _ = new_context(browser, server, VIEWPORT)
            context.set_default_timeout(CLICK_TIMEOUT_MS)
            context.add_init_script(script=INSTRUMENT)
            app = AppPage(context.new_page(), server.base_url)
            if name == "hello":
                sessions[name] = HelloSession(name, app, "/")
            else:
                # ?stakeholder=<id> (ui.STAKEHOLDER_PARAM) also makes its project the active one.
                sessions[name] = AppSession(name, app, f"/?stakeholder={persons[name][0].id}",
                                            people=persons[name])
            session = sessions[name]
            app.open(session.start_path)
            if isinstance(session, AppSession):
                check_menu(app, session.menu)
                go_to(app, session.entry(screens.TRENDS), TRENDS_ARRIVAL)
                check_trends_views(app)
            elif isinstance(session, HelloSession):
                session.menu = menu_shown(app)
        names = list(sessions)
        for number in range(rounds + 1):
            order = names[number % len(names):] + names[:number % len(names)]
            log(f"browser round {number}/{rounds}{' (warm-up, not counted)' if not number else ''}"
                f": {', '.join(order)}")
            for name in order:
                session = sessions[name]
                session.recording = number > 0
                started = time.perf_counter()
                session.one_round()
                log(f"  {name}: {time.perf_counter() - started:.0f} s")
    apps = [s for s in sessions.values() if isinstance(s, AppSession)]
    interactions: dict[str, dict[str, Any]] = {}
    for session in apps:
        for name, kinds in session.kinds.items():
            entry = interactions.setdefault(name, {"kinds": kinds, "by_size": {}})
            entry["by_size"][session.name] = summary(session.samples.get(name, []),
                                                     session.errors.get(name, []))
    hello = sessions["hello"]
    return {
        "rounds": rounds,
        "sizes": list(dbs),
        "pages": [entry.title for entry in apps[0].menu] if apps else [],
        "people": {size: [vars(p) for p in pair] for size, pair in persons.items()},
        "interactions": interactions,
        "hello": {name: summary(hello.samples.get(name, []), hello.errors.get(name, []))
                  for name in ("text", "plot")},
        "seconds": time.perf_counter() - begun,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.browser")
    parser.add_argument("--db", action="append", default=[], help="SIZE=PATH")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, required=True, help="folder for the server logs")
    parser.add_argument("--first-port", type=int, default=None,
                        help="servers on this port and the next ones (default: any free ones)")
    args = parser.parse_args(argv)
    dbs = {size: Path(path) for size, path in (item.split("=", 1) for item in args.db)}
    result = measure_browser(dbs, args.rounds, args.work, args.first_port)
    sys.stdout.flush()
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()


# --- the report -------------------------------------------------------------------------------

SIZE_NAMES = ("S", "L-visible", "L")
BLOCK_FLOOR_MS = 50.0  # the Long Tasks API reports nothing shorter


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def _ratio(top: float | None, bottom: float | None) -> float | None:
    return None if not top or not bottom else top / bottom


def _times(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def report(figures: dict[str, Any]) -> tuple[list[str], list[tuple[str, bool]]]:
    """The browser tables as Markdown lines, and the browser targets as (text, met)."""
    interactions = figures["interactions"]
    hello = figures["hello"]
    text_ms = hello["text"]["median"]
    plot_block = hello["plot"]["block_max"]
    block_limit = 2 * max(plot_block or 0.0, BLOCK_FLOOR_MS)
    lines = [
        f"## In the browser (Chromium, ms, {figures['rounds']} interleaved rounds; busiest "
        "project and stakeholder)", "",
        "From the click until the script has finished and every visible chart, dataframe and "
        "metric is drawn (see `bench/browser.py` for how); 1280×900, each size and "
        "`streamlit hello` in its own server, all started from the project folder (same "
        "config). \"script done\": until the page last showed `notRunning`; the rest is "
        "drawing. \"block\": the longest main-thread block (Long Tasks API) in any sample.", "",
        "| interaction | S median | S p95 | L-visible median | L-visible p95 | L median | L p95 "
        "| L script done | L block | L ÷ L-visible | L ÷ hello text |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    targets: list[tuple[str, bool]] = []
    problems: list[str] = []
    for name, entry in interactions.items():
        by_size = entry["by_size"]
        cells = []
        for size in SIZE_NAMES:
            figure = by_size.get(size, {})
            cells += [_ms(figure.get("median")), _ms(figure.get("p95"))]
        large = by_size.get("L", {})
        scale = _ratio(large.get("median"), by_size.get("L-visible", {}).get("median"))
        against_hello = _ratio(large.get("median"), text_ms)
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {_ms(large.get('script_median'))}"
                     f" | {_ms(large.get('block_max'))} | {_times(scale)} "
                     f"| {_times(against_hello)} |")
        errors = {size: figure["errors"] for size, figure in by_size.items() if figure["errors"]}
        problems += [f"- {name} at {size}: {len(found)} error(s), first: {found[0]}"
                     for size, found in errors.items()]
        note = f" (errors at {', '.join(errors)})" if errors else ""
        limit = 3.0 if "trends" in entry["kinds"] else 2.0
        targets.append((f"browser: {name} at L ≤ {limit:.0f}× hello's menu → text page "
                        f"({_times(against_hello)}){note}",
                        against_hello is not None and against_hello <= limit and not errors))
        block = large.get("block_max")
        targets.append((f"browser: {name}: longest main-thread block at L ≤ 2× the longest in "
                        f"hello's plotting demo ({_ms(block)} ms, limit {block_limit:.0f} ms)"
                        f"{note}", block is not None and block <= block_limit and not errors))
        if "page" in entry["kinds"]:
            targets.append((f"browser: {name} at L ≤ 1.25× at L-visible ({_times(scale)}){note}",
                            scale is not None and scale <= 1.25 and not errors))
    lines += ["", "| `streamlit hello` | median | p95 | longest block | samples |",
              "|---|---:|---:|---:|---|"]
    for key, label in (("text", f"menu → {HELLO_TEXT_PAGE} (its text page)"),
                       ("plot", f"menu → {HELLO_PLOT_PAGE}, to its first chart (block: whole "
                                "run)")):
        figure = hello[key]
        lines.append(f"| {label} | {_ms(figure['median'])} | {_ms(figure['p95'])} | "
                     f"{_ms(figure['block_max'])} | "
                     + ", ".join(f"{v:.0f}" for v in figure["samples"]) + " |")
        problems += [f"- hello {key}: {len(figure['errors'])} error(s), first: "
                     f"{figure['errors'][0]}"] if figure["errors"] else []
    if text_ms is None or hello["text"]["errors"] or hello["plot"]["errors"]:
        targets.append(("browser: streamlit hello measured without errors", False))
    people_line = "; ".join(f"{size}: {pair[0]['name']} (then {pair[1]['name']})"
                            for size, pair in figures["people"].items())
    lines += ["", f"Stakeholders: {people_line}. Browser part: {figures['seconds']:.0f} s."]
    if problems:
        lines += ["", "Errors (the sample was dropped, the tab reopened):", "", *problems]
    return lines, targets
