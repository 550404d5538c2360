"""The corpus as Hugging Face ``datasets``: one Dataset per config (extra ``hf``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .features import features
from .views import CONFIGS

if TYPE_CHECKING:
    from ..corpus import Corpus


def to_hf(corpus: Corpus | None = None) -> dict[str, Any]:
    """A mapping config name -> ``datasets.Dataset`` of the corpus (default: the packaged one).

    Configs: ``documents`` (one row per document, annotations nested), ``actors``,
    ``mentions``, ``events`` and ``statements``. Needs the ``hf`` extra
    (``pip install communique[hf]``).
    """
    try:
        import datasets
    except ImportError as exc:  # the optional extra is missing
        from ..errors import CommuniqueError

        raise CommuniqueError("to_hf needs the 'hf' extra: pip install 'communique[hf]'") from exc
    if corpus is None:
        from ..api import load

        corpus = load()
    out: dict[str, Any] = {}
    for cfg in CONFIGS:
        feats = features(cfg.tree())
        rows = cfg.rows(corpus)
        columns = {name: [row[name] for row in rows] for name in feats}  # from_list cannot make an empty set
        out[cfg.name] = datasets.Dataset.from_dict(columns, features=feats)
    return out
