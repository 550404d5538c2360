"""The answer a language model gives for one document: records whose spans are quotes, not offsets.

A model cannot count code points, so every span is a text-quote selector, the one
``communique resolve`` reads (:mod:`communique.quotes`): ``{"quote", "occurrence", "prefix",
"suffix"}``. Labels are the closed enums of the corpus models; actors are named, not given ids:
``{"name", "type", "wikidata"}`` wherever the corpus refers to an actor id, so an answer never
refers to something it does not define.

The models below are derived from the corpus models: each field takes its type and its
description from the field it stands for (``Event.type``, ``Mention.span``...), with
:class:`~communique.models.Span` replaced by :class:`Selector` and actor ids by :class:`ActorRef`.
Only what the scorer scores is asked for (docs/tasks.md). One answer model per task:

===============  ==========================================================  ====================
task             the answer holds                                            scored as
===============  ==========================================================  ====================
``mentions``     ``mentions``: span and actor                                mentions, linking,
                                                                             wikidata
``events``       ``events``: type, triggers, arguments (role and actor)      events, arguments
``time``         ``events``: type, triggers, time (value and precision)      time
``statements``   ``statements``: speaker, cue, content                       statements
``all``          all of the above                                            all seven
===============  ==========================================================  ====================
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..models import Actor, Argument, Event, Mention, Speaker, Statement, TimeValue
from ..models.shape import field_of
from .names import SCORED, TASKS

__all__ = ["ANSWERS", "SCORED", "TASKS", "Answer", "FullAnswer", "Selector", "answer_model"]


class Answer(BaseModel):
    """Base of the answer models: closed, strict, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Selector(Answer):
    """A span written as the text it covers (W3C Web Annotation TextQuoteSelector)."""

    quote: str = Field(description="The exact text of the span, copied from the document.")
    occurrence: int | None = Field(
        default=None,
        description="Which occurrence of the quote is meant, counting from 1, when the quote occurs more than once.",
    )
    prefix: str | None = Field(default=None, description="Text just before the quote, to tell occurrences apart.")
    suffix: str | None = Field(default=None, description="Text just after the quote, to tell occurrences apart.")


def _from(model: type[BaseModel], name: str, annotation: Any = None, **kw: Any) -> Any:
    """A field definition with the type and description of ``model.name`` (the type replaceable)."""
    field = field_of(model, name)
    default = kw.pop("default", ... if field.required else field.default_value())
    if annotation is None:  # the source field's own type, with its constraints (a pattern...)
        annotation = field.annotation
    return (annotation, Field(default=default, description=field.description, **kw))


def _list_of(item: Any) -> Any:
    """``list[item]`` for a model made at run time."""
    return list.__class_getitem__(item)


def _model(model_name: str, doc: str, /, **fields: Any) -> type[Answer]:
    model: type[Answer] = create_model(model_name, __base__=Answer, __doc__=doc, __module__=__name__, **fields)
    return model


ActorRef = _model(
    "ActorRef",
    "An actor, named: who or what a mention, argument or speaker refers to.",
    name=_from(Actor, "name", str),
    type=_from(Actor, "type"),
    wikidata=_from(Actor, "wikidata"),
)

MentionAnswer = _model(
    "MentionAnswer",
    "One place where the text refers to an actor.",
    span=_from(Mention, "span", Selector),
    actor=_from(Mention, "actor", ActorRef),
)

ArgumentAnswer = _model(
    "ArgumentAnswer",
    "An actor's part in an event.",
    role=_from(Argument, "role"),
    actor=_from(Argument, "actor", ActorRef),
)

TimeAnswer = _model(
    "TimeAnswer",
    "When the event happened, normalised.",
    value=_from(TimeValue, "value"),
    precision=_from(TimeValue, "precision"),
)

_EVENT_BASE = {"type": _from(Event, "type"), "triggers": _from(Event, "triggers", list[Selector])}
_ARGUMENTS = _from(Event, "arguments", _list_of(ArgumentAnswer))
_TIME = _from(Event, "time", TimeAnswer | None)

EventWithArguments = _model(
    "EventWithArguments", "A happening with its participants.", **_EVENT_BASE, arguments=_ARGUMENTS
)
EventWithTime = _model("EventWithTime", "A happening with its time.", **_EVENT_BASE, time=_TIME)
EventAnswer = _model(
    "EventAnswer", "A happening with its participants and time.", **_EVENT_BASE, arguments=_ARGUMENTS, time=_TIME
)

StatementAnswer = _model(
    "StatementAnswer",
    "One attributed statement: speaker, cue and content.",
    speaker=_from(Speaker, "actor", ActorRef | None),
    cue=_from(Statement, "cue", Selector),
    content=_from(Statement, "content", Selector),
)

_LISTS = {
    "mentions": (_list_of(MentionAnswer), "Every mention of an actor, in text order."),
    "events": (_list_of(EventAnswer), "Every event, in the order of its first trigger."),
    "statements": (_list_of(StatementAnswer), "Every attributed statement, in text order."),
}


def _list(key: str, item: Any = None) -> Any:
    annotation, description = _LISTS[key]
    return (_list_of(item) if item is not None else annotation, Field(default_factory=list, description=description))


ANSWERS: dict[str, type[Answer]] = {
    "mentions": _model("MentionsAnswer", "The actor mentions of one document.", mentions=_list("mentions")),
    "events": _model(
        "EventsAnswer", "The events of one document, with arguments.", events=_list("events", EventWithArguments)
    ),
    "time": _model("TimeTaskAnswer", "The events of one document, with times.", events=_list("events", EventWithTime)),
    "statements": _model(
        "StatementsAnswer", "The attributed statements of one document.", statements=_list("statements")
    ),
    "all": _model(
        "FullAnswer",
        "Mentions, events (with arguments and times) and statements of one document.",
        mentions=_list("mentions"),
        events=_list("events"),
        statements=_list("statements"),
    ),
}
"""Task name -> the model of one document's answer."""

FullAnswer = ANSWERS["all"]


def answer_model(task: str) -> type[Answer]:
    """The answer model of ``task``; KeyError naming the tasks otherwise."""
    if task not in ANSWERS:
        raise KeyError(f"unknown task {task!r}; expected one of: {', '.join(TASKS)}")
    return ANSWERS[task]
