"""Group members against the text: W418 a member of a group that no sentence mentioning the group
names (docs/guidelines.md, section 2). Each document contributes the (group, member) pairs its
sentences name together (:func:`named_together`); the corpus-wide pass (:mod:`.corpus`) flags the
members of mentioned groups that no document names beside their group (:func:`check`)."""

from __future__ import annotations

from ..codes import finding
from ..layout import ACTORS_FILE
from ..models import DocumentFile
from ..report import Finding
from .cycles import Edge
from .sentences import Sentences

CODES = ("W418",)


def named_together(
    doc: DocumentFile, sentences: Sentences, members: dict[str, tuple[str, ...]]
) -> set[tuple[str, str]]:
    """The (group, member) pairs of one document where a sentence holding a mention of the group
    also holds a mention of the member."""
    pairs: set[tuple[str, str]] = set()
    for m in doc.mentions:
        for member in members.get(m.actor, ()):
            if sentences.mentions(sentences.of(m.span.start), member):
                pairs.add((m.actor, member))
    return pairs


def check(out: list[Finding], edges: list[Edge], mentioned: set[str], together: set[tuple[str, str]]) -> None:
    """W418 for every member of a mentioned group that no sentence names beside the group."""
    for group, member, _, path in edges:
        if group in mentioned and (group, member) not in together:
            out.append(finding("W418", ACTORS_FILE, path, record=group,
                               expected="a member the text names beside the group (or the membership in the note)",
                               found=repr(member), group=group, member=member))
