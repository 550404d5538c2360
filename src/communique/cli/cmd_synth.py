"""``communique synth --documents N --out DIR``: write a generated valid corpus (for benchmarks and tests)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..errors import CommuniqueError
from ._output import out


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "synth",
        help="write a generated valid corpus of any size (deterministic)",
        description=(
            "Write a corpus directory of generated documents with text, actors, mentions, events and statements. "
            "The same arguments give the same bytes. The folder is written beside DIR and swapped into place."
        ),
    )
    p.add_argument("--documents", type=int, required=True, metavar="N", help="number of documents")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="corpus directory to create")
    p.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    p.add_argument("--size", type=int, default=4, help="event sentences per document (default: 4)")
    p.add_argument(
        "--force", action="store_true", help="replace DIR when it holds an earlier, unchanged generated corpus"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..synth import generate_corpus

    if args.documents < 1 or args.size < 1:
        raise CommuniqueError("--documents and --size must be at least 1")
    target: Path = args.out
    generate_corpus(target, documents=args.documents, seed=args.seed, size=args.size, replace=args.force)
    out(f"wrote {args.documents} document(s) to {target}/ (seed {args.seed})")
    return 0
