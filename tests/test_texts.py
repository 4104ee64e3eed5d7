"""The NL/EN catalogue: every text the code asks for exists, in both languages, with the same
placeholders (a missing one would crash a screen only when that message is shown)."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest

from belangen.texts import GLOSSARY, TEXTS, t, t_count

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("belangen/**/*.py")]
LITERAL_KEY = re.compile(r"""\b(?:tr|t)\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
COUNTED_KEY = re.compile(r"""\b(?:tr_count|t_count)\(\s*["']([a-z_]+\.[a-z_.]+)["']""")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_say_something_with_the_same_placeholders() -> None:
    """Every key at once; the failure names each key that is wrong."""
    wrong = [key for key, (dutch, english) in sorted(TEXTS.items())
             if not (dutch.strip() and english.strip())
             or placeholders(dutch) != placeholders(english)]
    assert len(TEXTS) > 300, "the catalogue is not read"
    assert wrong == []


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    named = {key for path in SOURCES for key in LITERAL_KEY.findall(path.read_text("utf-8"))}
    assert len(named) > 100, "the pattern no longer finds the keys"
    counted = {key for path in SOURCES for key in COUNTED_KEY.findall(path.read_text("utf-8"))}
    assert counted, "the pattern no longer finds the counted keys"
    named |= {f"{key}.{form}" for key in counted for form in ("one", "other")}
    assert sorted(named - set(TEXTS)) == []


# --- plural forms ----------------------------------------------------------------------------

FAKE_PLURAL = re.compile(r"\w\((?:s|en|es|n)\)")
# A number before a countable noun ("{count} acties", "{window} weken", "({cases} cases)") reads
# wrong for 1 or for 2 unless the text has a form per number. Words as they come, both languages.
COUNTABLE = frozenset("""
    actie acties versie versies project projecten stakeholder stakeholders weekcheck weekchecks
    follow-up follow-ups week weken keer kopie kopieën reservekopie reservekopieën onderdeel
    onderdelen teken tekens belang belangen dag dagen maand maanden jaar jaren geval gevallen
    vraag vragen tabel tabellen rij rijen
    action actions version versions projects case cases copy copies backup backups aspect
    aspects character characters interest interests day days month months year years question
    questions table tables row rows time times weeks
""".split())  # noqa: SIM905 (a word list reads better as text)
# Placeholders that are always far above one: a text limit is hundreds of characters.
ALWAYS_MANY = {"limit"}
# The placeholder and the one or two words after it ("{count} eerdere acties").
NEXT_WORDS = re.compile(r"\{(\w+)(?:[:!][^}]*)?\}\**((?:\s+[\w-]+){1,2})")


def test_no_text_fakes_a_plural_with_brackets() -> None:
    """'1 versie(s)' reads as a form, not a sentence: counted texts have a form per number."""
    fakes = sorted(key for key, texts in TEXTS.items()
                   for text in texts if FAKE_PLURAL.search(text))
    assert fakes == []


def test_a_number_before_a_noun_is_in_a_counted_text() -> None:
    """Every '{n} noun' lives in a `.one`/`.other` pair, so 1 and 2 each read right."""
    uncounted = sorted(
        f"{key}: {{{name}}}{words}"
        for key, texts in TEXTS.items() if not key.endswith((".one", ".other"))
        for text in texts for name, words in NEXT_WORDS.findall(text)
        if name not in ALWAYS_MANY and COUNTABLE & set(words.lower().split())
    )
    assert uncounted == []


def test_counted_texts_come_in_pairs_that_use_the_count() -> None:
    forms = [key for key in TEXTS if key.endswith((".one", ".other"))]
    assert forms, "no counted texts found"
    bases = {key.rpartition(".")[0] for key in forms}
    missing = sorted(f"{base}.{form}" for base in bases for form in ("one", "other")
                     if f"{base}.{form}" not in TEXTS)
    assert missing == []
    # The singular may leave the number out ("alleen de laatste"); the plural never does.
    assert sorted(key for key in forms if key.endswith(".other")
                  and any("{count" not in text for text in TEXTS[key])) == []
    assert sorted(base for base in bases
                  if placeholders(" ".join(TEXTS[f"{base}.one"])) - {"count"}
                  != placeholders(" ".join(TEXTS[f"{base}.other"])) - {"count"}) == []


@pytest.mark.parametrize(("lang", "expected"), [
    ("nl", ["0 eerdere afgeronde acties tonen", "1 eerdere afgeronde actie tonen",
            "2 eerdere afgeronde acties tonen"]),
    ("en", ["Show 0 earlier finished actions", "Show 1 earlier finished action",
            "Show 2 earlier finished actions"]),
])
def test_a_counted_text_is_singular_for_one_only(lang: str, expected: list[str]) -> None:
    assert [t_count("worksheet.older_actions", n, lang) for n in (0, 1, 2)] == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("nl", ["0 versies", "1 versie", "2 versies"]),
    ("en", ["0 versions", "1 version", "2 versions"]),
])
def test_versions_so_far_read_as_a_sentence(lang: str, expected: list[str]) -> None:
    texts = [t("follow_up.already_logged", lang, versions=t_count("count.versions", n, lang))
             for n in (0, 1, 2)]
    assert [text for text, words in zip(texts, expected, strict=True) if words not in text] == []


def test_the_backup_summary_counts_each_thing_in_its_own_form() -> None:
    created = dt.datetime(2026, 3, 12, 10, 30)
    one = t("data.restore_summary", "nl", created=created,
            projects=t_count("count.projects", 1, "nl"),
            stakeholders=t_count("count.stakeholders", 1, "nl"),
            follow_ups=t_count("count.follow_ups", 1, "nl"))
    assert one == "Reservekopie van 12-03-2026 10:30: 1 project, 1 stakeholder, 1 weekcheck."
    two = t("data.restore_summary", "en", created=created,
            projects=t_count("count.projects", 2, "en"),
            stakeholders=t_count("count.stakeholders", 2, "en"),
            follow_ups=t_count("count.follow_ups", 2, "en"))
    assert two == "Backup of 2026-03-12 10:30: 2 projects, 2 stakeholders, 2 follow-ups."


def test_every_counted_text_renders_for_zero_one_and_two_in_both_languages() -> None:
    """The other placeholders filled with their own name: a typo in one form would raise here."""
    bases = sorted({key.rpartition(".")[0] for key in TEXTS if key.endswith((".one", ".other"))})
    for base in bases:
        others = placeholders(" ".join(TEXTS[f"{base}.other"])) - {"count"}
        params = {name: f"<{name}>" for name in others}
        for lang in ("nl", "en"):
            rendered = [t_count(base, n, lang, **params) for n in (0, 1, 2)]
            assert "{" not in " ".join(rendered), (base, rendered)


# --- the glossary -----------------------------------------------------------------------------

def words_in(text: str) -> str:
    """The text as words, placeholders and Markdown left out, for matching glossary terms."""
    return " ".join(re.sub(r"\{[^}]*\}|\*\*", " ", text).lower().split())


def test_the_catalogue_uses_no_synonym_the_glossary_rejects() -> None:
    """One term per concept: a rejected word anywhere in that language names the key."""
    assert len(GLOSSARY) >= 20, "the glossary is not read"
    found = []
    for concept, term in GLOSSARY.items():
        for index, rejected in ((0, term.avoid_nl), (1, term.avoid_en)):
            for word in rejected:
                pattern = re.compile(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])")
                found += [f"{concept}: '{word}' in {key}" for key, texts in sorted(TEXTS.items())
                          if pattern.search(words_in(texts[index]))]
    assert found == []


def test_terugzetten_is_only_for_backups() -> None:
    """Un-archiving has its own verb, so 'terugzetten' always means putting a backup back."""
    backup_keys = ("data.", "backup.", "progress.", "db.")
    elsewhere = sorted(key for key, (dutch, _) in TEXTS.items()
                       if re.search(r"terugzet|teruggezet|\bzet\b.*\bterug\b", dutch.lower())
                       and not key.startswith(backup_keys))
    assert elsewhere == []


def test_the_page_headings_do_not_repeat_a_menu_item_for_something_else() -> None:
    """'Gegevens' is the menu item; a heading with the same word on another page misleads."""
    menu = {dutch for key, (dutch, _) in TEXTS.items() if key.startswith("nav.")}
    headings = {key: dutch for key, (dutch, _) in TEXTS.items()
                if key.startswith("stakeholders.") and dutch in menu
                and dutch != TEXTS["nav.stakeholders"][0]}
    assert headings == {}


# Words Dutch shares with English, or that Dutch professionals use as they are. A Dutch text equal
# to its English one may hold only these: anything else is an English word left in the Dutch UI.
SHARED_WORDS = {"stakeholder", "stakeholders", "trends", "week", "status", "markdown", "project",
                "belangen",  # the name of the app
                "per", "n"}


def test_a_dutch_text_equal_to_the_english_one_is_dutch_too() -> None:
    """Catches an English text copied into the Dutch column ("Follow-ups {week}")."""
    english_in_dutch = sorted(
        key for key, (dutch, english) in TEXTS.items() if dutch == english
        and not set(re.findall(r"[a-z][a-z-]*", words_in(dutch))) <= SHARED_WORDS)
    assert english_in_dutch == []
