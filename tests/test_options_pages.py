"""Win-win opties under AppTest (issue 16): an option serving every party is marked, one that
misses a party names it, an agreement needs a date not to come and partners (said at the field),
an agreement becomes actions on the worksheets, user text stays literal, and the empty states."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

from belangen import domain, screens, worksheet
from belangen.form_state import new_token
from belangen.store import Store
from tests.apptest import field, has_submit, open_screen, run_app, submit, submit_button
from tests.test_dutch_screens import screen_text, shown_texts

LITERAL = "<b>x</b> **y** [link](http://example.org)"


def parties(db: Store) -> dict[str, int | str]:
    """A project with three stakeholders who each have an interest, and one of the user's own;
    ids by name, interests as refs ('i12', 'o3')."""
    pid = db.create_project("Stationsplein", "", "", db.today() - dt.timedelta(weeks=6))
    ids: dict[str, int | str] = {"project": pid}
    for name, interest, status in (("Gemeente", "Binnen budget", "confirmed"),
                                   ("Bewoners", "Rust in de straat", "suspected"),
                                   ("Ondernemers", "Omzet tijdens de bouw", "confirmed")):
        sid = db.create_stakeholder(pid, name)
        ids[name] = sid
        ids[interest] = domain.interest_ref(db.add_interest(sid, interest, "organisational",
                                                            status))
    ids["Op tijd opleveren"] = domain.own_ref(db.add_own_interest(pid, "Op tijd opleveren"))
    return ids


def open_options() -> AppTest:
    return open_screen(screens.OPTIONS)


def new_form(ids: dict[str, int | str]) -> str:
    return f"opt_new_{ids['project']}"


def fill(app: AppTest, form_id: str, **values: object) -> AppTest:
    """Set fields of an option form; the status first, as the agreement's fields follow it."""
    if "status" in values:
        app.radio(key=field(form_id, "status")).set_value(values.pop("status")).run()
    for name, value in values.items():
        key = field(form_id, name)
        if name in ("serves", "partners", "stakeholders"):
            app.multiselect(key=key).set_value(value)
        elif name == "agreed_on":
            app.date_input(key=key).set_value(value)
        elif name in ("description", "costs"):
            app.text_area(key=key).set_value(value)
        elif name in ("row_key", "planned_week_when"):
            app.selectbox(key=key).set_value(value)
        else:
            app.text_input(key=key).set_value(value)
    return app.run()


def tree(node) -> list:
    """A node of the page and everything drawn inside it, in the order drawn."""
    found = [node]
    for child in getattr(node, "children", {}).values():
        found.extend(tree(child))
    return found


def card(app: AppTest, option_id: int):
    """One option's bordered card (its container is keyed)."""
    (found,) = [node for node in tree(app.main)
                if getattr(node, "key", None) == f"opt_{option_id}__card"]
    return found


def card_text(app: AppTest, option_id: int) -> str:
    """Every word of one option's card."""
    return "\n".join(shown_texts(card(app, option_id)))


def errors_after(app: AppTest, widget_key: str) -> list[str]:
    """The error messages drawn below a field (in its slot), before the next keyed element."""
    drawn = tree(app.main)
    start = next(n for n, node in enumerate(drawn) if getattr(node, "key", None) == widget_key)
    found = []
    for node in drawn[start + 1:]:
        if getattr(node, "type", None) == "error":
            found.append(node.value)
        elif getattr(node, "key", None):
            break
    return found


def test_an_option_serving_every_party_is_marked(store: Store, db_path) -> None:
    ids = parties(store)
    app = open_options()
    assert "Iedereen wint" not in "\n".join(m.value for m in app.markdown)
    fill(app, new_form(ids), title="Bouwhekken met etalages", costs="Gemeente: 20.000 euro",
         serves=[ids["Binnen budget"], ids["Rust in de straat"], ids["Omzet tijdens de bouw"],
                 ids["Op tijd opleveren"]])
    submit(app, new_form(ids))
    assert not app.exception and not app.error, [e.value for e in app.error]
    (option,) = store.list_options(int(ids["project"]))
    assert option.title == "Bouwhekken met etalages" and len(option.serves) == 4
    text = card_text(app, option.id)
    assert "Iedereen wint" in text
    assert "Wint er (nog) niets bij" not in text
    for name in ("Ik / mijn organisatie", "Gemeente", "Bewoners", "Ondernemers"):
        assert name in text
    assert "Rust in de straat (vermoed)" in text, "a suspected interest is visibly a hypothesis"
    assert "Rust deels op vermoede belangen" in text
    assert r"Gemeente\: 20\.000 euro" in text, "the costs, as literal text"
    explained = [c.value for c in app.caption if c.value.startswith("**Iedereen wint**")]
    assert len(explained) == 1 and "Ik / mijn organisatie" in explained[0]
    assert "ook wie nog geen belangen heeft" in explained[0]


def test_an_option_that_misses_a_party_names_it(store: Store, db_path) -> None:
    ids = parties(store)
    pid = int(ids["project"])
    store.add_option(pid, "Avondwerk", serves=[ids["Omzet tijdens de bouw"],
                                               ids["Op tijd opleveren"]])
    store.add_option(pid, "Alles", serves=[ids["Binnen budget"], ids["Rust in de straat"],
                                           ids["Omzet tijdens de bouw"], ids["Op tijd opleveren"]])
    # A stakeholder without interests yet is a party too: nobody wins everything now.
    store.create_stakeholder(pid, "Provincie")
    app = open_options()
    avond, alles = store.list_options(pid)
    text = card_text(app, avond.id)
    assert "Wint er (nog) niets bij: Bewoners, Gemeente, Provincie" in text
    assert "Iedereen wint" not in text
    assert "Wint er (nog) niets bij: Provincie" in card_text(app, alles.id)
    assert "Iedereen wint" not in card_text(app, alles.id)


def test_an_agreement_needs_partners_said_at_the_field(store: Store, db_path) -> None:
    ids = parties(store)
    form = new_form(ids)
    app = open_options()
    keys = {w.key for w in app.multiselect}
    assert field(form, "partners") not in keys, "with whom: only for an agreement"
    fill(app, form, status="agreed", title="Bouwhekken met etalages")
    assert app.date_input(key=field(form, "agreed_on")).value == store.today(), "today by default"
    submit(app, form)
    assert store.list_options(int(ids["project"])) == []
    assert errors_after(app, field(form, "partners")) == [
        "Kies met wie je dit hebt afgesproken."]
    fill(app, form, partners=[ids["Gemeente"]], agreed_on=store.today() - dt.timedelta(days=3))
    submit(app, form)
    assert not app.error, [e.value for e in app.error]
    (option,) = store.list_options(int(ids["project"]))
    assert option.status == "agreed" and option.partners == (ids["Gemeente"],)
    assert option.agreed_on == store.today() - dt.timedelta(days=3)


def test_an_agreement_cannot_be_dated_in_the_future(store: Store, db_path) -> None:
    ids = parties(store)
    form = new_form(ids)
    app = open_options()
    fill(app, form, status="agreed", title="Later", partners=[ids["Gemeente"]])
    picker = app.date_input(key=field(form, "agreed_on"))
    assert picker.proto.max == store.today().isoformat(), "no later day to pick"
    # A later day sent anyway does not become an agreement in the future.
    picker.set_value(store.today() + dt.timedelta(days=2))
    submit(app, form)
    saved = store.list_options(int(ids["project"]))
    assert all(option.agreed_on <= store.today() for option in saved)


def test_switching_away_from_agreed_and_back_keeps_the_agreement(store: Store, db_path) -> None:
    ids = parties(store)
    form = new_form(ids)
    app = open_options()
    fill(app, form, status="agreed", partners=[ids["Bewoners"]],
         agreed_on=store.today() - dt.timedelta(days=1))
    fill(app, form, status="discussed")
    assert field(form, "partners") not in {w.key for w in app.multiselect}
    fill(app, form, status="agreed")
    assert app.multiselect(key=field(form, "partners")).value == [ids["Bewoners"]]
    assert app.date_input(key=field(form, "agreed_on")).value == (
        store.today() - dt.timedelta(days=1))
    # Saved as discussed, the agreement's fields are not stored.
    fill(app, form, status="discussed", title="Eerst praten")
    submit(app, form)
    (option,) = store.list_options(int(ids["project"]))
    assert option.status == "discussed" and option.partners == () and option.agreed_on is None


def test_an_agreement_becomes_actions_on_the_worksheets(store: Store, db_path) -> None:
    ids = parties(store)
    pid = int(ids["project"])
    option_id = store.add_option(pid, "Bouwhekken met etalages", status="agreed",
                                 serves=[ids["Binnen budget"]],
                                 partners=[ids["Gemeente"], ids["Ondernemers"]])
    app = open_options()
    act = f"opt_act_{option_id}"
    chosen = app.multiselect(key=field(act, "stakeholders"))
    assert chosen.value == [ids["Gemeente"], ids["Ondernemers"]], "the partners by default"
    assert app.selectbox(key=field(act, "row_key")).value == worksheet.NEGOTIATION.key
    assert app.text_input(key=field(act, "text")).value == "Bouwhekken met etalages"
    fill(app, act, text="Hekken bestellen", planned_week_when="1")
    button = submit_button(app, act)
    button.click().run()
    assert not app.error, [e.value for e in app.error]
    next_week = domain.week_start(store.today()) + dt.timedelta(weeks=1)
    for name in ("Gemeente", "Ondernemers"):
        (action,) = store.list_actions(int(ids[name]))
        assert (action.row_key, action.text, action.planned_week, action.status) == (
            worksheet.NEGOTIATION.key, "Hekken bestellen", next_week, "planned")
    assert store.list_actions(int(ids["Bewoners"])) == []
    made = store.option_actions(pid)[option_id]
    assert {a.stakeholder for a in made} == {"Gemeente", "Ondernemers"}
    links = {link.proto.label: link.proto.query_string for link in app.get("page_link")
             if "worksheet" in link.proto.page}
    week = f"week {next_week.isocalendar()[1]}"
    assert links == {f"Gemeente · Gepland · {week}": f"stakeholder={ids['Gemeente']}",
                     f"Ondernemers · Gepland · {week}": f"stakeholder={ids['Ondernemers']}"}
    # The same drawing submitted again (a double click) stores nothing new.
    token = new_token()
    for _click in range(2):
        store.actions_from_option(option_id, [int(ids["Gemeente"])], row_key="negotiation",
                                  token=token)
    assert len(store.list_actions(int(ids["Gemeente"]))) == 2

    worksheet_page = run_app()
    worksheet_page.switch_page(screens.WORKSHEET.path)
    worksheet_page.query_params["stakeholder"] = str(ids["Ondernemers"])
    worksheet_page.run()
    assert not worksheet_page.exception
    assert any("Hekken bestellen" in e.label for e in worksheet_page.expander)


def test_making_actions_without_anyone_is_refused_at_the_field(store: Store, db_path) -> None:
    ids = parties(store)
    option_id = store.add_option(int(ids["project"]), "Afspraak", status="agreed",
                                 partners=[ids["Gemeente"]])
    app = open_options()
    act = f"opt_act_{option_id}"
    fill(app, act, stakeholders=[])
    submit(app, act)
    assert errors_after(app, field(act, "stakeholders")) == ["Kies voor wie je acties maakt."]
    assert store.list_actions(int(ids["Gemeente"])) == []


def test_an_interest_gone_from_the_map_is_said_and_refused_on_save(
        store: Store, db_path) -> None:
    ids = parties(store)
    option_id = store.add_option(int(ids["project"]), "Avondwerk",
                                 serves=[ids["Binnen budget"], ids["Omzet tijdens de bouw"]])
    store.set_interest_archived(int(str(ids["Binnen budget"])[1:]), True)
    app = open_options()
    assert "1 belang dat deze optie diende staat niet meer op de kaart." in card_text(
        app, option_id)
    edit = f"opt_{option_id}"
    serves = app.multiselect(key=field(edit, "serves"))
    assert serves.value == [ids["Binnen budget"], ids["Omzet tijdens de bouw"]], \
        "nothing chosen disappears without a word"
    assert "Belang niet meer op de kaart" in serves.options
    submit(app, edit)
    assert errors_after(app, field(edit, "serves")) == [
        "Dit belang hoort niet (meer) bij dit project. Kies een ander."]
    fill(app, edit, serves=[ids["Omzet tijdens de bouw"]])
    submit(app, edit)
    assert store.get_option(option_id).serves == (ids["Omzet tijdens de bouw"],)


def test_user_text_is_shown_literally(store: Store, db_path) -> None:
    ids = parties(store)
    pid = int(ids["project"])
    sid = store.create_stakeholder(pid, f"Partij {LITERAL}")
    ref = domain.interest_ref(store.add_interest(sid, f"Belang {LITERAL}", "other", "confirmed"))
    option_id = store.add_option(pid, f"Titel {LITERAL}", f"Uitleg {LITERAL}", serves=[ref],
                                 costs=f"Kost {LITERAL}", status="agreed", partners=[sid])
    app = open_options()
    rendered = [body for node in tree(card(app, option_id)) if getattr(node, "type", None) in (
        "markdown", "subheader", "caption", "page_link") for body in shown_texts(node)]
    assert any(body.startswith(r"**Titel \<b\>x\</b\> \*\*y\*\*") for body in rendered), \
        "the title is escaped Markdown"
    for shown in ("Uitleg", "Kost", "Belang", "Partij"):
        assert any(rf"{shown} \<b\>x\</b\> \*\*y\*\*" in body for body in rendered), shown
    for body in rendered:
        assert "<b>" not in body and "**y**" not in body and "http://" not in body, body


def test_edit_saves_and_a_save_elsewhere_meanwhile_is_not_overwritten(
        store: Store, db_path) -> None:
    ids = parties(store)
    pid = int(ids["project"])
    option_id = store.add_option(pid, "Eerste versie")
    app = open_options()
    edit = f"opt_{option_id}"
    assert app.text_input(key=field(edit, "title")).value == "Eerste versie"
    fill(app, edit, title="Mijn versie")
    option = store.get_option(option_id)
    store.update_option(option_id, option.revision, title="Andere tab", description="",
                        serves=[], costs="", status="idea")
    submit(app, edit)
    assert store.get_option(option_id).title == "Andere tab", "the other tab's save stays"
    assert any("opgeslagen" in e.value.lower() or "gewijzigd" in e.value.lower()
               for e in [*app.error, *app.warning]), [e.value for e in [*app.error, *app.warning]]
    fill(app, edit, status="rejected")
    app.button(key=next(b.key for b in app.button if b.key == f"{edit}__keep_mine")).click().run()
    submit(app, edit)
    saved = store.get_option(option_id)
    assert (saved.title, saved.status) == ("Mijn versie", "rejected")
    assert "Verworpen opties" in [h.value for h in app.header]


def test_archive_and_unarchive(store: Store, db_path) -> None:
    ids = parties(store)
    option_id = store.add_option(int(ids["project"]), "Weg ermee")
    app = open_options()
    submit(app, f"opt_{option_id}_archive")
    assert store.list_options(int(ids["project"])) == []
    assert "Gearchiveerde opties" in [h.value for h in app.header]
    assert not has_submit(app, f"opt_{option_id}")
    submit(app, f"opt_{option_id}_unarchive")
    assert [o.id for o in store.list_options(int(ids["project"]))] == [option_id]


def test_empty_states(store: Store, db_path) -> None:
    pid = store.create_project("Leeg", "", "", store.today())
    app = open_options()
    shown = screen_text(app)
    assert "Nog geen opties" in shown
    assert "Er staan nog geen belangen op de kaart" in shown
    form = f"opt_new_{pid}"
    assert field(form, "serves") not in {w.key for w in app.multiselect}
    fill(app, form, status="agreed")
    assert "nog geen stakeholders om iets mee af te spreken" in screen_text(app)
    # An option without interests can be noted; it says it serves none yet.
    fill(app, form, status="idea", title="Eerst een idee")
    submit(app, form)
    assert "Dient nog geen belangen" in screen_text(app)


def test_the_screen_in_english(store: Store, db_path) -> None:
    ids = parties(store)
    store.add_option(int(ids["project"]), "All", serves=[
        ids["Binnen budget"], ids["Rust in de straat"], ids["Omzet tijdens de bouw"],
        ids["Op tijd opleveren"]])
    app = run_app(lang="en")
    app.switch_page(screens.OPTIONS.path).run()
    shown = screen_text(app)
    assert "Everyone gains" in shown and "Me / my organisation" in shown
