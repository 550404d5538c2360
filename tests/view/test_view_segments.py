"""The boundary sweep and lanes: nested, crossing, identical, adjacent and empty spans."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from view_page import read_page

from communique.html.marks import Mark
from communique.html.segments import Placed, assign_lanes, fits, render_text, segments

TEXT = "New York Times Square is busy."


def mark(key: str, start: int, end: int, layer: str = "mention", text: str | None = None) -> Mark:
    return Mark(
        key=key,
        layer=layer,
        start=start,
        end=end,
        text=TEXT[start:end] if text is None else text,
        label=key,
        category="city",
        owner=key,
        refs=[key],
        info=[("id", key), ("layer", layer)],
    )


def place(marks: list[Mark]) -> list[Placed]:
    lanes = assign_lanes(marks)
    return [Placed(f"g{i}", m, lane, "") for i, (m, lane) in enumerate(zip(marks, lanes, strict=True))]


def drawn(marks: list[Mark]) -> dict[str, tuple[int, int, str, list[int]]]:
    page = f'<section data-side="gold"><div class="text">{render_text(TEXT, place(marks))}</div></section>'
    reader = read_page(page)
    assert reader.texts["gold"] == TEXT
    return {
        d.owner: (d.start, d.end, d.text, [o for o, _ in d.pieces]) for (_, _), d in reader.marks.items()
    }


def test_nested_and_crossing_spans_are_each_drawn_once_and_whole() -> None:
    marks = [mark("ny", 0, 8), mark("nyt", 0, 14), mark("ts", 9, 21), mark("all", 0, 21, layer="content")]
    out = drawn(marks)
    for m in marks:
        start, end, text, pieces = out[m.key]
        assert (start, end, text) == (m.start, m.end, m.text)
        assert len(pieces) == 1, f"{m.key} is drawn in {len(pieces)} places"


def test_identical_spans_get_their_own_elements_and_lanes() -> None:
    marks = [mark("a", 0, 8), mark("b", 0, 8)]
    lanes = assign_lanes(marks)
    assert sorted(lanes) == [0, 1]
    out = drawn(marks)
    assert out["a"][:3] == out["b"][:3] == (0, 8, "New York")


def test_an_outer_mark_sits_in_a_lower_lane_than_every_mark_it_overlaps() -> None:
    marks = [mark("nyt", 0, 14), mark("ny", 0, 8), mark("ts", 9, 21), mark("busy", 25, 29)]
    lanes = dict(zip((m.key for m in marks), assign_lanes(marks), strict=True))
    assert lanes["ny"] < lanes["nyt"]
    assert lanes["ts"] != lanes["nyt"]
    assert lanes["busy"] == 0
    assert assign_lanes([mark("c", 0, 21, layer="content")]) == [0]


def test_segments_split_at_every_boundary_outermost_first() -> None:
    placed = place([mark("ny", 0, 8), mark("nyt", 0, 14), mark("ts", 9, 21)])
    cuts = [(a, b, [p.mark.key for p in active]) for a, b, active in segments(len(TEXT), placed)]
    assert cuts == [
        (0, 8, ["nyt", "ny"]),
        (8, 9, ["nyt"]),
        (9, 14, ["nyt", "ts"]),
        (14, 21, ["ts"]),
        (21, len(TEXT), []),
    ]
    lanes = {p.mark.key: p.lane for p in placed}
    outer, inner = cuts[2][2]
    assert lanes[outer] > lanes[inner]


def test_adjacent_and_empty_spans() -> None:
    marks = [mark("new", 0, 3), mark("york", 4, 8), mark("gap", 3, 3, text="")]
    page = render_text(TEXT, place(marks))
    assert page.count('data-n="g2"') == 1
    assert 'class="mk empty' in page
    out = drawn(marks)
    assert out["new"][:3] == (0, 3, "New")
    assert out["york"][:3] == (4, 8, "York")


def test_text_and_attributes_are_escaped() -> None:
    text = '<b>"x"</b> & y'
    evil = Mark("k", "mention", 0, 10, text[:10], "l", "city", "o", ['"><script>'], [("id", '"><img src=x>')])
    html = render_text(text, [Placed("g0", evil, 0, "")])
    assert "<b>" not in html and "<script>" not in html and "<img" not in html
    assert "&lt;b&gt;" in html and "&amp; y" in html


def test_marks_that_do_not_fit_the_text_are_recognised() -> None:
    assert fits(TEXT, mark("ok", 0, 3))
    assert not fits(TEXT, mark("past", 25, 99, text="busy."))
    assert not fits(TEXT, mark("wrong", 0, 3, text="Old"))


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list('ab <>&"\'\r\n🙂é')), min_size=0, max_size=40),
    spans=st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 12), st.sampled_from(["mention", "trigger", "content", "time"])),
        max_size=12,
    ),
)
def test_any_set_of_spans_is_drawn_once_each_over_the_unchanged_text(
    text: str, spans: list[tuple[int, int, str]]
) -> None:
    marks = []
    for i, (start, length, layer) in enumerate(spans):
        start = min(start, len(text))
        end = min(start + length, len(text))
        marks.append(Mark(f"k{i}", layer, start, end, text[start:end], "l", "city", f"k{i}", [f"k{i}"], []))
    placed = place(marks)
    page = f'<section data-side="gold"><div class="text">{render_text(text, placed)}</div></section>'
    assert "\r" not in page, "a raw carriage return would turn into a line feed in the browser"
    reader = read_page(page)
    assert reader.texts.get("gold", "") == text
    for p in placed:
        assert page.count(f'data-n="{p.n}"') >= 1
        drawn_mark = reader.marks.get(("gold", p.n))
        if p.mark.start == p.mark.end:
            assert drawn_mark is None or not drawn_mark.pieces
            continue
        assert drawn_mark is not None
        assert drawn_mark.pieces == [(p.mark.start, p.mark.text)]
    by_lane: dict[int, list[Mark]] = {}
    for p in placed:
        if p.mark.layer != "content" and p.mark.start < p.mark.end:
            by_lane.setdefault(p.lane, []).append(p.mark)
    for lane_marks in by_lane.values():
        ordered = sorted(lane_marks, key=lambda m: m.start)
        assert all(a.end <= b.start for a, b in itertools.pairwise(ordered)), "one lane, no overlap"
