"""The print edition: the whole article and all its notes, in order, on one page."""

from __future__ import annotations

from ..markdown import LEFT_OUT_OF_SEARCH, escape, footnotes, page, paragraph_block
from ..model import Anchor, Article, Note, Page, Paragraph
from ..places import HOME

PATH = "print.md"


def print_page(article: Article, placed: list[tuple[Anchor, Paragraph]], notes: dict[int, Note]) -> Page:
    """One page for printing or saving as PDF; left out of search, which finds the section pages."""
    blocks, part = [], None
    for anchor, paragraph in placed:
        if anchor.path != part:  # a new part: the summary, then each section
            if part == HOME:
                blocks.append(f"**Key words:** {escape(', '.join(article.keywords))}.\n\n")
            blocks.append(f"## {escape(anchor.title)}\n\n")
            part = anchor.path
        blocks.append(paragraph_block(paragraph, anchor.number) + "\n")
    body = (f"\n# {escape(article.title)}\n\n*{escape(article.publication)}*\n\n" + "".join(blocks)
            + "## Notes\n\n" + footnotes(article.paragraphs, notes))
    return page(PATH, "Print edition", body, title="Print edition",
                description="The whole article with all its notes on one page, for printing or saving as PDF.",
                search=LEFT_OUT_OF_SEARCH)
