"""``communique build [DIR] [--out DIR]``: validate and write the release folder in one pass."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from typing import Any

from ..errors import CorpusInvalidError
from ..layout import resolve_root
from ._corpus import add_dir_argument, corpus_dir
from ._output import err, out
from ._progress import ProgressBar
from .cmd_validate import add_scale_options, jobs_option


def register(sub: Any) -> None:
    from ..release.build import DEFAULT_OUT, DEFAULT_REPO_ID

    p: argparse.ArgumentParser = sub.add_parser(
        "build",
        help="validate the corpus and write the release folder (a Hugging Face dataset repository)",
        description=(
            "Validate the corpus while writing the release (each file is read once); on any error list the "
            "findings and exit 1, leaving nothing behind. Otherwise write the release (dataset card, Parquet "
            "and JSON Lines per config, JSON Schemas, croissant.json, SHA256SUMS) to a temporary folder beside "
            "OUT and swap it into place. OUT is replaced only when it is empty or an earlier, unchanged release."
        ),
    )
    add_dir_argument(p)
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"release folder (default: {DEFAULT_OUT}/)")
    p.add_argument(
        "--repo-id", default=DEFAULT_REPO_ID, help=f"Hub dataset id the card cites (default: {DEFAULT_REPO_ID})"
    )
    p.add_argument(
        "--shard-rows", type=int, metavar="N", help="cut each config's Parquet file into shards of at most N rows"
    )
    add_scale_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    missing = [name for name in ("pyarrow", "datasets", "yaml") if importlib.util.find_spec(name) is None]
    if missing:
        err(f"communique build needs the 'hf' extra ({', '.join(missing)} missing): pip install 'communique[hf]'")
        return 2
    from ..release.build import build

    if args.shard_rows is not None and args.shard_rows < 1:
        err(f"communique build: --shard-rows must be at least 1, found {args.shard_rows}")
        return 2
    corpus = corpus_dir(args.dir)
    bar = ProgressBar("build", args.quiet)
    try:
        release = build(
            corpus,
            args.out,
            args.repo_id,
            jobs=jobs_option(args.jobs, resolve_root(corpus)),
            shard_rows=args.shard_rows,
            progress=bar,
        )
    except CorpusInvalidError as exc:
        bar.close()
        for finding in exc.report.findings:
            err(f"{finding.severity}: {finding.describe()}")
        err(f"communique build: the corpus is invalid ({len(exc.report.errors)} error(s)); nothing was written")
        return 1
    bar.close()
    out(f"release {release.version} written to {release.path}/")
    width = max(len(name) for name in release.counts)
    for name, rows in release.counts.items():
        shards = [f for f in release.files if f.startswith(f"{name}/") and f.endswith(".parquet")]
        where = shards[0] if len(shards) == 1 else f"{name}/ ({len(shards)} Parquet shards)"
        out(f"  {name:<{width}}  {rows:>6} rows  {where}, jsonl/{name}.jsonl")
    out(f"  {len(release.files)} files, checksums in {release.path}/SHA256SUMS")
    if release.empty_configs:
        out(
            f"  note: {', '.join(release.empty_configs)} hold(s) no rows yet; datasets.load_dataset cannot "
            "load an empty split (streaming=True reads it as empty)"
        )
    return 0
