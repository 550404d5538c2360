"""Read a rendered view back: the text of each column and, per drawn mark, where its pieces fall."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Drawn:
    """One mark as found in the page: its pieces' offsets and text, its layer and records."""

    n: str
    side: str
    layer: str = ""
    refs: list[str] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    pieces: list[tuple[int, str]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0][0] if self.pieces else -1

    @property
    def end(self) -> int:
        return self.pieces[-1][0] + len(self.pieces[-1][1]) if self.pieces else -1

    @property
    def text(self) -> str:
        return "".join(p for _, p in self.pieces)

    @property
    def owner(self) -> str:
        return self.refs[0]


class PageReader(HTMLParser):
    """Collect the text of every ``div.text`` and the pieces of every ``span.mk`` inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self.marks: dict[tuple[str, str], Drawn] = {}
        self.tags: list[tuple[str, dict[str, str]]] = []
        self._side: str | None = None
        self._current_side = ""
        self._stack: list[tuple[str, str | None]] = []
        self._depth_in_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "section" and "data-side" in a:
            self._current_side = a["data-side"]
        if self._side is None and tag == "div" and "text" in a.get("class", "").split():
            self._side = self._current_side
            self.texts[self._side] = ""
            self._depth_in_text = 0
            return
        if self._side is None:
            return
        self._depth_in_text += 1
        n = a.get("data-n") if tag == "span" else None
        self._stack.append((tag, n))
        if n is not None:
            drawn = self.marks.setdefault((self._side, n), Drawn(n=n, side=self._side))
            classes = set(a.get("class", "").split())
            drawn.classes |= classes
            drawn.layer = next((c[2:] for c in classes if c.startswith("L-")), "")
            drawn.refs = a.get("data-refs", "").split()

    def handle_endtag(self, tag: str) -> None:
        if self._side is None:
            return
        if self._depth_in_text == 0:
            self._side = None
            return
        self._depth_in_text -= 1
        self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._side is None:
            return
        offset = len(self.texts[self._side])
        self.texts[self._side] += data
        for _, n in self._stack:
            if n is not None:
                pieces = self.marks[(self._side, n)].pieces
                if pieces and pieces[-1][0] + len(pieces[-1][1]) == offset:
                    last = pieces.pop()
                    pieces.append((last[0], last[1] + data))
                else:
                    pieces.append((offset, data))


def read_page(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    return reader
