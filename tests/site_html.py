"""Reading the built site's HTML in tests: paragraph texts by anchor, links, headings, quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

SPACE = re.compile(r"\s+")
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    links: list[str] = field(default_factory=list)


class Collector(HTMLParser):
    """Collects the ids of a page and, for chosen tags, their text (without footnote markers)."""

    def __init__(self, tags: set[str]) -> None:
        super().__init__()
        self.tags, self.ids, self.elements = tags, set(), []
        self.open: list[Element] = []
        self.skip = 0
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "sup":
            self.skip += 1
        if tag in self.tags:
            self.open.append(Element(tag, attrs))
        if tag == "a" and "href" in attrs:
            for element in self.open:
                element.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:
            closed = self.stack.pop()
            if closed == "sup":
                self.skip -= 1
            if closed in self.tags and self.open:
                element = self.open.pop()
                element.text = SPACE.sub(" ", element.text).strip()
                self.elements.append(element)
            if closed == tag:
                break

    def handle_data(self, data):
        if not self.skip:
            for element in self.open:
                element.text += data


def read(site: Path, page: str, tags: set[str] = frozenset()) -> Collector:
    """The page at ``page`` (a URL path below the site, e.g. "timeline/") parsed."""
    path = site / page.strip("/") / "index.html" if not page.endswith(".html") else site / page
    collector = Collector(set(tags))
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def paragraph(site: Path, page: str, anchor: str) -> str:
    """The text a reader sees in paragraph ``#anchor`` of ``page`` (footnote markers left out)."""
    found = [e for e in read(site, page, {"p"}).elements if e.attrs.get("id") == anchor]
    assert found, f"no paragraph #{anchor} on {page}"
    return found[0].text


def target(page: str, href: str) -> tuple[str, str]:
    """The site page and anchor a relative link on ``page`` points to."""
    url = urlsplit(urljoin("/" + page.strip("/") + "/", href))
    return url.path.strip("/") + "/" if url.path.strip("/") else "", url.fragment
