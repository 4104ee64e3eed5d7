"""A full disk seen from the Werkblad: the save is refused with a clear message, the typed text
stays on screen, earlier data survives, and saving works again once there is room."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).parent / "helpers" / "full_disk_screen_child.py"
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.subprocess
def test_full_disk_keeps_the_typed_text_and_recovers(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(CHILD), str(tmp_path / "vol.duckdb")],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["exception"] == []
    assert "de schijf is vol" in report["refusal"], report
    assert report["typed_still_on_screen"]
    assert report["error_after_room"] == []
    assert report["saved_after_room"]
    assert report["versions"] == report["saves_before_full"] + 1
    assert report["earlier_notes"] == "van vóór de volle schijf"
