"""Issue 3 in a real Chromium: three weekly follow-ups for one stakeholder (one a backfill), an
action marked done, and the Trends chart showing three follow-up points per dimension plus the
action marker.

How the chart is inspected: Streamlit draws Vega-Lite with vega-embed's SVG renderer, and Vega
gives every mark group the class `<layer name>_marks` (charts.FOLLOW_UP_LAYER, ACTION_LAYER, ...)
and binds every drawn mark's element to its scene item (`element.__data__`), whose `tooltip` holds
the fields the tooltip shows ({"Week": "week 47", "Onderdeel": "Waarde", …}). The test reads
those, so it checks what was drawn, not only the spec that was sent. (Not the marks' aria-labels:
the charts turn Vega's English ARIA texts off and describe themselves in the user's language.)
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest

from belangen import charts, domain, formats, texts, worksheet

from . import flows
from .flows import tr
from .harness import AppPage, AppServer

pytestmark = pytest.mark.e2e

ACTION_TEXT = "Evaluatiegesprek plannen"
OUTCOME = "Ze waarderen de snelle vergunning"


@pytest.fixture(scope="module")
def seeded(app_server: AppServer) -> dict[str, int]:
    """A project that started months ago, one stakeholder with a filled worksheet and an open
    action on row 3 — written through the app's Store while the server is stopped."""
    with app_server.offline_store() as db:
        today = db.today()
        project_id = db.create_project("Herinrichting stationsgebied", "Nieuw plein",
                                       "Draagvlak bij de raad", today - dt.timedelta(days=120))
        stakeholder_id = db.create_stakeholder(project_id, "Wethouder Jansen", "Gemeente",
                                               "De gemeenteraad", "")
        for rating, row in zip((2, 3, 2, 1), worksheet.DIMENSIONS, strict=True):
            db.save_worksheet_entry(stakeholder_id, row.key, reflection=f"Start: {row.key}",
                                    rating=rating, target=4)
        action_id = db.add_action(stakeholder_id, worksheet.VALUE.key, ACTION_TEXT)
    return {"stakeholder": stakeholder_id, "action": action_id}


def log_follow_up(
    app: AppPage,
    stakeholder_id: int,
    day: dt.date,
    ratings: tuple[int, int, int, int],
    reflection: str,
    *,
    done_action: int | None = None,
) -> None:
    """On the Weekcheck page: pick the week, re-rate, maybe tick the action done
    (row 3, so their own view of the value is asked too), reflect, save."""
    week = domain.week_start(day)
    flows.choose_week(app, week)
    flows.choose_stakeholder(app, "Wethouder Jansen")
    form = flows.follow_up_form(stakeholder_id, week)
    for row, rating in zip(worksheet.DIMENSIONS, ratings, strict=True):
        app.choose_radio(flows.field(app, form, f"rating_{row.key}"),
                         flows.rating_option(row, rating), rerun=True)
    if done_action is not None:
        app.act(flows.field(app, form, f"done_{done_action}").locator("label").first.click)
        outcome = flows.field(app, form, f"outcome_{done_action}").locator("input")
        outcome.fill(OUTCOME)
        app.act(lambda: outcome.press("Enter"))
        app.choose_radio(flows.field(app, form, "their_value"),
                         flows.rating_option(worksheet.VALUE, 3), rerun=True)
    flows.type_text(app, flows.field(app, form, "reflection").locator("textarea"), reflection)
    app.click(flows.form_button(app, form))
    assert not app.exception_texts(), app.exception_texts()
    assert not app.page.get_by_test_id("stAlertContentError").count(), app.main_text()
    # The toast fades after a few seconds (too soon on a busy machine); the page itself then says
    # the week is logged, which only a stored follow-up makes it say.
    versions = texts.t_count("count.versions", 1, flows.lang())
    logged = tr("follow_up.already_logged", versions=versions)
    app.page.get_by_test_id("stMain").get_by_text(logged).wait_for(timeout=10_000)


def drawn_marks(chart, layer: str) -> list[dict[str, str]]:
    """The tooltip fields of every mark Vega drew for one named layer."""
    return chart.locator(f"g.{layer}_marks > *").evaluate_all(
        "marks => marks.map(mark => (mark.__data__ && mark.__data__.tooltip) || {})"
    )


def test_three_weeks_of_follow_ups_show_in_the_trend(seeded, app, browser_log):
    stakeholder_id, action_id = seeded["stakeholder"], seeded["action"]
    today = dt.date.today()
    last_week, two_weeks_ago = today - dt.timedelta(weeks=1), today - dt.timedelta(weeks=2)

    app.goto_page(tr("nav.follow_up"))
    log_follow_up(app, stakeholder_id, today, (3, 3, 3, 2), "Deze week: open gesprek.")
    log_follow_up(app, stakeholder_id, last_week, (2, 4, 3, 2), "Evaluatie gaf lucht.",
                  done_action=action_id)
    # The backfill: a week before the two already logged, chosen explicitly.
    flows.choose_week(app, domain.week_start(two_weeks_ago))
    assert tr("follow_up.backfill_marker") in app.main_text()
    log_follow_up(app, stakeholder_id, two_weeks_ago, (2, 3, 2, 1), "Ingehaald: stil.")

    app.goto_page(tr("nav.trends"))
    flows.choose_trends_view(app, "stakeholder")
    chart = app.page.get_by_test_id("stMain").get_by_test_id("stVegaLiteChart").first
    chart.locator(f"g.{charts.ACTION_LAYER}_marks").wait_for(state="attached")

    weeks = {formats.week_short(domain.week_start(day), "nl", today)
             for day in (today, last_week, two_weeks_ago)}
    points = drawn_marks(chart, charts.FOLLOW_UP_LAYER)
    per_dimension: dict[str, set[str]] = defaultdict(set)
    for point in points:
        per_dimension[point[tr("chart.dimension")]].add(point[tr("chart.week")])
    assert len(points) == 12, points
    assert per_dimension == {row.short_name("nl"): weeks for row in worksheet.DIMENSIONS}

    (marker,) = drawn_marks(chart, charts.ACTION_LAYER)
    assert marker[tr("chart.week")] == formats.week_short(domain.week_start(last_week), "nl", today)
    assert marker[tr("chart.action")] == ACTION_TEXT
    assert marker[tr("chart.outcome")] == OUTCOME
    assert re.match(r"3 · ", marker[tr("chart.row")])

    assert len(drawn_marks(chart, charts.WORKSHEET_LAYER)) == 4  # week 0: the worksheet
    assert len(drawn_marks(chart, charts.THEIR_VIEW_LAYER)) == 1
    browser_log.assert_clean()
