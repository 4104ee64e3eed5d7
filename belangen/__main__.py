"""`belangen` (and `python -m belangen`): start the app with its privacy settings, from any
folder.

Streamlit reads `.streamlit/config.toml` from the folder it is started in; started elsewhere it
would listen on every interface and send usage statistics. This command passes the project's
config file and the privacy settings as command-line flags, which win over any config file.
Other flags (`--server.port=8765`) are passed on; one that names a privacy setting is refused.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

from belangen import privacy

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
CONFIG = ROOT / ".streamlit" / "config.toml"


def _project_options() -> dict[str, Any]:
    if not CONFIG.is_file():
        return {}
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    return {f"{section}.{key}": value for section, keys in config.items()
            for key, value in keys.items()}


def _flag_name(argument: str) -> str:
    return argument.removeprefix("--").split("=", 1)[0].replace("_", "").lower()


def streamlit_arguments(extra: list[str]) -> list[str]:
    """The arguments for `streamlit`: run app.py with the project's options, the flags given,
    and the privacy settings. Exits with a message if a given flag names a privacy setting."""
    protected = {name.replace("_", "").lower(): name for name in privacy.REQUIRED}
    clashing = [arg for arg in extra
                if arg.startswith("--") and _flag_name(arg) in protected]
    if clashing:
        raise SystemExit(
            "belangen: these flags would change a privacy setting, so they are refused: "
            + " ".join(clashing)
        )
    given = {_flag_name(arg) for arg in extra if arg.startswith("--")}
    options = {name: value for name, value in _project_options().items()
               if name.replace("_", "").lower() not in given}
    options.update(privacy.REQUIRED)
    return ["run", str(APP), *privacy.command_line_flags(options), *extra]


def main(argv: list[str] | None = None) -> None:
    if not APP.is_file():
        raise SystemExit(f"belangen: the app is not beside the package ({APP}); install it from "
                         "a checkout of the repository (pip install -e .)")
    arguments = streamlit_arguments(list(sys.argv[1:] if argv is None else argv))
    from streamlit.web import cli

    sys.argv = ["streamlit", *arguments]
    cli.main()


if __name__ == "__main__":
    main()
