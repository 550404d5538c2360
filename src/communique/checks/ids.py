"""E200 duplicate ids and E201 ids that differ only in letter case, corpus-wide."""

from __future__ import annotations

from ._context import Context, Located


def _where(loc: Located) -> str:
    return f"the {loc.kind} at {loc.file} {loc.path}"


def check(ctx: Context) -> None:
    first: dict[str, Located] = {}
    folded: dict[str, Located] = {}
    for loc in ctx.records:
        rid = loc.record.id
        path = f"{loc.path}.id"
        if rid in first:
            ctx.add(
                "E200",
                loc.file,
                path,
                f"id {rid!r} is already used by {_where(first[rid])}; expected an id unique in the corpus",
                record=rid,
                expected="an id unique in the corpus",
                found=f"{rid!r}, also used by {_where(first[rid])}",
            )
            continue
        first[rid] = loc
        key = rid.casefold()
        other = folded.get(key)
        if other is not None:
            oid = other.record.id
            ctx.add(
                "E201",
                loc.file,
                path,
                f"id {rid!r} differs only in letter case from {oid!r} ({_where(other)}); "
                "expected ids that stay distinct on case-insensitive file systems",
                record=rid,
                expected=f"an id not equal to {oid!r} ignoring case",
                found=repr(rid),
            )
        else:
            folded[key] = loc
