"""Shared fixtures: the hand-made corpus, copies of it, release folders and CLI runs; hypothesis profiles.

Hypothesis profiles (choose with HYPOTHESIS_PROFILE=<name>; the default is ``ci``):

- ``ci``: 50 examples per property, no deadline, derandomized and without the example database,
  so every run (local or CI) tries the same inputs and a failure reproduces exactly.
- ``dev``: 500 random examples per property, for a deeper search before a release.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from _support import FIXTURE_CORPUS, REPO
from communique.cli import main
from hostile import BASE_CORPUS

# No test reads or writes the real home: HOME and every cache (Hugging Face, XDG) point at a
# temporary folder for this process and the processes it starts, removed at exit.
_HOME = Path(tempfile.mkdtemp(prefix="communique-tests-home-"))
os.environ.update(
    HOME=str(_HOME),
    XDG_CACHE_HOME=str(_HOME / ".cache"),
    XDG_CONFIG_HOME=str(_HOME / ".config"),
    XDG_DATA_HOME=str(_HOME / ".local" / "share"),
    HF_HOME=str(_HOME / ".cache" / "huggingface"),
    HF_HUB_OFFLINE="1",
    HF_DATASETS_OFFLINE="1",
    HF_HUB_DISABLE_TELEMETRY="1",
)
for _name in ("HF_DATASETS_CACHE", "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_TOKEN"):
    os.environ.pop(_name, None)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_HOME, ignore_errors=True)


settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "dev",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run the command line in-process; return its exit code and output."""

    def run(*args: str | Path) -> CliResult:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A writable copy of the fixture corpus (with its MANIFEST.json)."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, target)
    return target


@pytest.fixture
def packaged_dir(tmp_path: Path) -> Path:
    """A writable copy of the packaged corpus (data/, seeds/, MANIFEST.json)."""
    target = tmp_path / "packaged"
    target.mkdir()
    for name in ("data", "seeds"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy2(REPO / "MANIFEST.json", target / "MANIFEST.json")
    return target


@pytest.fixture(scope="session")
def fixture_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release folder of the fixture corpus, built once for the session (read-only use)."""
    from communique.release.build import build

    out = tmp_path_factory.mktemp("fixture-release") / "release"
    build(FIXTURE_CORPUS, out)
    return out


@pytest.fixture(scope="session")
def packaged_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release folder of the packaged corpus, built once for the session (read-only use)."""
    from communique.release.build import build

    out = tmp_path_factory.mktemp("packaged-release") / "release"
    build(None, out)
    return out


@pytest.fixture
def base_corpus(tmp_path: Path) -> Path:
    """A fresh copy of the tiny valid base corpus of the hostile-input fixtures (tests/fixtures/hostile/_base)."""
    root = tmp_path / "corpus"
    shutil.copytree(BASE_CORPUS, root)
    return root


ARTIFACTS = REPO / "artifacts"
"""Screenshots and other files kept for reviewers (git-ignored)."""


@pytest.fixture(scope="session")
def chromium_ready() -> None:
    """Debian's chromium, installed by the test command; missing, the browser tests fail (skip outside CI)."""
    from chromium import ensure_chromium

    reason = ensure_chromium()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture
def browser(chromium_ready: None, tmp_path: Path) -> Iterator[Any]:
    from chromium import Browser

    b = Browser(tmp_path / "profile")
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots for reviewers go (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
