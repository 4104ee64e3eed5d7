"""The NL/EN catalogue: every text the code asks for exists, in both languages, with the same
placeholders (a missing one would crash a screen only when that message is shown)."""

from __future__ import annotations

import re
import string
from pathlib import Path

from belangen.texts import TEXTS

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
