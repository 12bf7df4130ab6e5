"""A Python-Markdown extension: the words of another language are marked as that language.

The pages are English (``lang="en"``); a screen reader reads a Spanish name with English sounds
unless it is inside an element whose ``lang`` says Spanish. The split script lists, by language,
the words and names of another language the pages show (docs/.languages.yml: the Glossary's
Spanish names, the Index's Spanish forms and aliases, the book's title; see
``languages`` in ``article.datafiles``); this extension wraps each of their occurrences in
``<span lang="es">``, on every page and in the print edition the PDF and EPUB are made from.
A code block (the Cite page's BibTeX and RIS) is read out too, but its highlighter stashes it as
HTML the tree never holds: its words are marked in the page's HTML once the stash is back. A span
adds no character, so what a reader selects and copies is unchanged. mkdocs.yml lists the extension
under ``markdown_extensions`` as ``hooks.languages``, with the docs folder.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import yaml
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from article.datafile_names import LANGUAGES

UNMARKED = {"code", "pre", "script", "style"}  # text read as written (marked in the HTML, below) or not read
CODE = re.compile(r"(<code\b[^>]*>)(.*?)(</code>)", re.S)
TEXT = re.compile(r"(?<=>)[^<]+|^[^<]+")  # a run of text between a code element's tags


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


class CodeLanguages(Postprocessor):
    """Wrap each listed word or name inside a ``<code>`` element of the page's HTML in a span of its language."""

    def __init__(self, md: Markdown, languages: Languages) -> None:
        super().__init__(md)
        self.languages = languages

    def run(self, text: str) -> str:
        if not self.languages.pattern:
            return text
        return CODE.sub(lambda code: code[1] + TEXT.sub(self.marked, code[2]) + code[3], text)

    def marked(self, run: re.Match) -> str:
        """A run of escaped text, each listed word in it wrapped in a span of its language."""
        words, marked, end = html.unescape(run[0]), [], 0
        for found in self.languages.pattern.finditer(words):
            marked += [html.escape(words[end:found.start()], quote=False), f'<span lang="{self.languages.language[found[0]]}">',
                       html.escape(found[0], quote=False), "</span>"]
            end = found.end()
        return "".join([*marked, html.escape(words[end:], quote=False)]) if marked else run[0]


class LanguagesExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"docs": ["docs", "the folder the split script writes the pages and data files into"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        path = Path(str(self.getConfig("docs"))) / LANGUAGES
        words = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
        # After the footnotes (15) and the abbreviations (inline, 20), before the table of contents (5).
        languages = Languages(md, words or {})
        md.treeprocessors.register(languages, "article-languages", 6)
        # After the stashed HTML (code blocks among it) is back in the page (30).
        md.postprocessors.register(CodeLanguages(md, languages), "article-code-languages", 25)


def makeExtension(**kwargs) -> LanguagesExtension:
    return LanguagesExtension(**kwargs)
