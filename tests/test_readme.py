"""The README's codes table and the registry in communique.codes list the same codes."""

from __future__ import annotations

import re
from pathlib import Path

from communique.codes import CODES

README = Path(__file__).resolve().parents[1] / "README.md"


def _codes_table() -> list[tuple[str, ...]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Finding codes\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    cells = [tuple(c.strip() for c in row.strip("|").split("|")) for row in rows]
    assert cells[0] == ("code", "slug", "severity", "meaning")
    assert all(re.fullmatch(r"-+", c) for c in cells[1])
    return cells[2:]


def test_readme_codes_table_equals_the_registry() -> None:
    table = {row[0]: row[1:] for row in _codes_table()}
    registry = {c.code: (c.slug, c.severity, c.summary) for c in CODES.values()}
    assert set(table) - set(registry) == set(), "codes in README.md but not in communique.codes"
    assert set(registry) - set(table) == set(), "codes in communique.codes but not in README.md"
    assert table == registry


def test_readme_keeps_the_two_top_commands() -> None:
    head = README.read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert "python3 dev.py run" in head and "python3 dev.py test" in head
