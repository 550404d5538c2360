"""The label definitions the prompts show, taken from the annotation guidelines' tables.

docs/guidelines.md defines every label in a table row `` | `label` | definition | example | ... ``.
:func:`from_guidelines` reads, for each label set a prompt needs, the first table holding all
its labels, and keeps each label's definition and the first quoted example of its row. The
result is committed as ``templates/labels.json`` (the guidelines do not ship in the wheel);
a test fails when it drifts from the guidelines (``python scripts/llm_labels.py`` rewrites it).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from .. import jsonio, writes
from ..models.actor import ActorType
from ..models.event import ArgumentRole, EventType
from ..models.shape import label_set
from ..models.time import Precision

LABEL_SETS: dict[str, Any] = {
    "actor type": ActorType,
    "event type": EventType,
    "argument role": ArgumentRole,
    "precision": Precision,
}
"""The label sets of the answers (:mod:`.format`), by name."""

LABELS_FILE = "labels.json"
_ROW = re.compile(r"^\| `([a-z_.]+)` \| ([^|]*) \|(?: ([^|]*) \|)?")
_EXAMPLE = re.compile(r"`([^`]+)`")


def _tables(text: str) -> list[dict[str, tuple[str, str | None]]]:
    tables: list[dict[str, tuple[str, str | None]]] = []
    current: dict[str, tuple[str, str | None]] | None = None
    for line in text.splitlines():
        if not line.startswith("|"):
            current = None
            continue
        if current is None:
            current = {}
            tables.append(current)
        m = _ROW.match(line)
        if m:
            example = _EXAMPLE.search(m[3] or "")
            current[m[1]] = (m[2].strip(), example[1] if example else None)
    return tables


def from_guidelines(text: str) -> dict[str, list[dict[str, str | None]]]:
    """Label set -> ``[{label, definition, example}]`` in the models' order."""
    tables = _tables(text)
    out: dict[str, list[dict[str, str | None]]] = {}
    for name, literal in LABEL_SETS.items():
        labels = label_set(literal)
        table = next((t for t in tables if set(labels) <= set(t)), None)
        if table is None:
            raise ValueError(f"docs/guidelines.md has no table defining every {name}: {labels}")
        out[name] = [{"label": lb, "definition": table[lb][0], "example": table[lb][1]} for lb in labels]
    return out


def dumps(labels: dict[str, Any]) -> str:
    return json.dumps(labels, indent=2, ensure_ascii=False) + "\n"


def write(guidelines: Path, target: Path) -> None:
    """Regenerate ``target`` (templates/labels.json) from the guidelines file."""
    writes.write_file(target, dumps(from_guidelines(guidelines.read_text(encoding="utf-8"))))


def shipped() -> dict[str, list[dict[str, str | None]]]:
    """The committed label definitions."""
    data = (resources.files(__package__) / "templates" / LABELS_FILE).read_bytes()
    labels: dict[str, list[dict[str, str | None]]] = jsonio.loads(data)
    return labels
