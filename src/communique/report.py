"""Validation findings and the report that collects them.

A :class:`Finding` has a stable code (see :mod:`communique.codes`), a severity, and a location:
the file, the line where known, the record id and a JSON path inside the file.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with control, bidi-override and surrogate characters written as escapes ('\\x1b'):
    what a terminal would act on (move the cursor, recolour, reorder the line) is shown, not done."""
    return _UNPRINTABLE.sub(lambda m: ascii(m.group())[1:-1], text)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem found in a corpus."""

    file: str
    """Path of the file, relative to the corpus directory ('data/documents/x.json')."""
    path: str
    """JSON path inside the file ('$.events[3].triggers[0].end'); '$' for the whole file."""
    code: str
    """Stable code such as 'E301'."""
    message: str
    """What is wrong: what was expected and what was found."""
    severity: Severity = "error"
    record: str | None = None
    """Id of the record concerned, when there is one."""
    line: int | None = None
    """1-based line in the file, when known."""
    expected: str | None = None
    found: str | None = None

    def describe(self) -> str:
        """A one-line human-readable rendering: location, code and message.

        Control characters, bidirectional overrides and unpaired surrogates taken from data are
        shown as escapes, so a finding never moves the cursor, recolours a terminal or reorders text.
        """
        where = self.file + (f":{self.line}" if self.line else "")
        rec = f" [{self.record}]" if self.record else ""
        return printable(f"{where} {self.path}{rec}: {self.code} {self.message}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_INDEX = re.compile(r"\[(\d+)\]")


def path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """A JSON path as a sort key that orders list indices as numbers ('[9]' before '[10]')."""
    parts = _INDEX.split(path)
    return tuple((1, int(part)) if i % 2 else (0, part) for i, part in enumerate(parts))


def _sort_key(f: Finding) -> tuple[object, ...]:
    # Optional fields are compared as (is set, value) so None never meets an int or a str.
    return tuple((v is not None, v) for v in (f.file, path_key(f.path), f.code, f.message, f.severity, f.record,
                                               f.line, f.expected, f.found))


@dataclass
class Report:
    """Everything validation found, in a stable order."""

    root: str
    findings: list[Finding] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings: list[Finding]) -> None:
        self.findings.extend(findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def sorted(self) -> Report:
        """Deduplicated and in a stable order (file, JSON path with indices as numbers, code...; None sorts first)."""
        return Report(self.root, sorted(set(self.findings), key=_sort_key))

    def to_dict(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "valid": self.ok,
            "error_count": len(self.errors),
            "warning_count": len(self.warnings),
            "findings": [f.to_dict() for f in self.findings],
        }
