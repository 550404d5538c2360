"""``communique schema [NAME]``: list the JSON Schemas, print one, or regenerate schema/.

``communique schema --strict TASK`` prints the strict-profile schema of a language model's
answer to TASK (:mod:`communique.llm.strict`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .. import schema
from ..errors import CommuniqueError
from ._output import out


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "schema",
        help="list the JSON Schemas, print one, or regenerate them",
        description="Without NAME, list the schema names and $ids; with NAME, print that schema (as shipped).",
    )
    p.add_argument("name", nargs="?", help="schema name (span, event, document-file...)")
    p.add_argument(
        "--write",
        nargs="?",
        const=Path("schema"),
        type=Path,
        metavar="DIR",
        help="regenerate every schema file from the models into DIR (default: ./schema)",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="print the strict answer schema of task NAME (mentions, events, time, statements, all) "
        "for structured-output engines",
    )
    p.add_argument(
        "--lint",
        type=Path,
        metavar="FILE",
        help="list the keywords of the JSON Schema in FILE each structured-output engine would drop (exit 1 if any)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.lint is not None:
        return _lint(args.lint)
    if args.strict:
        return _strict(args.name)
    if args.write is not None:
        if args.name:
            raise CommuniqueError("--write regenerates every schema; give no NAME with it")
        for path in schema.write(args.write):
            out(f"wrote {path}")
        return 0
    if args.name is None:
        width = max(len(n) for n in schema.names())
        for name in schema.names():
            out(f"{name:<{width}}  {schema.schema_id(name)}")
        return 0
    name = args.name.removesuffix(".json")
    if name not in schema.FILES:
        raise CommuniqueError(f"no schema named {args.name!r}; expected one of: {', '.join(schema.names())}")
    out(schema.dumps(schema.shipped()[f"{name}.json"]).rstrip("\n"))
    return 0


def _strict(task: str | None) -> int:
    from ..llm import strict

    if task not in strict.TASKS:
        given = "none was given" if task is None else f"got {task!r}"
        raise CommuniqueError(f"--strict needs a task: one of {', '.join(strict.TASKS)} ({given}); "
                              "for example: communique schema --strict events")
    out(strict.dumps(strict.strict_schema(task)).rstrip("\n"))
    return 0


def _lint(path: Path) -> int:
    from .. import jsonio
    from ..llm.engines import lint

    if not path.is_file():
        raise CommuniqueError(f"{path}: no such file; expected the path of a JSON Schema file to lint")
    try:
        loaded = jsonio.load_path(path)
    except jsonio.JsonReadError as exc:
        raise CommuniqueError(f"{path}:{exc.line or 1}: {exc.message}") from None
    if not isinstance(loaded, dict):
        raise CommuniqueError(f"{path}: expected a JSON Schema object, found {type(loaded).__name__}")
    drops = lint(loaded)
    for drop in drops:
        out(drop.describe())
    out(
        f"{len(drops)} keyword(s) or rule(s) an engine would drop or refuse"
        if drops
        else "every engine keeps every keyword"
    )
    return 1 if drops else 0
