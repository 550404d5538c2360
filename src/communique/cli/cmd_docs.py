"""``communique docs [NAME]``: where the shipped documentation is, or one document printed whole.

The wheel carries the documents a user of the data needs offline: the annotation guidelines
(every label and decision rule), the benchmark task definitions, the agreement figures and the
audit figures (the dataset card built from a wheel carries both).
"""

from __future__ import annotations

import argparse
from typing import Any

from .._resources import bundle_root
from ..errors import CommuniqueError
from ._output import out

DOCS = {
    "guidelines": ("guidelines.md", "annotation guidelines: every label, with examples and decision rules"),
    "tasks": ("tasks.md", "benchmark tasks: what a unit is, how predictions are matched and scored"),
    "agreement": ("agreement.json", "inter-annotator agreement per layer (the dataset card's figures)"),
    "audit": ("audit.json", "errors per layer an independent audit found, and how many are still open"),
}
"""Shipped documents: name -> (file under docs/, what it holds)."""


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "docs",
        help="say where the shipped documentation is, or print one document",
        description="Without NAME, list the documentation shipped with the package and where it is on disk; "
        f"with NAME ({', '.join(DOCS)}), print that document.",
    )
    p.add_argument("name", nargs="?", choices=sorted(DOCS), metavar="NAME", help=f"one of: {', '.join(DOCS)}")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    folder = bundle_root() / "docs"
    if args.name is not None:
        node = folder / DOCS[args.name][0]
        if not node.is_file():
            raise CommuniqueError(f"{DOCS[args.name][0]} is not shipped with this installation (looked in {folder})")
        out(node.read_text(encoding="utf-8").rstrip("\n"))
        return 0
    for name, (file, what) in DOCS.items():
        out(f"{name:<11} {folder / file}")
        out(f"{'':<11} {what}")
    out("print one with: communique docs NAME (for example: communique docs guidelines)")
    return 0
