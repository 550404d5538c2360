"""Counts per record type and per type value, for ``communique stats``."""

from __future__ import annotations

from collections import Counter

from .validation.sinks import Counts

Table = list[tuple[str, int]]


def _table(counter: Counter[str]) -> Table:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def compute(counts: Counts) -> dict[str, Table]:
    """Section title -> rows of (value, count), from what the structural layer could read."""
    records: Table = [(name, counts.records[name]) for name in ("documents", "actors", "mentions", "events",
                                                                 "statements")]
    return {"record type": records, **{name: _table(counter) for name, counter in counts.values.items()}}


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
