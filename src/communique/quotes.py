"""Write spans as quotes, resolve them to offsets: nobody counts characters by hand.

In a document file being annotated, any span may be written as a *text quote* instead of
offsets, after the W3C Web Annotation TextQuoteSelector::

    {"quote": "Rubio"}                               # must occur exactly once
    {"quote": "Rubio", "occurrence": 2}              # the 2nd occurrence (1-based)
    {"quote": "Rubio", "prefix": "Secretary of State "}   # disambiguated by context
    {"quote": "Paris", "suffix": " for high"}

:func:`resolve_quotes` replaces each with ``{"start", "end", "text"}``. A quote that is not
found, or that matches more than one place, is an error naming the JSON path; it is never
guessed.
"""

from __future__ import annotations

from typing import Any

from .errors import SpanResolutionError

QUOTE_KEYS = frozenset({"quote", "occurrence", "prefix", "suffix"})


def quote_starts(text: str, quote: str, *, prefix: str | None = None, suffix: str | None = None) -> list[int]:
    """Every start offset where ``quote`` occurs with the given context, in text order."""
    starts = []
    before = len(prefix) if prefix is not None else 0
    index = text.find(quote) if quote else -1
    while index != -1:  # each candidate costs the length of its context, never the length of the text
        end = index + len(quote)
        if (prefix is None or (index >= before and text.startswith(prefix, index - before))) and (
            suffix is None or text.startswith(suffix, end)
        ):
            starts.append(index)
        index = text.find(quote, index + 1)
    return starts


def find_quote(
    text: str,
    quote: str,
    *,
    occurrence: int | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
) -> tuple[int, int]:
    """The (start, end) of the one place ``quote`` matches; SpanResolutionError otherwise."""
    if not quote:
        raise SpanResolutionError("empty quote: a span quote needs at least one character")
    starts = quote_starts(text, quote, prefix=prefix, suffix=suffix)
    context = "".join(f" {k}={v!r}" for k, v in (("prefix", prefix), ("suffix", suffix)) if v is not None)
    if not starts:
        raise SpanResolutionError(f"quote {quote!r}{context} does not occur in the text")
    if occurrence is not None:
        if not 1 <= occurrence <= len(starts):
            raise SpanResolutionError(
                f"quote {quote!r}{context} occurs {len(starts)} time(s); occurrence {occurrence} does not exist"
            )
        start = starts[occurrence - 1]
    elif len(starts) > 1:
        raise SpanResolutionError(
            f"quote {quote!r}{context} is ambiguous: it occurs {len(starts)} times "
            f"(at {', '.join(map(str, starts[:10]))}); add occurrence, prefix or suffix"
        )
    else:
        start = starts[0]
    return start, start + len(quote)


def _is_quote(node: dict[str, Any]) -> bool:
    return "quote" in node and set(node) <= QUOTE_KEYS


def _quote_type_error(node: dict[str, Any]) -> str | None:
    """What is wrong with the types in a quote span, if anything (data may hold any JSON)."""
    for key in ("quote", "prefix", "suffix"):
        if key in node and not isinstance(node[key], str):
            return f"{key} must be a string, found {type(node[key]).__name__}"
    occ = node.get("occurrence")
    if occ is not None and (isinstance(occ, bool) or not isinstance(occ, int)):
        return f"occurrence must be a whole number, found {type(occ).__name__}"
    return None


def resolve_quotes(node: Any, text: str, path: str = "$") -> tuple[Any, list[str]]:
    """Return ``node`` with every quote span resolved, and the errors (with JSON paths)."""
    errors: list[str] = []
    if isinstance(node, dict):
        if _is_quote(node):
            problem = _quote_type_error(node)
            if problem:
                return node, [f"{path}: {problem}"]
            try:
                occ = node.get("occurrence")
                start, end = find_quote(
                    text,
                    str(node["quote"]),
                    occurrence=occ if isinstance(occ, int) else None,
                    prefix=node.get("prefix"),
                    suffix=node.get("suffix"),
                )
            except SpanResolutionError as exc:
                return node, [f"{path}: {exc}"]
            return {"start": start, "end": end, "text": text[start:end]}, []
        out: dict[str, Any] = {}
        for key, value in node.items():
            out[key], errs = resolve_quotes(value, text, f"{path}.{key}")
            errors.extend(errs)
        return out, errors
    if isinstance(node, list):
        items = []
        for i, value in enumerate(node):
            item, errs = resolve_quotes(value, text, f"{path}[{i}]")
            items.append(item)
            errors.extend(errs)
        return items, errors
    return node, errors
