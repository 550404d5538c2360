"""The loaded corpus: typed records with lookup by id."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from .models import (
    Actor,
    CorpusInfo,
    Document,
    DocumentFile,
    Event,
    Mention,
    Statement,
)

AnyRecord = Actor | Document | Mention | Event | Statement
_R = TypeVar("_R", Actor, Document, Mention, Event, Statement)


@dataclass(frozen=True)
class Corpus:
    """A whole corpus: its info, its actors and every document with its annotations."""

    info: CorpusInfo
    actors: tuple[Actor, ...]
    files: tuple[DocumentFile, ...]
    _index: dict[str, AnyRecord] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = self._index
        for actor in self.actors:
            index[actor.id] = actor
        for f in self.files:
            index[f.document.id] = f.document
            for mention in f.mentions:
                index[mention.id] = mention
            for event in f.events:
                index[event.id] = event
            for statement in f.statements:
                index[statement.id] = statement

    @property
    def version(self) -> str:
        """The dataset version (semver), from data/corpus.json."""
        return self.info.version

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(f.document for f in self.files)

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return tuple(m for f in self.files for m in f.mentions)

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(e for f in self.files for e in f.events)

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for f in self.files for s in f.statements)

    def __iter__(self) -> Iterator[DocumentFile]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def get(self, record_id: str) -> AnyRecord:
        """Any record by id; KeyError when there is none."""
        return self._index[record_id]

    def _typed(self, record_id: str, kind: type[_R]) -> _R:
        rec = self._index.get(record_id)
        if isinstance(rec, kind):
            return rec
        raise KeyError(f"no {kind.__name__.lower()} with id {record_id!r}")

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; KeyError when there is none."""
        return self._typed(actor_id, Actor)

    def document(self, document_id: str) -> Document:
        """The document with this id; KeyError when there is none."""
        return self._typed(document_id, Document)

    def mention(self, mention_id: str) -> Mention:
        """The mention with this id; KeyError when there is none."""
        return self._typed(mention_id, Mention)

    def event(self, event_id: str) -> Event:
        """The event with this id; KeyError when there is none."""
        return self._typed(event_id, Event)

    def statement(self, statement_id: str) -> Statement:
        """The statement with this id; KeyError when there is none."""
        return self._typed(statement_id, Statement)

    def file(self, document_id: str) -> DocumentFile:
        """The document file (document plus annotations) by document id."""
        for f in self.files:
            if f.document.id == document_id:
                return f
        raise KeyError(f"no document with id {document_id!r}")
