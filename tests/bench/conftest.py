"""Fixtures writing the hand-built corpora of corpus_kit.py into tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from corpus_kit import GOLD_ACTORS, GOLD_EVENTS, GOLD_MENTIONS, GOLD_STATEMENTS, write_corpus


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "gold", GOLD_ACTORS, GOLD_MENTIONS, GOLD_EVENTS, GOLD_STATEMENTS)


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Callable[..., Path]:
    """Write a corpus with the fixture's document under tmp_path/NAME."""

    def make(name: str, *args: Any, **kw: Any) -> Path:
        return write_corpus(tmp_path / name, *args, **kw)

    return make
