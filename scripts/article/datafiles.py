"""The generated data files that the build hooks read: navigation, citation data, abbreviations,
and what the downloads are made from.

They are written into docs/ beside the pages, start with the generated note, and are the
only way facts pass from the split script to the build.
"""

from __future__ import annotations

import json

import yaml

from .abbreviations import Abbreviation
from .bibliography import Work
from .downloads import download_paths
from .markdown import GENERATED, GENERATED_NOTE, first_sentence
from .model import Article, Page, Record
from .scholarly import metadata

NAVIGATION = ".article.yml"        # the site's name and the article's pages, in order
CITATIONS = ".citations.yml"       # the article's citation metadata, for every article page
ABBREVIATIONS = ".abbreviations.md"  # abbreviation definitions, appended to every page (mkdocs.yml snippets)
DOWNLOADS = ".downloads.yml"       # the PDF and EPUB: the page they are made from, their files and metadata


def navigation(pages: list[Page], title: str) -> str:
    """The site's name and the article's pages in order."""
    lines = [f"# {GENERATED_NOTE}", f"title: {json.dumps(title, ensure_ascii=False)}", "nav:"]
    lines += [f"  - {json.dumps(page.title, ensure_ascii=False)}: {page.path}" for page in pages]
    return "\n".join(lines) + "\n"


def citations(rec: Record, works: dict[str, Work]) -> str:
    """Google Scholar meta tags and JSON-LD for the article's pages."""
    data = metadata(rec, works)
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
