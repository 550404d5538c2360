"""Fixtures of the documentation tests: the site built once with ``mkdocs build --strict``."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from pages import ROOT, Site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site, built strictly (every warning an error) into a temporary folder."""
    out = tmp_path_factory.mktemp("site") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HOME": str(out.parent / "home")}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=env, check=False, timeout=600,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}{done.stderr}"
    return Site(out, seconds, done.stdout + done.stderr)
