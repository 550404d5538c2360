"""`communique resolve` on its adversarial shape: time per quote against a plain scan, 64 KB to 4 MB seeds.

    python benchmarks/resolve.py                 # seeds of 64 KB, 256 KB, 1 MB and 4 MB
    python benchmarks/resolve.py --smoke         # 16 KB and 64 KB: checks that every figure is produced
    python benchmarks/resolve.py --kib 64 256    # chosen sizes only
    python benchmarks/resolve.py --json FILE

The seed is one word repeated (``"word word word ..."``); the document's quotes name that word
with a prefix, or a suffix, found nowhere. Every occurrence is a candidate that must be checked
and none matches: the worst case for quote matching. Each size runs the whole command
(``resolve_file``: reading the seed and the document, every quote, the error report) and, in the
same run on the same text, the floor any matcher pays: a ``str.find`` loop that visits every
occurrence of the word and checks nothing. ``ratio`` is resolve's time per quote over the floor's
time per scan; it stays flat as the seed grows when resolve is linear in the seed (each candidate
checked at a fixed cost), and grows with the seed when it is not (a prefix checked by slicing the
text before each candidate made it grow 64-fold from 64 KB to 4 MB). ``growth`` is the largest
seed's ratio over the smallest's.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from timing import best

from communique import jsonio
from communique.authoring import add_document, resolve_file
from communique.errors import SpanResolutionError

SIZES = {"full": (64, 256, 1024, 4096), "smoke": (16, 64)}
"""Seed sizes in KiB."""
WORD = "word"
QUOTES = ({"quote": WORD, "prefix": "nowhere "}, {"quote": WORD, "suffix": " nowhere"}, {"quote": WORD, "prefix": "x"})


def corpus(folder: Path, kib: int) -> tuple[Path, Path, str]:
    """A corpus with one seed of ``kib`` KiB of the word and one document quoting it adversarially."""
    (folder / "data" / "documents").mkdir(parents=True)
    text = (WORD + " ") * (kib * 1024 // (len(WORD) + 1))
    source = folder / "source.txt"
    source.write_text(text, encoding="utf-8")
    doc_id = add_document(folder, source, doc_id="doc")
    path = folder / "data" / "documents" / f"{doc_id}.json"
    record = json.loads(path.read_bytes())
    record["mentions"] = [
        {"id": f"doc-m{i}", "actor": "a", "kind": "name", "span": dict(q)} for i, q in enumerate(QUOTES)
    ]
    path.write_text(jsonio.dumps(record), encoding="utf-8")
    return folder, path, text


def resolve_once(root: Path, path: Path) -> None:
    try:
        resolve_file(root, path)
    except SpanResolutionError as exc:
        if str(exc).count("does not occur") != len(QUOTES):
            raise SystemExit(f"resolve disagrees with the shape: {exc}") from None
    else:
        raise SystemExit("a quote that occurs nowhere was resolved")


def scan(text: str) -> int:
    """The floor: visit every occurrence of the word once."""
    count, index = 0, text.find(WORD)
    while index != -1:
        count += 1
        index = text.find(WORD, index + 1)
    return count


def measure(sizes: tuple[int, ...], work: Path, repeat: int) -> dict[str, Any]:
    rows = []
    for kib in sizes:
        root, path, text = corpus(work / f"seed-{kib}", kib)
        t_resolve = best(partial(resolve_once, root, path), repeat) / len(QUOTES)
        t_scan = best(partial(scan, text), repeat)
        rows.append({
            "seed_kib": kib,
            "candidates_per_quote": scan(text),
            "resolve_ms_per_quote": round(t_resolve * 1000, 3),
            "scan_ms": round(t_scan * 1000, 3),
            "ratio": round(t_resolve / t_scan, 3),
            "ns_per_candidate": round(t_resolve / scan(text) * 1e9, 1),
        })
    return {"growth": round(rows[-1]["ratio"] / rows[0]["ratio"], 3), "sizes": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, for a correctness check")
    parser.add_argument("--kib", type=int, nargs="+", metavar="N", help="seed sizes in KiB (default: 64 256 1024 4096)")
    parser.add_argument("--repeat", type=int, default=5, help="best of this many runs (default: 5)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="communique-bench-resolve-") as tmp:
        sizes = tuple(args.kib) if args.kib else SIZES["smoke" if args.smoke else "full"]
        figures = measure(sizes, Path(tmp), args.repeat)
    print(f"resolve, adversarial quotes: growth of the ratio from smallest to largest seed {figures['growth']:.2f}")
    for row in figures["sizes"]:
        print(f"  {row['seed_kib']:>5} KiB  {row['candidates_per_quote']:>8} candidates  "
              f"{row['resolve_ms_per_quote']:>9.3f} ms/quote  scan {row['scan_ms']:>8.3f} ms  "
              f"ratio {row['ratio']:6.2f}  {row['ns_per_candidate']:6.1f} ns/candidate")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
