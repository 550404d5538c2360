"""``communique prompt DOC_ID --task T``: print the instruction a language model gets for one document."""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import CommuniqueError
from ..llm.names import TASKS
from ._corpus import add_dir_argument, add_no_verify, corpus_dir, dir_argument
from ._output import out


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "prompt",
        help="print the prompt a language model gets for one document and task",
        description="Print the versioned prompt for DOC_ID: task instruction, labels with their definitions, "
        "the strict answer schema and the document text (docs/llm.md).",
    )
    p.add_argument("document", metavar="DOC_ID", help="document id ('000_bd8b5cfe7c34e604')")
    p.add_argument("--task", default="all", choices=TASKS, help="the task (default: all)")
    add_dir_argument(p, option=True)
    add_no_verify(p)
    p.add_argument("--system", action="store_true", help="print only the part that does not depend on the document")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..api import load
    from ..llm.prompts import prompt, system_prompt

    if args.system:
        out(system_prompt(args.task))
        return 0
    corpus = load(corpus_dir(dir_argument(args)), verify=not args.no_verify)
    try:
        document = corpus.document(args.document)
    except KeyError:
        known = ", ".join(d.id for d in corpus.documents)
        raise CommuniqueError(f"no document {args.document!r}; expected one of: {known}") from None
    out(prompt(document, args.task))
    return 0
