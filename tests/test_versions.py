"""The package version and the dataset version, each against its one source."""

from __future__ import annotations

import json
import re
import tomllib

import communique
from _support import FIXTURE_CORPUS, REPO
from communique.models import SCHEMA_VERSION


def test_package_version_comes_from_version_file() -> None:
    text = (REPO / "src" / "communique" / "_version.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.M)
    assert match is not None
    assert communique.__version__ == match.group(1)
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/communique/_version.py"


def test_dataset_version_comes_from_corpus_json() -> None:
    raw = json.loads((REPO / "data" / "corpus.json").read_text(encoding="utf-8"))
    assert communique.dataset_version() == raw["version"]
    assert communique.load().version == raw["version"]


def test_dataset_version_of_another_corpus_is_its_own() -> None:
    raw = json.loads((FIXTURE_CORPUS / "data" / "corpus.json").read_text(encoding="utf-8"))
    assert communique.load(FIXTURE_CORPUS).version == raw["version"] != communique.dataset_version()


def test_every_release_schema_is_the_shipped_file_with_the_major_version_in_its_id(packaged_release) -> None:
    major = SCHEMA_VERSION.split(".")[0]
    shipped = sorted((REPO / "schema").glob("*.json"))
    assert shipped
    released = {p.name: p.read_bytes() for p in (packaged_release / "schema").glob("*.json")}
    assert released == {p.name: p.read_bytes() for p in shipped}
    for name, data in released.items():
        schema_id = json.loads(data)["$id"]
        assert f"/v{major}/" in schema_id and schema_id.endswith(f"/{name}"), (name, schema_id)
