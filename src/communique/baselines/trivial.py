"""The trivial baseline: every capitalised token sequence is a person.

Each maximal run of capitalised words on one line ('Secretary of State Marco Rubio' gives
'Secretary' and 'State Marco Rubio') is a name mention of a person actor named by its text;
the same text in any document is the same actor. No events, times or statements.
"""

from __future__ import annotations

from ..corpus import Corpus
from ..text import capitalised_sequences
from .builder import Prediction


def predict(corpus: Corpus) -> Prediction:
    pred = Prediction(corpus, "trivial")
    for doc in pred.docs:
        for start, end in capitalised_sequences(doc.text):
            pred.mention(doc, start, end, pred.actor(doc.text[start:end], "person"))
    return pred
