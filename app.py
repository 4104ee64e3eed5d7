"""Belangen: the router. Page config, the privacy check, language, the database check and
navigation, inside the handler that keeps error details off the page; nothing else."""

import streamlit as st

from belangen import ui

# An emoji favicon is drawn in the browser; a ":material/…" one is fetched from fonts.gstatic.com.
st.set_page_config(page_title="Belangen", page_icon="🤝", layout="wide")

ui.refuse_unless_private()

with ui.friendly_errors():
    ui.claim_navigation()
    ui.begin_run()
    ui.language_picker()
    db = ui.get_store()

    # Each url_path equals its file's stem, so a deep link that reaches Streamlit's legacy pages/
    # discovery on the first request still finds its page (see ui._leave_legacy_page_discovery);
    # the default page is served at /, and /overview leads there (see ui.overview_alias).
    overview = st.Page("pages/overview.py", title=ui.tr("nav.overview"), icon=":material/home:",
                       url_path="home", default=True)
    navigation = st.navigation(
        [
            overview,
            st.Page("pages/projects.py", title=ui.tr("nav.projects"), icon=":material/folder:",
                    url_path="projects"),
            st.Page("pages/stakeholders.py", title=ui.tr("nav.stakeholders"),
                    icon=":material/groups:", url_path="stakeholders"),
            st.Page("pages/worksheet.py", title=ui.tr("nav.worksheet"),
                    icon=":material/table_rows:", url_path="worksheet"),
            st.Page("pages/follow_up.py", title=ui.tr("nav.follow_up"),
                    icon=":material/event_repeat:", url_path="follow_up"),
            st.Page("pages/trends.py", title=ui.tr("nav.trends"), icon=":material/show_chart:",
                    url_path="trends"),
            st.Page("pages/data.py", title=ui.tr("nav.data"), icon=":material/save:",
                    url_path="data"),
            ui.overview_alias(overview),
        ]
    )
    ui.project_picker(db)
    ui.show_flash()
    navigation.run()
