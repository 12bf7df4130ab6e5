"""The generated data files that the build hooks read: navigation, citation data, abbreviations.

They are written into docs/ beside the pages, start with the generated note, and are the
only way facts pass from the split script to the build.
"""

from __future__ import annotations

import json

import yaml

from .abbreviations import Abbreviation
from .bibliography import Work
from .markdown import GENERATED, GENERATED_NOTE
from .model import Note, Page, Record
from .scholarly import metadata

NAVIGATION = ".article.yml"        # the site's name and the article's pages, in order
CITATIONS = ".citations.yml"       # back-links for the References page, metadata for every page
ABBREVIATIONS = ".abbreviations.md"  # abbreviation definitions, appended to every page (mkdocs.yml snippets)


def navigation(pages: list[Page], title: str) -> str:
    """The site's name and the article's pages in order."""
    lines = [f"# {GENERATED_NOTE}", f"title: {json.dumps(title, ensure_ascii=False)}", "nav:"]
    lines += [f"  - {json.dumps(page.title, ensure_ascii=False)}: {page.path}" for page in pages]
    return "\n".join(lines) + "\n"


def citations(rec: Record, works: dict[str, Work], notes: dict[int, Note],
              places: dict[int, list[tuple[str, str]]]) -> str:
    """Which notes cite each work and on which pages they stand, then the article's metadata."""
    cited_in: dict[str, list[dict]] = {key: [] for key in works}
    for number, note in notes.items():
        for key in dict.fromkeys(c.key for c in note.citations):
            cited_in[key] += [{"note": number, "page": path, "title": title} for path, title in places[number]]
    data = {"works": cited_in, **metadata(rec, works)}
    return f"# {GENERATED_NOTE}\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def definitions(abbreviations: list[Abbreviation]) -> str:
    """The Markdown abbreviation definitions appended to every page."""
    return f"{GENERATED}\n\n" + "\n".join(a.definition for a in abbreviations) + "\n"
