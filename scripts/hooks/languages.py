"""A Python-Markdown extension: the words of another language are marked as that language.

The pages are English (``lang="en"``); a screen reader reads a Spanish name with English sounds
unless it is inside an element whose ``lang`` says Spanish. The split script lists, by language,
the words and names of another language the pages show (docs/.languages.yml: the Glossary's
Spanish names, the Index's Spanish forms and aliases, the book's title; see
``languages`` in ``article.datafiles``); this extension wraps each of their occurrences in
``<span lang="es">``, on every page and in the print edition the PDF and EPUB are made from.
mkdocs.yml lists it under ``markdown_extensions`` as ``hooks.languages``, with the docs folder.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

import yaml
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from article.datafile_names import LANGUAGES

UNMARKED = {"code", "pre", "script", "style"}  # text a reader is not read as words, or is read as written


class Languages(Treeprocessor):
    """Wrap each listed word or name, where it is a whole word, in a span of its language."""

    def __init__(self, md: Markdown, words: dict[str, list[str]]) -> None:
        super().__init__(md)
        self.language = {word: language for language, listed in words.items() for word in listed}
        longest_first = sorted(self.language, key=len, reverse=True)
        self.pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, longest_first))})(?!\w)") if longest_first else None

    def run(self, root: etree.Element) -> None:
        if self.pattern:
            self.mark(root)

    def mark(self, parent: etree.Element) -> None:
        children = list(parent)
        for child in children:
            if child.tag not in UNMARKED and not child.get("lang"):
                self.mark(child)
        parent.text, marked = self.split(parent.text)
        for child in children:
            child.tail, spans = self.split(child.tail)
            marked += [child, *spans]
        parent[:] = marked

    def split(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        """``text`` up to its first listed word, and a span for each word with the text after it."""
        matches = list(self.pattern.finditer(text or ""))
        if not matches:
            return text, []
        spans = []
        for match, following in zip(matches, [*matches[1:], None]):
            span = etree.Element("span", {"lang": self.language[match[0]]})
            span.text, span.tail = match[0], text[match.end():following.start() if following else None]
            spans.append(span)
        return text[:matches[0].start()], spans


class LanguagesExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"docs": ["docs", "the folder the split script writes the pages and data files into"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        path = Path(str(self.getConfig("docs"))) / LANGUAGES
        words = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
        # After the footnotes (15) and the abbreviations (inline, 20), before the table of contents (5).
        md.treeprocessors.register(Languages(md, words or {}), "article-languages", 6)


def makeExtension(**kwargs) -> LanguagesExtension:
    return LanguagesExtension(**kwargs)
