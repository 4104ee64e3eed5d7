"""A Streamlit app for `python -m bench.elements`: one page per kind of element, each drawing
`COUNT` of that kind as the app's pages use it (one table, one chart), and an empty page to
start every click from.
Not part of Belangen; nothing here reads or writes a database."""

import datetime as dt

import pandas as pd
import streamlit as st

COUNT = 20
RATINGS = [1, 2, 3, 4, 5]
PEOPLE = [f"Persoon {number} — Rol" for number in range(40)]
WEEKS = [f"Week {number} van 2026" for number in range(156)]


def empty() -> None:
    st.title("Leeg", anchor=False)


def text() -> None:
    for number in range(COUNT):
        st.text(f"Regel {number} met wat tekst")


def caption() -> None:
    for number in range(COUNT):
        st.caption(f"Bijschrift {number} met wat tekst")


def markdown() -> None:
    for number in range(COUNT):
        st.markdown(f"**Kop {number}** met wat tekst")


def expander() -> None:  # closed, as ui.folding_panel draws one
    for number in range(COUNT):
        st.expander(f"Gedaan · actie {number} · week 12", icon=":material/check_circle:",
                    key=f"expander_{number}", on_change="rerun")


def button() -> None:
    for number in range(COUNT):
        st.button(f"Knop {number}", key=f"button_{number}")


def toggle() -> None:
    for number in range(COUNT):
        st.toggle(f"Schakelaar {number}", key=f"toggle_{number}")


def selectbox_3() -> None:
    for number in range(COUNT):
        st.selectbox(f"Keuze {number}", ["a", "b", "c"], key=f"select3_{number}")


def selectbox_40() -> None:  # a stakeholder picker
    for number in range(COUNT):
        st.selectbox(f"Stakeholder {number}", PEOPLE, key=f"select40_{number}")


def selectbox_156() -> None:  # a week chooser over three years
    for number in range(COUNT):
        st.selectbox(f"Week {number}", WEEKS, key=f"select156_{number}")


def radio_5() -> None:  # a rating, nothing chosen
    for number in range(COUNT):
        st.radio(f"Waardering {number}", RATINGS, index=None, key=f"radio_{number}")


def segmented_5() -> None:
    for number in range(COUNT):
        st.segmented_control(f"Waardering {number}", RATINGS, key=f"segmented_{number}")


def text_area() -> None:
    for number in range(COUNT):
        st.text_area(f"Toelichting {number}", height=100, key=f"area_{number}")


def text_input() -> None:
    for number in range(COUNT):
        st.text_input(f"Naam {number}", key=f"input_{number}")


def container() -> None:
    for _ in range(COUNT):
        with st.container(border=True):
            pass


def dataframe_1() -> None:  # one table of forty rows
    st.dataframe(pd.DataFrame({"naam": PEOPLE, "waardering": [n % 5 + 1 for n in range(40)]}),
                 hide_index=True)


def chart_1() -> None:  # one line chart of 156 weekly points
    start = dt.date(2024, 1, 1)
    data = pd.DataFrame({"week": [start + dt.timedelta(weeks=n) for n in range(156)],
                         "waardering": [n % 5 + 1 for n in range(156)]})
    st.vega_lite_chart(data, {"mark": "line", "encoding": {
        "x": {"field": "week", "type": "temporal"},
        "y": {"field": "waardering", "type": "quantitative"}}}, width="stretch")


# Each page and how many elements of its kind it draws.
PAGES = {empty: 0, text: COUNT, caption: COUNT, markdown: COUNT, expander: COUNT, button: COUNT,
         toggle: COUNT, selectbox_3: COUNT, selectbox_40: COUNT, selectbox_156: COUNT,
         radio_5: COUNT, segmented_5: COUNT, text_area: COUNT, text_input: COUNT,
         container: COUNT, dataframe_1: 1, chart_1: 1}
if __name__ == "__main__":  # as `streamlit run` runs it; `bench.elements` only reads PAGES
    st.navigation([st.Page(page, title=page.__name__, url_path=page.__name__,
                           default=page is empty) for page in PAGES]).run()
