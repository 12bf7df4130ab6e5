"""Resolve the article's notes: every marker to exactly one endnote, every "Ibid." to its source."""

from __future__ import annotations

import re

from .model import Article, Endnote, Note, Paragraph, Where
from .text import MARKER

IBID = re.compile(r"^Ibid\b\.?,?\s*(?P<rest>.*)$", re.IGNORECASE)


def resolve_notes(article: Article) -> dict[int, Note]:
    """The article's notes by number, checked against the markers in its text."""
    check_numbering(article.notes)
    check_markers(article)
    notes: dict[int, Note] = {}
    for endnote in article.notes:
        ibid = IBID.match(endnote.text)
        source = None
        if ibid:
            if not notes:
                raise endnote.where.error(f'note {endnote.number} says "Ibid." but no note comes before it')
            previous = notes[endnote.number - 1]
            source = previous.ibid_of or previous
        notes[endnote.number] = Note(endnote.number, endnote.text, endnote.urls, source)
    return notes


def check_numbering(endnotes: tuple[Endnote, ...]) -> None:
    """Endnotes are numbered 1, 2, 3 … with no number twice and none skipped."""
    seen: dict[int, Endnote] = {}
    for expected, note in enumerate(endnotes, start=1):
        if note.number in seen:
            raise note.where.error(f"two endnotes are numbered {note.number} "
                                   f"(the other is on line {seen[note.number].where.line})")
        if note.number != expected:
            went = f"go from {expected - 1} to {note.number}" if expected > 1 else f"start at {note.number}"
            raise note.where.error(f"endnote {expected} is missing: the endnotes {went}")
        seen[note.number] = note


def check_markers(article: Article) -> None:
    """Every marker has an endnote, every endnote a marker, and markers first appear in order."""
    count = len(article.notes)
    first: dict[int, Paragraph] = {}  # each marker's first paragraph, in reading order
    for paragraph in article.paragraphs:
        for match in MARKER.finditer(paragraph.text):
            number = int(match.group(1))
            if not 1 <= number <= count:
                raise paragraph.where.error(f"the marker [{number}] has no endnote: "
                                            f"the article has {count} endnotes")
            first.setdefault(number, paragraph)
    for note in article.notes:
        if note.number not in first:
            raise note.where.error(f"endnote {note.number} is never cited: "
                                   f"no [{note.number}] marker in the text")
    for expected, number in enumerate(first, start=1):
        if number != expected:
            raise first[number].where.error(
                f"the markers are out of order: [{number}] comes before any [{expected}] "
                f"(the first [{expected}] is at {place(first[expected].where, first[number].where)})")


def place(where: Where, seen_from: Where) -> str:
    """``line 12``, or ``FILE:12`` when the place is in another file."""
    return f"line {where.line}" if where.path == seen_from.path else f"{where.path}:{where.line}"
