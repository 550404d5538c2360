"""Fixtures of the document-view tests: the made-up corpus and predictions built from it.

Chromium (``browser``) and ``artifacts`` are shared fixtures, in tests/conftest.py.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import communique
from communique.corpus import Corpus

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "view_corpus"
DOC = "mini_001"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return FIXTURE


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return communique.load(FIXTURE)


@pytest.fixture
def make_pred(tmp_path: Path) -> Callable[[Callable[[dict[str, Any]], None]], Path]:
    """Copy the fixture corpus to tmp_path and let a function edit its document JSON: a predicted corpus.

    Actors the edited document no longer refers to are dropped, as a system would not list them.
    """

    def make(edit: Callable[[dict[str, Any]], None]) -> Path:
        root = tmp_path / "pred"
        shutil.copytree(FIXTURE, root)
        path = root / "data" / "documents" / f"{DOC}.json"
        doc = json.loads(path.read_text("utf-8"))
        edit(doc)
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), "utf-8")
        actors_path = root / "data" / "actors.json"
        actors = json.loads(actors_path.read_text("utf-8"))
        used = set(_actor_refs(doc)) | {m for a in actors["actors"] for m in a.get("members", [])}
        actors["actors"] = [a for a in actors["actors"] if a["id"] in used]
        actors_path.write_text(json.dumps(actors, ensure_ascii=False, indent=2), "utf-8")
        return root

    return make


def _actor_refs(node: Any) -> list[str]:
    """Every actor id a document JSON refers to (mentions, arguments, places, sources, speakers...)."""
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k == "actor" and isinstance(v, str)]
        found += [v for v in node.get("addressees", []) if isinstance(v, str)]
        return found + [r for v in node.values() for r in _actor_refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _actor_refs(v)]
    return []
