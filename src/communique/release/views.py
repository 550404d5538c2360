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


def actor_rows(actors: Sequence[Actor]) -> list[Row]:
    """The ``actors`` rows: every actor, sorted by id."""
    return [a.model_dump(mode="json") for a in sorted(actors, key=lambda a: a.id)]


@dataclass(frozen=True)
class Config:
    """One config of the release: its name, a one-line summary, its columns and where its rows come from."""

    name: str
    summary: str
    tree: Callable[[], Node]
    source: str
    """'actors' (data/actors.json), 'document' (one row per document file), 'windows' (the file's
    OneIE / TextEE sentence windows) or the DocumentFile list whose records are the rows
    ('mentions', 'events', 'statements')."""

    def rows(self, corpus: Corpus) -> list[Row]:
        """Every row of this config, in release order."""
        if self.source == "actors":
            return actor_rows(corpus.actors)
        types: dict[str, str] = {a.id: a.type for a in corpus.actors}
        return [row for f in corpus.files for row in file_rows(f, (self,), types)[self.name]]


def windows_rows(file: DocumentFile, actor_types: dict[str, str]) -> list[Row]:
    """The ``oneie`` rows of one document file: its sentence windows (:mod:`communique.formats.oneie`)."""
    from ..formats.oneie import release_rows_of

    # An actor the actors file lacks is an E2xx error of the corpus, whose release is then refused;
    # its rows are never written, so any type does until the report is read.
    return release_rows_of(file, lambda actor: actor_types.get(actor, "group"))


def file_rows(file: DocumentFile, configs: Sequence[Config], actor_types: dict[str, str]) -> dict[str, list[Row]]:
    """The rows one document file gives to each of ``configs`` (none of them 'actors'): what both
    :func:`communique.to_hf` and the release writer use. ``actor_types`` (actor id to type) is read
    by the 'windows' source only."""
    lists = {c.source for c in configs if c.source not in ("document", "windows")}
    dumped = file.model_dump(mode="json", include=lists) if lists else {}
    out: dict[str, list[Row]] = {}
    for c in configs:
        if c.source == "document":
            out[c.name] = [document_row(file)]
        elif c.source == "windows":
            out[c.name] = windows_rows(file, actor_types)
        else:
            out[c.name] = dumped[c.source]
    return out


CONFIGS: tuple[Config, ...] = (
    Config(
        "documents",
        "The benchmark view: one row per document with its text and its mentions, events and statements nested.",
        documents_tree,
        "document",
    ),
    Config("actors", "One row per actor, shared by every document.", lambda: model_tree(Actor), "actors"),
    Config("mentions", "One row per actor mention.", lambda: model_tree(Mention), "mentions"),
    Config("events", "One row per event.", lambda: model_tree(Event), "events"),
    Config("statements", "One row per attributed statement.", lambda: model_tree(Statement), "statements"),
)


def _windows_tree() -> Node:
    from ..formats.oneie_model import Window

    return model_tree(Window)


CONFIGS += (
    Config(
        "oneie",
        "OneIE / TextEE sentence windows (the input of event-extraction frameworks): tokens, entity and event "
        "mentions with token offsets; ACE types where the ontology maps them.",
        _windows_tree,
        "windows",
    ),
)
"""The OneIE / TextEE view: one row per sentence window, the rows of ``communique export --format oneie``."""
CONFIG_NAMES = tuple(c.name for c in CONFIGS)
FILE_CONFIGS = tuple(c for c in CONFIGS if c.source != "actors")
"""The configs whose rows come from the document files."""
SPLIT = "test"
"""The one split: the corpus is an evaluation set."""


def config(name: str) -> Config:
    for c in CONFIGS:
        if c.name == name:
            return c
    raise KeyError(f"no config {name!r}; the configs are {', '.join(CONFIG_NAMES)}")
