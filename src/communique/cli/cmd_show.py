"""``communique show DOC_ID``: one document with its annotations, in the terminal or as an HTML file.

With ``--html OUT.html`` the self-contained HTML view is written (:mod:`communique.html`);
``--pred DIR`` adds a predicted corpus beside the gold one. Without ``--html`` the terminal
view (:mod:`communique.terminal`) is used when the package has it, else a plain listing.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from pathlib import Path
from typing import Any

from ..api import load
from ..corpus import Corpus
from ..html import UnknownDocumentError, write_html
from ..layout import resolve_root
from ._corpus import add_dir_argument, add_no_verify, corpus_dir, describe, dir_argument
from ._output import err, out

EXIT_USAGE = 2


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "show",
        help="show one document with its annotations (terminal, or --html for a file)",
        description="Show a document's text with its annotations: in the terminal, or as one self-contained "
        "HTML file with --html. Exit 0 on success, 1 when the corpus is invalid, 2 on usage or I/O error.",
    )
    p.add_argument("doc_id", metavar="DOC_ID", help="document id (the seed file's stem)")
    p.add_argument("--html", type=Path, metavar="OUT", help="write the HTML view to this file")
    add_dir_argument(p, option=True)
    add_no_verify(p)
    p.add_argument("--pred", type=Path, metavar="DIR", help="with --html: a predicted corpus to show beside the gold")
    p.set_defaults(func=run)


def _plain(corpus: Corpus, doc_id: str) -> None:
    """A short listing, used when the terminal view is not part of the package."""
    f = corpus.file(doc_id)
    text = f.document.text
    out(f"{doc_id}: {len(text)} characters, {len(f.mentions)} mention(s), {len(f.events)} event(s), "
        f"{len(f.statements)} statement(s)")
    for m in f.mentions:
        out(f"  mention   {m.id}  [{m.span.start}, {m.span.end})  {m.span.text!r} -> {m.actor}")
    for e in f.events:
        triggers = ", ".join(repr(s.text) for s in e.triggers)
        time = e.time.value if e.time else "-"
        out(f"  event     {e.id}  {e.type}  {triggers}  time {time}  {e.factuality}")
    for s in f.statements:
        out(f"  statement {s.id}  {s.speaker.actor or 'unnamed'} {s.cue.text!r}: {s.content.text!r}")


def run(args: argparse.Namespace) -> int:
    if args.pred is not None and args.html is None:
        err("communique show: error: --pred needs --html OUT: the comparison is drawn in the HTML view")
        return EXIT_USAGE
    found = corpus_dir(dir_argument(args))
    corpus = load(found, verify=not args.no_verify)
    if args.doc_id not in {d.id for d in corpus.documents}:
        known = ", ".join(d.id for d in corpus.documents[:20]) or "none"
        where = describe(resolve_root(found), packaged=found is None)
        raise UnknownDocumentError(f"no document {args.doc_id!r} in the corpus {where}; its documents: {known}")
    if args.html is not None:
        path = write_html(args.html, args.doc_id, corpus, args.pred)
        out(f"wrote {path}")
        return 0
    if importlib.util.find_spec("communique.terminal") is not None:
        terminal = importlib.import_module("communique.terminal")
        shown = terminal.render_terminal(corpus, args.doc_id, color=sys.stdout.isatty())
        if isinstance(shown, str):
            out(shown.rstrip("\n"))
        return 0
    _plain(corpus, args.doc_id)
    return 0
