"""Looking across the parties of a project: every interest on one map, the common ground that
shared links make, the tensions, and which parties a win-win option serves. Pure Python: the
store reads the rows, the screens and exports draw what this computes.

A party is the user (`domain.SELF_PARTY`, "ik / mijn organisatie") or a stakeholder ('s<id>').
Common ground follows shared links: interests joined by a chain of shared links are one
"gezamenlijk vertrekpunt", and count by how many parties hold one of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from belangen import domain
from belangen.domain import InterestLink, WinWinOption


@dataclass(frozen=True)
class MapInterest:
    ref: str
    party: str
    party_name: str
    """The stakeholder's name; '' for the user."""
    text: str
    kind: str
    hypothesis: bool
    """A suspected interest of a stakeholder, or one of the user's own kept off the table."""


@dataclass(frozen=True)
class CommonGround:
    """Interests of several parties joined by shared links."""

    interests: tuple[MapInterest, ...]
    parties: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def has_hypothesis(self) -> bool:
        return any(interest.hypothesis for interest in self.interests)


@dataclass(frozen=True)
class Tension:
    link: InterestLink
    first: MapInterest
    second: MapInterest

    @property
    def parties(self) -> tuple[str, str]:
        return self.first.party, self.second.party

    @property
    def has_hypothesis(self) -> bool:
        return self.first.hypothesis or self.second.hypothesis


@dataclass(frozen=True)
class InterestMap:
    """One project's interests and the links between them. `parties` lists every party in
    order, the user first, also those with nothing on the map yet; `names` gives each a name."""

    parties: tuple[str, ...]
    names: dict[str, str]
    interests: tuple[MapInterest, ...]
    links: tuple[InterestLink, ...]
    _by_ref: dict[str, MapInterest] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_ref", {i.ref: i for i in self.interests})

    @classmethod
    def build(
        cls,
        stakeholders: Iterable[tuple[int, str]],
        interests: Iterable[Sequence[object]],
        links: Iterable[InterestLink],
    ) -> InterestMap:
        """From the active stakeholders (id, name) in their order, the rows of
        `Store.map_interests` and the links; links to interests not on the map are left out."""
        parties = [domain.SELF_PARTY]
        names = {domain.SELF_PARTY: ""}
        for stakeholder_id, name in stakeholders:
            party = domain.stakeholder_party(stakeholder_id)
            parties.append(party)
            names[party] = name
        on_map = tuple(MapInterest(*row) for row in interests)  # type: ignore[arg-type]
        refs = {interest.ref for interest in on_map}
        kept = tuple(link for link in links
                     if link.first_ref in refs and link.second_ref in refs)
        return cls(tuple(parties), names, on_map, kept)

    def interest(self, ref: str) -> MapInterest | None:
        return self._by_ref.get(ref)

    def of_party(self, party: str) -> list[MapInterest]:
        return [interest for interest in self.interests if interest.party == party]

    def by_kind(self) -> dict[str, list[MapInterest]]:
        """Interests grouped by kind, in the order of `worksheet.INTEREST_KINDS`, parties in
        their order within a kind; kinds without interests are left out."""
        from belangen import worksheet

        order = {party: index for index, party in enumerate(self.parties)}
        groups: dict[str, list[MapInterest]] = {}
        for kind in worksheet.INTEREST_KINDS:
            found = [i for i in self.interests if i.kind == kind]
            if found:
                groups[kind] = sorted(found, key=lambda i: order.get(i.party, len(order)))
        return groups

    def common_ground(self) -> list[CommonGround]:
        """Chains of shared links, most parties first; a chain within one party is none."""
        parent = {interest.ref: interest.ref for interest in self.interests}

        def root(ref: str) -> str:
            while parent[ref] != ref:
                parent[ref] = parent[parent[ref]]
                ref = parent[ref]
            return ref

        shared = [link for link in self.links if link.relation == "shared"]
        for link in shared:
            parent[root(link.first_ref)] = root(link.second_ref)
        groups: dict[str, list[MapInterest]] = {}
        for interest in self.interests:
            if any(interest.ref in (link.first_ref, link.second_ref) for link in shared):
                groups.setdefault(root(interest.ref), []).append(interest)
        order = {party: index for index, party in enumerate(self.parties)}
        found = []
        for members in groups.values():
            parties = tuple(sorted({i.party for i in members}, key=lambda p: order.get(p, 0)))
            if len(parties) < 2:
                continue
            refs = {i.ref for i in members}
            notes = tuple(link.note for link in shared if link.first_ref in refs and link.note)
            found.append(CommonGround(
                tuple(sorted(members, key=lambda i: order.get(i.party, 0))), parties, notes))
        return sorted(found, key=lambda g: (-len(g.parties), -len(g.interests),
                                            g.interests[0].ref))

    def tensions(self, party: str | None = None) -> list[Tension]:
        """Links in tension, of one party when given, in the order they were made."""
        found = []
        for link in self.links:
            if link.relation != "tension":
                continue
            tension = Tension(link, self._by_ref[link.first_ref], self._by_ref[link.second_ref])
            if party is None or party in tension.parties:
                found.append(tension)
        return found

    def shared_of(self, party: str) -> list[CommonGround]:
        return [group for group in self.common_ground() if party in group.parties]

    def for_export(self, *, include_hidden: bool = False) -> InterestMap:
        """The map as an export shows it: without hypotheses (and their links) unless the user
        chose to include them."""
        if include_hidden:
            return self
        return InterestMap.build(
            [(int(p[1:]), self.names[p]) for p in self.parties if p != domain.SELF_PARTY],
            [(i.ref, i.party, i.party_name, i.text, i.kind, i.hypothesis)
             for i in self.interests if not i.hypothesis],
            self.links,
        )


def option_gain(option: WinWinOption, interest_map: InterestMap) -> dict[str, list[MapInterest]]:
    """Per party, in the map's order, the interests of theirs the option serves (parties it
    serves nothing of are left out); served interests no longer on the map are ignored."""
    served = [interest_map.interest(ref) for ref in option.serves]
    gains: dict[str, list[MapInterest]] = {}
    for party in interest_map.parties:
        theirs = [i for i in served if i is not None and i.party == party]
        if theirs:
            gains[party] = theirs
    return gains


def missing_parties(option: WinWinOption, interest_map: InterestMap) -> list[str]:
    """The parties of the project the option serves no interest of, the user included."""
    gains = option_gain(option, interest_map)
    return [party for party in interest_map.parties if party not in gains]


def every_party_gains(option: WinWinOption, interest_map: InterestMap) -> bool:
    """Whether the option serves at least one interest of every party, the user included; a
    project without stakeholders has no win-win to find."""
    return len(interest_map.parties) > 1 and not missing_parties(option, interest_map)


def options_of_party(
    options: Iterable[WinWinOption], interest_map: InterestMap, party: str
) -> list[WinWinOption]:
    """Options that serve one of the party's interests or were agreed with them."""
    found = []
    for option in options:
        agreed_with = party != domain.SELF_PARTY and int(party[1:]) in option.partners
        if agreed_with or party in option_gain(option, interest_map):
            found.append(option)
    return found
