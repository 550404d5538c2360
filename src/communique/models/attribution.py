"""Per-value provenance: who a value, event or report is attributed to (FactBank's 'source')."""

from __future__ import annotations

from typing import Literal

from ._base import Id, Record
from .span import Span

SourceKind = Literal["author", "named", "unnamed"]
"""'author': the document asserts it in its own voice; 'named': attributed to an identified
actor; 'unnamed': attributed to unidentified sources ('As per reports')."""


class Attribution(Record):
    """The source a piece of information is attributed to in the text."""

    kind: SourceKind
    """author, named or unnamed."""
    actor: Id | None = None
    """The actor the information is attributed to, when named."""
    span: Span | None = None
    """The mention of the source ('Peskov', 'Kremlin'), or for unnamed sources the source noun ('reports')."""
    statement: Id | None = None
    """The statement record that carries this information, when there is one."""
