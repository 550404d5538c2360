"""croissant.json, read by mlcroissant, yields the same records."""

from __future__ import annotations

import json
import logging
import warnings
from pathlib import Path
from typing import Any

import pytest

from _support import CONFIGS, FIXTURE_CORPUS, expected_rows
from communique.release.croissant import OMITTED
from communique.release.views import config


def _value(value: Any) -> Any:
    return value.encode("utf-8") if isinstance(value, str) else value


def project(value: Any, field: dict[str, Any]) -> Any:
    """What mlcroissant yields for ``value`` under a Croissant field: strings as UTF-8 bytes,
    struct members keyed by field id, a null struct as a struct of nulls."""
    subs = field.get("subField")
    if field.get("repeated"):
        items = value or []
        if subs:
            return [{s["@id"]: _value(item.get(s["@id"].rsplit("/", 1)[1])) for s in subs} for item in items]
        return [_value(v) for v in items]
    if subs:
        value = value or {}
        return {s["@id"]: _value(value.get(s["@id"].rsplit("/", 1)[1])) for s in subs}
    return _value(value)


def normalise(value: Any) -> Any:
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [normalise(v) for v in value]
    return value


@pytest.fixture(scope="module")
def croissant_doc(fixture_release: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((fixture_release / "croissant.json").read_text(encoding="utf-8"))
    return doc


def test_record_sets_describe_every_column(croissant_doc: dict[str, Any]) -> None:
    sets = {rs["name"]: rs for rs in croissant_doc["recordSet"]}
    assert list(sets) == list(CONFIGS)
    for name in CONFIGS:
        columns = [f.name for f in config(name).tree().fields if f.name not in OMITTED.get(name, ())]
        assert [f["@id"].split("/", 1)[1] for f in sets[name]["field"]] == columns
    files = {d["contentUrl"] for d in croissant_doc["distribution"]}
    assert files == {f"{c}/test-00000-of-00001.parquet" for c in CONFIGS}


@pytest.mark.parametrize("name", CONFIGS)
def test_mlcroissant_yields_the_records(
    fixture_release: Path, croissant_doc: dict[str, Any], name: str, caplog: pytest.LogCaptureFixture
) -> None:
    import mlcroissant as mlc

    # mlcroissant calls rdflib and pandas APIs that those libraries deprecate: not ours to fix,
    # so their deprecation warnings are let through for this call only.
    with caplog.at_level(logging.ERROR), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", FutureWarning)
        dataset = mlc.Dataset(jsonld=fixture_release / "croissant.json")
        records = [normalise(r) for r in dataset.records(record_set=name)]
    (record_set,) = [rs for rs in croissant_doc["recordSet"] if rs["name"] == name]
    want = [
        {f["@id"]: project(row.get(f["@id"].split("/", 1)[1]), f) for f in record_set["field"]}
        for row in expected_rows(FIXTURE_CORPUS)[name]
    ]
    assert records == want
