"""E200 duplicate ids and E201 ids that differ only in letter case, corpus-wide (their messages
are built here only: streaming validation calls :func:`duplicate` and :func:`case_clash` too)."""

from __future__ import annotations

from ._context import Context, Located


def _where(loc: Located) -> str:
    return f"the {loc.kind} at {loc.file} {loc.path}"


def duplicate(ctx: Context, file: str, path: str, rid: str, where: str) -> None:
    """E200: ``rid`` is already the id of the record described by ``where``."""
    ctx.add(
        "E200",
        file,
        path,
        f"id {rid!r} is already used by {where}; expected an id unique in the corpus",
        record=rid,
        expected="an id unique in the corpus",
        found=f"{rid!r}, also used by {where}",
    )


def case_clash(ctx: Context, file: str, path: str, rid: str, other: str, where: str) -> None:
    """E201: ``rid`` differs only in letter case from ``other``, the id of the record described by ``where``."""
    ctx.add(
        "E201",
        file,
        path,
        f"id {rid!r} differs only in letter case from {other!r} ({where}); "
        "expected ids that stay distinct on case-insensitive file systems",
        record=rid,
        expected=f"an id not equal to {other!r} ignoring case",
        found=repr(rid),
    )


def check(ctx: Context) -> None:
    first: dict[str, Located] = {}
    folded: dict[str, Located] = {}
    for loc in ctx.records:
        rid = loc.record.id
        path = f"{loc.path}.id"
        if rid in first:
            duplicate(ctx, loc.file, path, rid, _where(first[rid]))
            continue
        first[rid] = loc
        key = rid.casefold()
        other = folded.get(key)
        if other is not None:
            case_clash(ctx, loc.file, path, rid, other.record.id, _where(other))
        else:
            folded[key] = loc
