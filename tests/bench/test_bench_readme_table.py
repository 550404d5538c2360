"""benchmarks/baselines.py: the generated README table and its markers."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_baselines_script", ROOT / "benchmarks" / "baselines.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_block_is_replaced_and_the_rest_kept(gold_dir: Path, tmp_path: Path, capsys) -> None:
    script = _script()
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\nbefore\n\n{script.BEGIN}\nstale table\n{script.END}\n\nafter\n", encoding="utf-8")
    assert script.main(["--corpus", str(gold_dir), "--readme", str(readme)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert "stale table" not in text
    assert text.startswith("# Title\n\nbefore\n\n") and text.endswith(f"{script.END}\n\nafter\n")
    rows = [line for line in text.splitlines() if line.startswith("| statements |")]
    assert [r.split(" | ")[2] for r in rows] == ["trivial", "rules"]
    assert rows[1].split(" | ")[5] == "1.000"  # the rule baseline finds the fixture's one statement exactly
    # running it again changes nothing
    assert script.main(["--corpus", str(gold_dir), "--readme", str(readme)]) == 0
    assert readme.read_text(encoding="utf-8") == text


def test_missing_markers_are_an_error(gold_dir: Path, tmp_path: Path, capsys) -> None:
    script = _script()
    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n", encoding="utf-8")
    assert script.main(["--corpus", str(gold_dir), "--readme", str(readme)]) == 2
    assert "markers" in capsys.readouterr().err
    assert readme.read_text(encoding="utf-8") == "# no markers\n"
    with pytest.raises(ValueError, match="markers"):
        script.replace_block(f"{script.END}\n{script.BEGIN}\n", "x")


def test_repository_readme_has_the_markers() -> None:
    script = _script()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert script.replace_block(text, "x").count("x\n" + script.END) == 1
