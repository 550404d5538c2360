"""Finer figures from the same alignment: per label, and the event measures under their TextEE names.

- **Per label** (``mentions``: actor type; ``events``: event type; ``arguments``: role): a
  unit's label is part of its key and units match only within one key, so the maximum matching
  falls apart by label and the per-label counts add up to the task's counts.
- **TextEE names** of the event measures (Huang et al., 2024, after ACE practice):
  ``trigger_identification`` (the trigger span alone, any type), ``trigger_classification``
  (span and type: the ``events`` task), ``argument_identification`` (event and actor identity,
  any role) and ``argument_classification`` (event, actor and role: the ``arguments`` task).
  Arguments are actors, not spans (docs/tasks.md), and the event an argument belongs to is
  aligned by type and trigger as in the ``arguments`` task.
"""

from __future__ import annotations

from collections.abc import Sequence

from .matching import Mode, Unit, align
from .report import SCORER_VERSION, Counts

__all__ = ["LABEL_KEYS", "SCORER_VERSION", "TEXTEE", "identification", "label_counts"]

LABEL_KEYS = {"mentions": 0, "events": 0, "arguments": 1}
"""Task -> the position of the label in a unit's key."""

TEXTEE = ("trigger_identification", "trigger_classification", "argument_identification", "argument_classification")


def label_counts(
    task: str, gold: Sequence[Unit], pred: Sequence[Unit], pairs: Sequence[tuple[int, int]]
) -> dict[str, Counts]:
    """Counts per label of ``task`` from an alignment ``pairs`` of ``gold`` and ``pred``."""
    at = LABEL_KEYS[task]
    labels = sorted({str(u.key[at]) for u in (*gold, *pred)})
    tp = {label: 0 for label in labels}
    for i, _ in pairs:
        tp[str(gold[i].key[at])] += 1
    n_gold = {label: 0 for label in labels}
    n_pred = {label: 0 for label in labels}
    for u in gold:
        n_gold[str(u.key[at])] += 1
    for u in pred:
        n_pred[str(u.key[at])] += 1
    return {label: Counts(tp[label], n_pred[label] - tp[label], n_gold[label] - tp[label]) for label in labels}


def _without_label(units: Sequence[Unit], at: int) -> list[Unit]:
    stripped = (Unit(u.document, u.key[:at] + u.key[at + 1 :], u.spans) for u in units)
    return list(dict.fromkeys(stripped)) if not units or not units[0].spans else list(stripped)


def identification(task: str, gold: Sequence[Unit], pred: Sequence[Unit], mode: Mode) -> Counts:
    """Counts of ``task`` with its label left out of every unit (TextEE's identification)."""
    at = LABEL_KEYS[task]
    g, p = _without_label(gold, at), _without_label(pred, at)
    tp = len(align(g, p, mode))
    return Counts(tp, len(p) - tp, len(g) - tp)
