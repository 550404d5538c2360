"""--jobs N starts at most one process per core and per document file, and the CLI says when it capped."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from communique.synth import generate_corpus
from communique.validation import driver as engine
from communique.validation.driver import default_jobs, pool_size
from hostile import Cli


class _Pool:
    """Stands in for ProcessPoolExecutor: records the pool size asked for, runs the work in this process."""

    sizes: ClassVar[list[int]] = []

    def __init__(self, workers: int, *, initializer: Callable[..., None], initargs: tuple[Any, ...], **_: Any) -> None:
        _Pool.sizes.append(workers)
        initializer(*initargs)

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        engine.gc.enable()

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        return map(fn, items)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return generate_corpus(tmp_path / "corpus", documents=130, seed=0)  # three shards of 64 files


def test_pool_size_is_capped_at_cores_and_files() -> None:
    cores = default_jobs()
    assert pool_size(2000, 130) == min(cores, 130)
    assert pool_size(2000, 1) == 1
    assert pool_size(None, 1000) == cores
    assert pool_size(1, 0) == 1


def test_a_huge_jobs_value_starts_no_more_processes_than_cores(
    corpus: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _Pool.sizes = []
    monkeypatch.setattr(engine, "ProcessPoolExecutor", _Pool)
    monkeypatch.setattr(engine, "default_jobs", lambda: 2)  # the pool is used even on a one-core machine
    result = cli("validate", corpus, "--jobs", "2000")
    assert result.code == 0, result.err
    assert _Pool.sizes == [2]
    assert result.err.count("\n") == 2 and result.err.startswith("corpus: ")  # the corpus, then the cap
    assert "--jobs 2000 capped at 2 (2 core(s), 130 document file(s))" in result.err


def test_the_api_caps_too(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import communique

    _Pool.sizes = []
    monkeypatch.setattr(engine, "ProcessPoolExecutor", _Pool)
    monkeypatch.setattr(engine, "default_jobs", lambda: 2)
    assert communique.validate(corpus, jobs=2000).ok
    assert _Pool.sizes == [2]


def test_no_message_when_jobs_is_within_bounds(corpus: Path, cli: Cli) -> None:
    result = cli("validate", corpus, "--jobs", "1")
    assert result.code == 0 and "capped" not in result.err
