"""Panels build their forms only while open (`ui.folding_panel`): closed, the
browser gets a label instead of a form per interest on every click; an edit closed unsaved
stays as a draft, says so, and comes back when the panel opens again."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from belangen import screens, ui
from belangen.store import Store
from tests.apptest import archived_panel, field, interest_panel, open_panel, run_app
from tests.factories import filled_stakeholder


def on_stakeholders() -> AppTest:
    app = run_app()
    app.switch_page(screens.STAKEHOLDERS.path).run()
    assert not app.exception, app.exception
    return app


def keys(app: AppTest) -> set[str]:
    return {widget.key for widget in [*app.text_area, *app.text_input, *app.checkbox]
            if widget.key}


def captions(app: AppTest) -> list[str]:
    return [caption.value for caption in app.caption]


def fold_with_a_draft(app: AppTest, form_id: str, name: str, text: str, notice: str) -> None:
    """Open the new-form panel `form_id`, type `text` in its text input `name`, close the panel
    unsaved: the form is gone, `notice` says a draft waits."""
    panel = ui.panel_key(form_id)
    open_panel(app, panel)
    app.text_input(key=name).set_value(text).run()
    app.session_state[panel] = False
    app.run()
    assert name not in keys(app)
    assert ui.tr(notice) in captions(app)


def test_a_closed_interest_panel_builds_no_form_and_keeps_an_unsaved_edit(store: Store) -> None:
    _, stakeholder_id = filled_stakeholder(store)
    first, second = store.list_interests(stakeholder_id)
    app = on_stakeholders()
    text = field(f"sh_int_{first.id}", "text")
    assert text not in keys(app) and field(f"sh_int_{second.id}", "text") not in keys(app)
    assert field(f"sh_int_new_{stakeholder_id}", "text") in keys(app), "adding stays in view"

    open_panel(app, interest_panel(first.id))
    assert text in keys(app) and field(f"sh_int_{second.id}", "text") not in keys(app)
    app.text_area(key=text).set_value("Herverkiezing in mei").run()
    app.session_state[interest_panel(first.id)] = False  # closed without saving
    app.run()
    assert text not in keys(app)
    assert ui.tr("interests.unsaved_closed") in captions(app)

    open_panel(app, interest_panel(first.id))
    assert app.text_area(key=text).value == "Herverkiezing in mei"
    assert store.get_interest(first.id).text == "Herverkiezing in maart", "nothing saved"


def test_the_new_stakeholder_form_is_built_only_while_its_panel_is_open(store: Store) -> None:
    project_id, _ = filled_stakeholder(store)
    name = field(f"sh_new_{project_id}", "name")
    app = on_stakeholders()
    assert name not in keys(app), "the project has people: the panel starts closed"

    fold_with_a_draft(app, f"sh_new_{project_id}", name, "Directeur Visser",
                      "stakeholders.unsaved_closed")
    assert len(store.list_stakeholders(project_id)) == 1

    app.switch_page(screens.OVERVIEW.path).run()
    app.switch_page(screens.STAKEHOLDERS.path).run()
    assert app.text_input(key=name).value == "Directeur Visser", "back with its draft: open"


def test_an_archived_stakeholder_panel_is_built_when_opened(store: Store) -> None:
    project_id, stakeholder_id = filled_stakeholder(store)
    store.set_stakeholder_archived(stakeholder_id, True)
    store.create_stakeholder(project_id, "Directeur Visser")
    app = on_stakeholders()
    confirm = f"sh_{stakeholder_id}_delete_confirm"
    assert confirm not in keys(app)
    open_panel(app, archived_panel(stakeholder_id))
    assert confirm in keys(app)


def test_the_new_project_form_is_open_for_the_first_project_and_folded_after(
    store: Store,
) -> None:
    """Once a project exists, Projecten is mostly for editing or switching: the form for
    another one is folded away (its fields cost the browser more than the rest of the page),
    and a draft in it is kept, said to be there, and back open on return."""
    name = field("proj_new", "name")
    app = run_app()
    app.switch_page(screens.PROJECTS.path).run()
    assert name in keys(app), "no project yet: the form is open"

    store.create_project("Dorpshuis")
    app = run_app()
    app.switch_page(screens.PROJECTS.path).run()
    assert name not in keys(app), "a project exists: the panel starts closed"

    fold_with_a_draft(app, "proj_new", name, "Stationsgebied", "projects.unsaved_closed")
    assert [project.name for project in store.list_projects()] == ["Dorpshuis"]

    app.switch_page(screens.OVERVIEW.path).run()
    app.switch_page(screens.PROJECTS.path).run()
    assert app.text_input(key=name).value == "Stationsgebied", "back with its draft: open"
