"""No command destroys or replaces what the package did not write: each case found by trying it.

Every test here runs the command line on a case that lost or corrupted data before, and checks
that the command refuses (exit 2, a message that says why) and that not a byte changed.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from _support import FIXTURE_CORPUS, snapshot

MARKER = ".communique-output"
DOC = "fx01_kyiv_talks"


def _tree(folder: Path) -> dict[str, object]:
    """Every entry under ``folder`` (not following links): kind and bytes, so nothing can change unseen."""
    seen: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        st = os.lstat(path)
        rel = path.relative_to(folder).as_posix()
        seen[rel] = path.read_bytes() if stat.S_ISREG(st.st_mode) else (stat.S_IFMT(st.st_mode), st.st_ino)
    return seen


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A folder shaped like a git checkout of this repository: a corpus beside code and history."""
    root = tmp_path / "checkout"
    shutil.copytree(FIXTURE_CORPUS, root)
    files = {"src/communique/__init__.py": "x = 1\n", "tests/test_x.py": "pass\n", ".git/HEAD": "ref\n"}
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def test_baseline_force_never_deletes_a_folder_holding_a_corpus(checkout: Path, cli) -> None:
    before = _tree(checkout)
    result = cli("baseline", "trivial", "--corpus", FIXTURE_CORPUS, "--out", checkout, "--force")
    assert result.code == 2 and "refusing to replace" in result.err and "marker" in result.err
    assert _tree(checkout) == before


def test_baseline_force_out_dot_never_deletes_the_current_folder(
    checkout: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _tree(checkout)
    monkeypatch.chdir(checkout)
    result = cli("baseline", "trivial", "--corpus", FIXTURE_CORPUS, "--out", ".", "--force")
    assert result.code == 2 and "current folder" in result.err
    assert _tree(checkout) == before


def test_baseline_force_never_replaces_the_gold_corpus(corpus_dir: Path, cli) -> None:
    before = _tree(corpus_dir)
    result = cli("baseline", "rules", "--corpus", corpus_dir, "--out", corpus_dir, "--force")
    assert result.code == 2 and "refusing to replace" in result.err
    assert _tree(corpus_dir) == before


def test_baseline_replaces_its_own_output_and_keeps_usual_modes(tmp_path: Path, cli) -> None:
    out = tmp_path / "pred"
    old = os.umask(0o022)
    try:
        assert cli("baseline", "trivial", "--corpus", FIXTURE_CORPUS, "--out", out).code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o755  # not 0700
        assert stat.S_IMODE((out / "data" / "corpus.json").stat().st_mode) == 0o644
        out.chmod(0o750)
        result = cli("baseline", "rules", "--corpus", FIXTURE_CORPUS, "--out", out, "--force")
        assert result.code == 0, result.err
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert "rules predictions" in (out / "data" / "corpus.json").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pred"]


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "view.html"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        try:
            os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 7))  # the numbers of /dev/full
        except PermissionError:
            pytest.skip("making a device node needs CAP_MKNOD")
    else:
        outside = tmp_path / "elsewhere" / "precious.html"
        outside.parent.mkdir()
        outside.write_text("precious\n")
        path.symlink_to(outside)
    return path


@pytest.mark.parametrize("kind", ["fifo", "device", "symlink"])
def test_show_html_never_replaces_a_device_a_fifo_or_a_symlink(tmp_path: Path, cli, kind: str) -> None:
    path = _special(tmp_path, kind)
    before = _tree(tmp_path)
    result = cli("show", DOC, "--dir", FIXTURE_CORPUS, "--html", path)
    assert result.code == 2 and "not a regular file" in result.err, result.err
    assert _tree(tmp_path) == before


def _release_names(folder: Path) -> None:
    for name in ("README.md", "croissant.json", "SHA256SUMS"):
        (folder / name).write_text(f"the user's {name}\n")


def test_build_never_empties_a_folder_that_merely_holds_release_names(tmp_path: Path, cli) -> None:
    clone = tmp_path / "clone"
    (clone / ".git").mkdir(parents=True)
    (clone / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (clone / "analysis.ipynb").write_text("{}\n")
    _release_names(clone)
    before = _tree(clone)
    result = cli("build", FIXTURE_CORPUS, "--out", clone)
    assert result.code == 2 and "refusing to replace" in result.err
    assert _tree(clone) == before


def test_build_never_replaces_a_clone_of_its_own_release(tmp_path: Path, cli) -> None:
    release = tmp_path / "release"
    assert cli("build", FIXTURE_CORPUS, "--out", release).code == 0
    (release / ".git").mkdir()  # cloned from the Hub, marker and all
    (release / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = _tree(release)
    result = cli("build", FIXTURE_CORPUS, "--out", release)
    assert result.code == 2 and ".git" in result.err
    assert _tree(release) == before


def test_build_never_replaces_the_corpus_it_reads(corpus_dir: Path, cli) -> None:
    _release_names(corpus_dir)
    before = _tree(corpus_dir)
    result = cli("build", corpus_dir, "--out", corpus_dir)
    assert result.code == 2 and "refusing to replace" in result.err
    assert _tree(corpus_dir) == before


def test_build_never_replaces_a_symlink(tmp_path: Path, cli) -> None:
    release = tmp_path / "release"
    assert cli("build", FIXTURE_CORPUS, "--out", release).code == 0
    link = tmp_path / "link"
    link.symlink_to(release)
    before = _tree(tmp_path)
    result = cli("build", FIXTURE_CORPUS, "--out", link)
    assert result.code == 2 and "symbolic link" in result.err
    assert _tree(tmp_path) == before


def test_rewritten_files_keep_their_mode(corpus_dir: Path, cli) -> None:
    manifest = corpus_dir / "MANIFEST.json"
    manifest.chmod(0o600)
    doc = corpus_dir / "data" / "documents" / f"{DOC}.json"
    raw = json.loads(doc.read_text(encoding="utf-8"))
    raw["mentions"][0]["span"] = {"quote": raw["mentions"][0]["span"]["text"], "occurrence": 1}
    doc.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    doc.chmod(0o640)
    assert cli("resolve", doc, "--dir", corpus_dir).code == 0
    assert cli("manifest", corpus_dir, "--write").code == 0
    assert stat.S_IMODE(doc.stat().st_mode) == 0o640 and stat.S_IMODE(manifest.stat().st_mode) == 0o600
    assert '"quote"' not in doc.read_text(encoding="utf-8")


_KILLED_BEFORE_RENAME = """
import os, sys
from communique.cli import main
def killed(*args, **kwargs):
    os._exit(9)
os.rename = os.replace = killed  # the writer stops right before it renames its temporary file
sys.exit(main(sys.argv[1:]))
"""


def test_resolve_killed_mid_write_leaves_no_temporary_file_after_the_next_run(corpus_dir: Path) -> None:
    doc = corpus_dir / "data" / "documents" / f"{DOC}.json"
    raw = json.loads(doc.read_text(encoding="utf-8"))
    resolved = doc.read_bytes()
    raw["mentions"][0]["span"] = {"quote": raw["mentions"][0]["span"]["text"], "occurrence": 1}
    doc.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    quoted = doc.read_bytes()
    args = ["resolve", str(doc), "--dir", str(corpus_dir)]
    killed = subprocess.run([sys.executable, "-c", _KILLED_BEFORE_RENAME, *args], capture_output=True)
    assert killed.returncode == 9
    assert doc.read_bytes() == quoted  # the old file, whole
    rerun = subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert doc.read_bytes() == resolved
    assert sorted(p.name for p in doc.parent.iterdir()) == sorted(["fx01_kyiv_talks.json", "fx02_zurich_note.json"])
    assert "interrupted earlier write" in rerun.stderr


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 1 MiB tmpfs (root only: skipped where mounting is not permitted)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_add_on_a_full_disk_leaves_no_orphan_seed_and_a_retry_works(small_disk: Path, tmp_path: Path, cli) -> None:
    root = small_disk / "corpus"
    (root / "data" / "documents").mkdir(parents=True)
    (root / "seeds").mkdir()
    source = tmp_path / "new.txt"
    source.write_text("Kyiv said on Monday that talks would resume.\n" * 700, encoding="utf-8")  # ~32 KB
    filler = small_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)  # fill the disk, then free room for the seed alone
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    room = (source.stat().st_size + 4095) // 4096 * 4096
    os.truncate(filler, max(0, filler.stat().st_size - room))
    result = cli("add", source, "--dir", root)
    assert result.code == 2 and "No space left" in result.err, result.err
    assert _tree(root / "seeds") == {} and _tree(root / "data" / "documents") == {}
    filler.unlink()
    result = cli("add", source, "--dir", root)
    assert result.code == 0, result.err
    (seed,) = (root / "seeds").iterdir()
    assert seed.read_bytes() == source.read_bytes()
    assert (root / "data" / "documents" / f"{seed.stem}.json").is_file()


_STOP_AT_RENAME = """
import os, sys
calls = 0
stop, when = int(sys.argv[1]), sys.argv[2]
def counted(real):
    def call(*args, **kwargs):
        global calls
        calls += 1
        if calls == stop and when == "before":
            os._exit(9)
        result = real(*args, **kwargs)
        if calls == stop and when == "after":
            os._exit(9)
        return result
    return call
os.rename, os.replace = counted(os.rename), counted(os.replace)  # Path.rename and Path.replace call these
try:
    from communique import writes
    writes._renameat2 = counted(writes._renameat2)  # the atomic exchange is a rename too
except ImportError:
    pass
from communique.cli import main
code = main(sys.argv[3:])
print(f"renames={calls}")
sys.exit(code)
"""


def _stopped(stop: int, when: str, argv: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _STOP_AT_RENAME, str(stop), when, *argv], capture_output=True, text=True
    )


@pytest.mark.slow
@pytest.mark.parametrize("command", ["build", "baseline"])
def test_a_kill_just_before_or_after_the_last_renames_keeps_a_whole_folder(
    tmp_path: Path, cli, command: str
) -> None:
    out = tmp_path / "out"
    if command == "build":
        variants = [["build", str(FIXTURE_CORPUS), "--out", str(out), "--repo-id", f"org/v{i}", "-q"] for i in (0, 1)]
    else:
        base = ["--corpus", str(FIXTURE_CORPUS), "--out", str(out), "--force"]
        variants = [["baseline", name, *base] for name in ("trivial", "rules")]
    assert cli(*variants[1]).code == 0
    new = snapshot(out)
    assert cli(*variants[0]).code == 0
    old = snapshot(out)
    counted = _stopped(0, "never", variants[1])
    assert counted.returncode == 0, counted.stderr
    renames = int(counted.stdout.rsplit("renames=", 1)[1])
    assert cli(*variants[0]).code == 0
    for stop, when in [(renames - 1, "after"), (renames, "before"), (renames, "after")]:
        killed = _stopped(stop, when, variants[1])
        assert killed.returncode == 9, (stop, when, killed.stderr)
        assert out.is_dir(), f"killed {when} rename {stop} of {renames}: {out} is absent"
        assert snapshot(out) in (old, new), f"killed {when} rename {stop} of {renames}: neither old nor new"
        result = cli(*variants[0])
        assert result.code == 0, result.err
        assert snapshot(out) == old and sorted(p.name for p in tmp_path.iterdir()) == ["out"], (stop, when)
