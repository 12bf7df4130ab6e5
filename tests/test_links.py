"""Served under the project sub-path, every internal link, asset and #fragment of every page resolves."""

from __future__ import annotations

import functools
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

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


def test_the_site_has_pages_to_check(site: Path, base_url: str) -> None:
    assert len(page_urls(site, base_url)) >= 9


def test_every_internal_link_asset_and_fragment_resolves(site: Path, base_url: str) -> None:
    broken = []
    for url in page_urls(site, base_url):
        status, html = fetched(url)
        assert status == 200, url
        broken += broken_refs(url, html, base_url)
    assert broken == []


def test_the_404_page_works_at_any_depth_below_the_sub_path(site: Path, base_url: str) -> None:
    """GitHub Pages answers an unknown address with 404.html, whatever the address's depth."""
    status, html = fetched(urljoin(base_url, "404.html"))
    assert status == 200 and "Page not found" in html
    assert broken_refs(urljoin(base_url, "no/such/page/"), html, base_url) == []


@pytest.mark.parametrize("ref", ["missing/", "introduction/#no-such-anchor", "../elsewhere/"])
def test_a_broken_reference_is_reported(base_url: str, ref: str) -> None:
    html = f'<a href="{ref}">x</a>'
    assert broken_refs(base_url, html, base_url) != []
