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
    store = ui.get_store()

    navigation = st.navigation(ui.app_pages())
    ui.name_the_document(navigation)
    ui.project_picker(store)
    ui.streamlit_chrome()
    ui.show_flash()
    navigation.run()
