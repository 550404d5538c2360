"""The corpus-wide rules, fed one :class:`~.document.DocOutcome` at a time: ids (E200, E201),
references (E202-E204), cycles (E205) and unmentioned actors (E307), over an id index (:mod:`.index`).

Only what these rules need is kept: each id with its kind and position packed into one integer
(in an exact or a compact index), the references not yet resolvable, part_of links, and the set
of mentioned actors. Outcomes must arrive in corpus order (the order of
:func:`communique.loader.iter_document_names`), which makes "the first record holding an id" the
same whatever the number of processes.
"""

from __future__ import annotations

from collections import OrderedDict
from importlib.resources.abc import Traversable
from pathlib import Path

from ..layout import ACTORS_FILE, DOCUMENTS_DIR
from ..models import ActorsFile
from ..report import Finding, Report
from . import coverage, cycles, ids
from .cycles import Edge
from .document import KIND_CODES, DocOutcome, Plan, Ref, read_document
from .index import CompactIndex, ExactIndex, IdIndex
from .references import actor_refs, dangling, other_document, wrong_kind

KINDS = tuple(KIND_CODES)
_PATHS = ("$.actors[{}]", "$.document", "$.mentions[{}]", "$.events[{}]", "$.statements[{}]")
_INDEX_BITS = 32
_SHIFT = _INDEX_BITS + 3
_MENTION = KIND_CODES["mention"]
_CACHED_FILES = 8
"""Document files whose mention ids are kept after a second look (most looks hit a recent file)."""


class CorpusRules:
    """Accumulates document outcomes and reports the corpus-wide findings into ``report``.

    ``compact``: keep mention ids as digests (:class:`~.index.CompactIndex`), for corpora of any
    size; else every id is kept exactly.
    """

    def __init__(
        self, root: Traversable | Path, report: Report, actors: ActorsFile | None, unread: set[str],
        plan: Plan, compact: bool = True,
    ) -> None:
        self.root, self.report, self.plan = root, report, plan
        self.unread = set(unread)
        self.out: list[Finding] = []
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
        self.incomplete: set[int] = set()
        """Files (by index) with a refused record: a local reference not found there is not judged."""
        self.recall = _Recall(root, self.files)
        self.index: IdIndex = CompactIndex(self.recall) if compact else ExactIndex()
        self.pending: list[tuple[int, Ref]] = []
        self.part_of: list[Edge] = []
        self.mentioned: set[str] = set()
        self.role_docs: set[str] = set()
        self.loaded = 0
        self.records = 0
        if plan.ids:
            packed = [i << 3 for i in range(len(self.actor_ids))]
            if not self.index.add_all(self.actor_ids, packed, [False] * len(packed)):
                for actor_id, where in zip(self.actor_ids, packed, strict=True):
                    self._register(actor_id, where)

    @property
    def actors_complete(self) -> bool:
        """True when data/actors.json was read and valid: every actor of the corpus is known."""
        return ACTORS_FILE not in self.unread

    @property
    def documents_complete(self) -> bool:
        """True when every document file was listed, read and valid: every record of the documents is known."""
        return not any(rel == DOCUMENTS_DIR or rel.startswith(DOCUMENTS_DIR + "/") for rel in self.unread)

    def _where(self, packed: int) -> tuple[str, str, str, str | None]:
        """(kind, file, JSON path, document id) of a packed location."""
        kind = packed & 7
        index = (packed >> 3) & ((1 << _INDEX_BITS) - 1)
        file_index = packed >> _SHIFT
        return KINDS[kind], self.files[file_index], _PATHS[kind].format(index), self.doc_of[file_index]

    def _describe(self, packed: int) -> str:
        kind, file, path, _ = self._where(packed)
        return f"the {kind} at {file} {path}"

    def _register(self, rid: str, packed: int, hashable: bool = False) -> None:
        _, file, path, _ = self._where(packed)
        ids.register(self.out, self.index, rid, packed, file, f"{path}.id", self._describe, hashable)

    def add(self, outcome: DocOutcome) -> None:
        """Take in one document file's outcome (in corpus order)."""
        self.report.extend(outcome.findings)
        if outcome.doc_id is None or not outcome.complete:
            self.unread.add(outcome.rel)
        if outcome.doc_id is None:
            return
        self.loaded += 1
        self.records += outcome.records
        file_index = len(self.files)
        self.files.append(outcome.rel)
        self.doc_of.append(outcome.doc_id)
        if not outcome.complete:
            self.incomplete.add(file_index)
        self.recall.current = (file_index, outcome)
        base = file_index << _SHIFT
        packed = [base | slot for slot in outcome.slots]
        hashable = [slot & 7 == _MENTION for slot in outcome.slots]
        if not self.index.add_all(outcome.ids, packed, hashable):
            for rid, where, compact in zip(outcome.ids, packed, hashable, strict=True):
                self._register(rid, where, compact)
        self.recall.current = None
        self._settle(file_index, outcome.refs, final=False)  # what waits keeps memory: settle what can be
        self.part_of.extend((a, b, outcome.rel, path) for a, b, path in outcome.part_of)
        self.mentioned |= outcome.mentioned
        if outcome.role_findings is not None and outcome.doc_id not in self.role_docs:
            self.role_docs.add(outcome.doc_id)
            self.report.extend(outcome.role_findings)

    def _settle(self, file_index: int, refs: list[Ref], final: bool) -> None:
        """Resolve the references ``refs`` of file ``file_index`` (one naming a record of the right
        kind, in the right document, costs nothing more). Before the end (not ``final``) only the
        ids kept exactly are looked at, and a reference not found yet waits."""
        doc_of = self.doc_of
        look = self.index.get if final else self.index.peek
        for ref in refs:
            packed = look(ref[0])
            if packed is not None and KINDS[packed & 7] == ref[1] and (
                    not ref[3] or doc_of[packed >> _SHIFT] == doc_of[file_index]):
                continue
            if packed is None and not final:
                self.pending.append((file_index, ref))
            else:
                self._resolve(file_index, ref, packed)

    def _resolve(self, file_index: int, ref: Ref, packed: int | None) -> None:
        target, kind, path, local, record = ref
        file, home = self.files[file_index], self.doc_of[file_index]
        if packed is None and not self._known(kind, local and file_index not in self.incomplete):
            return  # the file that would hold it was refused: its structural finding says why
        if packed is None:
            dangling(self.out, file, path, target, kind, record)
            return
        found_kind, found_doc = KINDS[packed & 7], self.doc_of[packed >> _SHIFT]
        if found_kind != kind:
            _, found_file, found_path, _ = self._where(packed)
            wrong_kind(self.out, file, path, target, kind, found_kind, f"{found_file} {found_path}", record)
        elif local and home is not None and found_doc != home:
            other_document(self.out, file, path, target, kind, found_doc, home, record)

    def _known(self, kind: str, local: bool) -> bool:
        """Whether every record that ``kind`` could name was read, so that a missing id is truly dangling."""
        if kind == "actor":
            return self.actors_complete
        return local or self.documents_complete

    def finish(self) -> None:
        """Resolve the references; add every corpus-wide finding to the report."""
        if self.plan.references:
            pending, self.pending = self.pending, []
            for file_index, ref in pending:
                self._settle(file_index, [ref], final=True)
            for actor_id, (path, target, kind, local) in self.actor_refs:
                self._resolve(0, (target, kind, path, local, actor_id), self.index.get(target))
        self.pending.clear()
        if self.plan.cycles:
            cycles.check(self.out, self.members, "group members")
            cycles.check(self.out, self.part_of, "part_of links")
        if self.plan.mentioned and self.documents_complete:
            coverage.unmentioned(self.out, self.actor_ids, self.mentioned)
        self.report.extend(self.out)
        self.out.clear()


class _Recall:
    """The id of the mention at a packed location, for the compact index's second look: from the
    file being added, else read back from its file (one file; recently read ones are kept)."""

    def __init__(self, root: Traversable | Path, files: list[str]) -> None:
        self.root, self.files = root, files
        self.current: tuple[int, DocOutcome] | None = None
        self.cache: OrderedDict[int, dict[int, str]] = OrderedDict()

    def __call__(self, packed: int) -> str | None:
        file_index, position = packed >> _SHIFT, (packed >> 3) & ((1 << _INDEX_BITS) - 1)
        if self.current is not None and self.current[0] == file_index:
            outcome = self.current[1]
            for rid, slot in zip(outcome.ids, outcome.slots, strict=True):
                if slot == position << 3 | _MENTION:
                    return rid
            return None
        mentions = self.cache.get(file_index)
        if mentions is None:
            parsed = read_document(self.root, self.files[file_index], Report(""))
            mentions = {} if parsed is None else {parsed.at("mentions", i): m.id
                                                  for i, m in enumerate(parsed.model.mentions)}
            self.cache[file_index] = mentions
            if len(self.cache) > _CACHED_FILES:
                self.cache.popitem(last=False)
        else:
            self.cache.move_to_end(file_index)
        return mentions.get(position)
