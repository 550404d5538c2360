"""Whether a span lies inside one of a set of spans, in logarithmic time per query."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from ..models import Span


class Containers:
    """Spans (statement contents) sorted by start, with the running maximum of their ends."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []
        for _, end in ordered:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def holds(self, span: Span) -> bool:
        """True when some span starts at or before ``span`` and ends at or after it."""
        i = bisect_right(self._starts, span.start) - 1
        return i >= 0 and self._reach[i] >= span.end
