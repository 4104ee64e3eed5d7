"""The benchmark's browser targets (bench/browser.py `report`): ratios of figures from one run,
each PASS or FAIL against its target. Made-up figures; no time is measured here."""

from __future__ import annotations

from typing import Any

from bench import browser


def _figure(median: float | None, block: float | None = 0.0, errors: list[str] | None = None
            ) -> dict[str, Any]:
    if median is None:  # no sample taken: no block measured either
        block = None
    return {"median": median, "p95": median, "block_max": block, "script_median": median,
            "samples": [] if median is None else [median], "errors": errors or []}


def _figures(interactions: dict[str, Any], hello_text: float = 100.0,
             hello_block: float = 80.0) -> dict[str, Any]:
    return {
        "rounds": 1, "seconds": 1.0,
        "people": {"L": [{"name": "A"}, {"name": "B"}]},
        "interactions": interactions,
        "hello": {"text": _figure(hello_text), "plot": _figure(50.0, hello_block)},
    }


def _interaction(kinds: list[str], large: float, visible: float = 100.0, block: float = 0.0,
                 errors: list[str] | None = None) -> dict[str, Any]:
    return {"kinds": kinds, "by_size": {"S": _figure(visible), "L-visible": _figure(visible),
                                        "L": _figure(large, block, errors)}}


def _verdicts(figures: dict[str, Any]) -> dict[str, bool]:
    _, targets = browser.report(figures)
    return dict(targets)


def _one(verdicts: dict[str, bool], *words: str) -> bool:
    (found,) = [ok for text, ok in verdicts.items() if all(word in text for word in words)]
    return found


def test_every_interaction_against_hello_and_trends_gets_three_times() -> None:
    verdicts = _verdicts(_figures({
        "save": _interaction([], large=190.0),
        "slow save": _interaction([], large=210.0),
        "menu → Trends": _interaction(["page", "trends"], large=290.0, visible=290.0),
    }))
    assert _one(verdicts, "browser: save at L ≤ 2×")
    assert not _one(verdicts, "slow save at L ≤ 2×")
    assert _one(verdicts, "menu → Trends at L ≤ 3×")


def test_pages_at_l_against_l_visible() -> None:
    verdicts = _verdicts(_figures({
        "menu → A": _interaction(["page"], large=120.0, visible=100.0),
        "menu → B": _interaction(["page"], large=130.0, visible=100.0),
        "save": _interaction([], large=150.0, visible=100.0),
    }))
    assert _one(verdicts, "menu → A at L ≤ 1.25× at L-visible")
    assert not _one(verdicts, "menu → B at L ≤ 1.25× at L-visible")
    assert not [text for text in verdicts if "save at L ≤ 1.25×" in text]


def test_main_thread_blocks_against_the_plotting_demo() -> None:
    verdicts = _verdicts(_figures({
        "short": _interaction([], large=100.0, block=160.0),
        "long": _interaction([], large=100.0, block=161.0),
    }, hello_block=80.0))
    assert _one(verdicts, "short: longest main-thread block")
    assert not _one(verdicts, "long: longest main-thread block")
    # The Long Tasks API sees nothing under 50 ms: a demo without any leaves a 100 ms limit.
    verdicts = _verdicts(_figures({"x": _interaction([], 100.0, block=90.0)}, hello_block=0.0))
    assert _one(verdicts, "x: longest main-thread block")


def test_errors_and_missing_figures_fail() -> None:
    verdicts = _verdicts(_figures({
        "broken": _interaction(["page"], large=100.0, errors=["MeasurementError: no run"]),
        "never": _interaction([], large=None),  # type: ignore[arg-type]
    }))
    assert not any(ok for text, ok in verdicts.items() if "broken" in text)
    assert not any(ok for text, ok in verdicts.items() if "never" in text)
    lines, _ = browser.report(_figures({"broken": _interaction(
        [], large=100.0, errors=["MeasurementError: no run"])}))
    assert any("MeasurementError: no run" in line for line in lines)


def test_cold_start_holds_for_every_paired_start_not_only_the_medians() -> None:
    from bench.__main__ import cold_start_target

    def verdict(app: list[float], hello: list[float]) -> bool:
        return cold_start_target({"app": {"samples": app}, "hello": {"samples": hello}})[1]

    assert verdict([2.2, 2.3, 2.1], [2.0, 2.0, 2.0])
    # Medians 2.2 against 2.0 pass; one start at 1.3× does not.
    assert not verdict([2.2, 2.6, 2.1], [2.0, 2.0, 2.0])
    assert not verdict([], [])
