"""``communique add FILE``: add a source document to a corpus directory."""

from __future__ import annotations

import argparse
from pathlib import Path
from shlex import quote
from typing import Any

from ..authoring import add_document
from ..layout import SEEDS_DIR, document_file, seed_file
from ._corpus import add_dir_argument, dir_argument, edited_corpus, manifest_note
from ._output import out


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "add",
        help=f"copy a new source text into {SEEDS_DIR}/ and create its empty annotation file",
        description=f"Copy FILE byte for byte into {SEEDS_DIR}/, record its SHA-256 and create "
        f"{document_file('<id>')}.",
    )
    p.add_argument("file", type=Path, help="the source text (UTF-8)")
    add_dir_argument(p, option=True)
    p.add_argument("--id", dest="doc_id", help="document id (default: NNN_<sha256 prefix>)")
    p.add_argument("--language", default="en", help="BCP 47 language tag (default: en)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = edited_corpus(dir_argument(args))
    doc_id = add_document(root, args.file, doc_id=args.doc_id, language=args.language)
    out(f"added {doc_id}: {seed_file(f'{doc_id}.txt')} and {document_file(doc_id)}")
    out(f"next: write annotations with quoted spans, then `communique resolve {quote(str(root))}` and "
        f"`communique validate {quote(str(root))}`")
    manifest_note(root)
    return 0
