"""``communique init [DIR]``: start an empty, valid corpus directory (:mod:`communique.starter`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from shlex import quote
from typing import Any

from ..layout import ACTORS_FILE, CORPUS_FILE, DOCUMENTS_DIR, SEEDS_DIR
from ..starter import DEFAULT_LICENSE, init_corpus
from ._output import out


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "init",
        help="start an empty, valid corpus directory",
        description=f"Create {CORPUS_FILE}, an empty {ACTORS_FILE}, {DOCUMENTS_DIR}/, {SEEDS_DIR}/ and a README.md "
        "in DIR (default: the current folder), which must be new or empty. Exit 0 on success, 2 otherwise.",
    )
    p.add_argument("dir", nargs="?", type=Path, default=Path(), metavar="DIR", help="the new corpus directory")
    p.add_argument("--name", help="the corpus name (default: the folder's name)")
    p.add_argument("--license", default=DEFAULT_LICENSE, help=f"annotation licence (default: {DEFAULT_LICENSE})")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = init_corpus(args.dir, name=args.name, license=args.license)
    where = quote(str(root))
    out(f"started an empty corpus in {root.absolute()}")
    out(f"next: `communique add TEXT.txt {where}`, then write annotations, `communique resolve {where}` and "
        f"`communique validate {where}`")
    return 0
