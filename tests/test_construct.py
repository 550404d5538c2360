"""Loading the packaged corpus without validating again: same records as validation gives, and
only where the checksums prove the bytes are the validated ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import BaseModel

import communique
from _support import FIXTURE_CORPUS, flip_byte
from communique import api, manifest, validate
from communique.construct import construct
from communique.errors import CorpusInvalidError, IntegrityError
from communique.models import ActorsFile, CorpusInfo, DocumentFile
from communique.synth import generate_corpus


def fields_set(model: BaseModel) -> list[tuple[str, frozenset[str]]]:
    """Every model in the tree with the fields it was given, depth first."""
    out = [(type(model).__name__, frozenset(model.model_fields_set))]
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                out.extend(fields_set(item))
    return out


def same(built: BaseModel, validated: BaseModel) -> None:
    assert built == validated
    assert built.model_dump_json() == validated.model_dump_json()
    assert fields_set(built) == fields_set(validated)


def test_the_packaged_corpus_passes_full_validation() -> None:
    """What makes loading it without validating again sound: the shipped bytes are valid."""
    assert communique.validate().findings == []
    assert validate().findings == []


def test_packaged_load_equals_a_validated_load() -> None:
    fast, full = communique.load(), communique.load(revalidate=True)
    same(fast.info, full.info)
    assert len(fast.actors) == len(full.actors) and len(fast.files) == len(full.files)
    for a, b in zip(fast.actors, full.actors, strict=True):
        same(a, b)
    for f, g in zip(fast.files, full.files, strict=True):
        same(f, g)
        assert f.document.text == g.document.text


@pytest.mark.parametrize("corpus", ["fixture", "synth"])
def test_construct_equals_validation_on_every_file(corpus: str, tmp_path: Path) -> None:
    root = FIXTURE_CORPUS if corpus == "fixture" else generate_corpus(tmp_path / "synth", documents=6, seed=3)
    pairs: list[tuple[type[BaseModel], Path]] = [
        (CorpusInfo, root / "data" / "corpus.json"),
        (ActorsFile, root / "data" / "actors.json"),
        *((DocumentFile, p) for p in sorted((root / "data" / "documents").glob("*.json"))),
    ]
    for model, path in pairs:
        data = path.read_bytes()
        same(construct(model, json.loads(data)), model.model_validate_json(data, strict=True))


def test_construct_reads_numbers_and_defaults_as_validation_does() -> None:
    raw = json.loads((FIXTURE_CORPUS / "data" / "documents" / "fx01_kyiv_talks.json").read_bytes())
    raw["mentions"][0]["span"]["start"] = float(raw["mentions"][0]["span"]["start"])  # 12.0 is the integer 12
    del raw["status"]  # a default
    text = json.dumps(raw)
    built, validated = construct(DocumentFile, json.loads(text)), DocumentFile.model_validate_json(text, strict=True)
    same(built, validated)
    assert type(built.mentions[0].span.start) is int and built.status == "draft"


def test_construct_refuses_a_field_type_it_has_no_plan_for() -> None:
    class Odd(BaseModel):
        counts: dict[str, int]

    class Either(BaseModel):
        value: CorpusInfo | ActorsFile

    class Fine(BaseModel):
        kind: Literal["a", "b"]
        tags: list[str]

    for model in (Odd, Either):
        with pytest.raises(TypeError, match="no construction plan"):
            construct(model, {})
    assert construct(Fine, {"kind": "a", "tags": ["x"]}) == Fine(kind="a", tags=["x"])


def _as_packaged(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    monkeypatch.setattr(api, "resolve_root", lambda path: root if path is None else Path(path))


def _break_a_reference(root: Path) -> None:
    """Make a valid corpus invalid (a dangling actor reference) and record the new bytes in its manifest
    (rendered and written directly: ``manifest.write`` refuses a corpus that does not validate)."""
    path = root / "data" / "documents" / "fx01_kyiv_talks.json"
    raw: dict[str, Any] = json.loads(path.read_bytes())
    raw["mentions"][0]["actor"] = "nobody_at_all"
    path.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with pytest.raises(CorpusInvalidError):
        manifest.write(root)
    (root / manifest.MANIFEST_FILE).write_text(manifest.render(root), encoding="utf-8")


def test_a_corpus_given_by_path_is_always_validated(corpus_dir: Path) -> None:
    _break_a_reference(corpus_dir)
    with pytest.raises(CorpusInvalidError) as info:
        communique.load(corpus_dir)
    assert "E202" in {f.code for f in info.value.report.findings}


def test_packaged_corpus_is_trusted_only_while_its_checksums_hold(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _as_packaged(monkeypatch, corpus_dir)
    _break_a_reference(corpus_dir)  # as if a release shipped bytes its tests never saw: the manifest vouches for them
    assert communique.load().mention("fx01_kyiv_talks-m001").actor == "nobody_at_all"
    for kwargs in ({"revalidate": True}, {"verify": False}):
        with pytest.raises(CorpusInvalidError):
            communique.load(**kwargs)  # type: ignore[arg-type]
    flip_byte(corpus_dir / "data" / "documents" / "fx01_kyiv_talks.json", b"nobody_at_all")
    with pytest.raises(IntegrityError):
        communique.load()
    (corpus_dir / manifest.MANIFEST_FILE).unlink()  # no checksums: nothing vouches for the bytes
    with pytest.raises(CorpusInvalidError):
        communique.load()
