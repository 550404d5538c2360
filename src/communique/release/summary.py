"""What the dataset card and the Croissant metadata say of a corpus, gathered while it streams."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import CorpusInfo


@dataclass(frozen=True)
class Summary:
    """The corpus's info and a summary of its documents: their number, the primary language
    subtags they use (sorted) and how many documents have each annotation status."""

    info: CorpusInfo
    documents: int
    languages: tuple[str, ...]
    statuses: dict[str, int]

    @property
    def version(self) -> str:
        """The dataset version (semver), from data/corpus.json."""
        return self.info.version
