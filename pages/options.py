"""Win-win opties: concrete ideas that serve interests of several parties, what they cost whom,
and how far they came (idee → besproken → afgesproken, or verworpen). An agreement becomes
planned actions on the worksheets of the stakeholders involved."""

import datetime as dt
from functools import partial
from typing import Any, Literal

import streamlit as st

from belangen import common_ground, domain, formats, parties, screens, ui, worksheet

store = ui.get_store()
today = store.today()  # an agreement is never dated after it; planned weeks follow it
st.title(ui.tr("nav.options"), anchor=False)
project = ui.require_project(store)
lang = ui.language()

st.caption(ui.tr("options.intro"))

the_map = store.interest_map(project.id)
everyone = store.list_stakeholders(project.id, include_archived=True)
NAMES = {s.id: s.name for s in everyone}  # archived partners keep their name on an agreement
ACTIVE = [s.id for s in everyone if not s.archived]
options = store.list_options(project.id, include_archived=True)
made = store.option_actions(project.id)

OPTION_FIELDS = ("title", "description", "serves", "costs", "status", "agreed_on", "partners")
AGREEMENT_FIELDS = ("agreed_on", "partners")
STATUS_ICONS = {
    "idea": ":material/lightbulb:",
    "discussed": ":material/forum:",
    "agreed": ":material/handshake:",
    "rejected": ":material/block:",
}
STATUS_COLORS: dict[str, Literal["gray", "blue", "violet", "red"]] = {
    "idea": "gray", "discussed": "blue", "agreed": "violet", "rejected": "red",
}


def status_text(status: str) -> str:
    return parties.option_status(status, lang)


def interest_choices(current: Any) -> dict[str, str]:
    """Every interest on the map by its label, the map's order; a chosen one no longer on the
    map stays choosable (so nothing chosen silently disappears) and says so."""
    labels = {i.ref: ui.interest_label(the_map, i) for i in the_map.interests}
    for ref in current or []:
        labels.setdefault(ref, ui.tr("options.interest_gone"))
    return labels


def stakeholder_choices(current: Any) -> dict[int, str]:
    """The project's active stakeholders by name; a chosen one archived since keeps a place."""
    labels = {sid: NAMES[sid] for sid in ACTIVE}
    for sid in current or []:
        labels.setdefault(sid, NAMES.get(sid, "?"))
    return labels


def row_text(key: str) -> str:
    row = worksheet.row(key)
    return f"{row.number}. {row.short_name(lang)}"


def field_text(name: str, value: Any) -> str | None:
    """One line for a field set aside (see `Form.show_notices`), of either form here."""
    if name == "serves":
        interests = interest_choices(value)
        return f"{ui.tr('options.serves')} {'; '.join(interests[ref] for ref in value or [])}"
    if name in ("partners", "stakeholders"):
        people = stakeholder_choices(value)
        label = ui.tr("options.partners" if name == "partners" else "options.action_stakeholders")
        return f"{label} {', '.join(people[sid] for sid in value or [])}"
    if name == "status":
        return f"{ui.tr('options.status')}: {status_text(value)}"
    if name == "agreed_on":
        shown = formats.format_date(value, lang) if value else "—"
        return f"{ui.tr('options.agreed_on')}: {shown}"
    if name == "row_key":
        return f"{ui.tr('options.action_row')}: {row_text(value)}"
    if name in ("title", "description", "costs"):
        return f"{ui.tr(f'options.{name}')}: {value}"
    return ui.action_field_text(name, value)


def option_fields(form: ui.Form, messages: ui.FieldMessages) -> None:
    st.text_input(ui.tr("options.title"), key=form.key("title"),
                  placeholder=ui.tr("options.title_placeholder"))
    messages.slot("title")
    st.text_area(ui.tr("options.description"), key=form.key("description"), height=80)
    messages.slot("description")
    labels = interest_choices(form.value("serves"))
    if labels:
        st.multiselect(ui.tr("options.serves"), list(labels), key=form.key("serves"),
                       format_func=labels.__getitem__, help=ui.tr("options.serves_help"),
                       placeholder=ui.tr("options.serves_placeholder"))
    else:
        # Nothing to choose from: Streamlit's empty list would say so in English.
        st.session_state.pop(form.key("serves"), None)
        st.caption(ui.tr("options.no_interests"))
    messages.slot("serves")
    st.text_area(ui.tr("options.costs"), key=form.key("costs"), height=80,
                 help=ui.tr("options.costs_help"))
    messages.slot("costs")
    st.radio(ui.tr("options.status"), domain.OPTION_STATUSES, key=form.key("status"),
             format_func=lambda status: status_text(status), horizontal=True)
    messages.slot("status")
    if form.value("status") == "agreed":
        agreement_fields(form, messages)
    else:
        # Not drawn: the form seeded these keys as plain values, which Streamlit would bring
        # back over the user's choice once the widgets are drawn again (the same rule as the
        # planned week's chooser). The draft keeps what the user chose, and the next drawing
        # seeds it again: switching to "afgesproken" and back loses nothing.
        for name in AGREEMENT_FIELDS:
            st.session_state.pop(form.key(name), None)
    messages.slot("")


def agreement_fields(form: ui.Form, messages: ui.FieldMessages) -> None:
    """When and with whom: only for an agreement."""
    when, who = st.columns([1, 2])
    with when:
        st.date_input(ui.tr("options.agreed_on"), key=form.key("agreed_on"),
                      min_value=domain.EARLIEST_DATE, max_value=today, format="DD-MM-YYYY")
        messages.slot("agreed_on")
    with who:
        labels = stakeholder_choices(form.value("partners"))
        if labels:
            st.multiselect(ui.tr("options.partners"), list(labels), key=form.key("partners"),
                           format_func=labels.__getitem__, help=ui.tr("options.partners_help"),
                           placeholder=ui.tr("options.partners_placeholder"))
        else:
            st.session_state.pop(form.key("partners"), None)
            st.caption(ui.tr("options.no_partners"))
        messages.slot("partners")


def saved_values(option: domain.WinWinOption | None) -> dict[str, Any]:
    """What the form shows as saved; an agreement not made yet would be made today."""
    if option is None:
        return {"title": "", "description": "", "serves": [], "costs": "", "status": "idea",
                "agreed_on": today, "partners": []}
    return {"title": option.title, "description": option.description,
            "serves": list(option.serves), "costs": option.costs, "status": option.status,
            "agreed_on": option.agreed_on or today, "partners": list(option.partners)}


def store_values(values: dict[str, Any]) -> dict[str, Any]:
    """The form's values as the store takes them: the day and partners only for an agreement
    (the store drops them otherwise; fields not drawn hold None)."""
    agreed = values["status"] == "agreed"
    return {
        "title": values["title"], "description": values["description"],
        "serves": values["serves"] or [], "costs": values["costs"], "status": values["status"],
        "agreed_on": values["agreed_on"] if agreed else None,
        "partners": (values["partners"] or []) if agreed else [],
    }


def add_option(values: dict[str, Any], token: str) -> None:
    store.add_option(project.id, **store_values(values), token=token)


NEW_FORM = f"opt_new_{project.id}"
live = [o for o in options if not o.archived]
with st.expander(ui.tr("options.new"), icon=":material/add_circle:",
                 expanded=not live or ui.has_unsaved(NEW_FORM)):
    new = ui.Form(NEW_FORM, saved_values(None), version=None)
    new.draw(field_text, option_fields, ui.tr("options.add"),
             lambda values: add_option(values, new.token),
             success=ui.tr("options.added"), type="primary")


def make_actions(option: domain.WinWinOption) -> None:
    """An agreement into one planned action per chosen stakeholder (the partners unless
    changed), on one worksheet aspect (the negotiation unless changed)."""
    form_id = f"opt_act_{option.id}"
    saved = {"stakeholders": [sid for sid in option.partners if sid in ACTIVE],
             "row_key": worksheet.NEGOTIATION.key,
             **ui.planned_week_saved("planned_week", None, today), "text": option.title}
    form = ui.Form(form_id, saved, version=option.revision)
    form.show_notices(field_text)
    messages = ui.FieldMessages()
    st.caption(ui.tr("options.make_actions_intro"))
    labels = stakeholder_choices(form.value("stakeholders"))
    if labels:
        st.multiselect(ui.tr("options.action_stakeholders"), list(labels),
                       key=form.key("stakeholders"), format_func=labels.__getitem__,
                       placeholder=ui.tr("options.partners_placeholder"))
    else:
        st.session_state.pop(form.key("stakeholders"), None)
        st.caption(ui.tr("options.no_stakeholders"))
    messages.slot("stakeholders")
    messages.slot("partners")
    st.selectbox(ui.tr("options.action_row"), worksheet.ROW_KEYS, key=form.key("row_key"),
                 format_func=row_text)
    messages.slot("row_key")
    ui.planned_week_field(form.key("planned_week_when"), form.key("planned_week_other"), today)
    messages.slot("planned_week")
    st.text_input(ui.tr("actions.text"), key=form.key("text"))
    messages.slot("text")
    messages.slot("")
    if form.submit_button(ui.tr("options.make_actions"), type="primary",
                          icon=":material/add_task:"):
        values = form.values()
        chosen = values["stakeholders"] or []
        ui.attempt(
            lambda: store.actions_from_option(
                option.id, chosen, row_key=values["row_key"],
                planned_week=ui.planned_week_value(values, "planned_week", today),
                text=values["text"], token=form.token),
            messages, success=ui.tr_count("options.actions_made", len(chosen)), form=form,
        )
    form.show_unsaved()


def actions_made(option: domain.WinWinOption) -> None:
    """The actions made from the agreement, each a link to that stakeholder's Werkblad."""
    st.markdown(f"**{ui.tr('options.actions_from')}**")
    for action in made[option.id]:
        when = f" · {ui.week_text(action.planned_week)}" if action.planned_week else ""
        st.page_link(screens.WORKSHEET.path,
                     label=f"{ui.plain(action.stakeholder)} · "
                           f"{ui.action_status_text(action.status)}{when}",
                     icon=":material/table_rows:",
                     query_params={ui.STAKEHOLDER_PARAM: str(action.stakeholder_id)})


def gains(option: domain.WinWinOption) -> None:
    """Which parties gain what, and who gains nothing; the mark when every party gains."""
    gained = common_ground.option_gain(option, the_map)
    missing = common_ground.missing_parties(option, the_map)
    if gained:
        st.markdown(f"**{ui.tr('options.gains')}**\n\n" + "\n".join(
            f"- **{ui.plain(ui.party_name(the_map, party))}**: "
            f"{'; '.join(ui.plain(ui.marked(i)) for i in found)}"
            for party, found in gained.items()))
        if missing:
            st.markdown(":material/person_off: " + ui.tr(
                "options.gains_nothing",
                parties=", ".join(ui.plain(ui.party_name(the_map, p)) for p in missing)))
        elif any(i.hypothesis and i.party != domain.SELF_PARTY
                 for found in gained.values() for i in found):
            st.caption(ui.tr("options.every_party_suspected"))
    else:
        st.caption(ui.tr("options.serves_nothing"))
    gone = [ref for ref in option.serves if the_map.interest(ref) is None]
    if gone:
        st.caption(ui.tr_count("options.served_gone", len(gone)))


def option_card(option: domain.WinWinOption) -> None:
    with st.container(border=True, key=f"opt_{option.id}__card"):
        # Bold, not a heading: a card's title in h3 drew larger than the group's h2 above it.
        st.markdown(f"**{ui.plain(option.title)}**")
        with st.container(horizontal=True):
            if common_ground.every_party_gains(option, the_map):
                st.badge(ui.tr("options.every_party"), icon=":material/celebration:",
                         color="green")
            st.badge(status_text(option.status),
                     icon=STATUS_ICONS[option.status], color=STATUS_COLORS[option.status])
        if option.status == "agreed" and option.agreed_on is not None:
            st.caption(ui.plain(parties.agreement(option, NAMES, lang)))
        if option.description:
            st.markdown("  \n".join(ui.plain(line) for line in option.description.splitlines()))
        if option.costs:
            st.markdown(f"**{ui.tr('options.costs_shown')}**  \n" + "  \n".join(
                ui.plain(line) for line in option.costs.splitlines()))
        gains(option)
        if option.status == "agreed":
            if option.id in made:
                actions_made(option)
            act_form = f"opt_act_{option.id}"
            with st.expander(ui.tr("options.make_actions"), icon=":material/add_task:",
                             expanded=option.id not in made or ui.has_unsaved(act_form)):
                make_actions(option)
        edit_form = f"opt_{option.id}"
        with st.expander(ui.tr("options.edit"), icon=":material/edit:",
                         expanded=ui.has_unsaved(edit_form)):
            form = ui.Form(edit_form, saved_values(option), version=option.revision)
            form.draw(
                field_text, option_fields, ui.tr("common.save"),
                lambda values: store.update_option(option.id, form.based_on,
                                                   **store_values(values), token=form.token),
                success=ui.tr("options.saved"),
            )
            ui.action_button(f"opt_{option.id}_archive", ui.tr("common.archive"),
                             partial(store.set_option_archived, option.id, True),
                             success=ui.tr("options.archived"), version=option.revision)


def gain_order(option: domain.WinWinOption) -> tuple[bool, int, int]:
    """Open options that serve every party first, then by how many parties gain."""
    return (not common_ground.every_party_gains(option, the_map),
            -len(common_ground.option_gain(option, the_map)), option.id)


def agreed_order(option: domain.WinWinOption) -> tuple[dt.date, int]:
    """The newest agreement first."""
    return (option.agreed_on or domain.EARLIEST_DATE, option.id)


groups = (
    ("options.group.open", sorted((o for o in live if o.is_open), key=gain_order)),
    ("options.group.agreed", sorted((o for o in live if o.status == "agreed"),
                                    key=agreed_order, reverse=True)),
    ("options.group.rejected", [o for o in live if o.status == "rejected"]),
)
if not live:
    st.info(ui.tr("options.none"), icon=":material/info:")
else:
    st.caption(ui.tr("options.every_party_explained"))
for title_key, members in groups:
    if members:
        st.header(ui.tr(title_key), anchor=False)
    for option in members:
        option_card(option)

archived = [o for o in options if o.archived]
if archived:
    st.header(ui.tr("options.group.archived"), anchor=False)
for option in archived:
    with st.expander(ui.plain(option.title), icon=":material/inventory_2:"):
        st.caption(status_text(option.status))
        ui.action_button(f"opt_{option.id}_unarchive", ui.tr("common.unarchive"),
                         partial(store.set_option_archived, option.id, False),
                         success=ui.tr("options.unarchived"), version=option.revision)
