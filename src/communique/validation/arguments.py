"""Arguments against the text around them: W410 a possessive pronoun as the span while a name
or nominal mention of the same actor stands in the sentence, W411 no span while a mention of
the actor stands in the sentence of a trigger (docs/guidelines.md, section 4, Arguments)."""

from __future__ import annotations

from collections.abc import Callable

from ..codes import finding
from ..models import DocumentFile
from ..report import Finding
from .sentences import Sentences

CODES = ("W410", "W411")

POSSESSIVES = frozenset({"his", "her", "its", "their"})


def check(out: list[Finding], rel: str, doc: DocumentFile, sentences: Sentences, at: Callable[[str, int], int]) -> None:
    """W410 and W411 for the events of one document."""
    for i, e in enumerate(doc.events):
        for j, arg in enumerate(e.arguments):
            path = f"$.events[{at('events', i)}].arguments[{j}].span"
            span = arg.span
            if span is None:
                for trigger in e.triggers:
                    found = sentences.mentions(sentences.of(trigger.start), arg.actor)
                    if found:
                        m = found[0]
                        out.append(finding("W411", rel, path, record=e.id, expected=f"the span of {m.id}",
                                           found="null", role=arg.role, actor=arg.actor, mention=m.id,
                                           text=m.span.text, start=m.span.start, trigger=trigger.text))
                        break
            elif span.text.strip().lower() in POSSESSIVES:
                full = [m for m in sentences.mentions(sentences.of(span.start), arg.actor) if m.kind != "pronoun"]
                if full:
                    m = full[0]
                    out.append(finding("W410", rel, path, record=e.id, expected=f"the span of {m.id}",
                                       found=repr(span.text), role=arg.role, actor=arg.actor, text=span.text,
                                       start=span.start, mention=m.id, name=m.span.text, name_start=m.span.start))
