"""communique.paths.safe_child: a name taken from data never escapes its folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique import UnsafePathError
from communique.paths import is_plain_id, safe_child, split_name

UNSAFE = [
    "../x",
    "/etc/x",
    "a/b",
    "a\\b",
    "NUL",
    "nul",
    "Com1",
    "LPT9",
    ".",
    "..",
    "...",
    ".hidden",
    "-rf",
    "_x",
    "a\x00b",
    "a\nb",
    "a\tb",
    "a b",
    "",
    "C:x",
    "é",
    "a.b.c",
    "a.",
    "a..json",
    "a.json\n",
    "a\n",
    "nul.json",
    "Aux.txt",
    "x" * 129,
    "x" * 5000,
]


@pytest.mark.parametrize("name", UNSAFE, ids=[ascii(n)[:40] for n in UNSAFE])
def test_unsafe_names_are_refused(tmp_path: Path, name: str) -> None:
    assert not is_plain_id(name)
    with pytest.raises(UnsafePathError) as info:
        safe_child(tmp_path, name, ".json")
    assert "\x00" not in str(info.value)
    assert len(str(info.value)) < 300
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", [None, 3, b"abc", ["a"]])
def test_non_strings_are_refused(tmp_path: Path, name: object) -> None:
    with pytest.raises(UnsafePathError):
        safe_child(tmp_path, name, ".json")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["a", "doc001", "000_bd8b5cfe7c34e604", "A-b_C", "NULL", "CON10", "x" * 128])
def test_plain_ids_name_a_child_of_the_folder(tmp_path: Path, name: str) -> None:
    child = safe_child(tmp_path, name, ".json")
    assert child == tmp_path / f"{name}.json"
    assert child.resolve().parent == tmp_path.resolve()
    assert safe_child(tmp_path, name) == tmp_path / name
    assert safe_child(tmp_path, f"{name}.txt") == tmp_path / f"{name}.txt"
    assert is_plain_id(name)


@pytest.mark.parametrize("suffix", ["/x", ".json/..", "json", "..", ".a b", "." + "x" * 20])
def test_odd_suffixes_are_refused(tmp_path: Path, suffix: str) -> None:
    with pytest.raises(UnsafePathError):
        safe_child(tmp_path, "a", suffix)


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text("secret")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "doc.json").symlink_to(outside)
    with pytest.raises(UnsafePathError, match="symbolic link"):
        safe_child(folder, "doc", ".json")
    (folder / "ok.json").symlink_to(folder / "real.json")
    assert safe_child(folder, "ok", ".json") == folder / "ok.json"


def test_split_name() -> None:
    assert split_name("doc001.txt", ".txt") == "doc001"
    for bad in ["../doc.txt", "doc.json", ".txt", "a/b.txt"]:
        with pytest.raises(UnsafePathError):
            split_name(bad, ".txt")


def test_unsafe_path_error_is_a_communique_error_and_a_value_error() -> None:
    from communique import CommuniqueError

    assert issubclass(UnsafePathError, CommuniqueError)
    assert issubclass(UnsafePathError, ValueError)
