"""The registry of validation finding codes.

Codes are stable: once released, a code keeps its meaning. E1xx are structure (files, JSON,
the record format), E2xx references between records, E3xx semantics (spans against the text,
dates, hashes), W4xx quality warnings. The table in README.md ("Finding codes") lists the same
codes; a test checks both directions.
"""

from __future__ import annotations

from dataclasses import dataclass

from .report import Severity


@dataclass(frozen=True)
class Code:
    code: str
    slug: str
    severity: Severity
    summary: str


_CODES = [
    # E1xx structure: files, JSON, the record format
    Code("E100", "missing-file", "error", "a required file or folder is missing"),
    Code("E101", "unreadable-file", "error", "a file cannot be read (permissions, I/O, not a file, not UTF-8)"),
    Code("E102", "invalid-json", "error", "not strict JSON: syntax, BOM, bad UTF-8, duplicate keys, NaN, limits"),
    Code("E103", "schema-violation", "error", "a value does not match the record format (type, enum, pattern, field)"),
    Code("E104", "unsupported-schema-version", "error", "the file's schema_version is not one this package reads"),
    Code("E105", "file-name-mismatch", "error", "a document file's name differs from its document id"),
    Code("E106", "checksum-mismatch", "error", "a file differs from the checksum recorded in MANIFEST.json"),
    Code("E107", "symlink-loop", "error", "a symbolic link loops (to itself, or to a folder that holds it)"),
    # E2xx references between records
    Code("E200", "duplicate-id", "error", "the same id is used by two records (in one file or across files)"),
    Code("E201", "case-colliding-id", "error", "two ids differ only in letter case"),
    Code("E202", "dangling-reference", "error", "a reference names an id that no record has"),
    Code("E203", "wrong-kind-reference", "error", "a reference names a record of the wrong kind"),
    Code("E204", "cross-document-reference", "error", "a record refers to a document or event other than its own"),
    Code("E205", "circular-reference", "error", "links form a cycle (event part_of, group members)"),
    # E3xx semantics: spans against the text, dates, hashes, values
    Code("E300", "span-out-of-bounds", "error", "a span starts or ends outside the document text"),
    Code("E301", "span-reversed", "error", "a span ends before it starts, or is empty"),
    Code("E302", "span-text-mismatch", "error", "a span's text differs from the document text at its offsets"),
    Code("E303", "seed-hash-mismatch", "error", "a seed file's SHA-256 differs from the document record"),
    Code("E304", "invalid-date", "error", "a date or time value is not a real ISO 8601 calendar value"),
    Code("E305", "reversed-interval", "error", "an interval's start is after its end"),
    Code("E306", "precision-mismatch", "error", "a time value's granularity differs from its precision"),
    Code("E307", "actor-not-mentioned", "error", "no document mentions the actor"),
    Code("E308", "invalid-quantity", "error", "a quantity's bounds contradict its qualifier"),
    Code("E309", "inconsistent-anchor", "error", "time anchor vs anchor_event, or attribution kind vs actor, disagree"),
    Code("E310", "seed-name-mismatch", "error", "a document's seed file name differs from its id"),
    # W4xx quality warnings
    Code("W400", "argument-not-mention", "warning", "an argument or speaker span is not a mention of its actor"),
    Code("W401", "duplicate-mention", "warning", "the same actor is mentioned twice at the same span"),
    Code("W402", "untrimmed-span", "warning", "a span starts or ends with white space"),
    Code("W403", "future-event-asserted", "warning", "an asserted event is dated after the publication date"),
]

CODES: dict[str, Code] = {c.code: c for c in _CODES}


def register(*codes: Code) -> None:
    """Add codes to the registry (used by the modules that define checks)."""
    for c in codes:
        if c.code in CODES and CODES[c.code] != c:
            raise ValueError(f"finding code {c.code} registered twice with different meanings")
        CODES[c.code] = c
