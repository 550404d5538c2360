"""The loaded corpus: typed records with lookup by id, navigation between records, and flat tables.

>>> corpus = communique.load()
>>> event = corpus.find_events(type="life.die")[0]
>>> [s.id for s in corpus.statements_about(event.id)], corpus.arguments_of(event.id)[0].actor.name
>>> corpus.sentence_of(event.triggers[0]).text
>>> corpus.to_pandas("arguments")        # needs pandas; corpus.table("arguments") gives plain dicts
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from .models import (
    Actor,
    CorpusInfo,
    Document,
    DocumentFile,
    Event,
    Mention,
    Span,
    Statement,
)
from .text import sentences

if TYPE_CHECKING:
    from .models.event import Argument

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
        f = self._files.get(document_id)
        if f is None:
            raise KeyError(f"no document with id {document_id!r}")
        return f

    # Navigation -------------------------------------------------------------------------

    @cached_property
    def _files(self) -> dict[str, DocumentFile]:
        return {f.document.id: f for f in self.files}

    @cached_property
    def _links(self) -> dict[str, dict[str, list[Any]]]:
        """Inverted indexes: actor to mentions, statements spoken, events taken part in; event to statements."""
        links: dict[str, dict[str, list[Any]]] = {
            name: defaultdict(list) for name in ("mentions", "spoken", "takes_part", "about")
        }
        for f in self.files:
            for m in f.mentions:
                links["mentions"][m.actor].append(m)
            for e in f.events:
                for actor in dict.fromkeys(a.actor for a in e.arguments):
                    links["takes_part"][actor].append(e)
            for s in f.statements:
                if s.speaker.actor:
                    links["spoken"][s.speaker.actor].append(s)
                for event_id in dict.fromkeys(s.about):
                    links["about"][event_id].append(s)
        return links

    def events_of(self, document_id: str) -> tuple[Event, ...]:
        """The events annotated in a document, in file order."""
        return tuple(self.file(document_id).events)

    def statements_of(self, document_id: str) -> tuple[Statement, ...]:
        """The statements annotated in a document, in file order."""
        return tuple(self.file(document_id).statements)

    def mentions_of(self, actor_id: str) -> tuple[Mention, ...]:
        """Every mention of an actor, across documents (KeyError for an unknown actor)."""
        return tuple(self._links["mentions"].get(self.actor(actor_id).id, ()))

    def statements_by(self, actor_id: str) -> tuple[Statement, ...]:
        """The statements an actor is the speaker of."""
        return tuple(self._links["spoken"].get(self.actor(actor_id).id, ()))

    def statements_about(self, event_id: str) -> tuple[Statement, ...]:
        """The statements that report or discuss an event (their ``about`` lists it)."""
        return tuple(self._links["about"].get(self.event(event_id).id, ()))

    def events_with(self, actor_id: str, role: str | None = None) -> tuple[Event, ...]:
        """The events an actor fills an argument of; with ``role``, only in that role."""
        events = self._links["takes_part"].get(self.actor(actor_id).id, ())
        if role is None:
            return tuple(events)
        return tuple(e for e in events if any(a.actor == actor_id and a.role == role for a in e.arguments))

    def find_events(
        self, *, type: str | None = None, factuality: str | None = None, document: str | None = None
    ) -> tuple[Event, ...]:
        """Events filtered by type (exact, or a prefix ending in '.': ``'conflict.'``), factuality and document."""
        def keep(e: Event) -> bool:
            if type is not None and not (e.type == type or (type.endswith(".") and e.type.startswith(type))):
                return False
            return (factuality is None or e.factuality == factuality) and (document is None or e.document == document)

        return tuple(e for e in self.events if keep(e))

    def find_statements(
        self, *, type: str | None = None, direct: bool | None = None, document: str | None = None
    ) -> tuple[Statement, ...]:
        """Statements filtered by speech-act type, direct or indirect speech, and document."""
        return tuple(
            s
            for s in self.statements
            if (type is None or s.type == type)
            and (direct is None or s.direct == direct)
            and (document is None or s.document == document)
        )

    def arguments_of(self, event_id: str) -> tuple[ResolvedArgument, ...]:
        """An event's arguments with their actors resolved to records."""
        return tuple(ResolvedArgument(a.role, self.actor(a.actor), a.span, a) for a in self.event(event_id).arguments)

    def sentence_of(self, span: Span, document_id: str | None = None) -> Span:
        """The sentence that contains the start of ``span`` (a span of the document's text).

        ``document_id`` is needed only when the corpus has several documents. Sentences are split
        as :func:`communique.text.sentences` does (after . ! ? before a capital or quote, and at
        line breaks).
        """
        if document_id is None:
            if len(self.files) != 1:
                raise ValueError("the corpus has several documents: pass document_id")
            document_id = self.files[0].document.id
        text = self.document(document_id).text
        for start, end in sentences(text):
            if start <= span.start < end or (span.start == end and span.end == end):
                return Span(start=start, end=end, text=text[start:end])
        raise ValueError(f"span {span.start}-{span.end} is not inside the text of document {document_id!r}")

    # Tables -----------------------------------------------------------------------------

    def table(self, name: str) -> list[dict[str, Any]]:
        """One flat row per record of ``name`` (``mentions``, ``events``, ``arguments``, ``statements``,
        ``actors``), with actor names and types joined in: :mod:`communique.tables`."""
        from . import tables

        return tables.rows(self, name)

    def to_pandas(self, name: str) -> Any:
        """:meth:`table` as a ``pandas.DataFrame`` (pandas is optional: ``pip install 'communique[pandas]'``)."""
        from . import tables

        return tables.dataframe(self, name)


@dataclass(frozen=True)
class ResolvedArgument:
    """An event argument with its actor record."""

    role: str
    actor: Actor
    span: Span | None
    argument: Argument
    """The argument as stored."""
