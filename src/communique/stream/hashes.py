"""A compact set of 64-bit hashes: 8 bytes a slot in an open-addressing table, no object per entry.

Streaming validation keeps the ids no reference can name (mentions) only as hashes of their
case-folded form, in such a table; a hit sends the ids concerned to an exact second look.
"""

from __future__ import annotations

from array import array

_MASK = (1 << 64) - 1


def digest(key: str) -> int:
    """A 64-bit hash of ``key``, never 0: Python's string hash (keyed SipHash, cached on the string),
    the same for the life of the process, which is all the merger needs (it compares digests it
    computed itself, never across processes or runs)."""
    return hash(key) & _MASK or 1


class HashSet:
    """A set of nonzero 64-bit integers in an ``array('Q')`` with linear probing, at most half full."""

    def __init__(self) -> None:
        self._table = array("Q", bytes(8 * 1024))
        self._mask = 1023
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def _slot(self, h: int) -> int:
        """The slot holding ``h``, or the empty slot where it would go."""
        table, mask = self._table, self._mask
        i = (h ^ (h >> 29)) & mask
        while True:
            found = table[i]
            if found == h or not found:
                return i
            i = (i + 1) & mask

    def __contains__(self, h: int) -> bool:
        return self._table[self._slot(h)] == h

    def add(self, h: int) -> bool:
        """Add ``h`` (nonzero, below 2**64); False when it was already there."""
        i = self._slot(h)
        if self._table[i] == h:
            return False
        self._table[i] = h
        self._size += 1
        if 2 * self._size > self._mask:
            self._grow()
        return True

    def add_all(self, values: list[int]) -> int:
        """Add ``values`` in order up to the first one already there; how many were added."""
        table, mask = self._table, self._mask
        for n, h in enumerate(values):
            if 2 * (self._size + 1) > mask:
                self._grow()
                table, mask = self._table, self._mask
            i = (h ^ (h >> 29)) & mask
            while True:
                found = table[i]
                if not found:
                    break
                if found == h:
                    return n
                i = (i + 1) & mask
            table[i] = h
            self._size += 1
        return len(values)

    def _grow(self) -> None:
        old = self._table
        self._table = array("Q", bytes(16 * len(old)))
        self._mask = 2 * len(old) - 1
        table, mask = self._table, self._mask
        for h in old:
            if h:
                i = (h ^ (h >> 29)) & mask
                while table[i]:
                    i = (i + 1) & mask
                table[i] = h


__all__ = ["HashSet", "digest"]
