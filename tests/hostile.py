"""Paths and types shared by the hostile-input tests (imported as a top-level module, like minicorpus)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

HOSTILE_DIR = Path(__file__).resolve().parent / "fixtures" / "hostile"
"""The hostile-input fixtures, one corpus directory per <CODE>-<slug>."""
BASE_CORPUS = HOSTILE_DIR / "_base"
"""The tiny valid corpus every fixture is derived from."""

Cli = Callable[..., Any]
"""The ``cli`` fixture (tests/conftest.py): runs ``communique ARGS`` in-process, returns code, out, err."""
