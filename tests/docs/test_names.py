"""Every ``communique.*`` name and every ``communique ...`` command quoted in README.md and docs/ works."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pages import DOCS, README, commands, dotted_names, pages

from communique.cli import COMMANDS


def resolve(name: str) -> Any:
    """``name`` as a user's code reaches it: import its longest module prefix (as ``import a.b`` does),
    then walk from the package by getattr, so a function that hides a module of its name is seen."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            importlib.import_module(".".join(parts[:cut]))
            break
        except ModuleNotFoundError:
            continue
    obj: Any = importlib.import_module(parts[0])
    for attr in parts[1:]:
        obj = getattr(obj, attr)
    return obj


def _quoted() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in pages():
        for name in dotted_names(page.read_text(encoding="utf-8")):
            found.setdefault(name, []).append(page.name)
    return found


NAMES = _quoted()


def test_the_pages_quote_names_at_all() -> None:
    assert {"communique.load", "communique.validate", "communique.offsets.to_utf16"} <= NAMES.keys()


@pytest.mark.parametrize("name", sorted(NAMES))
def test_quoted_name_resolves(name: str) -> None:
    try:
        resolve(name)
    except (ImportError, AttributeError) as exc:
        pytest.fail(f"{name} (quoted in {', '.join(NAMES[name])}) does not resolve: {exc}")


def test_the_resolver_fails_on_a_wrong_name() -> None:
    with pytest.raises(AttributeError):
        resolve("communique.offsets.to_utf32")
    with pytest.raises(AttributeError):
        resolve("communique.no_such_thing")
    if callable(resolve("communique.validate")) and not hasattr(resolve("communique.validate"), "__path__"):
        assert resolve("communique.validate").__name__ == "validate"  # the function, not a module


def _subcommands() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in pages():
        for argv in commands(page.read_text(encoding="utf-8")):
            sub = next((a for a in argv[1:] if not a.startswith("-")), "")
            found.setdefault(sub, []).append(page.name)
    return found


SUBCOMMANDS = _subcommands()


def test_every_quoted_command_is_a_subcommand() -> None:
    unknown = {sub: where for sub, where in SUBCOMMANDS.items() if sub and sub not in COMMANDS}
    assert unknown == {}
    assert {"validate", "add", "resolve", "build", "schema"} <= SUBCOMMANDS.keys()


@cache
def _help(sub: str) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "communique", *([sub] if sub else []), "--help"]
    return subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60)


@pytest.mark.parametrize("sub", sorted(SUBCOMMANDS))
def test_quoted_command_has_help(sub: str) -> None:
    done = _help(sub)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: communique {sub}".rstrip())


def test_every_option_quoted_with_a_command_exists() -> None:
    missing = []
    for page in pages():
        for argv in commands(page.read_text(encoding="utf-8")):
            sub = next((a for a in argv[1:] if not a.startswith("-")), "")
            usage = _help(sub).stdout
            missing += [f"{page.name}: {' '.join(argv)}: {a}" for a in argv if a.startswith("--") and a not in usage]
    assert missing == []


LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_readme_links_resolve() -> None:
    text = README.read_text(encoding="utf-8")
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        path = target.split("#", 1)[0]
        if path and not (README.parent / path).exists():
            broken.append(target)
    assert broken == []


def test_pages_are_found() -> None:
    assert README in pages() and DOCS / "index.md" in pages()
    assert all(isinstance(p, Path) for p in pages())
