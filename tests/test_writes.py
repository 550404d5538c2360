"""communique.writes: files and folders whole or not at all, never over what the package did not write."""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from _support import snapshot
from communique import writes
from communique.errors import OutputError
from communique.outputs import MARKER


def _entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def umask022():
    old = os.umask(0o022)
    yield
    os.umask(old)


# -- files --------------------------------------------------------------------------------------


def test_writes_text_and_bytes(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.json"
    writes.write_file(target, "“é”\n")
    assert target.read_bytes() == "“é”\n".encode()
    writes.write_file(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert _entries(target.parent) == ["out.json"]


class Crash(Exception):
    pass


@pytest.mark.parametrize("where", ["write", "fsync", "rename"])
def test_crash_mid_write_keeps_the_old_file_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old contents\n")
    real_write = os.write

    def half_write(fd: int, data: object) -> int:
        real_write(fd, bytes(data)[:10])  # type: ignore[call-overload]
        raise OSError(errno.ENOSPC, "No space left on device")

    def fail(*args: object) -> None:
        raise Crash(f"interrupted at {where}")

    monkeypatch.setattr(os, where, half_write if where == "write" else fail)
    with pytest.raises((Crash, OSError)):
        writes.write_file(target, "new contents that are longer than the old ones\n" * 100)
    monkeypatch.undo()
    assert target.read_text() == "old contents\n"
    assert _entries(tmp_path) == ["out.json"]


def test_interrupt_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(KeyboardInterrupt):
        writes.write_file(tmp_path / "new.json", "x")
    assert _entries(tmp_path) == []


def test_new_file_gets_the_usual_permissions_and_an_existing_one_keeps_its_own(tmp_path: Path, umask022) -> None:
    writes.write_file(tmp_path / "new.json", "x")
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644
    script = tmp_path / "script.sh"
    script.write_text("old")
    script.chmod(0o751)
    writes.write_file(script, "new")
    assert stat.S_IMODE(script.stat().st_mode) == 0o751 and script.read_text() == "new"
    writes.write_file(tmp_path / "a" / "b" / "c.txt", "x")
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o755


def _special(tmp_path: Path, kind: str) -> tuple[Path, Path]:
    """A path of ``kind`` in tmp_path, and a file outside that a symbolic link would reach."""
    path, outside = tmp_path / "view.html", tmp_path / "outside" / "precious.txt"
    outside.parent.mkdir()
    outside.write_text("precious\n")
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        try:
            os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 7))  # the numbers of /dev/full
        except PermissionError:
            pytest.skip("making a device node needs CAP_MKNOD")
    elif kind == "symlink":
        path.symlink_to(outside)
    else:
        path.mkdir()
        (path / "keep").write_text("k")
    return path, outside


@pytest.mark.parametrize("kind", ["fifo", "device", "symlink", "folder"])
def test_only_a_regular_file_is_ever_replaced(tmp_path: Path, kind: str) -> None:
    path, outside = _special(tmp_path, kind)
    before = os.lstat(path)
    with pytest.raises(OutputError, match="not a regular file"):
        writes.write_file(path, "<html>")
    after = os.lstat(path)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode) and after.st_ino == before.st_ino
    assert outside.read_text() == "precious\n"
    assert not [p for p in tmp_path.iterdir() if "communique" in p.name]


def test_a_killed_writers_temporary_file_is_removed_a_live_ones_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    dead = tmp_path / ".doc.json.communique-tmp"
    dead.write_text("half")
    other_dead = tmp_path / ".gone.json.communique-tmp-0123abcd"
    other_dead.write_text("half")
    live = tmp_path / ".other.json.communique-tmp"
    live.write_text("being written")
    held = os.open(live, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)
    (tmp_path / ".notes.tmp").write_text("the user's own")
    try:
        with caplog.at_level(logging.WARNING, logger="communique"):
            writes.write_file(tmp_path / "doc.json", "{}")  # its own leftover, found without listing
            assert str(dead) in caplog.text and other_dead.exists()
            writes.write_file(tmp_path / "other.json", "[]")  # a live write of the same file: another name
            writes.tidy(tmp_path)
    finally:
        os.close(held)
    assert _entries(tmp_path) == sorted([".notes.tmp", ".other.json.communique-tmp", "doc.json", "other.json"])
    assert "interrupted earlier write" in caplog.text and str(other_dead) in caplog.text
    assert (tmp_path / "other.json").read_text() == "[]" and live.read_text() == "being written"


def test_create_files_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "docs" / "d.json", tmp_path / "seeds" / "d.txt"
    real = writes._move_new
    calls: list[Path] = []

    def full_disk(src: Path, dst: Path) -> None:
        calls.append(dst)
        if dst == second:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(writes, "_move_new", full_disk)
    with pytest.raises(OSError, match="No space"):
        writes.create_files([(first, "{}"), (second, b"text")])
    assert calls == [first, second]
    assert _entries(first.parent) == [] and _entries(second.parent) == []
    monkeypatch.undo()
    first.write_text("{}")  # an interrupted earlier call left the first file: a retry completes it
    writes.create_files([(first, "{}"), (second, b"text")])
    assert first.read_text() == "{}" and second.read_bytes() == b"text"
    with pytest.raises(OutputError, match="already exists and holds other content"):
        writes.create_files([(tmp_path / "new.json", "x"), (second, b"other")])
    assert not (tmp_path / "new.json").exists() and second.read_bytes() == b"text"


def test_open_new_and_rename_new_never_replace(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("a")
    (tmp_path / "b").write_text("b")
    with pytest.raises(FileExistsError):
        writes.open_new(tmp_path / "a")
    with pytest.raises(FileExistsError):
        writes.rename_new(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "a").read_text() == "a" and (tmp_path / "b").read_text() == "b"


# -- folders ------------------------------------------------------------------------------------


def _fill(text: str):  # type: ignore[no-untyped-def]
    def fill(tmp: Path) -> None:
        writes.write_file(tmp / "data" / "corpus.json", text)
        writes.write_file(tmp / "README.md", text)

    return fill


def test_a_new_folder_is_written_whole_with_a_marker_and_usual_modes(tmp_path: Path, umask022) -> None:
    out = tmp_path / "out"
    writes.write_folder(out, _fill("one"), command="build")
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert sorted(snapshot(out)) == [MARKER, "README.md", "data/corpus.json"]
    assert '"command": "build"' in (out / MARKER).read_text()
    out.chmod(0o750)
    writes.write_folder(out, _fill("two"), command="build")
    assert (out / "README.md").read_text() == "two" and stat.S_IMODE(out.stat().st_mode) == 0o750
    assert _entries(tmp_path) == ["out"]


def test_an_empty_folder_is_filled(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    writes.write_folder(out, _fill("one"), command="build")
    assert (out / "README.md").read_text() == "one" and _entries(tmp_path) == ["out"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda out: (out / ".git").mkdir(), r"it holds \.git"),
        (lambda out: (out / "notes.txt").write_text("mine"), "it holds notes.txt"),
        (lambda out: (out / "README.md").write_text("edit"), "README.md was changed"),
        (lambda out: (out / "README.md").write_text("ONE"), "README.md was changed"),
        (lambda out: (out / MARKER).write_text("{"), "no marker"),
        (lambda out: (out / MARKER).unlink(), "no marker"),
    ],
)
def test_a_folder_is_replaced_only_when_it_holds_just_what_the_package_wrote(
    tmp_path: Path, change, message: str
) -> None:
    out = tmp_path / "out"
    writes.write_folder(out, _fill("one"), command="build")
    change(out)
    before = snapshot(out)
    with pytest.raises(OutputError, match=message):
        writes.write_folder(out, _fill("two"), command="build")
    assert snapshot(out) == before and _entries(tmp_path) == ["out"]


def test_another_commands_output_and_force_are_respected(tmp_path: Path) -> None:
    out = tmp_path / "out"
    writes.write_folder(out, _fill("one"), command="synth")
    with pytest.raises(OutputError, match="`communique synth` wrote it, not `build`"):
        writes.write_folder(out, _fill("two"), command="build")
    with pytest.raises(OutputError, match="use --force"):
        writes.write_folder(out, _fill("two"), command="synth", replace=False)
    assert (out / "README.md").read_text() == "one"


def test_a_symlink_a_file_the_current_folder_and_the_input_are_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    writes.write_folder(real, _fill("one"), command="build")
    link = tmp_path / "link"
    link.symlink_to(real)
    with pytest.raises(OutputError, match="symbolic link"):
        writes.write_folder(link, _fill("two"), command="build")
    assert link.is_symlink() and (real / "README.md").read_text() == "one"
    with pytest.raises(OutputError, match="is not a folder"):
        writes.write_folder(real / "README.md", _fill("two"), command="build")
    with pytest.raises(OutputError, match="input corpus"):
        writes.write_folder(real, _fill("two"), command="build", source=real / "data")
    monkeypatch.chdir(real / "data")
    with pytest.raises(OutputError, match="current folder"):
        writes.write_folder(real, _fill("two"), command="build")
    assert (real / "README.md").read_text() == "one"


def test_a_failed_fill_keeps_the_previous_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    writes.write_folder(out, _fill("one"), command="build")

    def fill(tmp: Path) -> None:
        writes.write_file(tmp / "README.md", "half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        writes.write_folder(out, fill, command="build")
    assert (out / "README.md").read_text() == "one" and _entries(tmp_path) == ["out"]


# -- the swap protocol, stopped at each step in a subprocess --------------------------------------

_WRITER = """
import os, sys
from pathlib import Path
from communique import writes
step, exchange, out, text = sys.argv[1:]
if exchange == "no":
    writes._renameat2 = lambda src, dst, flags: False
writes._step = lambda name: os._exit(9) if name == step else None
def fill(tmp):
    for i in range(3):
        writes.write_file(tmp / "data" / f"{i}.json", text)
writes.write_folder(Path(out), fill, command="build")
"""


def _run_writer(step: str, exchange: str, out: Path, text: str) -> tuple[int, str]:
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    argv = [sys.executable, "-c", _WRITER, step, exchange, str(out), text]
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    return done.returncode, done.stderr


@pytest.mark.parametrize(
    ("exchange", "step"),
    [("yes", s) for s in ("filled", "synced", "exchanged", "removed")]
    + [("no", s) for s in ("filled", "synced", "moved-aside", "renamed-in", "removed")],
)
def test_a_kill_at_each_step_leaves_old_or_new_and_the_next_run_recovers(
    tmp_path: Path, exchange: str, step: str
) -> None:
    out = tmp_path / "out"
    assert _run_writer("-", exchange, out, "old") == (0, "")
    old = snapshot(out)
    new = {k: (b"new" if k != MARKER else v) for k, v in old.items()}
    assert _run_writer(step, exchange, out, "new")[0] == 9
    if out.exists():
        now = snapshot(out)
        assert now == old or now == new | {MARKER: now[MARKER]}
    else:  # only between the two renames of the fallback: the old folder waits, whole, beside it
        assert step == "moved-aside"
        (aside,) = [p for p in tmp_path.iterdir() if ".communique-old-" in p.name]
        assert snapshot(aside) == old
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "out")
    assert bool(left) == (step != "removed"), left  # the kill left something beside it, except after the clean-up
    code, err = _run_writer("-", exchange, out, "again")
    assert code == 0, err
    for name in left:
        assert name in err, err  # each leftover is named as it is put back or removed
    if step == "moved-aside":
        assert f"put {out} back" in err
    assert _entries(tmp_path) == ["out"]
    assert {k: v for k, v in snapshot(out).items() if k != MARKER} == {f"data/{i}.json": b"again" for i in range(3)}


def test_leftovers_of_the_earlier_release_writer_are_put_back_or_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "release"
    moved = tmp_path / ".release.old-killed"
    moved.mkdir()
    (moved / "README.md").write_text("earlier release")
    with caplog.at_level(logging.WARNING, logger="communique"), pytest.raises(OutputError, match="no marker"):
        writes.write_folder(out, _fill("new"), command="build")
    assert (out / "README.md").read_text() == "earlier release"  # put back, then refused: not marked
    assert f"put {out} back" in caplog.text
    stale = tmp_path / ".release.tmp-killed"
    stale.mkdir()
    with caplog.at_level(logging.WARNING, logger="communique"), pytest.raises(OutputError):
        writes.write_folder(out, _fill("new"), command="build")
    assert stale.is_dir() and f"left {stale} alone" in caplog.text


def test_a_write_in_progress_is_never_taken_for_a_leftover(tmp_path: Path) -> None:
    out = tmp_path / "out"
    busy = tmp_path / ".out.communique-new-0badc0de"
    busy.mkdir()
    fd = os.open(busy, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        writes.write_folder(out, _fill("one"), command="build")
    finally:
        os.close(fd)
    assert busy.is_dir() and (out / "README.md").read_text() == "one"
