"""``communique validate [DIR]``: validate a corpus directory and report every finding."""

from __future__ import annotations

import argparse
from collections import Counter
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .. import loader
from ..codes import CODES
from ..errors import CommuniqueError
from ..report import Report
from ..validation import Selection, default_jobs, parse_codes, resolve_root
from ..validation import run as run_validation
from ..validation.driver import pool_size
from ._corpus import add_dir_argument, add_no_verify, corpus_dir
from ._output import err, out, out_json
from ._progress import ProgressBar


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "validate",
        help="validate a corpus directory (default: the packaged corpus)",
        description="Validate structure, references and semantics; exit 0 valid, 1 invalid, 2 usage or I/O error.",
    )
    add_dir_argument(p)
    add_no_verify(p)
    p.add_argument("--text", type=Path, metavar="SEED", help="with DIR a document file (FILE.json): its source "
                   "text, to validate that one file without a corpus folder")
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
        cores = default_jobs()
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


def _hide(report: Report, ignore: tuple[str, ...]) -> tuple[Report, Counter[str]]:
    """``report`` less the findings whose code starts with an ``ignore`` prefix, and their counts."""
    hidden = Counter(f.code for f in report.findings if ignore and f.code.startswith(ignore))
    return Report(report.root, [f for f in report.findings if f.code not in hidden]), hidden


def _document(args: argparse.Namespace, selection: Selection) -> tuple[Report, list[str]]:
    """``validate FILE.json --text SEED.txt``: one document file, without a corpus folder."""
    from ..validation.single import check_document

    if args.dir is None or not args.dir.is_file():
        raise CommuniqueError(f"--text needs a document file (FILE.json) as its first argument, found {args.dir}")
    single = check_document(args.dir, args.text, selection=selection)
    notes = [f"checked 1 document file ({args.dir}) with its text ({args.text}), without a corpus folder"]
    if single.skipped_actor_references:
        notes.append(f"  not checked: {single.skipped_actor_references} actor reference(s) "
                     "(E202 on .actor; no actors file to resolve them)")
    return single.report, notes


def run(args: argparse.Namespace) -> int:
    select, ignore = parse_codes("--select", args.select), parse_codes("--ignore", args.ignore) or ()
    selection = Selection(select, ())  # the ignored codes run too, so the summary can say what it hid
    if args.text is not None or (args.dir is not None and args.dir.is_file()):
        if args.text is None:
            raise CommuniqueError(f"{args.dir} is a file: give its source text with --text SEED.txt, "
                                  "or give a corpus directory")
        report, lines = _document(args, selection)
    else:
        bar = ProgressBar("validate", args.quiet)
        root = resolve_root(corpus_dir(args.dir))
        result = run_validation(
            root, jobs=jobs_option(args.jobs, root), progress=bar, selection=selection, verify=not args.no_verify
        )
        bar.close(result.records)
        report = result.report
        lines = []
    report, hidden = _hide(report, ignore)
    if args.json:
        out_json(report.to_dict())
        return 0 if report.ok else 1
    for finding in report.findings:
        out(f"{finding.severity}: {finding.describe()}")
    if not lines:
        lines = summary(report, result.documents, result.records)
    else:
        lines += summary(report, 1, 0)[1:]
    for line in lines:
        out(line)
    for code, n in sorted(hidden.items()):
        out(f"  hidden by --ignore: {code} {CODES[code].slug:<28} {n:>8}")
    status = "valid" if report.ok else "INVALID"
    out(f"{report.root}: {status} ({len(report.errors)} error(s), {len(report.warnings)} warning(s))")
    return 0 if report.ok else 1
