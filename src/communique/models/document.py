"""Documents: the source text's metadata. The text itself is read from the seed file."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, PrivateAttr, StringConstraints

from ._base import Id, NonEmptyStr, Record
from .span import Span
from .time import PublicationDate

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
SeedName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}\.txt$")]
LanguageTag = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]


class Printed(Record):
    """A piece of metadata as the document prints it."""

    value: NonEmptyStr
    """The value as printed ('Brussels Morning Newspaper')."""
    span: Span | None = None
    """Where it is printed; null when it is not in the text."""
    actor: Id | None = None
    """The actor it names, when there is one."""


class Document(Record):
    """A source document: a seed file, its hash and its metadata."""

    id: Id
    """The seed file's stem ('000_bd8b5cfe7c34e604')."""
    seed: SeedName
    """The seed file's name in seeds/ ('000_bd8b5cfe7c34e604.txt')."""
    sha256: Sha256
    """SHA-256 of the seed file's bytes; validation fails when the seed changed."""
    publisher: Printed | None = None
    """The publisher as printed; null when not printed."""
    dateline: Printed | None = None
    """The dateline place as printed; null when there is none."""
    language: LanguageTag
    """BCP 47 language tag of the text ('en')."""
    title: NonEmptyStr | None = None
    """The headline; null when the seed does not carry one."""
    published: PublicationDate | None = None
    """Publication date, printed or inferred, with its evidence; null only while a new document is unannotated."""
    headings: list[Span] = Field(default_factory=list)
    """Section headings inside the text (not part of the running prose)."""
    genre: Literal["news", "analysis", "opinion", "press_release", "other"] = "news"
    """Kind of text."""

    _text: str | None = PrivateAttr(default=None)

    @property
    def text(self) -> str:
        """The document text, read from the seed file when the corpus was loaded."""
        if self._text is None:
            raise AttributeError(f"document {self.id!r} has no text attached: load it with communique.load()")
        return self._text

    def attach_text(self, text: str) -> None:
        """Attach the seed text (done by the loader)."""
        self._text = text
