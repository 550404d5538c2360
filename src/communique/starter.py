"""``communique init``: start an empty, valid corpus directory.

The new corpus has data/corpus.json (a name, version 0.1.0, the record format's and the
packaged guidelines' versions), an empty data/actors.json, data/documents/, seeds/ and a
README.md stub. It has no MANIFEST.json: a corpus being edited is not verified against one
until ``communique manifest DIR --write`` records it for a release.
"""

from __future__ import annotations

from pathlib import Path

from . import jsonio, reads, writes
from ._resources import bundle_root
from .errors import CommuniqueError
from .layout import ACTORS_FILE, CORPUS_FILE, DOCUMENTS_DIR, SEEDS_DIR, child
from .models import SCHEMA_VERSION

FIRST_VERSION = "0.1.0"
DEFAULT_LICENSE = "CC-BY-4.0"

_README = """# {name}

A corpus of events, actors and statements in the Communiqué record format
(record format {schema}, annotation guidelines {guidelines}).

- `communique add TEXT.txt` copies a source text into {seeds}/ and creates its annotation file;
- `communique resolve` turns quoted spans into offsets;
- `communique validate` checks every file; `communique show DOC_ID` shows one document;
- `communique docs guidelines` says where the annotation guidelines are.

Run them from this folder or any folder below it, or give this folder as their DIR.
"""


def guidelines_version() -> str:
    """The version of the annotation guidelines shipped with this package."""
    info = jsonio.loads(reads.read_node(child(bundle_root(), CORPUS_FILE), CORPUS_FILE))
    return str(info["guidelines_version"])


def init_corpus(root: Path, *, name: str | None = None, license: str = DEFAULT_LICENSE) -> Path:
    """Create an empty, valid corpus at ``root`` (absent or an empty folder); return ``root``.

    Refuses a folder that already holds a corpus or anything else, so nothing is replaced.
    """
    if root.exists() and not root.is_dir():
        raise CommuniqueError(f"cannot start a corpus at {root}: it is not a folder")
    if (root / CORPUS_FILE).is_file():
        raise CommuniqueError(f"{root} is already a corpus (it has {CORPUS_FILE}); nothing was written")
    if root.is_dir() and any(root.iterdir()):
        raise CommuniqueError(
            f"cannot start a corpus in {root}: the folder is not empty and is not a corpus; "
            "give an empty or new folder, e.g. `communique init new-corpus`"
        )
    name = name or root.absolute().name or "corpus"
    guidelines = guidelines_version()
    info = {
        "schema_version": SCHEMA_VERSION,
        "name": name,
        "version": FIRST_VERSION,
        "guidelines_version": guidelines,
        "license": license,
    }
    readme = _README.format(name=name, schema=SCHEMA_VERSION, guidelines=guidelines, seeds=SEEDS_DIR)
    writes.create_files(
        [
            (root / CORPUS_FILE, jsonio.dumps(info)),
            (root / ACTORS_FILE, jsonio.dumps({"schema_version": SCHEMA_VERSION, "actors": []})),
            (root / "README.md", readme),
        ]
    )
    writes.make_folder(root / DOCUMENTS_DIR)
    writes.make_folder(root / SEEDS_DIR)
    return root
