"""One data file against its models, record by record: strict JSON, then the models; E103, E104, E108.

A document file (or the actors file) is validated as a *shell* (the file without its records)
and then one record at a time: a record that fails the format is reported and skipped, and every
other record of the file is still checked by the rules that follow. A span still written as a
quote (``{"quote": ...}``) gets one E108 saying to run ``communique resolve``.

The fast path hands a file's bytes straight to ``model_validate_json`` after cheap scans for what
the strict reader (:mod:`communique.jsonio`) refuses and pydantic's JSON parser accepts (a
byte-order mark, NaN or Infinity, escaped lone surrogates, more values than
:data:`communique.jsonio.MAX_VALUES`); duplicate keys are ruled out by counting
(:func:`key_ends` against the fields set across the model tree, see
:func:`communique.validation.visit.visit`). Anything else takes the strict path.

At most :data:`MAX_FINDINGS_PER_FILE` record-format findings are listed per file; past them the
errors are only counted, never materialised.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .. import jsonio
from ..codes import finding
from ..loader import invalid_json
from ..models import Actor, ActorsFile, DocumentFile, Event, Mention, Statement
from ..quotes import QUOTE_KEYS
from ..report import Finding

CODES = ("E103", "E104", "E108")

_M = TypeVar("_M", bound=BaseModel)

MAX_FINDINGS_PER_FILE = 100
"""Record-format findings listed per file; past it one more finding gives the count of the rest."""

RECORD_LISTS: dict[type[BaseModel], dict[str, type[BaseModel]]] = {
    DocumentFile: {"mentions": Mention, "events": Event, "statements": Statement},
    ActorsFile: {"actors": Actor},
}
"""The lists of records of each file model, validated one record at a time."""

_SURROGATE = re.compile(rb"\\u[dD][89abcdefABCDEF]")
_JSON_SPACE = b" \t\r\n"
_BOM = b"\xef\xbb\xbf"


@dataclass
class Parsed(Generic[_M]):
    """A file's model (its valid records only) and where each kept record sits in the file."""

    model: _M
    positions: dict[str, list[int]] | None = None
    """For each record list with a refused record: the position in the file of each kept one
    (None when every record was valid: positions are the list indices)."""
    refused: frozenset[str] = frozenset()
    """The record lists with a refused record."""

    @property
    def complete(self) -> bool:
        """False when a record was refused."""
        return not self.refused

    def at(self, name: str, index: int) -> int:
        """The position in the file of the record ``index`` of the model's list ``name``."""
        return index if self.positions is None or name not in self.positions else self.positions[name][index]


def json_path(loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location as a JSON path ('$.events[3].span.end')."""
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _walk(raw: Any, loc: tuple[int | str, ...]) -> tuple[str | None, tuple[int | str, ...] | None]:
    """The id of the innermost record on the way to ``loc``, and the location of a span written as
    a quote on that way (None when there is none)."""
    found: str | None = None
    node = raw
    for depth in range(len(loc) + 1):
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                found = node["id"]
            if "quote" in node and set(node) <= QUOTE_KEYS:
                return found, loc[:depth]
        if depth == len(loc):
            break
        part = loc[depth]
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            break
    return found, None


class _Budget:
    """The record-format findings of one file: listed up to the cap, then only counted."""

    def __init__(self, rel: str, root: str, out: list[Finding]) -> None:
        self.rel, self.root, self.out = rel, root, out
        self.left = MAX_FINDINGS_PER_FILE
        self.listed = 0
        self.rest = 0
        self.quotes: set[tuple[int | str, ...]] = set()

    def take(self, exc: ValidationError, raw: Any, prefix: tuple[int | str, ...]) -> None:
        if self.left <= 0:
            self.rest += exc.error_count()
            return
        for err in exc.errors(include_url=False):
            loc = prefix + tuple(err["loc"])
            record, quote = _walk(raw, loc)
            if quote is not None:
                if quote not in self.quotes:
                    self.quotes.add(quote)
                    self._quote(raw, quote, record)
                continue
            if self.left <= 0:
                self.rest += 1
                continue
            found = _short(err.get("input"))
            self.out.append(finding("E103", self.rel, json_path(loc), record=record, expected=err["msg"],
                                    found=found, problem=err["msg"], value=found))
            self.left -= 1
            self.listed += 1

    def _quote(self, raw: Any, loc: tuple[int | str, ...], record: str | None) -> None:
        node = raw
        for part in loc:
            node = node[part]
        command = f"communique resolve --dir {shlex.quote(self.root)}"
        self.out.append(finding("E108", self.rel, json_path(loc), record=record, expected="start, end and text",
                                found=_short(node), quote=_short(node.get("quote")), command=command))

    def close(self) -> None:
        if self.rest > 0:
            problem = f"{self.rest} more record-format errors in this file are not listed"
            self.out.append(finding("E103", self.rel, "$", problem=problem, value=f"{self.listed + self.rest} in all"))


def parse_model(data: bytes, rel: str, model: type[_M], out: list[Finding], root: str = ".") -> Parsed[_M] | None:
    """Strict JSON, then ``model`` record by record (see the module docstring); findings go to ``out``.

    None when the file cannot be a model (not JSON, not an object, an unreadable schema version,
    or a field outside its records is wrong); otherwise the model with its valid records.
    """
    try:
        raw = jsonio.loads(data)
    except jsonio.JsonReadError as exc:
        out.append(invalid_json(rel, exc))
        return None
    if not isinstance(raw, dict):
        kind = type(raw).__name__
        out.append(finding("E103", rel, "$", expected="a JSON object", found=kind,
                           problem="expected a JSON object at the top level", value=kind))
        return None
    version = raw.get("schema_version")
    if isinstance(version, str) and not version.startswith("1."):
        out.append(finding("E104", rel, "$.schema_version", version=version))
        return None
    try:  # the whole file at once first (its record lists stop at their first bad record)
        return Parsed(model.model_validate(raw, strict=True))
    except ValidationError:
        pass
    lists = RECORD_LISTS.get(model, {})
    budget = _Budget(rel, root, out)
    shell = {k: [] if k in lists and isinstance(v, list) else v for k, v in raw.items()}
    try:
        whole: _M | None = model.model_validate(shell, strict=True)
    except ValidationError as exc:
        budget.take(exc, raw, ())
        whole = None
    kept: dict[str, list[Any]] = {}
    positions: dict[str, list[int]] = {}
    for name, cls in lists.items():
        items = raw.get(name)
        if not isinstance(items, list):
            continue
        good, where = kept.setdefault(name, []), positions.setdefault(name, [])
        for i, item in enumerate(items):
            try:
                good.append(cls.model_validate(item, strict=True))
                where.append(i)
            except ValidationError as exc:
                budget.take(exc, raw, (name, i))
    budget.close()
    if whole is None:
        return None
    refused = frozenset(name for name, where in positions.items() if len(where) != len(raw[name]))
    return Parsed(whole.model_copy(update=kept), positions if refused else None, refused)


def fast_parse(data: bytes) -> DocumentFile | None:
    """The model when the fast path applies and succeeds; None sends the file to the strict path."""
    if len(data) > jsonio.MAX_FILE_BYTES or data.startswith(_BOM) or b"NaN" in data or b"Infinity" in data:
        return None
    if b"\\u" in data and _SURROGATE.search(data):
        return None
    if len(data) > jsonio.MAX_VALUES and data.count(b"{") + data.count(b"[") + data.count(b",") > jsonio.MAX_VALUES:
        return None  # (a file shorter than the limit cannot hold more values than it)
    try:  # pydantic's parser refuses invalid UTF-8 itself (as a JSON error), so no decoding here
        return DocumentFile.model_validate_json(data, strict=True)
    except ValidationError:
        return None


def key_ends(data: bytes) -> int:
    """An upper bound on the number of object keys in JSON bytes: every key ends with '"',
    JSON white space and ':', which is '":' once the white space is gone (strings can only add)."""
    return data.translate(None, _JSON_SPACE).count(b'":')
