"""axe-core for the accessibility test, fetched by the project's own setup (`make browser`).

A fresh machine may have python3 and nothing else (no node, no npm), so the pinned release is
fetched from the npm registry with the standard library, checked against the registry's sha512
`integrity` for that release, and only `axe.min.js` is unpacked, to a gitignored folder.

    .venv/bin/python -m tests.e2e.axe        (exits non-zero, saying why, if it cannot)

The test never fetches it itself and never skips without it: a missing axe fails the run.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.14.1"
TARBALL_URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
# `dist.integrity` of https://registry.npmjs.org/axe-core/4.14.1 (Subresource Integrity format).
INTEGRITY = ("sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37"
             "OgudVGtQ==")
MEMBER = "package/axe.min.js"
FOLDER = Path(__file__).resolve().parent / ".axe"
SCRIPT = FOLDER / f"axe-core-{VERSION}.min.js"
"""The unpacked script; the version in its name makes a new pin fetch again."""


class AxeMissing(RuntimeError):
    """axe-core is not where the test looks, or could not be fetched and checked."""


def integrity_of(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def unpack(tarball: bytes) -> bytes:
    """`axe.min.js` from the release tarball, after checking it is the pinned release."""
    if integrity_of(tarball) != INTEGRITY:
        raise AxeMissing(f"{TARBALL_URL} does not match the pinned integrity {INTEGRITY}; "
                         "refusing to use it")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            raise AxeMissing(f"{MEMBER} is not a file in {TARBALL_URL}")
        return member.read()


def ensure(timeout_s: float = 60) -> Path:
    """The path of axe.min.js, fetched and checked first if it is not there yet."""
    if SCRIPT.is_file():
        return SCRIPT
    try:
        with urllib.request.urlopen(TARBALL_URL, timeout=timeout_s) as reply:
            tarball = reply.read()
    except OSError as failure:
        raise AxeMissing(f"could not fetch {TARBALL_URL}: {failure}") from failure
    script = unpack(tarball)
    FOLDER.mkdir(exist_ok=True)
    partial = SCRIPT.with_suffix(".part")
    partial.write_bytes(script)
    os.replace(partial, SCRIPT)  # never a half-written script under the final name
    return SCRIPT


def installed() -> Path:
    """The unpacked script, for the test; a clear failure when setup has not fetched it."""
    if not SCRIPT.is_file():
        raise AxeMissing(f"axe-core {VERSION} is not installed at {SCRIPT}. Run `make browser` "
                         "(or `.venv/bin/python -m tests.e2e.axe`) to fetch it.")
    return SCRIPT


def main() -> int:
    try:
        path = ensure()
    except AxeMissing as failure:
        print(f"axe-core: {failure}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
