"""``datasets.Features`` from the models' field tree (imports datasets lazily)."""

from __future__ import annotations

from typing import Any

from .fields import Node


def feature(node: Node) -> Any:
    """The datasets feature for one node: Value, List or a dict of features."""
    import datasets

    if node.kind == "scalar":
        return datasets.Value(node.dtype)
    if node.kind == "list":
        return datasets.List(feature(node.element))
    return {f.name: feature(f.node) for f in node.fields}


def features(tree: Node) -> Any:
    """``datasets.Features`` for a struct node (the columns of a config)."""
    import datasets

    return datasets.Features({f.name: feature(f.node) for f in tree.fields})


def arrow_schema(tree: Node) -> Any:
    """The pyarrow schema (with the datasets features in its metadata) for a config."""
    return features(tree).arrow_schema
