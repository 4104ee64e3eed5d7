"""The weekcheck's 'Vorige keer' panel and 'Niets veranderd — opslaan' under AppTest (issue 15):
what was said the last logged week beside this week's form, the worksheet or nothing when there
is no such week, and the one-click unchanged week."""

from __future__ import annotations

import datetime as dt
from typing import Any

from streamlit.testing.v1 import AppTest

from belangen import domain, formats, screens, texts, worksheet
from belangen.store import Store
from belangen.ui.last_time import PANEL_KEY
from tests.apptest import field, has_submit, run_app, submit, submit_button
from tests.factories import filled_stakeholder

KEYS = worksheet.DIMENSION_KEYS
REFLECTION = "**Niet vet** <b>geen HTML</b> [link](https://example.org)\nTweede regel"


def open_follow_up(lang: str | None = None) -> AppTest:
    app = run_app(lang=lang)
    app.switch_page(screens.FOLLOW_UP.path).run()
    assert not app.exception, app.exception
    return app


def find_block(node: Any, key: str) -> Any:
    if getattr(node, "key", None) == key and hasattr(node, "children"):
        return node
    for child in getattr(node, "children", {}).values():
        found = find_block(child, key)
        if found is not None:
            return found
    return None


def panel(app: AppTest) -> dict[str, list[str]]:
    """The panel's texts by kind: markdown, text (st.text, never Markdown) and caption."""
    block = find_block(app.main, PANEL_KEY)
    assert block is not None, "no 'Vorige keer' panel on the page"
    found: dict[str, list[str]] = {"markdown": [], "text": [], "caption": []}

    def walk(node: Any) -> None:
        kind = type(node).__name__.lower()
        if kind in found:
            found[kind].append(node.value)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(block)
    return found


def form_id(store: Store, stakeholder_id: int, week: dt.date | None = None) -> str:
    return f"fu_{stakeholder_id}_{domain.week_start(week or store.today()).isoformat()}"


def ratings(*values: int) -> dict[str, int]:
    return dict(zip(KEYS, values, strict=True))


def seeded(store: Store) -> tuple[int, dict[str, int]]:
    """One stakeholder with two earlier weekchecks and actions planned around this week."""
    _, stakeholder_id = filled_stakeholder(store)
    this_week = domain.week_start(store.today())
    store.save_follow_up(stakeholder_id, this_week - dt.timedelta(weeks=3),
                         ratings=ratings(1, 1, 1, 1), reflection="Drie weken terug")
    store.save_follow_up(stakeholder_id, this_week - dt.timedelta(weeks=1),
                         ratings=ratings(2, 3, 4, 5), reflection=REFLECTION,
                         their_value_rating=4)
    actions = {
        "now": store.add_action(stakeholder_id, "conversation", "Koffie met de wethouder",
                                planned_week=this_week),
        "late": store.add_action(stakeholder_id, "negotiation", "Te laat",
                                 planned_week=this_week - dt.timedelta(weeks=2)),
        "later": store.add_action(stakeholder_id, "value", "Pas volgende week",
                                  planned_week=this_week + dt.timedelta(weeks=1)),
    }
    return stakeholder_id, actions


def test_the_panel_shows_last_weeks_ratings_reflection_and_this_weeks_actions(
    store: Store, db_path
) -> None:
    seeded(store)
    this_week = domain.week_start(store.today())
    shown = panel(open_follow_up())
    last_week = formats.week_short(this_week - dt.timedelta(weeks=1), "nl", store.today())
    assert f"**Weekcheck van {last_week}**" in shown["markdown"]
    lines = next(text for text in shown["markdown"] if "Interesse" in text).split("  \n")
    assert len(lines) == 4
    for line, row, rating in zip(lines, worksheet.DIMENSIONS, (2, 3, 4, 5), strict=True):
        # The number with its meaning, not a colour alone (the panel escapes for Markdown).
        assert line.startswith(f"**{row.short_name('nl')}** {rating} ")
        assert row.rating_label(rating, "nl").split()[0] in line
    assert shown["text"] == [REFLECTION], "the reflection as plain text, never Markdown"
    assert not any("<b>" in text or "example.org" in text for text in shown["markdown"])
    assert any("4 · Duidelijke waarde" in text for text in shown["caption"]), "their view"
    this = formats.week_short(this_week, "nl", store.today())
    assert f"**Gepland voor {this}**" in shown["markdown"]
    planned = [text for text in shown["markdown"] if "Koffie" in text]
    assert planned == ["- **Gesprek** · Koffie met de wethouder"]
    assert not any("volgende week" in text for text in shown["markdown"])
    assert texts.t_count("follow_up.last_time_overdue", 1, "nl") in shown["caption"]
    assert "Drie weken terug" not in str(shown), "the latest week before, not an older one"


def test_the_panel_speaks_english_too(store: Store, db_path) -> None:
    stakeholder_id, _ = seeded(store)
    app = open_follow_up("en")
    shown = panel(app)
    assert "Last time" in [header.value for header in app.header]
    assert any(text.startswith("**Follow-up of week") for text in shown["markdown"])
    assert any(text.startswith("**Interest** 2 · ") for text in shown["markdown"])
    assert texts.t_count("follow_up.last_time_overdue", 1, "en") in shown["caption"]
    button = submit_button(app, form_id(store, stakeholder_id), "unchanged")
    assert button.label == "Nothing changed — save"


def test_a_backfilled_week_shows_the_weekcheck_before_it_not_a_later_one(
    store: Store, db_path
) -> None:
    stakeholder_id, _ = seeded(store)
    week = domain.week_start(store.today()) - dt.timedelta(weeks=2)
    app = open_follow_up()
    app.selectbox(key="fu_week").set_value(week).run()
    shown = panel(app)
    assert shown["text"] == ["Drie weken terug"]
    assert REFLECTION not in shown["text"]
    assert any(text.startswith("**Interesse** 1 ") for text in shown["markdown"])
    # Planned for the chosen week: 'Te laat' was planned for exactly that week.
    assert "- **Onderhandeling** · Te laat" in shown["markdown"]
    assert not any("overdue" in caption or "Achterstallig" in caption
                   for caption in shown["caption"])
    assert has_submit(app, form_id(store, stakeholder_id, week), "unchanged")


def test_without_an_earlier_weekcheck_the_worksheet_is_the_comparison(
    store: Store, db_path
) -> None:
    stakeholder_id = filled_stakeholder(store)[1]
    app = open_follow_up()
    shown = panel(app)
    assert texts.t("follow_up.last_time_worksheet", "nl") in shown["caption"]
    assert not any(text.startswith("**Weekcheck van") for text in shown["markdown"])
    entries = store.latest_worksheet(stakeholder_id)
    line = next(text for text in shown["markdown"] if "Interesse" in text)
    assert line.startswith(f"**Interesse** {entries['genuine_interest'].rating} ")
    assert shown["text"] == [], "no reflection is shown as if one was saved"
    assert has_submit(app, form_id(store, stakeholder_id), "unchanged")


def test_with_nothing_to_compare_with_the_panel_says_so_and_repeats_nothing(
    store: Store, db_path
) -> None:
    project_id = store.create_project("Stationsgebied")
    stakeholder_id = store.create_stakeholder(project_id, "Wethouder Jansen")
    app = open_follow_up()
    shown = panel(app)
    assert texts.t("follow_up.last_time_nothing", "nl") in shown["caption"]
    assert not any("Interesse" in text for text in shown["markdown"]), "no default ratings"
    assert not has_submit(app, form_id(store, stakeholder_id), "unchanged")


def test_niets_veranderd_saves_last_weeks_ratings_and_nothing_else(
    store: Store, db_path
) -> None:
    stakeholder_id, actions = seeded(store)
    app = open_follow_up()
    form = form_id(store, stakeholder_id)
    assert submit_button(app, form, "unchanged").label == "Niets veranderd — opslaan"
    submit(app, form, "unchanged")
    assert not app.exception and not app.error, [e.value for e in app.error]
    saved = store.follow_up_for_week(stakeholder_id, store.today())
    assert saved is not None
    assert (saved.ratings, saved.reflection, saved.their_value_rating) == (
        ratings(2, 3, 4, 5), "", None)
    assert store.follow_up_versions(stakeholder_id, store.today()) == 1
    by_id = {action.id: action for action in store.list_actions(stakeholder_id)}
    assert len(by_id) == 4, "no new action"
    assert all(by_id[action_id].is_open for action_id in actions.values()), "nothing ticked"
    # Saved: the week is logged, so the button is gone and the panel still shows last week.
    assert not has_submit(app, form, "unchanged")
    assert panel(app)["text"] == [REFLECTION]


def test_choosing_another_week_for_a_new_action_keeps_niets_veranderd(
    store: Store, db_path
) -> None:
    """Choosing 'Andere week…' (or an aspect) for a new action without its text stores nothing,
    so it does not take the unchanged save away; typing the action's text, ticking an action or
    choosing a rating does (it would be dropped)."""
    stakeholder_id, actions = seeded(store)
    app = open_follow_up()
    form = form_id(store, stakeholder_id)
    app.checkbox(key=field(form, f"done_{actions['now']}")).check().run()
    assert not has_submit(app, form, "unchanged")
    app.checkbox(key=field(form, f"done_{actions['now']}")).uncheck().run()
    app.radio(key=field(form, "rating_value")).set_value(4).run()
    assert not has_submit(app, form, "unchanged")
    why = texts.t("follow_up.last_time_changed", "nl", save=texts.t("follow_up.save", "nl"))
    assert why in panel(app)["caption"], "the panel says why the button is gone"
    app.radio(key=field(form, "rating_value")).set_value(None).run()
    assert has_submit(app, form, "unchanged")
    app.selectbox(key=field(form, "new_week_when")).set_value(domain.PLANNED_OTHER).run()
    app.selectbox(key=field(form, "new_row")).set_value("value").run()
    assert has_submit(app, form, "unchanged")
    app.text_input(key=field(form, "new_text")).set_value("Bellen").run()
    assert not has_submit(app, form, "unchanged"), "it would drop the action typed"
    app.text_input(key=field(form, "new_text")).set_value("").run()
    submit(app, form, "unchanged")
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert store.follow_up_for_week(stakeholder_id, store.today()) is not None
    assert len(store.list_actions(stakeholder_id)) == 4, "no new action"

