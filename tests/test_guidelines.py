"""The guidelines define every label the models allow and the corpus uses."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

import communique
from communique import ontology
from communique.models import actor, attribution, document, event, mention, quantity, statement, time

GUIDELINES = Path(__file__).resolve().parents[1] / "docs" / "guidelines.md"

LABEL_SETS = {
    "actor type": actor.ActorType,
    "mention kind": mention.MentionKind,
    "event type": event.EventType,
    "argument role": event.ArgumentRole,
    "factuality": event.Factuality,
    "event link": event.Relation,
    "statement type": statement.SpeechAct,
    "quantity kind": quantity.QuantityKind,
    "qualifier": quantity.Qualifier,
    "unit": quantity.Unit,
    "source kind": attribution.SourceKind,
    "precision": time.Precision,
    "anchor": time.Anchor,
    "time rule": time.TimeRule,
    "time mod": time.TimeMod,
    "date source": time.DateSource,
}


def defined_labels() -> set[str]:
    return set(re.findall(r"^\| `([a-z_.]+)` \|", GUIDELINES.read_text(encoding="utf-8"), flags=re.M))


@pytest.mark.parametrize("name", sorted(LABEL_SETS))
def test_every_model_label_is_defined(name: str) -> None:
    labels = set(typing.get_args(LABEL_SETS[name]))
    missing = labels - defined_labels()
    assert not missing, f"{name} labels without a definition row in docs/guidelines.md: {sorted(missing)}"


def test_genre_labels_defined() -> None:
    genre = typing.get_args(document.Document.model_fields["genre"].annotation)
    assert set(genre) <= defined_labels()


def test_every_label_used_in_the_corpus_is_defined() -> None:
    corpus = communique.load()
    used = {a.type for a in corpus.actors}
    used |= {m.kind for m in corpus.mentions}
    for e in corpus.events:
        used |= {e.type, e.factuality, e.source.kind}
        used |= {a.role for a in e.arguments} | {ln.relation for ln in e.links}
        used |= {q.what for q in e.quantities} | {q.qualifier for q in e.quantities} | {q.unit for q in e.quantities}
        if e.time:
            used |= {e.time.precision, e.time.anchor, e.time.rule} | ({e.time.mod} if e.time.mod else set())
    used |= {s.type for s in corpus.statements}
    assert used, "the corpus uses no labels"
    assert not used - defined_labels(), sorted(used - defined_labels())


def test_guidelines_version_matches_corpus() -> None:
    version = re.search(r"^Version: (\S+)", GUIDELINES.read_text(encoding="utf-8"), flags=re.M)
    assert version is not None
    assert communique.load().info.guidelines_version == version.group(1)


def test_ontology_maps_every_label() -> None:
    assert set(ontology.EVENT_TYPES) == set(typing.get_args(event.EventType))
    assert set(ontology.ACTOR_TYPES) == set(typing.get_args(actor.ActorType))
    assert set(ontology.FACTUALITY) == set(typing.get_args(event.Factuality))
    assert set(ontology.ACLED_TIME_PRECISION) == set(typing.get_args(time.Precision)) == set(ontology.UCDP_DATE_PREC)


def test_guidelines_table_names_the_same_plover_category() -> None:
    text = GUIDELINES.read_text(encoding="utf-8")
    for label, mapping in ontology.EVENT_TYPES.items():
        row = re.search(rf"^\| `{re.escape(label)}` \|(.*)$", text, flags=re.M)
        assert row is not None
        if mapping.plover:
            assert mapping.plover in row.group(1), f"{label}: guidelines row does not name {mapping.plover}"
