"""The settings that keep the notes on this machine, one definition for the `belangen` command
(which passes them to Streamlit) and for the check the app makes before it serves anything.

No Streamlit here: the check takes Streamlit's `get_option` as an argument.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import Any

LOOPBACK_HOSTS = ("localhost", "127.0.0.1")

REQUIRED: dict[str, Any] = {
    # Listen on this computer only; the browser opens the app under this name.
    "server.address": "127.0.0.1",
    "browser.serverAddress": "localhost",
    # Only loopback names may open the app's WebSocket (a rebound foreign name may not).
    "server.allowedHosts": list(LOOPBACK_HOSTS),
    "server.enableXsrfProtection": True,
    "server.enableCORS": True,
    "browser.gatherUsageStats": False,
    # No traceback with paths, no buttons that send the error text to outside sites.
    "client.showErrorDetails": "none",
}


def _is_loopback(address: object) -> bool:
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(str(address)).is_loopback
    except ValueError:
        return False


def problems(get_option: Callable[[str], Any]) -> list[str]:
    """Catalogue keys (`privacy.*`) of what this server does that could let data leave the
    machine; empty when all is well."""
    found = []
    if not _is_loopback(get_option("server.address")):  # unset: every interface
        found.append("privacy.address")
    if get_option("browser.gatherUsageStats"):
        found.append("privacy.statistics")
    if not get_option("server.enableXsrfProtection"):
        found.append("privacy.xsrf")
    hosts = list(get_option("server.allowedHosts") or [])
    if not hosts or any(host not in LOOPBACK_HOSTS for host in hosts):
        found.append("privacy.hosts")
    if get_option("client.showErrorDetails") != "none":
        found.append("privacy.error_details")
    return found


def command_line_flags(options: dict[str, Any]) -> list[str]:
    """`--section.name=value` flags for `streamlit run`; a list becomes one flag per item."""
    flags = []
    for name, value in options.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            text = str(item).lower() if isinstance(item, bool) else str(item)
            flags.append(f"--{name}={text}")
    return flags
