"""The registry of validation finding codes, each with its message template.

Codes are stable: once released, a code keeps its meaning. E1xx are structure (files, JSON,
the record format), E2xx references between records, E3xx semantics (spans against the text,
dates, hashes), W4xx quality warnings, E5xx the files of other formats being imported
(:mod:`communique.formats`). The documentation's finding-codes page (docs/codes.md) is
generated from this registry by scripts/docs_tables.py; a test fails when it is stale.

Every finding's message is its code's template filled in with the finding's fields
(:func:`finding`), so a code is worded in one place. Where a field is another tool's own
diagnosis (the operating system's error, the JSON parser's, pydantic's ``msg``), it is a field
of the code's sentence, never the whole message.
"""

from __future__ import annotations

from dataclasses import dataclass

from .report import Finding, Severity


@dataclass(frozen=True)
class Code:
    code: str
    slug: str
    severity: Severity
    summary: str
    template: str
    """The message, a :meth:`str.format` template over the finding's fields: a fixed sentence
    saying what is wrong and what was expected, the finding's particulars as fields."""


_CODES = [
    # E1xx structure: files, JSON, the record format
    Code("E100", "missing-file", "error", "a required file or folder is missing",
         "missing {kind} {name}{why}; expected it in the corpus directory{hint}"),
    Code("E101", "unreadable-file", "error", "a file cannot be read (permissions, I/O, not a file, not UTF-8)",
         "cannot read {name}: {reason}"),
    Code("E102", "invalid-json", "error", "not strict JSON: syntax, BOM, bad UTF-8, duplicate keys, NaN, limits",
         "cannot parse {name}: {reason}"),
    Code("E103", "schema-violation", "error", "a value does not match the record format (type, enum, pattern, field)",
         "{problem} (found {value})"),
    Code("E104", "unsupported-schema-version", "error", "the file's schema_version is not one this package reads",
         "schema_version {version!r} is not readable by this package, which reads 1.x; expected 1.x, or a "
         "newer package for a newer format: `pip install --upgrade communique`"),
    Code("E105", "file-name-mismatch", "error", "a document file's name differs from its document id",
         "document file {name!r} is not named after {subject}; expected {wanted}"),
    Code("E106", "checksum-mismatch", "error", "a file differs from the checksum recorded in MANIFEST.json",
         "{name} differs from MANIFEST.json: found {actual}, expected {recorded}{hint}"),
    Code("E107", "symlink-loop", "error", "a symbolic link loops (to itself, or to a folder that holds it)",
         "{name} is a symbolic link loop ({loop}); it was not followed"),
    Code("E108", "unresolved-quote", "error", "a span is still written as a quote instead of offsets",
         "span is written as a quote ({quote}); expected offsets: run `{command}` to resolve it"),
    # E2xx references between records
    Code("E200", "duplicate-id", "error", "the same id is used by two records (in one file or across files)",
         "id {rid!r} is already used by {where}; expected an id unique in the corpus"),
    Code("E201", "case-colliding-id", "error", "two ids differ only in letter case",
         "id {rid!r} differs only in letter case from {other!r} ({where}); "
         "expected ids that stay distinct on case-insensitive file systems"),
    Code("E202", "dangling-reference", "error", "a reference names an id that no record has",
         "reference to {kind} {target!r}, but no record has that id; expected the id of an existing {kind}"),
    Code("E203", "wrong-kind-reference", "error", "a reference names a record of the wrong kind",
         "reference {target!r} names {a_found_kind} ({where}); expected the id of {a_kind}"),
    Code("E204", "cross-document-reference", "error", "a record refers to a document or event other than its own",
         "{kind} {target!r} belongs to document {found_doc!r}; expected {a_kind} of document {home!r}"),
    Code("E205", "circular-reference", "error", "links form a cycle (event part_of, group members)",
         "{what} form a cycle: {chain}; expected no record to reach itself"),
    # E3xx semantics: spans against the text, dates, hashes, values
    Code("E300", "span-out-of-bounds", "error", "a span starts or ends outside the document text",
         "span {start}-{end} goes past the end of the text of document {doc_id!r} ({size} characters); "
         "expected offsets within 0..{size}"),
    Code("E301", "span-reversed", "error", "a span ends before it starts, or is empty",
         "span ends at {end}, not after its start {start}; expected end > start"),
    Code("E302", "span-text-mismatch", "error", "a span's text differs from the document text at its offsets",
         "span text differs from the text of document {doc_id!r} at {start}-{end}: "
         "expected {actual}, found {text}"),
    Code("E303", "seed-hash-mismatch", "error", "a seed file's SHA-256 differs from the document record",
         "sha256 differs from the bytes of seeds/{seed} (the seed changed or the hash is wrong): "
         "expected {digest}, found {sha256}"),
    Code("E304", "invalid-date", "error", "a date or time value is not a real ISO 8601 calendar value",
         "{error}: expected a real ISO 8601 calendar value, found {value!r}"),
    Code("E305", "reversed-interval", "error", "an interval's start is after its end",
         "interval {value!r} starts after it ends; expected start <= end"),
    Code("E306", "precision-mismatch", "error", "a time value's granularity differs from its precision",
         "precision is {precision!r} but the {what} {part!r} has {granularity} granularity; "
         "expected precision {granularity!r}"),
    Code("E307", "actor-not-mentioned", "error", "no document mentions the actor",
         "actor {actor!r} has no mention in any document; expected at least one mention (or remove the actor)"),
    Code("E308", "invalid-quantity", "error", "a quantity's bounds contradict its qualifier",
         "upper is {upper} with qualifier {qualifier!r} and value {value}; expected {rule}"),
    Code("E309", "inconsistent-anchor", "error", "time anchor vs anchor_event, or attribution kind vs actor, disagree",
         "{name} is {value} but {other} is {other_value!r}; expected {rule}"),
    Code("E310", "seed-name-mismatch", "error", "a document's seed file name differs from its id",
         "seed file is {seed!r}; expected {expected_name!r} (the document id plus '.txt')"),
    # W4xx quality warnings
    Code("W400", "argument-not-mention", "warning", "an argument or speaker span is not a mention of its actor",
         "span {text!r} at {start}-{end} is not a mention of actor {actor!r}; "
         "expected the span of one of that actor's mentions"),
    Code("W401", "duplicate-mention", "warning", "the same actor is mentioned twice at the same span",
         "mention repeats {other!r}: actor {actor!r} at {start}-{end}; expected one mention per actor and span"),
    Code("W402", "untrimmed-span", "warning", "a span starts or ends with white space",
         "span {actual} starts or ends with white space; expected a span trimmed to {trimmed}"),
    Code("W403", "future-event-asserted", "warning", "an asserted event is dated after the publication date",
         "event is asserted as having happened but is dated {value!r}, after the publication date "
         "{published!r}; expected factuality planned, hypothetical or uncertain, or an earlier date"),
    Code("W410", "possessive-argument-span", "warning",
         "an argument span is a possessive pronoun while a name of its actor stands in the sentence",
         "{role} {actor!r} is the possessive {text!r} at {start} while {mention} ({name!r} at {name_start}) "
         "stands in the same sentence; expected the span of the full mention"),
    Code("W411", "null-argument-span", "warning",
         "an argument has no span while its actor is mentioned in the sentence of a trigger",
         "{role} {actor!r} has no span while {mention} ({text!r} at {start}) stands in the sentence of "
         "trigger {trigger!r}; expected the span of that mention"),
    Code("W412", "statement-about-own-act", "warning", "a statement's about lists its own speech act",
         "about lists {event!r}, whose trigger is the statement's own cue {cue!r} at {start}; "
         "expected only the events the statement reports, not its speech act"),
    Code("W413", "war-without-violence", "warning",
         "an armed conflict with no actual attack or death of its participants in the document",
         "{type} event, but no asserted or reported attack (agent or target) or death (victim) involves its "
         "participants ({parties}); expected a type that is not armed conflict, or the violence linked"),
    Code("W414", "death-without-killer", "warning", "a death has no agent while the event that caused it has one",
         "death has no agent while its cause {cause!r} has agent {agent!r}; expected agent {agent!r}"),
    Code("W415", "author-source-inside-statements", "warning",
         "an event in the author's voice whose every trigger lies inside statements",
         "{type} event is in the author's voice while every trigger lies inside the content of a statement; "
         "expected source 'named' (the speaker of the statement holding the first trigger), unless the "
         "author reports the speech act itself"),
    Code("W416", "named-source-without-statement", "warning",
         "a named source names no statement while one by the same actor is about the event",
         "source is {actor!r} without a statement, while {statement!r} by {actor!r} is about this event; "
         "expected source.statement {statement!r}"),
    Code("W417", "bound-equal-to-anchor", "warning",
         "a before/after time bound equals the time of its anchor event",
         "time is {mod!r} {value!r} ({precision}), the same value as its anchor event {anchor!r}: the bound "
         "contradicts its anchor; expected the anchor's time with mod null, or a value {mod} it"),
    Code("W419", "addressee-not-in-text", "warning",
         "a statement's addressee is not named in its sentence outside quoted content",
         "addressee {actor!r} of cue {cue!r} at {start} has no mention in the sentence outside the content "
         "of every statement; expected only actors the text says are spoken to"),
    Code("W420", "dated-modifier-untimed", "warning",
         "an event has no time while a time expression directly follows a trigger",
         "event has no time while {expression!r} at {start} directly follows trigger {trigger!r}; "
         "expected the time that expression gives"),
    # E5xx the files of other formats being imported (communique.formats)
    Code("E500", "format-unreadable", "error",
         "an import has no file of its format, or one that cannot be read or parsed",
         "cannot import {name}: {reason}"),
    Code("E501", "format-violation", "error", "a record of an import does not follow its format's layout",
         "{problem}; expected {layout}"),
    Code("E502", "format-offset-mismatch", "error", "an imported span's text differs from the text at its offsets",
         "text {text} differs from the {source} at {offsets}; expected {actual}"),
    Code("E503", "format-dangling-reference", "error", "an imported record refers to an annotation the input lacks",
         "{referrer} refers to {target!r}, which is not in {holder}; expected {wanted}"),
    Code("W504", "format-unmapped-label", "warning", "an imported label has no Communiqué counterpart and is left out",
         "{what} {label!r} has no Communiqué counterpart{why}; it is left out"),
    Code("W505", "format-annotation-not-imported", "warning",
         "an annotation of an export's files has no record in its sidecar and is not imported",
         "annotation {ident!r} ({text!r} at {start}-{end}) has no record in {sidecar} and is not imported: the "
         "sidecar's records are the corpus; expected only the export's annotations, or, to read every "
         "annotation of the files as a draft corpus, the import without {sidecar}"),
]

CODES: dict[str, Code] = {c.code: c for c in _CODES}


def register(*codes: Code) -> None:
    """Add codes to the registry (used by the modules that define checks)."""
    for c in codes:
        if c.code in CODES and CODES[c.code] != c:
            raise ValueError(f"finding code {c.code} registered twice with different meanings")
        CODES[c.code] = c


def a(noun: str) -> str:
    """``noun`` with its indefinite article ('an event', 'a mention')."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def finding(
    code: str,
    file: str,
    path: str,
    *,
    record: str | None = None,
    line: int | None = None,
    expected: str | None = None,
    found: str | None = None,
    **fields: object,
) -> Finding:
    """The finding ``code`` at ``file`` ``path``, its message the code's template over ``fields``."""
    entry = CODES[code]
    return Finding(file, path, code, message(code, **fields), entry.severity, record, line, expected, found)


def message(code: str, **fields: object) -> str:
    """The message of ``code`` over ``fields`` (an exception that may become a finding words itself so)."""
    return CODES[code].template.format(**fields)
