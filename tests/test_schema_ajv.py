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


@pytest.fixture(scope="module")
def ajv_dir() -> Path:
    """The folder where ``python3 dev.py test`` installed Ajv from npm."""
    folder = ROOT / ".tools" / "node"
    if shutil.which("node") is None or not (folder / "node_modules" / "ajv").is_dir():
        pytest.fail("Node.js or Ajv is missing: `python3 dev.py test` installs both")
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
