"""Paths and helpers shared by the tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURE_CORPUS = TESTS / "fixtures" / "corpus"
"""A small corpus with its own seed texts: two documents (English and German), mentions, events
with nested arguments, places, times and quantities, statements, nulls and non-ASCII text."""
CONFIGS = ("documents", "actors", "mentions", "events", "statements", "oneie")


def load_script(path: Path) -> ModuleType:
    """A script of the repository (benchmarks/, scripts/) imported by its path, once per session."""
    name = f"script_{path.parent.name}_{path.stem}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def flip_byte(path: Path, needle: bytes) -> None:
    """Change one byte of ``path``: the first letter of ``needle`` swaps case."""
    data = bytearray(path.read_bytes())
    at = data.index(needle)
    data[at] ^= 0x20
    path.write_bytes(bytes(data))


def retab(path: Path) -> None:
    """Change one byte of a JSON file without changing its content: an indenting space becomes a tab."""
    data = path.read_bytes()
    at = data.index(b'\n  "') + 1
    path.write_bytes(data[:at] + b"\t" + data[at + 1 :])


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def expected_rows(corpus_path: Path | None) -> dict[str, list[dict[str, object]]]:
    """The rows every release format must give back, straight from communique.load()."""
    import communique

    corpus = communique.load(corpus_path)
    rows: dict[str, list[dict[str, object]]] = {}
    docs = []
    for f in corpus.files:  # corpus order: document files by name
        row = f.document.model_dump(mode="json")
        row["text"] = f.document.text
        row["status"] = f.status
        row["mentions"] = [m.model_dump(mode="json") for m in f.mentions]
        row["events"] = [e.model_dump(mode="json") for e in f.events]
        row["statements"] = [s.model_dump(mode="json") for s in f.statements]
        docs.append(row)
    rows["documents"] = docs
    rows["actors"] = [a.model_dump(mode="json") for a in sorted(corpus.actors, key=lambda a: a.id)]
    for name in ("mentions", "events", "statements"):  # corpus order: records in file order
        rows[name] = [r.model_dump(mode="json") for r in getattr(corpus, name)]
    rows["oneie"] = _windows(corpus)
    return rows


def _windows(corpus: object) -> list[dict[str, object]]:
    """The OneIE windows of ``communique export --format oneie``, every key present (null where absent)."""
    import tempfile

    from communique import formats
    from communique.formats.oneie_model import Window

    with tempfile.TemporaryDirectory() as tmp:
        formats.export("oneie", corpus, Path(tmp) / "oneie")
        lines = (Path(tmp) / "oneie" / "windows.jsonl").read_text(encoding="utf-8").splitlines()
    return [Window.model_validate_json(line).model_dump(mode="json") for line in lines]


def hf_env(hf_home: Path, **extra: str) -> dict[str, str]:
    """An environment for a datasets process: fresh HF_HOME, no telemetry, no token, loopback only."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGINGFACE_"))}
    env.update(
        HF_HOME=str(hf_home),
        HF_HUB_DISABLE_TELEMETRY="1",
        HF_HUB_DISABLE_PROGRESS_BARS="1",
        HF_HUB_DISABLE_XET="1",
        HF_DATASETS_OFFLINE="1",
        HF_HUB_OFFLINE="1",
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    env.update(extra)
    return env


def load_in_subprocess(
    source: str | Path,
    env: dict[str, str],
    out: Path,
    configs: tuple[str, ...] | list[str],
    revision: str | None = None,
    stream: tuple[str, ...] | list[str] = (),
    expect_ok: bool = True,
) -> dict[str, list[dict[str, object]]]:
    """Run _hf_probe.py and return {config (or 'config:streaming'): rows}; {} when it failed as expected."""
    import json
    import subprocess
    import sys

    cmd = [sys.executable, str(TESTS / "_hf_probe.py"), str(source), str(out), "--configs", ",".join(configs)]
    if revision:
        cmd += ["--revision", revision]
    if stream:
        cmd += ["--stream", ",".join(stream)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600, check=False)
    if not expect_ok:
        assert proc.returncode != 0, "the load was expected to fail"
        return {}
    assert proc.returncode == 0, proc.stderr[-4000:]
    result: dict[str, list[dict[str, object]]] = json.loads(out.read_text(encoding="utf-8"))
    return result


WHEELHOUSE = REPO / ".wheelhouse"
"""Wheels of the runtime dependencies and the hf extra, downloaded by ``python3 dev.py test``."""


def build_wheel(dest: Path) -> Path:
    """Build the package's wheel from the working tree into ``dest`` (no network: no build isolation)."""
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dest), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dest.glob("communique-*.whl")
    return wheel


def fresh_venv(base: Path, wheel: Path, extras: str = "") -> Path:
    """A new virtual environment under ``base`` with ``wheel`` installed offline; its python.

    Dependencies come from :data:`WHEELHOUSE` only (``--no-index``), so no test reaches a package index.
    """
    import os
    import subprocess
    import venv

    if not WHEELHOUSE.is_dir():
        raise RuntimeError(f"{WHEELHOUSE} is missing: run `python3 dev.py test`, which fills it")
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    spec = f"{wheel}[{extras}]" if extras else str(wheel)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links", str(WHEELHOUSE), spec],
        check=True,
        capture_output=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    return python


OPENS = """
import collections, sys
opened = collections.Counter()

def hook(event, args):
    if event == "open" and args and isinstance(args[0], str) and "/data/documents/" in args[0]:
        opened[args[0].rsplit("/", 1)[1]] += 1

sys.addaudithook(hook)
"""
"""Code that counts every open of a document file (any reader: the audit hook sees them all)."""


def count_opens(code: str, *args: str) -> dict[str, int]:
    """How many times ``code`` (run in a fresh interpreter with ``args``) opened each document file."""
    import json
    import subprocess
    import sys

    script = OPENS + code + "\nimport json as _j; print(_j.dumps(dict(opened)))\n"
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    counts: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return counts
