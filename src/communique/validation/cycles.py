"""E205 cycles: an event that is (transitively) part of itself, a group that contains itself."""

from __future__ import annotations

from ..codes import finding
from ..report import Finding

CODES = ("E205",)

Edge = tuple[str, str, str, str]
"""(from id, to id, file, JSON path of the link)."""


def find_cycles(edges: list[Edge]) -> list[list[Edge]]:
    """Cycles found by an iterative depth-first search, each reported once (by its set of nodes)."""
    graph: dict[str, list[Edge]] = {}
    for edge in edges:
        graph.setdefault(edge[0], []).append(edge)
    seen: set[frozenset[str]] = set()
    found: list[list[Edge]] = []
    done: set[str] = set()
    for root in sorted(graph):
        if root in done:
            continue
        on_stack = {root: 0}
        path: list[Edge] = []
        todo = [iter(graph.get(root, []))]
        while todo:
            step = next(todo[-1], None)
            if step is None:
                todo.pop()
                node = path.pop()[1] if path else root
                on_stack.pop(node, None)
                done.add(node)
                continue
            edge = step
            nxt = edge[1]
            if nxt in on_stack:
                cycle = [*path[on_stack[nxt] :], edge]
                key = frozenset(e[0] for e in cycle)
                if key not in seen:
                    seen.add(key)
                    found.append(cycle)
            elif nxt not in done:
                on_stack[nxt] = len(path) + 1
                path.append(edge)
                todo.append(iter(graph.get(nxt, [])))
    return found


def check(out: list[Finding], edges: list[Edge], what: str) -> None:
    """E205 for every cycle among ``edges`` (``what`` names the links: 'part_of links')."""
    for cycle in find_cycles(edges):
        first = min(cycle, key=lambda e: e[0])
        chain = " -> ".join([e[0] for e in cycle] + [cycle[0][0]])
        out.append(finding("E205", first[2], first[3], record=first[0], expected="no cycle", found=chain,
                           what=what, chain=chain))
