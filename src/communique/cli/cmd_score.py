"""``communique score PRED_DIR [--gold DIR] [--json]``: score predictions against the gold corpus.

PRED_DIR is a predicted corpus laid out like the repository (data/, seeds/), or a language
model's answers with quoted spans (a JSON Lines file, JSON files, or a folder of them: see
:mod:`communique.llm.evaluate`), scored for ``--task``. A predicted corpus is validated
first: any error is listed and the command exits 2 without scoring. Scores are precision, recall
and F1 per task, strict and lenient (docs/tasks.md); ``--json`` prints what
:func:`communique.score` returns as a dict.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..api import load
from ..errors import CorpusInvalidError, IntegrityError
from ..layout import DATA_DIR, SEEDS_DIR, is_corpus_dir
from ..llm.names import TASKS
from ..scoring import score
from ._output import err, out, out_json

EXIT_BAD_PREDICTIONS = 2
MAX_LISTED = 50


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "score",
        help="score a predicted corpus against the gold corpus (precision, recall, F1 per task)",
        description="Score predictions (a corpus directory in the corpus format) against the gold corpus; "
        "exit 0 scored, 2 when the predictions are invalid or cannot be scored.",
    )
    p.add_argument(
        "pred", type=Path, metavar="PRED_DIR", help=f"predicted corpus directory with {DATA_DIR}/ and {SEEDS_DIR}/"
    )
    p.add_argument("--gold", type=Path, metavar="DIR", help="gold corpus directory (default: the packaged corpus)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--by-label", action="store_true", help="also print the strict figures per label")
    p.add_argument(
        "--task",
        default="all",
        choices=TASKS,
        help="for answers with quoted spans: the task they answer (default: all)",
    )
    p.add_argument(
        "--prompt-version",
        metavar="VERSION",
        help="for answers with quoted spans: the prompt template they were made with, stated in the report",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pred_dir: Path = args.pred
    if not is_corpus_dir(pred_dir) and (pred_dir.is_file() or any(pred_dir.glob("*.json*"))):
        from ._score_answers import run_answers

        return run_answers(args)
    if not is_corpus_dir(pred_dir):
        err(f"communique: error: {pred_dir} is not a predicted corpus: expected {DATA_DIR}/ and {SEEDS_DIR}/ inside it")
        return EXIT_BAD_PREDICTIONS
    try:  # validated and loaded in one pass
        predictions = load(pred_dir)
    except CorpusInvalidError as exc:
        errors = exc.report.errors
        err(f"communique: error: the predictions in {pred_dir} are not a valid corpus ({len(errors)} error(s)):")
        for finding in errors[:MAX_LISTED]:
            err(f"  {finding.describe()}")
        if len(errors) > MAX_LISTED:
            err(f"  ... and {len(errors) - MAX_LISTED} more (run `communique validate {pred_dir}`)")
        return EXIT_BAD_PREDICTIONS
    except IntegrityError as exc:
        err(f"communique: error: the predictions in {pred_dir}: {exc}")
        return EXIT_BAD_PREDICTIONS
    try:
        gold = load(args.gold)
    except CorpusInvalidError as exc:
        where = args.gold or "the packaged corpus"
        err(f"communique: error: the gold corpus ({where}) is invalid: {exc}")
        return EXIT_BAD_PREDICTIONS
    result = score(gold, predictions)
    if args.json:
        out_json(result.to_dict())
    else:
        for line in [*result.table(), "", *result.details(by_label=args.by_label)]:
            out(line)
    return 0
