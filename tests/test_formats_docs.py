"""docs/formats.md is generated from the converters' tables and must be current."""

from __future__ import annotations

from _support import REPO
from communique.formats import FORMATS
from communique.formats._docs import render


def test_the_committed_formats_page_is_current() -> None:
    committed = (REPO / "docs" / "formats.md").read_text(encoding="utf-8")
    assert committed == render(), "regenerate with: python -m communique.formats._docs --write"


def test_the_page_has_a_field_table_for_every_format() -> None:
    page = render()
    for name in FORMATS:
        section = page.split(f"## `{name}`", 1)[1].split("\n## ", 1)[0]
        assert "| Communiqué field | in the format | note |" in section
        missing = "— (sidecar)" if FORMATS[name].importer else "— (not written)"
        assert missing in section  # every format leaves something out, and says so
