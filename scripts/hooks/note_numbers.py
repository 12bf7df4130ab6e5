"""A Python-Markdown extension: footnotes show the article's own note numbers.

Python-Markdown numbers footnotes per page (1, 2, 3 …); the generated pages label each
footnote with the article's number (``[^6]``), and this extension puts that label back
wherever a number is shown: the marker, the list item's ``value`` and the back-link's title.
mkdocs.yml lists it under ``markdown_extensions`` as ``hooks.note_numbers``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class NoteNumbers(Treeprocessor):
    """Relabel footnote markers, list items and back-links with the notes' own numbers."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            kind = link.get("class")
            if kind == "footnote-ref":
                link.text = link.get("href").split(":", 1)[1]
            elif kind == "footnote-backref":
                number = link.get("href").split(":", 1)[1]
                link.set("title", f"Back to the text of note {number}")
        for item in root.iter("li"):
            if item.get("id", "").startswith("fn:"):
                item.set("value", item.get("id").split(":", 1)[1])


class NoteNumbersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the footnotes extension has built its list (priorities 50 to 15).
        md.treeprocessors.register(NoteNumbers(md), "article-note-numbers", 5)


def makeExtension(**kwargs) -> NoteNumbersExtension:
    return NoteNumbersExtension(**kwargs)
