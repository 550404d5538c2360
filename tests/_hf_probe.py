"""Load release configs with ``datasets.load_dataset`` in a fresh process; write the rows as JSON.

Run by the tests with an isolated environment (fresh HF_HOME, offline or pointed at a local
Hub server), so that no setting or cache of the test process leaks into the load::

    python _hf_probe.py SOURCE OUT.json --configs a,b [--stream c,d] [--revision R]

``--configs`` are loaded whole (key: the config), ``--stream`` with streaming=True (key: 'c:streaming').
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("out", type=Path)
    parser.add_argument("--configs", default="")
    parser.add_argument("--revision")
    parser.add_argument("--stream", default="", help="configs to load with streaming=True")
    args = parser.parse_args(argv)

    import datasets

    datasets.disable_progress_bars()
    kwargs: dict[str, object] = {"split": "test"}
    if args.revision:
        kwargs["revision"] = args.revision
    rows: dict[str, list[object]] = {}
    for name in filter(None, args.configs.split(",")):
        rows[name] = datasets.load_dataset(args.source, name, **kwargs).to_list()
    for name in filter(None, args.stream.split(",")):
        rows[f"{name}:streaming"] = list(datasets.load_dataset(args.source, name, streaming=True, **kwargs))
    args.out.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
