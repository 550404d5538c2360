"""Scale benchmark: streaming validation and export against the best plain Python does, same run.

    python benchmarks/run.py                    # full sizes
    python benchmarks/run.py --quick            # under two minutes on 2 cores
    python benchmarks/run.py --smoke            # tiny sizes: checks that every figure is produced
    python benchmarks/run.py --quick --json FILE
    python benchmarks/run.py --docs docs/performance.md   # write the docs page (and its figures beside it)

A *record* is one annotation record (a mention, an event or a statement) as a JSON object. One
corpus is generated with ``communique.synth``; every baseline gets the same records, as JSON
bytes in memory (one object per record), on the same machine, in the same run. Each timing is
the best of ``--repeat`` runs (the machine may be shared).

- ours, validate: ``communique.validation.run`` over the corpus directory (structure, references and
  semantics; reading the files and seeds included), with all cores (``--jobs`` default) and with one.
- pydantic: ``[Model.model_validate_json(b) for b in records]``, models kept, default GC.
- jsonschema: ``Draft202012Validator(schema).is_valid(json.loads(b))`` on a sample of the records.
- msgspec: ``msgspec.json.Decoder(Struct).decode(b)`` with Structs mirroring the models.
- jsonschema_rs: ``orjson.loads(b)`` + a ``jsonschema_rs`` validator's ``is_valid`` with the shipped
  schemas, per record (structure only): validate_1_job_vs_jsonschema_rs is ours on one process
  (all three layers) against it.
- floor: the least any validator pays that reads the corpus from disk, as ours does: each document
  file read, ``orjson.loads`` and one ``jsonschema_rs`` ``is_valid`` of the whole file, its seed read
  and decoded; no rule. floor_vs_jsonschema_rs is the most validate_1_job_vs_jsonschema_rs could
  be; validate_1_job_vs_floor is what the models and the rules cost on top.
- adversarial_ids: every document file repeats one of its mention ids (E200 in every file):
  time per record at 3,200 files over 200 files (flat when the id index stays linear).
- export: ``communique.release.export.export_parquet`` (validated while written) of mentions, events and
  statements against
  ``pa.Table.from_pylist(dicts)`` + ``pq.write_table`` of the same records as plain dicts.
- cpu_scaling: the same two pieces of pure CPU work on a pool of two processes over a pool of one:
  what a second process can give on this machine at that moment (jobs_speedup_vs_cpu_scaling: ours
  against that ceiling).
- rss_10x: peak RSS of ``communique.validate`` on 10N records over N records (fresh processes).
- build_rss_10x: the same for ``communique.release.build.build`` (validate, then write the release).
- load_vs_import: ``python -c "import communique; communique.load()"`` over
  ``python -c "import pydantic, jsonschema"`` (best wall time of fresh processes, modules compiled).
- load_floor_vs_import: the least any package that validates with pydantic pays, over the same:
  one model of one field, defined and used once (``class M(BaseModel): x: int``,
  ``M.model_validate({"x": 1})``); load_vs_floor: ``communique.load()`` over that floor;
  load_revalidate_vs_import: ``communique.load(revalidate=True)`` (validated in full) over the import.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import perf_page
from baselines_typed import KINDS, jsonschema_rs_validators, jsonschema_validators, msgspec_decoders
from timing import best

from communique import validation
from communique.synth import generate_corpus

SIZES = {"full": (3000, 300, 7), "quick": (800, 80, 5), "smoke": (8, 2, 1)}
"""Documents of the main corpus, documents of the small RSS corpus (the main one is 10x), repeats."""
JSONSCHEMA_SAMPLE = {"full": 6000, "quick": 2000, "smoke": 50}

Records = list[tuple[str, bytes]]


def interleaved(contenders: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The best wall time of each contender, running them in turn ``repeat`` times, so that all
    see the same moments of a shared machine."""
    times: dict[str, float] = {}
    for _ in range(repeat):
        for name, fn in contenders.items():
            times[name] = min(times.get(name, float("inf")), best(fn, 1))
    return times


def burn(n: int) -> int:
    """Pure CPU work with nothing shared: the most two processes can gain on this machine."""
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def burn_in(processes: int, n: int) -> Callable[[], object]:
    """Two equal pieces of :func:`burn` on a pool of ``processes`` (started like ours: fork)."""
    import multiprocessing

    def run() -> None:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            pool.map(burn, [n, n], chunksize=1)

    return run


BURN = {"full": 6_000_000, "quick": 3_000_000, "smoke": 100_000}
"""Iterations of each piece of the CPU-scaling baseline (about the length of a validation run)."""


def records_of(root: Path) -> Records:
    """Every annotation record of the corpus as (kind, JSON bytes), in corpus order."""
    out: Records = []
    for path in sorted((root / "data" / "documents").glob("*.json")):
        doc = json.loads(path.read_bytes())
        for kind in KINDS:
            out.extend((kind, json.dumps(r, ensure_ascii=False).encode("utf-8")) for r in doc[kind])
    return out


def pydantic_loop(records: Records) -> list[Any]:
    models = {kind: model for kind, model in KINDS.items()}
    return [models[kind].model_validate_json(data) for kind, data in records]


def msgspec_loop(records: Records, decoders: dict[str, Any]) -> list[Any]:
    return [decoders[kind].decode(data) for kind, data in records]


def jsonschema_rs_loop(records: Records, validators: dict[str, Any]) -> None:
    import orjson

    for kind, data in records:
        if not validators[kind].is_valid(orjson.loads(data)):
            raise SystemExit(f"jsonschema-rs rejects a generated {kind} record")


def floor_loop(root: Path, validator: Any) -> int:
    """Read every document file and its seed, parse and check each file's structure: no rule."""
    import orjson

    records = 0
    for path in sorted((root / "data" / "documents").glob("*.json")):
        doc = orjson.loads(path.read_bytes())
        if not validator.is_valid(doc):
            raise SystemExit(f"jsonschema-rs rejects the generated {path.name}")
        (root / "seeds" / doc["document"]["seed"]).read_bytes().decode("utf-8")
        records += sum(len(doc[kind]) for kind in KINDS)
    return records


ADVERSARIAL = {"full": (200, 3200), "quick": (200, 3200), "smoke": (4, 16)}
"""Document files of the small and the large corpus of the adversarial-id figure."""


def repeating_ids(root: Path, files: int) -> Path:
    """A corpus where every document file repeats one of its mention ids."""
    corpus = generate_corpus(root, documents=files, seed=5)
    for path in sorted((corpus / "data" / "documents").glob("*.json")):
        doc = json.loads(path.read_bytes())
        doc["mentions"][1]["id"] = doc["mentions"][0]["id"]
        path.write_text(json.dumps(doc), encoding="utf-8")
    return corpus


def adversarial_ids(size: str, work: Path) -> tuple[float, dict[str, float]]:
    """Time per record of validating the repeated-id corpus, large over small (1.0: linear)."""
    per_record = {}
    for files in ADVERSARIAL[size]:
        corpus = repeating_ids(work / f"repeat-{files}", files)

        def one(corpus: Path = corpus, files: int = files) -> None:
            result = validation.run(corpus, jobs=1, verify=False)
            if [f.code for f in result.report.findings].count("E200") != files:
                raise SystemExit("the repeated-id corpus does not give one E200 per file")

        records = len(records_of(corpus))
        per_record[str(files)] = best(one, 2) / records * 1e6
    small, large = (per_record[str(n)] for n in ADVERSARIAL[size])
    return large / small, {k: round(v, 2) for k, v in per_record.items()}


def jsonschema_loop(records: Records, validators: dict[str, Any]) -> None:
    for kind, data in records:
        if not validators[kind].is_valid(json.loads(data)):
            raise SystemExit(f"jsonschema rejects a generated {kind} record")


def pyarrow_export(records: Records, out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for kind in KINDS:
        rows = [json.loads(data) for k, data in records if k == kind]
        pq.write_table(pa.Table.from_pylist(rows), out / f"{kind}.parquet")


VALIDATE = """
import sys, communique
report = communique.validate(sys.argv[1], jobs=1)
assert report.ok, report.findings[:3]
"""
BUILD = """
import pathlib, sys, communique.release.build as b
b.build(sys.argv[1], pathlib.Path(sys.argv[2]), jobs=1)
"""
PEAK_RSS = """
import pathlib, resource, sys
status = pathlib.Path("/proc/self/status")
if status.is_file():  # VmHWM: this process's own peak (ru_maxrss keeps the peak of the parent it was forked from)
    print(next(line.split()[1] for line in status.read_text().splitlines() if line.startswith("VmHWM:")))
else:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == "darwin" else 1))
"""
FLOOR = """
import pydantic, jsonschema
class M(pydantic.BaseModel):
    x: int
M.model_validate({"x": 1})
"""
"""The least a package that validates with pydantic can do at start-up: one model, used once."""


def peak_rss_kib(code: str, *args: str) -> int:
    """Peak RSS (KiB) of a fresh process running ``code`` with ``args``."""
    done = subprocess.run([sys.executable, "-c", code + PEAK_RSS, *args], capture_output=True, text=True, check=True)
    return int(done.stdout.strip())


def python(code: str, env: dict[str, str] | None = None) -> Callable[[], object]:
    """A fresh interpreter running ``code``."""
    return lambda: subprocess.run([sys.executable, "-c", code], check=True, env=env)


def bytecode_env(work: Path) -> dict[str, str]:
    """The environment with bytecode caching on, in a private prefix: both sides of
    ``load_vs_import`` start from compiled modules, as an installed package does (pip compiles
    them), even where PYTHONDONTWRITEBYTECODE is set."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def machine() -> dict[str, Any]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model or platform.processor(),
        "cores": validation.default_jobs(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def measure(size: str, work: Path) -> dict[str, Any]:
    documents, small_documents, repeat = SIZES[size]
    main = generate_corpus(work / "main", documents=documents, seed=0)
    small = generate_corpus(work / "small", documents=small_documents, seed=0)
    records = records_of(main)
    n = len(records)
    jobs = validation.default_jobs()

    def ours(j: int) -> Callable[[], object]:
        def run() -> None:
            result = validation.run(main, jobs=j, verify=False)
            if not result.report.ok or result.records != n:
                raise SystemExit(f"validation disagrees with the generator: {result.report.findings[:3]}")

        return run

    decoders = msgspec_decoders()
    sample = records[: JSONSCHEMA_SAMPLE[size]]
    validators = jsonschema_validators()
    rs_validators = jsonschema_rs_validators()

    from communique.release.export import export_parquet

    record_configs = ("mentions", "events", "statements")

    out = work / "export"

    def ours_export() -> None:
        export_parquet(main, out / f"ours-{time.perf_counter_ns()}", configs=record_configs)

    def arrow_export() -> None:
        folder = out / f"arrow-{time.perf_counter_ns()}"
        folder.mkdir(parents=True)
        pyarrow_export(records, folder)

    contenders: dict[str, Callable[[], object]] = {
        "ours_1_job": ours(1),
        "ours_2_jobs": ours(2),
        "pydantic": lambda: pydantic_loop(records),
        "msgspec": lambda: msgspec_loop(records, decoders),
        "jsonschema_rs": lambda: jsonschema_rs_loop(records, rs_validators),
        "floor": lambda: floor_loop(main, rs_validators["document-file"]),
        "export_ours": ours_export,
        "export_pyarrow": arrow_export,
    }
    if jobs not in (1, 2):
        contenders["ours"] = ours(jobs)
    contenders["burn_1"], contenders["burn_2"] = burn_in(1, BURN[size]), burn_in(2, BURN[size])
    times = interleaved(contenders, repeat)
    times.setdefault("ours", times["ours_1_job"] if jobs == 1 else times["ours_2_jobs"])  # the same run
    times["jsonschema"] = best(lambda: jsonschema_loop(sample, validators), 1) * n / len(sample)
    t_ours, t_one, t_two = times["ours"], times["ours_1_job"], times["ours_2_jobs"]
    t_pydantic, t_msgspec, t_jsonschema = times["pydantic"], times["msgspec"], times["jsonschema"]
    t_export, t_arrow = times["export_ours"], times["export_pyarrow"]
    adversarial, adversarial_us = adversarial_ids(size, work)
    rss_small, rss_main = peak_rss_kib(VALIDATE, str(small)), peak_rss_kib(VALIDATE, str(main))
    build_small = peak_rss_kib(BUILD, str(small), str(work / "release-small"))
    build_main = peak_rss_kib(BUILD, str(main), str(work / "release-main"))
    env = bytecode_env(work)
    commands = {"load": python("import communique; communique.load()", env),
                "import": python("import pydantic, jsonschema", env),
                "floor": python(FLOOR, env),
                "revalidate": python("import communique; communique.load(revalidate=True)", env)}
    for command in commands.values():
        command()  # compiles the modules into the prefix
    starts = interleaved(commands, 5 if size == "smoke" else 15)  # start-up times vary most on a shared machine
    t_load, t_import, t_floor, t_revalidate = starts["load"], starts["import"], starts["floor"], starts["revalidate"]
    rate = {
        "ours": n / t_ours,
        "ours_1_job": n / t_one,
        "ours_2_jobs": n / t_two,
        "pydantic": n / t_pydantic,
        "jsonschema": n / t_jsonschema,
        "msgspec": n / t_msgspec,
        "jsonschema_rs": n / times["jsonschema_rs"],
        "floor": n / times["floor"],
        "export_ours": n / t_export,
        "export_pyarrow": n / t_arrow,
    }
    return {
        "validate_vs_pydantic": rate["ours"] / rate["pydantic"],
        "validate_vs_jsonschema": rate["ours"] / rate["jsonschema"],
        "validate_vs_msgspec": rate["ours"] / rate["msgspec"],
        "export_vs_pyarrow": rate["export_ours"] / rate["export_pyarrow"],
        "rss_10x": rss_main / rss_small,
        "jobs_speedup": rate["ours_2_jobs"] / rate["ours_1_job"],
        "cpu_scaling": times["burn_1"] / times["burn_2"],
        "jobs_speedup_vs_cpu_scaling": (rate["ours_2_jobs"] / rate["ours_1_job"]) / (times["burn_1"] / times["burn_2"]),
        "build_rss_10x": build_main / build_small,
        "load_vs_import": t_load / t_import,
        "load_floor_vs_import": t_floor / t_import,
        "load_vs_floor": t_load / t_floor,
        "load_revalidate_vs_import": t_revalidate / t_import,
        "validate_1_job_vs_pydantic": rate["ours_1_job"] / rate["pydantic"],
        "validate_1_job_vs_jsonschema_rs": rate["ours_1_job"] / rate["jsonschema_rs"],
        "floor_vs_jsonschema_rs": rate["floor"] / rate["jsonschema_rs"],
        "validate_1_job_vs_floor": rate["ours_1_job"] / rate["floor"],
        "adversarial_ids_3200_vs_200": adversarial,
        "details": {
            "size": size,
            "records": n,
            "documents": documents,
            "rss_records_small": len(records_of(small)),
            "jobs": jobs,
            "records_per_second": {k: round(v) for k, v in rate.items()},
            "peak_rss_kib": {
                "small": rss_small, "main": rss_main, "build_small": build_small, "build_main": build_main,
            },
            "seconds": {
                "load": round(t_load, 3), "import": round(t_import, 3), "floor": round(t_floor, 3),
                "load_revalidate": round(t_revalidate, 3),
            },
            "repeat": repeat,
            "adversarial_us_per_record": adversarial_us,
            "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
            "machine": machine(),
        },
    }


def report(figures: dict[str, Any]) -> list[str]:
    d = figures["details"]
    lines = [f"{d['records']} records ({d['documents']} documents), {d['jobs']} job(s), best of {d['repeat']}; "
             f"{d['machine']['cpu']}, {d['machine']['cores']} cores, Python {d['machine']['python']}; "
             f"load average at the end {d['load_average']}"]
    for key, value in figures.items():
        if key != "details":
            lines.append(f"  {key:<28} {value:8.2f}")
    lines.append("  records/s: " + ", ".join(f"{k} {v:,}" for k, v in d["records_per_second"].items()))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help="smaller sizes: under two minutes on 2 cores")
    group.add_argument("--smoke", action="store_true", help="tiny sizes, for a correctness check in CI")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures as JSON")
    parser.add_argument("--docs", type=Path, metavar="PAGE",
                        help="write the docs page (docs/performance.md) and its figures beside it (.json)")  # fmt: skip
    args = parser.parse_args(argv)
    command = " ".join(["python", "benchmarks/run.py", *(sys.argv[1:] if argv is None else argv)])
    size = "smoke" if args.smoke else "quick" if args.quick else "full"
    with tempfile.TemporaryDirectory(prefix="communique-bench-") as tmp:
        figures = measure(size, Path(tmp))
    for line in report(figures):
        print(line)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if args.docs:
        from communique import writes

        date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M")
        page = {**figures, "run": {"command": command, "date": date}}
        writes.write_file(args.docs.with_suffix(".json"), json.dumps(page, indent=2) + "\n")
        writes.write_file(args.docs, perf_page.render(page))
        print(f"wrote {args.docs} and {args.docs.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
