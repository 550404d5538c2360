"""Building a predicted corpus record by record, and writing it as a corpus directory.

A predicted corpus is laid out like the repository (data/corpus.json, data/actors.json,
data/documents/<id>.json, seeds/) so that ``communique validate`` accepts it and
``communique score`` can score it. Each actor is created by its first mention, so every actor
is mentioned; document records are copied from the input corpus without their links to its
actors (publisher and dateline ``actor``), which belong to the gold annotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import jsonio, writes
from ..corpus import Corpus
from ..layout import ACTORS_FILE, CORPUS_FILE, DOCUMENTS_DIR, SEEDS_DIR
from ..models import (
    SCHEMA_VERSION,
    Actor,
    ActorsFile,
    ActorType,
    CorpusInfo,
    Document,
    DocumentFile,
    Event,
    Mention,
    MentionKind,
    Span,
    Statement,
)
from ..paths import safe_child

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """An id-safe form of a name ('Marco Rubio' -> 'marco_rubio')."""
    text = _SLUG.sub("_", name.casefold()).strip("_")[:100]
    return text or "actor"


def span_of(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def strip_actors(doc: Document) -> Document:
    """The document record without its references to actors."""
    update = {}
    if doc.publisher is not None:
        update["publisher"] = doc.publisher.model_copy(update={"actor": None})
    if doc.dateline is not None:
        update["dateline"] = doc.dateline.model_copy(update={"actor": None})
    return doc.model_copy(update=update)


@dataclass
class DocBuilder:
    """The predictions for one document."""

    document: Document
    text: str
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    def next_id(self, letter: str, count: int) -> str:
        return f"{self.document.id}-{letter}{count + 1:03d}"


@dataclass
class Prediction:
    """A predicted corpus under construction."""

    source: Corpus
    name: str
    actors: dict[str, Actor] = field(default_factory=dict)
    _by_key: dict[tuple[str, str], str] = field(default_factory=dict)
    docs: list[DocBuilder] = field(default_factory=list)

    def __post_init__(self) -> None:
        for f in self.source.files:
            self.docs.append(DocBuilder(strip_actors(f.document), f.document.text))

    def actor(self, name: str, type_: ActorType, wikidata: str | None = None, key: str | None = None) -> str:
        """The id of the actor known by ``key`` (default: its name), created on first use."""
        lookup = (type_, key or name)
        if lookup in self._by_key:
            return self._by_key[lookup]
        base = slug(name)
        actor_id, n = base, 1
        while actor_id in self.actors:
            n += 1
            actor_id = f"{base}_{n}"
        self.actors[actor_id] = Actor(id=actor_id, name=name, type=type_, wikidata=wikidata)
        self._by_key[lookup] = actor_id
        return actor_id

    def mention(self, doc: DocBuilder, start: int, end: int, actor_id: str, kind: MentionKind = "name") -> Mention:
        m = Mention(
            id=doc.next_id("m", len(doc.mentions)),
            document=doc.document.id,
            actor=actor_id,
            span=span_of(doc.text, start, end),
            kind=kind,
        )
        doc.mentions.append(m)
        return m

    def files(self) -> list[DocumentFile]:
        out = []
        for d in self.docs:
            ordered = sorted(d.mentions, key=lambda m: (m.span.start, m.span.end))
            # nothing refers to a mention by id: number them in text order
            mentions = [m.model_copy(update={"id": d.next_id("m", i)}) for i, m in enumerate(ordered)]
            out.append(
                DocumentFile(
                    schema_version=SCHEMA_VERSION,
                    document=d.document,
                    mentions=mentions,
                    events=d.events,
                    statements=d.statements,
                )
            )
        return out

    def write(self, out: Path, seeds: dict[str, str], *, force: bool = False, source: Path | None = None) -> None:
        """Write the corpus directory ``out`` whole (see :func:`communique.writes.write_folder`): a
        non-empty ``out`` is replaced only with ``force`` and only when it is an earlier, unchanged
        output of ``communique baseline``, never the input corpus ``source``."""
        used = {m.actor for d in self.docs for m in d.mentions}
        info = self.source.info.model_copy(update={"name": f"{self.source.info.name} ({self.name} predictions)"})
        actors = ActorsFile(schema_version=SCHEMA_VERSION, actors=[a for a in self.actors.values() if a.id in used])

        def fill(tmp: Path) -> None:
            _dump(tmp / CORPUS_FILE, info)
            _dump(tmp / ACTORS_FILE, actors)
            writes.make_folder(tmp / DOCUMENTS_DIR)
            for f in self.files():
                _dump(safe_child(tmp / DOCUMENTS_DIR, f.document.id, ".json"), f)
            writes.make_folder(tmp / SEEDS_DIR)
            for seed, text in seeds.items():
                writes.write_file(safe_child(tmp / SEEDS_DIR, seed), text.encode("utf-8"))

        writes.write_folder(out, fill, command="baseline", replace=force, source=source)


def _dump(path: Path, model: CorpusInfo | ActorsFile | DocumentFile) -> None:
    writes.write_file(path, jsonio.dumps(model.model_dump(mode="json", exclude_defaults=False)))
