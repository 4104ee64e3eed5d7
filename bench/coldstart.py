"""Cold start: from `streamlit run` to the first page drawn in Chromium, beside `streamlit hello`.

Both servers start the same way, from the project folder (so both read its `.streamlit` config),
headless and on loopback only, and the same warm browser opens each in a fresh context.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from belangen.browser import find_chromium

ROOT = Path(__file__).resolve().parent.parent
STREAMLIT = Path(sys.executable).with_name("streamlit")
DRAWN = "[data-testid='stApp'][data-test-script-state='notRunning'] h1"
TIMEOUT_S = 120.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_healthy(port: int, process: subprocess.Popen[bytes], deadline: float) -> None:
    url = f"http://127.0.0.1:{port}/_stcore/health"
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError("server did not become healthy")


def _one_start(browser: object, command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launch to a healthy server, and to the first page drawn."""
    port = _free_port()
    flags = ["--server.headless=true", f"--server.port={port}", "--server.address=127.0.0.1"]
    started = time.perf_counter()
    process = subprocess.Popen([*command, *flags], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = started + TIMEOUT_S
        _wait_healthy(port, process, deadline)
        healthy = time.perf_counter() - started
        context = browser.new_context()  # type: ignore[attr-defined]
        try:
            page = context.new_page()
            page.goto(f"http://localhost:{port}/", timeout=TIMEOUT_S * 1000)
            page.wait_for_selector(DRAWN, timeout=TIMEOUT_S * 1000)
            return healthy, time.perf_counter() - started
        finally:
            context.close()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def measure_cold_start(db_path: Path, repeats: int) -> dict[str, dict[str, list[float]]]:
    """Alternating app and hello starts; the app opens `db_path`. The first pair is not counted:
    it warms the disk cache and makes the app's daily safety copy (once per day)."""
    from playwright.sync_api import sync_playwright

    app_env = {**os.environ, "BELANGEN_DB": str(db_path)}
    commands = {
        "app": ([str(STREAMLIT), "run", "app.py"], app_env),
        "hello": ([str(STREAMLIT), "hello"], dict(os.environ)),
    }
    samples: dict[str, dict[str, list[float]]] = {name: {"drawn": [], "healthy": []}
                                                  for name in commands}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(),
                                             args=["--no-sandbox"])
        try:
            for number in range(repeats + 1):  # the first pair warms the disk cache
                order = list(commands) if number % 2 else list(commands)[::-1]
                for name in order:
                    command, env = commands[name]
                    healthy, drawn = _one_start(browser, command, env)
                    if number:
                        samples[name]["drawn"].append(drawn)
                        samples[name]["healthy"].append(healthy)
        finally:
            browser.close()
    return samples
