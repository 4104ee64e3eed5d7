"""Belangen: the router. Page config, language, the database check and navigation; nothing else."""

import streamlit as st

from belangen import ui

st.set_page_config(page_title="Belangen", page_icon=":material/handshake:", layout="wide")

ui.language_picker()
db = ui.get_store()

navigation = st.navigation(
    [
        st.Page("pages/overview.py", title=ui.tr("nav.overview"), icon=":material/home:",
                url_path="overzicht", default=True),
        st.Page("pages/projects.py", title=ui.tr("nav.projects"), icon=":material/folder:",
                url_path="projecten"),
        st.Page("pages/stakeholders.py", title=ui.tr("nav.stakeholders"),
                icon=":material/groups:", url_path="stakeholders"),
        st.Page("pages/worksheet.py", title=ui.tr("nav.worksheet"),
                icon=":material/table_rows:", url_path="werkblad"),
        st.Page("pages/follow_up.py", title=ui.tr("nav.follow_up"),
                icon=":material/event_repeat:", url_path="follow-up"),
        st.Page("pages/trends.py", title=ui.tr("nav.trends"), icon=":material/show_chart:",
                url_path="trends"),
    ]
)
ui.project_picker(db)
ui.show_flash()
navigation.run()
