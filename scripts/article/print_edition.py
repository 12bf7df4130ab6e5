"""The print edition: the whole article and all its notes, in order, on one page."""

from __future__ import annotations

from .model import Article, Note
from .render import GENERATED, Page, escape, footnotes, paragraph_block
from .resolve import paragraphs


def print_page(article: Article, notes: dict[int, Note]) -> Page:
    """One page for printing or saving as PDF; left out of search, which finds the section pages."""
    number = 1
    blocks = ["## Summary\n\n"]
    for paragraph in article.summary:
        blocks.append(paragraph_block(paragraph, number) + "\n")
        number += 1
    blocks.append(f"**Key words:** {escape(', '.join(article.keywords))}.\n\n")
    for section in article.sections:
        blocks.append(f"## {escape(section.heading)}\n\n")
        for paragraph in section.paragraphs:
            blocks.append(paragraph_block(paragraph, number) + "\n")
            number += 1
    text = ("---\ntitle: \"Print edition\"\n"
            "description: \"The whole article with all its notes on one page, for printing or saving as PDF.\"\n"
            "search:\n  exclude: true\n---\n\n" + GENERATED + "\n"
            + f"\n# {escape(article.title)}\n\n*{escape(article.publication)}*\n\n" + "".join(blocks)
            + "## Notes\n\n" + footnotes(tuple(paragraphs(article)), notes))
    return Page("print.md", "Print edition", text)
