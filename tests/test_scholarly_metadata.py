"""What reference managers and scholarly search engines read from the built pages' heads.

Zotero reads the ``citation_*`` meta tags only (never the JSON-LD), through its "Embedded Metadata"
translator. CI cannot run Zotero, so the rules of that translator that decide what it saves are
ported below, from zotero/translators "Embedded Metadata.js" (processHighwireCreators, the
HIGHWIRE_MAPPINGS table and the tags addHighwireMetadata reads besides) and zotero/utilities
utilities.js (cleanAuthor), and checked against what Zotero's translation-server saved from the
pages during development. Google Scholar reads the article's one landing page, home; the works
the article cites are listed there and on the print edition (scripts/hooks/metadata.py).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import INTRODUCTION, MUTATION, ROOT
from site_html import paragraph, read

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
ORIGINAL = CONFIG["extra"]["article"]["source_url"]


def site_url() -> str:
    """The address the built site was made for, as MkDocs reads mkdocs.yml (``!ENV`` included)."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml")).site_url
INSTITUTION = "Centro de Estudios Estratégicos del Ejército del Perú"
TITLE = "Shining Path and its Alliance with Drug Trafficking in the VRAEM"
BOOK = "Ambiente Estratégico 2022: Seguridad, Desarrollo y Defensa Nacional"
# Pages a reader may save the article from: home, sections, Notes, References, Cite.
PAGES = ["index.html", f"{INTRODUCTION}/index.html", f"{MUTATION}/index.html", "notes/index.html",
         "references/index.html", "cite/index.html"]
# The pages that list the cited works: the article's landing page and the whole article on one page.
LISTING = ["index.html", "print/index.html"]
# The citation_* tags Zotero's Embedded Metadata translator reads (HIGHWIRE_MAPPINGS, then the tags
# addHighwireMetadata handles itself); citation_reference is not one of them.
ZOTERO_READS = {
    "citation_title", "citation_publication_date", "citation_cover_date", "citation_date", "citation_journal_title",
    "citation_journal_abbrev", "citation_inbook_title", "citation_book_title", "citation_volume", "citation_issue",
    "citation_series_title", "citation_conference_title", "citation_conference", "citation_dissertation_institution",
    "citation_technical_report_institution", "citation_technical_report_number", "citation_publisher",
    "citation_isbn", "citation_abstract", "citation_doi", "citation_public_url", "citation_language",
    "citation_author", "citation_authors", "citation_editor", "citation_editors", "citation_firstpage",
    "citation_lastpage", "citation_issn", "citation_eIssn", "citation_pdf_url", "citation_abstract_html_url",
    "citation_fulltext_html_url", "citation_pmid", "citation_online_date", "citation_year", "citation_keywords"}


class Head(HTMLParser):
    """A page's citation_* tags in order, its canonical URL and its JSON-LD."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, str]] = []
        self.canonical, self.scripts, self._script = None, [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("name") or "").startswith("citation_"):
            self.tags.append((attrs["name"], attrs["content"]))
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = []

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(json.loads("".join(self._script)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def one(self, name: str) -> str:
        (value,) = [content for tag, content in self.tags if tag == name]
        return value


def head(site: Path, path: str) -> Head:
    return Head((site / path).read_text(encoding="utf-8"))


def zotero_creators(contents: list[str], language: str) -> list[dict[str, str]]:
    """The creators Zotero's Embedded Metadata translator makes of ``citation_author`` contents."""
    creators = []
    for content in contents:
        names = re.split(r"\s*;\s*", content)
        if len(names) == 1 and len(contents) == 1:
            by_comma = re.split(r"\s*,\s*", names[0])
            first_words = len(by_comma[0].split(" "))
            spanish = (len(by_comma) == 2 and language in ("es", "spa", "Spanish", "español")
                       and (first_words == 2 or first_words > 2 and re.search(r"[À-ú]|\b[Dd]e\b", by_comma[0])))
            if len(by_comma) > 1 and " " in by_comma[0] and " " in by_comma[1] and not spanish:
                names = by_comma
        for name in (n.strip() for n in names):
            if not re.search(r"[^\s,\-.;]", name):
                continue
            inverted = "," in name  # cleanAuthor(creator, role, creator.includes(","))
            name = re.sub(r"^[\s\u00a0.,/\[\]:]+|[\s\u00a0.,/\[\]:]+$", "", name)
            if inverted:
                last, _, first = re.sub(r"\.(\S)", r". \1", name, count=1).partition(",")
            else:
                first, _, last = name.rpartition(" ")
            creators.append({"firstName": first.strip(), "lastName": last} if first.strip() else {"name": last})
    return creators


def test_the_ported_zotero_rule_splits_a_bare_institution_as_zotero_did_before():
    # What translation-server saved from the home page when the tag held the bare name.
    assert zotero_creators([INSTITUTION], "en") == [
        {"firstName": "Centro de Estudios Estratégicos del Ejército del", "lastName": "Perú"}]


@pytest.mark.parametrize("path", PAGES)
def test_zotero_saves_the_institution_as_one_name_from_every_page(site, path):
    page = head(site, path)
    authors = [content for tag, content in page.tags if tag == "citation_author"]
    assert zotero_creators(authors, page.one("citation_language")) == [{"name": INSTITUTION}]


def zotero_reads(page: Head) -> list[tuple[str, str]]:
    return [(name, content) for name, content in page.tags if name in ZOTERO_READS]


@pytest.mark.parametrize("path", PAGES[1:])
def test_every_page_gives_zotero_the_home_pages_tags_so_it_saves_one_item(site, path):
    assert zotero_reads(head(site, path)) == zotero_reads(head(site, "index.html"))
    assert len(zotero_reads(head(site, path))) >= 9  # title, author, date, book, publisher, abstract, url, language, PDF


def test_the_abstract_tag_is_the_articles_summary_as_the_home_page_shows_it(site):
    shown = re.sub(r"\s*¶1$", "", paragraph(site, "", "p1"))  # without the paragraph's permalink
    assert head(site, "index.html").one("citation_abstract") == shown


def test_zotero_saves_a_book_section_with_its_book_and_the_originals_url(site):
    page = head(site, "index.html")
    # citation_inbook_title makes a bookSection; citation_public_url is the URL Zotero keeps.
    assert page.one("citation_inbook_title") == BOOK
    assert page.one("citation_public_url") == ORIGINAL


def test_the_home_page_meets_google_scholars_tag_rules(site):
    page = head(site, "index.html")
    (heading,) = read(site, "", {"h1"}).elements
    assert page.one("citation_title") == TITLE == heading.text.removesuffix("#")
    assert page.one("citation_author").rstrip(",") == INSTITUTION
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", page.one("citation_publication_date"))
    assert page.one("citation_publication_date") == CONFIG["extra"]["article"]["published"].replace("-", "/")
    assert len(page.scripts) == 1  # one article described per page


def test_the_json_ld_names_this_editions_canonical_url_and_is_based_on_the_original(site):
    page = head(site, "index.html")
    (data,) = page.scripts
    assert data["url"] == page.canonical == site_url()
    assert data["isBasedOn"] == ORIGINAL


@pytest.mark.parametrize("path", PAGES + LISTING[1:])
def test_every_page_carries_the_chapter_of_its_book_named_by_the_home_pages_address(site, path):
    (data,) = head(site, path).scripts
    assert data["@type"] == "Chapter" and data["headline"] == TITLE
    assert data["@id"] == data["url"] == site_url()  # one item, wherever it is read: home's
    assert data["isPartOf"] == {"@type": "Book", "name": BOOK, "publisher": data["publisher"]}
    assert data["author"]["name"] == INSTITUTION and data["abstract"] == head(site, path).one("citation_abstract")


@pytest.mark.parametrize("path", LISTING)
def test_the_home_page_and_the_print_edition_list_the_ten_cited_works_in_tags_and_json_ld(site, path):
    page = head(site, path)
    assert len([name for name, _ in page.tags if name == "citation_reference"]) == 10
    (data,) = page.scripts
    assert len(data["citation"]) == 10
    (dreyfus,) = [work for work in data["citation"] if "Dreyfus" in str(work.get("author"))]
    assert dreyfus["url"] == "https://doi.org/10.1177/1043986299015004004"


@pytest.mark.parametrize("path", PAGES[1:])
def test_a_page_other_than_home_and_the_print_edition_leaves_the_cited_works_to_home(site, path):
    page = head(site, path)
    (data,) = page.scripts
    assert "citation" not in data and "citation_reference" not in {name for name, _ in page.tags}


@pytest.mark.parametrize("path", PAGES)
def test_every_pages_pdf_tag_leads_to_the_editions_pdf_so_zotero_saves_it_with_the_item(site, path):
    # Zotero's Embedded Metadata translator attaches citation_pdf_url as the item's "Full Text PDF".
    address = head(site, path).one("citation_pdf_url")
    assert address.startswith(site_url())
    pdf = site / address.removeprefix(site_url())
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.suffix == ".pdf"
    assert pdf.relative_to(site).as_posix() == yaml.safe_load((ROOT / "docs" / ".downloads.yml").read_text(
        encoding="utf-8"))["files"]["PDF"]


def test_no_file_of_a_build_for_a_real_address_names_the_local_preview(fork_site):
    # Material's source map holds its own code's comments, one of which names loopback hosts.
    named = [path.relative_to(fork_site).as_posix() for path in sorted(fork_site.rglob("*"))
             if path.is_file() and path.suffix != ".map" and b"127.0.0.1" in path.read_bytes()]
    assert named == []
    assert b"citation_pdf_url\" content=\"https://someone.github.io/other-name/downloads/" in (
        fork_site / "index.html").read_bytes()
