"""Issue 5, network and privacy: the server started with the project's own config (as `make run`
does, only headless and on a free port) listens on loopback only, sends no usage statistics,
checks XSRF tokens, and while the main flows run the browser talks to nothing but the app."""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import os
import socket
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from belangen import worksheet

from . import flows
from .flows import tr
from .harness import ROOT, AppPage, AppServer

pytestmark = pytest.mark.e2e

LISTEN = "0A"  # TCP state code in /proc/net/tcp*


def _address(hex_address: str, family: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """/proc/net/tcp* write addresses as host-order 32-bit words in hex."""
    raw = bytes.fromhex(hex_address)
    words = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
    return ipaddress.IPv4Address(words) if family == "tcp" else ipaddress.IPv6Address(words)


def listening_sockets(port: int) -> list[tuple[ipaddress.IPv4Address | ipaddress.IPv6Address, str]]:
    """(address, socket inode) of every TCP socket in LISTEN state on `port`, IPv4 and IPv6."""
    found = []
    for family in ("tcp", "tcp6"):
        table = Path(f"/proc/net/{family}")
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            hex_address, hex_port = local.split(":")
            if state == LISTEN and int(hex_port, 16) == port:
                found.append((_address(hex_address, family), inode))
    return found


def owner_command(inode: str) -> str:
    """The command line of the process holding socket `inode` (by its /proc/<pid>/fd links)."""
    target = f"socket:[{inode}]"
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        try:
            if any(os.readlink(fd) == target for fd in fd_dir.iterdir()):
                return (fd_dir.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # a process that ended or is not ours to look into
            continue
    return ""


def machine_addresses() -> set[str]:
    """This machine's non-loopback addresses, the ones a neighbour on the network would use."""
    candidates = set()
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        shown = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5)
        candidates.update(shown.stdout.split())
    with contextlib.suppress(OSError):
        candidates.add(socket.gethostbyname(socket.gethostname()))
    return {
        address for address in candidates
        if not ipaddress.ip_address(address.split("%")[0]).is_loopback
    }


def test_server_listens_on_loopback_only(app_server: AppServer):
    sockets = listening_sockets(app_server.port)
    assert sockets, f"nothing listens on port {app_server.port}"
    for address, inode in sockets:
        assert address.is_loopback, f"the app listens on {address}:{app_server.port}"
        assert "streamlit" in owner_command(inode), "the port is held by another process"

    reachable = []
    for address in machine_addresses():
        try:
            with socket.create_connection((address, app_server.port), timeout=2):
                reachable.append(address)
        except OSError:  # refused (or unroutable): nobody else can reach the app
            pass
    assert not reachable, f"the app answers on the network at {reachable}"


def effective_config() -> dict[str, dict[str, object]]:
    """`streamlit config show` in the repository root, with this process's environment (the
    server's): every option with the value that wins, after its commented explanation."""
    shown = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"], cwd=ROOT,
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout
    config: dict[str, dict[str, object]] = {}
    section: dict[str, object] = {}
    pending = ""  # a value spread over several lines (a list)
    for line in shown.splitlines():
        line = line.strip()
        if pending:
            pending += line
            if line == "]":
                key, value = (part.strip() for part in pending.split("=", 1))
                section[key] = tomllib.loads(f"value = {value}")["value"]
                pending = ""
        elif line.startswith("[") and line.endswith("]"):
            section = config.setdefault(line[1:-1], {})
        elif line and not line.startswith("#") and "=" in line:
            key, value = (part.strip() for part in line.split("=", 1))
            if value == "[":
                pending = line
                continue
            section[key] = tomllib.loads(f"value = {value}")["value"]
    return config


def test_usage_statistics_off_and_xsrf_protection_on(app_server: AppServer):
    config = effective_config()
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["address"] in ("127.0.0.1", "localhost", "::1")
    assert config["server"]["allowedHosts"] == ["localhost", "127.0.0.1"]
    assert config["client"]["showErrorDetails"] == "none"

    # What the running server does: it hands out an XSRF cookie and refuses an upload without
    # the matching token.
    with urllib.request.urlopen(f"{app_server.base_url}/_stcore/health", timeout=5) as reply:
        assert "_streamlit_xsrf=" in (reply.headers.get("Set-Cookie") or "")
    upload = urllib.request.Request(
        f"{app_server.base_url}/_stcore/upload_file/session/file", data=b"x", method="PUT"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(upload, timeout=5)
    assert refused.value.code == 403
    assert b"XSRF" in refused.value.read()


# Every resource the page loaded (fonts, scripts, styles, images), by its URL.
LOADED_RESOURCES = """
() => [
  ...performance.getEntriesByType('resource').map((entry) => entry.name),
  ...[...document.querySelectorAll('script[src], link[href], img[src], iframe[src]')]
    .map((el) => el.src || el.href),
]
"""


def test_main_flows_send_nothing_off_the_machine(app: AppPage, browser_log):
    """Create a project and a stakeholder, save a worksheet row and an action, and visit every
    page and tab: every request, websocket, font and script comes from the app's own origin."""
    flows.create_project(app, "Privé project", dt.date.today() - dt.timedelta(weeks=3),
                         goal="Niets verlaat deze computer")
    person = flows.add_stakeholder(app, "Wethouder Jansen", "Gemeente", "De raad")
    flows.add_interest(app, person, "Herverkiezing", "political", "suspected")
    app.click(app.page.get_by_role("link", name=tr("stakeholders.open_worksheet")))
    for row in (worksheet.VALUE, worksheet.CONVERSATION):
        flows.fill_worksheet_row(app, person, row, 3, 4, f"Reflectie {row.key}")
        flows.save_worksheet(app, person)
    flows.add_action(app, person, worksheet.VALUE.key, "Koffie drinken")

    loaded: list[str] = []
    for title in ("nav.overview", "nav.projects", "nav.stakeholders", "nav.worksheet",
                  "nav.follow_up", "nav.trends", "nav.data"):
        app.goto_page(tr(title))
        assert not app.exception_texts(), app.exception_texts()
        loaded += app.page.evaluate(LOADED_RESOURCES)
    app.goto_page(tr("nav.trends"))
    for view in ("stakeholder", "latest", "course", "what_worked"):
        flows.choose_trends_view(app, view)
        loaded += app.page.evaluate(LOADED_RESOURCES)
    fonts = app.page.evaluate(
        "() => document.fonts.ready.then((set) => [...set].map((face) => face.family))"
    )

    foreign = [url for url in loaded if not url.startswith(("data:", "blob:", app.base_url))]
    assert not foreign, f"the page loaded resources from elsewhere: {foreign}"
    assert fonts, "no fonts were reported; the font check saw nothing"
    assert any(url.startswith(f"ws://{app_origin(app)}/") for url in browser_log.urls), (
        "the app's websocket was not recorded"
    )
    browser_log.assert_clean()


def app_origin(app: AppPage) -> str:
    return app.base_url.split("://", 1)[1]
