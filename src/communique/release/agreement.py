"""The card's agreement section, read from docs/agreement.json when the corpus has one.

The file holds what was measured, e.g.::

    {"summary": "Two annotators annotated every document independently ...",
     "figures": [{"layer": "mentions", "measure": "span F1", "value": 0.91, "items": 212}]}

Without it the section says that no figures have been measured for this version.
"""

from __future__ import annotations

from typing import Any

from .. import jsonio
from ..errors import CommuniqueError

AGREEMENT_FILE = "docs/agreement.json"
BEGIN = f"<!-- BEGIN agreement: generated from {AGREEMENT_FILE}; edit that file, not this section -->"
END = "<!-- END agreement -->"


def parse(data: bytes) -> dict[str, Any]:
    """Parse and check docs/agreement.json; CommuniqueError saying what is wrong."""
    try:
        raw = jsonio.loads(data)
    except jsonio.JsonReadError as exc:
        raise CommuniqueError(f"{AGREEMENT_FILE}: {exc.message}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("figures"), list):
        raise CommuniqueError(f"{AGREEMENT_FILE}: expected an object with a 'figures' list")
    for i, fig in enumerate(raw["figures"]):
        ok = (
            isinstance(fig, dict)
            and isinstance(fig.get("layer"), str)
            and isinstance(fig.get("measure"), str)
            and isinstance(fig.get("value"), int | float)
            and not isinstance(fig.get("value"), bool)
        )
        if not ok:
            raise CommuniqueError(
                f"{AGREEMENT_FILE}: $.figures[{i}]: expected {{layer: string, measure: string, value: number, "
                "items: integer (optional)}}"
            )
    if "summary" in raw and not isinstance(raw["summary"], str):
        raise CommuniqueError(f"{AGREEMENT_FILE}: $.summary: expected a string")
    return raw


def section(data: dict[str, Any] | None) -> list[str]:
    """The '### Agreement' lines, between markers."""
    out = ["### Agreement", "", BEGIN, ""]
    if data is None:
        out += [
            "No inter-annotator agreement has been measured for this version yet. When it is, the figures "
            f"are recorded in `{AGREEMENT_FILE}` and appear here.",
        ]
    else:
        if data.get("summary"):
            out += [str(data["summary"]), ""]
        out += ["| layer | measure | value | items |", "| --- | --- | --- | --- |"]
        for fig in data["figures"]:
            items = fig.get("items")
            out.append(f"| {fig['layer']} | {fig['measure']} | {fig['value']} | {'' if items is None else items} |")
    return [*out, "", END, ""]
