"""Seed files: E303 the SHA-256 recorded differs from the seed's bytes, E310 the seed file is
not named after the document id."""

from __future__ import annotations

import hashlib

from ._context import Context


def check(ctx: Context) -> None:
    for rel, doc in ctx.documents:
        d = doc.document
        expected_name = f"{d.id}.txt"
        if d.seed != expected_name:
            ctx.add(
                "E310",
                rel,
                "$.document.seed",
                f"seed file is {d.seed!r}; expected {expected_name!r} (the document id plus '.txt')",
                record=d.id,
                expected=repr(expected_name),
                found=repr(d.seed),
            )
        data = ctx.reading.seed_bytes.get(d.seed)
        if data is None:
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != d.sha256:
            ctx.add(
                "E303",
                rel,
                "$.document.sha256",
                f"sha256 differs from the bytes of seeds/{d.seed} (the seed changed or the hash is wrong): "
                f"expected {digest}, found {d.sha256}",
                record=d.id,
                expected=digest,
                found=d.sha256,
            )
