"""The installed wheel ships the corpus with its MANIFEST.json and verifies it."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from _support import REPO, retab

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from the working tree, unpacked as an installation would place it."""
    base = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(base), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = base.glob("communique-*.whl")
    site = base / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def _python(site: Path, code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_wheel_carries_manifest_and_versions(installed: Path, tmp_path: Path) -> None:
    bundle = installed / "communique" / "_bundle"
    assert (bundle / "MANIFEST.json").read_bytes() == (REPO / "MANIFEST.json").read_bytes()
    code = (
        "import json, communique;"
        "c = communique.load();"
        "print(json.dumps([communique.__file__, communique.__version__, communique.dataset_version(), c.version]))"
    )
    proc = _python(installed, code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    where, package, dataset, loaded = json.loads(proc.stdout)
    assert where.startswith(str(installed))
    info = json.loads((REPO / "data" / "corpus.json").read_text(encoding="utf-8"))
    assert dataset == loaded == info["version"]
    assert package == __import__("communique").__version__


def test_installed_corpus_with_a_flipped_byte_is_refused(installed: Path, tmp_path: Path) -> None:
    target = installed / "communique" / "_bundle" / "data" / "corpus.json"
    original = target.read_bytes()
    try:
        retab(target)
        code = (
            "import communique\n"
            "try:\n"
            "    communique.load()\n"
            "except communique.IntegrityError as exc:\n"
            "    print(exc)\n"
            "communique.load(verify=False)\n"
        )
        proc = _python(installed, code, tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "data/corpus.json" in proc.stdout and "sha256" in proc.stdout
        validate = subprocess.run(
            [sys.executable, "-m", "communique", "validate"],
            cwd=tmp_path,
            env={"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=False,
        )
        assert validate.returncode == 1
        assert "E106" in validate.stdout and "data/corpus.json" in validate.stdout
    finally:
        target.write_bytes(original)


def test_installed_manifest_is_checked_not_rewritten(installed: Path, tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "communique", "manifest"]
    check = subprocess.run(run, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    write = subprocess.run([*run, "--write"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert write.returncode == 2 and "give a corpus directory" in write.stderr
