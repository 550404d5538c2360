"""Set up and run the project with nothing but Python 3.

    python3 dev.py run     # create .venv, install, validate the corpus and build the release (release/)
    python3 dev.py test    # create .venv, install with test and docs extras, run ruff, mypy and pytest

Both create (or reuse) the virtual environment in .venv and install the package into it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def sh(*args: str | Path, **kw: object) -> None:
    cmd = [str(a) for a in args]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)  # type: ignore[call-overload]


def ensure_venv(extras: str) -> None:
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
        sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    sh(PY, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]")


def ensure_label_studio() -> None:
    """Label Studio for the format tests, in .venv-labelstudio: its pins clash with ours (tests/_labelstudio.py)."""
    sh(PY, "tests/_labelstudio.py", "install")


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "test"
    rest = argv[1:]
    try:
        if task == "run":
            ensure_venv("hf")
            sh(BIN / "communique", "validate")
            sh(BIN / "communique", "stats")
            sh(BIN / "communique", "build", *rest)
        elif task == "test":
            ensure_venv("hf,dev,llm,docs")
            ensure_label_studio()
            sh(BIN / "ruff", "check", "src", "tests", "benchmarks", "scripts", "dev.py")
            sh(BIN / "mypy")
            sh(PY, "-m", "pytest", *rest)
        else:
            print(f"unknown task {task!r}; use 'run' or 'test'", file=sys.stderr)
            return 2
    except subprocess.CalledProcessError as exc:
        return exc.returncode or 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
