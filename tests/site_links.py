"""Checking a served site's internal links: every link, asset and #fragment of a page must resolve."""

from __future__ import annotations

import functools
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

LINK_ATTRIBUTES = {"href", "src"}


@dataclass
class PageRefs(HTMLParser):
    """The URLs a page refers to and the fragment targets (ids, names) it offers."""

    urls: list[str] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in LINK_ATTRIBUTES and not (tag == "link" and ("rel", "canonical") in attrs):
                self.urls.append(value)
            elif name == "id" or (tag == "a" and name == "name"):
                self.anchors.add(value)


def page_refs(html: str) -> PageRefs:
    parser = PageRefs()
    parser.feed(html)
    return parser


@functools.cache
def fetched(url: str) -> tuple[int, str]:
    """HTTP status and (for HTML) body of ``url``."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            kind = response.headers.get_content_type()
            return response.status, response.read().decode("utf-8") if kind == "text/html" else ""
    except urllib.error.HTTPError as error:
        return error.code, ""


def page_urls(site: Path, base_url: str) -> list[str]:
    """The served address of every HTML page of the built site."""
    return [urljoin(base_url, path.relative_to(site).as_posix().removesuffix("index.html"))
            for path in sorted(site.rglob("*.html"))]


def broken_refs(page_url: str, html: str, base_url: str) -> list[str]:
    """The internal references of a page, read as if served at ``page_url``, that do not resolve."""
    broken = []
    for ref in page_refs(html).urls:
        target = urljoin(page_url, ref)
        if urlsplit(target).scheme not in ("http", "https") or urlsplit(target).netloc != urlsplit(base_url).netloc:
            continue
        address, fragment = urldefrag(target)
        status, body = fetched(address)
        if status != 200 or not address.startswith(base_url):
            broken.append(f"{page_url}: {ref} -> HTTP {status}")
        elif fragment and fragment not in page_refs(body).anchors:
            broken.append(f"{page_url}: {ref} -> no #{fragment}")
    return broken


def broken_links(site: Path, base_url: str) -> list[str]:
    """Every page of ``site`` served at ``base_url``, checked: the references that do not resolve."""
    broken = []
    for url in page_urls(site, base_url):
        status, html = fetched(url)
        broken += [f"{url}: HTTP {status}"] if status != 200 else broken_refs(url, html, base_url)
    return broken
