"""Instructions of one validation run and one export, counted by Valgrind's callgrind: a figure a busy
machine does not move, for comparing two versions of the package on a shared machine.

    python benchmarks/instructions.py                 # a 200-document synth corpus, one process
    python benchmarks/instructions.py --documents 800
    PYTHONPATH=OTHER/src python benchmarks/instructions.py   # another checkout, same corpus and counts

Each figure is the instructions of one warm call (the modules imported and the validators built by
an earlier call), counted from ``callgrind_control -i on`` to ``-i off`` around it; the process
start, the imports and the corpus generation are not counted. The same corpus (``--seed``) on the
same interpreter gives the same count to within about 0.2 %. Needs ``valgrind`` on the PATH.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # so the child finds this script's folder


def _counted(call: str, root: Path, work: Path) -> None:
    """Run ``call`` twice in this process, the second time counted (in the child under callgrind)."""
    from communique import validation
    from communique.release.export import export_parquet

    def once(n: int) -> None:
        if call == "validate":
            validation.run(root, jobs=1, verify=False)
        else:
            export_parquet(root, work / f"export-{n}", jobs=1, configs=("mentions", "events", "statements"))

    once(0)
    subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
    once(1)
    subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], check=True, capture_output=True)


def count(call: str, root: Path, work: Path) -> int:
    """Instructions of one warm ``call`` ('validate' or 'export') on the corpus at ``root``."""
    out = work / f"callgrind.{call}"
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}", sys.executable,
         __file__, "--child", call, str(root), str(work)],
        capture_output=True, text=True, check=True,
    )
    for line in done.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise SystemExit(f"callgrind gave no count:\n{done.stderr[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", nargs=3, metavar=("CALL", "ROOT", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _counted(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        raise SystemExit("valgrind is not on the PATH (apt-get install valgrind)")
    from communique import __file__ as where
    from communique.synth import generate_corpus

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        root = generate_corpus(work / "corpus", documents=args.documents, seed=args.seed)
        print(f"communique from {Path(where).parent}; {args.documents} documents, seed {args.seed}")
        for call in ("validate", "export"):
            print(f"  {call:9s} {count(call, root, work):>15,} instructions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
