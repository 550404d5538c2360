"""The CLI's output layer: the only place in the package that prints."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any


def out(text: str = "") -> None:
    """Write a line to standard output."""
    print(text)


def err(text: str) -> None:
    """Write a line to standard error."""
    print(text, file=sys.stderr)


class _Notes(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        err(f"communique: note: {record.getMessage()}")


def show_notes() -> None:
    """Print what the package reports on its logger (e.g. a leftover of a killed write recovered)."""
    logger = logging.getLogger("communique")
    if not any(isinstance(h, _Notes) for h in logger.handlers):
        logger.addHandler(_Notes())


def out_json(obj: Any) -> None:
    """Write ``obj`` as indented JSON to standard output."""
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def status(text: str, *, final: bool = False) -> None:
    """Redraw the status line on standard error (a progress bar); ``final`` ends the line."""
    sys.stderr.write("\r\x1b[2K" + text + ("\n" if final else ""))
    sys.stderr.flush()


def is_terminal() -> bool:
    """Whether standard error is a terminal (progress is drawn only there)."""
    return sys.stderr.isatty()
