"""inspect_ai tasks: ``inspect eval communique/<task> --model <model>`` after ``pip install communique[llm]``.

One task per answer task (:data:`communique.llm.format.TASKS`): ``communique/mentions``,
``communique/events``, ``communique/time``, ``communique/statements`` and ``communique/all``.

- **dataset**: one sample per row of the release's ``documents`` config (the packaged corpus,
  or ``-T corpus=DIR``); the input is the document part of the prompt, the target the gold answer;
- **solver**: the task's versioned system prompt (:mod:`.prompts`), then ``generate()`` with
  the strict answer schema (:mod:`.strict`) as the response schema;
- **scorer**: the answer is parsed (a JSON object, in a code fence or not) and scored by
  :func:`communique.llm.evaluate.score_answers` against the sample's gold document; an answer
  that is not valid JSON of the answer's shape scores as an empty answer. The metrics are the
  scorer's micro-averaged strict precision, recall and F1 per scored task, summed over samples,
  with the grounding counts (``<task>_ungrounded``...).

inspect finds the tasks through the ``inspect_ai`` entry point of the package
(:mod:`communique.llm._registry`).
"""

from __future__ import annotations

import json

from inspect_ai import Task, task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.model import ChatMessageSystem, GenerateConfig, ResponseSchema
from inspect_ai.scorer import Metric, SampleScore, Score, Scorer, Target, metric, scorer
from inspect_ai.solver import Generate, Solver, TaskState, generate, solver
from inspect_ai.util import JSONSchema

from ..api import load
from ..corpus import Corpus
from ..release.views import document_row
from ..scoring.report import Counts
from .convert import answers_from_corpus
from .evaluate import score_completion
from .format import SCORED
from .prompts import PROMPT_VERSION, document_prompt, system_prompt
from .strict import strict_schema


def samples(corpus: Corpus, name: str) -> list[Sample]:
    """One sample per ``documents`` row of ``corpus``: the document prompt in, the gold answer as target."""
    gold = answers_from_corpus(corpus, name)
    out = []
    for f in corpus.files:
        row = document_row(f)
        out.append(
            Sample(
                id=row["id"],
                input=document_prompt(f.document),
                target=json.dumps(gold[row["id"]], ensure_ascii=False),
                metadata={"document": row["id"], "published": (row.get("published") or {}).get("value")},
            )
        )
    return out


@solver
def instruction(name: str) -> Solver:
    """Put the task's system prompt first, as it is (no template filling: the schema holds braces)."""
    content = system_prompt(name)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        state.messages.insert(0, ChatMessageSystem(content=content))
        return state

    return solve


@metric
def micro() -> Metric:
    """Strict precision, recall and F1 per scored task, counts summed over samples, and grounding counts."""

    def compute(scores: list[SampleScore]) -> dict[str, float]:
        totals: dict[str, Counts] = {}
        grounding: dict[str, int] = {}
        for s in scores:
            meta = s.score.metadata or {}
            for name, c in meta.get("counts", {}).items():
                t = totals.get(name, Counts())
                totals[name] = Counts(t.tp + c["tp"], t.fp + c["fp"], t.fn + c["fn"])
            for name, g in meta.get("grounding", {}).items():
                for key in ("grounded", "ambiguous", "ungrounded"):
                    grounding[f"{name}_{key}"] = grounding.get(f"{name}_{key}", 0) + g[key]
            grounding["unparsed"] = grounding.get("unparsed", 0) + bool(meta.get("parse_error"))
        out: dict[str, float] = {}
        for name, c in totals.items():
            out.update({f"{name}_precision": c.precision, f"{name}_recall": c.recall, f"{name}_f1": c.f1})
        out.update({k: float(v) for k, v in grounding.items()})
        return out

    return compute


@scorer(metrics=[micro()])
def communique_scorer(name: str, corpus: str | None = None) -> Scorer:
    """Score an answer with Communiqué's scorer against the sample's gold document."""
    gold = load(corpus)

    async def score(state: TaskState, target: Target) -> Score:
        report, problem = score_completion(gold, str(state.metadata["document"]), state.output.completion, name)
        counts = {n: {"tp": s.strict.tp, "fp": s.strict.fp, "fn": s.strict.fn} for n, s in report.scores.tasks.items()}
        headline = report.scores[SCORED[name][0]].f1
        return Score(
            value=headline,
            answer=state.output.completion,
            explanation=problem or f"strict F1 of {SCORED[name][0]}: {headline:.3f}",
            metadata={
                "counts": counts,
                "grounding": {n: t.to_dict() for n, t in report.grounding.items()},
                "parse_error": problem,
                "versions": {k: v for k, v in report.to_dict().items() if k.endswith("version")},
            },
        )

    return score


def communique_task(name: str, corpus: str | None = None) -> Task:
    """The inspect task for answer task ``name`` over ``corpus`` (default: the packaged corpus)."""
    schema = ResponseSchema(
        name=f"communique_{name}",
        json_schema=JSONSchema.model_validate(strict_schema(name)),
        description=f"The {name} answer for one document",
        strict=True,
    )
    return Task(
        dataset=MemoryDataset(samples(load(corpus), name), name=f"communique-{name}"),
        solver=[instruction(name), generate()],
        scorer=communique_scorer(name, corpus),
        config=GenerateConfig(response_schema=schema),
        version=PROMPT_VERSION,
        metadata={"prompt_version": PROMPT_VERSION},
    )


@task
def mentions(corpus: str | None = None) -> Task:
    """Actor mentions with their actors (scored as mentions and linking)."""
    return communique_task("mentions", corpus)


@task
def events(corpus: str | None = None) -> Task:
    """Events with their triggers and arguments (scored as events and arguments)."""
    return communique_task("events", corpus)


@task
def time(corpus: str | None = None) -> Task:
    """Events with their triggers and normalised times (scored as time)."""
    return communique_task("time", corpus)


@task
def statements(corpus: str | None = None) -> Task:
    """Attributed statements: speaker, cue and content."""
    return communique_task("statements", corpus)


@task(name="all")
def all_tasks(corpus: str | None = None) -> Task:
    """Mentions, events (with arguments and times) and statements at once."""
    return communique_task("all", corpus)
