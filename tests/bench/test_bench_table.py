"""benchmarks/baselines.py: the results table (docs/benchmarking.md holds it, written by scripts/docs_tables.py)."""

from __future__ import annotations

from pathlib import Path

from _support import REPO, load_script


def test_the_table_has_a_row_per_task_and_baseline(gold_dir: Path) -> None:
    script = load_script(REPO / "benchmarks" / "baselines.py")
    text = script.table(*script.run_all(gold_dir))
    rows = [line for line in text.splitlines() if line.startswith("| statements |")]
    assert [r.split(" | ")[2] for r in rows] == ["trivial", "rules"]
    assert rows[1].split(" | ")[5] == "1.000"  # the rule baseline finds the fixture's one statement exactly
    assert script.table(*script.run_all(gold_dir)) == text  # the same scores on every run


def test_main_prints_the_table(gold_dir: Path, capsys) -> None:
    script = load_script(REPO / "benchmarks" / "baselines.py")
    assert script.main(["--corpus", str(gold_dir)]) == 0
    assert capsys.readouterr().out.strip() == script.table(*script.run_all(gold_dir)).strip()
