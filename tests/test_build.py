"""The real ``mkdocs build --strict``: pages, navigation and footnotes as a reader sees them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml
from conftest import CONCLUSIONS, MUTATION, ROOT, SECTIONS


class Footnotes(HTMLParser):
    """Collects a page's note markers (shown number → target id) and footnote list items."""

    def __init__(self) -> None:
        super().__init__()
        self.markers: list[tuple[str, str]] = []
        self.items: dict[str, str] = {}
        self.ids: set[str] = set()
        self._in_marker: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("class") == "footnote-ref":
            self._in_marker = attributes["href"]
        if tag == "li" and (attributes.get("id") or "").startswith("fn:"):
            self.items[attributes["id"]] = attributes.get("value", "")

    def handle_data(self, data: str) -> None:
        if self._in_marker:
            self.markers.append((data, self._in_marker))
            self._in_marker = None


def footnotes(page: Path) -> Footnotes:
    parser = Footnotes()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def article_pages(site: Path) -> list[Path]:
    nav = yaml.safe_load((ROOT / "docs" / ".article.yml").read_text(encoding="utf-8"))["nav"]
    return [site / (Path(path).stem + "/index.html" if path != "index.md" else "index.html")
            for group in nav for pages in group.values() for page in pages for path in page.values()]


def test_every_page_in_the_navigation_is_built(site):
    pages = article_pages(site)
    assert len(pages) >= 8
    assert all(page.is_file() for page in pages), [str(p) for p in pages if not p.is_file()]


def test_every_note_marker_shows_the_article_number_and_links_to_its_footnote_on_the_same_page(site):
    shown: dict[str, list[int]] = {}
    for page in article_pages(site):
        notes = footnotes(page)
        for number, href in notes.markers:
            assert href == f"#fn:{number}", (page, number, href)
            assert href[1:] in notes.ids and notes.items[href[1:]] == number, (page, number)
            shown.setdefault("print" if page.parent.name == "print" else "sections", []).append(int(number))
    assert shown == {"sections": list(range(1, 12)), "print": list(range(1, 12))}


def test_the_footnote_list_of_a_later_section_starts_at_the_article_number(site):
    page = site / MUTATION / "index.html"
    html = page.read_text(encoding="utf-8")
    assert re.search(r'<li [^>]*id="fn:6" value="6">', html)
    assert 'title="Back to note 6 in the text"' in html


def test_the_site_is_named_after_the_article(site):
    html = (site / CONCLUSIONS / "index.html").read_text(encoding="utf-8")
    assert "<title>Conclusions - Shining Path and its Alliance with Drug Trafficking in the VRAEM</title>" in html


def test_the_navigation_follows_the_article_order(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    order = [html.index(f'href="{slug}/"') for slug in (
        *SECTIONS, "notes", "about")]
    assert order == sorted(order)
