"""The annotating page's worked example, run as written: its files and commands give a valid corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pages import DOCS, blocks, commands

import communique

PAGE = DOCS / "annotating.md"


def test_the_worked_example_gives_a_valid_document(tmp_path: Path) -> None:
    ran = []
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    for block in blocks(PAGE.read_text(encoding="utf-8")):
        if block.title:
            path = tmp_path / block.title
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(block.body, encoding="utf-8")
        elif block.lang == "sh":
            for argv in commands(f"```sh\n{block.body}```\n"):
                done = subprocess.run(
                    [sys.executable, "-m", "communique", *argv[1:]], cwd=tmp_path, capture_output=True, text=True,
                    env=env, check=False,
                )  # fmt: skip
                assert done.returncode == 0, f"{' '.join(argv)}: {done.stdout}{done.stderr}"
                ran.append(argv[1])
    assert ran == ["init", "add", "resolve", "validate", "show"]
    corpus_dir = tmp_path / "mycorpus"
    report = communique.validate(corpus_dir, verify=False)
    assert report.ok and report.findings == [], [f.describe() for f in report.findings]
    resolved = (corpus_dir / "data" / "documents" / "001_kallas_sybiha.json").read_text(encoding="utf-8")
    assert '"quote"' not in resolved  # every quote became offsets
    corpus = communique.load(corpus_dir, verify=False)
    assert [s.content.text for s in corpus.statements] == ["We will keep supporting Ukraine,"]
    assert json.loads(resolved)["events"][0]["time"]["span"]["text"] == "on Tuesday"
