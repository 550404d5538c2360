"""One message template per finding code: every code is worded by its template in the registry,
and every finding of the package is made from it by ``codes.finding``."""

from __future__ import annotations

import ast
import json
import re
import shlex
import shutil
import string
from pathlib import Path

import pytest

import communique
from communique.codes import CODES, Code, finding
from hostile import BASE_CORPUS, HOSTILE_DIR, Cli

SRC = Path(communique.__file__).resolve().parent
MAKERS = {"codes.py", "report.py"}
"""The only modules that build a Finding: the registry fills templates, the report defines the class."""
CATCH_ALL = {"detail", "message", "msg"}
"""Field names that would hold a whole message written at the call site."""


def _parts(template: str) -> tuple[str, list[str]]:
    """The fixed text of a template and the names of its fields."""
    parsed = list(string.Formatter().parse(template))
    return "".join(text for text, _, _, _ in parsed), [name for _, name, _, _ in parsed if name is not None]


def catch_all(code: Code) -> str | None:
    """Why ``code``'s template is a message written elsewhere rather than a sentence; None when it is one."""
    fixed, fields = _parts(code.template)
    if not fields and not fixed.strip():
        return "empty template"
    if set(fields) & CATCH_ALL:
        return f"catch-all field {sorted(set(fields) & CATCH_ALL)}"
    if not re.search(r"[A-Za-z]{4,}", fixed):
        return f"no fixed words around {fields}"
    return None


def test_every_code_has_a_sentence_for_its_template() -> None:
    assert {c.code: catch_all(c) for c in CODES.values() if catch_all(c)} == {}


@pytest.mark.parametrize("template", ["{detail}", " {reason} ", "{problem}: {value}", "{detail} (found {x})", ""])
def test_a_bare_or_catch_all_template_is_refused(template: str) -> None:
    assert catch_all(Code("E999", "x", "error", "x", template)) is not None


def test_a_finding_is_its_codes_template_filled() -> None:
    made = finding("E502", "a.ann", "$", line=3, record="T1", expected="Lyon", found="Lyo", text="'Lyo'",
                   source="document's text", offsets="offsets 0 3", actual="'Lyon'")
    assert made.message == "text 'Lyo' differs from the document's text at offsets 0 3; expected 'Lyon'"
    assert (made.severity, made.line, made.record, made.expected, made.found) == ("error", 3, "T1", "Lyon", "Lyo")
    with pytest.raises(KeyError):
        finding("E502", "a.ann", "$", text="'Lyo'")  # a field left out is a mistake, not an empty part


def finding_constructors(source: str) -> list[int]:
    """The lines of ``source`` that call ``Finding(...)`` (or ``report.Finding(...)``)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name == "Finding":
                lines.append(node.lineno)
    return lines


def test_no_module_builds_a_finding_by_hand() -> None:
    built = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel in MAKERS:
            continue
        lines = finding_constructors(path.read_text(encoding="utf-8"))
        if lines:
            built[rel] = lines
    assert built == {}, "build findings with communique.codes.finding(code, ...), worded by the code's template"


def test_the_constructor_check_sees_a_finding_built_by_hand() -> None:
    source = "from communique import report\nf = report.Finding('a', '$', 'E101', 'cannot read a')\n"
    assert finding_constructors(source) == [2]
    assert finding_constructors("from x import Finding\ng = Finding(**d)\n") == [2]


READING = {
    "E100-no-data-folder": "missing folder data/ (a corpus directory is laid out like the repository: data/, seeds/); "
                           "expected it in the corpus directory",
    "E100-missing-actors-file": "missing file data/actors.json; expected it in the corpus directory",
    "E101-folder-instead-of-file": "cannot read data/actors.json: it is a folder; expected a regular file",
    "E102-duplicate-key": "cannot parse data/actors.json: duplicate key 'name' in one object",
    "E103-top-level-array": "expected a JSON object at the top level (found list)",
    "E103-string-for-integer": "Input should be a valid integer (found '15')",
    "E105-file-name-mismatch": "document file 'doc003.json' is not named after its document id 'doc002'; "
                               "expected document id 'doc003', or the file named doc002.json",
}
"""The message of each reading-layer fixture's finding, as its code's template words it."""


@pytest.mark.parametrize("name", sorted(READING))
def test_a_reading_finding_reads_as_its_template(name: str) -> None:
    code = name.split("-")[0]
    messages = [f.message for f in communique.validate(HOSTILE_DIR / name).findings if f.code == code]
    assert messages == [READING[name]]


def test_a_checksum_finding_names_both_sums_and_its_command_works(tmp_path: Path, cli: Cli) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(BASE_CORPUS, root)
    assert cli("manifest", "--write", root).code == 0
    info = root / "data" / "corpus.json"
    info.write_text(json.dumps(json.loads(info.read_text(encoding="utf-8"))), encoding="utf-8")  # same data, new bytes
    (root / "seeds" / "new.txt").write_text("new\n", encoding="utf-8")
    found = {f.file: f for f in communique.validate(root).findings}
    changed, new = found["data/corpus.json"], found["seeds/new.txt"]
    assert (changed.code, new.code) == ("E106", "E106")
    size = info.stat().st_size
    pattern = (rf"data/corpus\.json differs from MANIFEST\.json: found sha256 [0-9a-f]{{64}} \({size} bytes\), "
               r"expected sha256 [0-9a-f]{64} \(\d+ bytes\); if the change is intended, run `[^`]+` "
               r"\(or pass --no-verify\)")
    assert re.fullmatch(pattern, changed.message), changed.message
    assert changed.found is not None and changed.found in changed.message and changed.expected in changed.message
    assert new.message.startswith("seeds/new.txt differs from MANIFEST.json: found a file MANIFEST.json does not "
                                  "list, expected only the files MANIFEST.json lists; if the change is intended")
    command = re.search(r"run `([^`]+)`", changed.message)
    assert command is not None
    args = shlex.split(command.group(1))
    assert args[0] == "communique" and cli(*args[1:]).code == 0
    assert [f.code for f in communique.validate(root).findings if f.code in ("E100", "E106")] == []


ANN = "\n".join([
    "T1\tperson 0 5\tParix",  # E502
    "T2\tperson 0 99\tParis",  # E501: past the text
    "T3 no tabs",  # E500: not a text-bound line
    "E1\tconflict.attack:T9",  # E503: no T9
    "T4\tperson 7 11\tLyon",
    "E2\tnot.a.type:T4",  # W504
]) + "\n"


def test_import_findings_read_as_their_templates(tmp_path: Path) -> None:
    from communique import formats

    src = tmp_path / "brat"
    src.mkdir()
    (src / "d1.txt").write_text("Paris, Lyon.", encoding="utf-8")
    (src / "d1.ann").write_text(ANN, encoding="utf-8")
    (src / "lone.ann").write_text("", encoding="utf-8")
    report = formats.import_("brat", src, tmp_path / "out")
    assert sorted((f.file, f.line, f.code, f.message) for f in report.findings if f.code[1] == "5") == [
        ("d1.ann", 1, "E502", "text 'Parix' differs from the document's text at offsets 0 5; expected 'Paris'"),
        ("d1.ann", 2, "E501", "offsets 0 99 are outside the text (0..12) or not in order; "
                              "expected offsets in order within 0..12"),
        ("d1.ann", 3, "E500", "cannot import d1.ann: line 3 is not a text-bound annotation; "
                              "expected 'T<n> TAB TYPE START END[;START END] TAB TEXT'"),
        ("d1.ann", 4, "E503", "E1 refers to 'T9', which is not in the file; "
                              "expected the id of an annotation in the file"),
        ("d1.ann", 6, "W504", "the event type 'not.a.type' has no Communiqué counterpart; it is left out"),
        ("lone.ann", 0, "E500", "cannot import lone.ann: lone.txt is missing beside it"),
    ]


def test_a_window_whose_tokens_leave_its_text_names_the_token_and_the_offset(tmp_path: Path) -> None:
    from communique import formats

    src = tmp_path / "oneie"
    src.mkdir()
    window = {"doc_id": "d1", "wnd_id": "w1", "text": "Paris and Lyon", "tokens": ["Paris", "or", "Lyon"],
              "entity_mentions": [], "event_mentions": []}
    (src / "windows.jsonl").write_text(json.dumps(window) + "\n", encoding="utf-8")
    report = formats.import_("oneie", src, tmp_path / "out")
    [(path, message)] = [(f.path, f.message) for f in report.findings if f.code == "E502"]
    assert path == "$.tokens[1]"
    assert message == ("text 'or' (token 1) differs from the window's text at offset 6; "
                       "expected 'an' (the tokens in order, only white space between)")
