"""The article's own pages: the home page (title block, summary, contents) and one page per section."""

from __future__ import annotations

from ..download_links import download_line, keep_offline_line
from ..markdown import editorial, escape, first_sentence, footnotes, page, paragraph_block
from ..map_data import MapData
from ..model import Anchor, Article, Note, Page, Paragraph, Record, Section
from ..numbering import HOME, HOME_TITLE, NOTES, section_path
from .cite import PATH as CITE
from .cite import posted
from .locator_map import map_block



def numbered(placed: list[tuple[Anchor, Paragraph]], path: str) -> str:
    """The paragraphs of one page, each with its anchor."""
    return "\n".join(paragraph_block(p, a.number, a.remark) for a, p in placed if a.path == path)


def title_block(rec: Record, gloss: str, last_line: str) -> str:
    """Who published the article, when and where, then ``last_line`` (the original, what to do)."""
    return (f"**{escape(rec.author)} ({escape(rec.short_author)})**  \n"
            + (f"{editorial(gloss)}  \n" if gloss else "") +
            f"{posted(rec)}  \n{last_line}\n"
            '{: .title-block data-search-exclude="" }\n')  # search finds these facts on About


def orientation(words: MapData, places: list[str], with_index: bool = True) -> str:
    """Where the article is set, for a stranger: the edition's sentence (scripts/data/map.yml), then
    the locator map (its caption speaks of the Index ``with_index``)."""
    return (f'{editorial(words.where)}\n{{: .where data-search-exclude="" }}\n\n'
            f'{map_block(words, places, with_index)}\n')


def home_page(article: Article, rec: Record, gloss: str, placed: list[tuple[Anchor, Paragraph]],
              notes: dict[int, Note], located: str) -> Page:
    """Home: the title block, the ``located`` sentence and map, the summary and the contents."""
    contents = "".join(f"{i}. [{escape(s.heading)}]({section_path(s)})\n"
                       for i, s in enumerate(article.sections, start=1))
    notes_text = footnotes(list(article.summary), notes)
    actions = f"[Read the original]({rec.url}) · [Cite this article]({CITE})"
    body = (f"\n# {escape(article.title)}\n\n{title_block(rec, gloss, actions)}\n{download_line(article.title)}\n"
            f"{keep_offline_line()}\n" + located +
            f"## Summary\n\n{numbered(placed, HOME)}\n"
            f"**Key words:** {escape(', '.join(article.keywords))}.\n\n## Contents\n\n{contents}\n"
            f"The [notes]({NOTES}) follow the text.\n"
            + ("\n" + notes_text if notes_text else ""))
    return page(HOME, HOME_TITLE, body, description=first_sentence(article.summary[0].text))


def section_page(article: Article, section: Section, placed: list[tuple[Anchor, Paragraph]],
                 notes: dict[int, Note]) -> Page:
    notes_text = footnotes(list(section.paragraphs), notes)
    body = (f"\n[{escape(article.title)}]({HOME})\n{{: .article-name }}\n\n# {escape(section.heading)}\n\n"
            + numbered(placed, section_path(section)) + ("\n" + notes_text if notes_text else ""))
    # A section has no heading under its title: its notes take the place of Material's table of
    # contents, in the right margin of a wide screen (docs/assets/reader.css, "Notes in the margin").
    return page(section_path(section), section.heading, body, title=section.heading,
                description=first_sentence(section.paragraphs[0].text), hide=["toc"])
