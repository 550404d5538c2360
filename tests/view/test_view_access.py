"""Basic accessibility of the view: contrast of the palette, labels, real buttons, a skip link."""

from __future__ import annotations

import re

from view_page import read_page

from communique.corpus import Corpus
from communique.html import render_html
from communique.html.ontology import ACTOR_TYPES, EVENT_FAMILIES
from communique.html.render import asset

CSS = asset("view.css")
WHITE = (255, 255, 255)
INK = (0x11, 0x11, 0x11)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def luminance(c: tuple[float, float, float]) -> float:
    def lin(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(c: tuple[int, int, int], base: tuple[int, int, int], share: float) -> tuple[float, float, float]:
    return tuple(share * x + (1 - share) * y for x, y in zip(c, base, strict=True))  # type: ignore[return-value]


def colours() -> dict[str, str]:
    """Every `.c-<category>` and `.L-<layer>` colour the stylesheet sets as --c."""
    return dict(re.findall(r"\.([cL]-[a-z_]+) \{ --c: (#[0-9a-f]{6});", CSS))


def test_every_actor_type_and_event_family_has_a_colour() -> None:
    found = colours()
    for name in [*ACTOR_TYPES, *EVENT_FAMILIES, "unknown"]:
        assert f"c-{name}" in found, f"no colour for {name}"


def test_underlines_stand_out_and_text_stays_readable_on_every_tint() -> None:
    band = rgb(re.search(r"\.L-content \{[^}]*background: (#[0-9a-f]{6})", CSS).group(1))  # type: ignore[union-attr]
    highlight = rgb(re.search(r"--hl: (#[0-9a-f]{6})", CSS).group(1))  # type: ignore[union-attr]
    assert contrast(INK, band) >= 7
    assert contrast(INK, highlight) >= 7
    for name, value in colours().items():
        c = rgb(value)
        assert contrast(c, WHITE) >= 3, f"{name} {value}: the underline is too faint against white (WCAG 1.4.11)"
        for base in (WHITE, band):
            assert contrast(INK, mix(c, base, 0.22)) >= 4.5, f"{name}: text on its tint is too faint (WCAG 1.4.3)"


def test_controls_are_real_buttons_and_links_with_labels(corpus: Corpus) -> None:
    page = render_html("mini_001", corpus)
    reader = read_page(page)
    tags = reader.tags
    assert ("html", {"lang": "en"}) in tags
    buttons = [a for t, a in tags if t == "button"]
    assert buttons and all(a.get("type") == "button" and a.get("aria-pressed") == "false" for a in buttons)
    assert re.findall(r'<button type="button"[^>]*>\s*</button>', page) == [], "every button has a text label"
    ids = {a["id"] for _, a in tags if "id" in a}
    for _, a in tags:
        for attr in ("aria-labelledby", "aria-describedby"):
            if attr in a:
                assert a[attr] in ids, f"{attr}={a[attr]} points at nothing"
    assert ("a", {"class": "skip", "href": "#text-gold"}) in tags and "text-gold" in ids
    assert any(t == "div" and a.get("role") == "tooltip" and a.get("id") == "tip" for t, a in tags)
    assert any(a.get("aria-live") == "polite" for _, a in tags)
    assert any(t == "aside" and a.get("aria-label") for t, a in tags)
    assert re.search(r"<main>.*</main>", page, flags=re.S)
