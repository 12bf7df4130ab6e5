"""Archived copies: a Wayback Machine link for every URL of a specific document in the notes, dated
by its citation; none for a site's home page or a DOI resolver, whose copies show no cited work."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest
from article.archive import archived_url, cited_urls, is_document
from article.parse import parse_export
from article.text import URL
from conftest import WITH_URLS
from site_html import read

WAYBACK = re.compile(r"https://web\.archive\.org/web/(?P<year>\d{4})/(?P<url>https?://[!-~]+)")


def note_urls() -> list[str]:
    return [url for note in parse_export(WITH_URLS).notes for url in URL.findall(note.text)]


def archived_links(site):
    notes = [e for e in read(site, "notes/", {"p"}).elements if e.attrs.get("id", "").startswith("note-")]
    return {e.attrs["id"]: [href for href in e.links if href.startswith("https://web.archive.org/")] for e in notes}


def test_every_url_of_a_document_in_the_notes_has_a_well_formed_archived_copy_link(site):
    links = [href for hrefs in archived_links(site).values() for href in hrefs]
    documents = [url for url in note_urls() if is_document(url)]
    assert len(links) == len(documents) == 3
    for href in links:
        assert WAYBACK.fullmatch(href), href
    assert sorted(unquote(WAYBACK.fullmatch(href)["url"]) for href in links) == sorted(documents)


def test_no_page_of_the_site_offers_an_archived_copy_of_a_home_page_or_a_doi_resolver(site):
    archived = [unquote(WAYBACK.fullmatch(href)["url"]) for path in site.rglob("*.html")
                for href in re.findall(r'href="(https://web\.archive\.org/[^"]+)"', path.read_text(encoding="utf-8"))]
    assert archived
    for url in archived:
        parts = urlsplit(url)
        assert parts.path.strip("/") and parts.netloc != "doi.org", url
    assert {"https://hoy.com.do/", "https://www.justice.gov/",
            "https://doi.org/10.1177/1043986299015004004"} <= set(note_urls()) - set(archived)


@pytest.mark.parametrize("url", ["https://hoy.com.do/", "https://www.justice.gov", "http://example.org/index.html",
                                 "https://doi.org/10.1177/1043986299015004004", "https://dx.doi.org/10.1/x",
                                 "https://hdl.handle.net/10568/1"])
def test_a_home_page_or_a_resolver_is_not_a_document(url):
    assert not is_document(url)


@pytest.mark.parametrize("url", ["https://larepublica.pe/politica/395944-la-responsabilidad-del-gobierno/",
                                 "https://example.org/?p=123", "http://example.org/a/index.html",
                                 "https://www.unodc.org/documents/firearms-protocol/2020/Global_Study_Ex_Summary_es.pdf"])
def test_a_page_with_a_path_or_a_query_is_a_document(url):
    assert is_document(url)


def test_each_archived_copy_is_dated_by_its_own_citation(site):
    links = archived_links(site)
    assert links["note-2"] == ["https://web.archive.org/web/2019/https://larepublica.pe/politica/"
                               "395944-la-responsabilidad-del-gobierno/"]
    assert links["note-3"][0].startswith("https://web.archive.org/web/2007/http://www.desco.org.pe/")
    assert links["note-6"] == []  # a home page and a DOI resolver


def test_a_note_citing_two_works_dates_each_url_by_its_own_citation():
    note_6 = parse_export(WITH_URLS).notes[5].text
    assert [(c.url, c.year) for c in cited_urls(note_6)] == [
        ("https://www.justice.gov/", 2022), ("https://doi.org/10.1177/1043986299015004004", 1999)]


def test_the_archive_links_say_they_search_the_archive_for_the_address(site):
    text = next(e.text for e in read(site, "notes/", {"p"}).elements if e.attrs.get("id") == "note-1")
    assert "Wayback Machine: search for this www.unodc.org address, nearest 2020" in text
    assert "archived copy" not in text


def test_an_address_outside_ascii_is_percent_encoded():
    assert archived_url("http://example.org/Soberón.pdf", 2007) == \
        "https://web.archive.org/web/2007/http://example.org/Sober%C3%B3n.pdf"


def test_a_url_cited_without_a_year_links_to_the_latest_copy():
    (cited,) = cited_urls("Anonymous, “Untitled”, http://example.org/a")
    assert cited.year is None and archived_url(cited.url, cited.year) == "https://web.archive.org/web/http://example.org/a"
