"""The HTML view of a document: its annotations drawn on the text, in one self-contained file.

>>> from communique.html import render_html, write_html
>>> page = render_html("000_bd8b5cfe7c34e604")                  # the packaged corpus
>>> write_html("view.html", "mini_001", corpus="tests/fixtures/mini", pred="predicted/")
"""

from __future__ import annotations

from .diff import SpanDiff, compare
from .render import UnknownDocumentError, render_html, write_html

__all__ = ["SpanDiff", "UnknownDocumentError", "compare", "render_html", "write_html"]
