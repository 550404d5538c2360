"""Precision, recall and F1 per task, micro-averaged over documents.

Counts are summed over all documents before dividing (micro-averaging). Conventions when a
denominator is zero: precision is 1.0 when nothing was predicted *and* nothing was to be found,
else 0.0; recall likewise; F1 is 0.0 when precision and recall are both 0.0. So gold scored
against itself is 1.0 everywhere, even for a task the corpus has no units of, and an empty
prediction scores 0.0 recall on every task that has gold units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCORER_VERSION = "1.1.0"
"""Version of the scoring rules (docs/tasks.md); stamped into every report."""


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class TaskScore:
    """A task's counts under strict (exact span) and lenient (overlapping span) matching."""

    strict: Counts
    lenient: Counts

    @property
    def precision(self) -> float:
        """Strict precision (the headline figure)."""
        return self.strict.precision

    @property
    def recall(self) -> float:
        """Strict recall."""
        return self.strict.recall

    @property
    def f1(self) -> float:
        """Strict F1."""
        return self.strict.f1

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "strict": self.strict.to_dict(),
            "lenient": self.lenient.to_dict(),
        }


@dataclass(frozen=True)
class ScoreReport:
    """Scores of a predicted corpus against a gold corpus, one entry per task."""

    tasks: dict[str, TaskScore]
    by_label: dict[str, dict[str, TaskScore]] = field(default_factory=dict)
    """Task -> label -> its score (mentions by actor type, events by event type, arguments by role)."""
    textee: dict[str, TaskScore] = field(default_factory=dict)
    """The event measures under their TextEE names (:mod:`.breakdown`)."""
    version: str = SCORER_VERSION
    """The version of the scoring rules."""

    def __getitem__(self, task: str) -> TaskScore:
        return self.tasks[task]

    def only(self, names: tuple[str, ...]) -> ScoreReport:
        """The report restricted to the tasks ``names`` (and their breakdowns)."""
        keep = [n for n in self.tasks if n in names]
        labels = {n: v for n, v in self.by_label.items() if n in names}
        events = {"events", "arguments"} & set(names)
        return ScoreReport({n: self.tasks[n] for n in keep}, labels, self.textee if events else {}, self.version)

    def to_dict(self) -> dict[str, Any]:
        """``{task: {precision, recall, f1, strict: {...}, lenient: {...}}, ..., "by_label", "textee",
        "scorer_version"}``; the top-level figures are strict."""
        out: dict[str, Any] = {name: score.to_dict() for name, score in self.tasks.items()}
        out["by_label"] = {t: {lb: s.to_dict() for lb, s in per.items()} for t, per in self.by_label.items()}
        out["textee"] = {name: s.to_dict() for name, s in self.textee.items()}
        out["scorer_version"] = self.version
        return out

    def table(self) -> list[str]:
        """The report as aligned text lines, strict and lenient side by side."""
        head = f"{'task':<11} {'strict P':>8} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}   {'gold':>5}"
        lines = [head]
        for name, s in self.tasks.items():
            st, le = s.strict, s.lenient
            lines.append(
                f"{name:<11} {st.precision:>8.3f} {st.recall:>6.3f} {st.f1:>6.3f}   "
                f"{le.precision:>9.3f} {le.recall:>6.3f} {le.f1:>6.3f}   {st.tp + st.fn:>5}"
            )
        return lines

    def details(self, *, by_label: bool = False) -> list[str]:
        """The TextEE event measures, optionally the per-label figures (strict), and the scorer version."""
        lines = []
        if self.textee:
            lines.append(_head("TextEE measure (strict)"))
            lines.extend(_row(name, s.strict) for name, s in self.textee.items())
        for task, per in self.by_label.items() if by_label else ():
            if per:
                lines.append(_head(f"{task} by label (strict)"))
                lines.extend(_row(f"  {label}", s.strict) for label, s in per.items())
        lines.append(f"scorer {self.version}")
        return lines


_WIDTH = 30


def _head(title: str) -> str:
    return f"{title:<{_WIDTH}} {'P':>6} {'R':>6} {'F1':>6}   {'gold':>5}"


def _row(name: str, c: Counts) -> str:
    return f"{name:<{_WIDTH}} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}   {c.tp + c.fn:>5}"
