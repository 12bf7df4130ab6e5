"""The References page: every work the notes cite, in the article's own citation style.

Sorted by author, each anchored (``#ref-<key>``) beside the note's own words and what its
identification rests on (scripts/data/references.yml), and linked back to the notes that cite it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..evidence import NOT_IDENTIFIED
from ..markdown import editorial, escape, page, with_languages
from ..model import Citation, Evidence, Note, Page
from ..numbering import REFERENCES
from ..refs_bib import Work
from ..text import fold, locate

TITLE = "References"
BRACKETED = re.compile(r"\\\[(.*?)\\\]")  # what the edition supplies in an entry: "\[edited volume not identified\]"


def back_links(key: str, notes: dict[int, Note], places: dict[int, list[tuple[str, str]]]) -> str:
    """ "Cited in note 6 and note 7, The Mutation of …": links to each citing note's marker, by page."""
    by_page: dict[tuple[str, str], list[str]] = {}
    for number, note in notes.items():
        if key in (c.key for c in note.citations):
            for path, title in places[number]:
                by_page.setdefault((path, title), []).append(
                    f"[note {number}]({path}#fnref:{number})" + (" (an ambiguous “Ibid.”)" if note.ambiguous else ""))
    return "Cited in " + "; ".join(" and ".join(links) + f", {title}" for (_, title), links in by_page.items()) + "."


def with_language(entry: str, work: Work | Citation) -> str:
    """A formatted entry (or a text naming the work) with the work's title marked with its language (``lang="es"``)."""
    span = locate(entry, work.title) if work.language else None
    if span is None:
        return entry
    start, end = span
    return f'{entry[:start]}<span lang="{work.language}">{entry[start:end]}</span>{entry[end:]}'


def ordered_entries(entries: dict[str, str]) -> list[tuple[str, str]]:
    """The formatted entries (by key) sorted as a bibliography is: by their text, whose author comes first."""
    return sorted(entries.items(), key=lambda item: fold(item[1]).casefold())


def wording(key: str, notes: dict[int, Note]) -> list[str]:
    """ "[Note 2 reads:] Fernando Rospigliosi, …": the words of each note that cites the work itself."""
    return [editorial(f"Note {number} reads:") + " " + with_languages(c.wording, (c,))
            for number, note in notes.items() if note.ibid_of is None for c in note.citations if c.key == key]


def grounds(evidence: Evidence, work: Citation | None) -> str:
    """ "[Corrected: The note's URL is on larepublica.pe … (source: larepublica.pe).]", the work's title
    marked with its language where a fact names it."""
    def said(text: str) -> str:
        return with_language(escape(text), work) if work else escape(text)

    facts = " ".join(said(f.text.removesuffix(".")) + (f" (source: [{urlsplit(f.source).netloc}]({f.source}))."
                                                     if f.source else ".") for f in evidence.facts)
    return editorial(f"{evidence.status.capitalize()}: {facts}")


def entry_lines(key: str, text: str, notes: dict[int, Note], evidence: dict[str, Evidence]) -> str:
    """A work's entry, the note's words for it and what the entry rests on, one line each."""
    shown = BRACKETED.sub(lambda m: editorial(m[1]), text)
    cited = next((c for note in notes.values() for c in note.citations if c.key == key), None)
    return "  \n".join([shown, *wording(key, notes), grounds(evidence[key], cited)])


def references_page(entries: dict[str, str], notes: dict[int, Note], places: dict[int, list[tuple[str, str]]],
                    evidence: dict[str, Evidence]) -> Page:
    """The page of ``entries`` (the works' formatted entries by key); ``places`` are the pages
    whose foot defines each note."""
    blocks = [f"{entry_lines(key, text, notes, evidence)}  \n{back_links(key, notes, places)}\n{{: #ref-{key} .reference }}\n"
              for key, text in ordered_entries(entries)]
    body = (f"\n# {TITLE}\n\n"
            "The works cited in the article's notes, in Chicago style (notes and bibliography, the style of\n"
            "the notes), sorted by author, each as this edition identified it. Beside each entry, in square\n"
            "brackets, stand the note's own words and what the identification rests on, with the address of\n"
            f"each source, or that the work is {NOT_IDENTIFIED}. Each entry links back to the notes that cite it.\n\n"
            + "\n".join(blocks))
    return page(REFERENCES, TITLE, body, title=TITLE,
                description="The works cited in the article's notes, in Chicago style, each with the note's words, "
                            "the evidence for its identification and links back to the notes.")
