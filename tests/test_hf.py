"""The release read back with datasets (offline, fresh cache) and to_hf: nothing is lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import communique
from _support import CONFIGS, FIXTURE_CORPUS, expected_rows, hf_env, load_in_subprocess


def test_import_communique_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys, communique, communique.release, communique.cli;"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('datasets', 'pyarrow', 'pandas', 'numpy', 'yaml', 'mlcroissant', 'huggingface_hub'));"
        "print(','.join(heavy))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_load_dataset_gives_back_every_record(fixture_release: Path, tmp_path: Path) -> None:
    env = hf_env(tmp_path / "hf-home")
    got = load_in_subprocess(fixture_release, env, tmp_path / "rows.json", CONFIGS, stream=("events",))
    want = expected_rows(FIXTURE_CORPUS)
    for name in CONFIGS:
        assert got[name] == want[name], name
    assert got["events:streaming"] == want["events"]
    assert (tmp_path / "hf-home").is_dir()  # the load used the fresh cache it was given
    assert not (Path(os.environ["HOME"]) / ".cache" / "huggingface" / "datasets").exists()


def test_load_dataset_on_the_packaged_corpus(packaged_release: Path, tmp_path: Path) -> None:
    want = expected_rows(None)
    full = [c for c in CONFIGS if want[c]]
    empty = [c for c in CONFIGS if not want[c]]
    env = hf_env(tmp_path / "hf-home")
    got = load_in_subprocess(packaged_release, env, tmp_path / "rows.json", full, stream=empty)
    for name in full:
        assert got[name] == want[name], name
    for name in empty:
        assert got[f"{name}:streaming"] == [], name


def test_to_hf_matches_the_corpus() -> None:
    corpus = communique.load(FIXTURE_CORPUS)
    sets = communique.to_hf(corpus)
    assert list(sets) == list(CONFIGS)
    want = expected_rows(FIXTURE_CORPUS)
    for name, ds in sets.items():
        assert ds.to_list() == want[name], name
    assert sets["events"].features["quantities"].feature["span"]["start"].dtype == "int64"


def test_to_hf_defaults_to_the_packaged_corpus() -> None:
    sets = communique.to_hf()
    assert sets["actors"].to_list() == expected_rows(None)["actors"]
