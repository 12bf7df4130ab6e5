"""The Notes page: every endnote under its own number, with the paragraphs that cite it."""

from __future__ import annotations

from ..archive import archived_copies
from ..markdown import editorial, escape, note_text, page
from ..model import Anchor, Note, Page
from ..numbering import NOTES, NOTES_TITLE


def entry(note: Note, cited_in: list[Anchor]) -> str:
    """The note, then (the edition's words) its searches of the web archive and the paragraphs that cite it."""
    copies = " · ".join(f"[{label}]({url})" for label, url in archived_copies(note.text))
    places = ", ".join(f"[{escape(a.title)}, ¶{a.number}]({a.path}#p{a.number})" for a in cited_in)
    return (f"**{note.number}.** {note_text(note)}"
            + (f"  \n{editorial(f'Wayback Machine: {copies}')}" if copies else "")
            + f"  \n{editorial(f'Cited in {places}')}\n{{: #note-{note.number} .endnote }}\n")


def notes_page(notes: dict[int, Note], citing: dict[int, list[Anchor]]) -> Page:
    body = f"\n# {NOTES_TITLE}\n\n" + "\n".join(entry(note, citing[n]) for n, note in notes.items())
    return page(NOTES, NOTES_TITLE, body, title=NOTES_TITLE,
                description=f"The article's {len(notes)} endnotes, in order, with the sources they cite.")
