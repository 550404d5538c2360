"""Set up and run the project with nothing but Python 3.

    python3 dev.py run     # create .venv, install, validate the corpus and build the release (release/)
    python3 dev.py test    # create .venv, install with test and docs extras, run ruff, mypy and pytest

Both create (or reuse) the virtual environment in .venv and install the package into it. The test
task also fills .wheelhouse/ with the wheels of the package's runtime dependencies and its ``hf``
extra, so that the tests install the built wheel into fresh virtual environments offline
(``pip install --no-index --find-links .wheelhouse``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
WHEELHOUSE = ROOT / ".wheelhouse"
TOOLS = ROOT / ".tools"
"""Tools the tests run that are not Python packages (Ajv under node/), installed by the test task."""

APT_PACKAGES = {
    # Debian package: what shows it is installed
    "chromium": "/usr/bin/chromium",  # the HTML view and documentation screenshots, headless
    "fonts-dejavu-core": "/usr/share/fonts/truetype/dejavu",
    "nodejs": "node",  # Ajv, the JavaScript JSON Schema validator the schemas are tested with
    "npm": "npm",
    "git": "git",  # the Hub test serves the release from a git repository
}
NPM_PACKAGES = ["ajv@8"]


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


def fill_wheelhouse() -> None:
    """Download the wheels a fresh install of the package (with the hf extra) needs, for offline test installs."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["hf"]]
    sh(PY, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--dest", WHEELHOUSE, *wanted)


def _present(probe: str) -> bool:
    return Path(probe).exists() if probe.startswith("/") else shutil.which(probe) is not None


def provision() -> None:
    """Install what the tests need beyond Python packages: Debian packages (as root) and Ajv from npm."""
    missing = [pkg for pkg, probe in APT_PACKAGES.items() if not _present(probe)]
    if missing:
        if os.name != "posix" or os.geteuid() != 0 or shutil.which("apt-get") is None:
            print(f"warning: cannot install {', '.join(missing)} (needs root and apt-get); tests that use them fail")
        else:
            env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            sh("apt-get", "update", "-qq", env=env)
            sh("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)
    node = TOOLS / "node"
    if shutil.which("npm") and not (node / "node_modules" / "ajv").is_dir():
        node.mkdir(parents=True, exist_ok=True)
        (node / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        sh("npm", "install", "--prefix", node, "--no-audit", "--no-fund", "--silent", *NPM_PACKAGES)


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
            fill_wheelhouse()
            provision()
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
