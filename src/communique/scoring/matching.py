"""Span comparison and one-to-one alignment of gold and predicted units.

Matching rules (the same text is in docs/tasks.md):

- A *unit* is one thing a system must find: a document id, a *key* (a tuple of labels and
  identities, such as the actor type of a mention) and zero or more *spans*.
- Spans are half-open code-point ranges ``[start, end)``. Two spans are equal when both
  offsets are equal. Two spans *overlap* when they share at least one character:
  ``max(start) < min(end)``. Touching spans (``[0, 5)`` and ``[5, 9)``) do not overlap;
  nested spans (``[0, 9)`` and ``[2, 5)``) do.
- **strict**: a predicted unit matches a gold unit when the document and the key are equal
  and every span is equal, position by position.
- **lenient**: the document and the key are equal and every span overlaps its counterpart.
- Alignment is **one-to-one**: each gold unit is matched at most once, and so is each
  predicted unit. The true positives are the size of a *maximum* matching between gold and
  predicted units (augmenting paths, Kuhn's algorithm), so the count never depends on the
  order of the files. Among the candidates of a unit, the one with the largest total overlap
  is tried first, then the earliest; this only decides *which* pairs are reported, never how many.
- Duplicates are not merged: two identical predicted units against one gold unit give one
  true positive and one false positive; two identical gold units need two predictions.
- ``tp`` is the number of matched pairs, ``fp`` the predicted units left unmatched, ``fn`` the
  gold units left unmatched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Literal

Mode = Literal["strict", "lenient"]
MODES: tuple[Mode, ...] = ("strict", "lenient")

SpanKey = tuple[int, int]
"""A span as ``(start, end)``, end exclusive."""


@dataclass(frozen=True)
class Unit:
    """One gold or predicted item of a task."""

    document: str
    key: tuple[Hashable, ...]
    spans: tuple[SpanKey, ...] = ()


def overlap(a: SpanKey, b: SpanKey) -> int:
    """Number of characters two spans share (0 when they are disjoint or only touch)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(gold: Sequence[SpanKey], pred: Sequence[SpanKey], mode: Mode) -> bool:
    """True when the spans correspond position by position under ``mode``."""
    if len(gold) != len(pred):
        return False
    if mode == "strict":
        return all(g == p for g, p in zip(gold, pred, strict=True))
    return all(overlap(g, p) > 0 for g, p in zip(gold, pred, strict=True))


def _weight(gold: Unit, pred: Unit) -> int:
    return sum(overlap(g, p) for g, p in zip(gold.spans, pred.spans, strict=True))


def _position(unit: Unit) -> tuple[int, ...]:
    return tuple(s for span in unit.spans for s in span)


def max_matching(edges: Sequence[Sequence[int]], n_right: int) -> list[int]:
    """A maximum bipartite matching; ``edges[i]`` lists the right nodes left node ``i`` may take.

    Returns, for each right node, the left node matched to it or -1. Each left node's
    candidates are tried in the order given (Kuhn's augmenting-path algorithm).
    """
    owner = [-1] * n_right
    for left in range(len(edges)):
        seen = [False] * n_right
        stack: list[tuple[int, int]] = [(left, 0)]
        path: list[tuple[int, int]] = []  # (left node, right node it wants)
        # iterative depth-first search for an augmenting path
        while stack:
            node, idx = stack.pop()
            cands = edges[node]
            while idx < len(cands) and seen[cands[idx]]:
                idx += 1
            if idx == len(cands):
                if path:
                    path.pop()
                continue
            right = cands[idx]
            seen[right] = True
            stack.append((node, idx + 1))
            path.append((node, right))
            if owner[right] == -1:
                for lnode, rnode in path:
                    owner[rnode] = lnode
                break
            stack.append((owner[right], 0))
    return owner


def align(gold: Sequence[Unit], pred: Sequence[Unit], mode: Mode) -> list[tuple[int, int]]:
    """Pairs ``(gold index, predicted index)`` of a maximum one-to-one alignment under ``mode``."""
    groups: dict[tuple[str, tuple[Hashable, ...]], list[int]] = defaultdict(list)
    for j, p in enumerate(pred):
        groups[(p.document, p.key)].append(j)
    edges: list[list[int]] = []
    for g in gold:
        cands = [j for j in groups.get((g.document, g.key), []) if spans_match(g.spans, pred[j].spans, mode)]
        cands.sort(key=lambda j: (-_weight(g, pred[j]), _position(pred[j]), j))
        edges.append(cands)
    owner = max_matching(edges, len(pred))
    return sorted((i, j) for j, i in enumerate(owner) if i != -1)
