"""The generated data files that the build hooks read: navigation, citations, words, downloads.

The downloads' file says what the PDF and EPUB are made from. They are written into docs/ beside
the pages, start with the generated note, and are the only way facts pass from the split script
to the build.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import yaml

from .abbreviations import Abbreviation
from .refs_bib import Work
from .datafile_names import ABBREVIATIONS, CITATIONS, DOWNLOADS, LANGUAGES, NAVIGATION
from .download_links import download_paths
from .markdown import GENERATED, GENERATED_NOTE, first_sentence
from .index_data import Entry
from .model import Article, Edition, Evidence, Page, Record, Styled
from .citation_record import STYLES, metadata

__all__ = ["ABBREVIATIONS", "CITATIONS", "DOWNLOADS", "LANGUAGES", "NAVIGATION", "citations", "definitions",
           "downloads", "languages", "navigation"]



def navigation(title: str, groups: list[tuple[str, list[Page]]]) -> str:
    """The site's name, the article's own pages (the first group), and the navigation: each
    group of pages under its name, in order."""
    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = [f"# {GENERATED_NOTE}", f"title: {quoted(title)}",
             f"article: [{', '.join(page.path for page in groups[0][1])}]", "nav:"]
    for name, pages in groups:
        lines += [f"  - {quoted(name)}:", *(f"    - {quoted(page.title)}: {page.path}" for page in pages)]
    return "\n".join(lines) + "\n"


def citations(rec: Record, works: dict[str, Work], cited: dict[str, Styled]) -> str:
    """Google Scholar meta tags and JSON-LD for the article's pages, the PDF's path (the build makes
    ``citation_pdf_url`` of it), and the article in the first of its styles as plain text (the start
    of a paragraph's citation)."""
    data = {**metadata(rec, works), "pdf": download_paths(rec.title)["PDF"], "note": cited[STYLES[0].key].plain}
    return f"# {GENERATED_NOTE}\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def definitions(abbreviations: list[Abbreviation]) -> str:
    """The Markdown abbreviation definitions appended to every page."""
    return f"{GENERATED}\n\n" + "\n".join(a.definition for a in abbreviations) + "\n"


def languages(abbreviations: list[Abbreviation], entries: tuple[Entry, ...], rec: Record, edition: Edition,
              works: Iterable[Work], evidence: Iterable[Evidence]) -> str:
    """The Spanish words and names the pages show, and the book's title in its language, by language
    tag: an abbreviation's Spanish name (the data file's, or the article's own "for its name in
    Spanish"), the article's own expansion of one whose English name the data file gives (the data
    file gives the English of what the article spells out in Spanish), the Index's Spanish forms
    and aliases, the names a cited work gives in its language beside its title (its title is marked
    where it stands, found however a note spells it), and the Spanish names of what the References
    say each work rests on."""
    found: dict[str, set[str]] = {"es": set()}
    for abbr in abbreviations:
        language, _, name = abbr.other_language.partition(": ")
        found["es"] |= {name} if language == "Spanish" else {abbr.expansion} if language == "English" else set()
    found["es"] |= {word.text for entry in entries for word in entry.spanish}
    for work in (work for work in works if work.names and work.language != rec.language):
        found.setdefault(work.language, set()).update(work.names)
    found["es"] |= {name for grounds in evidence for name in grounds.spanish}
    if rec.container and edition.book_language != rec.language:
        found.setdefault(edition.book_language, set()).add(rec.container)
    data = {language: sorted(words) for language, words in sorted(found.items())}
    return f"# {GENERATED_NOTE}\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def downloads(rec: Record, article: Article, source: str) -> str:
    """What the build needs to make the downloads: the page (``source``) and the files, and the
    metadata they carry."""
    data = {"source": source, "files": download_paths(rec.title), "title": rec.title, "author": rec.author,
            "publisher": f"{rec.author} ({rec.short_author})", "published": rec.published, "url": rec.url,
            "language": rec.language, "keywords": list(article.keywords),
            "description": first_sentence(article.summary[0].text)}
    return f"# {GENERATED_NOTE}\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
