"""Sinks of the validation driver that stay inside the package core: keep the models, count records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..models import ActorsFile, CorpusInfo, DocumentFile
from .document import Checked


class Models:
    """Keeps every document file that became a model, its text attached, in corpus order (for
    :func:`communique.load`)."""

    def __init__(self) -> None:
        self.files: list[DocumentFile] = []

    def start(self, info: CorpusInfo | None, actors: ActorsFile | None) -> None:
        pass

    def mapper(self) -> Callable[[list[Checked]], list[DocumentFile]]:
        return _models

    def take(self, payload: list[DocumentFile]) -> None:
        self.files.extend(payload)


def _models(checked: list[Checked]) -> list[DocumentFile]:
    for c in checked:
            if c.text is not None:
                c.doc.document.attach_text(c.text)
    return [c.doc for c in checked]


SECTIONS = ("actor type", "mention kind", "event type", "factuality", "statement type")


class Counts:
    """Records per type and per type value (for ``communique stats``), of what could be read."""

    def __init__(self) -> None:
        self.documents = 0
        self.records: Counter[str] = Counter()
        self.values: dict[str, Counter[str]] = {name: Counter() for name in SECTIONS}

    def start(self, info: CorpusInfo | None, actors: ActorsFile | None) -> None:
        people = actors.actors if actors else []
        self.records["actors"] = len(people)
        self.values["actor type"].update(a.type for a in people)

    def mapper(self) -> Callable[[list[Checked]], dict[str, Counter[str]]]:
        return _counts

    def take(self, payload: dict[str, Counter[str]]) -> None:
        self.records.update(payload["records"])
        for name in SECTIONS:
            self.values[name].update(payload[name])


def _counts(checked: list[Checked]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {name: Counter() for name in ("records", *SECTIONS)}
    for c in checked:
        doc = c.doc
        counts["records"].update({"documents": 1, "mentions": len(doc.mentions), "events": len(doc.events),
                                  "statements": len(doc.statements)})
        counts["mention kind"].update(m.kind for m in doc.mentions)
        counts["event type"].update(e.type for e in doc.events)
        counts["factuality"].update(e.factuality for e in doc.events)
        counts["statement type"].update(s.type for s in doc.statements)
    return counts
