"""The Belangenkaart under AppTest (issue 16): the user's own interests, every party's interests
by kind, linking two interests of different parties (refusals at the field), the common ground
and the tensions named by party, hypotheses marked in words, user text shown literally."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from belangen import screens, ui
from belangen.store import Store
from tests.apptest import field, open_panel, open_screen, run_app, submit, submit_button
from tests.test_dutch_screens import PYTHON_VALUES, literal_texts, rejected_words, screen_text

OWN_NEW = "map_own_new_{project}"
LINK_NEW = "map_link_new_{project}"
GOAL = "Een plein waar **iedereen** achter staat"


@pytest.fixture
def parties(store: Store) -> dict[str, int]:
    """A project with two stakeholders; the municipality has a confirmed and a suspected
    interest, the residents one confirmed."""
    project = store.create_project("Stationsplein", "", GOAL)
    ids = {"project": project}
    ids["Gemeente"] = store.create_stakeholder(project, "Gemeente")
    ids["Bewoners"] = store.create_stakeholder(project, "Bewoners")
    ids["budget"] = store.add_interest(ids["Gemeente"], "Binnen budget", "organisational",
                                       "confirmed")
    ids["verkiezingen"] = store.add_interest(ids["Gemeente"], "Verkiezingen winnen",
                                             "political", "suspected")
    ids["groen"] = store.add_interest(ids["Bewoners"], "Meer groen op het plein", "other",
                                      "confirmed")
    return ids


def open_map() -> AppTest:
    return open_screen(screens.INTEREST_MAP)


def elements(node: object) -> Iterator[object]:
    """The page's elements in the order they are drawn (blocks opened)."""
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    for child in children.values():
        yield from elements(child)


def message_after(app: AppTest, key: str) -> str | None:
    """The error drawn right below the widget `key` (its field message), if any."""
    drawn = list(elements(app.main))
    (index,) = [n for n, element in enumerate(drawn) if getattr(element, "key", None) == key]
    following = drawn[index + 1] if index + 1 < len(drawn) else None
    return following.value if getattr(following, "type", "") == "error" else None


def markdown(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


def open_link_form(app: AppTest, project: int) -> None:
    """The user opens the new-link panel, unless it is open already (it folds until asked)."""
    key = ui.panel_key(LINK_NEW.format(project=project))
    if not app.session_state[key]:
        open_panel(app, key)


def choose_link(app: AppTest, project: int, first: str, second: str,
                relation: str = "shared", note: str = "") -> None:
    form = LINK_NEW.format(project=project)
    open_link_form(app, project)
    app.selectbox(key=field(form, "first_ref")).set_value(first).run()
    app.selectbox(key=field(form, "second_ref")).set_value(second)
    app.radio(key=field(form, "relation")).set_value(relation)
    app.text_input(key=field(form, "note")).set_value(note)


def test_an_own_interest_is_added_and_is_on_the_map_as_mine(
        store: Store, parties: dict[str, int]) -> None:
    app = open_map()
    shown = screen_text(app)
    assert "Welke opbrengst moet het aangaan van een samenwerking hebben?" in shown
    assert [t.value for t in app.text] == [GOAL], \
        "the project's own goal is shown as plain text"
    form = OWN_NEW.format(project=parties["project"])
    app.text_area(key=field(form, "text")).set_value("Op tijd opleveren")
    app.selectbox(key=field(form, "kind")).set_value("individual")
    app.radio(key=field(form, "on_table")).set_value(False)
    app.text_area(key=field(form, "notes")).set_value("Nog niet hardop")
    submit(app, form)
    assert not app.exception and not app.error, [e.value for e in app.error]
    (mine,) = store.list_own_interests(parties["project"])
    assert (mine.text, mine.kind, mine.on_table, mine.notes) == (
        "Op tijd opleveren", "individual", False, "Nog niet hardop")
    assert app.text_area(key=field(form, "text")).value == "", "the add form is emptied"
    assert "**Ik / mijn organisatie** — Op tijd opleveren" in markdown(app)
    assert "Hypothese (niet op tafel)" in markdown(app), "kept to myself: a hypothesis"
    assert any(e.label.startswith("Houd ik voor mezelf · Op tijd opleveren")
               for e in app.expander)


def test_an_own_interest_is_edited_and_archived(store: Store, parties: dict[str, int]) -> None:
    own = store.add_own_interest(parties["project"], "Op tijd", "organisational", True, "")
    app = open_map()
    assert field(f"map_own_{own}", "text") not in {area.key for area in app.text_area}, (
        "its form is built only while its panel is open")
    open_panel(app, ui.panel_key(f"map_own_{own}"))
    app.text_area(key=field(f"map_own_{own}", "text")).set_value("Op tijd en binnen budget")
    submit(app, f"map_own_{own}")
    assert store.list_own_interests(parties["project"])[0].text == "Op tijd en binnen budget"
    open_panel(app, ui.panel_key(f"map_own_{own}"))  # the new label is a new panel, closed
    submit(app, f"map_own_{own}_archive")
    assert store.list_own_interests(parties["project"]) == []
    assert "Op tijd en binnen budget" not in markdown(app), "archived: off the map"
    assert any("(gearchiveerd)" in e.label for e in app.expander), "and listed as archived"


def test_every_interest_is_shown_by_kind_with_its_party_and_hypotheses_marked(
        store: Store, parties: dict[str, int]) -> None:
    app = open_map()
    assert [h.value for h in app.subheader][:3] == [
        "Organisatiebelang (1)", "Politiek belang (1)", "Ander belang (1)"]
    shown = markdown(app)
    assert "**Gemeente** — Binnen budget" in shown
    assert "**Bewoners** — Meer groen op het plein" in shown
    (suspected,) = [line for line in shown.splitlines() if "Verkiezingen winnen" in line]
    assert ":material/help: Hypothese (vermoed)" in suspected, "icon and word, not colour alone"
    (confirmed,) = [line for line in shown.splitlines() if "Binnen budget" in line]
    assert "Hypothese" not in confirmed


def test_two_interests_of_different_parties_are_linked(
        store: Store, parties: dict[str, int]) -> None:
    app = open_map()
    choose_link(app, parties["project"], f"i{parties['budget']}", f"i{parties['groen']}",
                "tension", "Groen kost geld")
    submit(app, LINK_NEW.format(project=parties["project"]))
    assert not app.exception and not app.error, [e.value for e in app.error]
    (link,) = store.list_links(parties["project"])
    assert (link.relation, link.note) == ("tension", "Groen kost geld")
    shown = markdown(app)
    assert "**Bewoners ↔ Gemeente**" in shown, "the tension names both parties"
    assert "*Notitie:* Groen kost geld" in shown
    form = LINK_NEW.format(project=parties["project"])
    assert app.selectbox(key=field(form, "first_ref")).value is None, "the form starts again"


def test_interest_b_leaves_out_a_s_party(store: Store, parties: dict[str, int]) -> None:
    app = open_map()
    form = LINK_NEW.format(project=parties["project"])
    open_link_form(app, parties["project"])
    app.selectbox(key=field(form, "first_ref")).set_value(f"i{parties['budget']}").run()
    assert app.selectbox(key=field(form, "second_ref")).options == [
        "Bewoners — Meer groen op het plein"]


def test_a_link_within_one_party_is_refused_at_the_field(
        store: Store, parties: dict[str, int]) -> None:
    app = open_map()
    form = LINK_NEW.format(project=parties["project"])
    choose_link(app, parties["project"], f"i{parties['groen']}", f"i{parties['budget']}")
    app.run()
    # A changed to B's party afterwards: B stays in view, with why it cannot be saved.
    app.selectbox(key=field(form, "first_ref")).set_value(f"i{parties['verkiezingen']}").run()
    assert app.selectbox(key=field(form, "second_ref")).value == f"i{parties['budget']}"
    refusal = "Kies belangen van twee verschillende partijen"
    assert refusal in (message_after(app, field(form, "second_ref")) or "")
    submit(app, form)
    assert refusal in (message_after(app, field(form, "second_ref")) or "")
    assert store.list_links(parties["project"]) == []


def test_a_pair_linked_twice_is_refused_at_the_field(
        store: Store, parties: dict[str, int]) -> None:
    store.add_link(parties["project"], f"i{parties['budget']}", f"i{parties['groen']}",
                   "shared", "")
    app = open_map()
    form = LINK_NEW.format(project=parties["project"])
    choose_link(app, parties["project"], f"i{parties['groen']}", f"i{parties['budget']}",
                "tension")
    submit(app, form)
    assert "al verbonden" in (message_after(app, field(form, "second_ref")) or "")
    assert len(store.list_links(parties["project"])) == 1


def test_a_link_without_interest_b_asks_for_one_at_the_field(
        store: Store, parties: dict[str, int]) -> None:
    app = open_map()
    form = LINK_NEW.format(project=parties["project"])
    open_link_form(app, parties["project"])
    app.selectbox(key=field(form, "first_ref")).set_value(f"i{parties['budget']}").run()
    submit(app, form)
    assert message_after(app, field(form, "second_ref")) == "Kies een belang."
    assert store.list_links(parties["project"]) == []


def test_a_link_is_edited_and_removed_only_after_a_tick(
        store: Store, parties: dict[str, int]) -> None:
    link = store.add_link(parties["project"], f"i{parties['budget']}", f"i{parties['groen']}",
                          "shared", "Eerst")
    app = open_map()
    assert field(f"map_link_{link}", "note") not in {box.key for box in app.text_input}, (
        "its form is built only while its panel is open")
    open_panel(app, ui.panel_key(f"map_link_{link}"))
    app.radio(key=field(f"map_link_{link}", "relation")).set_value("tension")
    app.text_input(key=field(f"map_link_{link}", "note")).set_value("Toch niet")
    submit(app, f"map_link_{link}")
    (saved,) = store.list_links(parties["project"])
    assert (saved.relation, saved.note) == ("tension", "Toch niet")
    assert submit_button(app, f"map_link_{link}_remove").disabled, "not without the tick"
    app.checkbox(key=f"map_link_{link}_remove_confirm").check().run()
    submit(app, f"map_link_{link}_remove")
    assert store.list_links(parties["project"]) == []
    assert "Nog geen verbanden" in screen_text(app)


def test_common_ground_and_tensions_name_the_parties_and_flag_hypotheses(
        sample_store: Store) -> None:
    """On the sample's map (belangen.sample.LINKS): three chains of shared links and two
    tensions, one chain and one tension resting on a suspected interest."""
    app = open_map()
    shown = markdown(app)
    assert "**Gedeeld door 3 partijen: Els Jansen, Karin Smit, Marieke de Vries**" in shown
    assert "**Gedeeld door 2 partijen: Els Jansen, Marieke de Vries**" in shown
    assert "**Gedeeld door 2 partijen: Ik / mijn organisatie, Marieke de Vries**" in shown
    assert ("*Notitie:* Het buurthuis is de plek waar bewoners elkaar en ons spreken\\."
            in shown)
    assert shown.count("Rust deels op een hypothese") == 2, \
        "the chain through the alderman's suspected interest, the tension on Els's"
    assert "**Ahmed Bouzid ↔ Marieke de Vries**" in shown, "both parties, in the map's order"
    assert "**Ahmed Bouzid ↔ Els Jansen**" in shown
    assert ("Een eerste schop vóór de verkiezingen vraagt geld dat de corporatie niet "
            "heeft\\." in shown)
    assert not app.error


HOSTILE = "**vet** <b>html</b> [klik](javascript:alert(1)) # kop"


def test_user_text_is_shown_literally(store: Store, parties: dict[str, int]) -> None:
    own = store.add_own_interest(parties["project"], HOSTILE, "organisational", True, HOSTILE)
    store.add_link(parties["project"], f"o{own}", f"i{parties['groen']}", "shared", HOSTILE)
    app = open_map()
    literal = ui.plain(HOSTILE)
    bodies = [m.value for m in app.markdown] + [e.label for e in app.expander]
    assert any(literal in body for body in bodies)
    assert not any(HOSTILE in body for body in bodies), "never handed over as Markdown"
    assert f"*Notitie:* {literal}" in markdown(app)
    assert not any("<b>" in body and "\\<b\\>" not in body for body in bodies)


def test_an_empty_project_points_to_stakeholders_and_the_own_form(store: Store) -> None:
    project = store.create_project("Leeg")
    app = open_map()
    shown = screen_text(app)
    assert "Je hebt nog geen eigen belangen genoteerd" in shown
    assert "Er staan nog geen belangen op de kaart" in shown
    assert [link.proto.page for link in app.get("page_link")] == [screens.STAKEHOLDERS.url_path]
    assert "Zodra er belangen van minstens twee partijen" in shown
    assert "Nog geen gezamenlijk vertrekpunt" in shown
    assert "Nog geen spanningen" in shown
    assert app.text_area(key=field(OWN_NEW.format(project=project), "text")).value == ""


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_map_speaks_one_language_in_the_glossarys_terms(
        sample_store: Store, lang: str) -> None:
    """As tests/test_dutch_screens.py, on the sample and its map."""
    app = run_app(lang=lang)
    app.switch_page(screens.INTEREST_MAP.path).run()
    assert not app.exception, app.exception
    shown = markdown(app)
    if lang == "en":
        assert "**Shared by 3 parties: Els Jansen, Karin Smit, Marieke de Vries**" in shown
        assert "**Shared by 2 parties: Me / my organisation, Marieke de Vries**" in shown
        assert "Hypothesis (suspected)" in shown
    text = screen_text(app)
    own, other = (0, 1) if lang == "nl" else (1, 0)
    assert PYTHON_VALUES.findall(text) == []
    assert [phrase for phrase in literal_texts(other) if phrase in text] == []
    assert [word for word, pattern in rejected_words(own).items() if pattern.search(text)] == []


def test_a_tension_resting_on_a_hypothesis_says_so(store: Store, parties: dict[str, int]) -> None:
    store.add_link(parties["project"], f"i{parties['verkiezingen']}", f"i{parties['groen']}",
                   "tension", "")
    app = open_map()
    shown = markdown(app)
    assert "**Bewoners ↔ Gemeente**" in shown
    assert shown.count("Rust deels op een hypothese") == 1


def test_the_new_link_form_is_folded_until_asked_for_and_keeps_a_choice(
        store: Store, parties: dict[str, int]) -> None:
    """The map is mostly read: the form for a link (two lists of every interest) is folded
    away until asked for; a choice made in it and folded away is kept and said to be."""
    form = LINK_NEW.format(project=parties["project"])
    first = field(form, "first_ref")
    app = open_map()
    assert first not in {box.key for box in app.selectbox}, "folded"
    open_panel(app, ui.panel_key(form))
    app.selectbox(key=first).set_value(f"i{parties['groen']}").run()
    app.session_state[ui.panel_key(form)] = False
    app.run()
    assert first not in {box.key for box in app.selectbox}
    assert ui.tr("map.link.unsaved_closed") in [caption.value for caption in app.caption]
    open_panel(app, ui.panel_key(form))
    assert app.selectbox(key=first).value == f"i{parties['groen']}"
    assert store.list_links(parties["project"]) == []
