"""Belangenkaart: every party's interests on one screen, the user's own included, the links
between them, and the common ground and tensions those links make (issue 16)."""

from collections.abc import Iterable
from functools import partial
from typing import Any

import streamlit as st

from belangen import domain, parties, screens, ui, worksheet
from belangen.common_ground import InterestMap, MapInterest
from belangen.domain import InterestLink, ValidationError

store = ui.get_store()
st.title(ui.tr("nav.interest_map"), anchor=False)
project = ui.require_project(store)
lang = ui.language()

st.caption(ui.tr("map.intro", project=ui.plain(project.name)))

HYPOTHESIS_ICON = ":material/help:"
ON_TABLE_ICONS = {True: ":material/visibility:", False: ":material/visibility_off:"}
OWN_FIELDS = ("text", "kind", "on_table", "notes")


def on_table_text(on_table: bool) -> str:
    return ui.tr("map.own.shown" if on_table else "map.own.kept")


def relation_text(relation: str) -> str:
    return parties.relation_name(relation, lang)


def relation_icon(relation: str) -> str:
    return ":material/handshake:" if relation == "shared" else ":material/bolt:"


def kind_text(kind: str) -> str:
    return worksheet.INTEREST_KINDS[kind](lang)


def own_field_text(name: str, value: Any) -> str:
    """One line for a set-aside field of an own interest (see `Form.show_notices`)."""
    shown = (kind_text(value) if name == "kind" else on_table_text(value)
             if name == "on_table" else str(value))
    label = {"text": "map.own.text", "kind": "interests.kind", "on_table": "map.own.on_table",
             "notes": "map.own.notes"}[name]
    return f"{ui.tr(label)}: {shown}"


def link_field_text(name: str, value: Any) -> str:
    if name == "relation":
        return f"{ui.tr('map.link.relation')}: {relation_text(value)}"
    return f"{ui.tr('map.link.note')}: {value}"


def hypothesis_badge(interest: MapInterest) -> str:
    """A hypothesis named in a word beside its icon (never colour alone): 'Hypothese
    (vermoed)' for a stakeholder, 'Hypothese (niet op tafel)' for the user."""
    return (f":orange-badge[{HYPOTHESIS_ICON} {ui.tr('map.hypothesis')} "
            f"({ui.plain(parties.hypothesis_kind(interest, lang))})]")


def interest_line(the_map: InterestMap, interest: MapInterest) -> str:
    """'- **Party** — interest', marked when it is a hypothesis; user text made literal."""
    line = (f"- **{ui.plain(ui.party_name(the_map, interest.party))}** — "
            f"{ui.plain(interest.text)}")
    return f"{line} {hypothesis_badge(interest)}" if interest.hypothesis else line


def interest_list(the_map: InterestMap, interests: Iterable[MapInterest]) -> str:
    """A Markdown list of interests, one line each."""
    return "\n".join(interest_line(the_map, interest) for interest in interests)


def in_party_order(the_map: InterestMap, *interests: MapInterest) -> list[MapInterest]:
    """A link's two interests as the map lists parties (the user first), not as stored."""
    order = {party: index for index, party in enumerate(the_map.parties)}
    return sorted(interests, key=lambda interest: order.get(interest.party, len(order)))


def hypothesis_flag() -> None:
    """Under common ground or a tension that rests on a hypothesis."""
    st.markdown(f":orange-badge[{HYPOTHESIS_ICON} {ui.tr('map.hypothesis')}] "
                f"{ui.tr('map.rests_on_hypothesis')}")


# --- my own interests ---------------------------------------------------------------------


def own_fields(form: ui.Form, messages: ui.FieldMessages) -> None:
    st.text_area(ui.tr("map.own.text"), key=form.key("text"), height=68)
    messages.slot("text")
    left, right = st.columns(2)
    left.selectbox(ui.tr("interests.kind"), list(worksheet.INTEREST_KINDS),
                   format_func=kind_text, key=form.key("kind"))
    # Two choices, both in view: one click.
    right.radio(ui.tr("map.own.on_table"), [True, False],
                format_func=lambda value: on_table_text(value),
                key=form.key("on_table"), help=ui.tr("map.own.on_table_help"))
    messages.slot("kind")
    messages.slot("on_table")
    st.text_area(ui.tr("map.own.notes"), key=form.key("notes"), height=68,
                 help=ui.tr("map.own.notes_help"))
    messages.slot("notes")
    messages.slot("")


def own_form(own=None) -> None:
    """Add an interest of the user's own, or edit one."""
    saved = ({name: getattr(own, name) for name in OWN_FIELDS} if own else
             {"text": "", "kind": next(iter(worksheet.INTEREST_KINDS)), "on_table": True,
              "notes": ""})
    form = ui.Form(f"map_own_{own.id}" if own else f"map_own_new_{project.id}", saved,
                   version=own.revision if own else None)
    if own:
        form.draw(
            own_field_text, own_fields, ui.tr("common.save"),
            lambda values: store.update_own_interest(own.id, form.based_on, **values,
                                                     token=form.token),
            success=ui.tr("common.saved"),
        )
    else:
        form.draw(
            own_field_text, own_fields, ui.tr("map.own.add"),
            lambda values: store.add_own_interest(project.id, **values, token=form.token),
            success=ui.tr("map.own.added"),
        )


def own_section() -> None:
    st.header(ui.tr("map.own.title"), anchor=False)
    st.caption(ui.tr("map.own.intro", question=ui.tr("map.own.question")))
    if project.own_goal:
        st.markdown(f"**{ui.tr('map.own.goal')}**")
        st.text(project.own_goal)  # the user's own words: never Markdown
    mine = store.list_own_interests(project.id, include_archived=True)
    listed, adder = st.columns(2, gap="large")
    with listed:
        if not mine:
            st.info(ui.tr("map.own.none"), icon=":material/info:")
        for own in mine:
            label = f"{on_table_text(own.on_table)} · {ui.plain(own.text)} · {kind_text(own.kind)}"
            if own.archived:
                label += ui.tr("common.archived_marker")
            panel = ui.folding_panel(label, icon=ON_TABLE_ICONS[own.on_table],
                                     panel_id=f"map_own_{own.id}",
                                     unsaved_notice="map.own.unsaved_closed")
            if panel is None:
                continue
            with panel:
                own_form(own)
                ui.action_button(
                    f"map_own_{own.id}_archive",
                    ui.tr("common.unarchive") if own.archived else ui.tr("common.archive"),
                    partial(store.set_own_interest_archived, own.id, not own.archived),
                    success=ui.tr("common.saved"), version=own.revision,
                )
    with adder, st.container(border=True, key=f"map_own_new_{project.id}__panel"):
        # Always in view, emptied after each add.
        st.markdown(f"**{ui.tr('map.own.new')}**")
        own_form()


# --- the whole map ------------------------------------------------------------------------


def all_interests(the_map: InterestMap) -> None:
    st.header(ui.tr("map.all.title"), anchor=False)
    groups = the_map.by_kind()
    if not groups:
        st.info(ui.tr("map.all.none"), icon=":material/info:")
        st.page_link(screens.STAKEHOLDERS.path, label=ui.tr("map.all.to_stakeholders"),
                     icon=":material/arrow_forward:")
        return
    st.caption(ui.tr("map.all.intro"))
    kinds = list(groups.items())
    # Two kinds a row, so a narrow screen, which stacks the columns, keeps the kinds' order.
    for pair in (kinds[start:start + 2] for start in range(0, len(kinds), 2)):
        for column, (kind, interests) in zip(st.columns(2, gap="large"), pair, strict=False):
            with column, st.container(border=True):
                st.subheader(f"{kind_text(kind)} ({len(interests)})", anchor=False)
                st.markdown(interest_list(the_map, interests))


# --- linking two interests ----------------------------------------------------------------

NEW_LINK = f"map_link_new_{project.id}"


def pick_label(the_map: InterestMap, ref: str) -> str:
    interest = the_map.interest(ref)
    return ui.interest_label(the_map, interest) if interest else ref


def link_fields(the_map: InterestMap, form: ui.Form, messages: ui.FieldMessages) -> None:
    """Interest B lists the other parties' interests only; a choice made before A changed to
    B's party stays in view, with the reason it cannot be saved, instead of vanishing."""
    refs = [interest.ref for interest in the_map.interests]
    st.selectbox(ui.tr("map.link.first"), refs, index=None,
                 placeholder=ui.tr("map.link.pick"), key=form.key("first_ref"),
                 format_func=partial(pick_label, the_map))
    messages.slot("first_ref")
    first = the_map.interest(form.value("first_ref") or "")
    second = the_map.interest(form.value("second_ref") or "")
    others = [interest.ref for interest in the_map.interests
              if first is None or interest.party != first.party or interest == second]
    st.selectbox(ui.tr("map.link.second"), others, index=None,
                 placeholder=ui.tr("map.link.pick"), key=form.key("second_ref"),
                 format_func=partial(pick_label, the_map))
    messages.slot("second_ref")
    if first is not None and second is not None and first.party == second.party:
        messages.show(ValidationError("second_ref", "error.link_same_party"))
    st.radio(ui.tr("map.link.relation"), list(domain.LINK_RELATIONS),
             format_func=lambda value: relation_text(value),
             key=form.key("relation"), horizontal=True, help=ui.tr("map.link.relation_help"))
    messages.slot("relation")
    st.text_input(ui.tr("map.link.note"), key=form.key("note"),
                  help=ui.tr("map.link.note_help"))
    messages.slot("note")
    messages.slot("")


def add_link(values: dict, token: str) -> None:
    for name in ("first_ref", "second_ref"):
        if not values[name]:
            raise ValidationError(name, "map.link.pick_required")
    store.add_link(project.id, values["first_ref"], values["second_ref"], values["relation"],
                   values["note"], token=token)


def link_section(the_map: InterestMap) -> None:
    st.header(ui.tr("map.link.title"), anchor=False)
    if len({interest.party for interest in the_map.interests}) < 2:
        st.info(ui.tr("map.link.too_few"), icon=":material/info:")
        return
    # Folded until asked for (or holding a draft): its two lists of every interest cost the
    # page a third of its time to draw, and the map is mostly read.
    panel = ui.new_form_panel("map.link.new", ":material/add_link:", NEW_LINK, first=False,
                              unsaved_notice="map.link.unsaved_closed")
    if panel is None:
        return
    with panel:
        st.caption(ui.tr("map.link.intro"))
        form = ui.Form(NEW_LINK, {"first_ref": None, "second_ref": None,
                                  "relation": domain.LINK_RELATIONS[0], "note": ""},
                       version=None)
        form.draw(
            link_field_text, partial(link_fields, the_map), ui.tr("map.link.add"),
            lambda values: add_link(values, form.token),
            success=ui.tr("map.link.added"), type="primary",
        )


def edit_link_fields(form: ui.Form, messages: ui.FieldMessages) -> None:
    st.radio(ui.tr("map.link.relation"), list(domain.LINK_RELATIONS),
             format_func=lambda value: relation_text(value),
             key=form.key("relation"), horizontal=True)
    messages.slot("relation")
    st.text_input(ui.tr("map.link.note"), key=form.key("note"))
    messages.slot("note")
    messages.slot("")


def links_list(the_map: InterestMap) -> None:
    if not the_map.links:
        if len({interest.party for interest in the_map.interests}) >= 2:
            st.caption(ui.tr("map.links.none"))
        return
    st.subheader(ui.tr("map.links.title"), anchor=False)
    for link in the_map.links:
        link_editor(the_map, link)


def link_editor(the_map: InterestMap, link: InterestLink) -> None:
    """One link: its relation, parties and note in view; the two interests (already shown
    above, under common ground or tensions) with the edit and removal when opened, so forty
    links stay a list to scan."""
    first, second = the_map.interest(link.first_ref), the_map.interest(link.second_ref)
    assert first is not None and second is not None  # the map keeps only links it shows
    pair = in_party_order(the_map, first, second)
    with st.container(border=True, key=f"map_link_{link.id}__panel"):
        parties = " ↔ ".join(ui.plain(ui.party_name(the_map, i.party)) for i in pair)
        st.markdown(f"{relation_icon(link.relation)} **{relation_text(link.relation)}** · "
                    f"{parties}")
        if link.note:
            st.markdown(note_line(link.note))
        panel = ui.folding_panel(ui.tr("map.links.edit"), icon=":material/edit:",
                                 panel_id=f"map_link_{link.id}",
                                 unsaved_notice="map.links.unsaved_closed")
        if panel is None:
            return
        with panel:
            st.markdown(interest_list(the_map, pair))
            link_change(link)


def link_change(link: InterestLink) -> None:
    """A link's relation and note to edit, and its removal."""
    form = ui.Form(f"map_link_{link.id}",
                   {"relation": link.relation, "note": link.note},
                   version=link.revision)
    form.draw(
        link_field_text, edit_link_fields, ui.tr("common.save"),
        lambda values: store.update_link(link.id, form.based_on, **values,
                                         token=form.token),
        success=ui.tr("common.saved"),
    )
    # Removing cannot be undone on screen: it asks for a tick first, and says what goes.
    st.caption(ui.tr("map.links.remove_help"))
    confirmed = st.checkbox(ui.tr("map.links.remove_confirm"),
                            key=f"map_link_{link.id}_remove_confirm")
    ui.action_button(
        f"map_link_{link.id}_remove", ui.tr("map.links.remove"),
        partial(store.remove_link, link.id), success=ui.tr("map.links.removed"),
        version=link.revision, disabled=not confirmed,
    )


# --- what the links make ------------------------------------------------------------------


def note_line(note: str) -> str:
    return f"*{ui.tr('map.note')}:* {ui.plain(note)}"


def common_ground(the_map: InterestMap) -> None:
    st.header(ui.tr("map.common.title"), anchor=False)
    grounds = the_map.common_ground()
    if not grounds:
        st.caption(ui.tr("map.common.none"))
        return
    st.caption(ui.tr("map.common.intro"))
    for ground in grounds:
        with st.container(border=True):
            names = ", ".join(ui.party_name(the_map, party) for party in ground.parties)
            st.markdown("**" + ui.tr_count("map.common.shared_by", len(ground.parties),
                                           names=ui.plain(names)) + "**")
            st.markdown(interest_list(the_map, ground.interests))
            for note in ground.notes:
                st.markdown(note_line(note))
            if ground.has_hypothesis:
                hypothesis_flag()


def tensions(the_map: InterestMap) -> None:
    st.header(ui.tr("map.tensions.title"), anchor=False)
    found = the_map.tensions()
    if not found:
        st.caption(ui.tr("map.tensions.none"))
        return
    st.caption(ui.tr("map.tensions.intro"))
    for tension in found:
        with st.container(border=True):
            pair = in_party_order(the_map, tension.first, tension.second)
            parties = " ↔ ".join(ui.plain(ui.party_name(the_map, i.party)) for i in pair)
            st.markdown(f"{relation_icon('tension')} **{parties}**")
            st.markdown(interest_list(the_map, pair))
            if tension.link.note:
                st.markdown(note_line(tension.link.note))
            if tension.has_hypothesis:
                hypothesis_flag()


own_section()
st.divider()
interest_map = store.interest_map(project.id)
all_interests(interest_map)
st.divider()
# What the links make comes before making and changing them: it is what the map is read for.
ground_column, tension_column = st.columns(2, gap="large")
with ground_column:
    common_ground(interest_map)
with tension_column:
    tensions(interest_map)
st.divider()
link_section(interest_map)
links_list(interest_map)
