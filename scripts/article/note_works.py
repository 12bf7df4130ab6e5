"""Link each endnote to the works it cites in refs.bib.

A note cites a work when the work's title (braces dropped; case, accents and quote styles
ignored) stands in one of the note's segments (a note citing two works separates them with
"; "). The page locator is the number or range that ends the segment ("…, 2004), 53-69.").
An "Ibid." note cites the works of the note it repeats, with its own locator if it gives one,
else with that note's. A segment matching no work or several works, and a work that no note
cites, are errors: refs.bib and the notes must tell the same story.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .refs_bib import Work
from .model import Article, Citation, Mistakes, Note, Where
from .resolve import IBID
from .text import URL, comparable

LOCATOR = re.compile(r",\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?)\.?\s*$")


def segment_citations(note: Note, where: Where, titles: list[tuple[str, Work]]) -> tuple[Citation, ...]:
    """The works one non-"Ibid." note cites, in the order it cites them, with their locators
    (``titles``: each work with its title made comparable, computed once for all notes)."""
    citations = []
    for segment in note.text.split("; "):
        text = comparable(segment)
        found = [w for title, w in titles if title in text]
        if not found:
            raise where.error(f"note {note.number} cites no work of refs.bib: no entry's title stands in "
                              f"“{segment}”")
        if len(found) > 1:
            raise where.error(f"note {note.number} is ambiguous: “{segment}” matches "
                              + ", ".join(w.key for w in found))
        locator = LOCATOR.search(URL.sub("", segment).rstrip())
        work = found[0]
        citations.append(Citation(work.key, work.label, locator["pages"] if locator else "", work.title, work.language,
                                  segment.strip()))
    return tuple(citations)


def cite_notes(article: Article, notes: dict[int, Note], works: dict[str, Work]) -> dict[int, Note]:
    """The notes with their citations attached; refs.bib and the notes must match one to one (every
    mismatch is reported at once)."""
    where = {endnote.number: endnote.where for endnote in article.notes}
    titles = [(comparable(work.title), work) for work in works.values()]
    cited: dict[int, Note] = {}
    mistakes = Mistakes()
    for number, note in notes.items():
        if note.ibid_of is None:
            citations = mistakes.attempt(segment_citations, note, where[number], titles)
        elif note.ibid_of.number in cited:
            own = LOCATOR.search(", " + IBID.match(note.text)["rest"])
            repeated = cited[note.ibid_of.number].citations
            citations = tuple(replace(c, locator=own["pages"]) for c in repeated) if own else repeated
        else:
            continue  # repeats a note that cites no work, already reported
        if citations is not None:
            cited[number] = replace(note, citations=citations)
    used = {c.key for note in cited.values() for c in note.citations}
    for work in works.values():
        if work.key not in used and len(cited) == len(notes):
            mistakes.add(work.where.error(f"entry {work.key} is cited by no note: remove it or fix the note"))
    mistakes.check()
    return cited
