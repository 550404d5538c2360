"""Identifying a predicted actor with a gold actor, since ids may differ.

Rule (also in docs/tasks.md): a predicted actor is the gold actor that

1. has the same Wikidata QID; else
2. has a canonical name equal to the predicted actor's name; else
3. has an alias equal to the predicted actor's name; else
4. has a name or alias equal to one of the predicted actor's aliases.

Names are compared after normalisation: Unicode NFKC, case-folded, apostrophes, periods and
hyphens removed, runs of white space collapsed ('U.S' = 'US', 'Zelenskyy' != 'Zelensky').
The first tier that finds a gold actor decides; when a tier finds several, the first in
data/actors.json order is taken. A predicted actor that no tier identifies is an actor of its own,
which no gold actor matches. For the Wikidata task the first tier is skipped (the QID is what is
being scored).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..models import Actor

UNRESOLVED = "?pred:"
"""Prefix of the identity of a predicted actor or event no gold record matches (never a valid id)."""

_DROP = re.compile(r"[.'’‘`\-‐‑–]")
_SPACE = re.compile(r"\s+")


def normalise(name: str) -> str:
    """The comparison form of a name."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _DROP.sub("", text)
    return _SPACE.sub(" ", text).strip()


class Identities:
    """Resolves predicted actors to gold actor ids."""

    def __init__(self, gold: Iterable[Actor]) -> None:
        self._qid: dict[str, str] = {}
        self._name: dict[str, str] = {}
        self._alias: dict[str, str] = {}
        for actor in gold:
            if actor.wikidata:
                self._qid.setdefault(actor.wikidata, actor.id)
            self._name.setdefault(normalise(actor.name), actor.id)
            for alias in actor.aliases:
                self._alias.setdefault(normalise(alias), actor.id)

    def resolve(self, actor: Actor, *, use_qid: bool = True) -> str:
        """The gold actor id ``actor`` stands for, or an unresolved identity of its own."""
        if use_qid and actor.wikidata and actor.wikidata in self._qid:
            return self._qid[actor.wikidata]
        name = normalise(actor.name)
        if name in self._name:
            return self._name[name]
        if name in self._alias:
            return self._alias[name]
        for alias in map(normalise, actor.aliases):
            found = self._name.get(alias) or self._alias.get(alias)
            if found:
                return found
        return UNRESOLVED + actor.id
