"""MkDocs hooks (mkdocs.yml ``hooks:``): show the docstrings' reST markup as plain code in the site.

The docstrings are written for ``help()`` and Sphinx-style readers: ``:func:`name``` roles and
``text::`` before a literal block. In the API pages the role prefix is dropped (the name stays a
code span, ``~a.b.C`` shown as ``C``) and a paragraph ending in ``::`` ends in one colon, as
Sphinx shows them.
"""

from __future__ import annotations

import re
from typing import Any

ROLE = re.compile(r":(?:func|class|mod|meth|attr|data|exc|obj|const|py:\w+):<code>(~?)([^<]*)</code>")
DOUBLE_COLON = re.compile(r"::</p>")


def _role(m: re.Match[str]) -> str:
    name = m.group(2).rsplit(".", 1)[-1] if m.group(1) else m.group(2)  # ~a.b.C shows C, as Sphinx does
    return f"<code>{name}</code>"


def on_page_content(html: str, **kwargs: Any) -> str:
    return DOUBLE_COLON.sub(":</p>", ROLE.sub(_role, html))
