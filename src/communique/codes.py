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
    # E1xx structure
    Code("E100", "missing-file", "error", "a required file or folder is missing"),
    Code("E101", "unreadable-file", "error", "a file cannot be read (permissions, I/O, not a file)"),
    Code("E102", "invalid-json", "error", (
        "a file is not strict JSON (syntax, BOM, UTF-8, duplicate keys, NaN, limits)"
    )),
    Code("E103", "schema-violation", "error", (
        "a value does not match the record format (type, enum, pattern, unknown field)"
    )),
    Code("E104", "unsupported-schema-version", "error", "the file's schema_version is not one this package reads"),
    Code("E105", "file-name-mismatch", "error", "a document file's name differs from its document id"),
]

CODES: dict[str, Code] = {c.code: c for c in _CODES}


def register(*codes: Code) -> None:
    """Add codes to the registry (used by the modules that define checks)."""
    for c in codes:
        if c.code in CODES and CODES[c.code] != c:
            raise ValueError(f"finding code {c.code} registered twice with different meanings")
        CODES[c.code] = c
