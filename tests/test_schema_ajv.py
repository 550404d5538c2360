"""Ajv, the JavaScript validator docs/validating.md recommends, agrees with the models on every fixture."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "tests" / "fixtures" / "records"
SCRIPT = ROOT / "tests" / "js" / "ajv_check.mjs"


def _ensure_node() -> None:
    """Install Node.js and npm from Debian when the machine lacks them (CI runs as root)."""
    if shutil.which("node") and shutil.which("npm"):
        return
    subprocess.run(["apt-get", "update", "-q"], check=True, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-q", "nodejs", "npm"], check=True, capture_output=True)


@pytest.fixture(scope="module")
def ajv_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _ensure_node()
    folder = tmp_path_factory.mktemp("ajv")
    (folder / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    proc = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", "ajv@8"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return folder


@pytest.mark.slow
def test_ajv_agrees_with_the_models_on_every_fixture(ajv_dir: Path) -> None:
    fixtures = sorted(RECORDS.glob("valid-*.json")) + sorted(RECORDS.glob("invalid-*.json"))
    proc = subprocess.run(
        ["node", str(SCRIPT), str(ROOT / "schema"), *map(str, fixtures)],
        cwd=ajv_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout)
    assert results == {p.stem: p.name.startswith("valid-") for p in fixtures}
