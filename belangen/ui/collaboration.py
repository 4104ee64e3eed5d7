"""How a party and an interest of the map are named on screen, in the user's language (the
wording itself is `belangen.parties`)."""

from __future__ import annotations

from belangen import parties
from belangen.common_ground import InterestMap, MapInterest
from belangen.ui.language import language


def party_name(the_map: InterestMap, party: str) -> str:
    """The user as "Ik / mijn organisatie", a stakeholder by name (plain text)."""
    return parties.party_name(the_map, party, language())


def interest_label(the_map: InterestMap, interest: MapInterest) -> str:
    """"Party — interest", marked when it is a hypothesis; plain text for choice lists."""
    return parties.interest_label(the_map, interest, language())


def marked(interest: MapInterest) -> str:
    """An interest's text, marked when it is a hypothesis (plain text)."""
    return parties.marked(interest, language())
