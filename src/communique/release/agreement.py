"""The card's agreement section, read from docs/agreement.json when the corpus has one.

The file is what ``scripts/agreement.py --json`` writes (:mod:`communique.scoring.agreement`):
for each layer (a benchmark task), either the figures themselves or one entry per matching mode
of the scorer (``strict``: identical spans; ``lenient``: spans share a character), each with
``a`` and ``b`` (units in the two independent annotation passes), ``matched`` and ``f1``
(2 * matched / (a + b)); other numbers of a layer are listed under the table::

    {"mentions": {"strict": {"a": 227, "b": 223, "matched": 220, "f1": 0.9778}, "lenient": {...}},
     "wikidata": {"a": 18, "b": 17, "matched": 17, "f1": 0.9714}}

Without the file the section says that no figures have been measured for this version.
"""

from __future__ import annotations

from typing import Any

from .. import jsonio
from ..errors import CommuniqueError
from ..scoring.matching import MODES

AGREEMENT_FILE = "docs/agreement.json"
BEGIN = f"<!-- BEGIN agreement: generated from {AGREEMENT_FILE}; edit that file, not this section -->"
END = "<!-- END agreement -->"
FIGURE_KEYS = ("a", "b", "matched", "f1")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_figures(entry: Any, where: str) -> None:
    if not isinstance(entry, dict) or not all(_number(entry.get(k)) for k in FIGURE_KEYS):
        raise CommuniqueError(
            f"{AGREEMENT_FILE}: {where}: expected an object with numbers a, b, matched and f1"
        )


def parse(data: bytes) -> dict[str, Any]:
    """Parse and check docs/agreement.json; CommuniqueError naming the file and JSON path."""
    try:
        raw = jsonio.loads(data)
    except jsonio.JsonReadError as exc:
        raise CommuniqueError(f"{AGREEMENT_FILE}: {exc.message}") from None
    if not isinstance(raw, dict) or not raw:
        raise CommuniqueError(f"{AGREEMENT_FILE}: $: expected an object with one entry per layer")
    for layer, entry in raw.items():
        if isinstance(entry, dict) and "f1" not in entry:
            modes = [m for m in MODES if m in entry]
            if not modes:
                raise CommuniqueError(f"{AGREEMENT_FILE}: $.{layer}: expected figures or entries 'strict'/'lenient'")
            for mode in modes:
                _check_figures(entry[mode], f"$.{layer}.{mode}")
        else:
            _check_figures(entry, f"$.{layer}")
    return raw


def _f1(entry: dict[str, Any] | None) -> str:
    return "—" if entry is None else f"{entry['f1']:.3f}"


def table(data: dict[str, Any]) -> list[str]:
    lines = ["| layer | strict F1 | lenient F1 | units (pass 1 / pass 2) |", "| --- | --- | --- | --- |"]
    notes: list[str] = []
    for layer, entry in data.items():
        if "f1" in entry:
            exact, overlap, units = entry, None, entry
            extra = {k: v for k, v in entry.items() if k not in FIGURE_KEYS and _number(v)}
            notes += [f"{layer}: {k.replace('_', ' ')} {v:.3f}" for k, v in extra.items()]
        else:
            exact, overlap = entry.get("strict"), entry.get("lenient")
            units = exact or overlap
        lines.append(f"| {layer} | {_f1(exact)} | {_f1(overlap)} | {units['a']} / {units['b']} |")
    if notes:
        lines += ["", "Also measured: " + "; ".join(notes) + "."]
    return lines


def section(data: dict[str, Any] | None) -> list[str]:
    """The '### Agreement' lines, between markers."""
    out = ["### Agreement", "", BEGIN, ""]
    if data is None:
        out += [
            "No inter-annotator agreement has been measured for this version yet. When it is, the figures "
            f"are recorded in `{AGREEMENT_FILE}` and appear here.",
        ]
    else:
        out += [
            "Two independent annotation passes were compared layer by layer (the figures in "
            f"`{AGREEMENT_FILE}`, computed by `scripts/agreement.py` in the source repository). "
            "Units and matching are the benchmark scorer's own (`communique score`, maximum one-to-one "
            "matching, pass 1 as gold): F1 = 2 × matched / (units in pass 1 + units in pass 2); strict: "
            "identical spans, lenient: spans that share at least one character.",
            "",
            *table(data),
        ]
    return [*out, "", END, ""]
