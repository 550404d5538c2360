"""Inter-annotator agreement between two independent annotation passes, layer by layer.

    python scripts/agreement.py [PASS_A PASS_B] [--json FILE] [--markdown]

PASS_A and PASS_B are corpus directories holding data/ (seeds are read from the repository's
seeds/ when the pass has none). Defaults: agreement/pass1 and agreement/pass2.

Agreement is F1 = 2 * matched / (units in A + units in B), which is symmetric, computed twice:
``exact`` (spans identical) and ``overlap`` (spans share at least one character). Matching is
one-to-one and greedy: candidate pairs are taken by decreasing overlap, then text position.

Layers and their units:
- actors: an actor; two actors correspond when they share mentions (aligned one-to-one by the
  number of shared mention spans); also reported: type and Wikidata agreement on matched pairs.
- mentions: a mention span; ``+kind`` adds the mention kind, ``+actor`` the aligned actor.
- triggers: (trigger span, event type), every trigger of every event.
- arguments: (aligned event, role, aligned actor); events are aligned one-to-one by their
  triggers (exact or overlapping, per mode).
- times: (aligned event, normalised value, precision), for events that have a time.
- statements: (cue span, content span); ``+speaker`` adds the aligned speaking actor.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique.models import Actor, DocumentFile, Span
from communique.validation import Selection, run
from communique.validation.sinks import Models

MODES = ("exact", "overlap")


@dataclass(frozen=True)
class Unit:
    doc: str
    spans: tuple[tuple[int, int], ...]
    label: Hashable


@dataclass
class Pass:
    actors: dict[str, Actor]
    files: list[DocumentFile]


def read_pass(path: Path) -> Pass:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(path / "data", root / "data")
        shutil.copytree(path / "seeds" if (path / "seeds").is_dir() else ROOT / "seeds", root / "seeds")
        models = Models()  # the structural layer only: a pass is read, not judged
        result = run(root, jobs=1, verify=False, selection=Selection(("E1",)), sinks=(models,))
    if result.actors is None or result.report.errors:
        problems = "; ".join(f.describe() for f in result.report.errors[:5])
        raise SystemExit(f"{path}: cannot read the pass: {problems}")
    return Pass({a.id: a for a in result.actors.actors}, models.files)


def key(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


def overlap(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]], mode: str) -> int:
    """0 when the span lists do not match; else a positive weight (shared characters + 1)."""
    if len(a) != len(b):
        return 0
    total = 0
    for (s1, e1), (s2, e2) in zip(a, b, strict=True):
        if mode == "exact" and (s1, e1) != (s2, e2):
            return 0
        shared = min(e1, e2) - max(s1, s2)
        if shared <= 0:
            return 0
        total += shared
    return total + 1


def align(a: Sequence[Unit], b: Sequence[Unit], mode: str) -> list[tuple[int, int]]:
    pairs = []
    for i, ua in enumerate(a):
        for j, ub in enumerate(b):
            if ua.doc == ub.doc and ua.label == ub.label:
                weight = overlap(ua.spans, ub.spans, mode)
                if weight:
                    pairs.append((-weight, ua.spans, ub.spans, i, j))
    pairs.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for _, _, _, i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    return out


def f1(matched: int, n_a: int, n_b: int) -> float:
    return 1.0 if n_a + n_b == 0 else round(2 * matched / (n_a + n_b), 4)


def layer(a: Sequence[Unit], b: Sequence[Unit], mode: str) -> dict[str, float | int]:
    m = len(align(a, b, mode))
    return {"f1": f1(m, len(a), len(b)), "matched": m, "a": len(a), "b": len(b)}


def align_actors(pa: Pass, pb: Pass) -> dict[str, str]:
    """Map actor ids of pass B to pass A by the number of shared exact mention spans."""
    spans_a: dict[tuple[str, int, int], set[str]] = {}
    for f in pa.files:
        for m in f.mentions:
            spans_a.setdefault((m.document, m.span.start, m.span.end), set()).add(m.actor)
    shared: Counter[tuple[str, str]] = Counter()
    for f in pb.files:
        for m in f.mentions:
            for actor_a in spans_a.get((m.document, m.span.start, m.span.end), ()):
                shared[(actor_a, m.actor)] += 1
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for (actor_a, actor_b), _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
        if actor_b not in mapping and actor_a not in taken:
            mapping[actor_b] = actor_a
            taken.add(actor_a)
    return mapping


def units(p: Pass, kind: str, actor_of: Callable[[str], str], event_of: Callable[[str], str]) -> list[Unit]:
    out: list[Unit] = []
    for f in p.files:
        doc = f.document.id
        if kind.startswith("mentions"):
            for m in f.mentions:
                label: Hashable = {"mentions": None, "mentions+kind": m.kind, "mentions+actor": actor_of(m.actor)}[kind]
                out.append(Unit(doc, (key(m.span),), label))
        elif kind == "triggers":
            out.extend(Unit(doc, (key(t),), e.type) for e in f.events for t in e.triggers)
        elif kind == "arguments":
            out.extend(
                Unit(doc, (), (event_of(e.id), a.role, actor_of(a.actor))) for e in f.events for a in e.arguments
            )
        elif kind == "times":
            out.extend(
                Unit(doc, (), (event_of(e.id), e.time.value, e.time.precision)) for e in f.events if e.time
            )
        elif kind.startswith("statements"):
            for s in f.statements:
                speaker = actor_of(s.speaker.actor) if (kind == "statements+speaker" and s.speaker.actor) else None
                out.append(Unit(doc, (key(s.cue), key(s.content)), speaker))
    return out


def event_alignment(pa: Pass, pb: Pass, mode: str) -> tuple[dict[str, str], dict[str, str]]:
    """Align events one-to-one by their best-overlapping triggers (type not required)."""
    ev_a = [(f.document.id, e) for f in pa.files for e in f.events]
    ev_b = [(f.document.id, e) for f in pb.files for e in f.events]
    pairs = []
    for i, (da, ea) in enumerate(ev_a):
        for j, (db, eb) in enumerate(ev_b):
            if da != db:
                continue
            best = max(overlap((key(ta),), (key(tb),), mode) for ta in ea.triggers for tb in eb.triggers)
            if best:
                pairs.append((-best, i, j))
    pairs.sort()
    a_of: dict[str, str] = {}
    b_of: dict[str, str] = {}
    for _, i, j in pairs:
        ia, jb = ev_a[i][1].id, ev_b[j][1].id
        if ia not in b_of and jb not in a_of:
            a_of[jb] = ia
            b_of[ia] = jb
    return {e.id: e.id for _, e in ev_a}, a_of


def agreement(pa: Pass, pb: Pass) -> dict[str, object]:
    actor_map = align_actors(pa, pb)
    result: dict[str, object] = {}
    # actors
    matched = [(actor_map[b], b) for b in pb.actors if b in actor_map]
    result["actors"] = {
        "f1": f1(len(matched), len(pa.actors), len(pb.actors)),
        "matched": len(matched),
        "a": len(pa.actors),
        "b": len(pb.actors),
        "type_agreement": round(
            sum(pa.actors[a].type == pb.actors[b].type for a, b in matched) / max(len(matched), 1), 4
        ),
        "wikidata_agreement": round(
            sum(pa.actors[a].wikidata == pb.actors[b].wikidata for a, b in matched) / max(len(matched), 1), 4
        ),
    }
    same = lambda x: x  # noqa: E731
    from_b = lambda x: actor_map.get(x, f"unaligned:{x}")  # noqa: E731
    for mode in MODES:
        ids_a, ev_map = event_alignment(pa, pb, mode)
        ev_b = lambda x, m=ev_map: m.get(x, f"unaligned:{x}")  # noqa: E731
        for kind in (
            "mentions", "mentions+kind", "mentions+actor", "triggers", "arguments", "times",
            "statements", "statements+speaker",
        ):
            ua = units(pa, kind, same, lambda x, ids=ids_a: ids[x])
            ub = units(pb, kind, from_b, ev_b)
            entry = result.setdefault(kind, {})
            assert isinstance(entry, dict)
            entry[mode] = layer(ua, ub, mode)
    return result


def differences(pa: Pass, pb: Pass) -> list[str]:
    """Every unit (exact mode) that one pass has and the other lacks, for adjudication."""
    actor_map = align_actors(pa, pb)
    ids_a, ev_map = event_alignment(pa, pb, "exact")
    texts = {f.document.id: f.document for f in pa.files}
    out = []
    for b_id, a_id in sorted(actor_map.items()):
        if a_id != b_id:
            out.append(f"actor      B:{b_id} ~ A:{a_id}")
    for a_id in sorted(set(pa.actors) - set(actor_map.values())):
        out.append(f"actor      only A: {a_id}")
    for b_id in sorted(set(pb.actors) - set(actor_map)):
        out.append(f"actor      only B: {b_id}")
    from_b = lambda x: actor_map.get(x, f"unaligned:{x}")  # noqa: E731
    ev_b = lambda x: ev_map.get(x, f"unaligned:{x}")  # noqa: E731
    for kind in ("mentions+actor", "mentions+kind", "triggers", "arguments", "times", "statements+speaker"):
        ua = units(pa, kind, lambda x: x, lambda x: ids_a[x])
        ub = units(pb, kind, from_b, ev_b)
        pairs = align(ua, ub, "exact")
        got_a = {i for i, _ in pairs}
        got_b = {j for _, j in pairs}
        for side, us, got in (("A", ua, got_a), ("B", ub, got_b)):
            for i, u in enumerate(us):
                if i not in got:
                    text = texts[u.doc].text
                    shown = " / ".join(repr(text[s:e]) + f"@{s}" for s, e in u.spans)
                    out.append(f"{kind:<18} only {side}: {shown} {u.label}")
    return out


def markdown(result: dict[str, object]) -> str:
    lines = ["| layer | exact F1 | overlap F1 | units (pass 1 / pass 2) |", "|---|---|---|---|"]
    actors = result["actors"]
    assert isinstance(actors, dict)
    lines.append(
        f"| actors (aligned by shared mentions) | {actors['f1']:.3f} | — | {actors['a']} / {actors['b']} |"
    )
    for kind, entry in result.items():
        if kind == "actors" or not isinstance(entry, dict):
            continue
        ex, ov = entry["exact"], entry["overlap"]
        lines.append(f"| {kind} | {ex['f1']:.3f} | {ov['f1']:.3f} | {ex['a']} / {ex['b']} |")
    lines.append(
        f"\nOn matched actors: type agreement {actors['type_agreement']:.3f}, "
        f"Wikidata agreement {actors['wikidata_agreement']:.3f}."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a", nargs="?", type=Path, default=ROOT / "agreement" / "pass1")
    parser.add_argument("b", nargs="?", type=Path, default=ROOT / "agreement" / "pass2")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this file")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--diff", action="store_true", help="list every difference (exact mode), for adjudication")
    args = parser.parse_args(argv)
    pa, pb = read_pass(args.a), read_pass(args.b)
    if args.diff:
        print("\n".join(differences(pa, pb)))
        return 0
    result = agreement(pa, pb)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(markdown(result) if args.markdown else json.dumps(result, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
