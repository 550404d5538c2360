"""``communique answers [DIR] --out FILE``: write a corpus as a language model's answers, spans as quotes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..errors import ScoringError
from ..llm.names import TASKS
from ._corpus import add_no_verify, corpus_dir
from ._output import err, out


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "answers",
        help="write a corpus (a baseline's predictions, the gold) as answers with quoted spans",
        description="Write the annotations of DIR (default: the packaged corpus) as the JSON Lines answers a model "
        "would give for --task, every span a quote: what `communique score FILE` reads (docs/llm.md).",
    )
    p.add_argument("corpus", nargs="?", type=Path, metavar="DIR", help="corpus directory (default: the packaged one)")
    add_no_verify(p)
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="the JSON Lines file to write")
    p.add_argument("--task", default="all", choices=TASKS, help="the task the answers are for (default: all)")
    p.add_argument("--force", action="store_true", help="replace FILE when it holds earlier answers")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..api import load
    from ..llm.convert import answers_from_corpus
    from ..llm.evaluate import write_answers

    answers = answers_from_corpus(load(corpus_dir(args.corpus), verify=not args.no_verify), args.task)
    try:
        write_answers(args.out, answers, force=args.force)
    except ScoringError as exc:
        err(f"communique: error: {exc}")
        return 2
    out(f"wrote {args.out}: answers to {args.task} for {len(answers)} document(s)")
    return 0
