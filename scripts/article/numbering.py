"""The one numbering of the edition: which page each paragraph and note lands on, and its anchor.

Paragraphs are numbered through the whole article, the summary being ¶1, and keep their
number on every page that shows them (``#p12``); notes keep the article's own numbers
(``#note-6`` on the Notes page, a footnote on each page that cites them). Every other
module asks here where a text is, instead of counting again.
"""

from __future__ import annotations

import re
import unicodedata

from .model import Anchor, Article, Edition, Paragraph, Passage, Section
from .text import MARKER, plain

HOME, NOTES, ABOUT, REFERENCES = "index.md", "notes.md", "about.md", "references.md"
HOME_TITLE, NOTES_TITLE, ABOUT_TITLE = "Home", "Notes", "About this edition"


def slugify(text: str) -> str:
    """An ASCII, lowercase, hyphenated file name for a heading."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def section_path(section: Section) -> str:
    """The page a section is written to, below docs/."""
    return f"{slugify(section.heading)}.md"


def placed_paragraphs(article: Article) -> list[tuple[Anchor, Paragraph]]:
    """Every paragraph with its page and its number through the article (summary = ¶1)."""
    placed = [(HOME, "Summary", p) for p in article.summary] + [
        (section_path(section), section.heading, p) for section in article.sections for p in section.paragraphs]
    return [(Anchor(path, title, number), p) for number, (path, title, p) in enumerate(placed, start=1)]


def cited_notes(paragraph: Paragraph) -> list[int]:
    """The note numbers a paragraph cites, each once, in the order it cites them."""
    return list(dict.fromkeys(int(n) for n in MARKER.findall(paragraph.text)))


def citing_paragraphs(article: Article) -> dict[int, list[Anchor]]:
    """For each note number, the paragraphs that cite it, in reading order."""
    anchors: dict[int, list[Anchor]] = {}
    for anchor, paragraph in placed_paragraphs(article):
        for number in cited_notes(paragraph):
            anchors.setdefault(number, []).append(anchor)
    return anchors


def footnote_pages(article: Article) -> dict[int, list[tuple[str, str]]]:
    """For each note, the (path, navigation title) of every page whose foot defines it."""
    return {number: list(dict.fromkeys((a.path, HOME_TITLE if a.path == HOME else a.title) for a in anchors))
            for number, anchors in citing_paragraphs(article).items()}


def article_passages(article: Article) -> list[Passage]:
    """What the article itself says, in reading order: paragraphs, notes, then its disclaimer."""
    found = [Passage(f"¶{a.number}", f"{a.path}#p{a.number}", a.title, plain(p.text), a.number, p.where)
             for a, p in placed_paragraphs(article)]
    found += [Passage(f"note {n.number}", f"{NOTES}#note-{n.number}", NOTES_TITLE, plain(n.text), None, n.where)
              for n in article.notes]
    if article.disclaimer:
        found.append(Passage("Disclaimer", f"{ABOUT}#disclaimer", ABOUT_TITLE, article.disclaimer))
    return found


def passages(article: Article, edition: Edition) -> list[Passage]:
    """Every text a reader can be sent to: the article's passages, with the About page's
    publisher before the disclaimer."""
    found = article_passages(article)
    at = len(found) - bool(article.disclaimer)
    return [*found[:at], Passage("About", ABOUT, ABOUT_TITLE, edition.publisher), *found[at:]]
