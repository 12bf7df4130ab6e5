"""The "Cite this article" page: the article's citation in four formats, each ready to copy."""

from __future__ import annotations

import datetime

from ..markdown import page
from ..model import Page, Record

PATH = "cite.md"


def cite_page(rec: Record) -> Page:
    """The "Cite this article" page: the article's citation in four formats, each ready to copy."""
    year, month, day = rec.published.split("-")
    date = datetime.date(int(year), int(month), int(day))
    long_date = f"{date:%B} {date.day}, {year}"
    container = f" In {rec.container}." if rec.container else ""
    chicago = (f"{rec.author} ({rec.short_author}). “{rec.title}.”{container} "
               f"Published {long_date}. {rec.url}.")
    apa = f"{rec.author}. ({year}, {date:%B} {date.day}). {rec.title}.{container} {rec.url}"
    key = f"{rec.short_author.lower()}{year}"
    bibtex = "\n".join([f"@incollection{{{key},", f"  author    = {{{{{rec.author}}}}},",
                        f"  title     = {{{rec.title}}},",
                        *([f"  booktitle = {{{rec.container}}},"] if rec.container else []),
                        f"  publisher = {{{rec.author}}},", f"  year      = {{{year}}},",
                        f"  date      = {{{rec.published}}},", f"  url       = {{{rec.url}}},",
                        f"  langid    = {{{'english' if rec.language == 'en' else rec.language}}},", "}"])
    ris = "\n".join(["TY  - CHAP", f"AU  - {rec.author}", f"TI  - {rec.title}",
                     *([f"T2  - {rec.container}"] if rec.container else []), f"PB  - {rec.author}",
                     f"PY  - {year}", f"DA  - {year}/{month}/{day}", f"UR  - {rec.url}",
                     f"LA  - {rec.language}", "ER  - "])
    # Prose citations wrap like text (docs/assets/reader.css), so they read whole before copying.
    blocks = [("Chicago", "Notes and bibliography style, bibliography entry.", "{ .text .citation-prose }", chicago),
              ("APA", "7th edition, reference list entry.", "{ .text .citation-prose }", apa),
              ("BibTeX", "For LaTeX and most reference managers.", "text", bibtex),
              ("RIS", "For Zotero, EndNote, Mendeley and other reference managers.", "text", ris)]
    body = "".join(f"\n## {name}\n\n{why}\n\n``` {lang}\n{text}\n```\n" for name, why, lang, text in blocks)
    text = ("\n# Cite this article\n\n"
            f"The article names no personal author: its publisher, the {rec.author} "
            f"({rec.short_author}), stands as author. Cite the article as published, not this edition. "
            "Each block has a copy button.\n" + body)
    return page(PATH, "Cite this article", text, title="Cite this article",
                description=f"How to cite “{rec.title}”: Chicago, APA, BibTeX, RIS.")
