"""A progress bar for long runs: counts and rate on a terminal, nothing otherwise."""

from __future__ import annotations

import time

from ._output import is_terminal, status

WIDTH = 30
INTERVAL = 0.1
"""Seconds between redraws."""


class ProgressBar:
    """Draws ``[#####.....] 1200/5000 files  38000 records  9500 records/s`` on standard error."""

    def __init__(self, label: str, quiet: bool = False) -> None:
        self.label = label
        self.enabled = not quiet and is_terminal()
        self.start = time.monotonic()
        self.last = 0.0
        self.drawn = False
        self.records = 0
        self.closed = False

    def __call__(self, done: int, total: int, records: int) -> None:
        self.records = records
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self.last < INTERVAL:
            return
        self.last = now
        self.drawn = True
        status(self.line(done, total, records, now - self.start))

    @staticmethod
    def rate(records: int, seconds: float) -> str:
        return f"{records / seconds:,.0f} records/s" if seconds > 0 else "- records/s"

    def line(self, done: int, total: int, records: int, seconds: float) -> str:
        filled = WIDTH * done // total if total else WIDTH
        bar = "#" * filled + "." * (WIDTH - filled)
        return f"{self.label} [{bar}] {done}/{total} files  {records:,} records  {self.rate(records, seconds)}"

    def close(self, records: int | None = None) -> None:
        """End the bar with the elapsed time and overall rate (terminal only); ``records`` defaults
        to the last count drawn. A second call does nothing."""
        if records is None:
            records = self.records
        if self.enabled and not self.closed:
            seconds = time.monotonic() - self.start
            status(f"{self.label}: {records:,} records in {seconds:.1f} s ({self.rate(records, seconds)})", final=True)
        self.closed = True
