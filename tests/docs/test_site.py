"""The documentation site: built with ``mkdocs build --strict``, served on 127.0.0.1, looked at in Chromium."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from pages import DOCS, Site

pytestmark = pytest.mark.slow


def test_every_page_is_built(site: Site) -> None:
    built = {p.relative_to(site.folder).as_posix() for p in site.folder.rglob("index.html")}
    for page in DOCS.rglob("*.md"):
        rel = page.relative_to(DOCS).with_suffix("")
        want = "index.html" if rel.name == "index" and rel.parent == Path() else f"{rel.as_posix()}/index.html"
        want = want.replace("/index/index.html", "/index.html")
        assert want in built, f"{page} was not built"
    assert "WARNING" not in site.log


def test_the_api_reference_is_generated_from_the_docstrings(site: Site) -> None:
    from communique.offsets import to_utf16

    html = (site.folder / "api" / "offsets" / "index.html").read_text(encoding="utf-8")
    assert to_utf16.__doc__ and to_utf16.__doc__.split("(")[0] in html
    assert ":func:" not in html  # the reST roles of the docstrings are shown as code


@pytest.fixture
def served(site: Site) -> Iterator[str]:
    """The built site on a loopback port, as a browser reaches it (directory URLs need a server)."""
    handler = functools.partial(_Quiet, directory=str(site.folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


STYLED = """(() => {
  const header = document.querySelector('.md-header');
  const nav = document.querySelectorAll('.md-nav__link').length;
  return {header: header ? getComputedStyle(header).backgroundColor : null, nav,
          h1: document.querySelector('.md-content h1')?.firstChild.textContent.trim(),
          width: document.documentElement.scrollWidth, view: window.innerWidth};
})()"""


def _look(browser: Any, url: str, shot: Path) -> dict[str, Any]:
    browser.open_url(url)
    state: dict[str, Any] = browser.js(STYLED)
    failed = [e["params"] for e in browser.events if e["method"] == "Network.loadingFailed"]
    assert failed == [], f"{url}: resources that did not load: {failed}"
    assert state["header"] not in (None, "rgba(0, 0, 0, 0)"), f"{url}: the theme's stylesheet did not apply"
    assert state["nav"] > 10, f"{url}: no navigation"
    assert state["width"] <= state["view"], f"{url}: the page is wider than the window"
    browser.screenshot(shot, full_page=False)
    return state


def test_start_page_and_an_api_page_in_chromium(browser: Any, served: str, artifacts: Path) -> None:
    home = _look(browser, served, artifacts / "docs-start.png")
    assert home["h1"] == "Communiqué"
    api = _look(browser, served + "api/offsets/", artifacts / "docs-api-offsets.png")
    assert api["h1"] == "Spans and offsets"
    assert browser.js("document.querySelectorAll('.doc-function').length") >= 4  # to_utf16, from_utf16, ...
