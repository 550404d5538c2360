"""kill -9 at random instants: after every kill the output is the previous one or the new one, whole.

Each command runs in a subprocess that is killed (SIGKILL) at a random instant of its run,
biased towards the end where it writes; then the output is compared with the two complete
outputs it may hold, and a rerun (in this process) must succeed and leave no temporary file.
Random kills rarely land inside a rename; those windows are tested one by one, deterministically,
in test_writes.py.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from _support import FIXTURE_CORPUS, snapshot
from communique.synth import generate_corpus

pytestmark = pytest.mark.slow

KILLS = {"build": 5, "baseline": 7, "resolve": 8}
_LEFTOVER = re.compile(r"^\..+\.communique-(tmp|new|old)(-[0-9a-f]{8})?$")


def _timed(argv: list[str]) -> float:
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "communique", *argv], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - start


def _kill_at_random(argv: list[str], duration: float, rng: random.Random) -> bool:
    """Run the command, SIGKILL it at a random instant; True when it was still running then."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "communique", *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(rng.uniform(0.5, 1.05) * duration)
    alive = proc.poll() is None
    proc.kill()
    proc.wait()
    return alive


def _without_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not _LEFTOVER.match(p.name))


def _watched(argv: list[str]) -> Path:
    """The folder where the command's temporaries appear (beside --out, or the document folder)."""
    if "--out" in argv:
        return Path(argv[argv.index("--out") + 1]).parent
    return Path(argv[argv.index("--dir") + 1]) / "data" / "documents"


def _loop(
    name: str,
    variants: list[list[str]],
    whole: Callable[[], Any],
    outputs: list[Any],
    rerun: Callable[[list[str]], None],
    reset: Callable[[], None] = lambda: None,
) -> dict[str, int]:
    """Kill ``variants`` in turn; after each kill ``whole()`` must be one of ``outputs``, a rerun succeed."""
    rng = random.Random(f"kill-{name}")
    duration = _timed(variants[0])
    reset()
    stats = {"killed mid-run": 0, "finished first": 0, "left a temporary": 0}
    for i in range(KILLS[name]):
        argv = variants[(i + 1) % len(variants)]
        alive = _kill_at_random(argv, duration, rng)
        stats["killed mid-run" if alive else "finished first"] += 1
        if not alive:  # the machine got faster than when the run was timed: aim earlier
            duration *= 0.7
        assert whole() in outputs, f"{name}: kill {i + 1} left an output that is neither the old nor the new one"
        stats["left a temporary"] += any(_LEFTOVER.match(p.name) for p in _watched(argv).iterdir())
        rerun(argv)
        assert whole() == outputs[(i + 1) % len(outputs)]
    assert stats["killed mid-run"], f"{name}: every run finished before its kill ({duration:.1f} s each)"
    return stats


def _folder_loop(name: str, out: Path, variants: list[list[str]], cli) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The kill loop over a command that writes the folder ``out``, alternating two variants."""
    outputs = []
    for argv in variants:
        assert cli(*argv).code == 0
        outputs.append(snapshot(out))

    def rerun(argv: list[str]) -> None:
        result = cli(*argv)
        assert result.code == 0, result.err
        assert sorted(p.name for p in out.parent.iterdir()) == [out.name], "a temporary folder was left behind"

    return _loop(name, variants, lambda: snapshot(out), outputs, rerun)


def test_build_killed_anywhere_keeps_a_whole_release(tmp_path: Path, cli) -> None:
    out = tmp_path / "release"
    variants = [["build", str(FIXTURE_CORPUS), "--out", str(out), "--repo-id", f"org/v{i}", "-q"] for i in range(2)]
    _folder_loop("build", out, variants, cli)


def test_baseline_force_killed_anywhere_keeps_whole_predictions(tmp_path: Path, cli) -> None:
    out = tmp_path / "pred"
    base = ["--corpus", str(FIXTURE_CORPUS), "--out", str(out), "--force"]
    variants = [["baseline", name, *base] for name in ("trivial", "rules")]
    _folder_loop("baseline", out, variants, cli)


def _quoted(root: Path) -> None:
    """Write every span of every document file as a quote (the 'occurrence' that finds it)."""
    for path in sorted((root / "data" / "documents").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        text = (root / "seeds" / raw["document"]["seed"]).read_text(encoding="utf-8")

        def quote(node: Any, text: str = text) -> Any:
            if isinstance(node, dict):
                if set(node) == {"start", "end", "text"}:
                    starts = [i for i in range(len(text)) if text.startswith(node["text"], i)]
                    return {"quote": node["text"], "occurrence": starts.index(node["start"]) + 1}
                return {k: quote(v) for k, v in node.items()}
            return [quote(v) for v in node] if isinstance(node, list) else node

        path.write_text(json.dumps(quote(raw), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def test_resolve_killed_anywhere_leaves_each_file_old_or_new(tmp_path: Path, cli) -> None:
    root = generate_corpus(tmp_path / "corpus", documents=60, seed=5)
    _quoted(root)
    docs = root / "data" / "documents"
    quoted = snapshot(docs)
    shutil.copytree(root, tmp_path / "resolved")
    assert cli("resolve", "--dir", tmp_path / "resolved").code == 0
    resolved = snapshot(tmp_path / "resolved" / "data" / "documents")
    assert resolved != quoted
    argv = ["resolve", "--dir", str(root)]

    def whole() -> str:
        names = _without_leftovers(docs)
        assert names == sorted(quoted), "a document file is missing or an unknown file appeared"
        for name in names:
            assert (docs / name).read_bytes() in (quoted[name], resolved[name]), name
        return "whole"

    def rerun(argv: list[str]) -> None:
        result = cli(*argv)
        assert result.code == 0, result.err
        assert snapshot(docs) == resolved and sorted(p.name for p in docs.iterdir()) == sorted(resolved)
        reset()

    def reset() -> None:  # back to the quoted files for the next kill
        shutil.rmtree(docs)
        shutil.copytree(tmp_path / "quoted", docs)

    shutil.copytree(docs, tmp_path / "quoted")
    _loop("resolve", [argv], whole, ["whole"], rerun, reset)
