"""Build-time glue between the generated pages and MkDocs.

- The site's name and the article's navigation come from ``docs/.article.yml``, which
  scripts/split_article.py writes: nothing about the article is typed into mkdocs.yml.
- Footnotes show the article's own note numbers. Python-Markdown numbers footnotes per
  page (1, 2, 3 …); the pages label each footnote with the article's number (``[^6]``),
  and ``ArticleNoteNumbers`` puts that label back wherever a number is shown.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from generated import generated
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig


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


class ArticleNoteNumbers(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the footnotes extension has built its list (priorities 50 to 15).
        md.treeprocessors.register(NoteNumbers(md), "article-note-numbers", 5)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    article = generated(config, ".article.yml")
    config.site_name = article["title"]
    config.nav = [*article["nav"], *(config.nav or [])]
    config.markdown_extensions.append(ArticleNoteNumbers())
    return config
