"""The benchmark's in-page instrument (bench/browser.py) reads what it relies on correctly: the
server's run reports in a ForwardMsg, and which visible charts, tables and metrics are drawn.

Behaviour only: no time is asserted (`make bench` measures).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.browser import INSTRUMENT

pytestmark = pytest.mark.e2e

DRAWN_CHART = ("<div data-testid='stVegaLiteChart'><div class='vega-embed'>"
               "<svg class='marks' width='200' height='100'><g></g></svg></div></div>")
EMPTY_CHART = "<div data-testid='stVegaLiteChart'><div class='vega-embed'></div></div>"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.add_init_script(script=INSTRUMENT)
    tab = context.new_page()
    tab.set_content("<div data-testid='stApp' data-test-script-state='notRunning'></div>")
    yield tab
    context.close()


def fields(page: Page, message: ForwardMsg) -> dict[str, object]:
    return page.evaluate("(bytes) => window.__bench.topFields(new Uint8Array(bytes))",
                         list(message.SerializeToString()))


def test_run_reports_are_read_from_the_forward_msg(page: Page) -> None:
    started = ForwardMsg()
    started.new_session.page_script_hash = "page-1"
    started.metadata.delta_path.extend([0, 1])
    assert "4" in fields(page, started)  # new_session: a run starts
    for status in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_EARLY_FOR_RERUN):
        finished = ForwardMsg(script_finished=status)
        finished.metadata.cacheable = True
        assert fields(page, finished)["6"] == status  # also 0, which a oneof still sends
    delta = ForwardMsg()
    delta.delta.new_element.markdown.body = "x" * 100_000  # a long field is skipped whole
    delta.metadata.delta_path.extend([0, 7])
    found = fields(page, delta)
    assert "4" not in found and "6" not in found and "5" in found


def test_only_visible_charts_tables_and_metrics_are_waited_for(page: Page) -> None:
    def pending(body: str) -> object:
        page.evaluate("(html) => { document.querySelector(\"[data-testid='stApp']\")"
                      ".innerHTML = html; }", body)
        return page.evaluate("() => window.__bench.pending()")

    assert pending(DRAWN_CHART) is None
    assert pending(EMPTY_CHART) == "charts"
    assert pending(f"<div style='display: none'>{EMPTY_CHART}</div>{DRAWN_CHART}") is None
    assert pending("<div data-testid='stDataFrame'></div>") == "dataframes"
    assert pending("<div data-testid='stDataFrame'><canvas width='10' height='10'></canvas>"
                   "</div>") is None
    assert pending("<div data-testid='stMetric'><div data-testid='stMetricValue'> </div>"
                   "</div>") == "metrics"
    assert pending("<div data-testid='stMetric'><div data-testid='stMetricValue'>3</div>"
                   "</div>") is None
    assert pending("<div data-testid='stSkeleton'></div>") == "skeletons"


def test_a_screen_of_n_charts_is_drawn_once_n_are(page: Page) -> None:
    def pending(body: str, charts: int) -> object:
        page.evaluate("(html) => { document.querySelector(\"[data-testid='stApp']\")"
                      ".innerHTML = html; }", body)
        return page.evaluate("(charts) => window.__bench.pending(charts)", charts)

    assert pending(DRAWN_CHART, 2) == "charts"  # the second has not arrived yet
    assert pending(DRAWN_CHART * 2, 2) is None
    assert pending(f"<div style='display: none'>{DRAWN_CHART}</div>{DRAWN_CHART}", 2) == "charts"
    assert pending(DRAWN_CHART * 2, 1) == "charts"  # the view before's chart is still there


def test_fresh_charts_do_not_pass_on_the_drawing_from_before_the_click(page: Page) -> None:
    app = "document.querySelector(\"[data-testid='stApp']\")"
    page.evaluate(f"(html) => {{ {app}.innerHTML = html; }}", DRAWN_CHART)
    page.evaluate("() => window.__bench.arm([1, true])")
    assert page.evaluate("() => window.__bench.pending(1)") == "charts"
    page.evaluate(f"(html) => {{ {app}.querySelector('.vega-embed').innerHTML = html; }}",
                  "<svg class='marks' width='200' height='100'><g></g></svg>")  # redrawn
    assert page.evaluate("() => window.__bench.pending(1)") is None
    page.evaluate("() => window.__bench.arm([null, false])")
    assert page.evaluate("() => window.__bench.pending()") is None
