"""What the Belangenkaart, Win-win opties and Gespreksvoorbereiding share: the project's map read
once per run, and how a party and an interest are named on screen."""

from __future__ import annotations

from belangen import parties
from belangen.common_ground import InterestMap, MapInterest
from belangen.domain import Project
from belangen.store import Store
from belangen.ui.language import language


def interest_map(store: Store, project: Project) -> InterestMap:
    """Every party's interests and the links between them (three reads)."""
    return InterestMap.build(
        [(s.id, s.name) for s in store.list_stakeholders(project.id)],
        store.map_interests(project.id),
        store.list_links(project.id),
    )


def party_name(the_map: InterestMap, party: str) -> str:
    """The user as "Ik / mijn organisatie", a stakeholder by name (plain text)."""
    return parties.party_name(the_map, party, language())


def interest_label(the_map: InterestMap, interest: MapInterest) -> str:
    """"Party — interest", marked when it is a hypothesis; plain text for choice lists."""
    return parties.interest_label(the_map, interest, language())


def marked(interest: MapInterest) -> str:
    """An interest's text, marked when it is a hypothesis (plain text)."""
    return parties.marked(interest, language())
