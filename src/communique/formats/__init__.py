"""Converters between Communiqué and the field's formats, one module per format.

=========== ================================================================ ======= =======
format      what it is                                                       export  import
=========== ================================================================ ======= =======
oneie       OneIE / TextEE sentence windows (JSON Lines)                     yes     yes
brat        brat standoff (.txt, .ann, annotation.conf)                      yes     yes
labelstudio Label Studio tasks with predictions, and the labeling config     yes     yes
plover      PLOVER / POLECAT-shaped event projection (JSON Lines)            yes     no
=========== ================================================================ ======= =======

>>> from communique import formats
>>> formats.export("oneie", None, "out/oneie")         # the packaged corpus
>>> report = formats.import_("oneie", "out/oneie", "back")   # a corpus directory, validated

Nothing here is imported by ``import communique``; a format's module is imported when used.
What a format cannot hold goes to the export's sidecar (``communique-sidecar.json``), keyed by
record id, so importing an export gives the corpus back exactly; docs/formats.md has the
field-by-field tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from ..errors import CommuniqueError
from ..report import Report

if TYPE_CHECKING:
    from ..corpus import Corpus


@dataclass(frozen=True)
class Format:
    name: str
    summary: str
    exporter: str
    """Module with ``export(corpus) -> Export`` and ``FIELDS``."""
    importer: str | None
    """Module with ``read(src) -> Imported``; None for export-only formats."""


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("oneie", "OneIE / TextEE sentence windows (JSON Lines)", ".oneie", ".oneie_read"),
        Format("brat", "brat standoff (.txt, .ann, annotation.conf)", ".brat", ".brat_read"),
        Format("labelstudio", "Label Studio tasks with predictions, and the labeling config", ".labelstudio",
               ".labelstudio_read"),
        Format("plover", "PLOVER / POLECAT-shaped event projection (JSON Lines), export only", ".plover", None),
    )
}
"""The registry: every format by name."""


class FormatError(CommuniqueError):
    """An unknown format, or one that cannot be imported."""


def get(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise FormatError(f"no format {name!r}; the formats are {', '.join(FORMATS)}") from None


def module(name: str, part: str = "exporter") -> ModuleType:
    fmt = get(name)
    target = fmt.exporter if part == "exporter" else fmt.importer
    if target is None:
        raise FormatError(f"format {name!r} is export-only; the formats that import are "
                          f"{', '.join(f.name for f in FORMATS.values() if f.importer)}")
    return import_module(target, __name__)


def export(name: str, corpus: Corpus | str | Path | None, out: str | Path, *, force: bool = False) -> dict[str, int]:
    """Export ``corpus`` (a loaded Corpus, a corpus directory, or None: the packaged one) to the new folder ``out``.

    ``out`` must be absent or empty; with ``force``, an earlier export of the same format, unchanged since,
    is replaced (:mod:`communique.writes`). Nothing else is ever replaced.

    Returns the counts of what the export holds and dropped (also in the folder's report).
    """
    from ..api import load
    from ..corpus import Corpus
    from ._write import write_output

    loaded = corpus if isinstance(corpus, Corpus) else load(corpus)
    result = module(name).export(loaded)
    write_output(Path(out), result.files, command=f"export --format {name}", replace=force,
                 source=Path(corpus) if isinstance(corpus, Path | str) else None)
    summary: dict[str, int] = result.summary
    return summary


def import_(name: str, src: str | Path, out: str | Path, *, force: bool = False) -> Report:
    """Import ``src`` (in format ``name``) as the new corpus directory ``out`` and validate it.

    The report holds the findings about the input (codes E5xx, with file, line and record) and
    then the validator's findings about the corpus written. Nothing is written when the input
    has an error or gave no document.
    """
    from ..validation import validate
    from ._write import write_output

    source = Path(src)
    if not source.is_dir():
        raise FormatError(f"{source} is not a folder; expected a {name} export folder")
    imported = module(name, "importer").read(source)
    report: Report = imported.report
    if not imported.documents and report.ok:
        from ..codes import finding

        wanted = f"the files of a {name} export ({get(name).summary})"
        report.add(finding("E500", ".", "$", expected=wanted, name=str(source),
                           reason=f"no {name} document found; expected {wanted}"))
    if imported.documents and report.ok:
        write_output(Path(out), imported.files, command=f"import --format {name}", replace=force, source=source)
        report.extend(validate(Path(out), verify=False).findings)
    return report
