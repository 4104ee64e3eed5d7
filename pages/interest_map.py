"""interest_map (being built for issue 16)."""

import streamlit as st

from belangen import ui

store = ui.get_store()
st.title(ui.tr("nav.interest_map"), anchor=False)
project = ui.require_project(store)
