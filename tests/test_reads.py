"""communique.reads: regular files only, sizes measured before reading, walks that never go round a loop."""

from __future__ import annotations

import io
import os
import socket
from pathlib import Path

import pytest

from communique import jsonio, reads


def test_an_oversized_file_is_refused_without_a_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"[" + b"0," * 100 + b"0]")
    monkeypatch.setattr(jsonio, "MAX_FILE_BYTES", 50)

    def no_read(*args: object) -> bytes:
        raise AssertionError("an oversized file was read")

    monkeypatch.setattr(os, "read", no_read)
    with pytest.raises(reads.ReadRefused, match="is 203 bytes, over the limit of 50 bytes") as info:
        jsonio.read_path(big)
    assert info.value.code == "E102"


def test_reads_stop_one_byte_past_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that fstat reports small but that holds more (it grew, or /proc-like) is cut at limit + 1."""
    path = tmp_path / "grows.txt"
    path.write_bytes(b"x" * 1000)
    real = os.fstat

    def small(fd: int) -> os.stat_result:
        info = list(real(fd))
        info[6] = 10  # st_size
        return os.stat_result(info)

    asked: list[int] = []
    real_read = os.read

    def counting(fd: int, n: int) -> bytes:
        asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "fstat", small)
    monkeypatch.setattr(os, "read", counting)
    with pytest.raises(reads.ReadRefused, match="larger than the limit of 100 bytes"):
        reads.read_file(path, "grows.txt", limit=100)
    assert sum(asked) <= 101
    monkeypatch.undo()
    assert reads.read_file(path, "grows.txt", limit=1000) == b"x" * 1000


class _Resource:
    """A package resource that is not on the file system (a Traversable that is no Path)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.asked: list[int] = []
        self.name = "r.json"

    def is_file(self) -> bool:
        return True

    def is_dir(self) -> bool:
        return False

    def open(self, mode: str = "rb") -> io.BytesIO:
        outer = self

        class Counting(io.BytesIO):
            def read(self, size: int | None = -1) -> bytes:
                outer.asked.append(-1 if size is None else size)
                return super().read(size)

        return Counting(self.data)


def test_a_resource_is_read_with_the_same_bound() -> None:
    resource = _Resource(b"x" * 1000)
    with pytest.raises(reads.ReadRefused, match="larger than the limit of 100 bytes"):
        reads.read_node(resource, "r.json", limit=100)  # type: ignore[arg-type]
    assert resource.asked == [101]
    assert reads.read_node(_Resource(b"x" * 100), "r.json", limit=100) == b"x" * 100  # type: ignore[arg-type]


def test_checksums_are_streamed_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(os.urandom(3 * reads.CHUNK + 5))
    asked: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: asked.append(n) or real_read(fd, n))
    digest, size = reads.sha256(path, "seed.txt")
    import hashlib

    assert (digest, size) == (hashlib.sha256(path.read_bytes()).hexdigest(), 3 * reads.CHUNK + 5)
    assert max(asked) <= reads.CHUNK


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(reads.ReadRefused, match="it is a socket") as info:
            reads.read_file(path, "s.json")
        assert info.value.code == "E101"
    finally:
        server.close()


def test_a_chain_of_links_is_named_in_the_loop_message(tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to("b.json")
    (tmp_path / "b.json").symlink_to("c.json")
    (tmp_path / "c.json").symlink_to("a.json")
    with pytest.raises(reads.ReadRefused) as info:
        reads.read_file(tmp_path / "a.json", "data/a.json")
    assert info.value.code == "E107"
    assert "a.json -> b.json -> c.json -> a.json" in info.value.reason


def test_a_walk_lists_files_and_reports_each_loop_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    (data / "sub" / "f.json").write_text("{}")
    (data / ".hidden").write_text("")
    (data / "a").symlink_to("b")
    (data / "b").symlink_to("a")
    (data / "sub" / "back").symlink_to("..")
    (data / "elsewhere").symlink_to("sub")  # a link to a folder that is no loop: followed
    os.mkfifo(data / "pipe")
    listing = reads.walk(tmp_path, "data")
    assert listing.files == ["data/elsewhere/f.json", "data/sub/f.json"]
    codes = sorted((f.file, f.code) for f in listing.refused)
    assert [c for _, c in codes].count("E107") == 2  # a<->b once; sub/back, reached twice, once
    assert ("data/pipe", "E101") in codes
    assert sum(1 for f, c in codes if c == "E107" and f in ("data/a", "data/b")) == 1
