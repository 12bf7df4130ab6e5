"""The article's own pages: the home page (title, summary, contents) and one page per section."""

from __future__ import annotations

from ..downloads import download_line
from ..markdown import escape, first_sentence, footnotes, page, paragraph_block
from ..model import Anchor, Article, Note, Page, Paragraph, Section
from ..places import ABOUT, HOME, HOME_TITLE, NOTES, section_path


def numbered(placed: list[tuple[Anchor, Paragraph]], path: str) -> str:
    """The paragraphs of one page, each with its anchor."""
    return "\n".join(paragraph_block(p, a.number) for a, p in placed if a.path == path)


def home_page(article: Article, placed: list[tuple[Anchor, Paragraph]], notes: dict[int, Note]) -> Page:
    contents = "".join(f"{i}. [{escape(s.heading)}]({section_path(s)})\n"
                       for i, s in enumerate(article.sections, start=1))
    notes_text = footnotes(list(article.summary), notes)
    body = (f"\n# {escape(article.title)}\n\n*{escape(article.publication)}*\n\n{download_line(article.title)}\n"
            f"## Summary\n\n{numbered(placed, HOME)}\n"
            f"**Key words:** {escape(', '.join(article.keywords))}.\n\n## Contents\n\n{contents}\n"
            f"The [notes]({NOTES}) follow the text; [about this edition]({ABOUT}) tells where it comes from.\n"
            + ("\n" + notes_text if notes_text else ""))
    return page(HOME, HOME_TITLE, body, description=first_sentence(article.summary[0].text))


def section_page(section: Section, placed: list[tuple[Anchor, Paragraph]], notes: dict[int, Note]) -> Page:
    notes_text = footnotes(list(section.paragraphs), notes)
    body = (f"\n# {escape(section.heading)}\n\n" + numbered(placed, section_path(section))
            + ("\n" + notes_text if notes_text else ""))
    return page(section_path(section), section.heading, body,
                title=section.heading, description=first_sentence(section.paragraphs[0].text))
