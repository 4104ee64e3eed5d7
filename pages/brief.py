"""Gespreksvoorbereiding: one stakeholder before a conversation, on one screen, to print or to
take along as Markdown; afterwards straight on to that week's weekcheck for them."""

import streamlit as st

from belangen import brief as briefs
from belangen import domain, exports, ui

store = ui.get_store()
st.title(ui.tr("nav.brief"), anchor=False)
project = ui.require_project(store)
lang = ui.language()

chosen = ui.stakeholder_picker(store, project, key="brief_stakeholder")
if chosen is None:
    st.stop()
today = store.today()
week = domain.week_start(today)
st.caption(ui.tr("brief.intro", name=ui.plain(chosen.name)) + " "
           + ui.tr("brief.for_week", week=ui.week_text(week)) + ".")

# The screen is the user's own: it shows the hypotheses too, marked as such.
brief = ui.brief_of(store, chosen.id, week)
sections = {section.key: section for section in briefs.sections(brief, lang, today)}
HYPOTHESIS = f":orange-badge[{ui.tr('brief.hypothesis')}]"


def draw(section: briefs.Section) -> None:
    """One section in a box; every text is made literal (also the app's own: they are read
    from the brief, which holds user text beside them), a hypothesis gets a badge."""
    with st.container(border=True, key=f"brief_section_{section.key}"):
        st.header(ui.plain(section.title), anchor=False)
        if section.intro:
            st.caption(ui.plain(section.intro))
        if not section.lines:
            st.caption(ui.plain(section.empty))
            return
        st.markdown("\n".join(
            "- " + (f"**{ui.plain(line.label)}:** " if line.label else "") + ui.plain(line.text)
            + (f" {HYPOTHESIS}" if line.hypothesis else "")
            + "".join(f"\n    - {ui.plain(note)}" for note in line.notes)
            for line in section.lines))


LAYOUT = (("confirmed", "to_test"), ("back_home", "actions"), ("shared", "tensions"),
          ("options", "agreements"), ("trend", "reflections"), ("worked",))
for keys in LAYOUT:
    for column, key in zip(st.columns(len(keys), gap="medium"), keys, strict=True):
        with column:
            draw(sections[key])

st.header(ui.tr("brief.downloads"), anchor=False)
include_hidden = st.checkbox(ui.tr("brief.include_hidden"), key="brief_include_hidden",
                             help=ui.tr("brief.include_hidden_help"))
shared = brief if include_hidden else briefs.without_hypotheses(brief)
stem = exports.brief_file_stem(project.name, chosen.name, include_hidden=include_hidden,
                               lang=lang)
markdown_column, html_column = st.columns(2)
markdown_column.download_button(
    ui.tr("brief.download_markdown"), key="brief_download_md", file_name=f"{stem}.md",
    data=exports.markdown_of_brief(shared, lang=lang, exported_on=today),
    mime="text/markdown", icon=":material/description:",
)
html_column.download_button(
    ui.tr("brief.download_html"), key="brief_download_html", file_name=f"{stem}.html",
    data=exports.html_of_brief(shared, lang=lang, exported_on=today),
    mime="text/html", icon=":material/print:", help=ui.tr("data.download_html_help"),
)

st.divider()
if st.button(ui.tr("brief.follow_up"), key="brief_follow_up", type="primary",
             icon=":material/event_repeat:",
             help=ui.tr("brief.follow_up_help", week=ui.week_text(week),
                        name=ui.plain(chosen.name))):
    ui.open_follow_up(chosen.id, week)
