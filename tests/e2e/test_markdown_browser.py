"""Issue 11, finding 2, in a real Chromium: Markdown, HTML, maths and web addresses in every
name and text stay literal on every page and state, and a Markdown image never makes the
browser fetch anything: a listener on loopback, named in the image payloads, must hear nothing.

The same holds for the database path in the "cannot open the database" message."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import hostile
from .harness import AppPage, AppServer, new_context, running_app
from .visits import visit_every_page

pytestmark = pytest.mark.e2e

# Marker words only a payload puts on the page; formatted, they would sit in these elements.
FORMATTED = """
() => {
  const found = [];
  const show = (el) => el.outerHTML.slice(0, 160);
  // A marker word right after its markup (**VETJE**, :red[ROODJE]) is shown literally; one
  // without it inside a formatting element was turned into that format.
  const marked = /VETJE|SCHUINTJE|ROODJE|KOPJE|DOORGESTREEPT/;
  const bare = /(^|[^*_~#\\[>A-Z])(VETJE|SCHUINTJE|KOPJE|DOORGESTREEPT)/;
  for (const el of document.querySelectorAll('strong, b, em, i, del, s, h1, h2, h3, h4, h5, h6'))
    if (bare.test(el.textContent)) found.push('formatted: ' + show(el));
  for (const el of document.querySelectorAll('.katex, .stMarkdownColoredText, .stMarkdownBadge'))
    if (marked.test(el.textContent) || el.classList.contains('katex'))
      found.push('rendered: ' + show(el));
  for (const el of document.querySelectorAll('a[href]'))
    if (/example\\.org|mailto:/.test(el.getAttribute('href'))) found.push('link: ' + show(el));
  for (const el of document.querySelectorAll('img'))
    if (/127\\.0\\.0\\.1/.test(el.getAttribute('src') || '')) found.push('image: ' + show(el));
  return found;
}
"""


class Listener:
    """An HTTP server on loopback that records every request it gets."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        listener = self

        class Record(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                listener.requests.append(self.path)
                self.send_response(404)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Record)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def markdown_kit(port: int) -> hostile.PayloadKit:
    return hostile.PayloadKit(
        payloads=("**VETJE**", "_SCHUINTJE_ ~~DOORGESTREEPT~~", ":red[ROODJE] :blue-badge[ROODJE]",
                  "$x^2$ $$y$$", f"![beeld](http://127.0.0.1:{port}/beeld.png)",
                  "<b>VETJE</b> https://example.org/pad"),
        bare="\n# KOPJE\nwww.example.org iemand@example.org",
    )


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    heard = Listener()
    yield heard
    heard.close()


@pytest.fixture(scope="module")
def seeded(listener: Listener, tmp_path_factory: pytest.TempPathFactory
           ) -> tuple[hostile.Seeded, Path]:
    folder = tmp_path_factory.mktemp("markdown")
    return hostile.seed_hostile_project(folder / "belangen.duckdb",
                                        markdown_kit(listener.port)), folder


@pytest.fixture(scope="module")
def app_server(seeded: tuple[hostile.Seeded, Path]) -> Iterator[AppServer]:
    """Replaces conftest's server: this module's server starts on the seeded database."""
    _, folder = seeded
    with running_app(folder / "belangen.duckdb", folder / "streamlit.log") as server:
        yield server


def formatted(app: AppPage) -> list[str]:
    return app.page.evaluate(FORMATTED)


def test_markdown_in_every_text_stays_literal_on_every_page(app, seeded, listener, browser_log):
    data, _ = seeded
    visit = visit_every_page(app, data, extra=lambda: formatted(app))
    assert not visit.problems, "\n".join(visit.problems)
    shown = visit.all_shown()
    missing = [label for label, text in data.texts.items()
               if hostile.squash(text) not in shown]
    assert not missing, f"stored texts not shown literally anywhere: {missing}"
    assert listener.requests == [], f"the browser fetched {listener.requests}"
    browser_log.assert_clean()


def test_the_database_path_in_a_refusal_stays_literal(browser, listener, tmp_path):
    """A database path that is a folder, named with Markdown: the message shows it as typed."""
    odd = tmp_path / "**VETJE** $x^2$ :red[ROODJE]" / f"![x](http:/127.0.0.1:{listener.port}"
    target = odd / "beeld.png)"
    target.mkdir(parents=True)  # a folder where the database file should be
    server = AppServer(target, tmp_path / "streamlit.log")
    server.start()
    context, log = new_context(browser, server, {"width": 1280, "height": 900})
    try:
        app = AppPage(context.new_page(), server.base_url).open("/")
        assert hostile.squash(str(target)) in hostile.squash(app.main_text())
        assert formatted(app) == []
        assert listener.requests == [], f"the browser fetched {listener.requests}"
        log.assert_clean()
    finally:
        context.close()
        server.stop()
