"""Reference (E2xx) and semantic (E3xx, W4xx) checks over a structurally valid reading."""

from __future__ import annotations

from ..loader import Reading


def run_checks(reading: Reading) -> None:
    """Add every reference and semantic finding to ``reading.report``."""
