"""Generators of corpora for property tests and benchmarks.

:func:`build_corpus` makes a valid corpus from a seed (plain ``random``, no hypothesis needed, any
size: benchmarks can use it for large corpora); :func:`corpora` wraps it as a hypothesis
strategy; :func:`json_values` is arbitrary JSON. tests/mutations.py holds the single mutations
(shift an offset, drop a referenced record, duplicate an id, corrupt a date...) with the finding
codes that must catch each.

Every generated corpus follows the rules of docs/guidelines.md as the validator checks them:
every actor is mentioned, argument, place and speaker spans are mentions of their actor, spans
are trimmed and match the text, dates are real and no later than publication, links only point
to earlier events of the same document (no cycles), seed names and hashes match.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # hypothesis is imported only by the strategies, so build_corpus works without it
    from hypothesis import strategies as st

MONTHS = ["January", "February", "March", "April", "May", "June"]
SYLLABLES = ["ka", "ro", "vel", "in", "mar", "to", "su", "den", "li", "ov", "zan", "pe", "ri", "gu", "ne", "sho"]
ACTOR_TYPES = ["person", "government", "organization", "international_organization", "media", "group"]
PLACE_TYPES = ["city", "region", "country", "facility"]
EVENT_VERBS = {
    "contact.meet": ("met", "participant"),
    "conflict.attack": ("attacked", "agent"),
    "attitude.disapprove": ("criticized", "agent"),
    "attitude.threaten": ("warned", "agent"),
    "policy.cooperate": ("helped", "agent"),
}
OTHER_ROLE = {"participant": "participant", "agent": "target"}
FILLER = ["the", "talks", "were", "useful", "and", "calm", "a", "new", "plan", "would", "follow", "soon"]


def _name(rng: random.Random, taken: set[str]) -> str:
    while True:
        words = [
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            for _ in range(rng.randint(1, 2))
        ]
        name = " ".join(words)
        if name not in taken:
            taken.add(name)
            return name


class _Text:
    """Builds a seed text piece by piece and returns the span of each piece."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> dict[str, Any]:
        span = {"start": self.length, "end": self.length + len(piece), "text": piece}
        self.parts.append(piece)
        self.length += len(piece)
        return span

    def __str__(self) -> str:
        return "".join(self.parts)


@dataclass
class GeneratedCorpus:
    """A corpus as JSON-ready objects; :meth:`tree` gives its files, :meth:`write` writes them."""

    info: dict[str, Any]
    actors: dict[str, Any]
    documents: dict[str, dict[str, Any]]
    """Document files by document id."""
    seeds: dict[str, bytes] = field(default_factory=dict)
    """Seed bytes by seed file name."""

    def tree(self) -> dict[str, bytes]:
        files = {"data/corpus.json": _dumps(self.info), "data/actors.json": _dumps(self.actors)}
        for doc_id, doc in self.documents.items():
            files[f"data/documents/{doc_id}.json"] = _dumps(doc)
        for name, data in self.seeds.items():
            files[f"seeds/{name}"] = data
        return files

    def write(self, root: Path) -> Path:
        for rel, data in self.tree().items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return root

    def copy(self) -> GeneratedCorpus:
        return copy.deepcopy(self)

    def counts(self) -> dict[str, int]:
        docs = self.documents.values()
        return {
            "documents": len(self.documents),
            "actors": len(self.actors["actors"]),
            "mentions": sum(len(d["mentions"]) for d in docs),
            "events": sum(len(d["events"]) for d in docs),
            "statements": sum(len(d["statements"]) for d in docs),
        }


def _dumps(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def build_corpus(
    rng: random.Random,
    documents: int = 2,
    actors: int = 4,
    events_per_document: int = 2,
    statements_per_document: int = 1,
    quantities: bool = True,
) -> GeneratedCorpus:
    """A valid corpus drawn from ``rng``; sizes are exact except that every document gets >= 1 mention."""
    if documents < 1 or actors < 1:
        raise ValueError("a corpus needs at least one document and one actor")
    taken: set[str] = set()
    actor_list = []
    for i in range(actors):
        kind = PLACE_TYPES[i % len(PLACE_TYPES)] if i % 3 == 2 else rng.choice(ACTOR_TYPES)
        actor_list.append({"id": f"actor{i:04d}", "name": _name(rng, taken), "type": kind})
    people = [a for a in actor_list if a["type"] not in PLACE_TYPES] or actor_list
    places = [a for a in actor_list if a["type"] in PLACE_TYPES]
    docs: dict[str, dict[str, Any]] = {}
    seeds: dict[str, bytes] = {}
    for d in range(documents):
        doc_id = f"doc{d:04d}"
        own = [a for i, a in enumerate(actor_list) if i % documents == d]
        doc, text = _document(
            rng, doc_id, own, people, places, events_per_document, statements_per_document, quantities
        )
        data = text.encode("utf-8")
        doc["document"]["sha256"] = hashlib.sha256(data).hexdigest()
        docs[doc_id] = doc
        seeds[f"{doc_id}.txt"] = data
    info = {
        "schema_version": "1.0.0",
        "name": "Generated corpus",
        "version": "0.1.0",
        "guidelines_version": "1.0.0",
        "license": "CC-BY-4.0",
    }
    return GeneratedCorpus(info, {"schema_version": "1.0.0", "actors": actor_list}, docs, seeds)


def _document(
    rng: random.Random,
    doc_id: str,
    own: list[dict[str, Any]],
    people: list[dict[str, Any]],
    places: list[dict[str, Any]],
    n_events: int,
    n_statements: int,
    quantities: bool,
) -> tuple[dict[str, Any], str]:
    text = _Text()
    mentions: list[dict[str, Any]] = []

    def mention(actor: dict[str, Any]) -> dict[str, Any]:
        span = text.add(actor["name"])
        mentions.append(
            {
                "id": f"{doc_id}-m{len(mentions) + 1:04d}",
                "document": doc_id,
                "actor": actor["id"],
                "span": span,
                "kind": "name",
            }
        )
        return span

    pub_day = rng.randint(1, 28)
    published = text.add(f"{pub_day} June 2025")
    text.add("\n\n")
    for actor in own:
        mention(actor)
        text.add(" was there. ")
    events: list[dict[str, Any]] = []
    for e in range(n_events):
        etype = rng.choice(sorted(EVENT_VERBS))
        verb, role = EVENT_VERBS[etype]
        a = rng.choice(people)
        b = rng.choice([p for p in people if p is not a] or people)
        a_span = mention(a)
        text.add(" ")
        trigger = text.add(verb)
        text.add(" ")
        b_span = mention(b)
        event: dict[str, Any] = {
            "id": f"{doc_id}-e{e + 1:04d}",
            "document": doc_id,
            "type": etype,
            "triggers": [trigger],
            "arguments": [
                {"role": role, "actor": a["id"], "span": a_span},
                {"role": OTHER_ROLE[role], "actor": b["id"], "span": b_span},
            ],
            "factuality": "asserted",
            "source": {"kind": "author"},
        }
        if places and rng.random() < 0.7:
            place = rng.choice(places)
            text.add(" in ")
            event["place"] = {"actor": place["id"], "span": mention(place)}
        month = rng.randint(1, 5)
        day = rng.randint(1, 28)
        text.add(" on ")
        event["time"] = {
            "span": text.add(f"{day} {MONTHS[month - 1]} 2025"),
            "value": f"2025-{month:02d}-{day:02d}",
            "precision": "day",
            "anchor": "absolute",
            "rule": "explicit",
        }
        text.add(". ")
        if quantities and rng.random() < 0.5:
            text.add("It lasted ")
            minutes = rng.randint(1, 600)
            event["quantities"] = [
                {
                    "what": "duration",
                    "value": minutes,
                    "qualifier": "exact",
                    "unit": "minute",
                    "span": text.add(f"{minutes} minutes"),
                    "source": {"kind": "author"},
                }
            ]
            text.add(". ")
        if events and rng.random() < 0.4:
            event["links"] = [
                {"relation": rng.choice(["part_of", "caused_by", "about"]), "event": rng.choice(events)["id"]}
            ]
        events.append(event)
    statements = []
    for s in range(n_statements):
        speaker = rng.choice(people)
        speaker_span = mention(speaker)
        text.add(" ")
        cue = text.add("said")
        text.add(" that ")
        content = text.add(" ".join(rng.choice(FILLER) for _ in range(rng.randint(2, 8))))
        text.add(". ")
        statements.append(
            {
                "id": f"{doc_id}-s{s + 1:04d}",
                "document": doc_id,
                "speaker": {"actor": speaker["id"], "span": speaker_span},
                "cue": cue,
                "content": content,
                "direct": False,
                "type": "assert",
                "about": [rng.choice(events)["id"]] if events else [],
                "addressees": [],
            }
        )
    if not mentions:
        mention(rng.choice(people))
        text.add(" was there.")
    text.add("\n")
    document = {
        "id": doc_id,
        "seed": f"{doc_id}.txt",
        "sha256": "",
        "language": "en",
        "published": {
            "value": f"2025-06-{pub_day:02d}",
            "precision": "day",
            "source": "printed",
            "evidence": [published],
        },
    }
    doc = {
        "schema_version": "1.0.0",
        "document": document,
        "status": "annotated",
        "mentions": mentions,
        "events": events,
        "statements": statements,
    }
    return doc, str(text)


def corpora(max_documents: int = 3, max_actors: int = 6, max_events: int = 3) -> st.SearchStrategy[GeneratedCorpus]:
    """Valid corpora of 1..max_documents documents."""
    from hypothesis import strategies as st

    return st.builds(
        build_corpus,
        st.integers(0, 2**32 - 1).map(random.Random),
        documents=st.integers(1, max_documents),
        actors=st.integers(1, max_actors),
        events_per_document=st.integers(0, max_events),
        statements_per_document=st.integers(0, 2),
    )


def json_values(max_leaves: int = 30) -> st.SearchStrategy[Any]:
    """Arbitrary JSON values (finite floats, 64-bit integers, any Unicode text)."""
    from hypothesis import strategies as st

    leaves = (
        st.none()
        | st.booleans()
        | st.integers(-(2**63) + 1, 2**63 - 1)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
    )
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=5)
            | st.dictionaries(st.text(st.characters(exclude_categories=["Cs"]), max_size=10), children, max_size=5)
        ),
        max_leaves=max_leaves,
    )
