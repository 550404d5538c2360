"""The built wheel, installed in a fresh virtual environment outside the checkout, works alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from _support import build_wheel, fresh_venv
from communique import schema

ROOT = Path(__file__).resolve().parents[1]
BIN = "Scripts" if os.name == "nt" else "bin"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _run(*cmd: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=_env(), capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(python of the fresh venv, a working directory outside the checkout)."""
    base = tmp_path_factory.mktemp("wheel")
    python = fresh_venv(base, build_wheel(base / "dist"))
    work = base / "elsewhere"
    work.mkdir()
    return python, work


@pytest.mark.slow
def test_installed_package_is_the_wheel_not_the_checkout(installed: tuple[Path, Path]) -> None:
    python, work = installed
    proc = _run(python, "-c", "import communique; print(communique.__file__)", cwd=work)
    assert proc.returncode == 0, proc.stderr
    location = Path(proc.stdout.strip()).resolve()
    assert ROOT not in location.parents
    assert python.parent.parent in location.parents


@pytest.mark.slow
def test_installed_cli_validates_the_packaged_corpus(installed: tuple[Path, Path]) -> None:
    python, work = installed
    cli = python.parent / "communique"
    proc = _run(cli, "validate", cwd=work)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "valid (0 error(s)" in proc.stdout
    proc = _run(cli, "validate", ROOT / "tests" / "fixtures" / "corpora" / "valid-mini", "--json", cwd=work)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["valid"] is True


@pytest.mark.slow
def test_installed_package_loads_without_heavy_imports(installed: tuple[Path, Path]) -> None:
    python, work = installed
    code = (
        "import sys, communique\n"
        "c = communique.load()\n"
        "print(len(c.documents))\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'datasets', 'pyarrow', 'pandas', 'numpy'})\n"
        "print(heavy)\n"
    )
    proc = _run(python, "-c", code, cwd=work)
    assert proc.returncode == 0, proc.stderr
    count, heavy = proc.stdout.splitlines()
    assert int(count) == len(list((ROOT / "data" / "documents").glob("*.json")))
    assert heavy == "[]"


@pytest.mark.slow
def test_installed_wheel_ships_every_schema_through_importlib_resources(installed: tuple[Path, Path]) -> None:
    python, work = installed
    code = (
        "import json\n"
        "from importlib.resources import files\n"
        "import communique\n"
        "folder = files('communique') / '_bundle' / 'schema'\n"
        "files_ = [p for p in folder.iterdir() if p.name.endswith('.json')]\n"
        "out = {p.name: json.loads(p.read_text(encoding='utf-8')) for p in files_}\n"
        "reg = communique.schema_registry()\n"
        "assert all(reg.contents(s['$id']) == s for s in out.values())\n"
        "print(json.dumps(out, sort_keys=True))\n"
    )
    proc = _run(python, "-c", code, cwd=work)
    assert proc.returncode == 0, proc.stderr
    shipped = json.loads(proc.stdout)
    assert shipped == {name: json.loads(text) for name, text in schema.generate_all().items()}


def test_import_does_not_load_heavy_libraries() -> None:
    code = (
        "import sys, communique\n"
        "communique.validate(); communique.schema_registry()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'datasets', 'pyarrow', 'pandas', 'numpy'}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


@pytest.mark.slow
def test_installed_wheel_ships_the_documentation(installed: tuple[Path, Path]) -> None:
    python, work = installed
    cli = python.parent / "communique"
    listing = _run(cli, "docs", cwd=work)
    assert listing.returncode == 0, listing.stderr
    names = ("guidelines", "tasks", "agreement", "audit")
    paths = [Path(line.split()[1]) for line in listing.stdout.splitlines() if line.split()[:1] in [[n] for n in names]]
    assert len(paths) == len(names), listing.stdout
    for path in paths:
        assert path.is_file(), path
        assert ROOT not in path.resolve().parents  # the installed copy, not the checkout's
    guidelines = _run(cli, "docs", "guidelines", cwd=work)
    assert guidelines.returncode == 0
    assert guidelines.stdout == (ROOT / "docs" / "guidelines.md").read_text(encoding="utf-8")
    code = "from importlib.metadata import metadata; print(metadata('communique').get_all('Project-URL'))"
    meta = _run(python, "-c", code, cwd=work)
    assert "Homepage, https://" in meta.stdout
