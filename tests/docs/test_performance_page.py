"""docs/performance.md is exactly what benchmarks/run.py --docs wrote from the figures beside it."""

from __future__ import annotations

import json

from pages import DOCS

from _support import REPO, load_script


def test_the_committed_page_is_rendered_from_its_figures() -> None:
    perf_page = load_script(REPO / "benchmarks" / "perf_page.py")
    figures = json.loads((DOCS / "performance.json").read_text(encoding="utf-8"))
    assert (DOCS / "performance.md").read_text(encoding="utf-8") == perf_page.render(figures), (
        "docs/performance.md was edited by hand or its template changed: run python benchmarks/run.py --docs "
        "docs/performance.md"
    )


def test_the_page_names_its_machine_date_and_command() -> None:
    figures = json.loads((DOCS / "performance.json").read_text(encoding="utf-8"))
    text = (DOCS / "performance.md").read_text(encoding="utf-8")
    assert figures["run"]["command"].startswith("python benchmarks/run.py")
    for fact in (figures["run"]["command"], figures["run"]["date"], figures["details"]["machine"]["cpu"]):
        assert fact in text


def test_a_goal_missed_is_said_so() -> None:
    perf_page = load_script(REPO / "benchmarks" / "perf_page.py")
    rows = perf_page.figures_table({"jobs_speedup": 1.2, "rss_10x": 1.1, "cpu_scaling": 1.5})
    assert rows[2:] == ["| `jobs_speedup` | >= 1.6 | 1.20 | **no** |", "| `rss_10x` | <= 1.3 | 1.10 | yes |",
                        "| `cpu_scaling` |  | 1.50 |  |"]  # fmt: skip
