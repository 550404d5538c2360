"""``communique stats [DIR]``: counts per record type and per type value, as tables."""

from __future__ import annotations

import argparse
from typing import Any

from .. import stats
from ..validation import Selection, resolve_root, run
from ..validation.sinks import Counts
from ._corpus import add_dir_argument, corpus_dir
from ._output import err, out, out_json


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "stats",
        help="count records per type and per type value",
        description="Count documents, actors, mentions, events and statements, and each type value.",
    )
    add_dir_argument(p)
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    counts = Counts()
    # only the structural layer: the other rules are not selected, so they do not run
    result = run(resolve_root(corpus_dir(args.dir)), jobs=1, verify=False, selection=Selection(("E1",)),
                 sinks=(counts,))
    sections = stats.compute(counts)
    if args.json:
        out_json({title: dict(rows) for title, rows in sections.items()})
    else:
        for line in stats.render(sections):
            out(line)
    errors = result.report.errors
    if errors:
        err(f"communique: {len(errors)} file error(s); the counts cover only the files that could be read")
        return 1
    return 0
