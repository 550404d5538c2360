"""A deterministic generator of valid corpora of any size, for benchmarks and tests.

``generate_corpus(root, documents=N, seed=0)`` writes a corpus directory (``data/``, ``seeds/``)
whose documents carry news-like text with actor mentions, events with arguments, places, times
and quantities, and attributed statements, all anchored by exact spans. The same arguments
always give the same bytes. The corpus validates without a finding; tests mutate it to make
failing examples.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import writes
from .layout import ACTORS_FILE, CORPUS_FILE, DOCUMENTS_DIR, SEEDS_DIR, document_file, seed_file
from .models import SCHEMA_VERSION

_SYLLABLES = ("an", "ber", "ko", "li", "mar", "no", "ra", "sel", "ti", "vo", "zé", "ül", "da", "pe", "ska", "ło")
_TITLES = ("Foreign Minister", "Prime Minister", "Defence Minister", "spokesperson", "envoy", "President")
_PLACES = ("city", "region", "facility")
_EVENTS = (
    ("contact.meet", "met", "participant"),
    ("agreement.reject", "rejected", "target"),
    ("attitude.accuse", "accused", "target"),
    ("policy.sanction", "sanctioned", "target"),
    ("request.demand", "urged", "recipient"),
    ("agreement.propose", "proposed talks with", "recipient"),
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_FILLER = (
    "Officials gave no further details.",
    "The talks are expected to continue next week.",
    "Diplomats described the mood as tense but workable.",
    "Observers said the outcome remained unclear.",
)

Json = dict[str, Any]


def _name(rng: random.Random, parts: int) -> str:
    return " ".join("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(parts))


def make_actors(count: int, seed: int) -> list[Json]:
    """``count`` actors: countries, places, bodies and people (people belong to a country)."""
    rng = random.Random(f"actors-{seed}")  # noqa: S311  # reproducible test data, not secrets
    actors: list[Json] = []
    countries: list[str] = []
    for i in range(count):
        kind = ("country", "person", "government", "person", "city", "person", "organization", "region")[i % 8]
        name = _name(rng, 2 if kind == "person" else 1)
        actor: Json = {"id": f"a{i:06d}", "name": name, "type": kind}
        if kind == "country":
            countries.append(actor["id"])
        elif countries and kind in ("person", "government"):
            actor["country"] = countries[-1]
        actors.append(actor)
    return actors


def _span(start: int, text: str) -> Json:
    return {"start": start, "end": start + len(text), "text": text}


@dataclass
class _Doc:
    """A document being written: its text so far and its records."""

    id: str
    parts: list[str] = field(default_factory=list)
    size: int = 0
    mentions: list[Json] = field(default_factory=list)
    events: list[Json] = field(default_factory=list)
    statements: list[Json] = field(default_factory=list)

    def put(self, text: str) -> Json:
        span = _span(self.size, text)
        self.parts.append(text)
        self.size += len(text)
        return span

    def mention(self, actor: Json, text: str | None = None) -> Json:
        span = self.put(text or actor["name"])
        self.mentions.append({"id": f"{self.id}-m{len(self.mentions) + 1:03d}", "document": self.id,
                              "actor": actor["id"], "span": span, "kind": "name"})
        return span


def _sentence(d: _Doc, rng: random.Random, cast: list[Json], places: list[Json], day: tuple[int, int]) -> None:
    agent, other = rng.sample(cast, 2)
    etype, verb, role = rng.choice(_EVENTS)
    place = rng.choice(places)
    a_span = d.mention(agent)
    d.put(" ")
    trigger = d.put(verb)
    d.put(" ")
    o_span = d.mention(other)
    d.put(" in ")
    p_span = d.mention(place)
    d.put(" ")
    month, dom = day
    t_span = d.put(f"on {dom} {_MONTHS[month - 1]} 2025")
    d.put(". ")
    event: Json = {
        "id": f"{d.id}-e{len(d.events) + 1:02d}", "document": d.id, "type": etype, "triggers": [trigger],
        "arguments": [{"role": "agent", "actor": agent["id"], "span": a_span},
                      {"role": role, "actor": other["id"], "span": o_span}],
        "place": {"actor": place["id"], "span": p_span},
        "time": {"span": t_span, "value": f"2025-{month:02d}-{dom:02d}", "precision": "day", "anchor": "absolute",
                 "rule": "explicit"},
        "factuality": "asserted", "source": {"kind": "author"},
    }
    d.events.append(event)
    if rng.random() < 0.5:
        _casualties(d, rng, rng.choice(cast), event)
    if rng.random() < 0.4:
        _quote(d, rng, rng.choice(cast), event)


def _casualties(d: _Doc, rng: random.Random, speaker: Json, event: Json) -> None:
    count = rng.randint(2, 400)
    q_span = d.put(f"At least {count}")
    rest = d.put(" people were killed in the attack")
    d.put(", ")
    s_span = d.mention(speaker)
    d.put(" ")
    cue = d.put("said")
    d.put(". ")
    content = {"start": q_span["start"], "end": rest["end"], "text": q_span["text"] + rest["text"]}
    st_id = f"{d.id}-s{len(d.statements) + 1:02d}"
    source = {"kind": "named", "actor": speaker["id"], "span": s_span, "statement": st_id}
    attack: Json = {
        "id": f"{d.id}-e{len(d.events) + 1:02d}", "document": d.id, "type": "conflict.attack",
        "triggers": [_span(rest["end"] - len("attack"), "attack")], "factuality": "reported", "source": source,
        "quantities": [{"what": "killed", "value": count, "qualifier": "at_least", "span": q_span,
                        "source": source}],
        "links": [{"relation": "caused_by", "event": event["id"]}],
    }
    d.events.append(attack)
    d.statements.append({"id": st_id, "document": d.id, "speaker": {"actor": speaker["id"], "span": s_span},
                         "cue": cue, "content": content, "direct": False, "type": "claim", "about": [attack["id"]]})


def _quote(d: _Doc, rng: random.Random, speaker: Json, event: Json) -> None:
    d.put("“")
    content = d.put(rng.choice(("We will not accept this", "The door remains open", "This is a provocation")))
    d.put(",” ")
    s_span = d.mention(speaker)
    d.put(" ")
    cue = d.put("told reporters")
    d.put(". ")
    d.statements.append({"id": f"{d.id}-s{len(d.statements) + 1:02d}", "document": d.id,
                         "speaker": {"actor": speaker["id"], "span": s_span}, "cue": cue, "content": content,
                         "direct": True, "type": "opine", "about": [event["id"]]})


def _roll_call(d: _Doc, cast: list[Json]) -> None:
    """Mention every cast member not mentioned yet, so that every actor of the corpus is mentioned."""
    seen = {m["actor"] for m in d.mentions}
    missing = [a for a in cast if a["id"] not in seen]
    if not missing:
        return
    d.put("Also named in the report: ")
    for i, actor in enumerate(missing):
        if i:
            d.put(", ")
        d.mention(actor)
    d.put(".")


def make_document(index: int, actors: list[Json], seed: int, size: int) -> tuple[Json, str]:
    """One document file (as JSON) and its seed text, with about ``size`` event sentences."""
    rng = random.Random(f"doc-{seed}-{index}")  # noqa: S311  # reproducible test data, not secrets
    doc_id = f"syn{index:07d}"
    d = _Doc(doc_id)
    width = min(len(actors), 8)
    cast = [actors[(index * width + j) % len(actors)] for j in range(width)]
    places = [a for a in cast if a["type"] in ("country", "city", "region")] or cast[:1]
    publisher, dateline = cast[0], places[0]
    month, dom = rng.randint(1, 11), rng.randint(1, 27)
    dl_span = d.mention(dateline)
    d.put(" (")
    pub_span = d.mention(publisher)
    d.put(") – ")
    title = d.put(f"Talks in {dateline['name']} end without agreement")
    d.put("\n")
    date_span = d.put(f"{dom + 1} {_MONTHS[month - 1]} 2025")
    d.put("\n\n")
    for _ in range(max(1, size + rng.randint(-1, 1))):
        _sentence(d, rng, cast, places, (month, rng.randint(1, dom)))
        if rng.random() < 0.3:
            d.put(rng.choice(_FILLER) + " ")
    _roll_call(d, cast)
    text = "".join(d.parts).rstrip() + "\n"
    seed_bytes = text.encode("utf-8")
    document: Json = {
        "id": doc_id, "seed": f"{doc_id}.txt", "sha256": hashlib.sha256(seed_bytes).hexdigest(),
        "publisher": {"value": publisher["name"], "span": pub_span, "actor": publisher["id"]},
        "dateline": {"value": dateline["name"], "span": dl_span, "actor": dateline["id"]},
        "language": "en", "title": title["text"],
        "published": {"value": f"2025-{month:02d}-{dom + 1:02d}", "precision": "day", "source": "printed",
                      "evidence": [date_span]},
        "headings": [], "genre": "news",
    }
    file = {"schema_version": SCHEMA_VERSION, "document": document, "status": "annotated",
            "mentions": d.mentions, "events": d.events, "statements": d.statements}
    return file, text


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def iter_documents(documents: int, seed: int = 0, size: int = 4) -> Iterator[tuple[Json, str]]:
    """The document files and seed texts of the corpus ``generate_corpus`` writes, one at a time."""
    actors = make_actors(actor_count(documents), seed)
    for i in range(documents):
        yield make_document(i, actors, seed, size)


def actor_count(documents: int) -> int:
    """Enough actors that every one is mentioned (each document casts 8 in turn)."""
    return max(8, min(20_000, documents * 2))


def generate_corpus(
    root: str | Path, documents: int = 10, seed: int = 0, size: int = 4, *, replace: bool = True
) -> Path:
    """Write a valid corpus of ``documents`` documents as the folder ``root``, whole.

    ``size`` is the number of event sentences per document (each brings about 5 records). An
    existing ``root`` must be empty or (with ``replace``) an earlier, unchanged generated corpus;
    anything else is refused (:func:`communique.writes.write_folder`).
    """
    if documents < 1:
        raise ValueError("documents must be at least 1")
    info = {"schema_version": SCHEMA_VERSION, "name": "Synthetic", "version": "0.1.0",
            "guidelines_version": "1.1.0", "license": "CC0-1.0",
            "description": f"Generated by communique.synth (documents={documents}, seed={seed})."}

    def fill(out: Path) -> None:
        writes.write_file(out / CORPUS_FILE, _dump(info))
        actors = make_actors(actor_count(documents), seed)
        writes.write_file(out / ACTORS_FILE, _dump({"schema_version": SCHEMA_VERSION, "actors": actors}))
        writes.make_folder(out / DOCUMENTS_DIR)
        writes.make_folder(out / SEEDS_DIR)
        for i in range(documents):
            file, text = make_document(i, actors, seed, size)
            doc_id = file["document"]["id"]
            writes.write_file(out / seed_file(f"{doc_id}.txt"), text.encode("utf-8"))
            writes.write_file(out / document_file(doc_id), _dump(file))

    writes.write_folder(Path(root), fill, command="synth", replace=replace)
    return Path(root)
