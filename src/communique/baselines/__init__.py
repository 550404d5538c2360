"""Baseline systems: they read a corpus's texts and write a predicted corpus to be scored.

- ``trivial``: every capitalised token sequence is a person (:mod:`.trivial`).
- ``rules``: a hand-written gazetteer of countries, cities and international bodies, title
  patterns for people, a trigger lexicon for event types, date rules and speech cues
  (:mod:`.rules`). Offline, no model, nothing learnt from the gold annotations.

Both read only the document texts and document records (with the publication date, as
TempEval gives systems the document creation time), never the gold mentions, events or actors.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..corpus import Corpus
from .builder import Prediction

BASELINES: dict[str, str] = {
    "trivial": "every capitalised token sequence is a person",
    "rules": "gazetteer, title patterns, trigger lexicon, date rules and speech cues",
}
"""Baseline names and one-line descriptions."""


def predict(name: str, corpus: Corpus) -> Prediction:
    """Run baseline ``name`` over ``corpus``; KeyError for an unknown name."""
    if name not in BASELINES:
        raise KeyError(f"unknown baseline {name!r}; expected one of {', '.join(BASELINES)}")
    module = importlib.import_module(f"{__name__}.{name}")
    prediction: Prediction = module.predict(corpus)
    return prediction


def write_baseline(
    name: str, corpus: Corpus, out: Path, *, force: bool = False, source: Path | None = None
) -> Prediction:
    """Run baseline ``name`` over ``corpus`` and write the predicted corpus to ``out``.

    ``force`` replaces an earlier, unchanged output of a baseline at ``out``; nothing else is ever
    replaced, and never the folder ``source`` the corpus was read from (:func:`communique.writes.write_folder`)."""
    prediction = predict(name, corpus)
    prediction.write(out, {d.seed: d.text for d in corpus.documents}, force=force, source=source)
    return prediction


__all__ = ["BASELINES", "Prediction", "predict", "write_baseline"]
