"""`python -m bench.elements`'s table: each kind's cost per element is over the empty page."""

from bench import elements
from bench.elements_app import PAGES


def test_the_table_lists_every_kind_in_page_order_with_its_cost_per_element() -> None:
    # Every page costs 2 ms per element over the empty page's 40; measured in a rotating
    # order, the samples arrive in another order than the pages'.
    samples = {page.__name__: [40.0 + 2.0 * count] * 3 for page, count in reversed(PAGES.items())}
    samples["hello"] = [80.0, 70.0, 90.0]
    lines = elements.report(samples)
    rows = [line for line in lines if line.startswith("| ") and not line.startswith("| page")]
    assert [row.split(" | ")[0].removeprefix("| ") for row in rows] == [p.__name__ for p in PAGES]
    assert rows[0] == "| empty | 0 | 40 | 0.50× | — |"
    assert {row.rsplit(" | ", 1)[1] for row in rows[1:]} == {"2.0 |"}
    assert "text page: 80 ms" in lines[0]
