"""What each screen shows, read as words: in Dutch no English catalogue text, no Python value
("None", "nan", "True"), and none of the synonyms the glossary rejects; the same for English.

Reads every string the app hands Streamlit (titles, captions, labels, options, help texts,
placeholders, messages, metric labels and values, table cells) on the sample project.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from belangen import screens, ui
from belangen.store import Store
from belangen.texts import GLOSSARY, TEXTS
from tests.apptest import run_app

PAGES = [screen.path for screen in screens.SCREENS]
# Proto fields that carry words a person reads; ids, icons, formats and dates do not.
READ_FIELDS = {"body", "label", "options", "help", "placeholder", "caption", "title", "value"}
PYTHON_VALUES = re.compile(r"\b(None|nan|NaN|NaT|True|False)\b|object at 0x")


def proto_strings(message: Message) -> Iterator[str]:
    for field, value in message.ListFields():
        values = value if hasattr(value, "extend") else [value]
        if field.type == field.TYPE_MESSAGE:
            for item in values:
                yield from proto_strings(item)
        elif field.type == field.TYPE_STRING and field.name in READ_FIELDS:
            yield from values


def shown_texts(node: object) -> Iterator[str]:
    proto = getattr(node, "proto", None)
    if isinstance(proto, Message):
        yield from proto_strings(proto)
    for child in getattr(node, "children", {}).values():
        yield from shown_texts(child)


def screen_text(app: AppTest) -> str:
    tables = [str(cell) for frame in app.dataframe for cell in frame.value.to_numpy().ravel()]
    return "\n".join([*shown_texts(app._tree), *tables])


def literal_texts(lang: int) -> list[str]:
    """Catalogue texts of one language that the other language never says, without
    placeholders and of at least two words: if one shows up, the screen is in two languages."""
    other = {texts[1 - lang] for texts in TEXTS.values()}
    return sorted({texts[lang] for texts in TEXTS.values()
                   if "{" not in texts[lang] and len(texts[lang].split()) >= 2
                   and texts[lang] not in other})


def rejected_words(lang: int) -> dict[str, re.Pattern[str]]:
    words = [word for term in GLOSSARY.values()
             for word in (term.avoid_nl if lang == 0 else term.avoid_en)]
    return {word: re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
            for word in words}


@pytest.fixture
def sample_app(sample_store: Store) -> AppTest:
    return run_app()


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_screen_speaks_one_language_in_the_glossarys_terms(
    sample_app: AppTest, page: str, lang: str
) -> None:
    sample_app.selectbox(key=ui.LANGUAGE_KEY).set_value(lang).run()
    sample_app.switch_page(page).run()
    assert not sample_app.exception, sample_app.exception
    text = screen_text(sample_app)
    assert len(text) > 200, "the screen's text is not read"
    shown, other = (0, 1) if lang == "nl" else (1, 0)
    assert PYTHON_VALUES.findall(text) == []
    assert [phrase for phrase in literal_texts(other) if phrase in text] == []
    assert [word for word, pattern in rejected_words(shown).items() if pattern.search(text)] == []
