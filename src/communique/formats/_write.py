"""The one place the format converters write: a whole output folder, appearing whole or not at all.

Every export and import builds its files in memory and hands them here; the folder is filled in a
temporary folder beside the target and renamed into place (:func:`communique.release.folder.write_folder`),
each file written with :func:`communique.jsonio.write_atomic`. A target that exists and is not empty
is refused: the converters never replace or delete anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..jsonio import write_atomic
from ..release.folder import OutputError, write_folder


def write_output(target: Path, files: Mapping[str, bytes | str]) -> None:
    """Write ``files`` (relative POSIX name -> content) as the new folder ``target``."""
    if target.is_dir() and any(target.iterdir()):
        raise OutputError(f"refusing to write into {target}: it is not empty, and nothing is ever replaced; "
                          "give a new folder")

    def fill(tmp: Path) -> None:
        for rel, data in files.items():
            write_atomic(tmp.joinpath(*rel.split("/")), data)

    write_folder(target, fill, replaceable=lambda _: False)
