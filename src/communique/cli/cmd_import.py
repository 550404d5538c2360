"""``communique import --format F IN --out DIR``: read another format's files into a validated corpus."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..formats import FORMATS
from ._output import out, out_json
from .cmd_validate import summary


def register(sub: Any) -> None:
    names = ", ".join(f.name for f in FORMATS.values() if f.importer)
    p: argparse.ArgumentParser = sub.add_parser(
        "import",
        help="read OneIE/TextEE, brat or Label Studio files into a corpus directory, and validate it",
        description=f"Convert a folder in another format ({names}) into a new corpus directory and validate it. "
        "Problems in the input are findings with codes E5xx, file, line and record; exit 0 valid, 1 invalid.",
    )
    p.add_argument("src", type=Path, metavar="IN", help="the folder to read")
    p.add_argument("--format", "-f", required=True, choices=sorted(n for n, f in FORMATS.items() if f.importer))
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="new corpus directory (absent or empty)")
    p.add_argument("--force", action="store_true", help="replace an earlier, unchanged import of the same format")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..formats import import_

    report = import_(args.format, args.src, args.out, force=args.force).sorted()
    if args.json:
        out_json(report.to_dict())
    else:
        for finding in report.findings:
            out(f"{finding.severity}: {finding.describe()}")
        for line in summary(report, 0, 0)[1:]:
            out(line)
        status = "valid" if report.ok else "INVALID"
        out(f"{args.out}: {status} ({len(report.errors)} error(s), {len(report.warnings)} warning(s))")
    return 0 if report.ok else 1
