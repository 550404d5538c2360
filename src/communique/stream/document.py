"""One document file, read and checked on its own: the unit of streaming validation.

Structure: the fast path of :mod:`.fast` (bytes straight to pydantic after cheap scans), with
duplicate keys ruled out by counting: every key of a valid file is a field some model received,
so the number of ``"...":`` key ends in the bytes equals the number of fields set across the
model tree only when no key repeats. Anything else (and every invalid file) takes the strict
path of :mod:`communique.loader`, so the findings are the same as a full read.

Checks: the document's own rules (seeds, spans, times, values, mention coverage, E204 for a
record naming another document) run here in one walk over the model. What needs other files
(ids, references, cycles, E307, actor role spans) is handed back compactly in a
:class:`DocOutcome` for :mod:`.merge`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from .. import loader
from ..checks import coverage, seeds, spans, times
from ..checks._context import Context
from ..checks.references import document_refs, misplaced, wrong_kind
from ..models import DocumentFile, Event, Mention, Span, Statement
from ..paths import is_plain_id
from ..report import Finding, Report
from .fast import fast_parse, key_ends, read_bytes
from .visit import visit

KIND_CODES = {"actor": 0, "document": 1, "mention": 2, "event": 3, "statement": 4}
"""Record kinds as small integers, for compact id tables."""

Ref = tuple[str, str, str, bool, str]
"""(referenced id, expected kind, JSON path, must stay within the document, id of the record holding it)."""


@dataclass
class DocOutcome:
    """What one document file contributes to the corpus-wide checks."""

    rel: str
    findings: list[Finding] = field(default_factory=list)
    doc_id: str | None = None
    """The document id, when the file passed the structural layer (None otherwise)."""
    ids: list[str] = field(default_factory=list)
    """The id of every record, in corpus order."""
    slots: list[int] = field(default_factory=list)
    """For each id: its index in its list, shifted left 3 bits, with its kind code in the low bits."""
    refs: list[Ref] = field(default_factory=list)
    """References to ids that are not actor ids, left for the corpus-wide resolution."""
    part_of: list[tuple[str, str, str]] = field(default_factory=list)
    """(event id, parent event id, JSON path) of every part_of link."""
    mentioned: set[str] = field(default_factory=set)
    role_findings: list[Finding] | None = None
    """Findings on actor role spans pointing into this document, when its text was read (the
    corpus keeps those of the first such file of a document id)."""
    records: int = 0


@dataclass(frozen=True)
class Actors:
    """What every worker knows about the actors file."""

    index: dict[str, int]
    """Actor id -> position of its first record in data/actors.json."""
    roles: dict[str, list[tuple[int, int, Span, str]]]
    """Document id -> (actor position, role position, span, actor id) of the roles with evidence in it."""


def _mini_context(root: Traversable | Path, report: Report) -> Context:
    reading = loader.Reading(root=root, report=report)
    return Context(reading)


def check_document(root: Traversable | Path, rel: str, actors: Actors) -> DocOutcome:
    """Read and check one document file (``rel`` relative to ``root``)."""
    report = Report(str(root))
    data = read_bytes(root, rel, report)
    if data is None:
        return DocOutcome(rel, report.findings)
    doc = fast_parse(data)
    if doc is not None:
        outcome = DocOutcome(rel)
        ctx = _mini_context(root, report)
        if _local(ctx, root, rel, doc, actors, outcome) == key_ends(data):
            outcome.findings = report.findings + ctx.findings
            return outcome
        report = Report(str(root))  # a key repeats: start again on the strict path
    outcome = DocOutcome(rel)
    ctx = _mini_context(root, report)
    doc = loader.parse_model(data, rel, DocumentFile, report)[1]
    if doc is not None:
        _local(ctx, root, rel, doc, actors, outcome)
    outcome.findings = report.findings + ctx.findings
    return outcome


def _read_seed(ctx: Context, root: Traversable | Path, seed: str) -> str | None:
    """The seed text, read as the loader reads it (any failure goes through the loader, for its findings)."""
    reading = ctx.reading
    if is_plain_id(seed[: -len(".txt")]) and seed.endswith(".txt"):
        data = read_bytes(root, f"{loader.SEEDS_DIR}/{seed}", Report(""))
        if data is not None:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                reading.seed_bytes[seed], reading.texts[seed] = data, text
                return text
    loader._read_seed(root, seed, reading)
    return reading.texts.get(seed)


def _local(
    ctx: Context, root: Traversable | Path, rel: str, doc: DocumentFile, actors: Actors, out: DocOutcome
) -> int:
    """The document's own checks; returns the number of fields set across its model tree."""
    d = doc.document
    doc_id = d.id
    stem = rel.rsplit("/", 1)[1][: -len(".json")]
    if stem != doc_id:
        ctx.reading.report.add(
            Finding(rel, "$.document.id", "E105",
                    f"document id {doc_id!r} differs from the file name; expected {stem!r}", record=doc_id)
        )
    out.doc_id = doc_id
    ctx.reading.documents.append((rel, doc))
    text = _read_seed(ctx, root, d.seed)
    seeds.check(ctx)
    coverage.check_document(ctx, rel, doc)
    published, fields = visit(ctx, doc, rel, text)
    times.check_future(ctx, rel, doc, published)
    _records(ctx, doc, rel, out)
    _refs(ctx, doc, rel, actors, out)
    if text is not None:
        role_ctx = _mini_context(root, Report(str(root)))
        for i, j, span, actor_id in actors.roles.get(doc_id, ()):
            spans.check_span(role_ctx, span, text, loader.ACTORS_FILE, f"$.actors[{i}].roles[{j}].span", actor_id,
                             doc_id)
        out.role_findings = role_ctx.findings
    return fields


def _records(ctx: Context, doc: DocumentFile, rel: str, out: DocOutcome) -> None:
    doc_id = doc.document.id
    ids, slots = out.ids, out.slots
    ids.append(doc_id)
    slots.append(KIND_CODES["document"])
    groups: tuple[tuple[int, str, Sequence[Mention | Event | Statement]], ...] = (
        (2, "mentions", doc.mentions), (3, "events", doc.events), (4, "statements", doc.statements)
    )
    for code, name, items in groups:
        for i, rec in enumerate(items):
            ids.append(rec.id)
            slots.append(i << 3 | code)
            if rec.document != doc_id:
                misplaced(ctx, rel, f"$.{name}[{i}].document", doc_id, rec.document, rec.id)
    out.records = len(ids) - 1
    out.mentioned = {m.actor for m in doc.mentions}
    for i, event in enumerate(doc.events):
        for j, link in enumerate(event.links):
            if link.relation == "part_of":
                out.part_of.append((event.id, link.event, f"$.events[{i}].links[{j}].event"))


def _refs(ctx: Context, doc: DocumentFile, rel: str, actors: Actors, out: DocOutcome) -> None:
    """Resolve references to actor ids here (the actors come first, so they own their ids);
    hand the others on."""
    index = actors.index
    unknown = [i for i, m in enumerate(doc.mentions) if m.actor not in index]
    for i in unknown:
        m = doc.mentions[i]
        out.refs.append((m.actor, "actor", f"$.mentions[{i}].actor", False, m.id))
    for record, (path, target, kind, local) in document_refs(doc, mentions=False):
        pos = index.get(target)
        if pos is None:
            out.refs.append((target, kind, path, local, record))
        elif kind != "actor":
            wrong_kind(ctx, rel, path, target, kind, "actor", f"{loader.ACTORS_FILE} $.actors[{pos}]", record)
