"""E200 duplicate ids and E201 ids that differ only in letter case, corpus-wide, over an id index
(:mod:`.index`)."""

from __future__ import annotations

from collections.abc import Callable

from ..codes import finding
from ..report import Finding
from .index import IdIndex

CODES = ("E200", "E201")


def register(
    out: list[Finding], index: IdIndex, rid: str, packed: int, file: str, path: str, where: Callable[[int], str],
    hashable: bool = False,
) -> None:
    """Add ``rid`` (the record at ``file`` ``path``) to ``index``; E200 or E201 when an earlier id
    meets it. ``where(packed)`` describes the earlier record."""
    earlier = index.add(rid, packed, hashable)
    if earlier is None:
        return
    other, at = earlier
    place = where(at)
    if other == rid:
        out.append(finding("E200", file, path, record=rid, expected="an id unique in the corpus",
                           found=f"{rid!r}, also used by {place}", rid=rid, where=place))
    else:
        out.append(finding("E201", file, path, record=rid, expected=f"an id not equal to {other!r} ignoring case",
                           found=repr(rid), rid=rid, other=other, where=place))
