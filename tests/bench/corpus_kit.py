"""Small hand-built gold and predicted corpora for the scorer and baseline tests (helpers).

Spans are written as quotes ('Berg', or ('Oslo', 2) for the second occurrence) and resolved
against the fixture's own seed text, so no offset is counted by hand.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from communique.quotes import find_quote

SEED = (
    "Oslo (Nordic Wire) – Foreign Minister Anna Berg met Prime Minister Jonas Lie in Oslo on Monday. "
    "Berg said that the talks were useful. "
    "Rebels attacked the town of Lund on 3 March 2024 and two soldiers were killed in the attack.\n"
)
DOC = "d1"
PUBLISHED = {"value": "2024-03-05", "precision": "day", "source": "printed"}

Quote = str | tuple[str, int]


def span(quote: Quote, text: str = SEED) -> dict[str, Any]:
    q, occ = (quote, None) if isinstance(quote, str) else quote
    start, end = find_quote(text, q, occurrence=occ)
    return {"start": start, "end": end, "text": text[start:end]}


def actor(actor_id: str, name: str, type_: str, wikidata: str | None = None, aliases: list[str] | None = None) -> dict:
    return {"id": actor_id, "name": name, "type": type_, "wikidata": wikidata, "aliases": aliases or []}


def mention(mention_id: str, actor_id: str, quote: Quote, kind: str = "name") -> dict:
    return {"id": mention_id, "document": DOC, "actor": actor_id, "span": span(quote), "kind": kind}


def event(
    event_id: str,
    type_: str,
    triggers: list[Quote],
    args: list[tuple[str, str]] = (),
    time: str | None = None,
    precision: str = "day",
) -> dict:
    record: dict[str, Any] = {
        "id": event_id,
        "document": DOC,
        "type": type_,
        "triggers": [span(t) for t in triggers],
        "arguments": [{"role": role, "actor": a} for role, a in args],
        "factuality": "asserted",
        "source": {"kind": "author"},
    }
    if time is not None:
        record["time"] = {"value": time, "precision": precision, "anchor": "publication", "rule": "explicit"}
    return record


def statement(statement_id: str, speaker: str | None, cue: Quote, content: Quote) -> dict:
    return {
        "id": statement_id,
        "document": DOC,
        "speaker": {"actor": speaker},
        "cue": span(cue),
        "content": span(content),
        "direct": False,
        "type": "assert",
    }


def write_corpus(
    root: Path,
    actors: list[dict],
    mentions: list[dict] = (),
    events: list[dict] = (),
    statements: list[dict] = (),
    seed: str = SEED,
) -> Path:
    (root / "data" / "documents").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "seeds" / f"{DOC}.txt").write_text(seed, encoding="utf-8")
    dump = lambda path, obj: path.write_text(json.dumps(obj, ensure_ascii=False, indent=2), encoding="utf-8")  # noqa: E731
    dump(
        root / "data" / "corpus.json",
        {
            "schema_version": "1.0.0",
            "name": "fixture",
            "version": "0.0.1",
            "guidelines_version": "1.0.0",
            "license": "CC0-1.0",
        },
    )
    dump(root / "data" / "actors.json", {"schema_version": "1.0.0", "actors": list(actors)})
    document = {
        "id": DOC,
        "seed": f"{DOC}.txt",
        "sha256": hashlib.sha256(seed.encode("utf-8")).hexdigest(),
        "language": "en",
        "published": PUBLISHED,
    }
    dump(
        root / "data" / "documents" / f"{DOC}.json",
        {
            "schema_version": "1.0.0",
            "document": document,
            "mentions": list(mentions),
            "events": list(events),
            "statements": list(statements),
        },
    )
    return root


GOLD_ACTORS = [
    actor("oslo", "Oslo", "city", "Q585"),
    actor("anna_berg", "Anna Berg", "person", aliases=["Berg"]),
    actor("jonas_lie", "Jonas Lie", "person"),
    actor("lund", "Lund", "city", "Q2167"),
    actor("rebels", "Rebels", "group"),
]
GOLD_MENTIONS = [
    mention("m1", "oslo", ("Oslo", 1)),
    mention("m2", "anna_berg", "Anna Berg"),
    mention("m3", "jonas_lie", "Jonas Lie"),
    mention("m4", "oslo", ("Oslo", 2)),
    mention("m5", "anna_berg", ("Berg", 2)),
    mention("m6", "rebels", "Rebels"),
    mention("m7", "lund", "Lund"),
]
GOLD_EVENTS = [
    event(
        "e1",
        "contact.meet",
        ["met", "talks"],
        [("participant", "anna_berg"), ("participant", "jonas_lie")],
        "2024-03-04",
    ),
    event(
        "e2", "conflict.attack", ["attacked", ("attack", 2)], [("agent", "rebels"), ("target", "lund")], "2024-03-03"
    ),
    event("e3", "life.die", ["killed"]),
]
GOLD_STATEMENTS = [statement("s1", "anna_berg", "said", "the talks were useful")]
