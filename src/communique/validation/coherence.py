"""Events against the other events of their document: W413 a war with no attack or death of
its participants, W414 a death without the killer its cause names, W417 a before/after bound
equal to its anchor event's time (docs/guidelines.md, section 4)."""

from __future__ import annotations

from collections.abc import Callable

from ..codes import finding
from ..models import DocumentFile
from ..report import Finding

CODES = ("W413", "W414", "W417")

ARMED = frozenset({"conflict.war"})
"""Event types the guidelines define as armed conflict."""
VIOLENCE = {"conflict.attack": frozenset({"agent", "target"}), "life.die": frozenset({"victim"})}
"""The events that make an armed conflict, and the roles of those who fight or die in them."""
ACTUAL = frozenset({"asserted", "reported"})


def check(out: list[Finding], rel: str, doc: DocumentFile, at: Callable[[str, int], int]) -> None:
    """W413, W414 and W417 for the events of one document."""
    events = {e.id: e for e in doc.events}
    violent: set[str] = set()
    for e in doc.events:
        roles = VIOLENCE.get(e.type)
        if roles is not None and e.factuality in ACTUAL:
            violent.update(a.actor for a in e.arguments if a.role in roles)
    for i, e in enumerate(doc.events):
        path = f"$.events[{at('events', i)}]"
        if e.type in ARMED and not any(a.role == "participant" and a.actor in violent for a in e.arguments):
            parties = sorted({a.actor for a in e.arguments if a.role == "participant"})
            out.append(finding("W413", rel, f"{path}.type", record=e.id,
                               expected="an actual attack or death of a participant, or another type",
                               found=repr(e.type), type=e.type, parties=", ".join(parties) or "none"))
        if e.type == "life.die" and not any(a.role == "agent" for a in e.arguments):
            for link in e.links:
                cause = events.get(link.event) if link.relation == "caused_by" else None
                agents = [] if cause is None else [a.actor for a in cause.arguments if a.role == "agent"]
                if agents:
                    out.append(finding("W414", rel, f"{path}.arguments", record=e.id,
                                       expected=f"agent {agents[0]!r}", found="no agent", cause=link.event,
                                       agent=agents[0]))
                    break
        t = e.time
        if t is not None and t.mod in ("before", "after") and t.anchor == "event" and t.anchor_event is not None:
            anchor = events.get(t.anchor_event)
            at_anchor = None if anchor is None else anchor.time
            if at_anchor is not None and (at_anchor.value, at_anchor.precision) == (t.value, t.precision):
                out.append(finding("W417", rel, f"{path}.time.mod", record=e.id,
                                   expected=f"a value {t.mod} the anchor's, or mod null", found=repr(t.mod),
                                   mod=t.mod, value=t.value, precision=t.precision, anchor=t.anchor_event))
