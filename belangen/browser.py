"""Finds a Chromium for the browser tests and the benchmark (never for the app itself).

Exits 0 when run as a module and one is found, so the set-up script can ask before installing.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def find_chromium() -> str | None:
    """`BELANGEN_CHROMIUM`, then Debian's `chromium` on PATH, then a Playwright-installed one."""
    override = os.environ.get("BELANGEN_CHROMIUM")
    if override and Path(override).is_file():
        return override
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as playwright:
        bundled = playwright.chromium.executable_path
    return bundled if bundled and Path(bundled).is_file() else None


if __name__ == "__main__":
    found = find_chromium()
    print(found or "no Chromium found")
    sys.exit(0 if found else 1)
