"""Common ground, tensions and "every party gains" on hand-made maps with known answers."""

from __future__ import annotations

import datetime as dt

import pytest

from belangen import domain
from belangen.common_ground import (
    InterestMap,
    every_party_gains,
    missing_parties,
    option_gain,
    options_of_party,
)
from belangen.domain import InterestLink, ValidationError, WinWinOption

STAKEHOLDERS = [(1, "Gemeente"), (2, "Woningcorporatie"), (3, "Bewonersraad")]
INTERESTS = [
    ("o1", "self", "", "Project op tijd af", "organisational", False),
    ("o2", "self", "", "Promotie", "individual", True),  # kept off the table
    ("i10", "s1", "Gemeente", "Betaalbare woningen", "political", False),
    ("i11", "s1", "Gemeente", "Wethouder wil scoren voor de verkiezingen", "political", True),
    ("i20", "s2", "Woningcorporatie", "Snel bouwen", "organisational", False),
    ("i21", "s2", "Woningcorporatie", "Lage grondprijs", "organisational", False),
    ("i30", "s3", "Bewonersraad", "Groen behouden", "other", False),
    ("i31", "s3", "Bewonersraad", "Betaalbaar wonen voor hun kinderen", "individual", False),
]


def link(link_id: int, first: str, second: str, relation: str, note: str = "") -> InterestLink:
    return InterestLink(link_id, 1, first, second, relation, note, 1)


def option(serves: tuple[str, ...], partners: tuple[int, ...] = (), status: str = "idea",
           option_id: int = 1) -> WinWinOption:
    return WinWinOption(option_id, 1, "Optie", "", serves, "", status, None, partners, False, 1)


def a_map(*links: InterestLink) -> InterestMap:
    return InterestMap.build(STAKEHOLDERS, INTERESTS, links)


def test_a_chain_of_shared_links_is_one_common_ground_counted_by_parties() -> None:
    interest_map = a_map(
        link(1, "i10", "i31", "shared", "Allebei betaalbaar"),
        link(2, "i31", "o1", "shared"),
        link(3, "i20", "o1", "shared", "Tempo"),
        link(4, "i21", "i30", "tension"),
    )
    (ground,) = interest_map.common_ground()
    assert ground.parties == ("self", "s1", "s2", "s3")
    assert [i.ref for i in ground.interests] == ["o1", "i10", "i20", "i31"]
    assert ground.notes == ("Allebei betaalbaar", "Tempo")


def test_separate_chains_come_most_parties_first() -> None:
    interest_map = a_map(
        link(1, "i21", "i30", "shared"),             # two parties
        link(2, "i10", "i31", "shared"),             # three parties, via i31 and o1
        link(3, "i31", "o1", "shared"),
    )
    grounds = interest_map.common_ground()
    assert [g.parties for g in grounds] == [("self", "s1", "s3"), ("s2", "s3")]


def test_tension_links_make_no_common_ground_and_are_listed_per_party() -> None:
    interest_map = a_map(link(1, "i21", "i30", "tension", "Grond of groen"),
                         link(2, "i11", "o1", "tension"))
    assert interest_map.common_ground() == []
    tensions = interest_map.tensions()
    assert [(t.first.ref, t.second.ref) for t in tensions] == [("i21", "i30"), ("i11", "o1")]
    assert [t.parties for t in interest_map.tensions("s3")] == [("s2", "s3")]
    assert interest_map.tensions("s3")[0].link.note == "Grond of groen"
    assert [t.has_hypothesis for t in tensions] == [False, True]


def test_links_to_interests_no_longer_on_the_map_are_left_out() -> None:
    interest_map = a_map(link(1, "i10", "i99", "shared"), link(2, "i10", "i31", "tension"))
    assert [lk.id for lk in interest_map.links] == [2]
    assert interest_map.common_ground() == []


def test_by_kind_follows_the_worksheet_order_and_the_parties_order() -> None:
    groups = a_map().by_kind()
    assert list(groups) == ["organisational", "individual", "political", "other"]
    assert [i.ref for i in groups["organisational"]] == ["o1", "i20", "i21"]
    assert [i.ref for i in groups["individual"]] == ["o2", "i31"]


def test_the_export_map_leaves_out_hypotheses_and_their_links_unless_asked() -> None:
    interest_map = a_map(link(1, "i11", "o1", "tension"), link(2, "i10", "i31", "shared"),
                         link(3, "o2", "i20", "shared"))
    exported = interest_map.for_export()
    assert {i.ref for i in exported.interests} == {"o1", "i10", "i20", "i21", "i30", "i31"}
    assert [lk.id for lk in exported.links] == [2]
    assert exported.parties == interest_map.parties
    assert interest_map.for_export(include_hidden=True) is interest_map


def test_an_option_gains_per_party_and_every_party_needs_the_user_too() -> None:
    interest_map = a_map()
    serves_three = option(("i10", "i20", "i31"))
    assert {p: [i.ref for i in found]
            for p, found in option_gain(serves_three, interest_map).items()} == {
        "s1": ["i10"], "s2": ["i20"], "s3": ["i31"]}
    assert missing_parties(serves_three, interest_map) == ["self"]
    assert not every_party_gains(serves_three, interest_map)
    serves_all = option(("i10", "i20", "i31", "o1"))
    assert every_party_gains(serves_all, interest_map)
    assert missing_parties(serves_all, interest_map) == []


def test_a_served_interest_that_left_the_map_serves_nobody() -> None:
    interest_map = a_map()
    assert option_gain(option(("i99", "i10")), interest_map).keys() == {"s1"}


def test_without_stakeholders_no_option_serves_every_party() -> None:
    alone = InterestMap.build([], [INTERESTS[0]], [])
    assert missing_parties(option(("o1",)), alone) == []
    assert not every_party_gains(option(("o1",)), alone), "a win-win needs someone else"


def test_a_stakeholder_without_interests_can_never_gain() -> None:
    interest_map = InterestMap.build([*STAKEHOLDERS, (4, "Nieuw")], INTERESTS, [])
    assert missing_parties(option(("o1", "i10", "i20", "i30")), interest_map) == ["s4"]


def test_options_of_a_party_are_those_that_serve_them_or_were_agreed_with_them() -> None:
    interest_map = a_map()
    serves_s1 = option(("i10",), option_id=1)
    agreed_with_s3 = option(("i20",), partners=(3,), status="agreed", option_id=2)
    neither = option(("o1",), option_id=3)
    found = options_of_party([serves_s1, agreed_with_s3, neither], interest_map, "s3")
    assert [o.id for o in found] == [2]
    assert [o.id for o in options_of_party([serves_s1, agreed_with_s3, neither],
                                           interest_map, "self")] == [3]


def test_a_link_is_stored_in_one_order_and_refuses_one_interest_twice() -> None:
    values = domain.link_values("o3", "i12", "tension", " Botst ")
    assert (values["first_ref"], values["second_ref"], values["note"]) == ("i12", "o3", "Botst")
    with pytest.raises(ValidationError) as same:
        domain.link_values("i12", "i12", "shared", "")
    assert same.value.message_key == "error.link_same_interest"
    for bad in ("x12", "i", "i0", "i-1", 12, None, "i1 "):
        with pytest.raises(ValidationError):
            domain.link_values(bad, "i2", "shared", "")
    with pytest.raises(ValidationError):
        domain.link_values("i1", "i2", "friends", "")


def test_an_agreed_option_needs_a_past_day_and_someone_it_was_agreed_with() -> None:
    today = dt.date(2026, 12, 1)
    agreed = domain.option_values("Samen bouwen", "", ["i10", "o1", "i10"], "", "agreed", None,
                                  [3, 1, 3], today=today)
    assert agreed["agreed_on"] == today
    assert agreed["partners"] == [1, 3]
    assert agreed["serves"] == ["i10", "o1"]
    with pytest.raises(ValidationError) as nobody:
        domain.option_values("X", "", [], "", "agreed", None, [], today=today)
    assert nobody.value.field == "partners"
    with pytest.raises(ValidationError) as future:
        domain.option_values("X", "", [], "", "agreed", dt.date(2026, 12, 2), [1], today=today)
    assert future.value.message_key == "error.agreed_in_future"
    idea = domain.option_values("X", "", [], "", "idea", dt.date(2026, 11, 2), [1], today=today)
    assert (idea["agreed_on"], idea["partners"]) == (None, [])
    with pytest.raises(ValidationError):
        domain.option_values(" ", "", [], "", "idea", None, [], today=today)
    with pytest.raises(ValidationError):
        domain.option_values("X", "", ["i1"], "", "idea", None, [True], today=today)
