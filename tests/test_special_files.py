"""FIFOs, device nodes and symbolic link loops in a corpus: a finding, never a hang or an internal error.

The fixtures (tests/fixtures/hostile/make_fixtures.py, ``BUILT``) cannot be committed as files, so
each is built here in a temporary folder. Every command runs in a child process with a timeout:
a reader that waits on a FIFO, reads a device without end or goes round a loop fails the test
instead of hanging the suite. Device nodes need root (CI runs as root); elsewhere those cases skip.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from test_hostile_fixtures import make_fixtures

BUILT = {f.name: f for f in make_fixtures.BUILT}
TIMEOUT = 60
"""Seconds a command may take on these tiny corpora (each takes well under two when it does not hang)."""


def run(*args: str | Path, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    """``python -m communique ARGS`` in a child process; a hang is a test failure, not a stuck suite."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "communique", *map(str, args)], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"communique {' '.join(map(str, args))} hung (no answer in {timeout} s)")


def python(code: str, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"python -c {code!r} hung (no answer in {timeout} s)")


def build(tmp_path: Path, name: str) -> Path:
    try:
        return make_fixtures.build_at(tmp_path / name, BUILT[name])
    except PermissionError:
        pytest.skip("making a device node needs root")


def no_crash(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr[-500:])
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr[-500:]


@pytest.mark.parametrize("name", sorted(BUILT))
def test_built_fixture_gives_its_code_through_the_api_and_the_cli(tmp_path: Path, name: str) -> None:
    root = build(tmp_path, name)
    code = BUILT[name].code
    api = python(f"import json, communique; print(json.dumps(communique.validate({str(root)!r}).to_dict()))")
    assert api.returncode == 0, api.stderr[-500:]
    assert code in {f["code"] for f in json.loads(api.stdout)["findings"]}
    cli = run("validate", root, "--json")
    no_crash(cli)
    assert cli.returncode == 1
    findings = json.loads(cli.stdout)["findings"]
    assert code in {f["code"] for f in findings}
    assert all(f["file"] and f["message"] for f in findings)


@pytest.mark.parametrize("name", sorted(BUILT))
def test_load_refuses_a_built_fixture_without_hanging(tmp_path: Path, name: str) -> None:
    root = build(tmp_path, name)
    result = python(
        "import communique\n"
        "try:\n"
        f"    communique.load({str(root)!r})\n"
        "except communique.CommuniqueError as exc:\n"
        "    print(type(exc).__name__)\n"
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() in ("CorpusInvalidError", "IntegrityError")


@pytest.mark.parametrize("name", sorted(BUILT))
@pytest.mark.parametrize("command", ["manifest-write", "resolve", "stats", "show", "manifest-check"])
def test_other_commands_survive_a_built_fixture(tmp_path: Path, name: str, command: str) -> None:
    root = build(tmp_path, name)
    args = {
        "manifest-write": ("manifest", "--write", root),
        "resolve": ("resolve", "--dir", root),
        "stats": ("stats", root),
        "show": ("show", "doc001", "--dir", root),
        "manifest-check": ("manifest", root),
    }[command]
    result = run(*args)
    no_crash(result)
    if command == "manifest-write":  # a corpus that does not validate gets no manifest
        assert result.returncode == 1, result.stderr[-500:]
        assert "was not written" in result.stderr
        assert BUILT[name].code in result.stderr


def test_a_symlink_loop_is_reported_once(tmp_path: Path) -> None:
    root = build(tmp_path, "E107-folder-loop")
    result = run("validate", root, "--json")
    loops = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "E107"]
    assert len(loops) == 1, loops
    assert "symbolic link" in loops[0]["message"] and loops[0]["file"].startswith("data/")


def test_two_links_to_the_parent_do_not_blow_up_the_walk(base_corpus: Path) -> None:
    """Each link to '..' doubles the paths a naive walk takes: 2**40 before the kernel stops it."""
    from communique import manifest

    (base_corpus / manifest.MANIFEST_FILE).write_text(manifest.render(base_corpus))
    for name in ("x", "y"):
        (base_corpus / "data" / name).mkdir()
        (base_corpus / "data" / name / "up").symlink_to("..")
    result = run("validate", base_corpus, "--json", timeout=30)
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert codes.count("E107") == 2, codes  # two loops: data/x/up and data/y/up


def test_a_device_seed_is_never_opened(tmp_path: Path) -> None:
    """A device is refused from ``stat`` alone: opening some devices has effects."""
    root = build(tmp_path, "E101-device-seed")
    result = python(
        "import os, communique\n"
        "real = os.open\n"
        "def watched(path, *a, **k):\n"
        "    assert not os.fspath(path).endswith('doc002.txt'), 'the device was opened'\n"
        "    return real(path, *a, **k)\n"
        "os.open = watched\n"
        f"print([f.code for f in communique.validate({str(root)!r}).findings])\n"
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert "E101" in result.stdout


def test_fifo_and_device_seeds_are_refused_by_add_at_once(tmp_path: Path, base_corpus: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run("add", fifo, "--dir", base_corpus, timeout=20)
    assert result.returncode == 2, result.stderr
    assert "FIFO" in result.stderr and str(fifo) in result.stderr
    device = tmp_path / "zero.txt"
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device node needs root")
    result = run("add", device, "--dir", base_corpus, timeout=20)
    assert result.returncode == 2, result.stderr
    assert "character device" in result.stderr
    assert sorted(p.name for p in (base_corpus / "seeds").iterdir()) == ["doc001.txt", "doc002.txt"]


def test_a_sparse_gigabyte_recorded_in_the_manifest_is_a_finding(base_corpus: Path) -> None:
    """Read whole, the file would need 1 GiB; the child may map 768 MiB in all, as on a small machine."""
    from communique import manifest

    (base_corpus / manifest.MANIFEST_FILE).write_text(manifest.render(base_corpus))
    with (base_corpus / "seeds" / "doc002.txt").open("r+b") as fh:
        fh.truncate(1 << 30)
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (768 << 20, 768 << 20))\n"
    result = python(limit + "import communique.cli; raise SystemExit(communique.cli.main(["
                    f"'validate', {str(base_corpus)!r}, '--json', '--jobs', '1']))")
    no_crash(result)
    assert result.returncode == 1
    big = [f for f in json.loads(result.stdout)["findings"] if f["file"] == "seeds/doc002.txt"]
    assert {f["code"] for f in big} == {"E102"}, big
    assert "1073741824 bytes" in big[0]["message"]
    result = python(limit + f"import communique\ntry:\n    communique.load({str(base_corpus)!r})\n"
                    "except communique.CommuniqueError as exc:\n    print(type(exc).__name__, exc)\n")
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.startswith("IntegrityError") and "1073741824 bytes" in result.stdout


def test_a_manifest_that_is_a_fifo_is_refused_not_ignored(base_corpus: Path) -> None:
    os.mkfifo(base_corpus / "MANIFEST.json")
    result = run("validate", base_corpus, "--json", timeout=30)
    no_crash(result)
    findings = json.loads(result.stdout)["findings"]
    assert [(f["file"], f["code"]) for f in findings] == [("MANIFEST.json", "E101")]
    assert "FIFO" in findings[0]["message"]
