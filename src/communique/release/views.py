"""The release's configs: which records each holds, their column types and their rows.

``documents`` is the benchmark view (one row per document: its metadata, its text and its
mentions, events and statements nested); ``actors``, ``mentions``, ``events`` and
``statements`` hold one row per record. Every row is the record's
``model_dump(mode="json")``, so a row read back from any format equals the loaded record.
Actors are sorted by id; documents and their records follow the corpus order (document files by
name, records in file order), the order a streaming export writes them in without holding the
corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..corpus import Corpus
from ..models import Actor, Document, DocumentFile, Event, Mention, Statement
from . import windows
from .fields import Field, Node, model_fields, model_tree, node_for, struct

Row = dict[str, Any]

TEXT_FIELD = Field(
    "text",
    node_for(str)[0],
    "The document text, read from its seed file (UTF-8); every span's offsets index it in code points.",
)
FILE_FIELDS = ("status", "mentions", "events", "statements")
"""The fields of a document file the ``documents`` view nests beside the document's own."""


def documents_tree() -> Node:
    """Columns of the ``documents`` view: Document's fields, the text, and the file's annotations."""
    own = list(model_fields(Document))
    by_name = {f.name: f for f in model_fields(DocumentFile)}
    names = {f.name for f in own}
    clash = names & ({TEXT_FIELD.name} | set(FILE_FIELDS))
    if clash:
        raise TypeError(f"Document fields {sorted(clash)} clash with the documents view's columns")
    return struct([*own, TEXT_FIELD, *(by_name[n] for n in FILE_FIELDS)])


def document_row(file: DocumentFile) -> Row:
    """One ``documents`` row: the document with its text and annotations."""
    row: Row = file.document.model_dump(mode="json")
    row[TEXT_FIELD.name] = file.document.text
    dumped = file.model_dump(mode="json", include=set(FILE_FIELDS))
    for name in FILE_FIELDS:
        row[name] = dumped[name]
    return row


def _dump(records: tuple[Any, ...]) -> list[Row]:
    return [r.model_dump(mode="json") for r in records]


def actor_rows(actors: Sequence[Actor]) -> list[Row]:
    """The ``actors`` rows: every actor, sorted by id."""
    return _dump(tuple(sorted(actors, key=lambda a: a.id)))


def _actors(corpus: Corpus) -> list[Row]:
    return actor_rows(corpus.actors)


@dataclass(frozen=True)
class Config:
    """One config of the release: its name, a one-line summary, its columns and its rows."""

    name: str
    summary: str
    tree: Callable[[], Node]
    rows: Callable[[Corpus], list[Row]]


CONFIGS: tuple[Config, ...] = (
    Config(
        "documents",
        "The benchmark view: one row per document with its text and its mentions, events and statements nested.",
        documents_tree,
        lambda c: [document_row(f) for f in c.files],
    ),
    Config("actors", "One row per actor, shared by every document.", lambda: model_tree(Actor), _actors),
    Config("mentions", "One row per actor mention.", lambda: model_tree(Mention), lambda c: _dump(c.mentions)),
    Config("events", "One row per event.", lambda: model_tree(Event), lambda c: _dump(c.events)),
    Config(
        "statements",
        "One row per attributed statement.",
        lambda: model_tree(Statement),
        lambda c: _dump(c.statements),
    ),
)


def _windows_tree() -> Node:
    from ..formats.oneie_model import Window

    return model_tree(Window)


def _windows_rows(corpus: Corpus) -> list[Row]:
    from ..formats.oneie import release_rows

    return release_rows(corpus)


CONFIGS += (Config("oneie", windows.SUMMARY, _windows_tree, _windows_rows),)
"""The OneIE / TextEE view (:mod:`.windows` writes it in the build): one row per sentence window."""
CONFIG_NAMES = tuple(c.name for c in CONFIGS)
SPLIT = "test"
"""The one split: the corpus is an evaluation set."""


def config(name: str) -> Config:
    for c in CONFIGS:
        if c.name == name:
            return c
    raise KeyError(f"no config {name!r}; the configs are {', '.join(CONFIG_NAMES)}")
