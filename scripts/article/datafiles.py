"""The generated data files that the build hooks read: navigation, citations, abbreviations, downloads.

The downloads' file says what the PDF and EPUB are made from. They are written into docs/ beside
the pages, start with the generated note, and are the only way facts pass from the split script
to the build.
"""

from __future__ import annotations

import json

import yaml

from .abbreviations import Abbreviation
from .refs_bib import Work
from .datafile_names import ABBREVIATIONS, CITATIONS, DOWNLOADS, NAVIGATION
from .download_links import download_paths
from .markdown import GENERATED, GENERATED_NOTE, first_sentence
from .model import Article, Page, Record, Styled
from .citation_record import STYLES, metadata

__all__ = ["ABBREVIATIONS", "CITATIONS", "DOWNLOADS", "NAVIGATION", "citations", "definitions", "downloads",
           "navigation"]


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


def downloads(rec: Record, article: Article, source: str) -> str:
    """What the build needs to make the downloads: the page (``source``) and the files, and the
    metadata they carry."""
    data = {"source": source, "files": download_paths(rec.title), "title": rec.title, "author": rec.author,
            "publisher": f"{rec.author} ({rec.short_author})", "published": rec.published, "url": rec.url,
            "language": rec.language, "keywords": list(article.keywords),
            "description": first_sentence(article.summary[0].text)}
    return f"# {GENERATED_NOTE}\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
