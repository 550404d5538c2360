"""``communique baseline NAME --out DIR [--corpus DIR] [--force]``: write a baseline's predictions.

The predictions are a corpus directory (data/, seeds/) that ``communique validate`` accepts and
``communique score DIR`` scores.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..api import load
from ..baselines import BASELINES, write_baseline
from ..outputs import check_output
from ._output import out


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "baseline",
        help="run a baseline system and write its predicted corpus",
        description="Run a baseline over the corpus texts and write a predicted corpus directory. "
        + "; ".join(f"{k}: {v}" for k, v in BASELINES.items()),
    )
    p.add_argument("name", choices=sorted(BASELINES), help="the baseline to run")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="where to write the predicted corpus")
    p.add_argument("--corpus", type=Path, metavar="DIR", help="input corpus directory (default: the packaged corpus)")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace DIR when it holds an earlier, unchanged output of `communique baseline` (nothing else)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target: Path = args.out
    check_output(target, "baseline", replace=args.force, source=args.corpus)  # before the long run
    prediction = write_baseline(args.name, load(args.corpus), target, force=args.force, source=args.corpus)
    counts = [len(d.mentions) for d in prediction.docs], [len(d.events) for d in prediction.docs]
    statements = sum(len(d.statements) for d in prediction.docs)
    out(
        f"wrote {target}: {len(prediction.docs)} document(s), {sum(counts[0])} mention(s), "
        f"{sum(counts[1])} event(s), {statements} statement(s)"
    )
    return 0
