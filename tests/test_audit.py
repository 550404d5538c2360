"""The audit of dataset 0.1.0: every item decided, every accepted error fixed, the figures reproduced."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from _support import load_script

REPO = Path(__file__).resolve().parents[1]
AUDIT = REPO / "agreement" / "audit"


def _script() -> ModuleType:
    return load_script(REPO / "scripts" / "audit_figures.py")


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _script()


@pytest.fixture(scope="module")
def decisions(script: ModuleType) -> dict[str, Any]:
    data: dict[str, Any] = script.read_json(script.DECISIONS)
    return data


def _listed(path: Path, pattern: str) -> list[str]:
    return re.findall(pattern, path.read_text(encoding="utf-8"), flags=re.M)


def test_every_audit_item_has_one_decision(decisions: dict[str, Any]) -> None:
    ids = [i["item"] for i in decisions["items"]]
    assert len(ids) == len(set(ids))
    precision = _listed(AUDIT / "precision.md", r"^(P\d+) \|")
    missing = _listed(AUDIT / "missing.md", r"^([MD]\d+) \|")
    doubtful = len(re.findall(r"^- ", (AUDIT / "precision.md").read_text(encoding="utf-8").split("## Doubtful")[1]
                              .split("## Counts")[0], flags=re.M))
    assert (len(precision), len(missing), doubtful) == (22, 33, 20)
    expected = {*precision, *missing, *(f"PD{n}" for n in range(1, doubtful + 1)), *(f"I{n}" for n in range(1, 11))}
    assert expected <= set(ids), sorted(expected - set(ids))
    for item in decisions["items"]:
        assert item["reason"].strip(), item["item"]
        for ref in item.get("same_as", "").split(", ") if "same_as" in item else []:
            assert ref in ids, (item["item"], ref)


def test_no_accepted_error_is_left_open(script: ModuleType, decisions: dict[str, Any]) -> None:
    result = script.figures(decisions, script.read_data(script.AUDITED), script.read_data(REPO))
    assert result["audited"] == "0.1.0" and result["current"] == "0.2.0"
    assert result["total"] == {"errors": 50, "open": 0}
    assert result["layers"]["link"] == {"checked": 29, "errors": 17, "open": 0}
    assert result["decisions"] == {"accepted": 51, "accepted with a different correction": 5, "rejected": 30,
                                   "same finding as another item": 18}


def test_a_reverted_fix_shows_as_open(script: ModuleType, decisions: dict[str, Any]) -> None:
    after = script.read_data(REPO)
    reverted = copy.deepcopy(after)
    call = reverted["records"]["000_bd8b5cfe7c34e604-e07"]
    call["time"]["mod"] = "before"
    result = script.figures(decisions, script.read_data(script.AUDITED), reverted)
    assert result["layers"]["time"]["open"] == 1 and result["total"]["open"] == 1


def test_an_item_whose_checks_held_before_is_refused(script: ModuleType, decisions: dict[str, Any]) -> None:
    before = script.read_data(script.AUDITED)
    bogus = copy.deepcopy(decisions)
    bogus["items"].append({"item": "X1", "list": "precision", "class": "definite", "records": [], "layer": "time",
                           "decision": "accepted", "reason": "r", "change": "", "units": 1,
                           "checks": [{"record": "000_bd8b5cfe7c34e604-e17", "path": "time.value",
                                       "equals": "2025-04-13"}]})
    with pytest.raises(ValueError, match="X1"):
        script.figures(bogus, before, script.read_data(REPO))


def test_published_figures_are_reproduced(script: ModuleType, decisions: dict[str, Any]) -> None:
    result = script.figures(decisions, script.read_data(script.AUDITED), script.read_data(REPO))
    published = json.loads((REPO / "docs" / "audit.json").read_text(encoding="utf-8"))
    assert published == json.loads(json.dumps(result))


def test_decisions_md_is_generated_from_the_json(script: ModuleType, decisions: dict[str, Any]) -> None:
    text = (AUDIT / "decisions.md").read_text(encoding="utf-8")
    assert script.with_table(text, decisions) == text
    assert text.count("\n| P") >= 22 and "## Checks that would have caught these" in text


def _records(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = _script().read_data(root)["records"]
    return data


def test_every_changed_record_is_listed_in_the_changelog() -> None:
    before, after = _records(AUDIT / "0.1.0"), _records(REPO)
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert len(changed) == 35
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    unreleased = changelog.split("## [Unreleased]")[1].split("\n## [")[0]
    data = unreleased.split("### Data")[1].split("\n### ")[0]
    assert "0.2.0" in data
    for record in sorted(changed):
        assert f"`{record.rsplit('-', 1)[-1]}`" in data, record


def test_card_of_the_packaged_corpus_states_the_audit(packaged_release: Path) -> None:
    figures = json.loads((REPO / "docs" / "audit.json").read_text(encoding="utf-8"))
    readme = (packaged_release / "README.md").read_text(encoding="utf-8")
    annotation = readme[readme.index("## Annotation") : readme.index("## Span convention")]
    section = annotation[annotation.index("<!-- BEGIN audit") : annotation.index("<!-- END audit -->")]
    assert "### Audit" in annotation and "python scripts/audit_figures.py" in section
    for layer, entry in figures["layers"].items():
        assert f"| {layer} | {entry['checked']} | {entry['errors']} | {entry['open']} |" in section, layer
    assert f"| total | | {figures['total']['errors']} | 0 |" in section


def test_card_without_an_audit_file_has_no_audit_section(fixture_release: Path) -> None:
    readme = (fixture_release / "README.md").read_text(encoding="utf-8")
    assert "### Audit" not in readme and "<!-- BEGIN agreement" in readme


def test_readme_and_long_form_quote_the_committed_figures() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## How it was annotated, and how reliably\n", 1)[1].split("\n## ", 1)[0]
    audit = json.loads((REPO / "docs" / "audit.json").read_text(encoding="utf-8"))
    for layer, entry in audit["layers"].items():
        if entry["errors"]:
            assert f"{layer} {entry['errors']} → {entry['open']}" in section, layer
    assert f"{audit['total']['errors']} in all, {audit['total']['open']} open" in section
    agreement = json.loads((REPO / "docs" / "agreement.json").read_text(encoding="utf-8"))
    long_form = (REPO / "docs" / "agreement.md").read_text(encoding="utf-8")
    for layer, entry in agreement.items():
        strict, lenient = entry["strict"], entry["lenient"]
        cells = f"{strict['f1']:.3f} | {lenient['f1']:.3f} | {strict['a']} / {strict['b']} |"
        assert re.search(rf"^\| {layer}( \([^)]*\))? \| {re.escape(cells)}$", section, flags=re.M), layer
        assert f"| {layer} | {cells} {strict['matched']} |" in long_form, layer
    script = _script()
    table = script.markdown(script.figures(script.read_json(script.DECISIONS), script.read_data(script.AUDITED),
                                           script.read_data(REPO)))
    assert table in long_form
