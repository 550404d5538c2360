"""The Hub download path end to end, against a Hub-compatible server (olah) on 127.0.0.1.

olah serves a local git repository as ``datasets/<org>/<name>`` with no upstream (offline mode,
``mirrors-path``). The test commits two releases of the gold corpus there, 0.1.0 (built from the
data the audit read, agreement/audit/0.1.0) and the current one, tags each ``v<version>``, and
loads every config through ``datasets.load_dataset`` with ``HF_ENDPOINT`` pointing at the server:
whole and streamed, and pinned with ``revision=`` to each release after both exist.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from _support import CONFIGS, REPO, expected_rows, hf_env, load_in_subprocess
from communique.release.build import build

pytestmark = pytest.mark.slow

ORG, NAME = "communique-test", "communique"
PARQUET = "test-00000-of-00001.parquet"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Communique Tests", "-c", "user.email=tests@localhost", "-c", "commit.gpgsign=false",
         *args],
        cwd=repo, check=True, capture_output=True,
    )


def publish(repo: Path, release: Path, version: str) -> None:
    """Replace the repository's files with the release folder, commit and tag v<version>."""
    for child in repo.iterdir():
        if child.name != ".git":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    shutil.copytree(release, repo, dirs_exist_ok=True)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", f"Release {version}")
    _git(repo, "tag", f"v{version}")


def _olah_command() -> list[str]:
    script = Path(sys.executable).with_name("olah-cli")
    if not script.exists():  # pragma: no cover - the dev extra installs olah beside the tests
        pytest.fail("olah-cli is missing: install the dev extra (pip install -e '.[dev]')")
    return [str(script)]


@dataclass
class Hub:
    endpoint: str
    repo: Path
    proc: subprocess.Popen[bytes]
    log: Path

    def tags(self, timeout: float = 90.0) -> list[str]:
        """Poll the refs route until it answers (olah is up and sees the repository); the tag names."""
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        url = f"{self.endpoint}/api/datasets/{ORG}/{NAME}/refs"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"olah exited with {self.proc.returncode}: {self.tail()}")
            try:
                with opener.open(url, timeout=5) as response:
                    return sorted(t["name"] for t in json.loads(response.read())["tags"])
            except (urllib.error.URLError, OSError, ValueError, KeyError):
                time.sleep(0.5)
        pytest.fail(f"olah did not answer {url} within {timeout}s: {self.tail()}")

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    """A running olah on a free loopback port, serving an empty git repository as the dataset."""
    if shutil.which("git") is None:
        pytest.fail("git is missing: `python3 dev.py test` installs it")
    base = tmp_path_factory.mktemp("hub")
    repo = base / "mirrors" / "datasets" / ORG / NAME
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    port = _free_port()
    config = base / "olah.toml"
    config.write_text(
        "[basic]\n"
        'host = "127.0.0.1"\n'
        f"port = {port}\n"
        f'repos-path = "{base / "repos"}"\n'
        f'mirrors-path = ["{base / "mirrors"}"]\n'
        'hf-netloc = "127.0.0.1:9"\n'  # no upstream: even a stray lookup stays on this machine
        'hf-lfs-netloc = "127.0.0.1:9"\n'
        "[accessibility]\n"
        "offline = true\n",
        encoding="utf-8",
    )
    log = base / "olah.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen([*_olah_command(), "-c", str(config)], cwd=base, stdout=sink, stderr=subprocess.STDOUT)
    try:
        yield Hub(f"http://127.0.0.1:{port}", repo, proc, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)


def corpus_of_release(version: str, target: Path) -> Path:
    """A corpus folder holding the data of dataset release ``version``: 0.1.0 from the copy the audit
    read (agreement/audit/0.1.0), the current release from data/; the seeds are the same bytes."""
    source = REPO / "agreement" / "audit" / version if version != "current" else REPO
    shutil.copytree(source / "data", target / "data")
    shutil.copytree(REPO / "seeds", target / "seeds")
    shutil.copy2(source / "MANIFEST.json", target / "MANIFEST.json")
    return target


def test_load_from_the_hub_pinned_by_revision(hub: Hub, tmp_path: Path) -> None:
    repo = hub.repo
    old_corpus = corpus_of_release("0.1.0", tmp_path / "corpus-0.1.0")
    first = tmp_path / "release-1"
    v1 = build(old_corpus, first).version
    rows_v1 = expected_rows(old_corpus)
    publish(repo, first, v1)

    # the next release: the current data (0.2.0 fixes records of 0.1.0 by id)
    new_corpus = corpus_of_release("current", tmp_path / "corpus-current")
    second = tmp_path / "release-2"
    v2 = build(new_corpus, second).version
    rows_v2 = expected_rows(new_corpus)
    assert v1 == "0.1.0" and v2 != v1
    for name in ("actors", "events", "statements"):
        assert rows_v1[name] != rows_v2[name], name
    publish(repo, second, v2)

    assert hub.tags() == sorted([f"v{v1}", f"v{v2}"]), hub.tail()

    online = {"HF_ENDPOINT": hub.endpoint, "HF_HUB_OFFLINE": "0", "HF_DATASETS_OFFLINE": "0"}
    env = hf_env(tmp_path / "hf-home", **online)
    dataset = f"{ORG}/{NAME}"
    # olah answers a Range request with the whole file (200), so a streamed Parquet file larger than
    # the 64 KiB footer read that pyarrow requests from its end reads garbage: the documents file
    # (75 KB) is loaded whole only; the Hub itself serves ranges.
    streamed = tuple(name for name in CONFIGS if (second / name / PARQUET).stat().st_size < 64 * 1024)
    assert set(streamed) >= {"actors", "events", "statements"}
    got = load_in_subprocess(dataset, env, tmp_path / "v2.json", CONFIGS, revision=f"v{v2}", stream=streamed)
    for name in CONFIGS:
        assert got[name] == rows_v2[name], name
    for name in streamed:
        assert got[f"{name}:streaming"] == rows_v2[name], name
    # same cache, the old tag: the old rows, not the newer release's
    got = load_in_subprocess(dataset, env, tmp_path / "v1.json", CONFIGS, revision=f"v{v1}", stream=("actors",))
    for name in CONFIGS:
        assert got[name] == rows_v1[name], name
    assert got["actors:streaming"] == rows_v1["actors"]
    # a tag that does not exist fails (olah answers 401 for an unknown revision). A fresh cache:
    # with a warm one datasets falls back to the cached release when the server refuses.
    fresh = hf_env(tmp_path / "hf-home-2", **online)
    load_in_subprocess(dataset, fresh, tmp_path / "none.json", ("actors",), revision="v9.9.9", expect_ok=False)
