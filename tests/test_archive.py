"""Archived copies: a Wayback Machine link for every URL in the notes, dated by its citation."""

from __future__ import annotations

import re
from urllib.parse import unquote

from article.archive import archived_url, cited_urls
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


def test_every_url_in_the_notes_has_a_well_formed_archived_copy_link(site):
    links = [href for hrefs in archived_links(site).values() for href in hrefs]
    assert len(links) == len(note_urls()) == 6
    for href in links:
        assert WAYBACK.fullmatch(href), href
    assert sorted(unquote(WAYBACK.fullmatch(href)["url"]) for href in links) == sorted(note_urls())


def test_each_archived_copy_is_dated_by_its_own_citation(site):
    links = archived_links(site)
    assert links["note-6"] == ["https://web.archive.org/web/2022/https://www.justice.gov/",
                               "https://web.archive.org/web/1999/https://doi.org/10.1177/1043986299015004004"]
    assert links["note-2"] == ["https://web.archive.org/web/2019/https://larepublica.pe/politica/"
                               "395944-la-responsabilidad-del-gobierno/"]


def test_the_archived_copy_links_say_what_they_are(site):
    text = next(e.text for e in read(site, "notes/", {"p"}).elements if e.attrs.get("id") == "note-1")
    assert "Wayback Machine: archived copy of www.unodc.org (2020)" in text


def test_an_address_outside_ascii_is_percent_encoded():
    assert archived_url("http://example.org/Soberón.pdf", 2007) == \
        "https://web.archive.org/web/2007/http://example.org/Sober%C3%B3n.pdf"


def test_a_url_cited_without_a_year_links_to_the_latest_copy():
    (cited,) = cited_urls("Anonymous, “Untitled”, http://example.org/a")
    assert cited.year is None and archived_url(cited.url, cited.year) == "https://web.archive.org/web/http://example.org/a"
