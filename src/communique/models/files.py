"""The files of a corpus directory, as stored on disk under data/.

- ``data/corpus.json``: :class:`CorpusInfo` (name and dataset version).
- ``data/actors.json``: :class:`ActorsFile` (corpus-level actors).
- ``data/documents/<document id>.json``: :class:`DocumentFile` (one document and its annotations).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ._base import NonEmptyStr, Record
from .actor import Actor
from .document import Document
from .event import Event
from .mention import Mention
from .statement import Statement

SCHEMA_VERSION = "1.0.0"
"""Version of the record format; its major number is in every schema $id."""

# ASCII [0-9], not \d: regex engines disagree on whether \d matches other scripts' digits.
SchemaVersion = Annotated[str, StringConstraints(pattern=r"^1\.[0-9]+\.[0-9]+$")]
SemVer = Annotated[str, StringConstraints(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$")]


class CorpusInfo(Record):
    """data/corpus.json: what the corpus is and which version of it this is."""

    schema_version: SchemaVersion
    """Version of the record format the files follow."""
    name: NonEmptyStr
    """Corpus name."""
    version: SemVer
    """Dataset version (semver), independent of the package version."""
    guidelines_version: SemVer
    """Version of docs/guidelines.md the annotation follows."""
    license: NonEmptyStr
    """Licence of the annotations."""
    description: str | None = None
    """One-paragraph description."""


class ActorsFile(Record):
    """data/actors.json: the actors shared by all documents."""

    schema_version: SchemaVersion
    """Version of the record format."""
    actors: list[Actor] = Field(fail_fast=True)
    """Every actor of the corpus."""


class DocumentFile(Record):
    """data/documents/<id>.json: one document and all its annotations."""

    # The record lists stop at their first invalid record (fail_fast): the validator checks a
    # refused file again record by record (communique.validation.structure), so a file of many bad
    # records never costs memory per error.

    schema_version: SchemaVersion
    """Version of the record format."""
    document: Document
    """The document's metadata."""
    status: Literal["draft", "annotated", "adjudicated"] = "draft"
    """Annotation status: draft (in progress), annotated (one full pass), adjudicated (passes reconciled)."""
    mentions: list[Mention] = Field(default_factory=list, fail_fast=True)
    """Every actor mention in the document."""
    events: list[Event] = Field(default_factory=list, fail_fast=True)
    """Every event in the document."""
    statements: list[Statement] = Field(default_factory=list, fail_fast=True)
    """Every attributed statement in the document."""
