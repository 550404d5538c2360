"""One document file, read and checked on its own: the unit of validation, and the one way a
document file becomes a model.

Structure (:mod:`.structure`): the fast path first (bytes straight to pydantic), with duplicate
keys ruled out by counting: every key of a valid file is a field some model received, so the
number of ``"...":`` key ends in the bytes equals the number of fields set across the model tree
only when no key repeats. Anything else takes the strict path, record by record.

Rules: the document's own (seeds, spans, times, values, mention coverage, E204 for a record
naming another document, E105) run here in one walk over the model. What needs other files (ids,
references, cycles, E307, actor role spans) is handed back compactly in a :class:`DocOutcome`
for :mod:`.corpus`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from .. import loader
from ..layout import ACTORS_FILE, document_stem
from ..models import DocumentFile, Event, Mention, Span, Statement
from ..report import Finding, Report
from . import arguments, coherence, coverage, cycles, ids, references, seeds, spans, statements, times, values
from .references import document_refs, misplaced, wrong_kind
from .selection import Selection
from .sentences import Sentences
from .structure import Parsed, fast_parse, key_ends, parse_model
from .visit import Rules, visit

KIND_CODES = {"actor": 0, "document": 1, "mention": 2, "event": 3, "statement": 4}
"""Record kinds as small integers, for compact id tables."""

Ref = tuple[str, str, str, bool, str]
"""(referenced id, expected kind, JSON path, must stay within the document, id of the record holding it)."""


@dataclass(frozen=True)
class Plan:
    """Which rules run, from the selection of codes (a rule none of whose codes is selected is skipped)."""

    rules: Rules = field(default_factory=Rules)
    seeds: bool = True
    coverage: bool = True
    """W400, W401 (per document)."""
    arguments: bool = True
    """W410, W411 (per document, against the sentences of the text)."""
    statements: bool = True
    """W412, W415, W416 (per document)."""
    addressees: bool = True
    """W419 (per document, against the sentences of the text)."""
    coherence: bool = True
    """W413, W414, W417 (per document)."""
    mentioned: bool = True
    """E307 (corpus-wide)."""
    ids: bool = True
    """Register ids: for E200/E201 and for the references."""
    references: bool = True
    cycles: bool = True
    root: str = "."

    @classmethod
    def of(cls, selection: Selection, root: str = ".") -> Plan:
        wants = selection.any
        refs = wants(references.CODES)
        return cls(
            Rules(spans=wants(spans.CODES), times=wants(times.CODES), values=wants(values.CODES)),
            seeds=wants(seeds.CODES), coverage=wants(coverage.DOCUMENT_CODES), mentioned=wants(coverage.CORPUS_CODES),
            arguments=wants(arguments.CODES), statements=wants(statements.RECORD_CODES),
            addressees=wants(statements.TEXT_CODES), coherence=wants(coherence.CODES),
            ids=wants(ids.CODES) or refs, references=refs, cycles=wants(cycles.CODES), root=root,
        )


@dataclass(frozen=True)
class Actors:
    """What every worker knows about the actors file."""

    index: dict[str, int]
    """Actor id -> position of its first record in data/actors.json."""
    roles: dict[str, list[tuple[int, int, Span, str]]]
    """Document id -> (actor position, role position, span, actor id) of the roles with evidence in it."""


@dataclass
class DocOutcome:
    """What one document file contributes to the corpus-wide checks."""

    rel: str
    findings: list[Finding] = field(default_factory=list)
    doc_id: str | None = None
    """The document id, when the file passed the structural layer (None otherwise)."""
    complete: bool = True
    """False when a record of the file was refused (its ids are unknown)."""
    ids: list[str] = field(default_factory=list)
    """The id of every record, in corpus order."""
    slots: list[int] = field(default_factory=list)
    """For each id: its position in the file's list, shifted left 3 bits, with its kind code in the low bits."""
    refs: list[Ref] = field(default_factory=list)
    """References to ids that are not actor ids, left for the corpus-wide resolution."""
    part_of: list[tuple[str, str, str]] = field(default_factory=list)
    """(event id, parent event id, JSON path) of every part_of link."""
    mentioned: set[str] = field(default_factory=set)
    role_findings: list[Finding] | None = None
    """Findings on actor role spans pointing into this document, when its text was read (the
    corpus keeps those of the first such file of a document id)."""
    records: int = 0


@dataclass
class Checked:
    """A document file that became a model: what the sinks receive."""

    rel: str
    doc: DocumentFile
    text: str | None
    complete: bool


def read_document(root: Traversable | Path, rel: str, report: Report) -> Parsed[DocumentFile] | None:
    """A document file as a model through the strict path (for a second look at its ids)."""
    data = loader.read_bytes(root, rel, report)
    return None if data is None else parse_model(data, rel, DocumentFile, report.findings)


def check_document(root: Traversable | Path, rel: str, actors: Actors, plan: Plan) -> tuple[DocOutcome, Checked | None]:
    """Read and check one document file (``rel`` relative to ``root``)."""
    report = Report(str(root))
    data = loader.read_bytes(root, rel, report)
    if data is None:
        return DocOutcome(rel, report.findings), None
    doc = fast_parse(data)
    if doc is not None:
        outcome = DocOutcome(rel)
        out: list[Finding] = []
        checked = _local(out, report, root, rel, Parsed(doc), actors, outcome, plan)
        if checked is not None and checked[0] == key_ends(data):
            outcome.findings = report.findings + out
            return outcome, checked[1]
        report = Report(str(root))  # a key repeats: start again on the strict path
    outcome = DocOutcome(rel)
    out = []
    parsed = parse_model(data, rel, DocumentFile, report.findings, plan.root)
    if parsed is None:
        outcome.findings = report.findings
        return outcome, None
    checked = _local(out, report, root, rel, parsed, actors, outcome, plan)
    outcome.findings = report.findings + out
    return outcome, None if checked is None else checked[1]


def _local(
    out: list[Finding], report: Report, root: Traversable | Path, rel: str, parsed: Parsed[DocumentFile],
    actors: Actors, outcome: DocOutcome, plan: Plan,
) -> tuple[int, Checked] | None:
    """The document's own rules; returns the number of fields set across its model tree."""
    doc, at = parsed.model, parsed.at
    d = doc.document
    doc_id = d.id
    stem = document_stem(rel)
    if stem != doc_id:
        report.add(loader.name_mismatch(rel, doc_id, stem))
    outcome.doc_id, outcome.complete = doc_id, parsed.complete
    seed = loader.read_seed(root, d.seed, report)
    text = None if seed is None else seed[1]
    if plan.seeds:
        seeds.check(out, rel, d, None if seed is None else seed[0])
    if plan.coverage:
        coverage.check_document(out, rel, doc, at, "mentions" not in parsed.refused)
    if text is not None and "mentions" not in parsed.refused and (plan.arguments or plan.addressees):
        index = Sentences(text, doc.mentions)
        if plan.arguments:
            arguments.check(out, rel, doc, index, at)
        if plan.addressees:
            statements.check_addressees(out, rel, doc, index, at)
    if plan.statements:
        statements.check(out, rel, doc, at)
    if plan.coherence:
        coherence.check(out, rel, doc, at)
    published, fields = visit(out, doc, rel, text, at, plan.rules, parsed.positions is not None)
    if plan.rules.times:
        times.check_future(out, rel, doc, published, at)
        if text is not None:
            times.check_untimed(out, rel, doc, text, at)
    _records(out, doc, rel, outcome, at, plan, parsed.positions)
    if plan.references:
        _refs(out, doc, rel, actors, outcome, at)
    if text is not None and plan.rules.spans:
        role_findings: list[Finding] = []
        for i, j, span, actor_id in actors.roles.get(doc_id, ()):
            spans.check_span(role_findings, span, text, ACTORS_FILE, f"$.actors[{i}].roles[{j}].span", actor_id,
                             doc_id)
        outcome.role_findings = role_findings
    return fields, Checked(rel, doc, text, parsed.complete)


def _records(out: list[Finding], doc: DocumentFile, rel: str, outcome: DocOutcome, at: Callable[[str, int], int],
             plan: Plan, positions: dict[str, list[int]] | None) -> None:
    doc_id = doc.document.id
    groups: tuple[tuple[int, str, Sequence[Mention | Event | Statement]], ...] = (
        (2, "mentions", doc.mentions), (3, "events", doc.events), (4, "statements", doc.statements)
    )
    outcome.records = sum(len(items) for _, _, items in groups)
    for _, name, items in groups:
        if plan.references and any(rec.document != doc_id for rec in items):
            for i, rec in enumerate(items):
                if rec.document != doc_id:
                    misplaced(out, rel, f"$.{name}[{at(name, i)}].document", doc_id, rec.document, rec.id)
    if plan.ids:
        ids, slots = outcome.ids, outcome.slots
        ids.append(doc_id)
        slots.append(KIND_CODES["document"])
        for code, name, items in groups:
            ids.extend([rec.id for rec in items])
            if positions is None or name not in positions:
                slots.extend([i << 3 | code for i in range(len(items))])
            else:
                slots.extend([i << 3 | code for i in positions[name]])
    if plan.mentioned:
        outcome.mentioned = {m.actor for m in doc.mentions}
    if plan.cycles:
        for i, event in enumerate(doc.events):
            for j, link in enumerate(event.links):
                if link.relation == "part_of":
                    path = f"$.events[{at('events', i)}].links[{j}].event"
                    outcome.part_of.append((event.id, link.event, path))


def _refs(
    out: list[Finding], doc: DocumentFile, rel: str, actors: Actors, outcome: DocOutcome, at: Callable[[str, int], int]
) -> None:
    """Resolve references to actor ids here (the actors come first, so they own their ids);
    hand the others on."""
    index = actors.index
    unknown = [i for i, m in enumerate(doc.mentions) if m.actor not in index]
    for i in unknown:
        m = doc.mentions[i]
        outcome.refs.append((m.actor, "actor", f"$.mentions[{at('mentions', i)}].actor", False, m.id))
    for record, (path, target, kind, local) in document_refs(doc, at, mentions=False):
        pos = index.get(target)
        if pos is None:
            outcome.refs.append((target, kind, path, local, record))
        elif kind != "actor":
            wrong_kind(out, rel, path, target, kind, "actor", f"{ACTORS_FILE} $.actors[{pos}]", record)
