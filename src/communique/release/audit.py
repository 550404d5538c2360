"""The card's audit section, read from docs/audit.json when the corpus has one.

The file is what ``scripts/audit_figures.py --json`` writes: an independent audit of an earlier
dataset version (``audited``), each of its items decided, and per layer the records the audit
checked, the errors it found there and the errors still open in this version (``current``)::

    {"audited": "0.1.0", "current": "0.2.0", "items": 86, "decisions": {"accepted": 51, ...},
     "layers": {"argument": {"checked": 123, "errors": 8, "open": 0}, ...},
     "total": {"errors": 50, "open": 0}}

Without the file the card has no audit section.
"""

from __future__ import annotations

from typing import Any

from .. import jsonio
from ..errors import CommuniqueError

AUDIT_FILE = "docs/audit.json"
BEGIN = f"<!-- BEGIN audit: generated from {AUDIT_FILE}; edit that file, not this section -->"
END = "<!-- END audit -->"
LAYER_KEYS = ("checked", "errors", "open")
SAME = "same finding as another item"


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def parse(data: bytes) -> dict[str, Any]:
    """Parse and check docs/audit.json; CommuniqueError naming the file and JSON path."""
    try:
        raw = jsonio.loads(data)
    except jsonio.JsonReadError as exc:
        raise CommuniqueError(f"{AUDIT_FILE}: {exc.message}") from None
    if not isinstance(raw, dict):
        raise CommuniqueError(f"{AUDIT_FILE}: $: expected an object")
    for key in ("audited", "current"):
        if not isinstance(raw.get(key), str):
            raise CommuniqueError(f"{AUDIT_FILE}: $.{key}: expected the dataset version as a string")
    if not _count(raw.get("items")):
        raise CommuniqueError(f"{AUDIT_FILE}: $.items: expected the number of audit items")
    layers = raw.get("layers")
    if not isinstance(layers, dict) or not layers:
        raise CommuniqueError(f"{AUDIT_FILE}: $.layers: expected an object with one entry per layer")
    for layer, entry in layers.items():
        if not isinstance(entry, dict) or not all(_count(entry.get(k)) for k in LAYER_KEYS):
            raise CommuniqueError(f"{AUDIT_FILE}: $.layers.{layer}: expected counts checked, errors and open")
    decisions = raw.get("decisions", {})
    if not isinstance(decisions, dict) or not all(_count(v) for v in decisions.values()):
        raise CommuniqueError(f"{AUDIT_FILE}: $.decisions: expected a count per decision")
    return raw


def section(data: dict[str, Any] | None) -> list[str]:
    """The '### Audit' lines, between markers; none without the file."""
    if data is None:
        return []
    before, now = data["audited"], data["current"]
    tally = dict(data.get("decisions", {}))
    same = tally.pop(SAME, None)
    decided = ", ".join(f"{n} {kind}" for kind, n in tally.items())
    if same:
        decided += f"; {same} of them the same finding as another item, counted once"
    errors = sum(v["errors"] for v in data["layers"].values())
    still = sum(v["open"] for v in data["layers"].values())
    lines = [
        "### Audit",
        "",
        BEGIN,
        "",
        f"Two auditors who had not seen how the annotation was made read version {before} record by record, "
        "one listing errors, the other what is missing. Each of the "
        f"{data['items']} items (theirs, an earlier expert audit's and the adjudicator's own) was decided "
        f"({decided}); each missing decision rule went into the guidelines and each accepted error was fixed "
        f"in version {now}. Per layer, the errors found in {before}, missing units included, and those still "
        f"open in {now} (figures in `{AUDIT_FILE}`, computed by `python scripts/audit_figures.py` in the source "
        "repository from `agreement/audit/decisions.json`):",
        "",
        f"| layer | records checked ({before}) | errors in {before} | open in {now} |",
        "| --- | --- | --- | --- |",
        *(f"| {layer} | {v['checked']} | {v['errors']} | {v['open']} |" for layer, v in data["layers"].items()),
        f"| total | | {errors} | {still} |",
        "",
        END,
        "",
    ]
    return lines
