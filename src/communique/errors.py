"""The one exception root of the package and its subclasses.

Every error a user can cause is a :class:`CommuniqueError`; its message says what was wrong,
where, and what to do about it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .report import Finding, Report


class CommuniqueError(Exception):
    """Root of every error raised by communique."""


class DatasetNotFoundError(CommuniqueError):
    """The path given is not a corpus directory (no data/ folder with corpus.json)."""


class CorpusInvalidError(CommuniqueError):
    """The corpus failed validation; ``report`` holds every finding."""

    def __init__(self, report: Report) -> None:
        self.report = report
        errors = report.errors
        first = "; ".join(f.describe() for f in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        super().__init__(
            f"the corpus is invalid: {len(errors)} error(s): {first}{more}. "
            "Run `communique validate` on it for the full report."
        )


class IntegrityError(CommuniqueError):
    """A shipped file does not match the checksum recorded in the manifest.

    ``findings`` holds one E106 (or E100) finding per file that differs, each naming the file
    and both hashes.
    """

    def __init__(self, message: str, findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.findings = list(findings or [])


class UnsafePathError(CommuniqueError, ValueError):
    """A name taken from data is not a plain id and cannot safely name a file."""


class SpanResolutionError(CommuniqueError):
    """A quoted span could not be resolved to one place in the text."""


class ScoringError(CommuniqueError):
    """Predictions cannot be scored against the gold corpus (other documents or texts, broken references)."""


class OutputError(CommuniqueError):
    """An output cannot be written, or would replace something the package did not write."""
