"""Draw marks on the text: lanes, a boundary sweep, and nested <span> elements per segment.

The text is cut at every mark boundary. Each piece of text between two boundaries (a
*segment*) is wrapped in one nested ``<span class="mk">`` per mark covering it, outermost
first, so overlapping and crossing marks are split into pieces that all carry their mark's
``data-n``. Underlined layers get a *lane*: a mark sits one lane below every shorter mark it
overlaps, so nested and crossing underlines stack instead of hiding each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from .marks import BACKGROUND_LAYERS, Mark

MAX_LANE = 5
"""Lanes past this one are drawn at this depth (CSS has classes lane-0 to lane-5)."""


@dataclass(frozen=True)
class Placed:
    """A mark that fits the text, with its element id and drawing state."""

    n: str
    """Element handle, unique in the page ('g12' for gold mark 12, 'p3' for prediction 3)."""
    mark: Mark
    lane: int
    status: str
    """'' outside a comparison; 'match', 'missed' or 'spurious' in one."""
    notes: tuple[str, ...] = ()
    """In a comparison: one line per scoring task that counts this mark ('linking: missed')."""


def fits(text: str, mark: Mark) -> bool:
    """True when the mark's offsets lie inside the text and cover exactly its recorded text."""
    return 0 <= mark.start <= mark.end <= len(text) and text[mark.start : mark.end] == mark.text


def assign_lanes(marks: Sequence[Mark]) -> list[int]:
    """A lane per mark: 0 for background layers, else one past every shorter overlapping mark."""
    lanes = [0] * len(marks)
    order = sorted(
        (i for i, m in enumerate(marks) if m.layer not in BACKGROUND_LAYERS),
        key=lambda i: (marks[i].end - marks[i].start, marks[i].start, i),
    )
    placed: list[int] = []
    for i in order:
        m = marks[i]
        below = [lanes[j] for j in placed if _overlap(m, marks[j])]
        lanes[i] = max(below) + 1 if below else 0
        placed.append(i)
    return lanes


def _overlap(a: Mark, b: Mark) -> bool:
    if a.start == a.end or b.start == b.end:
        return False
    return a.start < b.end and b.start < a.end


def segments(length: int, marks: Sequence[Placed]) -> list[tuple[int, int, list[Placed]]]:
    """Cut [0, length) at every boundary; each segment with the marks covering it, outermost first."""
    cuts = sorted({0, length, *(p.mark.start for p in marks), *(p.mark.end for p in marks)})
    starts: dict[int, list[Placed]] = {}
    for p in marks:
        if p.mark.start < p.mark.end:
            starts.setdefault(p.mark.start, []).append(p)
    active: list[Placed] = []
    out = []
    for a, b in pairwise(cuts):
        active = [p for p in active if p.mark.end > a] + starts.get(a, [])
        out.append((a, b, sorted(active, key=_outer_first)))
    return out


def _outer_first(p: Placed) -> tuple[int, int, int, int]:
    background = p.mark.layer in BACKGROUND_LAYERS
    return (0 if background else 1, -p.lane if not background else 0, p.mark.start, -p.mark.end)


def _summary(p: Placed) -> str:
    rows = dict(p.mark.info)
    head = f"{rows.get('layer', p.mark.layer)} {rows.get('id', p.mark.owner)}"
    rest = [f"{k}: {v}" for k, v in p.mark.info if k not in ("id", "layer")]
    rest[0:0] = [f"scored {note}" for note in p.notes]
    return "; ".join([head, *rest])


def _open(p: Placed, seg_start: int, seg_end: int, innermost: list[Placed] | None) -> str:
    m = p.mark
    classes = ["mk", f"L-{m.layer}", f"c-{m.category}", f"lane-{min(p.lane, MAX_LANE)}"]
    if seg_start == m.start:
        classes.append("b")
    if seg_end == m.end:
        classes.append("z")
    if p.status:
        classes.append(f"st-{p.status}")
    attrs = [
        f'class="{" ".join(classes)}"',
        f'data-n="{p.n}"',
        f'data-refs="{escape(" ".join(m.refs))}"',
    ]
    if seg_start == m.start and m.layer != "heading":
        attrs.append('tabindex="0" aria-describedby="tip"')
    if innermost is not None:
        attrs.append(f'title="{escape(chr(10).join(_summary(q) for q in reversed(innermost)))}"')
    return f"<span {' '.join(attrs)}>"


def _empty(p: Placed) -> str:
    classes = f"mk empty L-{p.mark.layer} c-{p.mark.category}" + (f" st-{p.status}" if p.status else "")
    return (
        f'<span class="{classes}" data-n="{p.n}" data-refs="{escape(" ".join(p.mark.refs))}" '
        f'tabindex="0" aria-describedby="tip" title="{escape(_summary(p))}"></span>'
    )


def render_text(text: str, marks: Sequence[Placed]) -> str:
    """The text as escaped HTML with every placed mark drawn as nested spans."""
    empties: dict[int, list[Placed]] = {}
    for p in marks:
        if p.mark.start == p.mark.end:
            empties.setdefault(p.mark.start, []).append(p)
    parts: list[str] = []
    for a, b, active in segments(len(text), marks):
        parts.extend(_empty(p) for p in empties.pop(a, []))
        # A bare carriage return would become a line feed in the browser and shift every offset.
        piece = escape(text[a:b], quote=False).replace("\r", "&#13;")
        if not active:
            parts.append(piece)
            continue
        parts.extend(_open(p, a, b, active if i == len(active) - 1 else None) for i, p in enumerate(active))
        parts.append(piece)
        parts.append("</span>" * len(active))
    for rest in empties.values():
        parts.extend(_empty(p) for p in rest)
    return "".join(parts)
