"""``communique export --format F [DIR] --out OUT``: write a corpus in another format (communique.formats)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..formats import FORMATS
from ._corpus import add_dir_argument, corpus_dir
from ._output import out, out_json


def register(sub: Any) -> None:
    names = ", ".join(f"{f.name} ({f.summary})" for f in FORMATS.values())
    p: argparse.ArgumentParser = sub.add_parser(
        "export",
        help="write the corpus in another format (OneIE/TextEE, brat, Label Studio, PLOVER)",
        description=f"Write a validated corpus in another format to a new folder. Formats: {names}. "
        "What the format cannot hold goes to communique-sidecar.json; docs/formats.md has the tables.",
    )
    add_dir_argument(p)
    p.add_argument("--format", "-f", required=True, choices=sorted(FORMATS), help="the format to write")
    p.add_argument("--out", type=Path, required=True, metavar="OUT", help="new folder (absent or empty)")
    p.add_argument("--force", action="store_true", help="replace an earlier, unchanged export of the same format")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..formats import export

    summary = export(args.format, corpus_dir(args.dir), args.out, force=args.force)
    if args.json:
        out_json(summary)
    else:
        out(f"wrote {args.format} export to {args.out}/")
        for key, value in summary.items():
            out(f"  {key:<28} {value:>8}")
    return 0
