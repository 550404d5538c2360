"""The documentation's performance page, written from one run's figures by ``benchmarks/run.py --docs``.

    python benchmarks/run.py --docs docs/performance.md    # measure, then write the page and its figures
    python benchmarks/perf_page.py docs/performance.json   # write the page again from the same figures

The page is ``docs/performance.md``; the figures it was written from go beside it as
``docs/performance.json`` (what ``--json`` writes, plus the command and the time of the run), so
that :func:`render` of that file gives the page again: the tests check that the committed page
is exactly that, and the page never holds a figure that no run measured.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

GOALS = {
    "validate_vs_pydantic": ">= 2.0",
    "validate_vs_jsonschema": ">= 20",
    "validate_vs_msgspec": ">= 0.5",
    "export_vs_pyarrow": ">= 0.5",
    "rss_10x": "<= 1.3",
    "build_rss_10x": "<= 1.3",
    "jobs_speedup": ">= 1.6",
    "load_vs_import": "<= 1.5",
    "validate_1_job_vs_jsonschema_rs": ">= 0.5",
}
"""The goal of each ratio that has one (the others explain those)."""

INTRO = """\
# Performance

This page is written by `benchmarks/run.py` from one run: the figures below, the machine and the
command are those of that run, and nothing on it is edited by hand. Run it again on your machine
with the command shown; `--quick` takes about two minutes on two cores.

A *record* is one annotation record (a mention, an event or a statement) as a JSON object. The run
generates a corpus with `communique synth` and measures everything on the same records, on the
same machine, in the same run, as the best of several repeats; each figure is a ratio against a
baseline measured beside it, so a busy machine slows both sides. On a shared machine they still
move from run to run (the load average below says how busy it was): compare several runs before
reading a goal as met or missed.
"""

MEANING = """\
## What is measured

- **ours**: `communique.validation.run` over the corpus directory: structure, references and semantics,
  reading every document and seed file included; with all cores (the default), and with one.
- **pydantic**: `Model.model_validate_json(record)` per record in a plain loop that keeps the
  models, default garbage collection, records already in memory as bytes; structure only.
- **jsonschema**: `Draft202012Validator(schema, registry=...).is_valid(json.loads(record))` with the
  shipped schemas, on a sample of the records.
- **msgspec**: `msgspec.json.Decoder(Struct).decode(record)` with Structs mirroring the models
  (types, literals, patterns and bounds; unknown fields forbidden): typed decoding at its fastest
  in CPython, as a ceiling; it is not a dependency.
- **jsonschema_rs**: `orjson.loads(record)` + a `jsonschema_rs` validator's `is_valid` with the
  shipped schemas, per record: what a user validating other projects' data would pick for
  structure alone. `validate_1_job_vs_jsonschema_rs` is our full three-layer validation on one
  process against it.
- **floor**: the least any validator pays that reads the corpus from disk as ours does: each
  document file read, `orjson.loads` and one `jsonschema_rs` `is_valid` of the whole file, its seed
  read and decoded, and no rule at all. `floor_vs_jsonschema_rs` is therefore the most that
  `validate_1_job_vs_jsonschema_rs` can be for a validator that reads files; `validate_1_job_vs_floor`
  is what the models and every rule cost on top of it.
- **export**: `export_parquet` of mentions, events and statements (reading, validating in full,
  parsing and dumping the records included: the build's one pass) against
  `pa.Table.from_pylist(dicts)` + `pq.write_table` of the same records as plain dicts already in
  memory.
- **adversarial_ids_3200_vs_200**: time per record on a corpus that repeats one mention id in every
  document file, at 3,200 files over 200: flat when the work is linear in the corpus.
- **rss_10x**: peak RSS (`VmHWM`) of a fresh process validating 10N records over one validating N.
  **build_rss_10x**: the same for `communique build` (validating and writing the release in one pass).
- **jobs_speedup**: records per second with two processes over one. **cpu_scaling**: two equal
  pieces of pure CPU work (a Python loop, nothing shared, nothing sent back) on a pool of two
  processes over a pool of one, in the same run: what a second process can give on this machine
  at that moment; `jobs_speedup_vs_cpu_scaling` is ours against that ceiling.
- **load_vs_import**: wall time of `python -c "import communique; communique.load()"` over
  `python -c "import pydantic, jsonschema"`, both with their modules compiled (bytecode cached in
  a private prefix after one warm-up run, as an installed package has it).
  **load_floor_vs_import**: the same for `import pydantic, jsonschema` followed by one model of one
  field defined and used once: the least any package that validates with pydantic pays at
  start-up. **load_revalidate_vs_import**: `communique.load(revalidate=True)`, the packaged corpus
  validated in full.
"""

READING = """\
## Reading the figures

- Two processes can gain no more than the machine gives: `cpu_scaling` is that ceiling at the
  moment of the run, and it moves from minute to minute on a shared machine. What ours lacks of
  it is the parent's share (merging the outcomes in corpus order: the corpus-wide id table and the
  references), which runs beside the workers on the same cores. At small sizes starting the pool
  and the first and last shards weigh more, so `jobs_speedup` and `validate_vs_pydantic` are lower
  with `--quick` than at full size.
- On one process (`validate_1_job_vs_pydantic`), parsing and typing through pydantic is a large
  part of our time per record; the rest is reading files and seeds, key counting, the span, time
  and value checks, references and the merge. The bare loop pays the garbage collector, which
  grows with the models it keeps, so at smaller sizes every ratio against it is lower.
- `rss_10x`: what grows is the id table. Ids that a reference can name are kept exactly; mention
  ids, which no reference can name, are kept as a 64-bit hash in an open-addressing array beside
  their location, with an exact second look when two hashes meet (the one file holding that
  mention is read again), so the findings are those of an index that keeps every id and the work
  stays linear. Nothing grows with the text or the records' content.
- `validate_1_job_vs_jsonschema_rs`: jsonschema-rs checks records already in memory, structure
  alone, natively, about ten times faster than the bare pydantic loop. Reading the files and the
  seeds with nothing checked but structure (`floor_vs_jsonschema_rs`) already costs about half of
  what it does, so a goal of 0.5 leaves no time for a single rule: it is out of reach for any
  validator that reads the corpus, whatever its parser. What ours adds to that floor
  (`validate_1_job_vs_floor`) is pydantic's parsing and typing (about 45 % of its instructions,
  freeing the models included) and the rules: spans, dates, values, references, ids, the
  sentence-level warnings.
- `build_rss_10x`: the build streams in its one pass, and the writer holds at most one row group per
  config (100 document rows, 10,000 record rows); what grows is validation's id table, as above.
  About 150 MB of a build's peak is `datasets` and `pyarrow` once imported.
- `load_vs_import`: `communique.load()` checks the packaged corpus against its `MANIFEST.json` and
  reads it straight into the models. A load that validates cannot meet 1.5 with pydantic:
  `load_floor_vs_import`, one model of one field, already costs about that much.

Quote resolution has a benchmark of its own: `python benchmarks/resolve.py` runs `communique
resolve` on its worst case (a seed of one repeated word, quotes whose prefix or suffix occurs
nowhere, so every occurrence is a candidate that fails) and, on the same text in the same run, a
`str.find` loop that visits every occurrence and checks nothing. The ratio of resolve's time per
quote to that scan stays flat from 64 KB to 4 MB seeds: the work is linear in the seed.

Where the machine is shared, `python benchmarks/instructions.py` counts the instructions of one
warm validation and one export on one process under Valgrind's callgrind (imports and corpus
generation not counted): a figure the load does not move, to compare two checkouts
(`PYTHONPATH=OTHER/src python benchmarks/instructions.py`) to within about 0.2 %.

`msgspec` and `dask[distributed]` are in the `dev` extra only. The test suite runs
`benchmarks/run.py --smoke` and `benchmarks/resolve.py --smoke`, which check that every figure is
produced, never a threshold.
"""


def _ratio(value: float) -> str:
    return f"{value:.2f}"


def figures_table(figures: dict[str, Any]) -> list[str]:
    lines = ["| figure | goal | this run | goal met |", "| --- | --- | ---: | --- |"]
    for key, value in figures.items():
        if key == "details":
            continue
        goal = GOALS.get(key, "")
        met = ""
        if goal:
            bound = float(goal.split()[1])
            met = "yes" if (value >= bound if goal.startswith(">=") else value <= bound) else "**no**"
        lines.append(f"| `{key}` | {goal} | {_ratio(value)} | {met} |")
    return lines


def _count(value: float) -> str:
    return f"{value:,.0f}"


def details_lines(d: dict[str, Any]) -> list[str]:
    rss = d["peak_rss_kib"]
    seconds = d["seconds"]
    rates = d["records_per_second"]
    out = [
        "| contender | records per second |",
        "| --- | ---: |",
        *[f"| {name} | {_count(rate)} |" for name, rate in rates.items()],
        "",
        "| peak RSS | MB |",
        "| --- | ---: |",
        f"| validation, {_count(d['rss_records_small'])} records | {rss['small'] / 1024:.1f} |",
        f"| validation, {_count(d['records'])} records | {rss['main'] / 1024:.1f} |",
        f"| build, {_count(d['rss_records_small'])} records | {rss['build_small'] / 1024:.1f} |",
        f"| build, {_count(d['records'])} records | {rss['build_main'] / 1024:.1f} |",
        "",
        "| start-up | seconds |",
        "| --- | ---: |",
        *[f"| {name.replace('_', ' ')} | {value:.3f} |" for name, value in seconds.items()],
    ]
    return out


def render(figures: dict[str, Any]) -> str:
    """The page for one run's figures (as ``--json`` writes them, with ``run`` added)."""
    d = figures["details"]
    run = figures["run"]
    m = d["machine"]
    load = d.get("load_average")
    ratios = {k: v for k, v in figures.items() if k != "run"}
    lines = [
        INTRO,
        "## This run",
        "",
        f"- **Command**: `{run['command']}`",
        f"- **Date**: {run['date']} (UTC)",
        f"- **Machine**: {m['cpu']}, {m['cores']} cores, Python {m['python']}, {m['platform']}",
        f"- **Size**: {_count(d['records'])} records in {_count(d['documents'])} documents "
        f"(`{d['size']}`; the RSS ratios compare {_count(d['rss_records_small'])} records with "
        f"{_count(d['records'])}), {d['jobs']} job(s) for *ours*, best of {d['repeat']}",
        f"- **Load average at the end of the run**: {', '.join(str(x) for x in load) if load else 'not known'}",
        "",
        *figures_table(ratios),
        "",
        "### Rates, memory and start-up",
        "",
        *details_lines(d),
        "",
        MEANING,
        READING,
    ]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    figures_file = Path(argv[0])
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from communique import writes

    writes.write_file(figures_file.with_suffix(".md"), render(figures))
    print(f"wrote {figures_file.with_suffix('.md')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
