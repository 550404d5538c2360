"""``communique manifest [DIR] [--write]``: check or regenerate MANIFEST.json."""

from __future__ import annotations

import argparse
from typing import Any

from .. import manifest
from ..errors import CorpusInvalidError
from ..layout import DATA_DIR, MANIFEST_FILE, SEEDS_DIR, resolve_root
from ._corpus import add_dir_argument, corpus_dir
from ._output import err, out


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "manifest",
        help=f"check {MANIFEST_FILE} against the shipped files, or regenerate it with --write",
        description=(
            f"{MANIFEST_FILE} records the sha256, size and record counts of every file under {DATA_DIR}/ and "
            f"{SEEDS_DIR}/. "
            "Without --write: exit 0 when it is current, 1 when a file differs. With --write: regenerate it, "
            "only for a corpus that validates (exit 1 with the findings otherwise)."
        ),
    )
    add_dir_argument(p)
    p.add_argument(
        "--write",
        action="store_true",
        help=f"regenerate {MANIFEST_FILE} from the files as they are (the corpus must validate)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    found = corpus_dir(args.dir)
    root = resolve_root(found)
    if args.write:
        if found is None:
            err("communique manifest: the installed package's corpus is not edited in place; give a corpus directory")
            return 2
        try:
            target = manifest.write(found)
        except CorpusInvalidError as exc:
            for finding in exc.report.findings:
                err(f"{finding.severity}: {finding.describe()}")
            err(
                f"communique manifest: {root} does not validate ({len(exc.report.errors)} error(s) above); "
                f"a manifest vouches for a valid corpus, so {MANIFEST_FILE} was not written"
            )
            return 1
        totals = manifest.compute(root)["totals"]
        summary = ", ".join(f"{n} {k}" for k, n in totals.items())
        out(f"wrote {target} ({len(manifest.shipped_files(root))} files; {summary})")
        return 0
    if not (root / MANIFEST_FILE).is_file():
        err(f"communique manifest: no {MANIFEST_FILE} in {root}; create it with --write")
        return 1
    findings = manifest.verify(root)
    for finding in findings:
        out(f"{finding.severity}: {finding.describe()}")
    if findings:
        out(f"{root}: {MANIFEST_FILE} is out of date ({len(findings)} file(s) differ)")
        return 1
    out(f"{root}: {MANIFEST_FILE} matches every shipped file")
    return 0
