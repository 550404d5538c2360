"""The ``communique`` command line.

Each subcommand lives in its own module exposing ``register(subparsers)``; the module list is
:data:`COMMANDS`. Exit codes: 0 success, 1 the data is invalid (findings listed), 2 usage or
I/O error. No traceback reaches the user unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from .._version import __version__
from ..errors import CommuniqueError, CorpusInvalidError
from ._output import err, show_notes

COMMANDS = (
    "init",
    "validate",
    "stats",
    "list",
    "schema",
    "add",
    "resolve",
    "score",
    "prompt",
    "answers",
    "baseline",
    "manifest",
    "build",
    "show",
    "synth",
    "export",
    "import",
    "docs",
)
"""Subcommand modules, in help order (communique.cli.cmd_<name>)."""

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE, as a shell reports a command whose reader closed the pipe."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]  # argparse types it NoReturn
        self.print_usage(sys.stderr)
        err(f"{self.prog}: error: {message}")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="communique",
        description="Validate, inspect and release the Communiqué corpus of events, actors and statements.",
    )
    parser.add_argument("--version", action="version", version=f"communique {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.cmd_{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    show_notes()
    try:
        code: int = args.func(args)
        return code
    except CorpusInvalidError as exc:
        err(f"communique: error: {exc}")
        return EXIT_INVALID
    except CommuniqueError as exc:
        err(f"communique: error: {exc}")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader of our output went away (`communique show X | head`): not an error of ours.
        # Point stdout at /dev/null so that the interpreter's final flush stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        err(f"communique: I/O error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err("communique: interrupted")
        return 130
    except Exception as exc:  # the last line of defence: never a bare traceback
        if args.debug:
            raise
        err(f"communique: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        return 3


def run() -> None:
    """Console-script entry point."""
    raise SystemExit(main())
