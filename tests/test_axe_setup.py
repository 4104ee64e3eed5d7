"""The setup's axe-core fetch refuses anything but the pinned release (no network needed)."""

from __future__ import annotations

import gzip
import io
import tarfile

import pytest

from tests.e2e import axe


def _tarball(content: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo(axe.MEMBER)
        info.size = len(content)
        archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def test_a_tarball_other_than_the_pinned_release_is_refused() -> None:
    with pytest.raises(axe.AxeMissing, match="integrity"):
        axe.unpack(_tarball(b"window.axe = {run: () => ({violations: []})};"))


def test_the_integrity_is_the_registry_format() -> None:
    assert axe.integrity_of(gzip.compress(b"")).startswith("sha512-")
    assert axe.INTEGRITY.startswith("sha512-") and axe.INTEGRITY.endswith("==")
