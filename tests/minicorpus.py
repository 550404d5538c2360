"""The valid mini corpus, copied into tmp_path and mutated one rule at a time (imported by the tests)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "corpora" / "valid-mini"
DOC = "data/documents/doc1.json"
ACTORS = "data/actors.json"


@dataclass
class MiniCorpus:
    """A writable copy of the valid mini corpus: edit ``actors`` / ``doc`` / ``seed``, then ``save()``."""

    root: Path
    actors: list[dict[str, Any]]
    doc: dict[str, Any]
    actors_file: dict[str, Any]

    @classmethod
    def copy(cls, dest: Path) -> MiniCorpus:
        shutil.copytree(MINI, dest)
        actors_file = json.loads((dest / ACTORS).read_text(encoding="utf-8"))
        doc = json.loads((dest / DOC).read_text(encoding="utf-8"))
        return cls(dest, actors_file["actors"], doc, actors_file)

    @property
    def text(self) -> str:
        return (self.root / "seeds" / "doc1.txt").read_text(encoding="utf-8")

    def event(self, n: int) -> dict[str, Any]:
        return next(e for e in self.doc["events"] if e["id"] == f"doc1-e{n}")

    def actor(self, actor_id: str) -> dict[str, Any]:
        return next(a for a in self.actors if a["id"] == actor_id)

    def save(self) -> Path:
        (self.root / ACTORS).write_text(json.dumps(self.actors_file, ensure_ascii=False), encoding="utf-8")
        (self.root / DOC).write_text(json.dumps(self.doc, ensure_ascii=False), encoding="utf-8")
        return self.root


Mutation = Callable[[MiniCorpus], None]
