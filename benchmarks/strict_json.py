"""Cost of strict JSON reading, as a ratio against the standard library's json.loads.

    python benchmarks/strict_json.py              # the corpus's document files and a synthetic 20 MB file
    python benchmarks/strict_json.py --mb 50      # a larger synthetic file

Strict reading (communique.jsonio.loads) adds duplicate-key, NaN, 64-bit and depth checks to
json.loads; the ratio says what that costs on the same bytes in the same run.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from timing import best

from communique import jsonio

ROOT = Path(__file__).resolve().parents[1]


def synthetic(megabytes: float) -> bytes:
    record = {
        "id": "doc0001-m0001",
        "document": "doc0001",
        "actor": "actor0001",
        "span": {"start": 1234, "end": 1240, "text": "Paris \u201cquoted\u201d [not nesting]"},
        "kind": "name",
    }
    one = json.dumps(record, ensure_ascii=False).encode("utf-8")
    count = int(megabytes * 1024 * 1024 / (len(one) + 2))
    return b'{"mentions": [' + b", ".join([one] * count) + b"]}"


def measure(name: str, data: bytes, repeat: int) -> dict[str, Any]:
    baseline = best(lambda: json.loads(data), repeat)
    strict = best(lambda: jsonio.loads(data), repeat)
    parsed = json.loads(data)
    depth = best(lambda: jsonio._nesting(parsed), repeat)
    return {
        "input": name,
        "bytes": len(data),
        "json_loads_s": round(baseline, 4),
        "jsonio_loads_s": round(strict, 4),
        "ratio": round(strict / baseline, 2),
        "depth_scan_share": round(depth / strict, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the synthetic file in MiB")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = [measure(p.relative_to(ROOT).as_posix(), p.read_bytes(), args.repeat * 3)
            for p in sorted((ROOT / "data" / "documents").glob("*.json"))]  # fmt: skip
    rows.append(measure(f"synthetic {args.mb:g} MiB", synthetic(args.mb), args.repeat))
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
