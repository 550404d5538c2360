"""The instruction given to a model for one document and one task, from a versioned template.

A prompt is: the template's introduction and task instruction, the span rule, the labels the
answer may use (each with its one-line definition and one example from docs/guidelines.md, see
:mod:`.labels`), the strict answer schema (:mod:`.strict`) and the document text with its
publication date. Templates are ``templates/prompt-<version>.json``; :data:`PROMPT_VERSION` is the
one in use, and it is stamped into every score report made with it. A change in a template's
wording is a new version, never an edit of a published one.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from .. import jsonio
from ..models import Document
from .format import TASKS
from .labels import shipped as shipped_labels
from .strict import strict_schema

PROMPT_VERSION = "1.0.0"
"""The prompt template in use."""

TASK_LABELS: dict[str, tuple[str, ...]] = {
    "mentions": ("actor type",),
    "events": ("event type", "argument role", "actor type"),
    "time": ("event type", "precision"),
    "statements": ("actor type",),
    "all": ("actor type", "event type", "argument role", "precision"),
}
"""Task -> the label sets its answer uses."""


def template(version: str = PROMPT_VERSION) -> dict[str, Any]:
    """The prompt template of ``version``."""
    node = resources.files(__package__) / "templates" / f"prompt-{version}.json"
    if not node.is_file():
        raise KeyError(f"no prompt template version {version!r}")
    loaded: dict[str, Any] = jsonio.loads(node.read_bytes())
    return loaded


def _labels(task: str) -> list[str]:
    defined = shipped_labels()
    lines = []
    for name in TASK_LABELS[task]:
        lines.append(f"{name}:")
        for row in defined[name]:
            example = f" (e.g. '{row['example']}')" if row["example"] else ""
            lines.append(f"- {row['label']}: {row['definition']}{example}")
    return lines


def system_prompt(task: str, version: str = PROMPT_VERSION) -> str:
    """Everything of the prompt but the document: instruction, span rule, labels and schema."""
    if task not in TASKS:
        raise KeyError(f"unknown task {task!r}; expected one of: {', '.join(TASKS)}")
    t = template(version)
    schema = json.dumps(strict_schema(task), ensure_ascii=False, separators=(",", ":"))
    labels = "\n".join([t["labels_heading"], *_labels(task)])
    return "\n\n".join([t["intro"], t["tasks"][task], t["spans"], labels, f"{t['schema_heading']}\n{schema}"])


def document_prompt(document: Document, version: str = PROMPT_VERSION) -> str:
    """The document part of the prompt: its id, publication date and text."""
    published = document.published.value if document.published else "unknown"
    head = template(version)["document_heading"].format(document=document.id, published=published)
    return f"{head}\n\n{document.text}"


def prompt(document: Document, task: str, version: str = PROMPT_VERSION) -> str:
    """The whole prompt for ``document`` and ``task``."""
    return f"{system_prompt(task, version)}\n\n{document_prompt(document, version)}"
