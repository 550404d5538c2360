"""One data file against its record model: strict JSON, then the model; findings E102-E104.

Part of the structural layer (:mod:`communique.loader`): a pydantic ValidationError becomes E103
findings with JSON paths and record ids, at most :data:`MAX_FINDINGS_PER_FILE` per file.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import jsonio
from .report import Finding, Report

_M = TypeVar("_M", bound=BaseModel)


def json_path(loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location as a JSON path ('$.events[3].span.end')."""
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _record_id(raw: Any, loc: tuple[int | str, ...]) -> str | None:
    """The id of the innermost record on the path to ``loc``, if any."""
    found: str | None = None
    node = raw
    for part in loc:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                found = node["id"]
            node = node.get(part) if isinstance(part, str) else None
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            break
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        found = node["id"]
    return found


MAX_FINDINGS_PER_FILE = 100
"""Record-format findings listed per file; past it one more finding gives the count of the rest."""


def structure_findings(exc: ValidationError, raw: Any, file: str) -> list[Finding]:
    """Turn a pydantic ValidationError into E103 findings with JSON paths and record ids (at most
    :data:`MAX_FINDINGS_PER_FILE`, then one finding that counts the rest)."""
    findings = []
    for err in exc.errors(include_url=False)[:MAX_FINDINGS_PER_FILE]:
        loc = tuple(err["loc"])
        found = err.get("input")
        found_text = _short(found)
        findings.append(
            Finding(
                file=file,
                path=json_path(loc),
                code="E103",
                message=f"{err['msg']} (found {found_text})",
                record=_record_id(raw, loc),
                expected=err["msg"],
                found=found_text,
            )
        )
    rest = exc.error_count() - len(findings)
    if rest > 0:
        message = f"and {rest} more record-format errors in this file (the first {len(findings)} are listed)"
        findings.append(Finding(file=file, path="$", code="E103", message=message))
    return findings


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def parse_model(data: bytes, rel: str, model: type[_M], report: Report) -> tuple[Any, _M | None]:
    """Parse strict JSON and validate it against ``model``; add findings to ``report``."""
    try:
        raw = jsonio.loads(data)
    except jsonio.JsonReadError as exc:
        report.add(Finding(rel, "$", "E102", exc.message, line=exc.line))
        return None, None
    if not isinstance(raw, dict):
        report.add(Finding(rel, "$", "E103", f"expected a JSON object at the top level, found {type(raw).__name__}"))
        return raw, None
    version = raw.get("schema_version")
    if isinstance(version, str) and not version.startswith("1."):
        report.add(
            Finding(
                rel,
                "$.schema_version",
                "E104",
                f"schema_version {version!r} is not readable by this package (reads 1.x); "
                "upgrade the file with communique.upgrade",
            )
        )
        return raw, None
    try:
        return raw, model.model_validate(raw, strict=True)
    except ValidationError as exc:
        report.extend(structure_findings(exc, raw, rel))
        return raw, None
