"""One definition of "the latest rating against the worksheet" (`analytics.latest_vs_baseline`):
the overview's table, the analytics over the whole history and the exported worksheets say the
same of every stakeholder and dimension of the sample project."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from belangen import analytics, exports, formats, worksheet
from belangen.sample import load_sample_project
from belangen.store import Store

ROOT = Path(__file__).resolve().parent.parent


def test_the_overview_the_analytics_and_the_exports_agree_on_the_sample(
    store: Store, db_path: Path
) -> None:
    project_id = load_sample_project(store)
    analysed = analytics.latest_vs_baseline(
        store.rating_history(project_id), store.worksheet_baseline(project_id)
    )
    expected = {
        (int(r.stakeholder_id), r.dimension): (r.baseline_rating, r.latest_rating, r.change)
        for r in analysed.itertuples()
    }
    weeks = {int(r.stakeholder_id): r.latest_week.date() for r in analysed.itertuples()}
    people = store.list_stakeholders(project_id)
    assert len(expected) == len(people) * len(worksheet.DIMENSION_KEYS)

    # What the overview's table, heatmap and position map are drawn from.
    stored = store.latest_ratings(project_id)
    assert {
        (int(r.stakeholder_id), r.dimension): (r.baseline_rating, r.latest_rating, r.change)
        for r in stored.itertuples()
    } == expected
    assert {int(r.stakeholder_id): r.latest_week.date() for r in stored.itertuples()} == weeks

    # The exported worksheets' "latest week" line.
    sheet = exports.gather_project(store, project_id)
    exported = {
        (person.stakeholder.id, answer.row.key): (answer.latest_rating, answer.latest_week)
        for person in sheet.stakeholders
        for answer in person.rows
        if answer.row.key in worksheet.DIMENSION_KEYS
    }
    assert exported == {
        key: (latest, weeks[key[0]]) for key, (_start, latest, _change) in expected.items()
    }

    # The overview's table on the screen.
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.run()
    assert not app.exception, app.exception
    table = app.dataframe[0].value.set_index("stakeholder_id")
    assert sorted(table.index) == sorted(person.id for person in people)
    for (stakeholder_id, dimension), (_start, latest, change) in expected.items():
        # "4 · ▲1 · ▲2": the latest rating first and the change since the worksheet last.
        shown, _since_previous, since_worksheet = table.loc[stakeholder_id, dimension].split(" · ")
        assert shown == str(latest)
        assert since_worksheet == formats.change_mark(change)
        assert table.loc[stakeholder_id, "latest_week"] == formats.week_short(
            weeks[stakeholder_id], "nl", store.today()
        )


def test_before_any_follow_up_the_latest_is_the_worksheet_and_no_week_is_shown(
    store: Store,
) -> None:
    project_id = load_sample_project(store)
    newcomer = store.create_stakeholder(project_id, "Nieuwe buurtcoach")
    for row in worksheet.DIMENSIONS:
        store.save_worksheet_entry(newcomer, row.key, reflection="", rating=2)

    stored = store.latest_ratings(project_id, newcomer)
    assert stored["latest_rating"].tolist() == [2] * len(worksheet.DIMENSIONS)
    assert stored["change"].tolist() == [0] * len(worksheet.DIMENSIONS)
    assert stored["latest_week"].isna().all()
    analysed = analytics.latest_vs_baseline(
        store.rating_history(project_id, newcomer), store.worksheet_baseline(project_id, newcomer)
    )
    assert sorted(analysed["latest_rating"]) == sorted(stored["latest_rating"])
    assert pd.notna(analysed["latest_week"]).all()  # the analytics place it at the worksheet
    (_, person) = exports.gather_stakeholder(store, newcomer)
    assert all(answer.latest_rating is None for answer in person.rows)
