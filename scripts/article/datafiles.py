"""The generated data files that the build hooks read: navigation, citation data, abbreviations.

They are written into docs/ beside the pages, start with the generated note, and are the
only way facts pass from the split script to the build.
"""

from __future__ import annotations

import json

import yaml

from .abbreviations import Abbreviation
from .bibliography import Work
from .datanames import ABBREVIATIONS, CITATIONS, NAVIGATION
from .markdown import GENERATED, GENERATED_NOTE
from .model import Page, Record
from .scholarly import metadata

__all__ = ["ABBREVIATIONS", "CITATIONS", "NAVIGATION", "citations", "definitions", "navigation"]


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
