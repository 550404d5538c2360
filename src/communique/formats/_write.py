"""The one place the format converters write: a whole output folder, appearing whole or not at all.

Every export and import builds its files in memory and hands them here; :func:`communique.writes.write_folder`
fills a temporary folder beside the target and swaps it into place. A target that exists and is
not empty is refused unless it is an earlier, unchanged output of the same command and ``--force``
was given: the converters never replace or delete anything they did not write.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .. import writes


def write_output(
    target: Path, files: Mapping[str, bytes | str], *, command: str, replace: bool = False, source: Path | None = None
) -> None:
    """Write ``files`` (relative POSIX name -> content) as the folder ``target``: new, or with ``replace``
    an earlier unchanged output of the same ``command``."""

    def fill(tmp: Path) -> None:
        for rel, data in files.items():
            writes.write_file(tmp.joinpath(*rel.split("/")), data)

    writes.write_folder(target, fill, command=command, replace=replace, source=source)
