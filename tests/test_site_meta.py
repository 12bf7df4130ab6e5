"""What search engines and link previews read: sitemap, canonical URLs, robots.txt, descriptions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import CONFIG, ROOT
from mkdocs.config import load_config

# The address the tests' own build gets: mkdocs.yml's local default, unless SITE_URL is set.
SITE_URL = load_config(str(CONFIG)).site_url
ARTICLE_PAGES = sorted(p for p in (ROOT / "docs").glob("*.md") if not p.name.startswith("."))


class HeadTags(HTMLParser):
    """The <meta> and <link rel=canonical> of a page, by name or property."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and (key := found.get("name") or found.get("property")):
            self.meta[key] = found.get("content") or ""
        elif tag == "link" and found.get("rel") == "canonical":
            self.canonical = found.get("href")


def head_tags(path: Path) -> HeadTags:
    parser = HeadTags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def front_matter(page: Path) -> dict:
    return yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1])


def built(site: Path, page: Path) -> Path:
    return site / ("index.html" if page.stem == "index" else f"{page.stem}/index.html")


def address(page: Path) -> str:
    return SITE_URL if page.stem == "index" else f"{SITE_URL}{page.stem}/"


def test_the_sitemap_lists_every_page_under_the_site_url(site: Path) -> None:
    tree = etree.parse(site / "sitemap.xml")
    locations = {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert locations == {address(page) for page in ARTICLE_PAGES}


def test_robots_txt_points_at_the_sitemap_under_the_site_url(site: Path) -> None:
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines


@pytest.mark.parametrize("page", ARTICLE_PAGES, ids=lambda p: p.stem)
def test_each_page_names_its_canonical_url(site: Path, page: Path) -> None:
    assert head_tags(built(site, page)).canonical == address(page)


@pytest.mark.parametrize("page", ARTICLE_PAGES, ids=lambda p: p.stem)
def test_each_page_is_described_by_its_own_front_matter(site: Path, page: Path) -> None:
    meta = head_tags(built(site, page)).meta
    description = front_matter(page)["description"]
    assert meta["description"] == meta["og:description"] == description


@pytest.mark.parametrize("page", ARTICLE_PAGES, ids=lambda p: p.stem)
def test_each_page_previews_with_its_title_and_address(site: Path, page: Path) -> None:
    meta = head_tags(built(site, page)).meta
    title = front_matter(page).get("title")
    assert meta["og:url"] == address(page)
    assert meta["og:site_name"] in meta["og:title"]
    assert title is None or meta["og:title"].startswith(title)


def test_no_social_card_image_is_referenced(site: Path) -> None:
    pages = "".join(path.read_text(encoding="utf-8") for path in site.rglob("*.html"))
    assert not re.search(r'property="og:image"|name="twitter:image"', pages)


def test_the_404_page_is_built_with_addresses_from_the_site_root(site: Path) -> None:
    """404.html is served at any depth, so its links cannot be relative."""
    html = (site / "404.html").read_text(encoding="utf-8")
    assert f'href="{urlsplit(SITE_URL).path}assets/' in html
    assert not re.search(r'(href|src)="(\.\./|assets/)', html)


def test_the_404_page_is_described_as_a_reader_edition_of_the_article_by_its_title(site: Path) -> None:
    title = yaml.safe_load((ROOT / "docs" / ".article.yml").read_text(encoding="utf-8"))["title"]
    tags = head_tags(site / "404.html")
    assert tags.meta["description"] == f"A reader edition of the article “{title}”."
