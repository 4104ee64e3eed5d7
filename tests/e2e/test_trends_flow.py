"""Trends in a real Chromium as a person uses it: views and periods chosen in any order, a double
click, leaving for another page and coming back, a reload. Each time the page shows the view and
period last chosen, draws only that view, and the period changes which weeks are drawn."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from playwright.sync_api import expect

from belangen import charts, domain, worksheet

from . import flows
from .flows import tr
from .harness import AppPage, AppServer

pytestmark = pytest.mark.e2e

CHART = "[data-testid='stVegaLiteChart']"
CHARTS_PER_VIEW = {"stakeholder": 1, "latest": 2, "course": 1, "what_worked": 1}


@pytest.fixture(scope="module")
def seeded(app_server: AppServer) -> None:
    """Two stakeholders rated over a year and a half, so every period draws other weeks."""
    with app_server.offline_store() as db:
        this_week = domain.week_start(db.today())
        project = db.create_project("Stadsbrug", "", "", this_week - dt.timedelta(weeks=80))
        for name in ("Ans de Wit", "Bob Jansen"):
            person = db.create_stakeholder(project, name, "", "", "")
            for row in worksheet.DIMENSIONS:
                db.save_worksheet_entry(person, row.key, reflection="Start", rating=2, target=4)
            for weeks_ago in (70, 40, 20, 8, 1):
                db.save_follow_up(person, this_week - dt.timedelta(weeks=weeks_ago),
                                  ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 3))


def shown(app: AppPage, charts_expected: int) -> tuple[str, str | None, int]:
    """The view and period the controls show as chosen, and how many charts are drawn once
    the page has drawn (charts arrive after the script run: wait for the expected number)."""
    view = app.key("tr_view").get_by_role("radio", checked=True).inner_text().strip()
    period_control = app.key("tr_period")
    period = (period_control.get_by_role("radio", checked=True).inner_text().strip()
              if period_control.count() else None)
    main = app.page.get_by_test_id("stMain")
    with contextlib.suppress(AssertionError):  # a wrong count is what the caller asserts
        expect(main.locator(CHART)).to_have_count(charts_expected)
    for chart in main.locator(CHART).all():
        chart.locator("svg, canvas").first.wait_for(state="attached")
    return view, period, main.locator(CHART).count()


def check(app: AppPage, view: str, period: str) -> None:
    got, want = shown(app, CHARTS_PER_VIEW[view]), expected(view, period)
    assert got == want, (got, want)


def expected(view: str, period: str) -> tuple[str, str | None, int]:
    shown_period = tr(f"trends.period_{period}") if view in ("stakeholder", "course") else None
    return tr(f"trends.view_{view}"), shown_period, CHARTS_PER_VIEW[view]


def weeks_now(app: AppPage) -> set[str]:
    """The weeks of the follow-up points on the stakeholder chart, from the tooltips of the
    marks Vega drew (each mark's element holds its scene item as `__data__`)."""
    chart = app.page.get_by_test_id("stMain").locator(CHART).first
    tips = chart.locator(f"g.{charts.FOLLOW_UP_LAYER}_marks path").evaluate_all(
        "marks => marks.map(mark => (mark.__data__ && mark.__data__.tooltip) || {})")
    week = tr("chart.week")
    return {tip[week] for tip in tips if week in tip}


def drawn_weeks(app: AppPage, unlike: set[str] | None = None) -> set[str]:
    """The weeks drawn once the chart has settled: Vega redraws after the script run, so two
    readings a moment apart must agree (and, with `unlike`, differ from the chart before; if
    they never do, the last reading is returned for the caller's assertion to show)."""
    previous: set[str] | None = None
    for _ in range(40):
        current = weeks_now(app)
        if current and current == previous and current != unlike:
            return current
        previous = current
        app.page.wait_for_timeout(250)
    return previous or set()


def test_views_and_periods_survive_leaving_coming_back_and_double_clicks(
    seeded: None, new_tab, browser_log,
) -> None:
    app = new_tab().open("/trends")
    check(app, "stakeholder", "26")
    half_year = drawn_weeks(app)

    flows.choose_trends_period(app, "all")
    everything = drawn_weeks(app, unlike=half_year)
    assert half_year < everything, "all weeks draw more than half a year"

    # Any order of choices, the last one counts; a double click on a view is one choice.
    for view in ("course", "latest", "what_worked", "stakeholder", "latest"):
        flows.choose_trends_view(app, view)
        check(app, view, "all")
    course = app.key("tr_view").get_by_role("radio", name=tr("trends.view_course"), exact=True)
    app.act(lambda: course.dblclick())
    check(app, "course", "all")

    # Leave and come back: the same view and period.
    app.goto_page(tr("nav.overview"))
    app.goto_page(tr("nav.trends"))
    check(app, "course", "all")
    flows.choose_trends_view(app, "stakeholder")
    flows.choose_trends_period(app, "13")
    check(app, "stakeholder", "13")
    assert drawn_weeks(app, unlike=everything) < half_year

    # A reload is a new session: it starts from the defaults again, with nothing broken.
    app.page.reload()
    app.wait_idle(-1, settle_ms=400)
    check(app, "stakeholder", "26")
    assert drawn_weeks(app) == half_year
    assert not app.exception_texts()
    browser_log.assert_clean()
