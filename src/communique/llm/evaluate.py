"""Scoring a model's answers: ground the quotes, score with :func:`communique.score`, count grounding.

>>> from communique.llm.evaluate import score_answers, read_answers
>>> report = score_answers(communique.load(), read_answers("answers.jsonl"), task="all")
>>> report.to_dict()["grounding"]["mentions"]["ungrounded"]

The figures are those of the scorer (docs/tasks.md) on the corpus the grounded answers make
(:func:`communique.llm.convert.to_corpus`), so an answer whose every quote grounds scores exactly
as the same predictions given with offsets. Beside precision, recall and F1, each scored task
reports how its spans grounded: ``grounded`` (one place), ``ambiguous`` (several places, placed by
the nearest-to-context rule), ``ungrounded`` (no place: scored as false positives), and how many
needed the normalisations (``normalised``).

Answer files: one JSON object per document with a ``"document"`` key (the document id) beside
the answer's keys, either as JSON Lines (one per line) or as ``.json`` files (one object, or a
list of them), a folder of such files included.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import jsonio, writes
from ..corpus import Corpus
from ..errors import ScoringError
from ..scoring import ScoreReport, score
from .convert import Tally, to_corpus
from .format import SCORED, TASKS, Answer, FullAnswer
from .strict import PROFILE_VERSION

_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.S)

SPANS_OF = {
    "mentions": ("mention",),
    "linking": ("mention",),
    "wikidata": (),
    "events": ("trigger",),
    "arguments": ("trigger",),
    "time": ("trigger",),
    "statements": ("cue", "content"),
}
"""Scorer task -> the span kinds its units rest on."""


@dataclass(frozen=True)
class AnswerReport:
    """The scores of a task's answers, with how their quotes grounded."""

    task: str
    scores: ScoreReport
    grounding: dict[str, Tally]
    prompt_version: str | None = None
    spans: dict[str, Tally] = field(default_factory=dict)
    """The same counts by span kind (mention, trigger, cue, content), each span counted once."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "scorer_version": self.scores.version,
            "schema_profile_version": PROFILE_VERSION,
            "prompt_version": self.prompt_version,
            "scores": self.scores.to_dict(),
            "grounding": {name: t.to_dict() for name, t in self.grounding.items()},
        }

    def table(self, *, by_label: bool = False) -> list[str]:
        lines = [*self.scores.table(), ""]
        lines.append(
            f"{'grounding':<11} {'spans':>6} {'grounded':>9} {'ambiguous':>10} {'ungrounded':>11} {'normalised':>11}"
        )
        for name, t in self.grounding.items():
            d = t.to_dict()
            lines.append(
                f"{name:<11} {d['spans']:>6} {d['grounded']:>9} {d['ambiguous']:>10} {d['ungrounded']:>11} "
                f"{d['normalised']:>11}"
            )
        lines.extend(["", *self.scores.details(by_label=by_label)])
        versions = f"task {self.task}, schema profile {PROFILE_VERSION}"
        lines.append(versions + f", prompt {self.prompt_version or 'not stated'}")
        return lines


def _merge(tallies: Mapping[str, Tally], kinds: Iterable[str]) -> Tally:
    total = Tally()
    for kind in kinds:
        t = tallies[kind]
        total.grounded += t.grounded
        total.ambiguous += t.ambiguous
        total.ungrounded += t.ungrounded
        total.normalised += t.normalised
    return total


def score_answers(
    gold: Corpus, answers: Mapping[str, Any], task: str = "all", prompt_version: str | None = None
) -> AnswerReport:
    """Score ``answers`` (document id -> answer, a model or its JSON) to ``task`` against ``gold``.

    Raises :class:`~communique.errors.ScoringError` for a document that is not in ``gold``.
    """
    if task not in TASKS:
        raise ScoringError(f"unknown task {task!r}; expected one of: {', '.join(TASKS)}")
    try:
        pred, tallies = to_corpus(gold, answers)
    except KeyError as exc:
        known = ", ".join(f.document.id for f in gold.files)
        raise ScoringError(
            f"answer for document {exc.args[0]!r}, which is not in the gold corpus; expected one of: {known}"
        ) from None
    names = SCORED[task]
    report = score(gold, pred).only(names)
    used = {kind for n in names for kind in SPANS_OF[n]}
    spans = {kind: t for kind, t in tallies.items() if kind in used}
    grounding = {n: _merge(tallies, SPANS_OF[n]) for n in names if SPANS_OF[n]}
    return AnswerReport(task, report, grounding, prompt_version, spans)


def _records(path: Path) -> Iterable[tuple[str, Any]]:
    """(where, JSON value) of each answer record in ``path``."""
    if path.is_dir():
        for child in sorted(path.glob("*.json*")):
            yield from _records(child)
        return
    try:
        data = jsonio.read_path(path)
    except jsonio.JsonReadError as exc:
        raise ScoringError(f"{path}: {exc.message}") from None
    if path.suffix == ".jsonl":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ScoringError(f"{path}: not UTF-8 (invalid byte at offset {exc.start})") from None
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield f"{path}:{number}", _loads(line.encode("utf-8"), f"{path}:{number}")
        return
    value = _loads(data, str(path))
    for i, item in enumerate(value if isinstance(value, list) else [value]):
        yield (f"{path}[{i}]" if isinstance(value, list) else str(path)), item


def _loads(data: bytes, where: str) -> Any:
    try:
        return jsonio.loads(data)
    except jsonio.JsonReadError as exc:
        line = f" (line {exc.line})" if exc.line and ":" not in where.rsplit("/", 1)[-1] else ""
        raise ScoringError(f"{where}{line}: {exc.message}") from None


def _path(loc: tuple[int | str, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)


def read_answers(path: str | Path) -> dict[str, Answer]:
    """The answers in ``path`` by document id; ScoringError naming the file, line and JSON path otherwise."""
    answers: dict[str, Answer] = {}
    for where, record in _records(Path(path)):
        if not isinstance(record, dict) or not isinstance(record.get("document"), str):
            raise ScoringError(f'{where}: expected an object with a "document" key (the document id) beside the answer')
        body = {k: v for k, v in record.items() if k != "document"}
        try:
            answer = FullAnswer.model_validate(body)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ScoringError(f"{where}: {_path(tuple(first['loc']))}: {first['msg']}") from None
        if record["document"] in answers:
            raise ScoringError(f"{where}: a second answer for document {record['document']!r}")
        answers[record["document"]] = answer
    return answers


def parse(completion: str) -> tuple[Answer, str | None]:
    """The answer in a completion, and what was wrong with it (then the answer is empty)."""
    m = _FENCE.match(completion)
    text = m[1] if m else completion
    try:
        return FullAnswer.model_validate_json(text), None
    except ValidationError as exc:
        first = exc.errors()[0]
        return FullAnswer(), f"{_path(tuple(first['loc']))}: {first['msg']}"


def score_completion(gold: Corpus, document: str, completion: str, task: str) -> tuple[AnswerReport, str | None]:
    """Score one model completion for one gold document (what the harness tasks do per sample).

    The completion is parsed with :func:`parse` (an unusable one scores as an empty answer, and
    the problem is returned beside the report); the gold corpus is cut down to ``document``.
    """
    from .prompts import PROMPT_VERSION

    answer, problem = parse(completion)
    one = Corpus(info=gold.info, actors=gold.actors, files=(gold.file(document),))
    return score_answers(one, {document: answer}, task, prompt_version=PROMPT_VERSION), problem


def answers_jsonl(answers: Mapping[str, Mapping[str, Any]]) -> str:
    """Answers as JSON Lines, one ``{"document": id, ...answer}`` object per line."""
    lines = (json.dumps({"document": doc, **answer}, ensure_ascii=False) for doc, answer in answers.items())
    return "".join(line + "\n" for line in lines)


def write_answers(path: Path, answers: Mapping[str, Mapping[str, Any]], *, force: bool = False) -> None:
    """Write ``answers`` to ``path`` as JSON Lines, whole or not at all.

    An existing file is replaced only with ``force`` and only when it holds answers already
    (:func:`read_answers` reads it): a file the package did not write is never replaced.
    """
    if path.exists():
        if not force:
            raise ScoringError(f"{path} already exists; use --force to replace it")
        try:
            read_answers(path)
        except ScoringError:
            raise ScoringError(f"{path} does not hold answers; not replacing it") from None
    writes.write_file(path, answers_jsonl(answers))
