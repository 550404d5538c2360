"""The corpus layout has one home, communique.layout: no other module spells its paths."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from communique import layout

SRC = Path(__file__).resolve().parents[1] / "src" / "communique"

SPELLED = re.compile(r"\b(?:data|seeds)/|\b(?:corpus|actors|MANIFEST)\.json\b")
"""A layout path inside a string: data/..., seeds/..., corpus.json, actors.json, MANIFEST.json."""
FOLDERS = {"data", "seeds"}
"""A folder of the layout as a string of its own ('data', as in ``root / "data"``)."""

ALLOWED = {
    # The codes registry's message templates: plain text with {field} placeholders, filled when a
    # finding is reported; they are not paths the package opens.
    ("codes.py", "a file differs from the checksum recorded in MANIFEST.json"),
    ("codes.py", "{name} differs from MANIFEST.json: found {actual}, expected {recorded}{hint}"),
    ("codes.py", "sha256 differs from the bytes of seeds/{seed} (the seed changed or the hash is wrong): "
                 "expected {digest}, found {sha256}"),
    # Keys of other tools' formats that happen to be spelled 'data': a Label Studio task's data
    # object and Croissant's JSON-LD context term.
    ("formats/labelstudio.py", "data"),
    ("formats/labelstudio_read.py", "data"),
    ("release/croissant.py", "data"),
}


def spelled_paths(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string in ``source`` that spells a layout path, docstrings aside
    (comments are not in the syntax tree); f-strings are read piece by piece."""
    tree = ast.parse(source)
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            text, parent = node.value, parents.get(id(node))
            joined = isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Div)  # root / "documents"
            if text in FOLDERS or SPELLED.search(text) or (text == "documents" and joined):
                found.append((node.lineno, text))
    return sorted(found)


def test_no_module_but_layout_spells_the_layout() -> None:
    modules = [p for p in SRC.rglob("*.py") if p != SRC / "layout.py"]
    assert len(modules) > 100
    hits = [
        (rel, line, text)
        for path in modules
        for line, text in spelled_paths(path.read_text(encoding="utf-8"))
        if ((rel := path.relative_to(SRC).as_posix()), text) not in ALLOWED
    ]
    assert hits == []


def test_every_allowed_literal_is_still_there() -> None:
    """An allow-list entry whose literal is gone would hide a new one: the list stays exact."""
    for rel, text in ALLOWED:
        assert text in [t for _, t in spelled_paths((SRC / rel).read_text(encoding="utf-8"))], (rel, text)


def test_the_check_finds_each_way_of_spelling_a_path() -> None:
    sample = '''
"""A docstring may say data/corpus.json."""
# and so may a comment: seeds/x.txt
def write(root, doc_id):
    """Write data/documents/<id>.json."""
    (root / "data" / "documents" / f"{doc_id}.json").write_text("")
    (root / "seeds").mkdir()
    raise ValueError(f"no {root}/MANIFEST.json, no data/actors.json")
    return {"documents": 1}, "corpus.json"
'''
    assert spelled_paths(sample) == [
        (6, "data"), (6, "documents"), (7, "seeds"), (8, "/MANIFEST.json, no data/actors.json"), (9, "corpus.json")
    ]


def test_the_layout_helpers() -> None:
    assert layout.document_file("d1") == "data/documents/d1.json"
    assert layout.seed_file("d1.txt") == "seeds/d1.txt"
    assert layout.document_stem(layout.document_file("d1")) == "d1"
    assert (layout.CORPUS_FILE, layout.ACTORS_FILE, layout.MANIFEST_FILE) == (
        "data/corpus.json", "data/actors.json", "MANIFEST.json")
