"""What each kind of Streamlit element costs the user in Chromium, one kind at a time:
`.venv/bin/python -m bench.elements [--rounds N]`. Not part of `make bench` (no targets): it
says where a page's time goes before a screen is redesigned for speed.

`bench/elements_app.py` draws elements of one kind per page; each is timed from a
click in the menu, coming from its empty page, until drawn, as `bench/browser.py` times the
app's pages (same instrument, same 1280×900 tab), in interleaved rounds after a warm-up
round, with `streamlit hello`'s menu → text page in the same run for scale. A kind's cost per
element is its page's median minus the empty page's, divided by the number it draws.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench import browser
from bench.elements_app import PAGES
from tests.e2e.harness import AppPage, AppServer, launch_chromium, new_context

HERE = Path(__file__).resolve().parent
EMPTY = next(page.__name__ for page, count in PAGES.items() if not count)


def _tab(playwright_browser, server: AppServer) -> AppPage:
    context, _ = new_context(playwright_browser, server, browser.VIEWPORT)
    context.set_default_timeout(browser.CLICK_TIMEOUT_MS)
    context.add_init_script(script=browser.INSTRUMENT)
    app = AppPage(context.new_page(), server.base_url)
    app.open("/")
    return app


def measure_elements(rounds: int, work: Path) -> dict[str, list[float]]:
    """Milliseconds per sample: each kind's page, the empty page (from the text page) and
    hello's text page (from its plotting demo)."""
    samples: dict[str, list[float]] = {}
    with contextlib.ExitStack() as stack:
        servers = {
            "elements": AppServer(work / "unused.duckdb", work / "streamlit-elements.log",
                                  arguments=("run", str(HERE / "elements_app.py"))),
            "hello": AppServer(work / "unused.duckdb", work / "streamlit-hello.log",
                               arguments=browser.HELLO_ARGUMENTS),
        }
        for server in servers.values():
            server.start()
            stack.callback(server.stop)
        playwright = stack.enter_context(sync_playwright())
        chromium = launch_chromium(playwright)
        stack.callback(chromium.close)
        app, hello = (_tab(chromium, server) for server in servers.values())
        menu = {entry.title: entry for entry in browser.menu_shown(app)}
        hello_menu = {entry.title: entry for entry in browser.menu_shown(hello)}
        kinds = [page.__name__ for page in PAGES]
        for number in range(rounds + 1):
            order = kinds[number % len(kinds):] + kinds[:number % len(kinds)]
            browser.log(f"elements round {number}/{rounds}"
                        f"{' (warm-up, not counted)' if not number else ''}")
            for kind in order:
                start = "text" if kind == EMPTY else EMPTY
                browser.go_to(app, menu[start])
                sample = browser.measure(app, functools.partial(browser.menu_link, app, menu[kind]))
                if number:
                    samples.setdefault(kind, []).append(sample.ms)
            browser.go_to(hello, hello_menu[browser.HELLO_PLOT_PAGE])
            sample = browser.measure(
                hello, lambda: browser.menu_link(hello, hello_menu[browser.HELLO_TEXT_PAGE]))
            if number:
                samples.setdefault("hello", []).append(sample.ms)
    return samples


def report(samples: dict[str, list[float]]) -> list[str]:
    """The table, in the app's page order."""
    hello = statistics.median(samples["hello"])
    empty = statistics.median(samples[EMPTY])
    lines = [
        f"Per kind, from the menu until drawn (median ms over {len(samples['hello'])} rounds); "
        f"`streamlit hello`'s text page: {hello:.0f} ms.",
        "",
        "| page | elements | median | ÷ hello text | per element over the empty page |",
        "|---|---:|---:|---:|---:|",
    ]
    for page, count in PAGES.items():
        median = statistics.median(samples[page.__name__])
        each = f"{(median - empty) / count:.1f}" if count else "—"
        lines.append(f"| {page.__name__} | {count} | {median:.0f} | {median / hello:.2f}× "
                     f"| {each} |")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.elements")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="belangen-elements-") as folder:
        samples = measure_elements(args.rounds, Path(folder))
    print("\n".join(report(samples)))


if __name__ == "__main__":
    main()
