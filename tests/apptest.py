"""Driving the app's forms under AppTest: field keys and the token-keyed submit buttons.

Every form's field is keyed `<form id>__<field>` (belangen.form_state), and its buttons carry
the drawing's submission token in their key: `<form id>__<name>_<token>`.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from belangen import screens, ui
from belangen.form_state import widget_key as field

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run_app(*, lang: str | None = None, timeout: float = 30) -> AppTest:
    """The whole app under AppTest, run once on the database `BELANGEN_DB` names (set by the
    `db_path` fixture); a second call is a second tab on the same data."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if lang is not None:
        at.query_params["lang"] = lang
    at.run()
    return at


def open_screen(screen: screens.Screen, *, lang: str | None = None) -> AppTest:
    """The app opened on one screen, drawn without an exception."""
    at = run_app(lang=lang)
    at.switch_page(screen.path).run()
    assert not at.exception, at.exception
    return at


def follow_stakeholder_link(stakeholder: str) -> AppTest:
    """A new tab opened on the Werkblad's deep link `?stakeholder=<stakeholder>` (a bookmark,
    a link from another screen, or one typed by hand), drawn without an exception."""
    at = run_app()
    at.switch_page(screens.WORKSHEET.path)
    at.query_params[ui.STAKEHOLDER_PARAM] = stakeholder
    at.run()
    assert not at.exception, at.exception
    return at


def submit_button(app: AppTest, form_id: str, name: str = "submit"):
    """The form's button as drawn now (its key changes with every successful save)."""
    prefix = f"{form_id}__{name}_"
    found = [button for button in app.button if button.key and button.key.startswith(prefix)]
    assert len(found) == 1, f"{len(found)} buttons {prefix}* on the page"
    return found[0]


def submit(app: AppTest, form_id: str, name: str = "submit") -> AppTest:
    """Press the form's button and run the page once."""
    submit_button(app, form_id, name).click().run()
    return app


def open_panel(app: AppTest, key: str) -> AppTest:
    """The user opens a folding panel (`ui.folding_panel`: its content is built only while it
    is open) and the page runs once."""
    app.session_state[key] = True
    app.run()
    return app


def interest_panel(interest_id: int) -> str:
    """The key of an interest's panel on Stakeholders."""
    return ui.panel_key(f"sh_int_{interest_id}")


def archived_panel(stakeholder_id: int) -> str:
    """The key of an archived stakeholder's panel on Stakeholders."""
    return ui.panel_key(f"sh_{stakeholder_id}_archived")


def has_submit(app: AppTest, form_id: str, name: str = "submit") -> bool:
    prefix = f"{form_id}__{name}_"
    return any(button.key and button.key.startswith(prefix) for button in app.button)


__all__ = ["archived_panel", "field", "follow_stakeholder_link", "has_submit", "interest_panel",
           "open_panel", "run_app", "submit", "submit_button"]
