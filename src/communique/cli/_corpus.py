"""The corpus directory argument shared by the subcommands, and the line naming the corpus used.

Every command that reads a corpus takes the same optional ``DIR``; without it the corpus that
contains the current folder is used (:func:`communique.layout.discover`), and only outside any
corpus the packaged one. Each such command says on standard error which corpus it used, so
that ``--json`` output stays pure JSON.
"""

from __future__ import annotations

import argparse
from importlib.resources.abc import Traversable
from pathlib import Path
from shlex import quote

from .. import jsonio, reads
from ..errors import DatasetNotFoundError
from ..layout import CORPUS_FILE, MANIFEST_FILE, child, discover, find_corpus, is_corpus_dir, not_a_corpus, resolve_root
from ._output import err

DIR_HELP = "corpus directory (default: the corpus containing the current folder, else the packaged corpus)"


def add_dir_argument(p: argparse.ArgumentParser, *, option: bool = False) -> None:
    """The optional positional ``DIR``; with ``option`` also ``--dir DIR`` (kept for compatibility)."""
    p.add_argument("dir", nargs="?", type=Path, metavar="DIR", help=DIR_HELP)
    if option:
        p.add_argument("--dir", dest="dir_option", type=Path, metavar="DIR", help="the same as DIR")


def add_no_verify(p: argparse.ArgumentParser) -> None:
    """``--no-verify``: the files are not checked against MANIFEST.json (for a corpus being edited)."""
    p.add_argument("--no-verify", action="store_true", help=f"do not check the files against {MANIFEST_FILE}")


def dir_argument(args: argparse.Namespace) -> Path | None:
    """The ``DIR`` given, positionally or with ``--dir`` (None when neither was)."""
    given: Path | None = args.dir if args.dir is not None else getattr(args, "dir_option", None)
    return given


def corpus_dir(path: Path | None, *, announce: bool = True) -> Path | None:
    """The corpus a command reads: ``path`` checked to be a corpus directory, else the corpus
    containing the current folder, else None (the packaged corpus). Names it on standard error."""
    found = discover(path)
    if found is not None and (not found.is_dir() or not is_corpus_dir(found)):
        raise DatasetNotFoundError(not_a_corpus(found))
    if announce:
        err(f"corpus: {describe(resolve_root(found), packaged=found is None)}")
    return found


def edited_corpus(path: Path | None, start: Path | None = None) -> Path:
    """The corpus a command writes to: ``path``, else the corpus containing ``start`` (default: the
    current folder). Never the packaged corpus: outside any corpus, an error that says how to start one."""
    found = path if path is not None else find_corpus(Path.cwd() if start is None else start)
    if found is None:
        here = Path.cwd() if start is None else start
        raise DatasetNotFoundError(
            f"{here.absolute()} is not inside a corpus (no folder from there up has {CORPUS_FILE}); "
            "start one with `communique init DIR`, or give the corpus directory"
        )
    if not found.is_dir() or not is_corpus_dir(found):
        raise DatasetNotFoundError(not_a_corpus(found))
    err(f"corpus: {describe(found)}")
    return found


def manifest_note(root: Path) -> None:
    """After an edit: say that an existing MANIFEST.json no longer vouches for the corpus, and how to renew it."""
    if (root / MANIFEST_FILE).is_file():
        err(
            f"communique: note: {root / MANIFEST_FILE} now differs from the files; once the corpus validates "
            f"(`communique validate {quote(str(root))} --no-verify`), record it with "
            f"`communique manifest {quote(str(root))} --write`"
        )


def describe(root: Traversable | Path, *, packaged: bool = False) -> str:
    """``/path (Name 0.2.0)``: the corpus folder with the name and version of its corpus.json."""
    where = str(root) if not isinstance(root, Path) else str(root.absolute())
    try:
        info = jsonio.loads(reads.read_node(child(root, CORPUS_FILE), CORPUS_FILE))
    except (OSError, reads.ReadRefused, jsonio.JsonReadError):
        return f"{where} (no readable {CORPUS_FILE})"
    label = f"{info.get('name', '?')} {info.get('version', '?')}" if isinstance(info, dict) else "?"
    return f"{where} ({label}{', packaged' if packaged else ''})"
