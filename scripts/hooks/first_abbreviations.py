"""A Python-Markdown extension: an abbreviation is explained where a page first uses it.

The ``abbr`` extension marks every occurrence, so a dotted underline sits under every "SL"
and "VRAEM", headings included. This one keeps the first mark of each abbreviation in the
page's body and unwraps the others and every mark inside a heading, the article's title
above one, or a link (whose own focus and click would hide it); the Glossary lists them
all. The kept mark is focusable, so that a keyboard reader reaches it with Tab and Material's
tooltip (``content.tooltips``) shows what it stands for on focus, as it does on hover.
mkdocs.yml lists it under ``markdown_extensions`` as ``hooks.first_abbreviations``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

NOT_HERE = {"h1", "h2", "h3", "h4", "h5", "h6", "a"}  # where no abbreviation is explained
TITLE_LINE = "article-name"  # the article's title above a section's heading (article/pages/article.py)


def unwrap(parent: etree.Element, child: etree.Element) -> None:
    """Replace ``child`` by its text, keeping what follows it."""
    text = (child.text or "") + (child.tail or "")
    at = list(parent).index(child)
    if at:
        previous = parent[at - 1]
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(child)


class FirstAbbreviations(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        seen: set[str] = set()
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter("abbr")):
            elsewhere = any(ancestor.tag in NOT_HERE or ancestor.get("class") == TITLE_LINE
                            for ancestor in self.ancestors(element, parents))
            if elsewhere or element.text in seen:
                unwrap(parents[element], element)
            else:
                seen.add(element.text)
                element.set("tabindex", "0")

    @staticmethod
    def ancestors(element: etree.Element, parents: dict) -> list[etree.Element]:
        found = []
        while element in parents:
            element = parents[element]
            found.append(element)
        return found


class FirstAbbreviationsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(FirstAbbreviations(md), "first-abbreviations", 6)  # after abbr (7)


def makeExtension(**kwargs) -> FirstAbbreviationsExtension:
    return FirstAbbreviationsExtension(**kwargs)
