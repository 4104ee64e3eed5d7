"""Visiting every page and state of the app the way the hostile-text tests need: each page,
each stakeholder in each picker, every expander open, every chart hovered, keeping what was
drawn as text and what each tooltip said, so a test can look for its payloads afterwards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from belangen import domain

from . import flows, hostile
from .flows import tr
from .harness import AppPage

CHART = "[data-testid='stVegaLiteChart']"
# Marks that carry a tooltip in belangen/charts/: points, cells, labels, rules, trails.
TOOLTIP_MARKS = ", ".join(
    f"g.mark-{kind} > {element}"
    for kind, element in (("symbol", "path"), ("rect", "path"), ("text", "text"),
                          ("rule", "line"), ("trail", "path"))
)
# The visible tooltip's text, and any element in it that is not part of its own table.
TOOLTIP = """
() => {
  const tip = document.getElementById('vg-tooltip-element');
  if (!tip || !tip.classList.contains('visible')) return null;
  const foreign = [...tip.querySelectorAll('*')]
    .filter((el) => !['TABLE', 'TBODY', 'TR', 'TD', 'TH', 'H2', 'SPAN'].includes(el.tagName))
    .map((el) => el.outerHTML.slice(0, 200));
  return [tip.innerText, foreign];
}
"""
EXPANDERS = "[data-testid='stMain'] [data-testid='stExpander'] details"
CLICK_CLOSED_EXPANDERS = f"""
() => document.querySelectorAll("{EXPANDERS}:not([open]) > summary").forEach((s) => s.click())
"""
ALL_EXPANDERS_OPEN = f"""
() => [...document.querySelectorAll("{EXPANDERS}")]
  .every((el) => el.hasAttribute('open') && (el.style.height === '' || el.style.height === 'auto'))
"""
RENDERED_AND_FIELDS = """
() => [document.body.innerText,
       [...document.querySelectorAll('input, textarea')].map((el) => el.value).join('\\n')]
"""


class Visit:
    """What the tab showed (rendered text, field values, tooltips) and what the payloads did,
    collected page by page so a failure names the page."""

    def __init__(self, app: AppPage, extra: Callable[[], list[str]] | None = None) -> None:
        self.app = app
        self.extra = extra
        self.rendered: list[str] = []
        self.fields: list[str] = []
        self.problems: list[str] = []

    def look(self, where: str) -> None:
        page = self.app.page
        assert not self.app.exception_texts(), f"{where}: {self.app.exception_texts()}"
        self.problems += [f"{where}: {problem}" for problem in hostile.page_problems(page)]
        if self.extra is not None:
            self.problems += [f"{where}: {problem}" for problem in self.extra()]
        rendered, fields = page.evaluate(RENDERED_AND_FIELDS)
        self.rendered.append(rendered)
        self.fields.append(fields)

    def open_expanders(self) -> None:
        """Click every closed expander open (a DOM click each: a mouse click per expander waits
        for each animation), then wait once until all stand open and still."""
        self.app.page.evaluate(CLICK_CLOSED_EXPANDERS)
        self.app.page.wait_for_function(ALL_EXPANDERS_OPEN)

    def hover_charts(self, where: str) -> None:
        """Move the mouse over every mark that has a tooltip, keeping what each tooltip says;
        a tooltip that turned a payload into markup would set __pwned or leave an element."""
        page = self.app.page
        # A tab's charts are laid out once the tab has opened: wait for one to show.
        page.wait_for_function(
            f"() => [...document.querySelectorAll(\"{CHART}\")]"
            ".some((chart) => chart.offsetParent !== null && chart.getBoundingClientRect().height)",
            timeout=15_000)
        charts = [chart for chart in page.locator(CHART).all() if chart.is_visible()]
        assert charts, f"{where}: no chart to hover"
        tips = 0
        for chart in charts:
            chart.locator("svg.marks").wait_for()
            for mark in chart.locator(TOOLTIP_MARKS).all():
                box = mark.bounding_box()
                if not box or not box["width"] or not box["height"]:
                    continue  # an empty text (a cell nobody stands in) has nothing to point at
                try:
                    mark.hover(force=True, timeout=2_000)
                except PlaywrightTimeout:
                    continue
                tip = page.evaluate(TOOLTIP)
                if tip:
                    tips += 1
                    self.rendered.append(tip[0])
                    self.problems += [f"{where} tooltip: {element}" for element in tip[1]]
        assert tips, f"{where}: hovering showed no tooltip"

    def all_rendered(self) -> str:
        return hostile.squash("\n".join(self.rendered))

    def all_shown(self) -> str:
        return hostile.squash("\n".join(self.rendered + self.fields))


def choose_each_stakeholder(
    visit: Visit, seeded: hostile.Seeded, where: str
) -> Iterator[str]:
    """Look at the page as it opened, then once per seeded stakeholder chosen in its picker."""
    app = visit.app
    visit.look(where)
    for name in seeded.stakeholders.values():
        flows.choose_stakeholder(app, name)
        yield name


def visit_every_page(
    app: AppPage, seeded: hostile.Seeded, extra: Callable[[], list[str]] | None = None
) -> Visit:
    """Every page and state; `extra` adds checks of its own wherever the visit looks."""
    visit = Visit(app, extra)
    app.goto_page(tr("nav.overview"))
    visit.look("Overzicht")

    app.goto_page(tr("nav.projects"))
    project_picker = app.page.get_by_test_id("stMain").get_by_test_id("stSelectbox").filter(
        has=app.page.get_by_text(tr("projects.choose"), exact=True)
    )
    options = app.open_select(project_picker).all_inner_texts()
    app.page.keyboard.press("Escape")
    visit.rendered += options  # the picker's list draws the project names
    for option in options:
        app.choose_select(project_picker, option)
        visit.open_expanders()
        visit.look(f"Projecten/{option}")

    app.goto_page(tr("nav.stakeholders"))
    for name in choose_each_stakeholder(visit, seeded, tr("nav.stakeholders")):
        visit.open_expanders()
        visit.look(f"Stakeholders/{name}")

    app.goto_page(tr("nav.worksheet"))
    for name in choose_each_stakeholder(visit, seeded, tr("nav.worksheet")):
        visit.open_expanders()
        visit.look(f"Werkblad/{name}")

    app.goto_page(tr("nav.follow_up"))
    visit.look("Weekcheck (deze week)")
    last_week = domain.week_start(dt.date.today()) - dt.timedelta(weeks=1)
    flows.choose_week(app, last_week)
    for name in choose_each_stakeholder(visit, seeded, "Weekcheck (vorige week)"):
        visit.look(f"Weekcheck (vorige week)/{name}")

    app.goto_page(tr("nav.trends"))
    for name in choose_each_stakeholder(visit, seeded, tr("nav.trends")):
        visit.hover_charts(f"Trends/per stakeholder/{name}")
        visit.look(f"Trends/per stakeholder/{name}")
    for view in ("latest", "course", "what_worked"):
        flows.choose_trends_view(app, view)
        visit.hover_charts(f"Trends/{tr(f'trends.view_{view}')}")
        visit.look(f"Trends/{tr(f'trends.view_{view}')}")

    app.goto_page(tr("nav.data"))
    visit.open_expanders()
    visit.look("Gegevens")
    return visit


