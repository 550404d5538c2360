"""``communique score ANSWERS --task T``: score a language model's answers with quoted spans."""

from __future__ import annotations

import argparse

from ..api import load
from ..errors import CorpusInvalidError, ScoringError
from ._output import err, out, out_json

EXIT_BAD_PREDICTIONS = 2


def run_answers(args: argparse.Namespace) -> int:
    from ..llm.evaluate import read_answers, score_answers

    try:
        answers = read_answers(args.pred)
        gold = load(args.gold)
        report = score_answers(gold, answers, args.task, prompt_version=args.prompt_version)
    except ScoringError as exc:
        err(f"communique: error: {exc}")
        return EXIT_BAD_PREDICTIONS
    except CorpusInvalidError as exc:
        err(f"communique: error: the gold corpus ({args.gold or 'the packaged corpus'}) is invalid: {exc}")
        return EXIT_BAD_PREDICTIONS
    if args.json:
        out_json(report.to_dict())
    else:
        for line in report.table(by_label=args.by_label):
            out(line)
    return 0
