"""The app on a database file it cannot use: a clear message naming the file (and the process
holding it), in the page and in the terminal, no traceback, and the file left as it was."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from belangen import screens, ui
from tests.apptest import run_app

HOLDER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("CREATE TABLE IF NOT EXISTS other_program (x INTEGER)")
print("holding", flush=True)
time.sleep(120)
"""


def shown_literally(path) -> str:
    """The path as the message holds it: escaped, so Markdown shows it exactly as it is."""
    return ui.plain(str(path))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"


@pytest.mark.subprocess
def test_a_file_held_by_another_process_is_named_with_that_process(
    db_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        before = digest(db_path)
        app = run_app()
        assert not app.exception
        (message,) = [error.value for error in app.error]
        assert shown_literally(db_path) in message
        assert f"proces {holder.pid}" in message
        assert "in gebruik" in message
        assert str(db_path) in capfd.readouterr().err
        assert digest(db_path) == before
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.mkdir(), "is een map"),
        (lambda p: p.write_bytes(b""), "is leeg"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(4000)), "geen Belangen-database"),
    ],
)
def test_unusable_files_get_a_dutch_explanation_and_stay_untouched(
    absent_db_path: Path, make, words: str
) -> None:
    db_path = absent_db_path
    make(db_path)
    before = digest(db_path)
    app = run_app()
    assert not app.exception
    (message,) = [error.value for error in app.error]
    assert words in message and shown_literally(db_path) in message
    assert digest(db_path) == before
    assert not db_path.with_name(db_path.name + ".wal").exists()


def test_the_message_is_shown_again_on_every_page_until_fixed(absent_db_path: Path) -> None:
    absent_db_path.mkdir()
    app = run_app()
    app.switch_page(screens.WORKSHEET.path).run()
    assert not app.exception
    assert "is een map" in app.error[0].value
