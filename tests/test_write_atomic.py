"""jsonio.write_atomic: a file appears whole or not at all, and no temporary file is left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from communique import jsonio


def _entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_text_and_bytes(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.json"
    jsonio.write_atomic(target, "“é”\n")
    assert target.read_bytes() == "“é”\n".encode()
    jsonio.write_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert _entries(target.parent) == ["out.json"]


class Crash(Exception):
    pass


@pytest.mark.parametrize("where", ["write", "fsync", "chmod", "replace"])
def test_crash_mid_write_keeps_the_old_file_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old contents\n")
    written: list[bytes] = []

    if where == "write":
        real_fdopen = os.fdopen

        def fdopen(fd: int, mode: str) -> object:
            fh = real_fdopen(fd, mode)

            class Half:
                def __enter__(self) -> Half:
                    return self

                def __exit__(self, *exc: object) -> None:
                    fh.close()

                def write(self, data: bytes) -> int:
                    written.append(data[: len(data) // 2])
                    fh.write(data[: len(data) // 2])
                    fh.flush()
                    raise Crash("disk full half-way")

            return Half()

        monkeypatch.setattr(os, "fdopen", fdopen)
    elif where == "fsync":

        def fsync(fd: int) -> None:
            raise Crash("power cut before the data reached the disk")

        monkeypatch.setattr(os, "fsync", fsync)
    else:
        method = Path.chmod if where == "chmod" else Path.replace

        def fail(self: Path, *args: object, **kwargs: object) -> None:
            raise Crash(f"interrupted at {where}")

        monkeypatch.setattr(Path, method.__name__, fail)

    with pytest.raises(Crash):
        jsonio.write_atomic(target, "new contents that are longer than the old ones\n" * 100)
    monkeypatch.undo()
    assert target.read_text() == "old contents\n"
    assert _entries(tmp_path) == ["out.json"]
    if where == "write":
        assert written and written[0]  # the crash did happen after part of the data was written


def test_interrupt_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(KeyboardInterrupt):
        jsonio.write_atomic(tmp_path / "new.json", "x")
    assert _entries(tmp_path) == []


def test_a_folder_in_the_way_is_an_error_and_leaves_it_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.mkdir()
    (target / "keep").write_text("k")
    with pytest.raises(OSError):
        jsonio.write_atomic(target, "x")
    assert _entries(tmp_path) == ["out.json"]
    assert (target / "keep").read_text() == "k"


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    old = os.umask(0o022)
    try:
        jsonio.write_atomic(target, "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "script.sh"
    target.write_text("old")
    target.chmod(0o751)
    jsonio.write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o751
    assert target.read_text() == "new"
