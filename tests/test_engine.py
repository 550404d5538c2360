"""The one validation engine: record-level reporting, bounded memory on amplifying input, an empty
selection refused, every code emitted by exactly one module, and no import cycle."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import communique
from communique.codes import CODES
from communique.report import Report, path_key
from hostile import BASE_CORPUS, HOSTILE_DIR, Cli

SRC = Path(communique.__file__).resolve().parent
DOC1 = "data/documents/doc001.json"


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(BASE_CORPUS, root)
    return root


def _edit(root: Path, rel: str, change: object) -> None:
    path = root / rel
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)  # type: ignore[operator]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_a_record_format_error_no_longer_hides_the_other_records_problems(tmp_path: Path) -> None:
    root = _corpus(tmp_path)

    def change(doc: dict[str, object]) -> None:
        mentions, events = doc["mentions"], doc["events"]
        assert isinstance(mentions, list) and isinstance(events, list)
        mentions[0]["kind"] = 7  # a record-format error (E103) in one record ...
        mentions[1]["span"]["text"] = mentions[1]["span"]["text"] + "x"  # ... and a span error in another
        trigger = events[0]["triggers"][0]
        trigger["end"] = trigger["start"]  # and an empty trigger span in an event

    _edit(root, DOC1, change)
    codes = {f.code for f in communique.validate(root).findings}
    assert {"E103", "E302", "E301"} <= codes


def test_a_span_written_as_a_quote_gets_one_finding_whose_command_works(tmp_path: Path, cli: Cli) -> None:
    root = _corpus(tmp_path)
    _edit(root, DOC1, lambda d: d["mentions"][0].__setitem__("span", {"quote": "Lyon", "occurrence": 1}))
    findings = communique.validate(root).findings
    assert [f.code for f in findings] == ["E108"]
    command = re.search(r"run `([^`]+)`", findings[0].message)
    assert command is not None
    args = command.group(1).split()
    assert args[0] == "communique"
    result = cli(*args[1:])
    assert result.code == 0, result.err
    assert communique.validate(root).findings == []


def test_findings_sort_by_json_path_with_indices_as_numbers() -> None:
    paths = ["$.events[10].id", "$.events[9].id", "$.events[9]", "$", "$.document.id"]
    assert sorted(paths, key=path_key) == ["$", "$.document.id", "$.events[9]", "$.events[9].id", "$.events[10].id"]
    report = Report("x", [communique.Finding("f", p, "E103", "m") for p in paths]).sorted()
    assert [f.path for f in report.findings][-2:] == ["$.events[9].id", "$.events[10].id"]


AMPLIFY = """
import json, pathlib, sys
import communique
root = pathlib.Path(sys.argv[1])
path = root / "data" / "documents" / "doc001.json"
doc = json.loads(path.read_text(encoding="utf-8"))
doc["mentions"] = [{}] * 249_000
path.write_text(json.dumps(doc), encoding="utf-8")
report = communique.validate(root)
print(len(report.findings))
status = pathlib.Path("/proc/self/status").read_text()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""


def test_a_file_of_many_empty_records_reports_the_cap_in_bounded_memory(tmp_path: Path) -> None:
    """249,000 empty objects (750 KB) once took 1.27 GB to report 101 findings."""
    root = _corpus(tmp_path)
    done = subprocess.run([sys.executable, "-c", AMPLIFY, str(root)], capture_output=True, text=True, check=True)
    count, peak_kib = (int(x) for x in done.stdout.split())
    assert count <= 110
    assert peak_kib < 300 * 1024, f"peak RSS {peak_kib // 1024} MiB"


def test_an_empty_select_is_a_usage_error(tmp_path: Path, cli: Cli) -> None:
    root = _corpus(tmp_path)
    _edit(root, DOC1, lambda d: d["mentions"][0]["span"].__setitem__("end", 0))
    for value in ("", " ", ","):
        result = cli("validate", root, "--select", value)
        assert result.code == 2, (value, result.out)
        assert "--select is empty" in result.err
    assert cli("validate", root, "--select", "E3").code == 1
    assert cli("validate", root, "--ignore", "E3").code == 0


def test_a_deselected_rule_does_not_run(tmp_path: Path, monkeypatch: object) -> None:
    from communique.validation import spans

    calls: list[object] = []
    real = spans.check_span

    def counted(*args: object) -> None:
        calls.append(args)
        real(*args)  # type: ignore[arg-type]

    root = _corpus(tmp_path)
    _edit(root, DOC1, lambda d: d["mentions"][0]["span"].__setitem__("text", "nope"))
    monkeypatch.setattr(spans, "check_span", counted)  # type: ignore[attr-defined]
    assert [f.code for f in communique.validate(root, select=("E2",)).findings] == []
    assert calls == []
    assert [f.code for f in communique.validate(root, select=("E302",)).findings] == ["E302"]


def _sources() -> dict[str, str]:
    return {".".join(p.relative_to(SRC.parent).with_suffix("").parts): p.read_text(encoding="utf-8")
            for p in SRC.rglob("*.py")}


READING = dict.fromkeys(("communique.reads", "communique.loader", "communique.manifest"), "reading")
"""The reading layer: opening files (reads), listing and decoding them (loader), the manifest's own
files; their refusals (E100-E102, E107) are one concern, raised where the file is opened and worded
by their codes' templates."""


IMPORTING = "importing"
"""The importers of other formats (communique.formats): their codes (E5xx) describe another
project's files, not a corpus; each importer fills its codes' templates with what its own format
got wrong, and their failing examples are the format tests' mutated inputs."""


def _layer(module: str) -> str:
    return IMPORTING if module.startswith("communique.formats") else READING.get(module, module)


def test_every_code_has_one_emitting_module_and_a_failing_example() -> None:
    emitters: dict[str, set[str]] = {code: set() for code in CODES}
    for module, text in _sources().items():
        if module == "communique.codes":
            continue
        for code in re.findall(r'(?:finding\(|Finding\(|fail\(|add\()[^()]*?"([EW]\d{3})"', text):
            if code in emitters:
                emitters[code].add(_layer(module))
    assert {code: sorted(m) for code, m in emitters.items() if len(m) != 1} == {}
    import test_hostile_fixtures

    fixtures = {p.name.split("-")[0] for p in HOSTILE_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")}
    fixtures |= {f.code for f in test_hostile_fixtures.make_fixtures.BUILT}  # built by the tests (links, loops)
    imported = {code for code, m in emitters.items() if m == {IMPORTING}}
    format_tests = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_formats_*.py"))
    fixtures |= {code for code in imported if f'"{code}"' in format_tests}
    assert imported and sorted(set(CODES) - fixtures) == []


def _imports(module: str, text: str) -> set[str]:
    """The communique modules ``module`` imports at module level (TYPE_CHECKING blocks left out)."""
    tree = ast.parse(text)
    package = module if module.endswith("__init__") else module.rsplit(".", 1)[0]
    package = package.removesuffix(".__init__")
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef):
                break
            if isinstance(sub, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - (sub.level - 1)] if sub.level else []
                name = ".".join([*base, *(sub.module.split(".") if sub.module else [])])
                if name.startswith("communique"):
                    found.add(name)
                    found.update(f"{name}.{a.name}" for a in sub.names)
            elif isinstance(sub, ast.Import):
                found.update(a.name for a in sub.names if a.name.startswith("communique"))
    return found


def _top_level_imports(node: ast.AST) -> list[ast.AST]:
    return [n for n in ast.iter_child_nodes(node) if isinstance(n, ast.Import | ast.ImportFrom)]


def test_no_import_cycle_among_the_modules() -> None:
    sources = _sources()
    modules = {name.removesuffix(".__init__") for name in sources}
    graph: dict[str, set[str]] = {}
    for name, text in sources.items():
        key = name.removesuffix(".__init__")
        graph[key] = {m for m in _imports(name, text) if m in modules and m != key}
    # a package imports its submodules (re-exports); a cycle through a package's own __init__ is
    # not a cycle between the modules, so edges into a package from inside it are left out
    for key, deps in graph.items():
        graph[key] = {d for d in deps if not key.startswith(d + ".")}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                cycles.append([*path[path.index(dep):], dep] if dep in path else [node, dep])
            elif dep not in state:
                visit(dep, [*path, dep])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_no_module_imports_the_package_root() -> None:
    """Nothing inside the package takes a name from ``communique/__init__`` (the public face imports
    the modules, never the other way round): upward imports name modules only."""
    sources = _sources()
    modules = {name.removesuffix(".__init__") for name in sources}
    offenders = []
    for name, text in sources.items():
        if name == "communique.__init__":
            continue
        package = name.removesuffix(".__init__") if name.endswith("__init__") else name.rsplit(".", 1)[0]
        for node in _top_level_imports(ast.parse(text)):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            target = ".".join([*parts, *(node.module.split(".") if node.module else [])])
            if target == "communique":
                offenders += [(name, a.name) for a in node.names if f"communique.{a.name}" not in modules]
    assert offenders == []
