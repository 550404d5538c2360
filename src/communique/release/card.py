"""The dataset card (README.md): Hub YAML metadata and the card's sections.

Everything in it is derived from the corpus (its info, counts and languages), the release's
configs and the models' field descriptions, plus docs/agreement.json and docs/audit.json when present: no dates,
so two builds of the same corpus write the same card.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ..models import SCHEMA_VERSION
from . import agreement, audit, fields
from .fields import Node
from .summary import Summary
from .views import CONFIGS, SPLIT

PARQUET_NAME = f"{SPLIT}-00000-of-00001.parquet"
SIZE_CATEGORIES = ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"))


def size_category(rows: int) -> str:
    for limit, name in SIZE_CATEGORIES:
        if rows < limit:
            return name
    return "n>1M"


def metadata(
    corpus: Summary,
    counts: dict[str, int],
    yaml_features: dict[str, Any],
    nbytes: dict[str, int],
    paths: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The card's YAML metadata (the Hub reads configs and dataset_info from it). ``paths`` gives
    each config's Parquet path or pattern (default ``<config>/test-00000-of-00001.parquet``)."""
    langs = list(corpus.languages)
    where = paths or {}
    return {
        "license": corpus.info.license.lower(),
        "language": langs,
        "multilinguality": "monolingual" if len(langs) == 1 else "multilingual",
        "pretty_name": corpus.info.name,
        "size_categories": [size_category(max(counts.values(), default=0))],
        "task_categories": ["token-classification", "text-classification"],
        "task_ids": ["named-entity-recognition", "entity-linking-classification"],
        "annotations_creators": ["expert-generated"],
        "language_creators": ["found"],
        "source_datasets": ["original"],
        "tags": ["event-extraction", "attribution", "plover", "ace", "news"],
        "configs": [
            {
                "config_name": c.name,
                "data_files": [{"split": SPLIT, "path": where.get(c.name, f"{c.name}/{PARQUET_NAME}")}],
            }
            for c in CONFIGS
        ],
        "dataset_info": [
            {
                "config_name": c.name,
                "features": yaml_features[c.name],
                "splits": [{"name": SPLIT, "num_bytes": nbytes[c.name], "num_examples": counts[c.name]}],
            }
            for c in CONFIGS
        ],
    }


def type_name(node: Node) -> str:
    if node.kind == "scalar":
        base = str(node.dtype)
        if node.choices:
            return f"{base}: one of {', '.join(f'`{v}`' for v in node.choices)}"
        return base
    if node.kind == "list":
        return f"list of {type_name(node.element)}"
    return node.model.__name__ if node.model is not None else "struct"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def field_table(node: Node) -> list[str]:
    lines = ["| field | type | null | description |", "| --- | --- | --- | --- |"]
    for f in node.fields:
        null = "yes" if f.nullable else "no"
        lines.append(f"| `{f.name}` | {_cell(type_name(f.node))} | {null} | {_cell(f.description)} |")
    return lines


def structure_section(counts: dict[str, int], repo_id: str) -> list[str]:
    out = [
        "## Dataset structure",
        "",
        f"Every config has one split, `{SPLIT}` (the corpus is an evaluation set). "
        "Actors are sorted by id; documents and their mentions, events and statements follow the corpus order "
        "(document files by name, records in file order); nested lists keep the order of the annotation files.",
        "",
        "| config | rows | what a row is |",
        "| --- | --- | --- |",
    ]
    out += [f"| `{c.name}` | {counts[c.name]} | {c.summary} |" for c in CONFIGS]
    out += [
        "",
        "```python",
        "from datasets import load_dataset",
        "",
        f'docs = load_dataset("{repo_id}", "documents", split="{SPLIT}")',
        "```",
        "",
        f"Each config is stored as `<config>/{PARQUET_NAME}`; `jsonl/<config>.jsonl` holds the same rows "
        "as JSON Lines, `schema/` the JSON Schemas of the source records, `croissant.json` Croissant "
        "metadata and `SHA256SUMS` the checksum of every file.",
        "",
        "### Fields",
        "",
    ]
    trees = {c.name: c.tree() for c in CONFIGS}
    for c in CONFIGS:
        out += [f"#### `{c.name}`", "", *field_table(trees[c.name]), ""]
    out += ["### Nested records", ""]
    # records that are a config of their own are described there (documents nests mentions...)
    seen: list[Any] = [trees[c.name].model for c in CONFIGS if trees[c.name].model is not None]
    own = len(seen)
    for tree in trees.values():
        for f in tree.fields:
            for model in fields.nested_models(f.node):
                if model not in seen:
                    seen.append(model)
    for model in seen[own:]:
        doc = (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else ""
        out += [f"#### {model.__name__}", "", doc, "", *field_table(fields.model_tree(model)), ""]
    return out


def annotation_section(corpus: Summary, agreement_lines: list[str]) -> list[str]:
    states = ", ".join(f"{n} {s}" for s, n in sorted(corpus.statuses.items()))
    return [
        "## Annotation",
        "",
        "Every actor mention, every event (all its triggers, arguments, place, normalised time, factuality, "
        "source and quantities) and every attributed statement is annotated by hand following the annotation "
        f"guidelines version {corpus.info.guidelines_version} (docs/guidelines.md in the source repository). "
        "A release is built only from a corpus that passes the package's validator: structure, references "
        "between records, span offsets against the text, dates.",
        "",
        f"Annotation status of the documents: {states} (draft: in progress; annotated: one full pass; "
        "adjudicated: passes reconciled).",
        "",
        *agreement_lines,
    ]


def span_section() -> list[str]:
    return [
        "## Span convention",
        "",
        "A span is `{start, end, text}`: `start` and `end` count Unicode code points (Python `str` indices) "
        "into the document's `text`, `end` exclusive, so `text[start:end] == span.text`. JavaScript, Java "
        "and C# index UTF-16 code units and many C tools index UTF-8 bytes: convert offsets before using "
        "them there (`communique.offsets.to_utf16`, `communique.offsets.to_bytes`).",
        "",
    ]


def limitations_section(corpus: Summary) -> list[str]:
    return [
        "## Limitations and rights",
        "",
        f"- The annotations are released under {corpus.info.license}. The document texts are news articles; "
        "their rights stay with their publishers (named in each document's `publisher` where printed). They "
        "are included so that offsets can be checked and the benchmark reproduced; check the publisher's "
        "terms before reusing a text for anything else.",
        f"- The corpus is small ({corpus.documents} document(s)) and drawn from a narrow slice of "
        "news; figures computed on it carry wide uncertainty.",
        "- Times are normalised against the publication date; where that date is inferred, every time "
        "relative to it carries the same uncertainty (see `published.source` and `published.note`).",
        "- Wikidata ids are given only where the identity is certain; null does not mean the entity has none.",
        "",
    ]


def citation_section(corpus: Summary, repo_id: str) -> list[str]:
    ascii_name = unicodedata.normalize("NFKD", corpus.info.name).encode("ascii", "ignore").decode()
    key = "".join(ch for ch in ascii_name.lower() if ch.isalnum()) or "corpus"
    return [
        "## Citation",
        "",
        "```bibtex",
        f"@misc{{{key}_{corpus.version.replace('.', '_')},",
        f"  title = {{{corpus.info.name}: annotated events, actors and statements in news documents}},",
        f"  note = {{Dataset version {corpus.version}, record format {SCHEMA_VERSION}}},",
        f"  howpublished = {{Hugging Face Hub dataset {repo_id}, revision v{corpus.version}}},",
        "}",
        "```",
        "",
    ]


def version_section(corpus: Summary, repo_id: str) -> list[str]:
    return [
        "## Version and pinning",
        "",
        f"This is version **{corpus.version}** of the dataset (record format {SCHEMA_VERSION}). Every release is "
        f"tagged `v<version>` in this repository; pin it with `revision=` so that later releases do not change "
        "your results:",
        "",
        "```python",
        f'load_dataset("{repo_id}", "documents", split="{SPLIT}", revision="v{corpus.version}")',
        "```",
        "",
        "The dataset version follows semantic versioning: a patch release fixes annotations, a minor "
        "release adds documents or fields, a major release changes the record format.",
        "",
    ]


def body(
    corpus: Summary, counts: dict[str, int], repo_id: str, agreement_data: Any, audit_data: Any = None
) -> list[str]:
    description = corpus.info.description or ""
    return [
        f"# {corpus.info.name}",
        "",
        description,
        "",
        *structure_section(counts, repo_id),
        *annotation_section(corpus, [*agreement.section(agreement_data), *audit.section(audit_data)]),
        *span_section(),
        *limitations_section(corpus),
        *citation_section(corpus, repo_id),
        *version_section(corpus, repo_id),
    ]


def render(meta: dict[str, Any], lines: list[str]) -> str:
    """The README.md text: YAML front matter then the body."""
    import yaml

    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    text = "---\n" + front + "---\n\n" + "\n".join(lines)
    return text.rstrip("\n") + "\n"
