"""Charts for people who do not see them or cannot hover: each chart's data as a table on
request ('Als tabel'), and the trend's reflections and action outcomes as a list of plain text.
The chart's own text alternative is in its spec (`charts.words`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from belangen.ui.language import tr
from belangen.ui.text import plain


def as_table(
    key: str, build: Callable[[], pd.DataFrame], label_key: str = "chart.as_table"
) -> None:
    """A switch 'Als tabel' under a chart; only when it is on is the table built and drawn (a
    project of forty stakeholders over three years must not build a big table unasked).
    With two charts on a screen, `label_key` names which one, so each switch has its own name.
    `dataframe` draws its cells as plain text, never Markdown."""
    if st.toggle(tr(label_key), key=key):
        st.dataframe(build(), hide_index=True, width="stretch")


# The notes listed under a trend as they are; earlier ones wait in one fold: a year or three of
# weekly reflections made a list of thousands of pixels below the chart.
NEWEST_NOTES_SHOWN = 12


def chart_notes(notes: Sequence[Any]) -> None:
    """The reflections and actions of the weeks a trend shows (`charts.Note`, newest first),
    readable without hovering over a point. Every part is made literal: user text stays text."""
    st.header(tr("chart.notes_title"), anchor=False)
    if not notes:
        st.caption(tr("chart.notes_empty"))
        return
    lines = [f"- **{plain(note.week_label)}** · {plain(note.kind)}: {plain(note.text)}"
             + (f" — {tr('chart.outcome')}: {plain(note.outcome)}" if note.outcome else "")
             for note in notes]
    st.markdown("\n".join(lines[:NEWEST_NOTES_SHOWN]))
    if len(lines) > NEWEST_NOTES_SHOWN:
        with st.expander(tr("chart.notes_earlier", count=len(lines) - NEWEST_NOTES_SHOWN)):
            st.markdown("\n".join(lines[NEWEST_NOTES_SHOWN:]))
