"""The fast structural path: a document file's bytes straight to ``DocumentFile.model_validate_json``.

The strict reader (:mod:`communique.jsonio`) refuses what pydantic's JSON parser accepts: a
byte-order mark, invalid UTF-8, NaN or Infinity, escaped lone surrogates, more values than
:data:`communique.jsonio.MAX_VALUES`, duplicate keys. Cheap scans send any file that could hold
one of them to the strict path; duplicate keys are ruled out by counting (:func:`key_ends`
against the fields set across the model tree, see :func:`communique.stream.visit.visit`).
"""

from __future__ import annotations

import re
from importlib.resources.abc import Traversable
from pathlib import Path

from pydantic import ValidationError

from .. import jsonio, loader
from ..models import DocumentFile
from ..report import Report

_SURROGATE = re.compile(rb"\\u[dD][89abcdefABCDEF]")
_JSON_SPACE = b" \t\r\n"
_BOM = b"\xef\xbb\xbf"


def fast_parse(data: bytes) -> DocumentFile | None:
    """The model when the fast path applies and succeeds; None sends the file to the strict path."""
    if len(data) > jsonio.MAX_FILE_BYTES or data.startswith(_BOM) or b"NaN" in data or b"Infinity" in data:
        return None
    if b"\\u" in data and _SURROGATE.search(data):
        return None
    if data.count(b"{") + data.count(b"[") + data.count(b",") > jsonio.MAX_VALUES:
        return None
    try:  # pydantic's parser refuses invalid UTF-8 itself (as a JSON error), so no decoding here
        return DocumentFile.model_validate_json(data, strict=True)
    except ValidationError:
        return None


def key_ends(data: bytes) -> int:
    """An upper bound on the number of object keys in JSON bytes: every key ends with '"',
    JSON white space and ':', which is '":' once the white space is gone (strings can only add)."""
    return data.translate(None, _JSON_SPACE).count(b'":')


def read_bytes(root: Traversable | Path, rel: str, report: Report) -> bytes | None:
    """:func:`communique.loader.read_bytes`: regular files only, measured before they are read
    (:mod:`communique.reads`)."""
    return loader.read_bytes(root, rel, report)
