"""A Python-Markdown extension: footnotes show the article's own note numbers.

Python-Markdown numbers footnotes per page (1, 2, 3 …); the generated pages label each
footnote with the article's number (``[^6]``), and this extension puts that label back
wherever a number is shown: the marker, the list item's ``value`` and the back-link's title.
A listener hears what each control does, not a bare digit or arrow: the marker is "Note 6", its
back-link "Back to note 6 in the text", and the list of notes at the foot has a heading, "Notes".
It also names each marker and note as an anchor for the stylesheet, which sets a note beside its
marker's line in a wide screen's margin, below the note before it (docs/assets/reader.css reads
these names with ``attr()``: a marker is ``--call-6``, its note ``--note-6``).
mkdocs.yml lists it under ``markdown_extensions`` as ``hooks.note_numbers``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


MARKER_NAME = "Note {number}"
BACK_LINK_NAME = "Back to note {number} in the text"
HEADING = "Notes"


class NoteNumbers(Treeprocessor):
    """Relabel footnote markers, list items and back-links with the notes' own numbers."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            kind = link.get("class")
            if kind == "footnote-ref":
                number = link.text = link.get("href").split(":", 1)[1]
                link.set("aria-label", MARKER_NAME.format(number=number))
            elif kind == "footnote-backref":
                name = BACK_LINK_NAME.format(number=link.get("href").split(":", 1)[1])
                link.set("title", name)
                link.set("aria-label", name)
        for sup in root.iter("sup"):
            if sup.get("id", "").startswith("fnref:"):
                sup.set("data-anchor", f"--call-{sup.get('id').split(':', 1)[1]}")
        before = None
        for item in root.iter("li"):
            if item.get("id", "").startswith("fn:"):
                number = item.get("id").split(":", 1)[1]
                item.set("value", number)
                item.set("data-anchor", f"--note-{number}")
                item.set("data-call", f"--call-{number}")
                if before:
                    item.set("data-after", f"--note-{before}")
                before = number
        for notes in root.iter("div"):
            if notes.get("class") == "footnote":
                heading = etree.Element("h2", {"class": "footnote-heading"})
                heading.text = HEADING
                notes.insert(1, heading)  # after the rule that sets the notes off from the text


class NoteNumbersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the footnotes extension has built its list (priorities 50 to 15), and after the
        # table of contents (5), which would otherwise list and anchor the notes' heading.
        md.treeprocessors.register(NoteNumbers(md), "article-note-numbers", 4)


def makeExtension(**kwargs) -> NoteNumbersExtension:
    return NoteNumbersExtension(**kwargs)
