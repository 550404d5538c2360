"""How long the HTML view takes to render, as a ratio to loading the corpus it draws.

    python benchmarks/view.py              # the packaged corpus's first document, 20 rounds
    python benchmarks/view.py --rounds 50  # more rounds
    python benchmarks/view.py --pred       # beside the rules baseline's predictions, scored

The baseline, measured in the same run, is ``communique.load()`` of the packaged corpus
(reading, parsing and validating every file); the figure is the median render time divided
by the median load time, so it does not depend on the speed of the machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import communique
from communique.baselines import write_baseline


def median_seconds(work: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pred", action="store_true", help="render beside the rules baseline's predictions")
    args = parser.parse_args()
    corpus = communique.load()
    doc = corpus.documents[0]
    with tempfile.TemporaryDirectory(prefix="communique-view-") as tmp:
        pred = None
        if args.pred:
            write_baseline("rules", corpus, Path(tmp) / "rules")
            pred = communique.load(Path(tmp) / "rules")
        load = median_seconds(communique.load, args.rounds)
        render = median_seconds(lambda: communique.render_html(doc.id, corpus, pred), args.rounds)
        size = len(communique.render_html(doc.id, corpus, pred).encode("utf-8"))
    f = corpus.file(doc.id)
    print(f"document {doc.id}: {len(doc.text)} characters, {len(f.mentions)} mentions, {len(f.events)} events, "
          f"{len(f.statements)} statements{' (beside the rules baseline)' if args.pred else ''}")
    print(f"load corpus (baseline): {load * 1000:.1f} ms median of {args.rounds}")
    print(f"render_html:            {render * 1000:.1f} ms median of {args.rounds}")
    print(f"ratio render/load:      {render / load:.2f}")
    print(f"page size:              {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
