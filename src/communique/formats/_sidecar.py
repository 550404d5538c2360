"""The sidecar: what a format cannot hold, kept beside the export, keyed by record id.

A document's sidecar entry is its document file as JSON (``model_dump(mode="json")``) in which
every span the format itself carries is replaced by ``{"$ref": "<the format's id for it>"}``: an
OneIE entity mention id, a brat ``T`` id, a Label Studio region id. Importing reads the spans from
the format's own file and puts them back in place of the references, so the offsets a corpus
gets back are the ones the format holds, and everything else (actor ids, times, quantities,
statements, factuality, Wikidata ids) comes back from the sidecar exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..codes import finding
from ..report import Finding

REF = "$ref"

Json = dict[str, Any]


def ref(local_id: str) -> Json:
    """The placeholder for a span the format holds under ``local_id``."""
    return {REF: local_id}


def resolve(
    node: Any, spans: Mapping[str, Json], file: str, path: str = "$", used: set[str] | None = None
) -> tuple[Any, list[Finding]]:
    """``node`` with every reference replaced by its span; a finding (E503) for each one missing.
    The keys of ``spans`` that were referenced are added to ``used``."""
    findings: list[Finding] = []

    def walk(value: Any, where: str) -> Any:
        if isinstance(value, dict):
            if set(value) == {REF}:
                key = value[REF]
                if isinstance(key, str) and key in spans:
                    if used is not None:
                        used.add(key)
                    return dict(spans[key])
                findings.append(finding("E503", file, where, expected="an annotation id", found=repr(key),
                                        referrer="the sidecar", target=key, holder="the export",
                                        wanted="the id of an annotation in the export"))
                return None
            return {k: walk(v, f"{where}.{k}") for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, f"{where}[{i}]") for i, v in enumerate(value)]
        return value

    return walk(node, path), findings


def span(start: int, end: int, text: str) -> Json:
    """A span as the corpus stores it."""
    return {"start": start, "end": end, "text": text}
