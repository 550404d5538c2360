"""README.md is a newcomer's page (and the PyPI description): short, the set-up commands first."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
MAX_LINES = 250


def test_readme_keeps_the_two_top_commands() -> None:
    head = README.read_text(encoding="utf-8").split("\n## ", 1)[0]
    first_block = head.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert [line.split("#")[0].strip() for line in first_block] == ["python3 dev.py run", "python3 dev.py test"]


def test_readme_is_short() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_LINES, f"README.md has {len(lines)} lines; move detail to a page in docs/"


def test_readme_says_where_the_docs_are_and_how_to_install() -> None:
    text = README.read_text(encoding="utf-8")
    assert "pip install communique" in text and "docs/index.md" in text
    assert "## Licence" in text
