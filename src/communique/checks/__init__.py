"""Reference (E2xx) and semantic (E3xx, W4xx) checks over a structurally valid reading.

Each module checks one concept and adds findings to a shared :class:`~._context.Context`;
:func:`run_checks` runs them all, so every problem is reported at once.
"""

from __future__ import annotations

from ..loader import Reading
from . import coverage, cycles, ids, references, seeds, spans, times, values
from ._context import build

CHECKS = (ids, references, cycles, seeds, spans, times, values, coverage)
"""The check modules, in the order their findings are gathered."""


def run_checks(reading: Reading) -> None:
    """Add every reference and semantic finding to ``reading.report``."""
    ctx = build(reading)
    for module in CHECKS:
        module.check(ctx)
    reading.report.extend(ctx.findings)
