"""Issue 11, finding 5: deleted is deleted everywhere the app keeps data.

- A CSV or Excel export prepared on the Gegevens page before a write (a delete above all) is no
  longer offered afterwards: every write, restore and file rewrite moves the store's data version.
- The delete confirmation says that the automatic safety copies still hold the stakeholder, and
  offers to remove it from them too; afterwards no copy holds any of its text.
"""

from __future__ import annotations

import datetime as dt
import secrets
import zipfile
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from belangen import backup, screens, ui, worksheet
from belangen.store import Store
from tests.apptest import archived_panel, open_panel, submit

ROOT = Path(__file__).resolve().parent.parent
NOW = dt.datetime(2026, 3, 12, 10, 30)


def fill(store: Store, project_id: int, marker: str, name: str) -> int:
    person = store.create_stakeholder(project_id, f"{name} {marker}", f"rol {marker}",
                                      f"achterban {marker}", f"notities {marker}")
    store.update_stakeholder(person, None, name=f"{name} {marker}", role="", constituency="",
                             notes=f"nieuwe notities {marker}")  # the old version: change log
    interest = store.add_interest(person, f"belang {marker}", "political", "suspected",
                                  f"signaal {marker}")
    # On the map: a link whose note (and its earlier version) names them.
    own = store.add_own_interest(project_id, f"eigen belang naast {name}", "other", True, "")
    link = store.add_link(project_id, f"o{own}", f"i{interest}", "tension", f"noot {marker}")
    store.update_link(link, 1, relation="tension", note=f"nieuwe noot {marker}")
    store.save_worksheet_entry(person, worksheet.VALUE.key, reflection=f"reflectie {marker}",
                               rating=3)
    action = store.add_action(person, worksheet.VALUE.key, f"actie {marker}")
    store.save_follow_up(person, NOW.date(), ratings=dict.fromkeys(worksheet.DIMENSION_KEYS, 4),
                         reflection=f"week {marker}", actions_done={action: f"uitkomst {marker}"})
    return person


def copies_holding(store: Store, marker: str) -> list[str]:
    """The safety copies in which the marker can be read: in the raw bytes of any member of the
    zip, or in any value of any table (Parquet compresses text, so both are searched)."""
    holding = []
    for copy in backup.list_safety_copies(store):
        found = False
        with zipfile.ZipFile(copy.path) as archive:
            for name in archive.namelist():
                content = archive.read(name)
                found |= marker.encode() in content
                if name.endswith(".parquet"):
                    found |= parquet_holds(content, marker, store.path.parent)
        if found:
            holding.append(copy.path.name)
    return holding


def parquet_holds(content: bytes, marker: str, folder: Path) -> bool:
    """Whether any value in any row of this Parquet file contains the marker."""
    path = folder / f"grep-{secrets.token_hex(4)}.parquet"
    path.write_bytes(content)
    try:
        con = duckdb.connect()
        (count,) = con.execute(
            "SELECT count(*) FROM read_parquet(?) t WHERE position(? IN CAST(t AS VARCHAR)) > 0",
            [str(path), marker],
        ).fetchall()[0]
        con.close()
        return count > 0
    finally:
        path.unlink()


# --- the data version ------------------------------------------------------------------------


def test_every_kind_of_write_moves_the_data_version(tmp_path: Path) -> None:
    store = Store(tmp_path / "belangen.duckdb", now=lambda: NOW)
    seen = [store.data_version]

    def moved() -> bool:
        seen.append(store.data_version)
        return seen[-1] != seen[-2]

    project_id = store.create_project("Versies", start_date=dt.date(2026, 1, 5))
    assert moved()
    person = fill(store, project_id, "x", "Persoon")
    assert moved()
    saved = backup.write_backup(store)
    store.list_stakeholders(project_id)
    assert not moved(), "reading or backing up is no write"
    store.delete_stakeholder(person)
    assert moved()
    backup.restore_backup(store, saved)
    assert moved()
    store.close()


# --- the screens -----------------------------------------------------------------------------


@pytest.fixture
def archived_person(db_path: Path) -> tuple[int, str]:
    """A project with an archived stakeholder full of text, and one safety copy holding it."""
    marker = "WEG" + secrets.token_hex(8)
    store = Store(db_path, now=lambda: NOW)
    project_id = store.create_project("Herinrichting", start_date=dt.date(2026, 1, 5))
    fill(store, project_id, "BLIJFT", "Blijvend")
    person = fill(store, project_id, marker, "Vertrokken")
    store.set_stakeholder_archived(person, True)
    backup.safety_copy(store, "daily")
    backup.safety_copy(store, "manual")
    store.close()
    return person, marker


def app_on(page: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.run()
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def offered(app: AppTest) -> set[str]:
    return {button.key for button in app.get("download_button")}


def delete(app: AppTest, person: int, *, from_copies: bool) -> None:
    app.switch_page(screens.STAKEHOLDERS.path).run()
    open_panel(app, archived_panel(person))
    app.checkbox(key=f"sh_{person}_delete_confirm").check().run()
    if from_copies:
        app.checkbox(key=f"sh_{person}_delete_copies").check().run()
    submit(app, f"sh_{person}_delete")
    assert not app.exception, app.exception


def test_exports_prepared_before_a_delete_are_no_longer_offered(
    archived_person: tuple[int, str],
) -> None:
    person, _marker = archived_person
    app = app_on(screens.DATA.path)
    app.button(key="data_prepare_csv").click().run()
    app.button(key="data_prepare_xlsx").click().run()
    assert {"data_download_csv", "data_download_xlsx"} <= offered(app)

    delete(app, person, from_copies=False)
    app.switch_page(screens.DATA.path).run()

    assert not app.exception, app.exception
    stale = offered(app) & {"data_download_csv", "data_download_xlsx"}
    assert not stale, f"prepared before the delete, still offered: {sorted(stale)}"


def test_the_delete_confirmation_names_the_copies_and_can_clear_them(
    db_path: Path, archived_person: tuple[int, str]
) -> None:
    person, marker = archived_person
    store = Store(db_path)
    try:
        assert len(copies_holding(store, marker)) == 2, "test setup: the copies hold the text"
    finally:
        store.close()
    app = app_on(screens.STAKEHOLDERS.path)
    open_panel(app, archived_panel(person))
    warnings = " ".join(warning.value for warning in app.warning)
    assert "automatische kopieën" in warnings and str(backup.DEFAULT_KEEP_BACKUPS) in warnings

    delete(app, person, from_copies=True)

    # The confirmation waits for app.py's next run (AppTest runs only the page after the first).
    assert "automatische kopieën" in app.session_state[ui.FLASH_KEY]
    live = ui._open_store(str(db_path))  # the app's own store, still open
    ui._daily_safety_copy(str(db_path), live.today().isoformat()).join()  # the app's own copy
    copies = [copy.path.name for copy in backup.list_safety_copies(live)]
    assert len(copies) >= 2
    assert copies_holding(live, marker) == []
    assert copies_holding(live, "BLIJFT") == copies, "the other data must stay in the copies"
    restored = Store(db_path.parent / "check" / "belangen.duckdb")
    try:
        backup.restore_backup(restored, backup.list_safety_copies(live)[0].path.read_bytes())
        (project,) = restored.list_projects()
        names = [s.name for s in restored.list_stakeholders(project.id, include_archived=True)]
        assert names == ["Blijvend BLIJFT"]
    finally:
        restored.close()


def test_a_different_person_with_the_same_id_stays_in_older_copies(tmp_path: Path) -> None:
    """Ids are never reused within one database's history, but a copy made before restoring
    another computer's backup may hold someone else under the same id."""
    other = Store(tmp_path / "other" / "belangen.duckdb")
    ander = other.create_stakeholder(other.create_project("Elders"), "Ander persoon")
    elsewhere = backup.write_backup(other)
    other.close()
    store = Store(tmp_path / "app" / "belangen.duckdb")
    here = store.create_stakeholder(store.create_project("Hier"), "Vertrokken persoon")
    assert here == ander, "test setup: both databases gave the same id"
    backup.restore_backup(store, elsewhere)  # leaves a before-restore copy with 'Vertrokken'
    backup.safety_copy(store, "daily")  # and one with 'Ander'
    assert copies_holding(store, "Ander persoon") != []

    backup.delete_stakeholder_everywhere(store, ander)

    assert copies_holding(store, "Ander persoon") == []
    assert copies_holding(store, "Vertrokken persoon") != []
    store.close()
