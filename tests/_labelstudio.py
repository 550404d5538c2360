"""A real Label Studio server on 127.0.0.1 for the tests (standard library only).

Label Studio lives in its own virtual environment, ``.venv-labelstudio`` (its pins would clash with
ours), which ``python3 dev.py test`` creates through :func:`install`: the pinned release, then a
first start that applies the database migrations into ``.venv-labelstudio/template`` (a minute or
more), so that each test session copies a migrated SQLite database into a temporary folder and
starts in seconds. Both steps are skipped once done for this version.

    python3 tests/_labelstudio.py install     # what dev.py runs
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv-labelstudio"
BINARY = VENV / ("Scripts" if os.name == "nt" else "bin") / "label-studio"
TEMPLATE = VENV / "template"
VERSION = "1.23.2"
"""The Label Studio release the tests run against (installed by dev.py)."""
TOKEN = "communique0test0token0000000000000000000"  # noqa: S105  # a throwaway token of a loopback test server
USER = "tests@communique.invalid"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Server:
    """``label-studio start`` on a free loopback port, its data (SQLite) and HOME under ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = folder / "label-studio.log"
        self.started = 0.0

    def env(self) -> dict[str, str]:
        home = self.folder / "home"
        home.mkdir(parents=True, exist_ok=True)
        keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")}
        return {**keep, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"),
                "LABEL_STUDIO_BASE_DATA_DIR": str(self.folder / "data"), "LABEL_STUDIO_USERNAME": USER,
                "LABEL_STUDIO_PASSWORD": "communique-tests", "LABEL_STUDIO_USER_TOKEN": TOKEN,
                "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true", "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
                "LATEST_VERSION_CHECK": "false", "COLLECT_ANALYTICS": "false", "SENTRY_DSN": "",
                "FRONTEND_SENTRY_DSN": "", "DJANGO_DB": "sqlite"}

    def start(self, timeout: float = 300.0) -> float:
        """Start the server and wait until /health answers; return the seconds it took."""
        if not BINARY.exists():
            raise RuntimeError(f"{BINARY} is missing: run `python3 dev.py test` (it installs Label Studio {VERSION})")
        begin = time.monotonic()
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [str(BINARY), "start", "--no-browser", "--internal-host", "127.0.0.1", "--port", str(self.port)],
                env=self.env(), cwd=self.folder, stdout=log, stderr=subprocess.STDOUT,
            )
        while time.monotonic() - begin < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"Label Studio exited with {self.process.returncode}: see {self.log}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as reply:  # noqa: S310  # http://127.0.0.1
                    if reply.status == 200:
                        self.started = time.monotonic() - begin
                        return self.started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"Label Studio did not answer within {timeout:.0f} s: see {self.log}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def api(self, method: str, path: str, body: Any = None) -> Any:
        """Call the HTTP API with the test user's token; the decoded JSON reply."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(f"{self.url}{path}", data=data, method=method, headers={  # noqa: S310  # loopback
            "Authorization": f"Token {TOKEN}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as reply:  # noqa: S310  # http://127.0.0.1 only
                return json.loads(reply.read() or b"null")
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"{method} {path}: HTTP {exc.code}: {exc.read()[:2000]!r}") from None


def install() -> None:
    """Create .venv-labelstudio with Label Studio VERSION and its migrated template (once per version)."""
    marker = TEMPLATE / "version"
    if marker.is_file() and marker.read_text() == VERSION and BINARY.exists():
        return
    python = BINARY.with_name("python.exe" if os.name == "nt" else "python")
    if not python.exists():
        import venv

        venv.EnvBuilder(with_pip=True).create(VENV)
    begin = time.monotonic()
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", f"label-studio=={VERSION}"], check=True)
    print(f"Label Studio {VERSION} installed in {time.monotonic() - begin:.0f} s")
    prepare()


def prepare() -> None:
    """Migrate a fresh database once into TEMPLATE (a first start, then stop)."""
    marker = TEMPLATE / "version"
    if marker.is_file() and marker.read_text() == VERSION:
        return
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp))
        took = server.start()
        server.stop()
        if TEMPLATE.exists():
            shutil.rmtree(TEMPLATE)
        shutil.copytree(Path(tmp) / "data", TEMPLATE)
    marker.write_text(VERSION)
    print(f"Label Studio {VERSION}: database migrated in {took:.1f} s into {TEMPLATE}")


def from_template(folder: Path) -> Server:
    """A server whose data folder starts as a copy of the migrated template."""
    if not (TEMPLATE / "version").is_file():
        raise RuntimeError(f"{TEMPLATE} is missing: run `python3 dev.py test` (it prepares Label Studio {VERSION})")
    shutil.copytree(TEMPLATE, folder / "data")
    return Server(folder)


if __name__ == "__main__":
    if sys.argv[1:] not in (["install"], ["prepare"]):
        raise SystemExit("usage: python3 tests/_labelstudio.py install|prepare")
    if sys.argv[1] == "install":
        install()
    else:
        prepare()
