"""The app's own script for `<html lang>` takes a catalogue language and nothing else."""

from __future__ import annotations

import pytest

from belangen import texts
from belangen.ui import chrome


def test_the_language_script_sets_each_catalogue_language() -> None:
    for lang in texts.LANGUAGES:
        assert f"document.documentElement.lang = '{lang}';" in chrome.language_script(lang)


@pytest.mark.parametrize("hostile", ["nl'; alert(1); '", "</script><script>alert(1)", "de"])
def test_the_language_script_refuses_anything_else(hostile: str) -> None:
    with pytest.raises(ValueError):
        chrome.language_script(hostile)
