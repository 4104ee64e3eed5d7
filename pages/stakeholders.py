"""Stakeholders: who takes part in the project, what they answer to, and their interests (row 1)."""

import zlib
from functools import partial

import streamlit as st

from belangen import backup, domain, screens, ui, worksheet
from belangen.register import ratings_initials, register_rows

store = ui.get_store()
st.title(ui.tr("stakeholders.title"), anchor=False)
project = ui.require_project(store)
lang = ui.language()

st.caption(ui.tr("stakeholders.intro", project=ui.plain(project.name)))

STAKEHOLDER_FIELDS = ("name", "role", "constituency", "back_home", "notes", "cadence_weeks")


def stakeholder_fields(form: ui.Form, messages: ui.FieldMessages) -> None:
    st.text_input(ui.tr("stakeholders.name"), key=form.key("name"))
    messages.slot("name")
    st.text_input(ui.tr("stakeholders.role"), key=form.key("role"))
    messages.slot("role")
    st.text_area(ui.tr("stakeholders.constituency"), key=form.key("constituency"),
                 help=ui.tr("stakeholders.constituency_help"), height=80)
    messages.slot("constituency")
    st.text_area(ui.tr("brief.back_home_field"), key=form.key("back_home"),
                 help=ui.tr("brief.back_home_field_help"), height=80)
    messages.slot("back_home")
    st.text_area(ui.tr("stakeholders.notes"), key=form.key("notes"), height=80)
    messages.slot("notes")
    st.selectbox(ui.tr("stakeholders.cadence"), domain.CADENCES, key=form.key("cadence_weeks"),
                 format_func=ui.cadence_text, help=ui.tr("stakeholders.cadence_help"))
    messages.slot("cadence_weeks")
    messages.slot("")


def add_stakeholder(values: dict, token: str) -> None:
    """Store the new stakeholder and make it the one shown; the next step (their interests)
    gets the keyboard, and the form stays open for the stakeholder after them."""
    stakeholder_id = store.create_stakeholder(
        project.id, values["name"], values["role"], values["constituency"], values["notes"],
        cadence_weeks=values["cadence_weeks"], back_home=values["back_home"], token=token)
    ui.select_stakeholder(stakeholder_id)
    ui.keep_new_stakeholder_form_open()
    st.session_state[JUST_ADDED_KEY] = stakeholder_id
    ui.request_focus(f"new_interest_{stakeholder_id}")


JUST_ADDED_KEY = "sh_just_added"
NEW_FORM = f"sh_new_{project.id}"
# Every active stakeholder, read once: the register below, and whether there is anyone yet.
# (A save reruns the page, so a stakeholder just added is in it.)
register = store.stakeholder_register(project.id, ui.latest_ratings(store, project.id))
register_area = st.container()


def new_stakeholder_form() -> None:
    blank = {**dict.fromkeys(STAKEHOLDER_FIELDS, ""), "cadence_weeks": domain.DEFAULT_CADENCE}
    new = ui.Form(NEW_FORM, blank, version=None)
    new.draw(
        ui.stakeholder_field_text, stakeholder_fields, ui.tr("stakeholders.add"),
        lambda values: add_stakeholder(values, new.token),
        success=ui.tr("stakeholders.added"), type="primary",
    )
    ui.focus_if_requested(ui.NEW_STAKEHOLDER_FOCUS, new.key("name"))


new_panel = ui.new_stakeholder_panel(has_stakeholders=not register.empty, form_id=NEW_FORM)
if new_panel is not None:
    with new_panel:
        new_stakeholder_form()


def interest_fields(form: ui.Form, messages: ui.FieldMessages) -> None:
    st.text_area(ui.tr("interests.text"), key=form.key("text"), height=68)
    messages.slot("text")
    left, right = st.columns(2)
    left.selectbox(ui.tr("interests.kind"), list(worksheet.INTEREST_KINDS),
                   format_func=lambda k: worksheet.INTEREST_KINDS[k](lang), key=form.key("kind"))
    # Two choices: one click, both in view (a list needed two clicks and hid the other).
    right.radio(ui.tr("interests.status"), list(worksheet.INTEREST_STATUSES),
                format_func=lambda s: worksheet.INTEREST_STATUSES[s](lang),
                key=form.key("status"))
    st.text_area(ui.tr("interests.signals"), help=ui.tr("interests.signals_help"),
                 key=form.key("signals"), height=68)
    messages.slot("signals")
    messages.slot("")


def interest_form(stakeholder_id: int, interest=None) -> None:
    """Add an interest, or edit one; the day it is confirmed in conversation is kept."""
    form_id = f"sh_int_{interest.id}" if interest else f"sh_int_new_{stakeholder_id}"
    saved = ({"text": interest.text, "kind": interest.kind, "status": interest.status,
              "signals": interest.signals} if interest else
             {"text": "", "kind": next(iter(worksheet.INTEREST_KINDS)),
              "status": next(iter(worksheet.INTEREST_STATUSES)), "signals": ""})
    form = ui.Form(form_id, saved, version=interest.revision if interest else None)
    if interest:
        form.draw(
            ui.interest_field_text, interest_fields, ui.tr("common.save"),
            lambda values: store.update_interest(interest.id, form.based_on, **values,
                                              token=form.token),
            success=ui.tr("common.saved"),
        )
    else:
        form.draw(
            ui.interest_field_text, interest_fields, ui.tr("interests.add"),
            lambda values: add_interest(stakeholder_id, values, form.token),
            success=ui.tr("interests.added"),
        )
        ui.focus_if_requested(f"new_interest_{stakeholder_id}", form.key("text"),
                              element="textarea")


def add_interest(stakeholder_id: int, values: dict, token: str) -> None:
    """Store the interest; the emptied form keeps the keyboard for the next one."""
    store.add_interest(stakeholder_id, values["text"], values["kind"], values["status"],
                       values["signals"], token=token)
    st.session_state.pop(JUST_ADDED_KEY, None)  # on their way: the pointer has done its work
    ui.request_focus(f"new_interest_{stakeholder_id}")


def interests_section(stakeholder_id: int) -> None:
    st.markdown(f"**{ui.tr('interests.title')}**")
    st.caption(worksheet.INTERESTS.question(lang))
    for interest in store.list_interests(stakeholder_id, include_archived=True):
        status = worksheet.INTEREST_STATUSES[interest.status](lang)
        if interest.confirmed_on:
            status += ui.tr("interests.confirmed_on", date=interest.confirmed_on)
        # The status first in the label, in a word and as an icon: seen without opening.
        label = (f"{ui.interest_status_short(interest.status)} · {ui.plain(interest.text)} · "
                 f"{worksheet.INTEREST_KINDS[interest.kind](lang)}")
        if interest.archived:
            label += ui.tr("common.archived_marker")
        # Built only while open: a stakeholder's interests are a form each.
        panel = ui.folding_panel(label, icon=ui.INTEREST_STATUS_ICONS[interest.status],
                                 panel_id=f"sh_int_{interest.id}",
                                 unsaved_notice="interests.unsaved_closed")
        if panel is None:
            continue
        with panel:
            st.caption(status)
            interest_form(stakeholder_id, interest)
            ui.action_button(
                f"sh_int_{interest.id}_archive",
                ui.tr("common.unarchive") if interest.archived else ui.tr("common.archive"),
                partial(store.set_interest_archived, interest.id, not interest.archived),
                success=ui.tr("common.saved"), version=interest.revision,
            )
    # Always in view, emptied after each add: several interests in a row need no reopening.
    with st.container(border=True, key=f"sh_int_new_{stakeholder_id}__panel"):
        st.markdown(f"**{ui.tr('interests.new')}**")
        interest_form(stakeholder_id)


def stakeholder_editor(stakeholder) -> None:
    form = ui.Form(f"sh_{stakeholder.id}",
                   {name: getattr(stakeholder, name) for name in STAKEHOLDER_FIELDS},
                   version=stakeholder.revision)
    form.draw(
        ui.stakeholder_field_text, stakeholder_fields, ui.tr("common.save"),
        lambda values: store.update_stakeholder(stakeholder.id, form.based_on, **values,
                                             token=form.token),
        success=ui.tr("common.saved"),
    )


stakeholders = store.list_stakeholders(project.id, include_archived=True)
archived = [s for s in stakeholders if s.archived]

# What the register showed last: the stakeholder its selection was drawn for, and the
# stakeholders in the order of its rows then; its widget key names both. (Comments, not
# strings: Streamlit's magic would print a bare string on the page.)
REGISTER_SHOWN_KEY = "sh_register_shown"


def register_key(chosen_id: int, rows: tuple[int, ...]) -> str:
    """The register's widget key: another chosen stakeholder or other rows (someone added,
    renamed, archived) make it a new table with that stakeholder's row selected, so the
    selection never points at a row that moved."""
    return f"sh_register_{chosen_id}_{zlib.crc32(repr(rows).encode()):08x}"


def follow_register_choice() -> None:
    """A row chosen in the register (drawn last run) opens that stakeholder below; the row is
    read against the rows as they were drawn."""
    shown, rows = st.session_state.get(REGISTER_SHOWN_KEY, (None, ()))
    event = st.session_state.get(register_key(shown, rows)) if shown is not None else None
    selected = list(event["selection"]["rows"]) if event else []
    if selected and 0 <= selected[0] < len(rows) and rows[selected[0]] != shown:
        ui.select_stakeholder(rows[selected[0]])


def register_table(register, chosen_id: int) -> None:
    """Every active stakeholder in one table; choosing a row opens it in the editor below.
    User text arrives as cell values (never Markdown); the name stays in view when the table
    scrolls sideways on a narrow screen."""
    table = register_rows(register, lang, store.today())
    initials = ratings_initials(lang)
    column_config = {
        "stakeholder_id": None,
        "name": st.column_config.TextColumn(ui.tr("stakeholders.name")),
        "ratings": st.column_config.TextColumn(
            ui.tr("register.ratings", initials=initials),
            help=ui.tr("register.ratings_help", aspects=", ".join(
                row.short_name(lang) for row in worksheet.DIMENSIONS))),
        "interests": st.column_config.TextColumn(ui.tr("register.interests_column"),
                                                 help=ui.tr("register.interests_help")),
        "role": st.column_config.TextColumn(ui.tr("stakeholders.role")),
        "next_action": st.column_config.TextColumn(ui.tr("register.next_action"), width="medium"),
        "last_follow_up": st.column_config.TextColumn(ui.tr("register.last_follow_up")),
        "cadence": st.column_config.TextColumn(ui.tr("stakeholders.cadence_short")),
        "constituency": st.column_config.TextColumn(ui.tr("stakeholders.constituency"),
                                                    width="medium"),
    }
    ids = tuple(int(stakeholder_id) for stakeholder_id in table["stakeholder_id"])
    st.session_state[REGISTER_SHOWN_KEY] = (chosen_id, ids)
    st.dataframe(
        table, column_config=column_config, hide_index=True, width="stretch",
        key=register_key(chosen_id, ids), on_select="rerun", selection_mode="single-row",
        selection_default={"selection": {"rows": [ids.index(chosen_id)], "columns": []}},
    )


follow_register_choice()

if not register.empty:
    st.divider()
chosen = ui.stakeholder_picker(store, project, key="sh_stakeholder", show_hint=False)
if chosen is not None:
    with register_area:
        st.header(ui.tr("register.title"), anchor=False)
        st.caption(ui.tr("register.help"))
        register_table(register, chosen.id)
    if st.session_state.get(JUST_ADDED_KEY) == chosen.id:
        st.info(ui.tr("stakeholders.next_step", name=ui.plain(chosen.name)),
                icon=":material/arrow_downward:")
    details, interests = st.columns(2, gap="large")
    with details:
        st.header(ui.tr("stakeholders.details"), anchor=False)
        stakeholder_editor(chosen)
        st.page_link(screens.WORKSHEET.path, label=ui.tr("stakeholders.open_worksheet"),
                     icon=":material/table_rows:",
                     query_params={ui.STAKEHOLDER_PARAM: str(chosen.id)})
        ui.action_button(
            f"sh_{chosen.id}_archive", ui.tr("common.archive"),
            partial(store.set_stakeholder_archived, chosen.id, True),
            success=ui.tr("stakeholders.archived", name=ui.plain(chosen.name)),
            version=chosen.revision, help=ui.tr("stakeholders.archive_help"),
        )
    with interests:
        interests_section(chosen.id)

if archived:
    st.divider()
    st.header(ui.tr("stakeholders.archived_list"), anchor=False)
for stakeholder in archived:
    panel = ui.folding_panel(ui.plain(stakeholder.name), icon=":material/inventory_2:",
                             panel_id=f"sh_{stakeholder.id}_archived")
    if panel is None:
        continue
    with panel:
        ui.action_button(
            f"sh_{stakeholder.id}_reopen", ui.tr("common.unarchive"),
            partial(store.set_stakeholder_archived, stakeholder.id, False),
            success=ui.tr("stakeholders.unarchived", name=ui.plain(stakeholder.name)),
            version=stakeholder.revision,
        )
        st.warning(ui.tr("stakeholders.delete_warning", name=ui.plain(stakeholder.name)) + " "
                   + ui.tr_count("stakeholders.delete_copies_warning", backup.keep_backups(),
                                 name=ui.plain(stakeholder.name),
                                 folder=ui.plain(str(backup.backups_dir(store)))),
                   icon=":material/warning:")
        confirmed = st.checkbox(ui.tr("stakeholders.delete_confirm"),
                                key=f"sh_{stakeholder.id}_delete_confirm")
        from_copies = st.checkbox(ui.tr("stakeholders.delete_from_copies"),
                                  key=f"sh_{stakeholder.id}_delete_copies")
        if from_copies:
            ui.action_button(
                f"sh_{stakeholder.id}_delete", ui.tr("stakeholders.delete"),
                partial(backup.delete_stakeholder_everywhere, store, stakeholder.id),
                success=ui.tr("stakeholders.deleted_everywhere", name=ui.plain(stakeholder.name)),
                disabled=not confirmed, type="primary",
            )
        else:
            ui.action_button(
                f"sh_{stakeholder.id}_delete", ui.tr("stakeholders.delete"),
                partial(store.delete_stakeholder, stakeholder.id),
                success=ui.tr("stakeholders.deleted", name=ui.plain(stakeholder.name)),
                disabled=not confirmed, type="primary",
            )
