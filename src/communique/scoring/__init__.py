"""Scoring a predicted corpus against the gold corpus, task by task.

    >>> import communique
    >>> report = communique.score(communique.load(), communique.load("my_predictions"))
    >>> report["events"].f1, report.to_dict()["events"]["lenient"]["recall"]

Predictions are a corpus in the gold corpus's own format; ids may differ from gold. Units are
matched by document, spans and labels, and actors by Wikidata QID, name or alias, never by id.
The rules are in the docstrings of :mod:`.matching` (spans and one-to-one alignment),
:mod:`.identity` (actors), :mod:`.tasks` (what a unit is in each task) and :mod:`.report`
(micro-averaging and empty cases), and in docs/tasks.md.
"""

from __future__ import annotations

from ..corpus import Corpus
from .breakdown import LABEL_KEYS, SCORER_VERSION, identification, label_counts
from .matching import MODES, align
from .report import Counts, ScoreReport, TaskScore
from .tasks import TASKS, task_units

__all__ = ["SCORER_VERSION", "TASKS", "Counts", "ScoreReport", "TaskScore", "score"]


def score(gold: Corpus, pred: Corpus) -> ScoreReport:
    """Score ``pred`` against ``gold``: precision, recall and F1 per task, strict and lenient.

    Raises :class:`~communique.errors.ScoringError` when a predicted document is not in the
    gold corpus, was made on a different text (seed SHA-256), or refers to an undefined actor.
    Gold documents the predictions leave out count as documents with nothing predicted.
    """
    counts: dict[str, dict[str, Counts]] = {task: {} for task in TASKS}
    labels: dict[str, dict[str, dict[str, Counts]]] = {task: {} for task in LABEL_KEYS}
    ident: dict[str, dict[str, Counts]] = {task: {} for task in ("events", "arguments")}
    for mode in MODES:
        for task, (gold_units, pred_units) in task_units(gold, pred, mode).items():
            pairs = align(gold_units, pred_units, mode)
            tp = len(pairs)
            counts[task][mode] = Counts(tp, len(pred_units) - tp, len(gold_units) - tp)
            if task in LABEL_KEYS:
                for label, c in label_counts(task, gold_units, pred_units, pairs).items():
                    labels[task].setdefault(label, {})[mode] = c
            if task in ident:
                ident[task][mode] = identification(task, gold_units, pred_units, mode)
    tasks = {task: TaskScore(c["strict"], c["lenient"]) for task, c in counts.items()}
    textee = {
        "trigger_identification": TaskScore(ident["events"]["strict"], ident["events"]["lenient"]),
        "trigger_classification": tasks["events"],
        "argument_identification": TaskScore(ident["arguments"]["strict"], ident["arguments"]["lenient"]),
        "argument_classification": tasks["arguments"],
    }
    by_label = {t: {lb: TaskScore(c["strict"], c["lenient"]) for lb, c in per.items()} for t, per in labels.items()}
    return ScoreReport(tasks, by_label=by_label, textee=textee)
