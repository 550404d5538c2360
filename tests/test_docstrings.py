"""Field descriptions come from attribute docstrings (read once per module), as pydantic's own option gives."""

from __future__ import annotations

from communique.models import Span
from communique.models._base import Record
from communique.models._docstrings import attribute_docstrings


class Sample(Record):
    """A model defined here, so that its source is this file."""

    first: int
    """The first field,
        on two lines."""
    second: int
    third: int = 0
    "The third field."

    def method(self) -> int:
        """Not a field's docstring."""
        return self.first


def test_a_docstring_after_an_annotated_field_describes_it() -> None:
    assert attribute_docstrings(Sample) == {"first": "The first field,\non two lines.", "third": "The third field."}
    fields = Sample.model_fields
    assert fields["first"].description == "The first field,\non two lines."
    assert fields["second"].description is None
    assert fields["third"].description == "The third field."


def test_the_models_carry_their_descriptions() -> None:
    assert Span.model_fields["start"].description is not None
    assert Span.model_json_schema()["properties"]["end"]["description"] == Span.model_fields["end"].description


def test_a_model_defined_in_a_function_gets_its_descriptions_too() -> None:
    class Local(Record):
        value: int
        """The value."""

    assert Local.model_fields["value"].description == "The value."
