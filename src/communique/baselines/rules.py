"""The rule baseline: gazetteer and title mentions, lexicon triggers, date rules, speech cues.

Runs offline with no model and nothing learnt from the gold annotations:

- mentions and actors: :mod:`.rule_mentions`;
- events, arguments and times: :mod:`.rule_events`;
- statements: :mod:`.rule_statements`.
"""

from __future__ import annotations

from ..corpus import Corpus
from .builder import Prediction
from .rule_events import find_events
from .rule_mentions import find_mentions
from .rule_statements import find_statements


def predict(corpus: Corpus) -> Prediction:
    pred = Prediction(corpus, "rules")
    for doc in pred.docs:
        find_mentions(pred, doc)
        find_statements(pred, doc)
        find_events(pred, doc)
    return pred
