"""How the parties, interests and options of the collaboration are put into words, in either
language: one wording for the screens, the brief and the documents. Plain text; each caller
makes it literal for its own format."""

from __future__ import annotations

from belangen import domain, formats
from belangen.common_ground import InterestMap, MapInterest
from belangen.domain import WinWinOption
from belangen.texts import t


def party_name(the_map: InterestMap, party: str, lang: str) -> str:
    """The user as "Ik / mijn organisatie", a stakeholder by name."""
    if party == domain.SELF_PARTY:
        return t("party.self", lang)
    return the_map.names.get(party, "?")


def party_after_preposition(the_map: InterestMap, party: str, lang: str) -> str:
    """A party after "met" or "voor": the user as "mij / mijn organisatie"."""
    if party == domain.SELF_PARTY:
        return t("party.self_object", lang)
    return party_name(the_map, party, lang)


def hypothesis_kind(interest: MapInterest, lang: str) -> str:
    """Why an interest is a hypothesis: "vermoed" (a stakeholder's), "niet op tafel" (mine)."""
    key = "party.own_off_table" if interest.party == domain.SELF_PARTY else "party.suspected"
    return t(key, lang)


def marked(interest: MapInterest, lang: str) -> str:
    """An interest's text, with "(vermoed)" or "(niet op tafel)" when it is a hypothesis."""
    if not interest.hypothesis:
        return interest.text
    return f"{interest.text} ({hypothesis_kind(interest, lang)})"


def held_by(the_map: InterestMap, interest: MapInterest, lang: str) -> str:
    """"Gemeente: Binnen budget (vermoed)": an interest with whose it is, in a sentence."""
    return f"{party_name(the_map, interest.party, lang)}: {marked(interest, lang)}"


def interest_label(the_map: InterestMap, interest: MapInterest, lang: str) -> str:
    """"Gemeente — Binnen budget (vermoed)": an interest among those of every party."""
    return f"{party_name(the_map, interest.party, lang)} — {marked(interest, lang)}"


def option_status(status: str, lang: str) -> str:
    return t(f"options.status.{status}", lang)


def agreement(option: WinWinOption, names: dict[int, str], lang: str) -> str:
    """"Afgesproken op 18-11-2026 met Marieke de Vries", or the status alone; `names` by
    stakeholder id (an archived partner keeps their name on the agreement)."""
    if option.status != "agreed" or option.agreed_on is None:
        return option_status(option.status, lang)
    partners = ", ".join(names.get(sid, "?") for sid in option.partners)
    return t("options.agreed_with", lang, date=formats.format_date(option.agreed_on, lang),
             partners=partners)


def relation_name(relation: str, lang: str) -> str:
    return t(f"map.relation.{relation}", lang)
