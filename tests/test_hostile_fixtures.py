"""Every hostile-input fixture gives its finding code through the CLI, never a traceback.

Fixtures live in tests/fixtures/hostile/<CODE>-<slug>/ and are generated from _base/ by
make_fixtures.py; the README table "Hostile input fixtures" is generated from the same list.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

import communique
from communique.codes import CODES
from hostile import HOSTILE_DIR, Cli

README = HOSTILE_DIR.parents[2] / "README.md"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_fixtures", HOSTILE_DIR / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


make_fixtures = _load_script()
FIXTURES = {f.name: f for f in make_fixtures.FIXTURES}
CLI_EXIT = {"E100-no-data-folder": 2}
"""Fixtures the command line refuses as a usage error (exit 2: not a corpus directory) while
``communique.validate`` still reports the finding."""


def _validate(cli: Cli, root: Path) -> tuple[int, dict[str, object]]:
    result = cli("validate", root, "--json")
    code, out, err = result.code, result.out, result.err
    assert "Traceback" not in err and "internal error" not in err, err
    assert code in (0, 1, 2), (code, err)
    if code == 2:
        assert out == "" and err.startswith("communique: error: ") and len(err) < 500, err
        return code, {}
    return code, json.loads(out)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_never_crashes(cli: Cli, name: str) -> None:
    code, report = _validate(cli, HOSTILE_DIR / name)
    if code == 1:
        assert report["valid"] is False
        for finding in report["findings"]:  # type: ignore[attr-defined]
            assert finding["code"] in CODES, finding
            assert finding["file"] and finding["message"], finding


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_gives_its_code(cli: Cli, name: str) -> None:
    fixture = FIXTURES[name]
    found = {f.code for f in communique.validate(HOSTILE_DIR / name).findings}
    assert fixture.code in found, f"{name}: expected {fixture.code}, found {sorted(found)}"
    code, report = _validate(cli, HOSTILE_DIR / name)
    assert code == CLI_EXIT.get(name, 1 if fixture.code.startswith("E") else 0)
    if code != 2:
        assert fixture.code in {f["code"] for f in report["findings"]}  # type: ignore[attr-defined]


def test_base_corpus_is_valid(cli: Cli) -> None:
    code, report = _validate(cli, HOSTILE_DIR / "_base")
    assert (code, report["findings"]) == (0, [])


def test_fixtures_are_up_to_date() -> None:
    stale = make_fixtures.stale()
    assert stale == [], f"run python3 tests/fixtures/hostile/make_fixtures.py; out of date: {stale}"


def test_stale_detects_an_edited_fixture(tmp_path: Path) -> None:
    for fixture in make_fixtures.FIXTURES[:2]:
        make_fixtures.write_tree(tmp_path / fixture.name, make_fixtures.build(fixture))
    (tmp_path / "E999-extra").mkdir()
    first = make_fixtures.FIXTURES[1].name
    (tmp_path / first / "data" / "corpus.json").write_text("{}")
    stale = make_fixtures.stale(tmp_path)
    assert first in stale and "E999-extra" in stale
    assert make_fixtures.FIXTURES[0].name not in stale
    assert make_fixtures.FIXTURES[2].name in stale  # missing


def test_every_fixture_code_is_registered() -> None:
    unknown = sorted({f.code for f in make_fixtures.FIXTURES} - CODES.keys())
    assert unknown == []


def test_every_error_code_has_a_fixture() -> None:
    errors = {c for c in CODES if re.fullmatch(r"E[123]\d\d", c)}
    covered = {f.code for f in make_fixtures.FIXTURES} | {f.code for f in make_fixtures.BUILT}
    deferred = set(make_fixtures.DEFERRED)
    assert sorted(errors - covered - deferred) == []
    assert deferred & covered == set(), "a deferred code now has a fixture: drop it from DEFERRED"
    assert deferred <= CODES.keys()


def test_readme_table_matches_the_fixtures_and_codes() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Hostile input fixtures", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    expected = make_fixtures.table({c.code: c.summary for c in CODES.values()}).splitlines()
    assert rows == expected, "regenerate with: python3 tests/fixtures/hostile/make_fixtures.py --table"
    listed = set(re.findall(r"`([EW]\d{3}-[a-z0-9-]+)`", section))
    on_disk = {p.name for p in make_fixtures.fixture_dirs()}
    built = {f.name for f in make_fixtures.BUILT}
    assert listed == on_disk | built and on_disk == set(FIXTURES) and not built & on_disk


def test_each_fixture_is_one_small_change_of_the_base() -> None:
    base = make_fixtures.read_tree(make_fixtures.BASE)
    for name in FIXTURES:
        tree = make_fixtures.read_tree(HOSTILE_DIR / name)
        changed = {rel for rel in base.keys() | tree.keys() if base.get(rel) != tree.get(rel)}
        assert changed, name
        assert sum(len(tree.get(rel, b"")) for rel in changed) < 20_000, name


COMMANDS = {
    "score-pred": lambda d, out: ("score", d, "--gold", HOSTILE_DIR / "_base"),
    "score-gold": lambda d, out: ("score", HOSTILE_DIR / "_base", "--gold", d),
    "baseline": lambda d, out: ("baseline", "rules", "--corpus", d, "--out", out),
    "resolve": lambda d, out: ("resolve", "--dir", d),
    "show-html": lambda d, out: ("show", "doc001", "--dir", d, "--html", out.with_suffix(".html")),
    "show-pred": lambda d, out: (
        "show",
        "doc001",
        "--dir",
        HOSTILE_DIR / "_base",
        "--pred",
        d,
        "--html",
        out / "v.html",
    ),
    "show-terminal": lambda d, out: ("show", "doc001", "--dir", d),
    "stats": lambda d, out: ("stats", d),
    "manifest": lambda d, out: ("manifest", "--write", d),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_reading_a_corpus_survives_every_fixture(cli: Cli, tmp_path: Path, command: str) -> None:
    """Other commands that read a corpus directory give exit 0, 1 or 2 on every fixture, never an internal error."""
    failures = []
    for name in sorted(FIXTURES):
        work = tmp_path / name
        shutil.copytree(HOSTILE_DIR / name, work)  # resolve rewrites files in place
        result = cli(*COMMANDS[command](work, tmp_path / f"out-{name}"))
        code, _, err = result.code, result.out, result.err
        if code not in (0, 1, 2) or "Traceback" in err or "internal error" in err:
            failures.append(f"{name}: exit {code}: {err[:200]}")
    assert failures == []


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_succeeds_on_the_base_corpus(cli: Cli, tmp_path: Path, command: str) -> None:
    """The sweep above runs real work: on the valid base corpus every command exits 0."""
    work = tmp_path / "base"
    shutil.copytree(HOSTILE_DIR / "_base", work)
    result = cli(*COMMANDS[command](work, tmp_path / "out"))
    assert result.code == 0, result.err


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_load_raises_a_communique_error_or_returns_a_corpus(name: str) -> None:
    """communique.load never lies: an invalid fixture raises a CommuniqueError, a warning-only one loads."""
    fixture = FIXTURES[name]
    if fixture.code.startswith("W"):
        corpus = communique.load(HOSTILE_DIR / name)
        assert [d.id for d in corpus.documents] == ["doc001", "doc002"]
        return
    expected = {"E106": communique.IntegrityError, "E100-no-data-folder": communique.DatasetNotFoundError}
    error = expected.get(fixture.code, expected.get(name, communique.CorpusInvalidError))
    with pytest.raises(error) as info:
        communique.load(HOSTILE_DIR / name)
    if error is communique.CorpusInvalidError:
        assert fixture.code in str(info.value)
        assert {f.code for f in info.value.report.errors} == {fixture.code}  # type: ignore[attr-defined]
