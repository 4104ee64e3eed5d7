"""options (being built for issue 16)."""

import streamlit as st

from belangen import ui

store = ui.get_store()
st.title(ui.tr("nav.options"), anchor=False)
project = ui.require_project(store)
