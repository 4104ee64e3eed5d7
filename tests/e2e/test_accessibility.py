"""Issue 14 in a real Chromium: axe-core on every page and its main states, in Dutch and English,
at 1280 and 400 px, on the sample project; and per page the document title, `<html lang>` and
none of Streamlit's English that the app replaced.

One server, one browser: every state is visited once per language and width by a module
fixture that records what each test then checks, so the whole module stays within a few
minutes on two cores.

What fails: any serious or critical axe violation (and the few moderate rules the issue names)
on an element the app's own content draws. Violations that Streamlit's own chrome causes are
listed in STREAMLIT_CAUSED with the reason the app cannot fix them; a node is forgiven only when
its rule and its selector or markup match one of those entries.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Browser
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from belangen import sample, texts
from belangen.screens import SCREENS
from belangen.ui.language import LANGUAGE_KEY

from . import axe, flows
from .harness import AppPage, AppServer, new_context
from .screenshots import VIEWPORTS, language_query, wait_for_charts

pytestmark = pytest.mark.e2e

FAILING_IMPACTS = {"serious", "critical"}
FAILING_RULES = {"heading-order"}
"""Moderate in axe, but named by the issue: a page's sections under its title skipped a level."""


@dataclass(frozen=True)
class Forgiven:
    rule: str
    pattern: str
    """A regular expression searched in the node's CSS selector (axe's `target`) and the start
    of its HTML: Streamlit's generated class names change, its data-testid values do not."""
    why: str


STREAMLIT_CAUSED: tuple[Forgiven, ...] = (
    # Minor today, so it would not fail; listed so a stricter axe release does not turn it into
    # the app's fault. All serious and critical violations axe 4.14.1 found were the app's.
    Forgiven("presentation-role-conflict", r'data-testid="stFileUploaderDropzone"',
             "st.file_uploader's drop zone is a <section role=presentation aria-label=…>: "
             "Streamlit's markup, no parameter changes it (seen on Gegevens only)"),
)


@dataclass
class Visit:
    """What one state of one page showed, in one language and width."""

    label: str
    lang: str
    screen: str
    violations: list[dict[str, Any]] = field(default_factory=list)
    title: str = ""
    html_lang: str = ""
    texts: list[str] = field(default_factory=list)
    """The visible text, and the aria-label, title and (of an empty field) placeholder of every
    rendered element: what a reader of the page or of its accessible names meets."""
    table_texts: list[str] = field(default_factory=list)
    """The same, of the app's tables only (Streamlit's charts keep their own toolbar)."""


AXE_RUN = """
async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                 impact: n.impact, summary: n.failureSummary})),
  }));
}
"""

PAGE_TEXTS = """
(root) => {
  const scopes = root ? [...document.querySelectorAll(root)] : [document.body];
  const found = scopes.map((scope) => scope.innerText);
  for (const scope of scopes) {
    for (const element of scope.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!element.checkVisibility()) continue;  // display:none takes it out of the a11y tree
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value && !(name === 'placeholder' && element.value)) found.push(value);
      }
    }
  }
  return found;
}
"""
TABLES = "[data-testid='stElementContainer']:has([data-testid='stDataFrame'])"

REMOVED_ENGLISH = ("Press Enter to", "Press Ctrl+Enter to", "per file", "Download as CSV",
                   "Show/hide columns", "Link to heading")
"""Streamlit's English that the app removed from its pages (ui.chrome, anchor=False)."""
REMOVED_FROM_TABLES = ("Search", "Fullscreen")
"""Also in Streamlit's chart toolbar, which stays: checked on the tables only."""


@pytest.fixture(scope="module")
def stakeholder_id(app_server: AppServer) -> int:
    """The sample project, loaded through the app's Store while the server is stopped."""
    with app_server.offline_store() as db:
        project_id = sample.load_sample_project(db)
        return db.list_stakeholders(project_id)[0].id


def _states(app: AppPage, stakeholder_id: int, query: str) -> list[tuple[str, str, Any]]:
    """(label, screen name, how to get there) for every page and its main states."""
    with_stakeholder = (f"&stakeholder={stakeholder_id}" if query
                        else f"?stakeholder={stakeholder_id}")
    states: list[tuple[str, str, Any]] = [
        ("overview", "overview", lambda: app.open(f"/{query}")),
        ("projects", "projects", lambda: app.open(f"/projects{query}")),
        ("stakeholders", "stakeholders",
         lambda: app.open(f"/stakeholders{query}{with_stakeholder}")),
        ("worksheet", "worksheet", lambda: app.open(f"/worksheet{query}{with_stakeholder}")),
        ("follow_up", "follow_up", lambda: app.open(f"/follow_up{query}{with_stakeholder}")),
        ("follow_up-grid", "follow_up",
         lambda: app.open(f"/follow_up{query}{'&' if query else '?'}view=grid")),
    ]
    for number, view in enumerate(flows.TRENDS_VIEWS):
        def show(view: str = view, first: bool = number == 0) -> None:
            if first:
                app.open(f"/trends{query}{with_stakeholder}")
            flows.choose_trends_view(app, view)
        states.append((f"trends-{view}", "trends", show))
    states += [
        ("interest_map", "interest_map", lambda: app.open(f"/interest_map{query}")),
        ("options", "options", lambda: app.open(f"/options{query}")),
        ("brief", "brief", lambda: app.open(f"/brief{query}{with_stakeholder}")),
        ("data", "data", lambda: app.open(f"/data{query}")),
    ]
    return states


@pytest.fixture(scope="module")
def visits(browser: Browser, app_server: AppServer, stakeholder_id: int) -> list[Visit]:
    script = axe.installed()
    found: list[Visit] = []
    for lang in texts.LANGUAGES:
        for size, viewport in VIEWPORTS.items():
            context, _ = new_context(browser, app_server, viewport)
            app = AppPage(context.new_page(), app_server.base_url)
            with flows.speaking(lang):
                for label, screen, go in _states(app, stakeholder_id, language_query(lang)):
                    go()
                    wait_for_charts(app.page)
                    _focus_a_text_field(app)
                    assert not app.exception_texts(), (label, app.exception_texts())
                    # `<html lang>` is set by a script in the sidebar, which a busy browser
                    # may run a moment after the page is idle; if it never does, the
                    # language test below says so.
                    with contextlib.suppress(PlaywrightTimeout):
                        app.page.wait_for_function(
                            "lang => document.documentElement.lang === lang", arg=lang,
                            timeout=5_000)
                    app.page.add_script_tag(path=str(script))
                    found.append(Visit(
                        label=f"{lang}-{size}-{label}", lang=lang, screen=screen,
                        violations=app.page.evaluate(AXE_RUN),
                        title=app.page.title(),
                        html_lang=app.page.evaluate("document.documentElement.lang"),
                        texts=app.page.evaluate(PAGE_TEXTS, None),
                        table_texts=app.page.evaluate(PAGE_TEXTS, TABLES),
                    ))
            context.close()
    return found


def _focus_a_text_field(app: AppPage) -> None:
    """Type into the first text field, so Streamlit shows what it shows under a field being
    edited ("Press Enter to apply") while the page is read; nothing is sent until it is left."""
    typed = "input[type='text']:not([role='combobox']), textarea"
    field_ = app.page.get_by_test_id("stMain").locator(typed).first
    if field_.count() and field_.is_editable():
        field_.press("End")
        field_.type("x")


def _forgiven(rule: str, node: dict[str, Any]) -> bool:
    return any(entry.rule == rule and re.search(entry.pattern, f"{node['target']} {node['html']}")
               for entry in STREAMLIT_CAUSED)


def app_caused(visit: Visit) -> list[str]:
    problems = []
    for violation in visit.violations:
        if violation["impact"] not in FAILING_IMPACTS and violation["id"] not in FAILING_RULES:
            continue
        for node in violation["nodes"]:
            if not _forgiven(violation["id"], node):
                problems.append(f"{visit.label}: {violation['id']} ({violation['impact']}) "
                                f"{node['target']} :: {node['html'][:120]} :: "
                                f"{(node['summary'] or '').splitlines()[-1:]}")
    return problems


def test_axe_finds_no_serious_violation_the_app_causes(visits: list[Visit]) -> None:
    problems = [problem for visit in visits for problem in app_caused(visit)]
    assert not problems, "\n".join(problems)


def test_every_screen_of_the_menu_is_checked(visits: list[Visit]) -> None:
    """A screen added to the one page list is visited here too (the map, the options and the
    brief were not, at first)."""
    assert {visit.screen for visit in visits} == {screen.name for screen in SCREENS}


def test_every_page_names_itself_in_the_document_title(visits: list[Visit]) -> None:
    """"Trends · Belangen" in the tab and for a screen reader, in the page's language."""
    titles = {screen.name: screen.title_key for screen in SCREENS}
    wrong = [f"{visit.label}: {visit.title!r}" for visit in visits
             if visit.title != texts.t("nav.document_title", visit.lang,
                                       page=texts.t(titles[visit.screen], visit.lang))]
    assert not wrong, "\n".join(wrong)


def test_the_document_language_is_the_language_of_the_page(visits: list[Visit]) -> None:
    wrong = [f"{visit.label}: <html lang={visit.html_lang!r}>" for visit in visits
             if visit.html_lang != visit.lang]
    assert not wrong, "\n".join(wrong)


def test_dutch_pages_show_none_of_the_english_the_app_removed(visits: list[Visit]) -> None:
    """Visible text and accessible names; what only Streamlit can change is listed in the
    report of issue 14 (and in belangen/ui/chrome.py), not checked here."""
    found = [f"{visit.label}: {english!r} in {text[:80]!r}"
             for visit in visits if visit.lang == "nl"
             for english, pool in ((word, visit.texts) for word in REMOVED_ENGLISH)
             for text in pool if english in text]
    found += [f"{visit.label}: {english!r} in a table: {text[:80]!r}"
              for visit in visits if visit.lang == "nl"
              for english in REMOVED_FROM_TABLES
              for text in visit.table_texts if english in text]
    assert not found, "\n".join(found)


def test_choosing_a_language_in_the_sidebar_renames_and_relabels_the_document(
    browser: Browser, app_server: AppServer, stakeholder_id: int
) -> None:
    """Not only a fresh page: the language picker's rerun updates `<html lang>` and the title
    in the open tab too."""
    context, log = new_context(browser, app_server, VIEWPORTS["wide"])
    app = AppPage(context.new_page(), app_server.base_url).open("/data?lang=en")
    picker = app.key(LANGUAGE_KEY)
    for lang in ("nl", "en"):
        app.choose_select(picker, texts.LANGUAGES[lang])
        with contextlib.suppress(PlaywrightTimeout):  # the assert below says what it is instead
            app.page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang,
                                       timeout=5_000)
        assert app.page.evaluate("document.documentElement.lang") == lang
        assert app.page.title() == texts.t("nav.document_title", lang,
                                           page=texts.t("nav.data", lang))
    log.assert_clean()
    context.close()
