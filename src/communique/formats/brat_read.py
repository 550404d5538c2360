"""Reading brat standoff: every ``.ann`` line parsed and checked against its ``.txt``.

A ``T`` line's text must equal the text at its offsets (fragments of a discontinuous span joined by
one space, as brat writes them), or the line is refused (E502); an ``E``, ``R``, ``A``, ``N`` or
``#`` line must name annotations the file has (E503); a line that is not brat standoff is E500.
With the export's sidecar the corpus comes back exactly, its spans taken from the ``T`` lines;
without one (files written by brat or INCEpTION) :mod:`._brat_foreign` builds a draft corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..codes import finding
from ..report import Report
from ._common import Imported, read_input, unreadable
from ._restore import read_sidecar, restore, seed_texts
from ._sidecar import span
from .brat import BREAKS

_LOCS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")


@dataclass
class Line:
    """One parsed ``.ann`` line: its id, type, references (role -> id) and value or text."""

    number: int
    ident: str
    kind: str
    refs: list[tuple[str, str]] = field(default_factory=list)
    value: str | None = None
    span: dict[str, Any] | None = None


@dataclass
class AnnFile:
    """A parsed ``.ann`` file: its lines by id, in file order."""

    name: str
    text: str
    lines: dict[str, Line] = field(default_factory=dict)

    def by_kind(self, prefix: str) -> list[Line]:
        return [line for line in self.lines.values() if line.ident.startswith(prefix)]


def _fail(report: Report, name: str, number: int, code: str, *, record: str | None = None, expected: str | None = None,
          found: str | None = None, **fields: object) -> None:
    report.add(finding(code, name, "$", line=number, record=record, expected=expected, found=found, **fields))


def _text_bound(ann: AnnFile, number: int, ident: str, fields: list[str], report: Report) -> Line | None:
    kind, _, locs = (fields[1] if len(fields) > 1 else "").partition(" ")
    if len(fields) != 3 or not kind or not _LOCS.match(locs):
        unreadable(report, ann.name, f"line {number} is not a text-bound annotation; expected "
                   "'T<n> TAB TYPE START END[;START END] TAB TEXT'", line=number, record=ident)
        return None
    pieces = [tuple(int(x) for x in loc.split(" ")) for loc in locs.split(";")]
    if any(not 0 <= a < b <= len(ann.text) for a, b in pieces) or pieces != sorted(pieces):
        _fail(report, ann.name, number, "E501", record=ident, found=locs,
              problem=f"offsets {locs} are outside the text (0..{len(ann.text)}) or not in order",
              layout=f"offsets in order within 0..{len(ann.text)}")
        return None
    covered = " ".join(ann.text[a:b] for a, b in pieces)
    if covered != fields[2]:
        _fail(report, ann.name, number, "E502", record=ident, expected=covered, found=fields[2], text=repr(fields[2]),
              source="document's text", offsets=f"offsets {locs}", actual=repr(covered))
        return None
    gaps = [ann.text[b:a] for (_, b), (a, _) in pairwise(pieces)]
    if any(not BREAKS.fullmatch(gap) for gap in gaps):
        _fail(report, ann.name, number, "E501", record=ident, found=locs, problem=f"the discontinuous span {locs} "
              "cannot be held", layout="fragments split only by line breaks or tabs (Communiqué spans are contiguous)")
        return None
    start, end = pieces[0][0], pieces[-1][1]
    return Line(number, ident, kind, span=span(start, end, ann.text[start:end]))


def parse(name: str, text: str, data: str, report: Report) -> AnnFile:
    """Parse one ``.ann`` file's text (``text`` is its document)."""
    ann = AnnFile(name, text)
    for number, raw in enumerate(data.split("\n"), start=1):
        if not raw.strip():
            continue
        fields = raw.rstrip("\r").split("\t")
        ident, head = fields[0], fields[1] if len(fields) > 1 else ""
        parts = head.split(" ")
        line: Line | None = None
        if ident[:1] == "T":
            line = _text_bound(ann, number, ident, fields, report)
        elif ident[:1] == "E" and len(fields) == 2 and all(":" in p for p in parts):
            pairs = [p.split(":", 1) for p in parts]  # TYPE:TRIGGER ROLE:ID ...
            line = Line(number, ident, pairs[0][0], refs=[("", pairs[0][1]), *((r, t) for r, t in pairs[1:])])
        elif ident[:1] == "R" and len(fields) == 2 and len(parts) == 3 and all(":" in p for p in parts[1:]):
            pairs = [p.split(":", 1) for p in parts[1:]]  # TYPE Arg1:ID Arg2:ID
            line = Line(number, ident, parts[0], refs=[(r, t) for r, t in pairs])
        elif ident[:1] in "AM" and len(fields) == 2 and len(parts) in (2, 3):
            line = Line(number, ident, parts[0], refs=[("", parts[1])], value=parts[2] if len(parts) == 3 else None)
        elif ident[:1] in "N#" and len(fields) == 3 and len(parts) >= 2:
            line = Line(number, ident, parts[0], refs=[("", parts[1])],
                        value=" ".join(parts[2:]) if ident[:1] == "N" else fields[2])
        elif ident[:1] == "*":
            continue  # equivalence sets: nothing in Communiqué corresponds
        else:
            unreadable(report, name, f"line {number} is not a brat standoff line (T, E, R, A, M, N, # or *)",
                       line=number, found=raw[:80])
        if line is not None:
            if line.ident in ann.lines and ident[:1] != "#":
                _fail(report, name, number, "E501", record=ident, problem=f"the id {ident} is used twice in the file",
                      layout="ids unique in the file")
            ann.lines[line.ident] = line
    for line in ann.lines.values():
        for role, target in line.refs:
            if target not in ann.lines:
                _fail(report, name, line.number, "E503", record=line.ident, found=target, target=target,
                      referrer=line.ident + (f" (role {role})" if role else ""), holder="the file",
                      wanted="the id of an annotation in the file")
    return ann


def _utf8(report: Report, ann: str, rel: str, data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        unreadable(report, ann, f"{rel} is not UTF-8 (byte {exc.start}); expected UTF-8 text", line=0)
        return None


def read_folder(src: Path, report: Report) -> dict[str, AnnFile]:
    """Every ``<stem>.ann`` with its ``<stem>.txt`` in ``src``, parsed, by stem."""
    found = {}
    for path in sorted(src.glob("*.ann")):
        txt = path.with_suffix(".txt")
        if not txt.is_file():
            unreadable(report, path.name, f"{txt.name} is missing beside it", line=0, expected=f"{txt.name} beside it")
            continue
        raw_text, raw_ann = read_input(txt, src, report, txt.name), read_input(path, src, report, path.name)
        if raw_text is None or raw_ann is None:
            continue
        text, data = _utf8(report, path.name, txt.name, raw_text), _utf8(report, path.name, path.name, raw_ann)
        if text is None or data is None:
            continue
        found[path.stem] = parse(path.name, text, data, report)
    return found


def read(src: Path) -> Imported:
    """Import a brat folder: a Communiqué export (with its sidecar) exactly, other brat data as a draft corpus."""
    report = Report(str(src))
    files = read_folder(src, report)
    data = read_sidecar(src, report)
    if data is None:
        from ._brat_foreign import build

        return build(src, files, report)
    seeds = seed_texts(src, data, report, folder="")  # <id>.txt is the seed (the validator checks its hash)

    def spans(doc_id: str) -> dict[str, dict[str, Any]]:
        ann = files.get(doc_id)
        return {} if ann is None else {i: line.span for i, line in ann.lines.items() if line.span is not None}

    return restore(data, spans, seeds, report, lambda doc_id: f"{doc_id}.ann")
