"""``communique stats [DIR]``: counts per record type and per type value, as tables."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .. import loader, stats
from ..validate import resolve_root
from ._corpus import corpus_dir
from ._output import err, out, out_json


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "stats",
        help="count records per type and per type value",
        description="Count documents, actors, mentions, events and statements, and each type value.",
    )
    p.add_argument("dir", nargs="?", type=Path, help="corpus directory with data/ and seeds/ (default: packaged)")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    reading = loader.read(resolve_root(corpus_dir(args.dir)))
    sections = stats.compute(reading)
    if args.json:
        out_json({title: dict(rows) for title, rows in sections.items()})
    else:
        for line in stats.render(sections):
            out(line)
    errors = reading.report.errors
    if errors:
        err(f"communique: {len(errors)} file error(s); the counts cover only the files that could be read")
        return 1
    return 0
