"""Field descriptions from attribute docstrings, read once per module.

The same rule as pydantic's ``use_attribute_docstrings`` (a string literal right after an
annotated assignment in the class body describes that field, cleaned with ``inspect.cleandoc``),
but each model module's source is parsed once, instead of pydantic walking the interpreter's
frames and re-reading the source for every class, which made up a large part of import time.
"""

from __future__ import annotations

import ast
import inspect
import sys
from typing import Any

_CLASSES: dict[tuple[str, int], dict[str, ast.ClassDef]] = {}


def _class_defs(module_name: str) -> dict[str, ast.ClassDef]:
    """The top-level class statements of a module, by name (empty when its source is unavailable)."""
    key = (module_name, id(sys.modules.get(module_name)))
    found = _CLASSES.get(key)
    if found is None:
        tree = ast.parse(_source(module_name) or "")
        found = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
        _CLASSES[key] = found
    return found


def _source(module_name: str) -> str | None:
    """The module's source: from its loader when it can tell, else as inspect finds it (None if lost)."""
    module = sys.modules.get(module_name)
    get_source = getattr(getattr(module, "__loader__", None), "get_source", None)
    try:
        if callable(get_source):
            found = get_source(module_name)
            if isinstance(found, str):
                return found
        return inspect.getsource(module) if module is not None else None
    except (ImportError, OSError, TypeError):
        return None


def attribute_docstrings(cls: type[Any]) -> dict[str, str]:
    """Attribute name -> docstring, for the fields declared in the body of ``cls``."""
    node = _class_defs(cls.__module__).get(cls.__name__) if cls.__qualname__ == cls.__name__ else None
    if node is None:  # a class defined in a function: pydantic's own way, through the frames
        from pydantic._internal._docs_extraction import extract_docstrings_from_cls

        return extract_docstrings_from_cls(cls)
    docs: dict[str, str] = {}
    for before, stmt in zip(node.body, node.body[1:], strict=False):
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(stmt, ast.Expr)
            and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str)
        ):
            docs[before.target.id] = inspect.cleandoc(stmt.value.value)
    return docs
