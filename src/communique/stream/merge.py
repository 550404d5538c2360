"""The corpus-wide checks of streaming validation, fed one :class:`~.document.DocOutcome` at a time.

Only what these checks need is kept: each id with its kind and position packed into one integer,
the ids that differ from their case-folded form, the references not yet resolvable, part_of
links, and the set of mentioned actors. Outcomes must arrive in corpus order (the order of
:func:`communique.loader.iter_document_names`), which makes "the first record holding an id"
the same as in a full read.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

from ..checks import coverage
from ..checks._context import Context
from ..checks.cycles import Edge, _cycles, _report
from ..checks.ids import case_clash, duplicate
from ..checks.references import actor_refs, dangling, other_document, wrong_kind
from ..loader import ACTORS_FILE, Reading, parse_model, read_bytes
from ..models import ActorsFile, DocumentFile
from ..report import Report
from .document import KIND_CODES, DocOutcome, Ref
from .hashes import HashSet, digest

KINDS = tuple(KIND_CODES)
_PATHS = ("$.actors[{}]", "$.document", "$.mentions[{}]", "$.events[{}]", "$.statements[{}]")
_INDEX_BITS = 32
_SHIFT = _INDEX_BITS + 3
_MENTION = KIND_CODES["mention"]


class Merger:
    """Accumulates document outcomes and reports the corpus-wide findings."""

    def __init__(
        self, root: Traversable | Path, report: Report, actors: ActorsFile | None, unread: set[str] | None = None
    ) -> None:
        """``unread``: the files the structural layer refused so far (as :attr:`Reading.unread`);
        the document files refused later are added as their outcomes arrive."""
        self.report = report
        self.reading = Reading(root=root, report=report, unread=set(unread or ()))
        self.ctx = Context(self.reading)
        people = list(actors.actors) if actors else []
        self.actor_ids = [actor.id for actor in people]
        """The actors' ids in file order: the models themselves are not kept."""
        self.actor_refs = [
            (actor.id, ref) for i, actor in enumerate(people) for ref in actor_refs(actor, f"$.actors[{i}]")
        ]
        self.members: list[Edge] = [
            (actor.id, member, ACTORS_FILE, f"$.actors[{i}].members[{j}]")
            for i, actor in enumerate(people)
            for j, member in enumerate(actor.members)
        ]
        self.files: list[str] = [ACTORS_FILE]
        self.doc_of: list[str | None] = [None]
        self.by_id: dict[str, int] = {}
        self.folded: dict[str, str] = {}
        self.pending: list[tuple[int, Ref]] = []
        self.part_of: list[Edge] = []
        self.mentioned: set[str] = set()
        self.role_docs: set[str] = set()
        self.mention_hashes = HashSet()
        """Digests of the case-folded ids of the mentions not in ``by_id``: no reference can name a
        mention, so its id matters only if another id folds to the same form (E200, E201)."""
        self.exact: set[int] = set()
        """Digests whose mentions were all looked at again and are in ``by_id`` (so are later ones)."""
        self._current: tuple[int, list[str], list[int]] | None = None
        self.loaded = 0
        self.records = 0
        for i, actor_id in enumerate(self.actor_ids):
            self._register(actor_id, 0, i << 3)

    def _where(self, packed: int) -> tuple[str, str, str, str | None]:
        """(kind, file, JSON path, document id) of a packed location."""
        kind = packed & 7
        index = (packed >> 3) & ((1 << _INDEX_BITS) - 1)
        file_index = packed >> _SHIFT
        return KINDS[kind], self.files[file_index], _PATHS[kind].format(index), self.doc_of[file_index]

    def _describe(self, packed: int) -> str:
        kind, file, path, _ = self._where(packed)
        return f"the {kind} at {file} {path}"

    def _register(self, rid: str, file_index: int, slot: int) -> None:
        packed = (file_index << _SHIFT) | slot
        first = self.by_id.get(rid)
        if first is not None or rid in self.folded or rid != rid.casefold():
            _, file, path, _ = self._where(packed)
            self._flag(rid, packed, file, f"{path}.id")
        else:
            self.by_id[rid] = packed

    def _flag(self, rid: str, packed: int, file: str, path: str) -> None:
        """E200 or E201 for an id, or register it with its case-folded form."""
        first = self.by_id.get(rid)
        if first is not None:
            duplicate(self.ctx, file, path, rid, self._describe(first))
            return
        self.by_id[rid] = packed
        key = rid.casefold()
        other = self.folded.get(key)
        if other is None and key != rid and key in self.by_id:
            other = key
        if other is not None:
            case_clash(self.ctx, file, path, rid, other, self._describe(self.by_id[other]))
        elif key != rid:
            self.folded[key] = rid

    def add(self, outcome: DocOutcome) -> None:
        """Take in one document file's outcome (in corpus order)."""
        self.report.extend(outcome.findings)
        if outcome.doc_id is None:
            self.reading.unread.add(outcome.rel)
            return
        self.loaded += 1
        self.records += outcome.records
        file_index = len(self.files)
        self.files.append(outcome.rel)
        self.doc_of.append(outcome.doc_id)
        ids, slots = outcome.ids, outcome.slots
        self._current = (file_index, ids, slots)
        start = 0
        while start < len(ids):  # runs of mentions and of other records, in file order
            mentions = slots[start] & 7 == _MENTION
            end = start + 1
            while end < len(ids) and (slots[end] & 7 == _MENTION) == mentions:
                end += 1
            (self._add_mentions if mentions else self._add_ids)(file_index, start, end)
            start = end
        self._current = None
        for ref in outcome.refs:
            if ref[0] in self.by_id:
                self._resolve(file_index, ref)
            else:
                self.pending.append((file_index, ref))
        self.part_of.extend((a, b, outcome.rel, path) for a, b, path in outcome.part_of)
        self.mentioned |= outcome.mentioned
        if outcome.role_findings is not None and outcome.doc_id not in self.role_docs:
            self.role_docs.add(outcome.doc_id)
            self.report.extend(outcome.role_findings)

    def _add_ids(self, file_index: int, start: int, end: int) -> None:
        """Register ids that are not mentions (kept exactly, as references may name them)."""
        assert self._current is not None
        _, all_ids, all_slots = self._current
        ids, slots, by_id, hashes = all_ids[start:end], all_slots[start:end], self.by_id, self.mention_hashes
        if len(set(ids)) == len(ids) and by_id.keys().isdisjoint(ids) and self.folded.keys().isdisjoint(ids) and \
                all(rid == rid.casefold() for rid in ids) and not any(digest(rid) in hashes for rid in ids):
            base = file_index << _SHIFT
            by_id.update(zip(ids, [base | slot for slot in slots], strict=True))
            return
        for pos, (rid, slot) in enumerate(zip(ids, slots, strict=True), start):
            key = digest(rid.casefold())
            if key not in self.exact and key in hashes:
                self._look_again(key, file_index, pos)
            self._register(rid, file_index, slot)

    def _add_mentions(self, file_index: int, start: int, end: int) -> None:
        """Keep mention ids as digests of their case-folded form, unless one folds like an id seen before."""
        assert self._current is not None
        _, ids, slots = self._current
        hashes, exact, by_id, folded = self.mention_hashes, self.exact, self.by_id, self.folded
        folds = [rid.casefold() for rid in ids[start:end]]
        keys = [digest(fold) for fold in folds]
        if by_id.keys().isdisjoint(folds) and folded.keys().isdisjoint(folds) and exact.isdisjoint(keys):
            start += hashes.add_all(keys)  # up to the first digest seen before, if any
        for pos in range(start, end):
            rid = ids[pos]
            fold = rid.casefold()
            key = digest(fold)
            if key not in exact:
                if fold in by_id or fold in folded:
                    if key in hashes:
                        self._look_again(key, file_index, pos)
                    exact.add(key)  # kept exactly from now on, as an id of another kind folds alike
                elif hashes.add(key):
                    continue
                else:
                    self._look_again(key, file_index, pos)
            self._register(rid, file_index, slots[pos])

    def _look_again(self, key: int, file_index: int, pos: int) -> None:
        """The exact second look: register, in corpus order, every mention seen before position
        ``pos`` of file ``file_index`` whose case-folded id has the digest ``key`` (the earlier
        files are read again); from then on such mentions are kept exactly."""
        self.exact.add(key)
        for index in range(1, file_index):
            rel = self.files[index]
            data = read_bytes(self.reading.root, rel, Report(""))
            doc = parse_model(data, rel, DocumentFile, Report(""))[1] if data is not None else None
            for i, mention in enumerate(doc.mentions if doc is not None else ()):
                if digest(mention.id.casefold()) == key:
                    self._register(mention.id, index, i << 3 | _MENTION)
        if self._current is not None:
            _, ids, slots = self._current
            for rid, slot in zip(ids[:pos], slots[:pos], strict=True):
                if slot & 7 == _MENTION and digest(rid.casefold()) == key:
                    self._register(rid, file_index, slot)

    def _lookup(self, target: str) -> int | None:
        """The packed location of the first record with id ``target`` (a second look if a mention may hold it)."""
        packed = self.by_id.get(target)
        if packed is None:
            key = digest(target.casefold())
            if key not in self.exact and key in self.mention_hashes:
                self._look_again(key, len(self.files), 0)
                packed = self.by_id.get(target)
        return packed

    def _resolve(self, file_index: int, ref: Ref) -> None:
        target, kind, path, local, record = ref
        file, home = self.files[file_index], self.doc_of[file_index]
        packed = self._lookup(target)
        if packed is None and not self._known(kind, local):
            return  # the file that would hold it was refused: its structural finding says why
        if packed is None:
            dangling(self.ctx, file, path, target, kind, record)
            return
        found_kind, found_doc = KINDS[packed & 7], self.doc_of[packed >> _SHIFT]
        if found_kind != kind:
            _, found_file, found_path, _ = self._where(packed)
            wrong_kind(self.ctx, file, path, target, kind, found_kind, f"{found_file} {found_path}", record)
        elif local and home is not None and found_doc != home:
            other_document(self.ctx, file, path, target, kind, found_doc, home, record)

    def _known(self, kind: str, local: bool) -> bool:
        """Whether every record that ``kind`` could name was read (as in :mod:`communique.checks.references`)."""
        if kind == "actor":
            return self.reading.actors_complete
        return local or self.reading.documents_complete

    def finish(self) -> None:
        """Resolve what waited for the whole corpus; add every corpus-wide finding to the report."""
        for file_index, ref in self.pending:
            self._resolve(file_index, ref)
        self.pending.clear()
        for actor_id, (path, target, kind, local) in self.actor_refs:
            self._resolve(0, (target, kind, path, local, actor_id))
        _report(self.ctx, _cycles(self.members), "group members")
        _report(self.ctx, _cycles(self.part_of), "part_of links")
        if self.reading.documents_complete:
            coverage.unmentioned(self.ctx, self.actor_ids, self.mentioned)
        self.report.extend(self.ctx.findings)
        self.ctx.findings.clear()
