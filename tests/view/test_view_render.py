"""The rendered page: every annotation's span exactly once, escaped, self-contained."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest
from view_page import read_page

import communique
from communique.corpus import Corpus
from communique.html import UnknownDocumentError, render_html, write_html
from communique.models import DocumentFile, Span

DOC = "mini_001"


def expected_spans(corpus: Corpus, doc: DocumentFile) -> Counter[tuple[str, str, int, int]]:
    """(layer, owner, start, end) of every annotation span the view must draw, from the records alone."""
    out: Counter[tuple[str, str, int, int]] = Counter()
    mention_spans = {(m.span.start, m.span.end) for m in doc.mentions}

    def add(layer: str, owner: str, span: Span | None) -> None:
        if span is not None:
            out[(layer, owner, span.start, span.end)] += 1

    def pointer(layer: str, owner: str, span: Span | None) -> None:
        # A span that coincides with a mention is shown by the mention; others are drawn on their own.
        if span is not None and (span.start, span.end) not in mention_spans:
            add(layer, owner, span)

    for m in doc.mentions:
        add("mention", m.id, m.span)
    for actor in corpus.actors:
        for role in actor.roles:
            if role.document == doc.document.id:
                add("role", actor.id, role.span)
    for ev in doc.events:
        for span in ev.triggers:
            add("trigger", ev.id, span)
        add("time", ev.id, ev.time.span if ev.time else None)
        sources = set()
        for q in ev.quantities:
            add("quantity", ev.id, q.span)
            if q.source.span is not None and (q.source.span.start, q.source.span.end) not in sources:
                sources.add((q.source.span.start, q.source.span.end))
                pointer("source", ev.id, q.source.span)
        for arg in ev.arguments:
            pointer("argument", ev.id, arg.span)
        pointer("argument", ev.id, ev.place.span if ev.place else None)
        if ev.source.span is not None and (ev.source.span.start, ev.source.span.end) not in sources:
            pointer("source", ev.id, ev.source.span)
    for st in doc.statements:
        add("cue", st.id, st.cue)
        add("content", st.id, st.content)
        pointer("speaker", st.id, st.speaker.span)
    d = doc.document
    for span in d.headings:
        add("heading", d.id, span)
    for printed in (d.publisher, d.dateline):
        pointer("source", d.id, printed.span if printed else None)
    return out


def check_every_span_once(corpus: Corpus, doc_id: str, page: str) -> int:
    doc = corpus.file(doc_id)
    reader = read_page(page)
    assert reader.texts["gold"] == doc.document.text, "the view must show the whole text, unchanged"
    drawn: Counter[tuple[str, str, int, int]] = Counter()
    for d in reader.marks.values():
        if d.side != "gold":
            continue
        assert len(d.pieces) <= 1, f"{d.layer} {d.owner} is drawn in {len(d.pieces)} separate places"
        assert d.text == doc.document.text[d.start : d.end]
        drawn[(d.layer, d.owner, d.start, d.end)] += 1
    assert drawn == expected_spans(corpus, doc)
    return sum(drawn.values())


def test_every_span_of_the_fixture_is_drawn_exactly_once(corpus: Corpus) -> None:
    count = check_every_span_once(corpus, DOC, render_html(DOC, corpus))
    assert count >= len(corpus.mentions) + len(corpus.events) + 2 * len(corpus.statements)


def test_mentions_carry_their_actor_and_the_events_they_take_part_in(corpus: Corpus) -> None:
    reader = read_page(render_html(DOC, corpus))
    by_owner = {d.owner: d for d in reader.marks.values()}
    for m in corpus.file(DOC).mentions:
        assert m.actor in by_owner[m.id].refs
        assert f"c-{corpus.actor(m.actor).type}" in by_owner[m.id].classes
    for ev in corpus.file(DOC).events:
        for arg in ev.arguments:
            holders = [d for d in reader.marks.values() if (d.start, d.end) == (arg.span.start, arg.span.end)]  # type: ignore[union-attr]
            assert any(ev.id in d.refs for d in holders), f"{ev.id}: argument {arg.actor} is not linked to its span"


def test_the_packaged_corpus_renders_with_every_span_once() -> None:
    packaged = communique.load()
    assert packaged.documents
    for doc in packaged.documents:
        page = render_html(doc.id)
        check_every_span_once(packaged, doc.id, page)
        assert doc.id in page


def test_untrusted_text_and_names_are_escaped(corpus: Corpus) -> None:
    page = render_html(DOC, corpus)
    assert page.count("<script") == 1, "only the view's own script may be a script element"
    assert "<img" not in page and "<b>" not in page
    reader = read_page(page)
    assert [t for t, _ in reader.tags if t in ("img", "b", "iframe", "object", "embed", "script")] == ["script"]
    assert not [a for _, attrs in reader.tags for a in attrs if a.startswith("on")], "no inline event handler"
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page  # the actor name, escaped in its button
    assert 'Ana &quot;The Hawk&quot; O&#x27;Neil' in page
    assert "&lt;img src=x onerror=alert(1)&gt; delegation" in page
    assert "<title>Talks &quot;end&quot; &lt;b&gt;well&lt;/b&gt; &amp; quickly · Communiqué</title>" in page


def test_the_page_is_self_contained(corpus: Corpus) -> None:
    page = render_html(DOC, corpus)
    reader = read_page(page)
    for tag, attrs in reader.tags:
        assert "src" not in attrs, f"<{tag}> loads {attrs['src']}"
        assert tag != "link"
        href = attrs.get("href")
        if href is not None:
            assert href.startswith("#") or re.fullmatch(r"https://www\.wikidata\.org/wiki/Q[1-9]\d*", href), href
    assert "@import" not in page and "url(" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp and "default-src 'none'" in csp.group(1)
    for kind, body in re.findall(r"<(style|script)>(.*?)</\1>", page, flags=re.S):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp.group(1), f"the {kind} is not allowed by the page's policy"


def test_lists_have_a_button_per_record_and_wikidata_links(corpus: Corpus) -> None:
    reader = read_page(render_html(DOC, corpus))
    refs = Counter(a["data-ref"] for t, a in reader.tags if t == "button" and "data-ref" in a)
    doc = corpus.file(DOC)
    for record in [*doc.events, *doc.statements]:
        assert refs[record.id] == 1
    for m in doc.mentions:
        assert refs[m.actor] == 1
    links = {a["href"] for t, a in reader.tags if t == "a" and a.get("href", "").startswith("https:")}
    expected = {f"https://www.wikidata.org/wiki/{corpus.actor(m.actor).wikidata}" for m in doc.mentions}
    assert links == {link for link in expected if not link.endswith("None")}


def test_unknown_documents_and_write_html(corpus: Corpus, tmp_path: Path) -> None:
    with pytest.raises(UnknownDocumentError, match="no document 'nope'"):
        render_html("nope", corpus)
    out = write_html(tmp_path / "sub" / "view.html", DOC, corpus)
    assert out.read_text("utf-8") == render_html(DOC, corpus)
    assert communique.render_html is render_html
