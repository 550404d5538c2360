"""Compare predicted marks with gold marks for the view: exact span and label match.

This is the view's own simple comparison: a unit is (layer, start, end, label), and a gold
unit is matched by an equal predicted unit, one for one. Mentions carry the actor id as label,
triggers the event type, times the normalised value, quantities kind, hedge and number,
statement cues and contents the speech-act type; argument, place, speaker and source spans
that coincide with a mention are units of their own layer at the mention's span. The
benchmark scorer, once it exists, decides what counts as missed or spurious; this module is
the one place to call it from, keeping :class:`SpanDiff` as the view's input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .marks import Mark

Unit = tuple[str, int, int, str]
"""(layer, start, end, label)."""

IGNORED_LAYERS = frozenset({"heading", "role"})
"""Document structure and actor titles are not predicted; they are not compared."""


def units(mark: Mark) -> list[Unit]:
    """The comparable units of a mark: its own span, and every pointer that joined it."""
    if mark.layer in IGNORED_LAYERS:
        return []
    own: list[Unit] = [(mark.layer, mark.start, mark.end, mark.label)]
    return own + [(layer, mark.start, mark.end, label) for layer, label in mark.pointers]


@dataclass(frozen=True)
class LayerCount:
    """Counts for one layer."""

    layer: str
    gold: int
    pred: int
    matched: int

    @property
    def missed(self) -> int:
        return self.gold - self.matched

    @property
    def spurious(self) -> int:
        return self.pred - self.matched


@dataclass
class SpanDiff:
    """Which marks of each side are matched, missed (gold only) or spurious (predicted only)."""

    gold_status: dict[str, str] = field(default_factory=dict)
    """Gold mark key -> 'match' or 'missed' (a mark with any unmatched unit is 'missed')."""
    pred_status: dict[str, str] = field(default_factory=dict)
    """Predicted mark key -> 'match' or 'spurious'."""
    missed: list[tuple[Unit, str]] = field(default_factory=list)
    """Every gold unit with no predicted counterpart, with the key of the mark that shows it."""
    spurious: list[tuple[Unit, str]] = field(default_factory=list)
    """Every predicted unit with no gold counterpart, with its mark key."""
    counts: list[LayerCount] = field(default_factory=list)


def _unmatched(
    own: Sequence[Mark], other: Sequence[Mark], status: dict[str, str], bad: str
) -> list[tuple[Unit, str]]:
    available = Counter(u for m in other for u in units(m))
    left = []
    for mark in own:
        mark_units = units(mark)
        if not mark_units:
            continue
        status[mark.key] = "match"
        for unit in mark_units:
            if available[unit] > 0:
                available[unit] -= 1
            else:
                left.append((unit, mark.key))
                status[mark.key] = bad
    return left


def span_diff(gold: Sequence[Mark], pred: Sequence[Mark]) -> SpanDiff:
    """Compare two documents' marks unit by unit (exact span and label)."""
    result = SpanDiff()
    result.missed = _unmatched(gold, pred, result.gold_status, "missed")
    result.spurious = _unmatched(pred, gold, result.pred_status, "spurious")
    gold_by = Counter(u[0] for m in gold for u in units(m))
    pred_by = Counter(u[0] for m in pred for u in units(m))
    missed_by = Counter(u[0] for u, _ in result.missed)
    for layer in sorted(set(gold_by) | set(pred_by)):
        matched = gold_by[layer] - missed_by[layer]
        result.counts.append(LayerCount(layer, gold_by[layer], pred_by[layer], matched))
    return result
