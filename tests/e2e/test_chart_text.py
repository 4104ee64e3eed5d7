"""Issue 14 in a real Chromium: the charts of Trends read without seeing or hovering.

Vega writes the spec's `description` on the chart's element as its aria-label (role
graphics-document); with the charts' `aria: false` its own English texts ('X-axis for a time
scale…', 'line mark container', 'week: W40; rating: 3') are gone. 'Als tabel' shows the chart's
data, and the reflections and outcomes stand as text under the trend.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

import pytest
from playwright.sync_api import Locator, expect

from belangen import domain, worksheet
from belangen.charts import words

from . import flows
from .flows import tr
from .harness import AppPage, AppServer

pytestmark = pytest.mark.e2e

CHART = "[data-testid='stVegaLiteChart']"
NAME = "Anouk van Dijk"
REFLECTION = "Open gesprek over de planning <b>niet vet</b>"
ACTION = "Evaluatiegesprek plannen"
OUTCOME = "Ze waarderen de snelle vergunning"

# What Vega may still say for itself: the chart's role, and the unlabelled groups Vega-Lite
# draws for layers and line series (no spec setting reaches them).
VEGA_ROLES_LEFT = {"visualization", "group mark container"}


@pytest.fixture(scope="module")
def seeded(app_server: AppServer) -> None:
    """One stakeholder rated for three weeks, with reflections and an action done."""
    with app_server.offline_store() as db:
        this_week = domain.week_start(db.today())
        project = db.create_project("Stadsbrug", "", "", this_week - dt.timedelta(weeks=10))
        person = db.create_stakeholder(project, NAME, "", "", "")
        for row in worksheet.DIMENSIONS:
            db.save_worksheet_entry(person, row.key, reflection="Start", rating=2, target=4)
        action = db.add_action(person, worksheet.VALUE.key, ACTION)
        for weeks_ago, rating in ((3, 2), (2, 3), (1, 4)):
            db.save_follow_up(
                person, this_week - dt.timedelta(weeks=weeks_ago),
                ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, rating),
                reflection=REFLECTION if weeks_ago == 1 else f"Week {weeks_ago}",
                actions_done={action: OUTCOME} if weeks_ago == 2 else None)


def charts_on(app: AppPage, count: int) -> list[Locator]:
    main = app.page.get_by_test_id("stMain")
    expect(main.locator(CHART)).to_have_count(count)
    drawn = main.locator(CHART).all()
    for chart in drawn:
        chart.locator("svg").first.wait_for(state="attached")
    return drawn


def what_vega_says(chart: Locator) -> dict[str, list[str]]:
    """The ARIA texts a screen reader meets inside a chart (outside aria-hidden subtrees)."""
    return chart.evaluate("""chart => {
        const heard = [chart, ...chart.querySelectorAll('*')]
            .filter(e => !e.closest('[aria-hidden=true]'));
        return {
            labels: heard.map(e => e.getAttribute('aria-label')).filter(Boolean),
            roles: [...new Set(heard.map(e => e.getAttribute('aria-roledescription'))
                                   .filter(Boolean))],
        };
    }""")


def show_table(app: AppPage, key: str, label: str = "chart.as_table") -> Locator:
    """Switch 'Als tabel' on (the switch named `label`); the table Streamlit draws under it."""
    switch = app.key(key)
    expect(switch).to_contain_text(tr(label))
    app.act(lambda: switch.locator("label").first.click())
    table = app.page.get_by_test_id("stMain").get_by_test_id("stDataFrame")
    expect(table).to_have_count(1)
    return table


def table_text(table: Locator) -> str:
    """Streamlit's grid paints on a canvas; its cells also stand in a table inside the canvas
    (the canvas' fallback content, which screen readers read)."""
    cells = table.locator("canvas [role=gridcell]")
    cells.first.wait_for(state="attached")
    return " | ".join(table.locator("canvas [role=columnheader]").all_text_contents()
                      + cells.all_text_contents())


def test_the_stakeholder_trend_reads_without_seeing_or_hovering(seeded, new_tab, browser_log):
    app = new_tab().open("/trends")
    flows.choose_trends_view(app, "stakeholder")
    (chart,) = charts_on(app, 1)

    label = chart.get_attribute("aria-label") or ""
    assert chart.get_attribute("role") == "graphics-document"
    assert label.startswith(f"Lijngrafiek van de vier waarderingen van {NAME} over "), label
    last = words.week_text(domain.week_start(dt.date.today()) - dt.timedelta(weeks=1), "nl")
    assert f"Laatste weekcheck, {last}: Interesse 4, Waarde 4, Gesprek 4, Onderhandeling 4" in label
    said = what_vega_says(chart)
    assert said["labels"] == [label], said["labels"]  # no 'X-axis for a time scale…'
    assert set(said["roles"]) <= VEGA_ROLES_LEFT, said["roles"]

    # The reflections and what the action yielded, as text on the page: no hovering.
    main = app.page.get_by_test_id("stMain")
    expect(main.get_by_text(REFLECTION)).to_be_visible()  # its HTML shown as text
    expect(main.get_by_text(OUTCOME, exact=False)).to_be_visible()
    expect(main.get_by_text(ACTION, exact=False)).to_be_visible()

    assert not main.get_by_test_id("stDataFrame").count(), "no table before it is asked for"
    text = table_text(show_table(app, "tr_table_stakeholder"))
    for expected in ("Week", "Bron", "Werkblad (start)", tr("chart.follow_up"), "Waarde",
                     tr("chart.target"), last):
        assert expected in text, (expected, text)
    browser_log.assert_clean()


def test_the_project_views_describe_themselves_and_show_their_tables(
    seeded, new_tab, browser_log,
) -> None:
    app = new_tab().open("/trends")
    flows.choose_trends_view(app, "latest")
    heatmap, positions = charts_on(app, 2)
    assert (heatmap.get_attribute("aria-label") or "").startswith(
        "Kleurkaart van de laatste waardering van 1 stakeholder op de vier onderdelen: "
        "Interesse 4,0, Waarde 4,0")
    assert (positions.get_attribute("aria-label") or "").startswith(
        "Raster van waarde voor hen (1 tot 5) tegen bereidheid om te onderhandelen")
    for chart in (heatmap, positions):
        said = what_vega_says(chart)
        assert len(said["labels"]) == 1 and set(said["roles"]) <= VEGA_ROLES_LEFT, said
    text = table_text(show_table(app, "tr_table_heatmap", "chart.heatmap_as_table"))
    assert NAME in text and "4 (+2)" in text, text

    flows.choose_trends_view(app, "course")
    (course,) = charts_on(app, 1)
    assert (course.get_attribute("aria-label") or "").startswith(
        f"Kleine lijngrafiek van 1 stakeholder met de vier waarderingen per week. {NAME}")
    text = table_text(show_table(app, "tr_table_course"))
    assert NAME in text and tr("chart.follow_up") in text, text

    # Dutch numbers in the chart itself: Vega formats the average change with a decimal comma.
    flows.choose_trends_view(app, "what_worked")
    (worked,) = charts_on(app, 1)
    assert (worked.get_attribute("aria-label") or "").startswith("Staafdiagram")
    assert re.search(r"[+−]\d,\d", worked.get_attribute("aria-label") or "")
    tips = []
    for bar in worked.locator("g.bars_marks > path").all():
        bar.hover(force=True)
        tip = app.page.locator("#vg-tooltip-element")
        with contextlib.suppress(AssertionError):
            expect(tip).to_be_visible(timeout=2_000)
        tips.append(tip.inner_text() if tip.count() else "")
        if re.search(r"[+−]\d,\d\d", tips[-1]):
            break
    assert re.search(r"[+−]\d,\d\d", tips[-1]), tips
    assert not re.search(r"[+−]\d\.\d\d", " ".join(tips)), tips
    browser_log.assert_clean()
