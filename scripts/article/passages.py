"""The article's text as passages a reader can be sent to: paragraphs, notes, the About page.

The Index and the Timeline find names and dates in these, and link to where they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Article
from .parse import MARKER
from .render import Edition, Page, placed_paragraphs

SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Passage:
    """A linkable piece of the edition: ``label`` as shown (``¶12``), ``href`` below docs/."""

    label: str
    href: str
    page_title: str
    text: str
    paragraph: int | None = None


def plain(text: str) -> str:
    """Paragraph text as a reader sees it: note markers removed, spaces collapsed."""
    return SPACE.sub(" ", MARKER.sub("", text)).strip()


def paragraphs(article: Article, sections: list[Page]) -> list[Passage]:
    """Every paragraph with its anchor ``#p<n>``, numbered through the article (summary = ¶1)."""
    return [Passage(f"¶{a.number}", f"{a.path}#p{a.number}", a.title, plain(p.text), a.number)
            for a, p in placed_paragraphs(article, sections)]


def passages(article: Article, sections: list[Page], edition: Edition) -> list[Passage]:
    """Paragraphs, then notes, then the About page's publisher and disclaimer, in reading order."""
    notes = [Passage(f"note {n.number}", f"notes.md#note-{n.number}", "Notes", plain(n.text))
             for n in article.notes]
    about = [Passage("About", "about.md", "About this edition", edition.publisher)]
    if article.disclaimer:
        about.append(Passage("Disclaimer", "about.md#disclaimer", "About this edition", article.disclaimer))
    return paragraphs(article, sections) + notes + about
