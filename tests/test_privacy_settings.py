"""Issue 11, finding 9 (the parts without a server): the app knows which settings keep the notes
on this machine, refuses to serve without them, and the project's config file and the `belangen`
command agree on them."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from belangen import privacy, texts
from belangen.__main__ import streamlit_arguments

ROOT = Path(__file__).resolve().parent.parent
# What Streamlit 1.67 uses when nothing is configured (`streamlit run` from another folder).
STREAMLIT_DEFAULTS: dict[str, Any] = {
    "server.address": None,
    "browser.gatherUsageStats": True,
    "server.enableXsrfProtection": True,
    "server.allowedHosts": [],
    "client.showErrorDetails": "full",
}


def project_config() -> dict[str, Any]:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    return {f"{section}.{key}": value for section, keys in config.items()
            for key, value in keys.items()}


def test_the_project_config_holds_every_privacy_setting() -> None:
    config = project_config()
    assert {name: config.get(name) for name in privacy.REQUIRED} == privacy.REQUIRED
    assert privacy.problems(config.get) == []


def test_streamlits_defaults_are_refused_on_every_count() -> None:
    assert privacy.problems(STREAMLIT_DEFAULTS.get) == [
        "privacy.address", "privacy.statistics", "privacy.hosts", "privacy.error_details",
    ]


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("server.address", "0.0.0.0", "privacy.address"),
        ("server.address", "192.168.1.20", "privacy.address"),
        ("server.address", "", "privacy.address"),
        ("browser.gatherUsageStats", True, "privacy.statistics"),
        ("server.enableXsrfProtection", False, "privacy.xsrf"),
        ("server.allowedHosts", ["*"], "privacy.hosts"),
        ("server.allowedHosts", ["localhost", "evil.example"], "privacy.hosts"),
        ("client.showErrorDetails", "stacktrace", "privacy.error_details"),
    ],
)
def test_each_setting_alone_is_refused(name: str, value: object, problem: str) -> None:
    options = {**privacy.REQUIRED, name: value}
    assert privacy.problems(options.get) == [problem]


@pytest.mark.parametrize("address", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_addresses_are_fine(address: str) -> None:
    assert privacy.problems({**privacy.REQUIRED, "server.address": address}.get) == []


def test_the_app_refuses_to_serve_with_a_clear_message(absent_db_path: Path) -> None:
    """AppTest sees the project's config; an option set for this run stands for a server
    started with statistics on. The database is not even opened."""
    refused = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    with _option("browser.gatherUsageStats", True):
        refused.run()
    assert not refused.exception
    (message,) = [error.value for error in refused.error]
    assert texts.t("privacy.statistics") in message and "`belangen`" in message
    assert len(refused.title) == 0 and len(refused.get("selectbox")) == 0
    assert not absent_db_path.exists(), "the database was opened"


class _option:
    """Set one Streamlit option for the duration of a block (AppTest runs in this process)."""

    def __init__(self, name: str, value: object) -> None:
        self.name, self.value = name, value

    def __enter__(self) -> None:
        from streamlit import config

        self.before = config.get_option(self.name)
        config.set_option(self.name, self.value)

    def __exit__(self, *_exc: object) -> None:
        from streamlit import config

        config.set_option(self.name, self.before)


def test_the_command_passes_the_privacy_settings_last(tmp_path: Path) -> None:
    arguments = streamlit_arguments(["--server.port=8765"])
    assert arguments[:2] == ["run", str(ROOT / "app.py")]
    flags = arguments[2:]
    assert "--server.port=8765" in flags
    for flag in privacy.command_line_flags(privacy.REQUIRED):
        assert flag in flags
    assert "--theme.primaryColor=#2A6367" in flags, "the project's look comes along too"


@pytest.mark.parametrize("flag", ["--server.address=0.0.0.0", "--browser.gatherUsageStats",
                                  "--server.allowedHosts", "--client.showErrorDetails=full"])
def test_the_command_refuses_to_override_a_privacy_setting(flag: str) -> None:
    with pytest.raises(SystemExit) as refused:
        streamlit_arguments([flag, "true"])
    assert "privacy" in str(refused.value).lower() or "privé" in str(refused.value).lower()
