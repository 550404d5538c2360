"""The view in a real browser: headless Chromium, no network, screenshots kept in artifacts/."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import communique
from communique.baselines import write_baseline
from communique.corpus import Corpus
from communique.html import write_html
from communique.models import Event, Span

pytestmark = pytest.mark.slow

DOC = "mini_001"

HIGHLIGHTED = """(() => {
  const spans = {};
  document.querySelectorAll('[data-side="gold"] .mk.hl').forEach(e => {
    spans[e.dataset.n] = (spans[e.dataset.n] || '') + e.textContent;
  });
  return Object.values(spans);
})()"""


def center_of(browser: Any, selector: str) -> tuple[float, float]:
    box = browser.js(
        f"(() => {{ const e = document.querySelector({selector!r}); e.scrollIntoView({{block: 'center'}});"
        " const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"
    )
    return box[0], box[1]


def event_spans(ev: Event) -> list[Span]:
    spans = [*ev.triggers, *(q.span for q in ev.quantities), *(q.source.span for q in ev.quantities if q.source.span)]
    spans += [a.span for a in ev.arguments if a.span]
    spans += [s for s in (ev.time.span if ev.time else None, ev.place.span if ev.place else None, ev.source.span) if s]
    return list({(s.start, s.end): s for s in spans}.values())


def open_view(browser: Any, path: Path) -> None:
    browser.open(path)
    requests = [e["params"]["request"]["url"] for e in browser.events if e["method"] == "Network.requestWillBeSent"]
    assert requests == [path.resolve().as_uri()], f"the page loaded more than itself: {requests}"
    errors = [e for e in browser.events if e["method"] in ("Runtime.exceptionThrown", "Log.entryAdded")]
    assert not errors, f"the page reported errors (a blocked script or style?): {errors}"


def test_spans_are_visible_and_list_entries_highlight_their_spans(
    browser: Any, corpus: Corpus, tmp_path: Path, artifacts: Path
) -> None:
    page = write_html(tmp_path / "view.html", DOC, corpus)
    open_view(browser, page)
    doc = corpus.file(DOC)

    # Every drawn mark is on screen with a visible underline or background.
    looks = browser.js("""Array.from(document.querySelectorAll('[data-side="gold"] .mk.b')).map(e => {
        const s = getComputedStyle(e), r = e.getBoundingClientRect();
        return {layer: [...e.classList].find(c => c.startsWith('L-')), w: r.width, h: r.height,
                border: parseFloat(s.borderBottomWidth), color: s.borderBottomColor, bg: s.backgroundColor,
                weight: parseInt(s.fontWeight)};
    })""")
    assert len(looks) >= len(doc.mentions) + len(doc.events) + 2 * len(doc.statements)
    for look in looks:
        assert look["w"] > 0 and look["h"] > 0, look
        if look["layer"] == "L-content":
            assert look["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), look
        elif look["layer"] == "L-heading":
            assert look["weight"] >= 700, look
        else:
            assert look["border"] >= 2 and not look["color"].startswith("rgba("), look

    # Nested and crossing mentions stack: the longer underline lies below the shorter one.
    bottoms = browser.js("""Object.fromEntries(Array.from(document.querySelectorAll('.text .mk.L-mention.b'))
        .map(e => [e.dataset.refs.split(' ')[0], e.getBoundingClientRect().bottom]))""")
    by_text = {m.span.text: bottoms[m.id] for m in doc.mentions}
    assert by_text["New York Times"] >= by_text["New York"] + 4
    assert by_text["New York Times"] >= by_text["Times Square"] + 4

    # A real click on an actor's entry highlights exactly that actor's mentions and role titles.
    actor = "ana_oneil"
    browser.click(*center_of(browser, f'button[data-side="gold"][data-ref="{actor}"]'))
    expected = Counter(m.span.text for m in doc.mentions if m.actor == actor)
    expected.update(r.span.text for r in corpus.actor(actor).roles if r.document == DOC)
    assert Counter(browser.js(HIGHLIGHTED)) == expected
    style = browser.js("""(() => { const s = getComputedStyle(document.querySelector('.mk.hl'));
        return [s.backgroundColor, s.outlineStyle]; })()""")
    assert style == ["rgb(255, 225, 77)", "solid"]
    assert browser.js(f"document.querySelector('button[data-ref=\"{actor}\"]').getAttribute('aria-pressed')") == "true"
    browser.send("Emulation.setScrollbarsHidden", hidden=True)
    browser.js("window.scrollTo(0, 0)")
    shot = browser.screenshot(artifacts / "view-fixture.png")
    assert shot.stat().st_size > 10_000

    # An event's entry highlights its triggers, time, quantities, arguments, place and source.
    ev = doc.events[3]
    browser.click(*center_of(browser, f'button[data-side="gold"][data-ref="{ev.id}"]'))
    assert Counter(browser.js(HIGHLIGHTED)) == Counter(s.text for s in event_spans(ev))
    assert browser.js(f"document.querySelector('button[data-ref=\"{actor}\"]').getAttribute('aria-pressed')") == "false"

    # From the keyboard: Enter on a statement's entry; Escape clears.
    st = doc.statements[2]
    browser.js(f"document.querySelector('button[data-ref=\"{st.id}\"]').focus()")
    browser.key("Enter", 13)
    expected = Counter(s.text for s in (st.cue, st.content, st.speaker.span) if s is not None)
    assert Counter(browser.js(HIGHLIGHTED)) == expected
    browser.key("Escape", 27)
    assert browser.js(HIGHLIGHTED) == []


def test_focus_and_hover_show_the_details(browser: Any, corpus: Corpus, tmp_path: Path) -> None:
    open_view(browser, write_html(tmp_path / "view.html", DOC, corpus))
    doc = corpus.file(DOC)
    mention = doc.mentions[2]
    n = browser.js(f"document.querySelector('.mk[data-refs~=\"{mention.id}\"]').dataset.n")
    browser.js(f"document.querySelector('.mk[data-n=\"{n}\"][tabindex=\"0\"]').focus()")
    tip = browser.js("[document.getElementById('tip').hidden, document.getElementById('tip').textContent]")
    assert tip[0] is False
    assert mention.id in tip[1] and mention.actor in tip[1] and "participant" in tip[1]
    browser.key("Escape", 27)
    assert browser.js("document.getElementById('tip').hidden") is True

    ev = doc.events[3]
    x, y = center_of(browser, f'.mk.L-trigger[data-refs~="{ev.id}"]')
    browser.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
    text = browser.js("document.getElementById('tip').hidden ? '' : document.getElementById('tip').textContent")
    assert ev.id in text and ev.type in text and doc.statements[2].id in text, text

    # Clicking a span selects its record: the record's entry is pressed and all its spans light up.
    browser.click(x, y)
    assert browser.js(f"document.querySelector('button[data-ref=\"{ev.id}\"]').getAttribute('aria-pressed')") == "true"
    assert Counter(browser.js(HIGHLIGHTED)) == Counter(s.text for s in event_spans(ev))

    # Every focusable mark is reachable: one tab stop per mark, each described by the popover.
    stops = browser.js("document.querySelectorAll('.text .mk[tabindex=\"0\"][aria-describedby=\"tip\"]').length")
    marks = browser.js(
        "new Set(Array.from(document.querySelectorAll('.text .mk:not(.L-heading)')).map(e => e.dataset.n)).size"
    )
    assert stops == marks


def test_the_comparison_and_the_packaged_corpus_render_in_the_browser(
    browser: Any,
    corpus: Corpus,
    tmp_path: Path,
    artifacts: Path,
    make_pred: Callable[[Callable[[dict[str, Any]], None]], Path],
) -> None:
    def drop_and_retype(doc: dict[str, Any]) -> None:
        doc["mentions"] = doc["mentions"][:-1]
        doc["events"][0]["type"] = "contact.contact"

    open_view(browser, write_html(tmp_path / "cmp.html", DOC, corpus, make_pred(drop_and_retype)))
    columns = browser.js("""Array.from(document.querySelectorAll('section.doc')).map(s => {
        const r = s.getBoundingClientRect(); return [s.dataset.side, r.left, r.width]; })""")
    assert [c[0] for c in columns] == ["gold", "pred"]
    assert columns[1][1] >= columns[0][1] + columns[0][2], "the prediction stands beside the gold text"
    brackets = browser.js("""Array.from(document.querySelectorAll('.text .mk.st-missed, .text .mk.st-spurious'))
        .map(e => [e.classList.contains('st-missed'), getComputedStyle(e).borderTopStyle,
                   parseFloat(getComputedStyle(e).borderTopWidth)])""")
    assert brackets and all(w >= 2 for _, _, w in brackets)
    assert {(missed, style) for missed, style, _ in brackets} == {(True, "dashed"), (False, "dotted")}
    browser.click(*center_of(browser, "button.rec.st-missed"))
    assert browser.js("document.querySelectorAll('.mk.hl.st-missed').length") >= 1
    # The predicted records' entries highlight spans in the predicted column only.
    browser.js("document.querySelector('aside details:last-of-type').open = true")
    browser.click(*center_of(browser, 'button[data-side="pred"][data-ref="ana_oneil"]'))
    sides = browser.js(
        "Array.from(document.querySelectorAll('.text .mk.hl')).map(e => e.closest('section').dataset.side)"
    )
    assert sides and set(sides) == {"pred"}
    browser.js("window.scrollTo(0, 0)")
    browser.screenshot(artifacts / "view-compare.png")

    # The packaged corpus, alone and beside the rules baseline's predictions.
    packaged = communique.load()
    doc_id = packaged.documents[0].id
    open_view(browser, write_html(tmp_path / "packaged.html", doc_id))
    shown = browser.js("document.getElementById('text-gold').textContent")
    assert shown == packaged.file(doc_id).document.text
    browser.screenshot(artifacts / "view-packaged.png", full_page=False)
    write_baseline("rules", packaged, tmp_path / "rules")
    open_view(browser, write_html(tmp_path / "rules.html", doc_id, pred=tmp_path / "rules"))
    shown = browser.js("['text-gold', 'text-pred'].map(id => document.getElementById(id).textContent)")
    assert shown == [packaged.file(doc_id).document.text] * 2
    browser.screenshot(artifacts / "view-packaged-vs-rules.png", full_page=False)
