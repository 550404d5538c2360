"""scripts/agreement.py: reproducible inter-annotator agreement."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("agreement", REPO / "scripts" / "agreement.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["agreement"] = module
    spec.loader.exec_module(module)
    return module


def test_published_figures_are_reproduced() -> None:
    agreement = _script()
    result = agreement.agreement(
        agreement.read_pass(REPO / "agreement" / "pass1"), agreement.read_pass(REPO / "agreement" / "pass2")
    )
    published = json.loads((REPO / "docs" / "agreement.json").read_text(encoding="utf-8"))
    assert json.loads(json.dumps(result)) == published


def test_a_pass_agrees_fully_with_itself() -> None:
    agreement = _script()
    p = agreement.read_pass(REPO / "agreement" / "pass1")
    result = agreement.agreement(p, p)
    assert result["actors"]["f1"] == 1.0
    for layer, entry in result.items():
        if layer != "actors":
            assert entry["exact"]["f1"] == entry["overlap"]["f1"] == 1.0, layer


def test_a_shifted_span_lowers_exact_but_not_overlap_agreement(tmp_path: Path) -> None:
    agreement = _script()
    changed = tmp_path / "pass"
    shutil.copytree(REPO / "agreement" / "pass1", changed)
    path = changed / "data" / "documents" / "000_bd8b5cfe7c34e604.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    span = raw["statements"][0]["content"]
    span["end"] -= 1
    text = (REPO / "seeds" / "000_bd8b5cfe7c34e604.txt").read_text(encoding="utf-8")
    span["text"] = text[span["start"] : span["end"]]
    path.write_text(json.dumps(raw), encoding="utf-8")
    result = agreement.agreement(agreement.read_pass(REPO / "agreement" / "pass1"), agreement.read_pass(changed))
    assert result["statements"]["exact"]["f1"] < 1.0
    assert result["statements"]["overlap"]["f1"] == 1.0
    assert result["mentions"]["exact"]["f1"] == 1.0
