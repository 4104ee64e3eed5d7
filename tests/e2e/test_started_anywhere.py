"""Issue 11, finding 9 with real servers. The project's `.streamlit/config.toml` is not the last
word: `STREAMLIT_*` environment variables and command-line flags win over it (and a server
started without it gets Streamlit's defaults: every interface, usage statistics on, any host
name). Started in any such way, the app must refuse to show data; the `belangen` command (and
`python -m belangen`) starts it with the privacy settings from any folder, whatever the
environment says."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from belangen import texts
from belangen.store import Store

from .harness import ROOT, START_TIMEOUT_S, free_port
from .test_host_check import raw_handshake
from .test_privacy import listening_sockets

pytestmark = pytest.mark.e2e

SECRET = "Project Elders-Gestart 41aa"
BIN = Path(sys.executable).parent


@contextlib.contextmanager
def server(
    command: list[str], folder: Path, port: int, environment: dict[str, str] | None = None
) -> Iterator[Path]:
    """Start `command` in `folder` (not the repository) on a database holding SECRET; yields
    the log file once the server answers."""
    db_path = folder / "belangen.duckdb"
    if not db_path.exists():
        store = Store(db_path)
        store.create_project(SECRET)
        store.close()
    log_path = folder / "server.log"
    env = {**os.environ, "BELANGEN_DB": str(db_path), **(environment or {})}
    with log_path.open("ab") as log:
        process = subprocess.Popen(command, cwd=folder, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            assert process.poll() is None, log_path.read_text()
            health = f"http://127.0.0.1:{port}/_stcore/health"
            with contextlib.suppress(OSError), urllib.request.urlopen(health, timeout=2) as reply:
                if reply.read() == b"ok":
                    break
            assert time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.2)
        yield log_path
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        process.wait(timeout=15)


@pytest.mark.parametrize(
    ("how", "problem"),
    [
        ({"STREAMLIT_BROWSER_GATHER_USAGE_STATS": "true"}, "privacy.statistics"),
        (["--server.enableXsrfProtection=false"], "privacy.xsrf"),
        (["--client.showErrorDetails=full"], "privacy.error_details"),
    ],
    ids=["statistics on in the environment", "XSRF off by flag", "error details by flag"],
)
def test_streamlit_run_without_the_privacy_settings_shows_no_data(
    tmp_path: Path, how: dict[str, str] | list[str], problem: str
) -> None:
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
               "--server.headless=true", f"--server.port={port}",
               *(how if isinstance(how, list) else [])]
    environment = how if isinstance(how, dict) else {}
    with server(command, tmp_path, port, environment) as log:
        received = raw_handshake(port, "127.0.0.1")
        assert received.startswith(b"HTTP/1.1 101"), received[:40]
        assert SECRET.encode() not in received, "the project name was served"
        assert texts.t(problem).encode() in received, "the refusal does not say why"
        assert b"`belangen`" in received, "the refusal does not say how to start it"
        assert texts.t(problem) in log.read_text()


@pytest.mark.parametrize("command", [[str(BIN / "belangen")],
                                     [sys.executable, "-m", "belangen"]],
                         ids=["belangen", "python -m belangen"])
def test_the_belangen_command_serves_privately_from_any_folder(
    tmp_path: Path, command: list[str]
) -> None:
    port = free_port()
    hostile = {"STREAMLIT_SERVER_ADDRESS": "0.0.0.0", "STREAMLIT_SERVER_ALLOWED_HOSTS": "*",
               "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "true"}
    with server([*command, "--server.headless=true", f"--server.port={port}"],
                tmp_path, port, hostile):
        sockets = listening_sockets(port)
        assert sockets and all(address.is_loopback for address, _inode in sockets), sockets
        received = raw_handshake(port, "127.0.0.1")
        assert SECRET.encode() in received, "the app did not show the data"
        assert raw_handshake(port, "evil.example").startswith(b"HTTP/1.1 403")
