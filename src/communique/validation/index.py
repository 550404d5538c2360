"""The id index of corpus-wide validation: the first record holding each id, and case-fold clashes.

One interface, two implementations:

- :class:`ExactIndex` keeps every id in a dict (id -> packed location).
- :class:`CompactIndex` keeps the ids no reference can name (mentions) only as 64-bit digests of
  their case-folded form, with their location, in an open-addressing table (16 bytes an entry, no
  object per entry); every other id is kept exactly. A digest that meets another id sends the
  earlier mention to an exact second look: its id is read back from its one file (a few recently
  read files are kept), and from then on that digest is kept exactly. Each look reads one file,
  so the work stays linear in the corpus size.

A *packed location* is an integer chosen by the caller (file, kind, position); the index only
stores and returns it.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Protocol

_MASK = (1 << 64) - 1


def digest(key: str) -> int:
    """A 64-bit hash of ``key``, never 0: Python's string hash (keyed SipHash, cached on the string),
    the same for the life of the process, which is all the index needs (it compares digests it
    computed itself, never across processes or runs)."""
    return hash(key) & _MASK or 1


class IdIndex(Protocol):
    """The first record of each id, in the order ids are added."""

    def add(self, rid: str, packed: int, hashable: bool = False) -> tuple[str, int] | None:
        """Register ``rid`` at ``packed``: None when new, else the earlier id and its location:
        the same id (a duplicate) or one that differs only in letter case (a clash; ``rid`` is
        registered all the same). ``hashable``: no reference may name it (a compact index may keep
        only its digest)."""

    def get(self, rid: str) -> int | None:
        """The location of the first record holding ``rid``."""

    def peek(self, rid: str) -> int | None:
        """:meth:`get` without a second look: None may mean "not kept exactly" in a compact index."""

    def add_all(self, ids: list[str], packed: list[int], hashable: list[bool]) -> bool:
        """Register ``ids`` at once when none meets another (the common case); False, with nothing
        registered, when one might (the caller then adds them one at a time, for the findings)."""


class ExactIndex:
    """Every id in a dict; case-folded forms only for the ids that differ from theirs."""

    def __init__(self) -> None:
        self.by_id: dict[str, int] = {}
        self.folded: dict[str, str] = {}

    def add(self, rid: str, packed: int, hashable: bool = False) -> tuple[str, int] | None:
        by_id = self.by_id
        first = by_id.get(rid)
        if first is not None:
            return rid, first
        by_id[rid] = packed
        key = rid.casefold()
        other = self.folded.get(key)
        if other is None and key != rid and key in by_id:
            other = key
        if other is not None:
            return other, by_id[other]
        if key != rid:
            self.folded[key] = rid
        return None

    def _fresh(self, ids: list[str]) -> bool:
        """Whether ``ids`` repeat nothing, are all their own case-folded form and meet no known id."""
        joined = "\x00".join(ids)  # equal to its case-folded form exactly when every id is
        return (len(set(ids)) == len(ids) and self.by_id.keys().isdisjoint(ids)
                and self.folded.keys().isdisjoint(ids) and joined == joined.casefold())

    def add_all(self, ids: list[str], packed: list[int], hashable: list[bool]) -> bool:
        if not self._fresh(ids):
            return False
        self.by_id.update(zip(ids, packed, strict=True))
        return True

    def get(self, rid: str) -> int | None:
        return self.by_id.get(rid)

    def peek(self, rid: str) -> int | None:
        return self.by_id.get(rid)


class HashMap:
    """Nonzero 64-bit keys to 64-bit values in two ``array('Q')`` with linear probing, at most half full."""

    def __init__(self) -> None:
        self._keys = array("Q", bytes(8 * 1024))
        self._values = array("Q", bytes(8 * 1024))
        self._mask = 1023
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def _slot(self, h: int) -> int:
        keys, mask = self._keys, self._mask
        i = (h ^ (h >> 29)) & mask
        while True:
            found = keys[i]
            if found == h or not found:
                return i
            i = (i + 1) & mask

    def get(self, h: int) -> int | None:
        i = self._slot(h)
        return self._values[i] if self._keys[i] == h else None

    def put(self, h: int, value: int) -> None:
        """Map ``h`` (nonzero, below 2**64) to ``value``, unless it is there already."""
        i = self._slot(h)
        if self._keys[i] == h:
            return
        self._keys[i], self._values[i] = h, value
        self._size += 1
        if 2 * self._size > self._mask:
            self._grow()

    def has_any(self, hs: list[int]) -> bool:
        """Whether any of ``hs`` is a key (one loop, for the common case of none)."""
        keys, mask = self._keys, self._mask
        for h in hs:
            i = (h ^ (h >> 29)) & mask
            while True:
                found = keys[i]
                if found == h:
                    return True
                if not found:
                    break
                i = (i + 1) & mask
        return False

    def put_new(self, hs: list[int], values: list[int]) -> None:
        """:meth:`put` for keys known to be new and distinct (one loop)."""
        for h, value in zip(hs, values, strict=True):
            if 2 * (self._size + 1) > self._mask:
                self._grow()
            keys, mask = self._keys, self._mask
            i = (h ^ (h >> 29)) & mask
            while keys[i]:
                i = (i + 1) & mask
            keys[i] = h
            self._values[i] = value
            self._size += 1

    def _grow(self) -> None:
        old_keys, old_values = self._keys, self._values
        self._keys = array("Q", bytes(16 * len(old_keys)))
        self._values = array("Q", bytes(16 * len(old_keys)))
        self._mask = 2 * len(old_keys) - 1
        keys, values, mask = self._keys, self._values, self._mask
        for h, value in zip(old_keys, old_values, strict=True):
            if h:
                i = (h ^ (h >> 29)) & mask
                while keys[i]:
                    i = (i + 1) & mask
                keys[i], values[i] = h, value


class CompactIndex:
    """Mention ids as digests with their location (see the module docstring); ``id_at(packed)``
    gives back the id of the record at a location, or None when it cannot be read any more."""

    def __init__(self, id_at: Callable[[int], str | None]) -> None:
        self.exact = ExactIndex()
        self.hashed = HashMap()
        self.promoted: set[int] = set()
        """Digests whose mentions are kept exactly from now on."""
        self.id_at = id_at
        self.looks = 0
        """Second looks taken (each reads back one id)."""

    def _promote(self, key: int) -> None:
        """Move the mention hashed under ``key`` to the exact index."""
        self.promoted.add(key)
        packed = self.hashed.get(key)
        if packed is None:
            return
        self.looks += 1
        rid = self.id_at(packed)
        if rid is not None and digest(rid.casefold()) == key:
            self.exact.add(rid, packed)  # the first of its fold: nothing with that digest came before

    def add(self, rid: str, packed: int, hashable: bool = False) -> tuple[str, int] | None:
        fold = rid.casefold()
        key = digest(fold)
        if key not in self.promoted:
            if self.hashed.get(key) is not None:
                self._promote(key)
            elif hashable and rid == fold and rid not in self.exact.by_id and fold not in self.exact.folded:
                self.hashed.put(key, packed)
                return None
        return self.exact.add(rid, packed)

    def add_all(self, ids: list[str], packed: list[int], hashable: list[bool]) -> bool:
        exact, hashed, promoted = self.exact, self.hashed, self.promoted
        if not exact._fresh(ids):
            return False
        keys = [digest(rid) for rid in ids]  # each id is its own case-folded form here
        if len(set(keys)) != len(keys) or not promoted.isdisjoint(keys) or hashed.has_any(keys):
            return False
        if all(hashable):
            hashed.put_new(keys, packed)
            return True
        by_id = exact.by_id
        mention_keys, mention_packed = [], []
        for rid, key, where, compact in zip(ids, keys, packed, hashable, strict=True):
            if compact:
                mention_keys.append(key)
                mention_packed.append(where)
            else:
                by_id[rid] = where
        hashed.put_new(mention_keys, mention_packed)
        return True

    def peek(self, rid: str) -> int | None:
        return self.exact.by_id.get(rid)

    def get(self, rid: str) -> int | None:
        found = self.exact.by_id.get(rid)
        if found is None:
            key = digest(rid.casefold())
            if key not in self.promoted and self.hashed.get(key) is not None:
                self._promote(key)
                found = self.exact.by_id.get(rid)
        return found


__all__ = ["CompactIndex", "ExactIndex", "HashMap", "IdIndex", "digest"]
