"""The server settings that keep clicks quick, read back the way Streamlit reads them: started
from the project folder, as `make run` does (a misspelt key would be ignored silently)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# runner.postScriptGC: a full garbage collection after every run held each click at forty
# stakeholders. server.fileWatcherType: a watcher polls every module of the app several times
# a second, beside the user's clicks on a two-core machine; nobody edits the source while using it.
SPEED_SETTINGS = {"runner.postScriptGC": False, "server.fileWatcherType": "none"}


@pytest.mark.subprocess
def test_streamlit_reads_the_speed_settings_from_the_project_folder() -> None:
    script = (
        "import json; from streamlit import config; config.get_config_options(force_reparse=True);"
        f"print(json.dumps({{name: config.get_option(name) for name in {list(SPEED_SETTINGS)!r}}}))"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=120)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == SPEED_SETTINGS
