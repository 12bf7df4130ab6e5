"""The About page: where the text comes from, how this edition treats it, and the disclaimer."""

from __future__ import annotations

from ..download_links import download_line, keep_offline_line
from ..markdown import day, editorial, escape, page
from ..model import Article, Edition, Page
from ..numbering import ABOUT, ABOUT_TITLE


def about_text(article: Article, edition: Edition, level: int = 1) -> str:
    """The About text under a heading of ``level``: the About page's own, and the print edition's last part."""
    disclaimer = f"\n{'#' * (level + 1)} Disclaimer\n\n> {escape(article.disclaimer)}\n" if article.disclaimer else ""
    return (f"\n{'#' * level} {ABOUT_TITLE}\n\n"
            f"This is a reader edition of *{escape(article.title)}*, published by {escape(edition.publisher)} "
            f"on its website on {day(edition.published)} at <{edition.source_url}>. {escape(article.publication)}\n"
            '{: data-search-exclude="" }\n\n'  # the home page's title block and Cite say it too
            "The pages are generated from the published web page as it was exported to text, "
            "kept unchanged in the repository's `source/` folder. The author's words are kept as "
            "published: only spacing, invisible characters and the form of note markers are normalised, "
            "and the notes keep the article's own numbers.\n\n"
            f"{'#' * (level + 1)} What this edition adds\n\n"
            f"Whatever the edition adds beside the author's words is {editorial('set in square brackets, like this')}: "
            "in a note, which note an “Ibid.” repeats (or that it is ambiguous) and the full reference of each "
            "work it cites; on the website, also a search of the Wayback Machine for each cited document's address and the paragraphs that "
            "cite each note. The References are this edition's: it identified each cited work and sets it in "
            "Chicago style, the style of the article's notes, beside the note's own words and what the "
            "identification rests on, with the address of each source, or that the work is not identified. "
            "On the website an abbreviation shows what it stands for where a page "
            "first uses it and a Glossary lists them all. The paragraphs carry this edition's numbers (¶), on "
            "the website, in the PDF and the EPUB and on paper, for citing one; the original has none.\n"
            + disclaimer)


def about_page(article: Article, edition: Edition) -> Page:
    return page(ABOUT, ABOUT_TITLE,
                about_text(article, edition) + "\n" + download_line(article.title) + "\n" + keep_offline_line(),
                title=ABOUT_TITLE, description=f"Where the text of “{article.title}” comes from.")
