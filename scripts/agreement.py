"""Inter-annotator agreement between two independent annotation passes, layer by layer.

    python scripts/agreement.py [PASS_A PASS_B] [--json FILE] [--markdown] [--diff]

PASS_A and PASS_B are corpus directories holding data/ (seeds are read from the repository's
seeds/ when the pass has none). Defaults: agreement/pass1 and agreement/pass2.

The figures are counted by :mod:`communique.scoring.agreement`, with the benchmark scorer's own
units and maximum one-to-one matching: pass A plays gold, pass B the prediction.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import communique
from communique.corpus import Corpus
from communique.scoring import agreement as measure


def read_pass(path: Path) -> Corpus:
    """Load a pass, validated in full, with the repository's seeds when it has none of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(path / "data", root / "data")
        shutil.copytree(path / "seeds" if (path / "seeds").is_dir() else ROOT / "seeds", root / "seeds")
        try:
            return communique.load(root, verify=False)
        except communique.CommuniqueError as exc:
            raise SystemExit(f"{path}: cannot read the pass: {exc}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("a", nargs="?", type=Path, default=ROOT / "agreement" / "pass1")
    parser.add_argument("b", nargs="?", type=Path, default=ROOT / "agreement" / "pass2")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this file")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--diff", action="store_true", help="list every difference (strict matching), for adjudication")
    args = parser.parse_args(argv)
    pa, pb = read_pass(args.a), read_pass(args.b)
    if args.diff:
        print("\n".join(measure.differences(pa, pb)))
        return 0
    result = measure.agreement(pa, pb)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(measure.markdown(result) if args.markdown else json.dumps(result, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
