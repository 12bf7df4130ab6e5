"""Merge exports of the same article into one ``Article``, taking each part from the export that has it.

The title and disclaimer come from the export that has them (000); the section headings
and the endnotes' URLs from the export that has them (001). The body paragraphs and the
endnotes must agree word for word (modulo whitespace and stripped links): a disagreement
names both files and lines.
"""

from __future__ import annotations

import re
from itertools import zip_longest

from .model import Article, ArticleError, Endnote, Export, Paragraph
from .text import URL

NOTE_LEFTOVER = re.compile(r",\s*(?=;|$)")


def merge(exports: list[Export], fallback_title: str | None = None) -> Article:
    """One article from one or more exports of it."""
    first = exports[0]
    for other in exports[1:]:
        check_agree(first, other)
    headed = next((e for e in exports if e.has_headings), first)
    linked = next((e for e in exports if any(note.urls for note in e.notes)), first)
    title = next((e.title for e in exports if e.title), None) or fallback_title
    if not title:
        raise ArticleError(first.path, 1, "no title: this export has no title line; "
                                          "give one with --title or with more exports")
    return Article(
        title=title,
        publication=first.publication,
        summary=first.summary,
        keywords=first.keywords,
        sections=headed.sections,
        notes=linked.notes,
        disclaimer=next((e.disclaimer for e in exports if e.disclaimer), None),
    )


def body(export: Export) -> list[Paragraph]:
    """Every paragraph of running text, in order."""
    return [*export.summary, *(p for section in export.sections for p in section.paragraphs)]


def words(text: str) -> list[str]:
    return text.split()


def check_agree(a: Export, b: Export) -> None:
    """Raise naming both places when two exports differ in a paragraph, a keyword or a note."""
    for left, right in zip_longest(body(a), body(b)):
        if left is None or right is None:
            extra = left or right
            raise extra.where.error(f"this paragraph is in {extra.where.path} only: the exports "
                                    f"{a.path} and {b.path} must hold the same text")
        if words(left.text) != words(right.text):
            raise disagreement(left, right)
    for left, right in zip_longest(a.notes, b.notes):
        if left is None or right is None:
            extra = left or right
            raise extra.where.error(f"note {extra.number} is in {extra.where.path} only: "
                                    f"{a.path} has {len(a.notes)} notes, {b.path} has {len(b.notes)}")
        if note_words(left) != note_words(right):
            raise disagreement(Paragraph(left.text, left.where), Paragraph(right.text, right.where), "note")


def note_words(note: Endnote) -> list[str]:
    """The note's words without its links, which one export strips."""
    return words(NOTE_LEFTOVER.sub("", URL.sub("", note.text)))


def disagreement(left: Paragraph, right: Paragraph, what: str = "paragraph") -> ArticleError:
    """An error showing the first words where two versions of a paragraph part ways."""
    a, b = words(left.text), words(right.text)
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return left.where.error(
        f"the exports disagree in this {what}: {left.where.path}:{left.where.line} has "
        f'"…{excerpt(a, at)}" where {right.where.path}:{right.where.line} has "…{excerpt(b, at)}"'
    )


def excerpt(text_words: list[str], at: int) -> str:
    return " ".join(text_words[at:at + 8]) or "(end of paragraph)"
