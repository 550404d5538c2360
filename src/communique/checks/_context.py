"""What every check needs: the records of a reading, where each lives, and a finding factory."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Literal, get_args

from pydantic import BaseModel

from ..codes import CODES
from ..loader import ACTORS_FILE, SEEDS_DIR, Reading
from ..models import Actor, Document, DocumentFile, Event, Mention, Statement
from ..report import Finding

Kind = Literal["actor", "document", "mention", "event", "statement"]

AnyRecord = Actor | Document | Mention | Event | Statement


@dataclass(frozen=True)
class Located:
    """A record with its kind, its file and its JSON path inside the file."""

    kind: Kind
    record: AnyRecord
    file: str
    path: str
    document: str | None
    """The id of the document whose file holds the record (None for actors)."""


@dataclass
class Context:
    """The records of one reading, indexed for the checks."""

    reading: Reading
    records: list[Located] = field(default_factory=list)
    by_id: dict[str, Located] = field(default_factory=dict)
    """The first record holding each id."""
    texts: dict[str, str] = field(default_factory=dict)
    """Document text by document id (documents whose seed was read)."""
    findings: list[Finding] = field(default_factory=list)

    @property
    def documents(self) -> list[tuple[str, DocumentFile]]:
        return self.reading.documents

    @property
    def actors(self) -> list[Actor]:
        return list(self.reading.actors.actors) if self.reading.actors else []

    def all_documents_loaded(self) -> bool:
        """True when every document file of the corpus passed the structural layer (the folder
        could be listed, no file was skipped for its name, none was refused)."""
        return self.reading.documents_complete

    def add(
        self,
        code: str,
        file: str,
        path: str,
        message: str,
        *,
        record: str | None = None,
        expected: str | None = None,
        found: str | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                file=file,
                path=path,
                code=code,
                message=message,
                severity=CODES[code].severity,
                record=record,
                expected=expected,
                found=found,
            )
        )


def build(reading: Reading) -> Context:
    ctx = Context(reading)
    for i, actor in enumerate(ctx.actors):
        ctx.records.append(Located("actor", actor, ACTORS_FILE, f"$.actors[{i}]", None))
    for rel, doc in reading.documents:
        doc_id = doc.document.id
        ctx.records.append(Located("document", doc.document, rel, "$.document", doc_id))
        for i, m in enumerate(doc.mentions):
            ctx.records.append(Located("mention", m, rel, f"$.mentions[{i}]", doc_id))
        for i, e in enumerate(doc.events):
            ctx.records.append(Located("event", e, rel, f"$.events[{i}]", doc_id))
        for i, s in enumerate(doc.statements):
            ctx.records.append(Located("statement", s, rel, f"$.statements[{i}]", doc_id))
        text = reading.texts.get(doc.document.seed)
        if text is not None and doc_id not in ctx.texts:
            ctx.texts[doc_id] = text
    for loc in ctx.records:
        ctx.by_id.setdefault(loc.record.id, loc)
    return ctx


def seed_file(doc: Document) -> str:
    return f"{SEEDS_DIR}/{doc.seed}"


def _nests_model(annotation: object) -> bool:
    """Whether a field annotation can hold a model (directly, in a list, or in a union)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_nests_model(arg) for arg in get_args(annotation))


@cache
def _plan(cls: type[BaseModel]) -> tuple[bool, tuple[str, ...]]:
    """Whether ``cls`` has an ``id`` field, and the names of its fields that can hold models."""
    fields = cls.model_fields
    return "id" in fields, tuple(name for name, info in fields.items() if _nests_model(info.annotation))


def has_id(cls: type[BaseModel]) -> bool:
    """Whether records of ``cls`` carry an ``id`` field (they are what findings name)."""
    return _plan(cls)[0]


def nested_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` that can hold models, in declaration order."""
    return _plan(cls)[1]


def walk(model: BaseModel, path: str, record: str | None = None) -> Iterator[tuple[str, BaseModel, str | None]]:
    """Every model nested in ``model`` (itself included) with its JSON path and the id of the
    innermost record holding it, in field order."""
    has_id, nested = _plan(type(model))
    if has_id:
        rec_id = model.__dict__["id"]
        if isinstance(rec_id, str):
            record = rec_id
    yield path, model, record
    values = model.__dict__
    for name in nested:
        value = values[name]
        if isinstance(value, BaseModel):
            yield from walk(value, f"{path}.{name}", record)
        elif isinstance(value, list | tuple):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from walk(item, f"{path}.{name}[{i}]", record)


def show(value: object, limit: int = 60) -> str:
    """A short repr of a value for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
