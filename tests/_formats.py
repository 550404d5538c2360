"""Corpora the format tests round-trip: the packaged one, the hostile-free fixtures, generated ones
with non-ASCII and astral characters; and the comparison of an imported corpus with its original."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Any

import communique
from _support import FIXTURE_CORPUS, REPO
from communique.synth import generate_corpus
from strategies import GeneratedCorpus, build_corpus

FIXTURES = REPO / "tests" / "fixtures"
CORPORA = ("packaged", "fixture", "mini", "view", "synth", "astral-letters", "astral-symbols")
"""Names of the corpora every format is round-tripped on."""

ASTRAL = {
    "astral-letters": {"a": "\U0001d51e", "e": "\U0001d522"},
    "astral-symbols": {"o": "\U0001f600", "r": "\U00010348"},
}
"""Code-point-for-code-point substitutions: letters beyond U+FFFF (\\w) and symbols beyond it (not \\w)."""


def astralize(corpus: GeneratedCorpus, table: dict[str, str]) -> GeneratedCorpus:
    """``corpus`` with characters swapped code point for code point (offsets unchanged), hashes updated."""
    swap = str.maketrans(table)

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys():
                return {**node, "text": node["text"].translate(swap)}
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    out = corpus.copy()
    for doc_id, doc in out.documents.items():
        seed = doc["document"]["seed"]
        out.seeds[seed] = out.seeds[seed].decode("utf-8").translate(swap).encode("utf-8")
        out.documents[doc_id] = walk(doc)
        out.documents[doc_id]["document"]["sha256"] = hashlib.sha256(out.seeds[seed]).hexdigest()
    return out


def _astral(root: Path, table: dict[str, str]) -> Path:
    """A generated corpus whose texts carry characters beyond U+FFFF (offsets in code points unchanged)."""
    return astralize(build_corpus(random.Random(16), documents=2, actors=6, events_per_document=3), table).write(root)


def corpus_path(name: str, tmp: Path) -> Path | None:
    """The folder of the named corpus (None: the packaged one)."""
    if name == "packaged":
        return None
    if name == "fixture":
        return FIXTURE_CORPUS
    if name == "mini":
        return FIXTURES / "corpora" / "valid-mini"
    if name == "view":
        return FIXTURES / "view_corpus"
    if name == "synth":
        return generate_corpus(tmp / "synth", documents=3, seed=16)
    return _astral(tmp / name, ASTRAL[name])


def export_all(fmt: str, base: Path) -> dict[str, tuple[Path | None, Path]]:
    """Every test corpus exported in ``fmt`` under ``base``: name -> (corpus folder, export folder)."""
    from communique import formats

    done = {}
    for name in CORPORA:
        path = corpus_path(name, base / "corpora")
        formats.export(fmt, path, base / name)
        done[name] = (path, base / name)
    return done


def load(path: Path | None) -> communique.Corpus:
    return communique.load(path, verify=path is None or (path / "MANIFEST.json").is_file())


def dumps(corpus: communique.Corpus) -> dict[str, Any]:
    """Everything a corpus holds, as JSON: info, actors, and every document file with its text."""
    return {
        "info": corpus.info.model_dump(mode="json"),
        "actors": [a.model_dump(mode="json") for a in corpus.actors],
        "files": [{**f.model_dump(mode="json"), "text": f.document.text} for f in corpus.files],
    }


def has_astral(corpus: communique.Corpus) -> bool:
    return any(ord(ch) > 0xFFFF for f in corpus.files for ch in f.document.text)


def jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
