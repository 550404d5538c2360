"""benchmarks/resolve.py: a smoke run produces every figure (speed itself is read from the benchmark, not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_resolve_benchmark_smoke_run_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "resolve.py"), "--smoke", "--repeat", "1", "--json", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["growth"] > 0
    assert [row["seed_kib"] for row in figures["sizes"]] == [16, 64]
    for row in figures["sizes"]:
        assert row["candidates_per_quote"] > 0 and row["ratio"] > 0 and row["resolve_ms_per_quote"] > 0
