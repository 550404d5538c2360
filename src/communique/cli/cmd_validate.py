"""``communique validate [DIR]``: validate a corpus directory and report every finding."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..codes import CODES
from ..errors import CommuniqueError
from ..report import Report
from ..validate import validate
from ._corpus import corpus_dir
from ._output import out, out_json


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "validate",
        help="validate a corpus directory (default: the packaged corpus)",
        description="Validate structure, references and semantics; exit 0 valid, 1 invalid, 2 usage or I/O error.",
    )
    p.add_argument("dir", nargs="?", type=Path, help="corpus directory with data/ and seeds/")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--select", metavar="CODES", help="report only these codes or prefixes (comma-separated: E3,W400)")
    p.add_argument("--ignore", metavar="CODES", help="leave out these codes or prefixes (comma-separated)")
    p.set_defaults(func=run)


def _codes(option: str, value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = tuple(item.strip().upper() for item in value.split(",") if item.strip())
    for item in items:
        if not any(code.startswith(item) for code in CODES):
            raise CommuniqueError(
                f"{option}: {item!r} matches no finding code; expected codes like E302 or prefixes like E3"
            )
    return items


def filter_report(report: Report, select: tuple[str, ...] | None, ignore: tuple[str, ...] | None) -> Report:
    """The report with only the selected codes, less the ignored ones."""
    kept = [
        f
        for f in report.findings
        if (select is None or f.code.startswith(select)) and not (ignore and f.code.startswith(ignore))
    ]
    return Report(report.root, kept)


def run(args: argparse.Namespace) -> int:
    select = _codes("--select", args.select)
    ignore = _codes("--ignore", args.ignore)
    report = filter_report(validate(corpus_dir(args.dir)), select, ignore)
    if args.json:
        out_json(report.to_dict())
    else:
        for finding in report.findings:
            out(f"{finding.severity}: {finding.describe()}")
        status = "valid" if report.ok else "INVALID"
        out(f"{report.root}: {status} ({len(report.errors)} error(s), {len(report.warnings)} warning(s))")
    return 0 if report.ok else 1
