"""Grounding quotes to offsets: exact, normalised, ambiguous (nearest to context), ungrounded."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.llm.convert import selector
from communique.llm.grounding import Grounder, Normalised

TEXT = "Rubio met Barrot. Later, Rubio said the “talks” were good – Rubio  left.\nrubio"


def test_a_unique_quote_grounds_exactly() -> None:
    placed = Grounder(TEXT).place("Barrot")
    assert placed.span == (10, 16) and placed.outcome == "grounded" and not placed.normalised


def test_occurrence_prefix_and_suffix_pick_the_place() -> None:
    g = Grounder(TEXT)
    assert g.place("Rubio", occurrence=2).span == (25, 30)
    assert g.place("Rubio", prefix="Later, ").span == (25, 30)
    assert g.place("Rubio", suffix="  left").span == (60, 65)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ('the "talks" were good - Rubio left', "the “talks” were good – Rubio  left"),  # quotes, dash, spaces
        ("RUBIO MET", "Rubio met"),  # case
    ],
)
def test_normalised_matches_cover_the_original_text(quote: str, expected: str) -> None:
    placed = Grounder(TEXT).place(quote)
    assert placed.span is not None and placed.normalised
    assert TEXT[placed.span[0] : placed.span[1]] == expected


def test_an_ambiguous_quote_takes_the_next_free_place_after_its_anchor() -> None:
    g = Grounder(TEXT)
    first = g.place("Rubio", key="r")
    second = g.place("Rubio", anchor=first.span[0], key="r")  # type: ignore[index]
    third = g.place("Rubio", anchor=second.span[0], key="r")  # type: ignore[index]
    assert [p.span for p in (first, second, third)] == [(0, 5), (25, 30), (60, 65)]
    assert {p.outcome for p in (first, second, third)} == {"ambiguous"}
    # a different record may share a place (split antecedents): keys differ
    assert g.place("Rubio", key="other").span == (0, 5)
    # past the last place: the nearest before the anchor
    assert Grounder(TEXT).place("Rubio", anchor=70, key="x").span == (60, 65)


@pytest.mark.parametrize(
    "selector",
    [{"quote": "Macron"}, {"quote": "Rubio", "occurrence": 4}, {"quote": "Rubio", "prefix": "Mr "}, {"quote": ""}],
)
def test_what_is_not_in_the_text_is_ungrounded(selector: dict[str, object]) -> None:
    placed = Grounder(TEXT).place(**selector)  # type: ignore[arg-type]
    assert placed.span is None and placed.outcome == "ungrounded"


def test_normalised_offsets_map_back_through_characters_that_lower_to_two() -> None:
    norm = Normalised.of("İstanbul  x")
    assert norm.text == "i̇stanbul x"
    start = norm.text.index("x")
    assert norm.span(start, 1) == (10, 11)


@given(st.text(alphabet="ab \n’-", min_size=1, max_size=30), st.data())
def test_a_written_selector_grounds_back_to_its_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    sel = selector(text, start, end)
    placed = Grounder(text).place(sel["quote"], occurrence=sel["occurrence"])
    assert placed.span == (start, end) and placed.outcome == "grounded" and not placed.normalised
