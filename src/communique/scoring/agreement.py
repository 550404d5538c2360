"""Agreement between two independent annotation passes, counted with the scorer's own matching.

Pass A plays the part of gold and pass B that of a prediction: each benchmark task turns both
into units exactly as :func:`communique.score` does (:mod:`.tasks`), and the units are aligned
by the scorer's maximum one-to-one matching (:mod:`.matching`), strict (identical spans) and
lenient (overlapping spans). So the published agreement and a benchmark score count the same
way: a layer's agreement is ``F1 = 2 * matched / (units in A + units in B)``, which is the
scorer's F1 of B against A, and the number of matched units is the same whichever pass plays
gold (a maximum matching has one size). Actors of pass B are identified with those of pass A by
QID, name or alias (:mod:`.identity`), events through their triggers, as for a prediction.

The layers are the scorer's tasks: ``mentions`` (span + actor type), ``linking`` (span + actor),
``wikidata`` (actor + QID), ``events`` (trigger span + event type), ``arguments`` (event + role +
actor), ``time`` (event + value + precision) and ``statements`` (speaker + cue span + content span).
"""

from __future__ import annotations

from ..corpus import Corpus
from .matching import MODES, Mode, Unit, align
from .tasks import task_units

Figures = dict[str, dict[str, dict[str, float | int]]]
"""``{layer: {mode: {"a": units in A, "b": units in B, "matched": ..., "f1": ...}}}``."""


def f1(matched: int, n_a: int, n_b: int) -> float:
    """``2 * matched / (n_a + n_b)``, rounded to four places; 1.0 when neither pass has a unit."""
    return 1.0 if n_a + n_b == 0 else round(2 * matched / (n_a + n_b), 4)


def agreement(a: Corpus, b: Corpus) -> Figures:
    """Per-layer agreement of pass ``b`` with pass ``a``, under each matching mode."""
    result: Figures = {}
    for mode in MODES:
        for layer, (units_a, units_b) in task_units(a, b, mode).items():
            matched = len(align(units_a, units_b, mode))
            result.setdefault(layer, {})[mode] = {
                "a": len(units_a),
                "b": len(units_b),
                "matched": matched,
                "f1": f1(matched, len(units_a), len(units_b)),
            }
    return result


def _shown(unit: Unit, texts: dict[str, str]) -> str:
    text = texts.get(unit.document, "")
    spans = " / ".join(f"{text[s:e]!r}@{s}" for s, e in unit.spans)
    key = " ".join(str(k) for k in unit.key)
    return f"{spans} {key}".strip()


def differences(a: Corpus, b: Corpus, mode: Mode = "strict") -> list[str]:
    """Every unit that one pass has and the other lacks under ``mode``, one line each, for adjudication."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    texts = {d.id: d.text for d in a.documents}
    out: list[str] = []
    for layer, (units_a, units_b) in task_units(a, b, mode).items():
        pairs = align(units_a, units_b, mode)
        got_a = {i for i, _ in pairs}
        got_b = {j for _, j in pairs}
        for side, units, got in (("A", units_a, got_a), ("B", units_b, got_b)):
            out.extend(
                f"{layer:<10} only {side}: {_shown(u, texts)}" for i, u in enumerate(units) if i not in got
            )
    return out


def markdown(result: Figures) -> str:
    """The figures as a Markdown table, one row per layer."""
    lines = ["| layer | strict F1 | lenient F1 | units (pass 1 / pass 2) | matched (strict) |", "|---|---|---|---|---|"]
    for layer, entry in result.items():
        st, le = entry["strict"], entry["lenient"]
        lines.append(f"| {layer} | {st['f1']:.3f} | {le['f1']:.3f} | {st['a']} / {st['b']} | {st['matched']} |")
    return "\n".join(lines)

