"""The References page: every work the notes cite, in the article's own citation style.

Sorted by author, each anchored (``#ref-<key>``) and linked back to the notes that cite it."""

from __future__ import annotations

from ..refs_bib import Work
from ..markdown import page
from ..model import Note, Page
from ..numbering import REFERENCES
from ..text import fold, locate

TITLE = "References"


def back_links(key: str, notes: dict[int, Note], places: dict[int, list[tuple[str, str]]]) -> str:
    """ "Cited in note 6 and note 7, The Mutation of …": links to each citing note's marker, by page."""
    by_page: dict[tuple[str, str], list[str]] = {}
    for number, note in notes.items():
        if key in (c.key for c in note.citations):
            for path, title in places[number]:
                by_page.setdefault((path, title), []).append(f"[note {number}]({path}#fnref:{number})")
    return "Cited in " + "; ".join(" and ".join(links) + f", {title}" for (_, title), links in by_page.items()) + "."


def with_language(entry: str, work: Work) -> str:
    """A formatted entry with the work's title marked with its language (``lang="es"``)."""
    span = locate(entry, work.title) if work.language else None
    if span is None:
        return entry
    start, end = span
    return f'{entry[:start]}<span lang="{work.language}">{entry[start:end]}</span>{entry[end:]}'


def ordered_entries(entries: dict[str, str]) -> list[tuple[str, str]]:
    """The formatted entries (by key) sorted as a bibliography is: by their text, whose author comes first."""
    return sorted(entries.items(), key=lambda item: fold(item[1]).casefold())


def references_page(entries: dict[str, str], notes: dict[int, Note],
                    places: dict[int, list[tuple[str, str]]]) -> Page:
    """The page of ``entries`` (the works' formatted entries by key); ``places`` are the pages
    whose foot defines each note."""
    blocks = [f"{text}  \n{back_links(key, notes, places)}\n{{: #ref-{key} .reference }}\n"
              for key, text in ordered_entries(entries)]
    body = (f"\n# {TITLE}\n\n"
            "The works cited in the article's notes, as this edition identified them, in Chicago style\n"
            "(notes and bibliography, the style of the notes), sorted by author. Each entry links back to\n"
            "the notes that cite it.\n\n"
            + "\n".join(blocks))
    return page(REFERENCES, TITLE, body, title=TITLE,
                description="The works cited in the article's notes, in Chicago style, with links back to the notes.")
