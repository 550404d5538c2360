"""The checks the audit of 0.1.0 proposed (agreement/audit/decisions.md, "Checks that would have
caught these"): each flags exactly the 0.1.0 records the audit lists, and none of the packaged
corpus."""

from __future__ import annotations

import shutil

import pytest

import communique
from _support import REPO
from communique.models import Mention, Span
from communique.validation._intervals import Containers
from communique.validation.sentences import Sentences

AUDITED = REPO / "agreement" / "audit" / "0.1.0"
DOC = "000_bd8b5cfe7c34e604"

LISTED = {
    "W410": ["e12", "e24", "e51"],
    "W411": ["e20"],
    "W412": ["s06", "s09", "s10", "s11", "s12"],
    "W413": ["e05"],
    "W414": ["e19"],
    "W415": ["e14", "e15", "e41", "e55"],
    "W416": ["e32"],
    "W417": ["e07"],
    "W419": ["s25"],
    "W420": ["e26"],
}
"""Code -> the 0.1.0 records the audit lists as its failing examples."""


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> list[communique.Finding]:
    """The 0.1.0 data with the repository's seeds, validated."""
    root = tmp_path_factory.mktemp("audited")
    shutil.copytree(AUDITED / "data", root / "data")
    shutil.copytree(REPO / "seeds", root / "seeds")
    return communique.validate(root, verify=False).findings


@pytest.mark.parametrize("code", sorted(LISTED))
def test_the_check_flags_the_records_the_audit_lists(audited: list[communique.Finding], code: str) -> None:
    flagged = sorted(f.record or "" for f in audited if f.code == code)
    assert flagged == [f"{DOC}-{r}" for r in LISTED[code]]


def test_the_audited_data_has_no_other_finding(audited: list[communique.Finding]) -> None:
    assert sorted({f.code for f in audited} - set(LISTED)) == []


def test_the_packaged_corpus_passes_every_check() -> None:
    findings = communique.validate(select=tuple(LISTED)).findings
    assert [(f.code, f.record) for f in findings] == []


def _mention(actor: str, start: int, text: str) -> Mention:
    return Mention(id=f"m{start}", document="d", actor=actor, span=Span(start=start, end=start + len(text), text=text),
                   kind="name")


def test_mentions_are_indexed_by_the_sentences_of_the_navigation() -> None:
    text = "Dr. No left. U.S.A.? Yes!\nNext line 3.5 here"
    index = Sentences(text, [_mention("a", 0, "Dr"), _mention("a", 4, "No"), _mention("b", 36, "3.5")])
    assert [index.of(text.index(w)) for w in ("Dr", "No", "left", "U.S.A", "Yes", "Next", "3.5")] == [
        0, 0, 0, 1, 2, 3, 3]
    assert [m.id for m in index.mentions(0, "a")] == ["m0", "m4"]
    assert index.mentions(0, "b") == [] and [m.id for m in index.mentions(3, "b")] == ["m36"]


def _span(start: int, end: int) -> Span:
    return Span(start=start, end=end, text="x" * (end - start))


def test_a_span_is_held_by_a_container_that_starts_before_it_and_ends_after_it() -> None:
    outer, inner, later = _span(0, 50), _span(10, 20), _span(60, 70)
    index = Containers([later, inner, outer])
    assert [index.holds(_span(a, b)) for a, b in ((12, 18), (40, 55), (45, 50), (55, 58), (60, 71), (65, 70))] == [
        True, False, True, False, False, True]
    assert not Containers([]).holds(inner)
