"""Seed files: E303 the SHA-256 recorded differs from the seed's bytes, E310 the seed file is
not named after the document id."""

from __future__ import annotations

import hashlib

from ..codes import finding
from ..models import Document
from ..report import Finding

CODES = ("E303", "E310")


def check(out: list[Finding], rel: str, d: Document, data: bytes | None) -> None:
    """E310 for the seed's name, E303 for its bytes (``data``, None when it could not be read)."""
    expected_name = f"{d.id}.txt"
    if d.seed != expected_name:
        out.append(finding("E310", rel, "$.document.seed", record=d.id, expected=repr(expected_name),
                           found=repr(d.seed), seed=d.seed, expected_name=expected_name))
    if data is None:
        return
    digest = hashlib.sha256(data).hexdigest()
    if digest != d.sha256:
        out.append(finding("E303", rel, "$.document.sha256", record=d.id, expected=digest, found=d.sha256,
                           seed=d.seed, digest=digest, sha256=d.sha256))
