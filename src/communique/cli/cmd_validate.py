"""``communique validate [DIR]``: validate a corpus directory and report every finding."""

from __future__ import annotations

import argparse
from collections import Counter
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .. import loader, stream
from ..codes import CODES
from ..errors import CommuniqueError
from ..report import Report
from ..stream import default_jobs
from ..stream.pool import pool_size
from ..validate import resolve_root
from ._corpus import corpus_dir
from ._output import err, out, out_json
from ._progress import ProgressBar


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
    add_scale_options(p)
    p.set_defaults(func=run)


def add_scale_options(p: argparse.ArgumentParser) -> None:
    """--jobs and --quiet, shared by the commands that stream a corpus."""
    p.add_argument(
        "--jobs", "-j", type=int, metavar="N", help="processes to use (default: all cores); the output is the same"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar (there is none unless on a terminal)")


def jobs_option(value: int | None, root: Traversable | Path | None = None) -> int:
    """The --jobs value, capped at the cores and the document files of the corpus at ``root``
    (one line on standard error says so when it is)."""
    if value is None:
        return default_jobs()
    if value < 1:
        raise CommuniqueError(f"--jobs must be at least 1, found {value}")
    if root is None:
        return value
    files = sum(1 for _ in loader.iter_document_names(root))
    capped = pool_size(value, files)
    if capped < value:
        cores = stream.engine.default_jobs()
        err(f"communique: --jobs {value} capped at {capped} ({cores} core(s), {files} document file(s))")
    return capped


def summary(report: Report, documents: int, records: int) -> list[str]:
    """The closing lines: what was checked and the findings per code (most frequent first)."""
    counts = Counter(f.code for f in report.findings)
    lines = [f"checked {documents} document file(s), {records} record(s)"]
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:12]:
        lines.append(f"  {code} {CODES[code].slug:<28} {n:>8}")
    if len(counts) > 12:
        lines.append(f"  ... and {len(counts) - 12} more code(s)")
    return lines


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
    bar = ProgressBar("validate", args.quiet)
    root = resolve_root(corpus_dir(args.dir))
    result = stream.run(root, jobs=jobs_option(args.jobs, root), progress=bar)
    bar.close(result.records)
    report = filter_report(result.report, select, ignore)
    if args.json:
        out_json(report.to_dict())
    else:
        for finding in report.findings:
            out(f"{finding.severity}: {finding.describe()}")
        for line in summary(report, result.documents, result.records):
            out(line)
        status = "valid" if report.ok else "INVALID"
        out(f"{report.root}: {status} ({len(report.errors)} error(s), {len(report.warnings)} warning(s))")
    return 0 if report.ok else 1
