"""Every importing format gives generated corpora back exactly, with and without characters beyond U+FFFF."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _formats import ASTRAL, astralize, dumps, load
from communique import formats
from strategies import GeneratedCorpus, corpora

SWAPS = [{}, *ASTRAL.values(), {"a": "ä", "o": "ø"}]


@pytest.mark.parametrize("fmt", ["oneie", "brat", "labelstudio"])
@settings(max_examples=15)
@given(corpus=corpora(max_documents=2, max_actors=5, max_events=3), swap=st.sampled_from(SWAPS))
def test_export_then_import_is_the_identity(fmt: str, corpus: GeneratedCorpus, swap: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = astralize(corpus, swap).write(Path(tmp) / "corpus")
        formats.export(fmt, root, Path(tmp) / "out")
        report = formats.import_(fmt, Path(tmp) / "out", Path(tmp) / "back")
        assert report.findings == []
        assert dumps(load(Path(tmp) / "back")) == dumps(load(root))
