"""``communique resolve [FILE...]``: turn quoted spans into offsets, in place."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .. import writes
from ..authoring import resolve_file
from ..errors import CorpusInvalidError, SpanResolutionError
from ..layout import ACTORS_FILE, DOCUMENTS_DIR
from ._corpus import edited_corpus, manifest_note
from ._output import err, out


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "resolve",
        help="resolve spans written as quotes into start/end offsets",
        description=(
            'Rewrite every span written as {"quote": ..., "occurrence"|"prefix"|"suffix": ...} into '
            "{start, end, text}. An ambiguous or missing quote is an error (exit 1) and the file is left as it was."
        ),
    )
    p.add_argument(
        "files", nargs="*", type=Path, metavar="DIR|FILE",
        help="the corpus directory, or files to resolve (default: every data file of the corpus containing "
        "the current folder)",
    )
    p.add_argument("--dir", type=Path, metavar="DIR", help="corpus directory (default: the one holding the files)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    given: list[Path] = list(args.files)
    folder_given = args.dir
    if folder_given is None and len(given) == 1 and given[0].is_dir():
        folder_given, given = given[0], []
    root = edited_corpus(folder_given, given[0].parent if given else None)
    files = given or [root / ACTORS_FILE, *sorted((root / DOCUMENTS_DIR).glob("*.json"))]
    failed = 0
    for folder in sorted({path.parent for path in files}):
        writes.tidy(folder)  # what a killed earlier run left, also beside files that need no change now
    for path in files:
        try:
            count = resolve_file(root, path)
        except SpanResolutionError as exc:
            err(str(exc))
            failed += 1
            continue
        except CorpusInvalidError as exc:
            for finding in exc.report.findings:
                err(f"{finding.severity}: {finding.describe()}")
            err(f"{path}: not resolved: the file does not have the record format's shape (findings above)")
            failed += 1
            continue
        out(f"{path}: {count} quoted span(s) resolved")
    manifest_note(root)
    return 1 if failed else 0
