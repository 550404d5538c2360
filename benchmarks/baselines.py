"""Score every baseline on a corpus and print the results table.

    python benchmarks/baselines.py                 # print the table for the packaged corpus
    python benchmarks/baselines.py --corpus DIR    # another gold corpus
    python benchmarks/baselines.py --json          # the full score reports
    python scripts/docs_tables.py --write          # write the table into docs/benchmarking.md (with the others)

Each baseline writes its predicted corpus to a temporary folder (as `communique baseline NAME
--out DIR` does), the folder is validated and then scored with `communique.score`, exactly as
`communique score DIR` would score it.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

import communique
from communique.baselines import BASELINES, write_baseline
from communique.scoring import TASKS, ScoreReport


def run_all(corpus_dir: Path | None) -> tuple[communique.Corpus, dict[str, ScoreReport]]:
    gold = communique.load(corpus_dir)
    reports = {}
    with tempfile.TemporaryDirectory(prefix="communique-baselines-") as tmp:
        for name in BASELINES:
            out = Path(tmp) / name
            write_baseline(name, gold, out)
            findings = communique.validate(out)
            if not findings.ok:
                raise SystemExit(f"baseline {name} wrote an invalid corpus: {findings.errors[0].describe()}")
            reports[name] = communique.score(gold, communique.load(out))
    return gold, reports


def _cells(report: ScoreReport, task: str) -> list[str]:
    s = report[task]
    if s.strict.tp + s.strict.fn == 0:
        return ["–"] * 6
    return [f"{x:.3f}" for c in (s.strict, s.lenient) for x in (c.precision, c.recall, c.f1)]


def table(gold: communique.Corpus, reports: dict[str, ScoreReport]) -> str:
    first = next(iter(reports.values()))
    lines = [
        f"Scores on {gold.info.name} {gold.version} ({len(gold.files)} document(s)); "
        "precision, recall and F1, micro-averaged. – marks a task the corpus has no gold units of yet.",
        "",
        "| Task | Gold units | Baseline | Strict P | Strict R | Strict F1 | Lenient P | Lenient R | Lenient F1 |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for task in TASKS:
        units = first[task].strict.tp + first[task].strict.fn
        for name, report in reports.items():
            lines.append(f"| {task} | {units} | {name} | " + " | ".join(_cells(report, task)) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="gold corpus directory (default: the packaged corpus)")
    parser.add_argument("--json", action="store_true", help="print every score report as JSON")
    args = parser.parse_args(argv)
    gold, reports = run_all(args.corpus)
    if args.json:
        dump: dict[str, Any] = {name: r.to_dict() for name, r in reports.items()}
        print(json.dumps(dump, indent=2))
        return 0
    print(table(gold, reports))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
