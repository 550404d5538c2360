"""Compatibility: released record formats keep loading; the upgrade registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import communique
from _support import TESTS
from communique import upgrade as up
from communique.models import SCHEMA_VERSION, ActorsFile, CorpusInfo, DocumentFile

COMPAT = TESTS / "compat"
RELEASED = sorted(p for p in COMPAT.iterdir() if p.is_dir())
MODELS = {"corpus.json": CorpusInfo, "actors.json": ActorsFile}


def test_there_is_a_sample_of_the_released_format() -> None:
    assert [p.name for p in RELEASED] == ["v1.0.0"]


@pytest.mark.parametrize("sample", RELEASED, ids=lambda p: p.name)
def test_released_samples_validate_and_load(sample: Path) -> None:
    report = communique.validate(sample)
    assert report.ok, [f.describe() for f in report.findings]
    corpus = communique.load(sample)
    assert corpus.mentions and corpus.events and corpus.statements


@pytest.mark.parametrize("sample", RELEASED, ids=lambda p: p.name)
def test_released_samples_upgrade_to_current_models(sample: Path) -> None:
    files = sorted((sample / "data").rglob("*.json"))
    assert files
    for path in files:
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert raw["schema_version"] == sample.name.removeprefix("v")
        upgraded = up.upgrade(raw)
        model = MODELS.get(path.name, DocumentFile)
        model.model_validate(upgraded, strict=True)


def test_registry_is_keyed_by_schema_version() -> None:
    assert SCHEMA_VERSION in up.UPGRADES
    for version in up.UPGRADES:
        assert [part.isdigit() for part in version.split(".")] == [True, True, True]


def test_identity_for_1x_returns_an_equal_copy() -> None:
    raw = {"schema_version": "1.0.0", "name": "x", "nested": {"a": [1, 2]}}
    out = up.upgrade(raw)
    assert out == raw and out is not raw
    later = {"schema_version": "1.4.2", "name": "y"}
    assert up.upgrade(later) == later


def test_unknown_major_version_is_refused() -> None:
    with pytest.raises(up.UpgradeError, match=r"2\.0\.0"):
        up.upgrade({"schema_version": "2.0.0"})
    with pytest.raises(up.UpgradeError, match="schema_version"):
        up.upgrade({"name": "no version"})


def test_steps_chain_until_the_current_format(monkeypatch: pytest.MonkeyPatch) -> None:
    def from_0_9(raw: up.Raw) -> up.Raw:
        out = {k: v for k, v in raw.items() if k != "title"}
        out["name"] = raw["title"]
        out["schema_version"] = "1.0.0"
        return out

    monkeypatch.setitem(up.UPGRADES, "0.9.0", from_0_9)
    old = {"schema_version": "0.9.0", "title": "Old corpus"}
    assert up.upgrade(old) == {"schema_version": "1.0.0", "name": "Old corpus"}
    assert old == {"schema_version": "0.9.0", "title": "Old corpus"}


def test_looping_steps_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(up.UPGRADES, "0.8.0", lambda raw: {**raw, "schema_version": "0.9.0"})
    monkeypatch.setitem(up.UPGRADES, "0.9.0", lambda raw: {**raw, "schema_version": "0.8.0"})
    with pytest.raises(up.UpgradeError, match="loop"):
        up.upgrade({"schema_version": "0.8.0"})
