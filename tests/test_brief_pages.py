"""The Gespreksvoorbereiding under AppTest: every section on screen, user text literal on screen
and in both downloads, the downloads themselves, the way on to the Weekcheck, and the field for
what a stakeholder must explain back home."""

from __future__ import annotations

import datetime as dt
import html

import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from belangen import brief as briefs
from belangen import domain, screens, texts, ui, worksheet
from belangen.store import Store
from tests.apptest import field, run_app, submit

TITLES_NL = ["Bevestigde belangen", "Te toetsen in het gesprek", "Achterban",
             "Acties die nu aan de beurt zijn", "Gedeelde belangen", "Spanningen",
             "Open win-win opties", "Afspraken", "Verloop van de waarderingen",
             "Laatste reflecties", "Wat werkte met hen"]


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> list[MemoryMediaFileStorage]:
    """AppTest's file storage of each run, kept so a test can read what a download holds."""
    kept: list[MemoryMediaFileStorage] = []

    class Kept(MemoryMediaFileStorage):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            kept.append(self)

    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", Kept)
    return kept


def downloaded(app: AppTest, media: list[MemoryMediaFileStorage], key: str) -> str:
    (button,) = [b for b in app.get("download_button") if b.proto.id.endswith(f"-{key}")]
    name = button.proto.url.rsplit("/", 1)[-1]
    return media[-1].get_file(name).content.decode("utf-8")


def open_brief(stakeholder_id: int | None = None) -> AppTest:
    app = run_app()
    app.switch_page(screens.BRIEF.path)
    if stakeholder_id is not None:
        app.query_params[ui.STAKEHOLDER_PARAM] = str(stakeholder_id)
    app.run()
    assert not app.exception, app.exception
    return app


def shown(app: AppTest) -> str:
    return "\n".join([*(m.value for m in app.markdown), *(c.value for c in app.caption),
                      *(s.value for s in app.header)])


def test_every_section_is_shown_for_a_sample_stakeholder(sample_store: Store) -> None:
    app = open_brief()
    titles = [ui.plain(title) for title in TITLES_NL]
    assert [s.value for s in app.header] == [*titles, ui.tr("brief.downloads")], \
        "each section a heading of the second level, under the page's title (axe heading-order)"
    text = shown(app)
    assert ":orange-badge[hypothese]" in text, "a suspected interest is marked"
    assert "sinds week" in text, "the trend in words"


def test_the_first_visit_without_stakeholders_points_to_stakeholders(app: AppTest,
                                                                      store: Store) -> None:
    store.create_project("Stationsgebied")
    app.switch_page(screens.BRIEF.path).run()
    assert not app.exception
    assert not app.get("download_button")


HOSTILE = "**vet** <b>dik</b> [klik](https://evil.example) <script>alert(1)</script>"


def test_user_text_is_literal_on_screen_and_in_both_downloads(
    store: Store, media: list[MemoryMediaFileStorage]
) -> None:
    project_id = store.create_project("Stationsgebied", "", "",
                                      store.today() - dt.timedelta(weeks=4))
    sid = store.create_stakeholder(project_id, "Jansen", "Gemeente", HOSTILE, "",
                                   back_home=HOSTILE)
    store.add_interest(sid, HOSTILE, "political", "confirmed")
    app = open_brief(sid)
    markdown = "\n".join(m.value for m in app.markdown)
    assert ui.plain(HOSTILE) in markdown
    assert HOSTILE not in markdown
    document = downloaded(app, media, "brief_download_md")
    assert r"\*\*vet\*\* \<b\>dik\</b\> \[klik\](https://evil.example)" in document
    assert "<script>" not in document
    page = downloaded(app, media, "brief_download_html")
    assert html.escape(HOSTILE, quote=True) in page
    assert "<script>" not in page and "<b>dik" not in page


def test_the_downloads_hold_the_sections_without_hypotheses_unless_asked(
    sample_store: Store, media: list[MemoryMediaFileStorage]
) -> None:
    project = sample_store.list_projects()[0]
    person = sample_store.list_stakeholders(project.id)[0]
    suspected = [i.text for i in sample_store.list_interests(person.id)
                 if i.status == "suspected"]
    assert suspected, "the sample has a suspected interest to leave out"
    app = open_brief(person.id)
    document = downloaded(app, media, "brief_download_md")
    for title in TITLES_NL:
        if title != "Te toetsen in het gesprek":
            assert f"## {title}" in document
    assert "## Te toetsen in het gesprek" not in document
    assert not any(text in document for text in suspected)
    assert texts.t("export.hidden_left_out") in document
    page = downloaded(app, media, "brief_download_html")
    assert "@media print" in page and "<h2>Bevestigde belangen</h2>" in page

    app.checkbox(key="brief_include_hidden").check().run()
    document = downloaded(app, media, "brief_download_md")
    assert "## Te toetsen in het gesprek" in document
    assert all(text[:40] in document for text in suspected)
    assert "Vertrouwelijk" in document


def test_after_the_meeting_the_weekcheck_opens_for_them_this_week(sample_store: Store) -> None:
    project = sample_store.list_projects()[0]
    first, second = sample_store.list_stakeholders(project.id)[:2]
    this_week = domain.week_start(sample_store.today())
    app = run_app()
    # The weekcheck was left on another week, in the grid, about someone else.
    app.switch_page(screens.FOLLOW_UP.path)
    app.query_params["view"] = "grid"
    app.run()
    app.selectbox(key="fu_week").set_value(this_week - dt.timedelta(weeks=2)).run()
    app.switch_page(screens.BRIEF.path)
    app.query_params.clear()
    app.query_params[ui.STAKEHOLDER_PARAM] = str(second.id)
    app.run()
    assert not app.exception, app.exception
    assert app.selectbox(key="brief_stakeholder").value == second.id

    app.button(key="brief_follow_up").click().run()
    assert not app.exception, app.exception
    assert [t.value for t in app.title] == ["Weekcheck"]
    assert app.query_params[ui.STAKEHOLDER_PARAM] in (str(second.id), [str(second.id)])
    assert app.selectbox(key="fu_week").value == this_week
    assert app.selectbox(key="fu_stakeholder").value == second.id
    ratings = [r for r in app.radio if r.key and r.key.startswith(f"fu_{second.id}_")]
    assert len(ratings) == len(worksheet.DIMENSIONS), "the per-person form, not the grid"
    assert first.id != second.id


def test_the_stakeholder_form_keeps_what_they_must_explain_back_home(app: AppTest,
                                                                     store: Store) -> None:
    project_id = store.create_project("Stationsgebied")
    app.switch_page(screens.STAKEHOLDERS.path).run()
    new = f"sh_new_{project_id}"
    app.text_input(key=field(new, "name")).set_value("Wethouder Jansen")
    app.text_area(key=field(new, "constituency")).set_value("De raad")
    app.text_area(key=field(new, "back_home")).set_value("Dat het binnen budget blijft")
    submit(app, new)
    (person,) = store.list_stakeholders(project_id)
    assert person.back_home == "Dat het binnen budget blijft"

    edit = f"sh_{person.id}"
    assert app.text_area(key=field(edit, "back_home")).value == "Dat het binnen budget blijft"
    app.text_area(key=field(edit, "back_home")).set_value("Dat bewoners meepraten")
    submit(app, edit)
    assert store.get_stakeholder(person.id).back_home == "Dat bewoners meepraten"
    brief = briefs.gather_brief(store, person.id, week=store.today())
    assert brief.stakeholder.back_home == "Dat bewoners meepraten"
