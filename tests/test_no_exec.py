"""Reading never executes anything from the data: no pickle, no unsafe YAML, no eval or exec."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

FORBIDDEN = {
    "pickle": re.compile(r"\b(c?pickle|dill|shelve|marshal)\b", re.IGNORECASE),
    "unsafe yaml": re.compile(r"\byaml\.(load|unsafe_load|full_load|load_all)\s*\("),
    "eval": re.compile(r"(?<![\w.])eval\s*\("),
    "exec": re.compile(r"(?<![\w.])exec\s*\("),
    "compile": re.compile(r"(?<![\w.])compile\s*\("),
    "__import__": re.compile(r"\b__import__\s*\("),
    "shell": re.compile(r"\bos\.system\s*\(|shell\s*=\s*True"),
}


def _sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_sources_are_found() -> None:
    names = {p.name for p in _sources()}
    assert {"jsonio.py", "loader.py", "api.py"} <= names


@pytest.mark.parametrize("what", FORBIDDEN)
def test_no_code_execution_from_data(what: str) -> None:
    pattern = FORBIDDEN[what]
    hits = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in _sources()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert hits == [], f"{what} found in src/: {hits}"


@pytest.mark.parametrize(
    "line",
    [
        "import pickle",
        "data = yaml.load(fh)",
        "x = eval(text)",
        "exec(code)",
        "obj = cPickle.loads(b)",
        "compile(s, 'f', 'exec')",
    ],
)
def test_the_patterns_catch_what_they_should(line: str) -> None:
    assert any(p.search(line) for p in FORBIDDEN.values())


def test_the_patterns_allow_safe_calls() -> None:
    for line in ["yaml.safe_load(fh)", "re.compile(r'x')", "self.evaluate(x)", "literal_eval"]:
        assert not any(p.search(line) for p in FORBIDDEN.values()), line
