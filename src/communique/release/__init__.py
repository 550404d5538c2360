"""The release: the corpus as a folder laid out like a Hugging Face Hub dataset repository.

:func:`communique.release.build.build` writes it; :func:`to_hf` gives the same configs as
in-memory ``datasets``. Heavy libraries (datasets, pyarrow) are imported inside the functions
that use them.
"""

from __future__ import annotations

from .hf import to_hf
from .views import CONFIG_NAMES, CONFIGS, SPLIT

__all__ = ["CONFIGS", "CONFIG_NAMES", "SPLIT", "to_hf"]
