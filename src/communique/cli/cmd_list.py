"""``communique list [DIR]``: the documents of a corpus, one line each, with their record counts."""

from __future__ import annotations

import argparse
from typing import Any

from ..api import load
from ._corpus import add_dir_argument, add_no_verify, corpus_dir
from ._output import out, out_json


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "list",
        help="list the documents of a corpus with their record counts",
        description="List every document: id, status, publication date and the number of mentions, events and "
        "statements. Exit 0 on success, 1 when the corpus is invalid, 2 on usage or I/O error.",
    )
    add_dir_argument(p)
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    add_no_verify(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    corpus = load(corpus_dir(args.dir), verify=not args.no_verify)
    rows = [
        {
            "id": f.document.id,
            "status": f.status,
            "published": None if f.document.published is None else f.document.published.value,
            "characters": len(f.document.text),
            "mentions": len(f.mentions),
            "events": len(f.events),
            "statements": len(f.statements),
        }
        for f in corpus.files
    ]
    if args.json:
        out_json(rows)
        return 0
    head = f"{'document':<28} {'status':<11} {'published':<11} {'chars':>7} {'mentions':>8} {'events':>6} {'stmts':>5}"
    out(head)
    for r in rows:
        out(
            f"{r['id']:<28} {r['status']:<11} {r['published'] or '-':<11} {r['characters']:>7} "
            f"{r['mentions']:>8} {r['events']:>6} {r['statements']:>5}"
        )
    out(f"{len(rows)} document(s) in {corpus.info.name} {corpus.version}")
    return 0
