"""Reading the documentation as the tests check it: pages, fenced blocks, quoted names and commands."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
README = ROOT / "README.md"

FENCE = re.compile(r"^```(?P<lang>[\w-]*)(?P<attrs>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.S | re.M)
TITLE = re.compile(r'title="([^"]+)"')


@dataclass(frozen=True)
class Site:
    """The site as ``mkdocs build --strict`` wrote it, with the build's time and log."""

    folder: Path
    seconds: float
    log: str


@dataclass(frozen=True)
class Block:
    lang: str
    title: str | None
    body: str


def pages() -> list[Path]:
    """README.md and every Markdown page of the site."""
    return [README, *sorted(DOCS.rglob("*.md"))]


def blocks(text: str) -> list[Block]:
    """The fenced code blocks of a page, in order."""
    out = []
    for m in FENCE.finditer(text):
        title = TITLE.search(m["attrs"])
        out.append(Block(m["lang"], title.group(1) if title else None, m["body"]))
    return out


def commands(text: str) -> list[list[str]]:
    """Every ``communique ...`` command quoted in a page: shell lines of code blocks and inline code."""
    lines = [line for b in blocks(text) if b.lang in ("sh", "bash", "console", "") for line in b.body.splitlines()]
    lines += re.findall(r"(?<!`)`(communique [^`]+)`", FENCE.sub("", text))
    out = []
    for line in lines:
        line = re.split(r"\s#\s|\s+#", line, maxsplit=1)[0]
        for part in line.split(" && "):
            part = part.strip().removeprefix("$ ").split(" > ")[0].split(" | ")[0]
            if part.startswith("communique "):
                out.append(shlex.split(part))
    return out


DOTTED = re.compile(r"\bcommunique(?:\.[A-Za-z_]\w*)+")


def dotted_names(text: str) -> set[str]:
    """Every ``communique.x.y`` name quoted in a page (code spans and code blocks; URLs left out)."""
    code = [b.body for b in blocks(text) if b.lang in ("python", "py", "pycon")]
    code += re.findall(r"(?<!`)`([^`\n]+)`", FENCE.sub("", text))
    names: set[str] = set()
    for snippet in code:
        for m in DOTTED.finditer(snippet):
            if snippet[m.end() : m.end() + 1] == "/" or snippet[max(0, m.start() - 1) : m.start()] in ("/", "."):
                continue  # a URL (communique.dev/...) or an attribute of something else
            names.add(m.group(0))
        for m in re.finditer(r"from (communique(?:\.\w+)*) import ([\w, ]+)", snippet):
            names.update(f"{m.group(1)}.{n.strip()}" for n in m.group(2).split(","))
    return names
