"""The Communiqué data model: one small module per concept, the single source of truth.

The JSON Schemas in schema/ are generated from these models (``communique schema --write``)
and a test fails when they drift.
"""

from .actor import Actor, ActorType, Role
from .attribution import Attribution, SourceKind
from .document import Document, Printed
from .event import Argument, Event, EventLink, EventType, Factuality, Place
from .files import SCHEMA_VERSION, ActorsFile, CorpusInfo, DocumentFile
from .mention import Mention, MentionKind
from .quantity import Qualifier, Quantity, QuantityKind
from .span import Span
from .statement import Speaker, SpeechAct, Statement
from .time import Precision, PublicationDate, TimeValue

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorType",
    "ActorsFile",
    "Argument",
    "Attribution",
    "CorpusInfo",
    "Document",
    "DocumentFile",
    "Event",
    "EventLink",
    "EventType",
    "Factuality",
    "Mention",
    "MentionKind",
    "Place",
    "Precision",
    "Printed",
    "PublicationDate",
    "Qualifier",
    "Quantity",
    "QuantityKind",
    "Role",
    "SourceKind",
    "Span",
    "Speaker",
    "SpeechAct",
    "Statement",
    "TimeValue",
]
