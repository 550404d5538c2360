"""Counts per record type and per type value, for ``communique stats``."""

from __future__ import annotations

from collections import Counter

from .loader import Reading

Table = list[tuple[str, int]]


def _table(counter: Counter[str]) -> Table:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def compute(reading: Reading) -> dict[str, Table]:
    """Section title -> rows of (value, count), from what the structural layer could read."""
    files = [doc for _, doc in reading.documents]
    actors = list(reading.actors.actors) if reading.actors else []
    mentions = [m for f in files for m in f.mentions]
    events = [e for f in files for e in f.events]
    statements = [s for f in files for s in f.statements]
    records: Table = [
        ("documents", len(files)),
        ("actors", len(actors)),
        ("mentions", len(mentions)),
        ("events", len(events)),
        ("statements", len(statements)),
    ]
    return {
        "record type": records,
        "actor type": _table(Counter(a.type for a in actors)),
        "mention kind": _table(Counter(m.kind for m in mentions)),
        "event type": _table(Counter(e.type for e in events)),
        "factuality": _table(Counter(e.factuality for e in events)),
        "statement type": _table(Counter(s.type for s in statements)),
    }


def render(sections: dict[str, Table]) -> list[str]:
    """Aligned text tables, one per section, separated by a blank line."""
    lines: list[str] = []
    for title, rows in sections.items():
        width = max([len(title), *(len(value) for value, _ in rows)])
        num = max([len("count"), *(len(str(n)) for _, n in rows)])
        if lines:
            lines.append("")
        lines.append(f"{title:<{width}}  {'count':>{num}}")
        lines.append(f"{'-' * width}  {'-' * num}")
        lines.extend(f"{value:<{width}}  {n:>{num}}" for value, n in rows)
        if not rows:
            lines.append(f"{'(none)':<{width}}  {0:>{num}}")
    return lines
