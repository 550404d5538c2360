"""Tools for annotators: add a source document, resolve quoted spans to offsets.

``add_document`` copies a new source text into ``seeds/`` byte for byte, records its SHA-256
and creates an empty annotation file. ``resolve_file`` rewrites every span written as a quote
(see :mod:`communique.quotes`) into offsets, refusing ambiguous or missing quotes.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from . import jsonio, writes
from .errors import CommuniqueError, SpanResolutionError
from .loader import ACTORS_FILE, DOCUMENTS_DIR, SEEDS_DIR
from .models import SCHEMA_VERSION
from .paths import safe_child
from .quotes import resolve_quotes

_SEED_NAME = re.compile(r"^(\d{3,})_[0-9a-f]{16}\.txt$")


def _require_corpus(root: Path) -> None:
    if not (root / "data").is_dir():
        raise CommuniqueError(f"{root} is not a corpus directory: expected a data/ folder (run inside the repository)")


def next_document_id(root: Path, sha256: str) -> str:
    """``NNN_<first 16 hex digits of the SHA-256>``, NNN one more than the highest seed number."""
    numbers = [int(m.group(1)) for p in (root / SEEDS_DIR).glob("*.txt") if (m := _SEED_NAME.match(p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{sha256[:16]}"


def add_document(root: Path, source: Path, *, doc_id: str | None = None, language: str = "en") -> str:
    """Copy ``source`` into the corpus at ``root`` and create its empty annotation file; return its id."""
    _require_corpus(root)
    data = source.read_bytes()
    if not data.strip():
        raise CommuniqueError(f"{source} is empty; expected a UTF-8 text")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CommuniqueError(f"{source} is not UTF-8 (invalid byte at offset {exc.start}); convert it first") from None
    if data.startswith(b"\xef\xbb\xbf"):
        raise CommuniqueError(f"{source} starts with a byte-order mark; save it as UTF-8 without BOM")
    digest = hashlib.sha256(data).hexdigest()
    seeds = root / SEEDS_DIR
    writes.make_folder(seeds)
    for existing in sorted(seeds.glob("*.txt")):
        if hashlib.sha256(existing.read_bytes()).hexdigest() == digest:
            raise CommuniqueError(f"{source} is already in the corpus as seeds/{existing.name}")
    new_id = doc_id or next_document_id(root, digest)
    seed_path = safe_child(seeds, f"{new_id}.txt")
    doc_path = safe_child(root / DOCUMENTS_DIR, f"{new_id}.json")
    if seed_path.exists():
        raise CommuniqueError(f"a document with id {new_id!r} already exists")
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "document": {
            "id": new_id,
            "seed": seed_path.name,
            "sha256": digest,
            "publisher": None,
            "dateline": None,
            "language": language,
            "title": None,
            "published": None,
            "headings": [],
        },
        "status": "draft",
        "mentions": [],
        "events": [],
        "statements": [],
    }
    # Both files or neither; the seed last: a document file an interrupted add left is completed by a retry.
    writes.create_files([(doc_path, jsonio.dumps(record)), (seed_path, data)])
    writes.tidy(seeds)
    writes.tidy(doc_path.parent)
    return new_id


def _seed_text(root: Path, seed: object) -> str:
    if not isinstance(seed, str):
        raise CommuniqueError("the document record has no seed file name")
    path = safe_child(root / SEEDS_DIR, seed)
    try:
        return jsonio.read_path(path).decode("utf-8")
    except OSError as exc:
        raise CommuniqueError(f"cannot read seed {path}: {exc.strerror or exc}") from None
    except jsonio.JsonReadError as exc:
        raise CommuniqueError(f"cannot read seed {path}: {exc.message}") from None
    except UnicodeDecodeError as exc:
        raise CommuniqueError(f"seed {path} is not UTF-8 (invalid byte at offset {exc.start})") from None


def _read_json(path: Path) -> Any:
    """Strict JSON from ``path`` (size checked before reading); CommuniqueError naming the file otherwise."""
    try:
        return jsonio.load_path(path)
    except jsonio.JsonReadError as exc:
        raise CommuniqueError(f"{path}:{exc.line or 1}: {exc.message}") from None


def _document_texts(root: Path) -> dict[str, str]:
    texts = {}
    for path in sorted((root / DOCUMENTS_DIR).glob("*.json")):
        raw = _read_json(path)
        doc = raw.get("document") if isinstance(raw, dict) else None
        if isinstance(doc, dict) and isinstance(doc.get("id"), str):
            texts[doc["id"]] = _seed_text(root, doc.get("seed"))
    return texts


def resolve_file(root: Path, path: Path) -> int:
    """Resolve every quoted span in ``path`` in place; return how many spans were resolved.

    Raises :class:`SpanResolutionError` listing every quote that could not be resolved; the
    file is then left untouched.
    """
    raw = _read_json(path)
    before = jsonio.dumps(raw)
    errors: list[str] = []
    if path.name == Path(ACTORS_FILE).name:
        texts = _document_texts(root)
        for i, actor in enumerate(raw.get("actors", []) if isinstance(raw, dict) else []):
            for j, role in enumerate(actor.get("roles", []) if isinstance(actor, dict) else []):
                doc_ref = role.get("document") if isinstance(role, dict) else None
                text = texts.get(doc_ref) if isinstance(doc_ref, str) else None
                if text is None:
                    errors.append(f"$.actors[{i}].roles[{j}]: unknown document {role.get('document')!r}")
                    continue
                role["span"], errs = resolve_quotes(role.get("span"), text, f"$.actors[{i}].roles[{j}].span")
                errors.extend(errs)
    else:
        doc = raw.get("document") if isinstance(raw, dict) else None
        text = _seed_text(root, doc.get("seed") if isinstance(doc, dict) else None)
        raw, errors = resolve_quotes(raw, text)
    if errors:
        raise SpanResolutionError(f"{path}: {len(errors)} span(s) could not be resolved:\n  " + "\n  ".join(errors))
    after = jsonio.dumps(raw)
    if after != before:
        writes.write_file(path, after)
    return before.count('"quote"')
