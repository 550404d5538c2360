"""The gold corpus: pinned counts and sample records (first, middle, last), so any change shows."""

from __future__ import annotations

from collections import Counter

import pytest

import communique
from communique.corpus import Corpus

DOC = "000_bd8b5cfe7c34e604"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return communique.load()


def test_counts(corpus: Corpus) -> None:
    assert (len(corpus.documents), len(corpus.actors), len(corpus.mentions)) == (1, 47, 223)
    assert (len(corpus.events), len(corpus.statements)) == (55, 25)
    assert sum(len(e.triggers) for e in corpus.events) == 100
    assert sum(len(e.arguments) for e in corpus.events) == 127
    assert sum(e.time is not None for e in corpus.events) == 29
    assert sum(e.place is not None for e in corpus.events) == 15
    assert sum(len(e.links) for e in corpus.events) == 45
    assert sum(len(s.about) for s in corpus.statements) == 47
    assert Counter(e.source.kind for e in corpus.events) == {"author": 39, "named": 13, "unnamed": 3}
    assert Counter(m.kind for m in corpus.mentions) == {"name": 160, "nominal": 40, "pronoun": 23}
    assert corpus.file(DOC).status == "adjudicated"


def test_document_record(corpus: Corpus) -> None:
    doc = corpus.document(DOC)
    assert doc.sha256 == "5022d98ac082d4242edb1f7c0cca92e34596214040968e85d6a8f6e7b0f3e7b7"
    assert doc.publisher is not None and doc.publisher.value == "Brussels Morning Newspaper"
    assert doc.dateline is not None and doc.dateline.value == "Paris"
    assert doc.published is not None
    assert (doc.published.value, doc.published.precision, doc.published.source) == ("2025-04-17", "day", "inferred")
    assert next(s.text for s in doc.published.evidence) == "on Sunday April 13, 2025"
    assert len(doc.text) == 5895 and doc.title is None


def test_sample_mentions(corpus: Corpus) -> None:
    ms = corpus.mentions
    assert (ms[0].id, ms[0].actor, ms[0].span.text, ms[0].kind) == (f"{DOC}-m001", "paris", "Paris", "name")
    assert (ms[111].actor, ms[111].span.start, ms[111].span.text) == ("donald_trump", 2819, "Donald Trump")
    assert (ms[-1].actor, ms[-1].span.text, ms[-1].kind) == ("iran_nuclear_facilities", "nuclear facilities", "nominal")
    witkof = [m for m in ms if m.span.text == "SteveWitkof"]
    assert [m.actor for m in witkof] == ["steve_witkoff"]
    moscow = [m for m in ms if m.span.text == "Moscow"]
    assert {m.actor for m in moscow} == {"russia"} and all(m.metonymy for m in moscow)


def test_conflicting_casualty_figures_kept_side_by_side(corpus: Corpus) -> None:
    deaths = [e for e in corpus.events if e.type == "life.die" and any(p.actor == "sumy" for p in [e.place] if p)]
    assert len(deaths) == 1
    figures = {(q.value, q.qualifier, q.source.kind, q.span.text) for q in deaths[0].quantities}
    assert figures == {(35, "almost", "unnamed", "almost 35"), (35, "at_least", "author", "at least 35")}
    assert deaths[0].time is not None and deaths[0].time.value == "2025-04-13"


def test_relative_times(corpus: Corpus) -> None:
    by_trigger = {t.text: e for e in corpus.events for t in e.triggers}
    oman = by_trigger["discussions"]
    assert oman.time is not None and (oman.time.value, oman.time.rule) == ("2025-04-12", "relative_weekday")
    putin = next(e for e in corpus.events if any(a.actor == "vladimir_putin" for a in e.arguments))
    assert putin.time is not None and (putin.time.value, putin.time.precision) == ("2025-W15", "week")
    dnipro = by_trigger["attack"]
    assert dnipro.time is not None and dnipro.time.value == "2025-04-16/2025-04-17"


def test_sample_events_and_statements(corpus: Corpus) -> None:
    first, last = corpus.events[0], corpus.events[-1]
    assert (first.type, first.triggers[0].text) == ("movement.travel", "in")
    assert (last.id, last.type, last.triggers[0].text) == (f"{DOC}-e56", "contact.broadcast", "announced")
    s = corpus.statements
    assert (s[0].speaker.actor, s[0].cue.text, s[0].type) == ("french_presidency", "indicated", "assert")
    quote = next(x for x in s if x.direct and x.speaker.actor == "dmitry_peskov")
    assert quote.content.text.startswith("The United States is continuing")
    assert (s[-1].speaker.actor, s[-1].cue.text, s[-1].type) == ("donald_trump", "stated", "demand")
    assert (s[-1].about, s[-1].addressees) == ([f"{DOC}-e55"], [])
    assert all(corpus.event(e).document == DOC for x in s for e in x.about)


def test_corrections_of_the_audit(corpus: Corpus) -> None:
    """Records 0.2.0 changed after the audit (agreement/audit/decisions.md), one per kind of fix."""
    ids = {e.id for e in corpus.events}
    assert f"{DOC}-e05" not in ids and f"{DOC}-e56" in ids  # I1, M2
    roles = {(a.role, a.actor, a.span.text if a.span else None) for a in corpus.event(f"{DOC}-e19").arguments}
    assert ("agent", "russia", "Russia") in roles  # P2
    sybiha = next(a for a in corpus.event(f"{DOC}-e12").arguments if a.actor == "andrii_sybiha")
    assert sybiha.span is not None and sybiha.span.text == "Andrii Sybiha"  # P3
    call = corpus.event(f"{DOC}-e07").time
    assert call is not None and (call.value, call.mod) == ("2025-04-17", None)  # P8
    proposal = corpus.event(f"{DOC}-e26").time
    assert proposal is not None and (proposal.value, proposal.precision) == ("2025-03", "month")  # M5
    talks = {(ln.relation, ln.event) for ln in corpus.event(f"{DOC}-e02").links}
    assert (("caused_by", f"{DOC}-e16")) in talks  # P7
    urged = next(x for x in corpus.statements if x.cue.text == "urged")
    assert urged.about == []  # P15
    assert next(a for a in corpus.actors if a.id == "p5_plus_1").members == []  # P22
