"""Write (or check) every table of the documentation whose facts live in code.

    python scripts/docs_tables.py --write   # rewrite each generated block (docs/ and README.md)
    python scripts/docs_tables.py --check   # exit 1 and name each stale block (the tests do this)
    python scripts/docs_tables.py --list    # the blocks and the page each lives in

A block is the text between two markers in a page::

    <!-- generated: NAME (python scripts/docs_tables.py --write; do not edit) -->
    ...
    <!-- end generated: NAME -->

Each block is produced by one function from its source: the finding codes from
``communique.codes`` and the hostile fixtures that trigger them, the field tables from the
pydantic models (through ``communique.release.fields``, as the dataset card's), the label
mappings from ``communique.ontology``, how far the corpus moved from each annotation pass
(:mod:`communique.scoring.agreement`), the baselines' scores from ``benchmarks/baselines.py`` and
the corpus table of README.md from the packaged corpus.
The performance page is written whole by ``benchmarks/run.py --docs``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique import models as m
from communique import writes


def begin(name: str) -> str:
    return f"<!-- generated: {name} (python scripts/docs_tables.py --write; do not edit) -->"


def end(name: str) -> str:
    return f"<!-- end generated: {name} -->"


def replace_block(text: str, name: str, block: str) -> str:
    """``text`` with the lines between the markers of ``name`` replaced by ``block``."""
    head_marker, tail_marker = begin(name), end(name)
    once = text.count(head_marker) == 1 and text.count(tail_marker) == 1
    if not once or text.index(head_marker) > text.index(tail_marker):
        raise ValueError(f"the page must hold the markers of {name!r} once each, in order: {head_marker} {tail_marker}")
    head, rest = text.split(head_marker, 1)
    _, tail = rest.split(tail_marker, 1)
    return f"{head}{head_marker}\n{block.rstrip()}\n{tail_marker}{tail}"


def _script(path: Path, name: str) -> ModuleType:
    """A script of the repository (benchmarks/, scripts/, tests/) imported by file path."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def codes() -> str:
    """One table of every finding code, with the hostile fixtures that must produce it."""
    from communique.codes import CODES

    fixtures = _script(ROOT / "tests" / "fixtures" / "hostile" / "make_fixtures.py", "docs_make_fixtures")
    rows = ["| code | slug | severity | meaning | example fixtures |", "| --- | --- | --- | --- | --- |"]
    for code in sorted(CODES):
        c = CODES[code]
        built = [f"`{f.name}` (built by the test)" for f in fixtures.BUILT if f.code == code]
        names = ", ".join([*(f"`{f.name}`" for f in fixtures.FIXTURES if f.code == code), *built])
        names = names or f"none: {fixtures.DEFERRED.get(code, 'missing')}"
        rows.append(f"| {c.code} | {c.slug} | {c.severity} | {c.summary} | {names} |")
    return "\n".join(rows)


def messages() -> str:
    """One table of every finding code's message template (the fields in braces are filled in)."""
    from communique.codes import CODES

    rows = ["| code | message |", "| --- | --- |"]
    for code in sorted(CODES):
        template = CODES[code].template.replace("|", "\\|")
        rows.append(f"| {code} | `` {template} `` |")
    return "\n".join(rows)


RECORDS = (m.Span, m.TimeValue, m.PublicationDate, m.Attribution, m.Quantity, m.Actor, m.Role, m.Mention, m.Event,
           m.Argument, m.Place, m.EventLink, m.Statement, m.Speaker, m.Document, m.Printed, m.CorpusInfo)  # fmt: skip
"""The records whose fields the data-model page lists, in reading order."""


def fields() -> str:
    """A field table per record model, from the models' own descriptions."""
    from communique.release.card import field_table
    from communique.release.fields import model_tree

    out: list[str] = []
    for model in RECORDS:
        doc = (model.__doc__ or "").strip().split("\n\n", 1)[0]
        out += [f"### {model.__name__}", "", " ".join(doc.split()), "", *field_table(model_tree(model)), ""]
    return "\n".join(out)


def ontology() -> str:
    """The label inventories with their PLOVER, ACE, FactBank, ACLED and UCDP counterparts."""
    from communique import ontology as o

    def dash(value: str | None) -> str:
        return f"`{value}`" if value else "—"

    out = ["### Actor types", "", "| actor type | ACE 2005 | PLOVER / POLECAT |", "| --- | --- | --- |"]
    out += [f"| `{k}` | {dash(v.ace)} | {dash(v.plover)} |" for k, v in o.ACTOR_TYPES.items()]
    out += ["", "### Event types", "", "| event type | PLOVER | ACE 2005 / Rich ERE |", "| --- | --- | --- |"]
    out += [f"| `{k}` | {dash(v.plover)} | {dash(v.ace)} |" for k, v in o.EVENT_TYPES.items()]
    out += ["", "### Factuality", "", "| factuality | FactBank | Rich ERE realis |", "| --- | --- | --- |"]
    out += [f"| `{k}` | {dash(v.factbank)} | {dash(v.realis)} |" for k, v in o.FACTUALITY.items()]
    out += ["", "### Time precision", "", "| precision | ACLED `time_precision` | UCDP `date_prec` |",
            "| --- | ---: | ---: |"]  # fmt: skip
    out += [f"| `{k}` | {v} | {o.UCDP_DATE_PREC[k]} |" for k, v in o.ACLED_TIME_PRECISION.items()]
    return "\n".join(out)


def adjudication() -> str:
    """How far the corpus moved from each pass, with the scorer's units and matching (strict F1)."""
    from communique.scoring import agreement as measure

    script = _script(ROOT / "scripts" / "agreement.py", "docs_agreement_script")
    corpus = script.read_pass(ROOT)
    version = corpus.version
    rows = []
    for n in (1, 2):
        result = measure.agreement(corpus, script.read_pass(ROOT / "agreement" / f"pass{n}"))
        if not rows:
            rows = ["| layer (strict F1) | " + " | ".join(result) + " |", "|---" * (len(result) + 1) + "|"]
        cells = " | ".join(f"{e['strict']['f1']:.3f}" for e in result.values())
        rows.append(f"| {version} vs pass {n} | {cells} |")
    return "\n".join(rows)


def corpus() -> str:
    """The packaged corpus in one table (README.md): its documents and the records of each layer."""
    from collections import Counter

    import communique
    from communique import ontology as o

    c = communique.load()
    docs = []
    for d in c.documents:
        facts = [f"`{d.id}`"]
        facts += [d.publisher.value] if d.publisher else []
        facts += [f"{d.dateline.value} dateline"] if d.dateline else []
        facts += [f"publication date {d.published.value}, {d.published.source}"] if d.published else []
        docs.append(", ".join(facts))
    kinds = Counter(x.kind for x in c.mentions)
    metonymy = sum(1 for x in c.mentions if x.metonymy)
    triggers = sum(len(e.triggers) for e in c.events)
    arguments = sum(len(e.arguments) for e in c.events)
    qids = sum(1 for a in c.actors if a.wikidata)
    listed = "; ".join(docs) if len(docs) <= 3 else f"{len(docs)} documents"
    return "\n".join([
        f"{c.info.name} {c.version}: {len(c.documents)} document(s) ({listed}), annotated completely under "
        f"the guidelines {c.info.guidelines_version}.",
        "",
        "| layer | records | what each record holds |",
        "| --- | ---: | --- |",
        f"| actors | {len(c.actors)} | name, type ({len(o.ACTOR_TYPES)} types mapped to ACE and PLOVER), aliases, "
        f"Wikidata QID where verified ({qids}), roles and titles with evidence spans, country, group members |",
        f"| mentions | {len(c.mentions)} | span, actor, kind ("
        + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
        + f"), metonymy flag ({metonymy}) |",
        f"| events | {len(c.events)} | type ({len(o.EVENT_TYPES)} types, each with its PLOVER category and ACE type), "
        f"{triggers} trigger spans, {arguments} arguments with roles, place, normalised time with precision, anchor "
        "and derivation rule, factuality with its source, quantities, links between events |",
        f"| statements | {len(c.statements)} | speaker, cue and content spans (PARC 3.0), direct or reported, "
        "speech-act type, the events it is about |",
    ])  # fmt: skip


def baselines() -> str:
    """Every baseline scored on the packaged corpus."""
    script = _script(ROOT / "benchmarks" / "baselines.py", "docs_baselines_script")
    return str(script.table(*script.run_all(None)))


def llm_example() -> str:
    """The LLM page's worked example: the rules baseline written as answers and scored, as printed."""
    import subprocess
    import tempfile

    cli = [sys.executable, "-m", "communique"]
    with tempfile.TemporaryDirectory() as tmp:
        preds = Path(tmp) / "preds"
        for args in (["baseline", "rules", "--out", str(preds / "rules")],
                     ["answers", str(preds / "rules"), "--out", str(preds / "rules.jsonl")]):
            subprocess.run([*cli, *args], check=True, capture_output=True, cwd=tmp)
        done = subprocess.run([*cli, "score", str(preds / "rules.jsonl")], check=True, capture_output=True,
                              text=True, cwd=tmp)
    return "```\n" + done.stdout.rstrip("\n") + "\n```"


@dataclass(frozen=True)
class Block:
    name: str
    page: str
    """The page's path from the repository root."""
    make: Callable[[], str]


BLOCKS = (
    Block("codes", "docs/codes.md", codes),
    Block("messages", "docs/codes.md", messages),
    Block("fields", "docs/data-model.md", fields),
    Block("ontology", "docs/data-model.md", ontology),
    Block("adjudication", "docs/agreement.md", adjudication),
    Block("baselines", "docs/benchmarking.md", baselines),
    Block("llm-example", "docs/llm.md", llm_example),
    Block("corpus", "README.md", corpus),
)


def render(root: Path = ROOT) -> dict[Path, str]:
    """Every page that holds a block (under ``root``), with its blocks as they should be now."""
    pages: dict[Path, str] = {}
    for block in BLOCKS:
        path = root / block.page
        text = pages.get(path) or path.read_text(encoding="utf-8")
        pages[path] = replace_block(text, block.name, block.make())
    return pages


def stale(root: Path = ROOT) -> list[str]:
    """The blocks whose committed text (under ``root``) differs from what the code gives now."""
    fresh = render(root)
    out = []
    for block in BLOCKS:
        path = root / block.page
        if _between(path.read_text(encoding="utf-8"), block.name) != _between(fresh[path], block.name):
            out.append(f"{block.page}: {block.name}")
    return out


def _between(text: str, name: str) -> str:
    return text.split(begin(name), 1)[1].split(end(name), 1)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", action="store_true", help="rewrite every generated block")
    group.add_argument("--check", action="store_true", help="exit 1 when a block is stale")
    group.add_argument("--list", action="store_true", help="list the blocks")
    args = parser.parse_args(argv)
    try:
        if args.list:
            for block in BLOCKS:
                print(f"{block.name:<14} {block.page}")
            return 0
        if args.check:
            bad = stale()
            for item in bad:
                print(f"stale: {item} (run python scripts/docs_tables.py --write)", file=sys.stderr)
            return 1 if bad else 0
        for path, text in render().items():
            if path.read_text(encoding="utf-8") != text:
                writes.write_file(path, text)
                print(f"updated {path.relative_to(ROOT)}")
    except (OSError, ValueError) as exc:
        print(f"docs_tables.py: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
