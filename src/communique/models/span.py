"""Text spans: the anchor of every annotation.

Offsets count Unicode code points (Python ``str`` indices) into the document text as read
from its seed file (UTF-8), ``end`` exclusive, so ``text == document.text[start:end]``.
JavaScript strings index UTF-16 code units and most C tools index bytes: use
:func:`communique.offsets.to_utf16` or :func:`communique.offsets.to_bytes` to convert.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ._base import INTEGRAL, MAX_OFFSET, Record

Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET), INTEGRAL]


class Span(Record):
    """A contiguous stretch of a document's text (W3C Web Annotation TextPositionSelector plus its exact text)."""

    start: Offset
    """Offset of the first character: Unicode code points from the start of the document text, 0-based."""
    end: Offset
    """Offset just past the last character (exclusive); never before start."""
    text: Annotated[str, Field(max_length=1_000_000)]
    """The covered text, exactly document_text[start:end]; lets readers and diffs check the offsets."""
