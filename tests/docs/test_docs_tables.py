"""Every table whose facts live in code is generated (scripts/docs_tables.py), and the committed copy is current."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest
from pages import DOCS, ROOT

from _support import load_script


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return load_script(ROOT / "scripts" / "docs_tables.py")


def test_every_generated_block_is_current(script: ModuleType) -> None:
    assert script.stale() == [], "regenerate with: python scripts/docs_tables.py --write"


def test_a_hand_edited_block_is_found_stale(script: ModuleType, tmp_path: Path) -> None:
    shutil.copytree(DOCS, tmp_path / "docs")
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    page = tmp_path / "docs" / "codes.md"
    page.write_text(page.read_text(encoding="utf-8").replace("| E302 | span-text-mismatch |", "| E302 | renamed |"))
    assert script.stale(tmp_path) == ["docs/codes.md: codes"]
    fresh = script.render(tmp_path)[page]
    assert "| E302 | span-text-mismatch |" in fresh and "renamed" not in fresh


def test_the_block_is_replaced_and_the_rest_kept(script: ModuleType) -> None:
    text = f"# Title\n\nbefore\n\n{script.begin('x')}\nstale\n{script.end('x')}\n\nafter\n"
    out = script.replace_block(text, "x", "fresh\n")
    assert out == f"# Title\n\nbefore\n\n{script.begin('x')}\nfresh\n{script.end('x')}\n\nafter\n"
    assert script.replace_block(out, "x", "fresh") == out


@pytest.mark.parametrize("text", ["no markers\n", "{end}\n{begin}\n", "{begin}\n{end}\n{begin}\n{end}\n"])
def test_missing_or_misplaced_markers_are_an_error(script: ModuleType, text: str) -> None:
    text = text.format(begin=script.begin("x"), end=script.end("x"))
    with pytest.raises(ValueError, match="markers"):
        script.replace_block(text, "x", "block")


def test_each_block_lives_in_the_readme_or_a_page_of_the_site(script: ModuleType) -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for block in script.BLOCKS:
        assert block.page == "README.md" or f": {block.page.removeprefix('docs/')}" in nav
        assert script.begin(block.name) in (ROOT / block.page).read_text(encoding="utf-8")


def test_the_codes_table_lists_the_registry_and_every_hostile_fixture(script: ModuleType) -> None:
    from communique.codes import CODES

    page = (DOCS / "codes.md").read_text(encoding="utf-8")
    section = page.split("<!-- generated: codes ", 1)[1].split("<!-- end generated: codes -->", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and line[2:3] in "EW"]
    assert [r.split(" | ")[0][2:] for r in rows] == sorted(CODES)
    fixtures = ROOT / "tests" / "fixtures" / "hostile"
    on_disk = {p.name for p in fixtures.iterdir() if p.is_dir() and p.name[:1] in "EW"}
    listed = {name for row in rows for name in row.split(" | ")[4].strip(" |").split(", ")
              if not name.startswith("none: ")}
    built = {f"`{f.name}` (built by the test)" for f in script._script(fixtures / "make_fixtures.py", "t_mf").BUILT}
    assert built and listed == {f"`{n}`" for n in on_disk} | built


def test_the_messages_table_gives_every_code_its_template() -> None:
    from communique.codes import CODES

    page = (DOCS / "codes.md").read_text(encoding="utf-8")
    section = page.split("<!-- generated: messages ", 1)[1].split("<!-- end generated: messages -->", 1)[0]
    rows = {line.split(" | ", 1)[0][2:]: line.split(" | ", 1)[1] for line in section.splitlines()
            if line.startswith("| ") and line[2:3] in "EW"}
    assert sorted(rows) == sorted(CODES)
    for code, entry in CODES.items():
        assert rows[code] == f"`` {entry.template.replace('|', chr(92) + '|')} `` |", code
