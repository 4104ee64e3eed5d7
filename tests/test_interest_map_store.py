"""The collaboration tables in a real DuckDB file: own interests, links, options, agreements that
become actions, history kept on every edit, and nothing left behind when someone is deleted."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from belangen.domain import ValidationError
from belangen.store import NotFound, Store


@pytest.fixture
def parties(store: Store) -> dict[str, int]:
    project = store.create_project("Stationsplein", "", "", store.today() - dt.timedelta(weeks=4))
    ids = {"project": project}
    for name in ("Gemeente", "Corporatie", "Bewoners"):
        ids[name] = store.create_stakeholder(project, name)
    ids["gemeente_budget"] = store.add_interest(ids["Gemeente"], "Binnen budget",
                                                "organisational", "confirmed")
    ids["gemeente_hidden"] = store.add_interest(ids["Gemeente"], "Verkiezingen", "political")
    ids["corporatie_tempo"] = store.add_interest(ids["Corporatie"], "Snel bouwen",
                                                 "organisational", "confirmed")
    ids["bewoners_groen"] = store.add_interest(ids["Bewoners"], "Groen", "other", "confirmed")
    ids["own"] = store.add_own_interest(project, "Op tijd klaar", "organisational", True, "")
    return ids


def test_own_interests_are_kept_with_their_history(store: Store, parties: dict[str, int]) -> None:
    own = parties["own"]
    store.update_own_interest(own, 1, text="Op tijd en binnen budget", kind="organisational",
                              on_table=False, notes="Niet hardop")
    (mine,) = store.list_own_interests(parties["project"])
    assert (mine.text, mine.on_table, mine.notes, mine.revision) == (
        "Op tijd en binnen budget", False, "Niet hardop", 2)
    (previous,) = store.query_rows(
        "SELECT previous FROM change_log WHERE table_name = 'own_interest' AND row_id = ?", [own])
    assert json.loads(previous[0])["text"] == "Op tijd klaar"
    store.set_own_interest_archived(own, True)
    assert store.list_own_interests(parties["project"]) == []
    with pytest.raises(ValidationError) as refused:
        store.add_own_interest(parties["project"], "  ", "organisational", True, "")
    assert refused.value.field == "text"


def test_map_rows_mark_hypotheses_and_put_the_user_first(
    store: Store, parties: dict[str, int]
) -> None:
    store.add_own_interest(parties["project"], "Promotie", "individual", False, "")
    rows = store.map_interests(parties["project"])
    assert [(ref[0], party, hypothesis) for ref, party, _n, _t, _k, hypothesis in rows] == [
        ("o", "self", False), ("o", "self", True),
        ("i", f"s{parties['Bewoners']}", False),
        ("i", f"s{parties['Corporatie']}", False),
        ("i", f"s{parties['Gemeente']}", False), ("i", f"s{parties['Gemeente']}", True),
    ]


def test_a_link_joins_two_parties_once_and_keeps_each_version(
    store: Store, parties: dict[str, int]
) -> None:
    project = parties["project"]
    budget, tempo = f"i{parties['gemeente_budget']}", f"i{parties['corporatie_tempo']}"
    link_id = store.add_link(project, tempo, budget, "tension", "Sneller is duurder")
    for first, second, message in (
        (budget, tempo, "error.link_exists"),  # the same pair the other way round
        (budget, f"i{parties['gemeente_hidden']}", "error.link_same_party"),
        (budget, "i999", "error.interest_not_in_project"),
    ):
        with pytest.raises(ValidationError) as refused:
            store.add_link(project, first, second, "shared", "")
        assert (refused.value.field, refused.value.message_key) == ("second_ref", message)
    store.update_link(link_id, 1, relation="shared", note="Toch samen")
    (link,) = store.list_links(project)
    assert (link.relation, link.note, link.revision) == ("shared", "Toch samen", 2)
    store.remove_link(link_id)
    assert store.list_links(project) == []
    with pytest.raises(NotFound):
        store.get_link(link_id)
    versions = store.query_rows(
        "SELECT previous FROM change_log WHERE table_name = 'interest_link' ORDER BY id")
    assert [json.loads(v)["note"] for (v,) in versions] == ["Sneller is duurder", "Toch samen"]
    # Removed, the pair can be linked again.
    store.add_link(project, budget, tempo, "shared", "")


def test_a_link_refuses_an_interest_of_another_project(
    store: Store, parties: dict[str, int]
) -> None:
    other = store.create_project("Ander", "", "", store.today())
    elsewhere = store.add_own_interest(other, "Elders", "other", True, "")
    with pytest.raises(ValidationError) as refused:
        store.add_link(parties["project"], f"i{parties['gemeente_budget']}", f"o{elsewhere}",
                       "shared", "")
    assert refused.value.message_key == "error.interest_not_in_project"


def test_the_map_of_the_store_finds_the_common_ground(
    store: Store, parties: dict[str, int]
) -> None:
    project = parties["project"]
    store.add_link(project, f"o{parties['own']}", f"i{parties['corporatie_tempo']}", "shared")
    store.add_link(project, f"i{parties['gemeente_budget']}", f"o{parties['own']}", "shared")
    store.set_stakeholder_archived(parties["Bewoners"], True)  # off the map with its interests
    interest_map = store.interest_map(project)
    assert interest_map.parties == ("self", f"s{parties['Corporatie']}",
                                    f"s{parties['Gemeente']}")
    (ground,) = interest_map.common_ground()
    assert set(ground.parties) == {"self", f"s{parties['Gemeente']}", f"s{parties['Corporatie']}"}


def test_an_agreed_option_becomes_one_action_per_stakeholder_once(
    store: Store, parties: dict[str, int]
) -> None:
    project = parties["project"]
    serves = [f"o{parties['own']}", f"i{parties['gemeente_budget']}",
              f"i{parties['corporatie_tempo']}", f"i{parties['bewoners_groen']}"]
    option_id = store.add_option(project, "Groen dak op de nieuwbouw", "Subsidie", serves=serves,
                                 costs="Corporatie: extra ontwerp")
    with pytest.raises(ValidationError) as not_yet:
        store.actions_from_option(option_id, [parties["Gemeente"]], row_key="negotiation")
    assert not_yet.value.message_key == "error.option_not_agreed"
    with pytest.raises(ValidationError) as nobody:
        store.update_option(option_id, 1, title="Groen dak op de nieuwbouw", description="",
                            serves=serves, costs="", status="agreed")
    assert nobody.value.field == "partners"
    store.update_option(option_id, 1, title="Groen dak op de nieuwbouw", description="",
                        serves=serves, costs="", status="agreed",
                        partners=[parties["Gemeente"], parties["Corporatie"]])
    option = store.get_option(option_id)
    assert (option.status, option.agreed_on, option.revision) == ("agreed", store.today(), 2)
    assert option.serves == tuple(sorted(serves, key=lambda r: (r[0], int(r[1:]))))
    people = [parties["Gemeente"], parties["Corporatie"]]
    first = store.actions_from_option(option_id, people, row_key="negotiation",
                                      planned_week=store.today(), token="actions-token-1")
    again = store.actions_from_option(option_id, people, row_key="negotiation",
                                      planned_week=store.today(), token="actions-token-1")
    assert first == again and len(first) == 2
    made = store.option_actions(project)[option_id]
    assert sorted(a.stakeholder for a in made) == ["Corporatie", "Gemeente"]
    (action,) = store.list_actions(parties["Gemeente"])
    assert (action.text, action.row_key, action.status) == (
        "Groen dak op de nieuwbouw", "negotiation", "planned")


def test_an_option_refuses_interests_and_partners_of_another_project(
    store: Store, parties: dict[str, int]
) -> None:
    other = store.create_project("Ander", "", "", store.today())
    stranger = store.create_stakeholder(other, "Vreemde")
    with pytest.raises(ValidationError) as refused:
        store.add_option(parties["project"], "X", serves=[f"i{parties['gemeente_budget']}"],
                         status="agreed", partners=[stranger])
    assert refused.value.field == "partners"
    with pytest.raises(ValidationError):
        store.add_option(other, "X", serves=[f"i{parties['gemeente_budget']}"])
    assert store.list_options(other) == []


def test_deleting_a_stakeholder_takes_them_off_the_map_and_out_of_options(
    store: Store, parties: dict[str, int]
) -> None:
    project = parties["project"]
    groen = f"i{parties['bewoners_groen']}"
    link_id = store.add_link(project, groen, f"o{parties['own']}", "tension",
                             "Bewoners vinden ons te snel")
    store.update_link(link_id, 1, relation="tension", note="Bewoners wantrouwen ons")
    kept = store.add_link(project, f"o{parties['own']}", f"i{parties['corporatie_tempo']}",
                          "shared")
    option_id = store.add_option(project, "Inspraakavond", serves=[groen, f"o{parties['own']}"],
                                 status="agreed", partners=[parties["Bewoners"]])
    store.update_option(option_id, 1, title="Inspraakavond", description="",
                        serves=[groen, f"o{parties['own']}"], costs="", status="agreed",
                        partners=[parties["Bewoners"]])
    store.delete_stakeholder(parties["Bewoners"])
    assert [link.id for link in store.list_links(project)] == [kept]
    option = store.get_option(option_id)
    assert (option.serves, option.partners) == ((f"o{parties['own']}",), ())
    everything = " ".join(str(row) for row in store.query_rows("SELECT * FROM change_log"))
    assert "wantrouwen" not in everything and "te snel" not in everything
    assert groen not in everything
    assert f"[{parties['Bewoners']}]" not in everything


def test_deleting_a_project_leaves_nothing_of_its_map(
    store: Store, parties: dict[str, int]
) -> None:
    project = parties["project"]
    link_id = store.add_link(project, f"o{parties['own']}", f"i{parties['bewoners_groen']}",
                             "shared", "Samen groen")
    store.update_link(link_id, 1, relation="shared", note="Samen meer groen")
    option_id = store.add_option(project, "Groen plein", serves=[f"o{parties['own']}"])
    store.update_option(option_id, 1, title="Groener plein", description="",
                        serves=[f"o{parties['own']}"], costs="", status="discussed")
    store.update_own_interest(parties["own"], 1, text="Op tijd", kind="organisational",
                              on_table=True, notes="")
    store.delete_project(project)
    for table in ("own_interest", "interest_link", "win_win_option", "change_log"):
        assert store.query_rows(f"SELECT count(*) FROM {table}") == [(0,)], table
