"""Single mutations of a valid generated corpus, each with the finding codes that must catch it.

Each mutation changes a :class:`strategies.GeneratedCorpus` in place, given a seeded ``random``,
and returns the codes (None when the corpus offers nothing to mutate that way).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from strategies import GeneratedCorpus

Mutation = Callable[[GeneratedCorpus, random.Random], set[str]]


def _pick_doc(corpus: GeneratedCorpus, rng: random.Random, need: str) -> dict[str, Any] | None:
    docs = [d for d in corpus.documents.values() if d[need]]
    return rng.choice(docs) if docs else None


def shift_offset(corpus: GeneratedCorpus, rng: random.Random) -> set[str]:
    """Move a mention span right by 1-3 characters, keeping its text."""
    doc = _pick_doc(corpus, rng, "mentions")
    assert doc is not None
    text = corpus.seeds[doc["document"]["seed"]].decode("utf-8")
    span = rng.choice(doc["mentions"])["span"]
    for k in (rng.randint(1, 3), 1, 2, 3, 4):
        if text[span["start"] + k : span["end"] + k] != span["text"]:
            span["start"] += k
            span["end"] += k
            return {"E302"} if span["end"] <= len(text) else {"E300", "E302"}
    raise AssertionError("no shift changes the text")  # impossible: names are followed by other text


def drop_actor(corpus: GeneratedCorpus, rng: random.Random) -> set[str]:
    """Remove an actor that mentions refer to."""
    actors = corpus.actors["actors"]
    actors.pop(rng.randrange(len(actors)))
    return {"E202"}


def drop_event(corpus: GeneratedCorpus, rng: random.Random) -> set[str] | None:
    """Remove an event that a statement or another event refers to (None when none is referred to)."""
    for doc in corpus.documents.values():
        referred = {e for s in doc["statements"] for e in s["about"]}
        referred |= {link["event"] for ev in doc["events"] for link in ev.get("links", [])}
        if referred:
            target = rng.choice(sorted(referred))
            doc["events"] = [e for e in doc["events"] if e["id"] != target]
            return {"E202"}
    return None


def duplicate_id(corpus: GeneratedCorpus, rng: random.Random) -> set[str]:
    """Give a mention the id of another record (possibly in another document)."""
    ids = [m["id"] for d in corpus.documents.values() for m in d["mentions"]]
    ids += [a["id"] for a in corpus.actors["actors"]]
    doc = _pick_doc(corpus, rng, "mentions")
    assert doc is not None
    victim = rng.choice(doc["mentions"])
    victim["id"] = rng.choice([i for i in ids if i != victim["id"]] or [corpus.actors["actors"][0]["id"]])
    return {"E200"}


def corrupt_date(corpus: GeneratedCorpus, rng: random.Random) -> set[str]:
    """Replace a date with one that is not on the calendar (2025-02-30, 2025-13-01, 2025-04-31)."""
    bad = rng.choice(["2025-02-30", "2025-13-01", "2025-04-31", "2025-00-10", "2025-01-32"])
    doc = rng.choice(list(corpus.documents.values()))
    timed = [e for e in doc["events"] if "time" in e]
    if timed:
        rng.choice(timed)["time"]["value"] = bad
    else:
        doc["document"]["published"]["value"] = bad
    return {"E304"}


def change_seed(corpus: GeneratedCorpus, rng: random.Random) -> set[str]:
    """Append a character to a seed without updating its hash."""
    name = rng.choice(sorted(corpus.seeds))
    corpus.seeds[name] += b" "
    return {"E303"}


SEMANTIC_MUTATIONS: dict[str, Callable[[GeneratedCorpus, random.Random], set[str] | None]] = {
    "shift_offset": shift_offset,
    "drop_actor": drop_actor,
    "drop_event": drop_event,
    "duplicate_id": duplicate_id,
    "corrupt_date": corrupt_date,
    "change_seed": change_seed,
}
"""Mutations caught by the reference and semantic layers."""


def wrong_enum(corpus: GeneratedCorpus, rng: random.Random) -> set[str]:
    rng.choice(corpus.actors["actors"])["type"] = rng.choice(["Person", "company", "", "city "])
    return {"E103"}


def negative_offset(corpus: GeneratedCorpus, rng: random.Random) -> set[str]:
    doc = _pick_doc(corpus, rng, "mentions")
    assert doc is not None
    rng.choice(doc["mentions"])["span"]["start"] = -rng.randint(1, 10)
    return {"E103"}


def unknown_field(corpus: GeneratedCorpus, rng: random.Random) -> set[str]:
    doc = rng.choice(list(corpus.documents.values()))
    doc["document"][rng.choice(["confidence", "Id", "id ", "extra"])] = 1
    return {"E103"}


def unsafe_id(corpus: GeneratedCorpus, rng: random.Random) -> set[str]:
    actor = rng.choice(corpus.actors["actors"])
    actor["id"] = rng.choice(["../x", "a/b", "..", ".", "a\x00b", "a\nb", "x" * 129, "", "é"])
    return {"E103"}


def drop_required(corpus: GeneratedCorpus, rng: random.Random) -> set[str]:
    doc = rng.choice(list(corpus.documents.values()))
    del doc["document"][rng.choice(["id", "seed", "sha256", "language"])]
    return {"E103"}


STRUCTURAL_MUTATIONS: dict[str, Callable[[GeneratedCorpus, random.Random], set[str] | None]] = {
    "wrong_enum": wrong_enum,
    "negative_offset": negative_offset,
    "unknown_field": unknown_field,
    "unsafe_id": unsafe_id,
    "drop_required": drop_required,
}
"""Mutations caught by the structural layer (the loader)."""
