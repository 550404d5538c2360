"""``communique add FILE``: add a source document to a corpus directory."""

from __future__ import annotations

import argparse
from pathlib import Path
from shlex import quote
from typing import Any

from ..authoring import add_document
from ._corpus import add_dir_argument, dir_argument, edited_corpus, manifest_note
from ._output import out


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "add",
        help="copy a new source text into seeds/ and create its empty annotation file",
        description="Copy FILE byte for byte into seeds/, record its SHA-256 and create data/documents/<id>.json.",
    )
    p.add_argument("file", type=Path, help="the source text (UTF-8)")
    add_dir_argument(p, option=True)
    p.add_argument("--id", dest="doc_id", help="document id (default: NNN_<sha256 prefix>)")
    p.add_argument("--language", default="en", help="BCP 47 language tag (default: en)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = edited_corpus(dir_argument(args))
    doc_id = add_document(root, args.file, doc_id=args.doc_id, language=args.language)
    out(f"added {doc_id}: seeds/{doc_id}.txt and data/documents/{doc_id}.json")
    out(f"next: write annotations with quoted spans, then `communique resolve {quote(str(root))}` and "
        f"`communique validate {quote(str(root))}`")
    manifest_note(root)
    return 0
