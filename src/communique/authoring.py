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

from . import jsonio, reads, writes
from .errors import CommuniqueError, CorpusInvalidError, SpanResolutionError
from .layout import ACTORS_FILE, DATA_DIR, DOCUMENTS_DIR, SEEDS_DIR, is_corpus_dir, seed_file
from .models import SCHEMA_VERSION, ActorsFile
from .models import Document as DocumentModel
from .models.shape import field_of
from .paths import safe_child
from .quotes import resolve_quotes
from .report import Finding, Report
from .validation.structure import parse_model

_SEED_NAME = re.compile(r"^(\d{3,})_[0-9a-f]{16}\.txt$")

_LANGTAG = (
    r"(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})"  # language, with up to three extlang subtags
    r"(?:-[a-z]{4})?"  # script
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"  # region
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"  # variants
    r"(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*"  # extensions
    r"(?:-x(?:-[a-z0-9]{1,8})+)?"  # private use
)
_GRANDFATHERED = (
    "en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tay|"
    "i-tsu|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE|art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka|zh-min|"
    "zh-min-nan|zh-xiang"
)
BCP47 = re.compile(rf"(?:{_LANGTAG}|x(?:-[a-z0-9]{{1,8}})+|{_GRANDFATHERED})", re.IGNORECASE | re.ASCII)
"""A well-formed language tag: the syntax of RFC 5646 section 2.1 (BCP 47), letters in any case."""
_RECORD_LANGUAGE = re.compile(field_of(DocumentModel, "language").shape.constraint("pattern"))


def check_language(tag: str) -> str:
    """``tag`` when it is a well-formed BCP 47 tag the record format accepts; CommuniqueError otherwise."""
    if len(tag) > 64 or not BCP47.fullmatch(tag):
        raise CommuniqueError(
            f"--language {tag[:64]!a} is not a well-formed BCP 47 language tag (RFC 5646); "
            "expected a tag such as 'en', 'de-CH', 'pt-BR' or 'zh-Hant-TW'"
        )
    if not _RECORD_LANGUAGE.fullmatch(tag):
        raise CommuniqueError(
            f"--language {tag!a} is a BCP 47 tag, but the record format needs a lowercase two- or three-letter "
            "language subtag first, then subtags of 2-8 letters or digits ('en', 'de-CH', 'zh-Hant-TW')"
        )
    return tag


def _require_corpus(root: Path) -> None:
    if not is_corpus_dir(root):
        raise CommuniqueError(
            f"{root} is not a corpus directory: expected a {DATA_DIR}/ folder (run inside the repository)"
        )


def next_document_id(root: Path, sha256: str) -> str:
    """``NNN_<first 16 hex digits of the SHA-256>``, NNN one more than the highest seed number."""
    numbers = [int(m.group(1)) for p in (root / SEEDS_DIR).glob("*.txt") if (m := _SEED_NAME.match(p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{sha256[:16]}"


def add_document(root: Path, source: Path, *, doc_id: str | None = None, language: str = "en") -> str:
    """Copy ``source`` into the corpus at ``root`` and create its empty annotation file; return its id."""
    _require_corpus(root)
    check_language(language)
    data = reads.read_file(source, str(source))  # a FIFO or device is refused, the size bounded before reading
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
        if reads.sha256(existing, seed_file(existing.name))[0] == digest:
            raise CommuniqueError(f"{source} is already in the corpus as {seed_file(existing.name)}")
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
        return reads.read_file(path, str(path)).decode("utf-8")
    except reads.ReadRefused as exc:
        raise CommuniqueError(f"cannot read seed: {exc.reason}") from None
    except UnicodeDecodeError as exc:
        raise CommuniqueError(f"seed {path} is not UTF-8 (invalid byte at offset {exc.start})") from None


def _read_json(path: Path) -> Any:
    """Strict JSON from ``path`` (size checked before reading); CommuniqueError naming the file otherwise."""
    try:
        return jsonio.loads(reads.read_file(path, str(path)))
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


_WALKED = re.compile(r"\$(\.actors(\[\d+\](\.roles(\[\d+\])?)?)?)?")
"""The JSON paths resolve walks through in an actors file: each must hold the type the format says."""


def _actors_shape(raw: Any) -> list[Finding]:
    """The structural findings ``communique validate`` gives where an actors file does not have the
    shape resolve walks (an object, a list of actors, each with a list of role objects); [] when it has."""
    actors = raw.get("actors", []) if isinstance(raw, dict) else None
    if isinstance(actors, list) and all(
        isinstance(actor, dict)
        and isinstance(roles := actor.get("roles", []), list)
        and all(isinstance(role, dict) for role in roles)
        for actor in actors
    ):
        return []
    findings: list[Finding] = []
    parse_model(jsonio.dumps(raw).encode("utf-8"), ACTORS_FILE, ActorsFile, findings)
    return [f for f in findings if _WALKED.fullmatch(f.path)] or findings


def resolve_file(root: Path, path: Path) -> int:
    """Resolve every quoted span in ``path`` in place; return how many spans were resolved.

    Raises :class:`SpanResolutionError` listing every quote that could not be resolved, and
    :class:`CorpusInvalidError` with the findings ``communique validate`` gives when an actors
    file does not have the format's shape; the file is then left untouched.
    """
    raw = _read_json(path)
    before = jsonio.dumps(raw)
    errors: list[str] = []
    if path.name == Path(ACTORS_FILE).name:
        shape = _actors_shape(raw)
        if shape:
            raise CorpusInvalidError(Report(str(root), shape))
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
