"""Agreement between annotation passes, counted with the scorer's own units and matching."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import ModuleType

import communique
from _support import load_script
from communique.scoring import agreement as measure

REPO = Path(__file__).resolve().parents[1]
PASS1, PASS2 = REPO / "agreement" / "pass1", REPO / "agreement" / "pass2"
DOC = "000_bd8b5cfe7c34e604.json"


def _script() -> ModuleType:
    return load_script(REPO / "scripts" / "agreement.py")


def test_published_figures_are_reproduced() -> None:
    script = _script()
    result = measure.agreement(script.read_pass(PASS1), script.read_pass(PASS2))
    published = json.loads((REPO / "docs" / "agreement.json").read_text(encoding="utf-8"))
    assert json.loads(json.dumps(result)) == published


def test_agreement_is_the_scorers_f1_of_one_pass_against_the_other() -> None:
    script = _script()
    a, b = script.read_pass(PASS1), script.read_pass(PASS2)
    result = measure.agreement(a, b)
    report = communique.score(a, b)
    for task, entry in result.items():
        for mode in ("strict", "lenient"):
            counts = getattr(report[task], mode)
            assert entry[mode]["matched"] == counts.tp, (task, mode)
            assert entry[mode]["a"] == counts.tp + counts.fn and entry[mode]["b"] == counts.tp + counts.fp
            assert abs(entry[mode]["f1"] - round(counts.f1, 4)) < 1e-9, (task, mode)


def test_matched_counts_do_not_depend_on_which_pass_plays_gold() -> None:
    script = _script()
    a, b = script.read_pass(PASS1), script.read_pass(PASS2)
    forward, backward = measure.agreement(a, b), measure.agreement(b, a)
    # Span layers do not depend on actor identification, so their maximum matchings have one size.
    for task in ("mentions", "events"):
        for mode in ("strict", "lenient"):
            assert forward[task][mode]["matched"] == backward[task][mode]["matched"], (task, mode)


def test_a_pass_agrees_fully_with_itself() -> None:
    p = _script().read_pass(PASS1)
    for layer, entry in measure.agreement(p, p).items():
        assert entry["strict"]["f1"] == entry["lenient"]["f1"] == 1.0, layer
    assert measure.differences(p, p) == []


def test_a_shifted_span_lowers_strict_but_not_lenient_agreement(tmp_path: Path) -> None:
    script = _script()
    changed = tmp_path / "pass"
    shutil.copytree(PASS1, changed)
    path = changed / "data" / "documents" / DOC
    raw = json.loads(path.read_text(encoding="utf-8"))
    span = raw["statements"][0]["content"]
    span["end"] -= 1
    text = (REPO / "seeds" / "000_bd8b5cfe7c34e604.txt").read_text(encoding="utf-8")
    span["text"] = text[span["start"] : span["end"]]
    path.write_text(json.dumps(raw), encoding="utf-8")
    result = measure.agreement(script.read_pass(PASS1), script.read_pass(changed))
    assert result["statements"]["strict"]["f1"] < 1.0
    assert result["statements"]["lenient"]["f1"] == 1.0
    assert result["mentions"]["strict"]["f1"] == 1.0
    diff = measure.differences(script.read_pass(PASS1), script.read_pass(changed))
    assert len(diff) == 2 and diff[0].startswith("statements only A:") and diff[1].startswith("statements only B:")


def test_maximum_matching_finds_what_a_greedy_pairing_misses() -> None:
    # Greedy by overlap pairs the long B span with the first A span and leaves the second A span
    # unmatched; the scorer's maximum matching pairs both under lenient matching.
    from communique.scoring.matching import Unit, align

    a = [Unit("d", ("x",), ((0, 10),)), Unit("d", ("x",), ((8, 12),))]
    b = [Unit("d", ("x",), ((0, 12),)), Unit("d", ("x",), ((0, 3),))]
    assert len(align(a, b, "lenient")) == 2
    assert measure.f1(2, 2, 2) == 1.0 and measure.f1(0, 0, 0) == 1.0 and measure.f1(1, 2, 3) == 0.4
