#!/bin/sh
# Make sure the browser tests have a Chromium. They are never skipped for want of one: if none can
# be found or installed, stop here and say how to get one.
set -u
PYTHON=${PYTHON:-.venv/bin/python}

if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if "$PYTHON" -m belangen.browser >/dev/null 2>&1; then
    exit 0
fi
echo "Chromium not found; trying 'playwright install chromium'..."
if "$PYTHON" -m playwright install chromium >/dev/null 2>&1 && "$PYTHON" -m belangen.browser >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium package with apt-get..."
    if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
        exit 0
    fi
fi
cat >&2 <<'MSG'

The browser tests need Chromium and none could be found or installed.
Install one, then run `make test` again:
  - Debian/Ubuntu:  sudo apt-get install chromium
  - elsewhere:      .venv/bin/python -m playwright install chromium
or point BELANGEN_CHROMIUM at a Chromium or Chrome executable.
MSG
exit 1
