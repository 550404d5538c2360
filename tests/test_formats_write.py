"""Exports and imports write a new folder whole or not at all, and never replace one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from communique import formats
from communique.errors import OutputError
from communique.formats import _write


def test_a_failure_midway_leaves_no_folder_and_no_leftovers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def failing(path: Path, data: Any) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError("disk full")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)

    monkeypatch.setattr(_write.writes, "write_file", failing)
    with pytest.raises(OSError, match="disk full"):
        formats.export("brat", None, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []  # the temporary folder is gone too


def test_an_existing_folder_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match="not empty"):
        formats.export("oneie", None, tmp_path / "out")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["mine.txt"]
    formats.export("oneie", None, tmp_path / "empty")  # an absent (or empty) folder is fine
    assert (tmp_path / "empty" / "windows.jsonl").is_file()
