"""The print edition: the whole article on one page, as the PDF and EPUB downloads carry it too.

Title block and provenance, the summary and keywords, every section, the notes, the References
and About this edition with the disclaimer. Its "Full reference" links lead to the References
printed on the same page. The build makes the downloads from this page (scripts/hooks/downloads.py).
"""

from __future__ import annotations


from ..download_links import SITE_ONLY, download_line
from ..markdown import LEFT_OUT_OF_SEARCH, escape, footnotes, page, paragraph_block
from ..model import Anchor, Article, Edition, Evidence, Note, Page, Paragraph, Record
from ..numbering import HOME
from .about import about_text
from .article import title_block
from .references import entry_lines, ordered_entries

PATH = "print.md"
# Where Python-Markdown's footnotes extension puts the notes (its default PLACE_MARKER).
NOTES_GO_HERE = "///Footnotes Go Here///"


def body(article: Article, placed: list[tuple[Anchor, Paragraph]]) -> str:
    """The summary, the keywords and each section, every paragraph with its anchor."""
    blocks, part = [], None
    for anchor, paragraph in placed:
        if anchor.path != part:  # a new part: the summary, then each section
            if part == HOME:
                blocks.append(f"**Key words:** {escape(', '.join(article.keywords))}.\n\n")
            blocks.append(f"## {escape(anchor.title)}\n\n")
            part = anchor.path
        blocks.append(paragraph_block(paragraph, anchor.number, anchor.remark) + "\n")
    return "".join(blocks)


def print_page(article: Article, placed: list[tuple[Anchor, Paragraph]], notes: dict[int, Note], rec: Record, gloss: str,
               edition: Edition, entries: dict[str, str], located: str, evidence: dict[str, Evidence]) -> Page:
    """One page for printing, with the ``located`` sentence and map; left out of search, which finds
    the section pages."""
    references = "".join(f"{entry_lines(key, text, notes, evidence)}\n{{: #ref-{key} .reference }}\n\n"
                         for key, text in ordered_entries(entries))
    text = (f"\n# {escape(rec.title)}\n\n" + title_block(rec, gloss, f"Original: <{rec.url}>") + "\n" + download_line(rec.title, print_button=True) + "\n"
            + located + body(article, placed)
            # On paper the notes stand at the foot of each page, so only the site shows this heading.
            + f"## Notes {{: .{SITE_ONLY} }}\n\n{NOTES_GO_HERE}\n\n"
            + footnotes(article.paragraphs, notes, references="")
            + "\n## References\n\n" + references
            + about_text(article, edition, level=2))
    return page(PATH, "Print edition", text, title="Print edition",
                description="The whole article with its notes, References and disclaimer on one page, "
                            "for printing; also as PDF and EPUB.",
                search=LEFT_OUT_OF_SEARCH)
