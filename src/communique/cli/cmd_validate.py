"""``communique validate [DIR]``: validate a corpus directory and report every finding."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..validate import validate
from ._output import out, out_json


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "validate",
        help="validate a corpus directory (default: the packaged corpus)",
        description="Validate structure, references and semantics; exit 0 valid, 1 invalid, 2 usage or I/O error.",
    )
    p.add_argument("dir", nargs="?", type=Path, help="corpus directory with data/ and seeds/")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = validate(args.dir)
    if args.json:
        out_json(report.to_dict())
    else:
        for finding in report.findings:
            out(f"{finding.severity}: {finding.describe()}")
        status = "valid" if report.ok else "INVALID"
        out(f"{report.root}: {status} ({len(report.errors)} error(s), {len(report.warnings)} warning(s))")
    return 0 if report.ok else 1
