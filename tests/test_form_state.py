"""The form-state mechanism on its own, over a plain dict standing in for Streamlit's session
state. What Streamlit does is played by hand: the browser's values land in the widget keys, and
a run that does not draw a widget ends with its key removed (`forget_widgets`)."""

from __future__ import annotations

from belangen import form_state
from belangen.form_state import DISCARDED, RESTORED, widget_key

FORM = "fu_1_2026-11-30"
SAVED = {"rating_value": 3, "reflection": "Opgeslagen"}


def start_run(state: dict) -> None:
    form_state.capture_drafts(state)


def draw(state: dict, saved: dict = SAVED, version: object = 7) -> form_state.Prepared:
    """One run that draws the form (start of run, then the form prepared before its widgets)."""
    start_run(state)
    return form_state.prepare(state, FORM, saved, version)


def type_in(state: dict, name: str, value: object) -> None:
    """What the browser sends when the user changes a field."""
    state[widget_key(FORM, name)] = value


def typed_in(**changes: object) -> dict:
    """A new form drawn once from SAVED, then these changes typed in (no run since): where most
    of these stories start."""
    state: dict = {}
    draw(state)
    for name, value in changes.items():
        type_in(state, name, value)
    return state


def forget_widgets(state: dict) -> None:
    """The end of a run that did not draw the form: Streamlit drops its widgets' keys."""
    for name in list(state):
        if name.startswith(f"{FORM}__"):
            del state[name]


def shown(state: dict) -> dict:
    return form_state.values(state, FORM, SAVED)


def leave_and_return(state: dict, saved: dict = SAVED, version: object = 7):
    start_run(state)  # a run on another page: it still sees the form's widgets...
    forget_widgets(state)  # ...and Streamlit drops them when it ends
    start_run(state)  # one more page, so the form was not drawn in the run before
    return draw(state, saved, version)


def test_a_new_form_shows_what_is_saved() -> None:
    state: dict = {}
    prepared = draw(state)
    assert shown(state) == SAVED
    assert prepared.notice is None and prepared.unsaved == ()


def test_a_field_with_nothing_saved_is_seeded_empty_not_with_a_default() -> None:
    state: dict = {}
    draw(state, {"rating_value": None, "reflection": ""}, version=None)
    assert state[widget_key(FORM, "rating_value")] is None


def test_what_the_user_types_stays_while_they_stay() -> None:
    state = typed_in(reflection="Half getypt")
    prepared = draw(state)
    assert shown(state) == {**SAVED, "reflection": "Half getypt"}
    assert prepared.unsaved == ("reflection",)
    assert prepared.notice is None


def test_a_key_missing_while_staying_is_seeded_from_the_draft() -> None:
    """A field drawn only sometimes (an outcome under a ticked action) keeps its text."""
    state = typed_in(reflection="Bewaard")
    draw(state)
    del state[widget_key(FORM, "reflection")]  # not drawn in the last run
    draw(state)
    assert state[widget_key(FORM, "reflection")] == "Bewaard"


def test_unsaved_changes_come_back_after_leaving_the_page() -> None:
    state = typed_in(rating_value=5, reflection="Nog niet opgeslagen")
    prepared = leave_and_return(state)
    assert shown(state) == {"rating_value": 5, "reflection": "Nog niet opgeslagen"}
    assert prepared.notice == RESTORED


def test_a_saved_form_reads_back_after_leaving_not_as_a_default() -> None:
    """The defect this replaced: a seeded flag outlived the widget keys and the radio read 1."""
    state: dict = {}
    draw(state, {"rating_value": None, "reflection": ""}, version=None)
    form_state.saved(state, FORM)  # the page stored it and reruns
    draw(state, {"rating_value": 5, "reflection": "Goed"}, version=8)
    prepared = leave_and_return(state, {"rating_value": 5, "reflection": "Goed"}, version=8)
    assert shown(state) == {"rating_value": 5, "reflection": "Goed"}
    assert prepared.notice is None


def test_a_change_typed_back_to_the_saved_value_is_no_draft() -> None:
    state = typed_in(reflection="Anders")
    draw(state)
    type_in(state, "reflection", SAVED["reflection"])
    assert draw(state).unsaved == ()


def test_a_draft_made_against_an_older_version_is_set_aside_on_coming_back() -> None:
    state = typed_in(reflection="Mijn versie")
    draw(state)
    newer = {"rating_value": 4, "reflection": "Uit het andere tabblad"}
    prepared = leave_and_return(state, newer, version=8)
    assert shown(state) == newer, "the form shows what is saved now"
    assert prepared.notice == DISCARDED
    assert prepared.set_aside == {"reflection": "Mijn versie"}, "nothing is silently lost"

    form_state.restore_set_aside(state, FORM)
    assert state[widget_key(FORM, "reflection")] == "Mijn versie"
    assert draw(state, newer, version=8).unsaved == ("reflection",)


def test_a_save_elsewhere_while_editing_keeps_the_edit_and_updates_the_rest() -> None:
    state = typed_in(reflection="Mijn versie")
    draw(state)
    newer = {"rating_value": 4, "reflection": "Uit het andere tabblad"}
    draw(state, newer, version=8)
    assert shown(state) == {"rating_value": 4, "reflection": "Mijn versie"}
    assert form_state.is_stale(state, FORM)
    assert form_state.base_version(state, FORM) == 7, "a save must meet the conflict"

    form_state.keep_mine(state, FORM)
    assert not form_state.is_stale(state, FORM)
    assert form_state.base_version(state, FORM) == 8


def test_a_save_elsewhere_without_changes_here_simply_shows_the_new_version() -> None:
    state: dict = {}
    draw(state)
    newer = {"rating_value": 4, "reflection": "Uit het andere tabblad"}
    prepared = draw(state, newer, version=8)
    assert shown(state) == newer
    assert not form_state.is_stale(state, FORM)
    assert prepared.notice is None


def test_discarding_a_draft_shows_what_is_saved() -> None:
    state = typed_in(reflection="Weg ermee")
    draw(state)
    form_state.discard_draft(state, FORM)
    assert draw(state).unsaved == ()
    assert shown(state) == SAVED


def test_one_token_per_drawing_until_a_save_went_through() -> None:
    state: dict = {}
    first = draw(state).token
    assert draw(state).token == first, "reruns of the same drawing keep its token"
    assert form_state.token(state, FORM) == first
    form_state.saved(state, FORM)
    assert draw(state).token != first


def test_forms_left_without_changes_are_forgotten_and_drafts_are_kept() -> None:
    state: dict = {}
    draw(state)
    form_state.prepare(state, "other", {"text": ""}, None)
    state[widget_key("other", "text")] = "Concept"
    start_run(state)
    forget_widgets(state)
    del state[widget_key("other", "text")]
    for _ in range(3):
        start_run(state)
    forms = state[form_state.FORMS_KEY]
    assert FORM not in forms
    assert forms["other"].draft == {"text": "Concept"}
