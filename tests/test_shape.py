"""The one reading of the models' fields (communique.models.shape): each kind of field, the
refused annotations, and no second reader of field annotations anywhere else."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from pydantic import BaseModel, Field, StringConstraints

from communique.models import ActorType, Event, Span
from communique.models.shape import Shape, field_of, fields, label_set, shape_of

ROOT = Path(__file__).resolve().parents[1]


class _Inner(BaseModel):
    x: int


class _Probe(BaseModel):
    required: str
    optional: int | None = None
    default: bool = True
    listed: list[Annotated[str, StringConstraints(min_length=1)]] = Field(default_factory=list, max_length=3)
    nested: _Inner | None = None
    nested_list: list[_Inner] = Field(default_factory=list)
    label: Literal["a", "b"] = "a"
    bounded: Annotated[int, Field(ge=0, le=9)] = 0
    patterned: Annotated[str, StringConstraints(pattern=r"^Q[0-9]+$")] | None = None


def test_each_kind_of_field() -> None:
    by_name = {f.name: f for f in fields(_Probe)}
    assert list(by_name) == list(_Probe.model_fields)
    req = by_name["required"]
    assert req.required and req.shape == Shape(str)
    opt = by_name["optional"]
    assert not opt.required and opt.default is None and opt.shape == Shape(int, nullable=True)
    assert by_name["default"].default is True and by_name["default"].default_value() is True
    listed = by_name["listed"]
    assert listed.shape.item == Shape(str, constraints=(("min_length", 1),))
    assert listed.shape.constraints == (("max_length", 3),) and listed.shape.nested is None
    assert listed.default_factory is list and listed.default_value() == []
    assert by_name["nested"].shape == Shape(_Inner, nullable=True, model=_Inner)
    assert by_name["nested_list"].shape.nested is _Inner and by_name["nested_list"].shape.model is None
    assert by_name["label"].shape == Shape(str, choices=("a", "b"))
    assert by_name["bounded"].shape.constraints == (("ge", 0), ("le", 9))
    patterned = by_name["patterned"].shape
    assert patterned.nullable and patterned.constraint("pattern") == r"^Q[0-9]+$" and patterned.constraint("ge") is None


def test_the_corpus_models_read_as_declared() -> None:
    assert field_of(Span, "start").shape.constraints == (("ge", 0), ("le", 1_000_000_000))
    triggers = field_of(Event, "triggers").shape
    assert triggers.item == Shape(Span, model=Span) and triggers.constraint("min_length") == 1
    assert field_of(Event, "type").shape.choices[0] == "conflict.war"
    assert field_of(Event, "time").shape.nullable
    assert fields(Event) is fields(Event)  # computed once
    with pytest.raises(KeyError, match="no field 'nope'"):
        field_of(Event, "nope")


def test_the_declared_annotation_keeps_its_constraints() -> None:
    """What a model derived from another one takes over (the answer formats of language models)."""
    from pydantic import create_model

    Copy = create_model("Copy", bounded=(field_of(_Probe, "bounded").annotation, ...))
    assert Copy(bounded=9).bounded == 9  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="less than or equal to 9"):
        Copy(bounded=10)


@pytest.mark.parametrize("annotation", [int | str, dict[str, int], tuple[int, ...], set[str] | None])
def test_annotations_without_a_shape_are_refused(annotation: Any) -> None:
    with pytest.raises(TypeError, match="unsupported"):
        shape_of(annotation)


def test_label_sets() -> None:
    assert label_set(ActorType)[0] == "person"
    assert label_set(Literal["x", "y"] | None) == ("x", "y")
    with pytest.raises(TypeError, match="not a Literal of strings"):
        label_set(Literal[1, 2])
    with pytest.raises(TypeError, match="not a Literal of strings"):
        label_set(str)


TYPING = {"get_args", "get_origin"}
FIELD_INFO = {"model_fields", "__pydantic_fields__"}


def _readers(source: str, name: str) -> list[str]:
    """Where the module ``source`` reads annotations or field info itself: get_args/get_origin
    (imported or called), ``X.model_fields`` or ``X.__pydantic_fields__``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Attribute):
            names = [node.attr] if node.attr in TYPING | FIELD_INFO else []
        elif isinstance(node, ast.Name):
            names = [node.id] if node.id in TYPING else []
        elif isinstance(node, ast.ImportFrom):
            names = [alias.name for alias in node.names if alias.name in TYPING]
        found += [f"{name}:{node.lineno}: {n}" for n in names]
    return found


def test_no_other_module_reads_field_annotations() -> None:
    """The models' fields are read in communique.models.shape only (models/ itself builds them)."""
    files = [*(ROOT / "src" / "communique").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py"),
             *(ROOT / "scripts").rglob("*.py")]
    models = ROOT / "src" / "communique" / "models"
    outside = [f for f in files if models not in f.parents]
    assert len(outside) > 50
    hits = [hit for f in outside for hit in _readers(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))]
    assert hits == []


def test_the_reader_check_finds_a_reader() -> None:
    sample = "import typing\nfrom typing import get_args\n\nf = lambda m: (typing.get_origin(m), m.model_fields)\n"
    assert sorted(h.rsplit(" ", 1)[1] for h in _readers(sample, "x.py")) == ["get_args", "get_origin", "model_fields"]
