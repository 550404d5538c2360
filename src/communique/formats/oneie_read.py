"""Reading OneIE / TextEE windows back: conformance to the window layout, tokens against the text.

Each window is checked against the window JSON Schema (``oneie-window.schema.json``, written from
TextEE's loaders), its tokens are found in order in its text (only white space between them), and
each mention's and trigger's ``text`` must equal the text its tokens cover. With the export's
sidecar the corpus comes back exactly, its spans taken from the windows. Windows from elsewhere
(TextEE's ACE, MAVEN... files, no sidecar) become a draft corpus: each document's windows joined
by line breaks as its text, entity mentions by ACE type as mentions, event mentions by ACE or
Communiqué type as events, read as brat lines are (:mod:`._brat_foreign`).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..codes import finding
from ..report import Finding, Report
from ._common import SIDECAR, Imported, read_jsonl
from ._restore import missing_sidecar, read_sidecar, restore, seed_texts
from ._sidecar import span
from .oneie import WINDOWS


@cache
def window_schema() -> dict[str, Any]:
    """The JSON Schema of one window."""
    text = resources.files(__package__).joinpath("oneie-window.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(window_schema())


def _schema_findings(row: Any, line: int) -> list[Finding]:
    found = []
    for error in sorted(_validator().iter_errors(row), key=lambda e: list(e.path)):
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.path)
        record = row.get("wnd_id") if isinstance(row, dict) else None
        found.append(finding("E501", WINDOWS, where, line=line, record=record, problem=error.message,
                             layout="the OneIE window layout (oneie-window.schema.json)"))
    return found


def _short(text: str, limit: int = 60) -> str:
    shown = repr(text)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def _place(text: str, tokens: list[str]) -> tuple[list[tuple[int, int]], int]:
    """Where each token is in ``text``, in order with white space between them, up to the first that
    is not; and the offset past the white space where that one was looked for."""
    offsets: list[tuple[int, int]] = []
    at = 0
    for token in tokens:
        found = text.find(token, at)
        if found < 0 or (text[at:found] and not text[at:found].isspace()):
            return offsets, len(text) - len(text[at:].lstrip())
        offsets.append((found, found + len(token)))
        at = found + len(token)
    return offsets, at


def token_offsets(text: str, tokens: list[str]) -> list[tuple[int, int]] | None:
    """Where each token is in ``text`` (in order, white space between them), or None when one is not."""
    offsets, _ = _place(text, tokens)
    return offsets if len(offsets) == len(tokens) else None


class _Window:
    def __init__(self, row: dict[str, Any], line: int, base: int, report: Report) -> None:
        self.row, self.line, self.base, self.report = row, line, base, report
        self.wnd = str(row["wnd_id"])
        text, tokens = row["text"], row["tokens"]
        placed, at = _place(text, tokens)
        self.offsets = placed if len(placed) == len(tokens) else []
        if not self.offsets and tokens:
            i = len(placed)
            self.add(f"$.tokens[{i}]", "E502", expected=text[at : at + len(tokens[i])], found=tokens[i],
                     text=f"{_short(tokens[i])} (token {i})", source="window's text", offsets=f"offset {at}",
                     actual=f"{_short(text[at : at + len(tokens[i])])} (the tokens in order, only white space between)")

    def add(self, path: str, code: str, *, expected: str | None = None, found: str | None = None,
            **fields: object) -> None:
        self.report.add(finding(code, WINDOWS, path, line=self.line, record=self.wnd, expected=expected, found=found,
                                **fields))

    def span(self, item: dict[str, Any], path: str) -> dict[str, Any] | None:
        """The document span of a token span, or None with a finding when its tokens or text are wrong."""
        start, end = item["start"], item["end"]
        if not self.offsets or not 0 <= start < end <= len(self.offsets):
            if self.offsets:
                layout = f"0 <= start < end <= {len(self.offsets)}"
                self.add(path, "E501", expected=layout, found=f"{start}:{end}", layout=layout,
                         problem=f"token offsets {start}:{end} are outside the window's {len(self.offsets)} tokens")
            return None
        a, b = self.offsets[start][0], self.offsets[end - 1][1]
        covered = self.row["text"][a:b]
        if covered != item["text"]:
            self.add(path, "E502", expected=covered, found=item["text"], text=repr(item["text"]),
                     source="window's text", offsets=f"tokens {start}:{end}", actual=repr(covered))
            return None
        return span(self.base + a, self.base + b, covered)


def read(src: Path) -> Imported:
    """Import an OneIE/TextEE export folder (windows.jsonl with its sidecar and seeds)."""
    report = Report(str(src))
    rows = read_jsonl(src / WINDOWS, report, WINDOWS)
    data = read_sidecar(src, report)
    if data is None:
        if (src / SIDECAR).is_file() or not rows:
            return missing_sidecar(src, report)
        return _foreign(rows, report)
    seeds = seed_texts(src, data, report)
    starts = {w: (e["file"]["document"]["id"], s) for e in data["documents"] for w, s in e.get("windows", {}).items()}
    texts = {e["file"]["document"]["id"]: seeds.get(e["file"]["document"].get("seed"), b"").decode("utf-8", "replace")
             for e in data["documents"]}
    spans: dict[str, dict[str, dict[str, Any]]] = {}
    """Document id -> the spans of its windows, by entity or trigger id."""
    for line, row in rows:
        problems = _schema_findings(row, line)
        if problems:
            report.extend(problems)
            continue
        doc, base = starts.get(row["wnd_id"], (None, 0))
        if doc != row["doc_id"]:
            report.add(finding("E503", WINDOWS, "$.wnd_id", line=line, record=row["wnd_id"], found=row["wnd_id"],
                               referrer="wnd_id", target=row["wnd_id"],
                               holder=f"the sidecar's windows of document {row['doc_id']!r}",
                               wanted="a window the sidecar lists for this document"))
            continue
        if texts[doc][base : base + len(row["text"])] != row["text"]:
            actual = texts[doc][base : base + len(row["text"])]
            report.add(finding("E502", WINDOWS, "$.text", line=line, record=row["wnd_id"], text=_short(row["text"]),
                               source="document's text", offsets=f"offset {base}", actual=_short(actual)))
            continue
        _collect(_Window(row, line, base, report), spans.setdefault(doc, {}))
    return restore(data, lambda doc_id: spans.get(doc_id, {}), seeds, report, lambda _: WINDOWS)


def _collect(w: _Window, spans: dict[str, dict[str, Any]]) -> None:
    entities = {}
    for i, mention in enumerate(w.row["entity_mentions"]):
        found = w.span(mention, f"$.entity_mentions[{i}]")
        entities[mention["id"]] = found
        if found is not None:
            spans[mention["id"]] = found
    for i, event in enumerate(w.row["event_mentions"]):
        found = w.span(event["trigger"], f"$.event_mentions[{i}].trigger")
        if found is not None:
            spans[event["id"]] = found
        for j, argument in enumerate(event["arguments"]):
            if argument["entity_id"] not in entities:
                w.add(f"$.event_mentions[{i}].arguments[{j}].entity_id", "E503", expected="an entity_mentions id",
                      found=str(argument["entity_id"]), referrer="the argument", target=argument["entity_id"],
                      holder="the window", wanted="the id of an entity mention of the window")


def _foreign(rows: list[tuple[int, Any]], report: Report) -> Imported:
    """Windows from elsewhere (no sidecar): each document's windows joined by line breaks, read as brat lines."""
    from ._brat_foreign import build_from
    from .brat_read import AnnFile, Line

    texts: dict[str, list[str]] = {}
    anns: dict[str, AnnFile] = {}
    for line, row in rows:
        problems = _schema_findings(row, line)
        if problems:
            report.extend(problems)
            continue
        doc = str(row["doc_id"])
        parts = texts.setdefault(doc, [])
        base = sum(len(p) + 1 for p in parts)
        parts.append(row["text"])
        ann = anns.setdefault(doc, AnnFile(WINDOWS, ""))
        window = _Window(row, line, base, report)
        prefix = f"{len(parts)}-"
        for i, mention in enumerate(row["entity_mentions"]):
            found = window.span(mention, f"$.entity_mentions[{i}]")
            kind = ".".join(str(mention[k]) for k in ("entity_type", "entity_subtype") if mention.get(k))
            if found is not None:
                ann.lines[f"T{prefix}{mention['id']}"] = Line(line, f"T{prefix}{mention['id']}", kind, span=found)
        for i, event in enumerate(row["event_mentions"]):
            found = window.span(event["trigger"], f"$.event_mentions[{i}].trigger")
            if found is None:
                continue
            trigger = f"T{prefix}{event['id']}"
            ann.lines[trigger] = Line(line, trigger, str(event["event_type"]), span=found)
            args = [(str(a["role"]), f"T{prefix}{a['entity_id']}") for a in event["arguments"]
                    if f"T{prefix}{a['entity_id']}" in ann.lines]
            ann.lines[f"E{prefix}{event['id']}"] = Line(line, f"E{prefix}{event['id']}", str(event["event_type"]),
                                                        refs=[("", trigger), *args])
    documents = {}
    for doc, parts in texts.items():
        anns[doc].text = "\n".join(parts)
        documents[doc] = ("\n".join(parts).encode("utf-8"), anns[doc])
    return build_from(WINDOWS, documents, report)
