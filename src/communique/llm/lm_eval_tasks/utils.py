"""The functions the communique_* lm-evaluation-harness tasks name with ``!function utils.<name>``.

- ``<task>_dataset``: the release's ``documents`` config of the packaged corpus as a ``test``
  split of rows ``{id, prompt, target}``:
  the whole versioned prompt (:func:`communique.llm.prompts.prompt`) and the gold answer;
- ``process_<task>``: one completion scored by :func:`communique.llm.evaluate.score_completion`;
  each ``<scored task>_f1`` item is its strict ``(tp, fp, fn)``, with ``ungrounded`` and ``unparsed``;
- ``micro_f1``: the aggregation: counts summed over documents, then F1 (micro-average, as
  ``communique score`` does).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from communique.api import load
from communique.corpus import Corpus
from communique.llm.convert import answers_from_corpus
from communique.llm.evaluate import score_completion
from communique.llm.prompts import prompt
from communique.release.views import document_row
from communique.scoring.report import Counts


@cache
def _gold() -> Corpus:
    return load()


def rows(task: str) -> list[dict[str, str]]:
    """The packaged corpus's documents as dataset rows for ``task``."""
    gold = _gold()
    answers = answers_from_corpus(gold, task)
    out = []
    for f in gold.files:
        row = document_row(f)
        target = json.dumps(answers[row["id"]], ensure_ascii=False)
        out.append({"id": row["id"], "prompt": prompt(f.document, task), "target": target})
    return out


def _dataset(task: str) -> Any:
    import datasets

    return datasets.DatasetDict({"test": datasets.Dataset.from_list(rows(task))})


def mentions_dataset(**_: Any) -> Any:
    return _dataset("mentions")


def events_dataset(**_: Any) -> Any:
    return _dataset("events")


def time_dataset(**_: Any) -> Any:
    return _dataset("time")


def statements_dataset(**_: Any) -> Any:
    return _dataset("statements")


def all_dataset(**_: Any) -> Any:
    return _dataset("all")


def _process(task: str, doc: dict[str, Any], results: list[str]) -> dict[str, Any]:
    report, problem = score_completion(_gold(), doc["id"], results[0], task)
    items: dict[str, Any] = {f"{n}_f1": (s.strict.tp, s.strict.fp, s.strict.fn) for n, s in report.scores.tasks.items()}
    items["ungrounded"] = sum(t.ungrounded for t in report.spans.values())
    items["unparsed"] = int(problem is not None)
    return items


def process_mentions(doc: dict[str, Any], results: list[str]) -> dict[str, Any]:
    return _process("mentions", doc, results)


def process_events(doc: dict[str, Any], results: list[str]) -> dict[str, Any]:
    return _process("events", doc, results)


def process_time(doc: dict[str, Any], results: list[str]) -> dict[str, Any]:
    return _process("time", doc, results)


def process_statements(doc: dict[str, Any], results: list[str]) -> dict[str, Any]:
    return _process("statements", doc, results)


def process_all(doc: dict[str, Any], results: list[str]) -> dict[str, Any]:
    return _process("all", doc, results)


def micro_f1(items: list[tuple[int, int, int]]) -> float:
    """F1 of the counts summed over documents."""
    tp, fp, fn = (sum(column) for column in zip(*items, strict=True)) if items else (0, 0, 0)
    return Counts(tp, fp, fn).f1


def total(items: list[int]) -> int:
    """The sum over documents (lm-eval registers no ``sum`` aggregation)."""
    return sum(items)
