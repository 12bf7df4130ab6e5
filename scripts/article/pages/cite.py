"""The "Cite this article" page and its downloads, all from the one citation record.

Each style of ``citation_record.STYLES`` in its order, set by citeproc from its official CSL file;
then BibTeX and RIS, and the files to download.
"""

from __future__ import annotations

import html
import re

from ..download_links import download_line
from ..markdown import day, escape, page
from ..model import Page, Record, Styled
from ..citation_record import STYLES, bibtex, csl_json, ris

PATH = "cite.md"
BIB, RIS, CSL = "cite/article.bib", "cite/article.ris", "cite/article.json"  # below docs/, linked from the page


def posted(rec: Record) -> str:
    """When and where the article appeared, worded so that the year in the book's title is not taken
    for another date: the posting date is the only one the source gives."""
    book = f", as a chapter of *{escape(rec.container)}*" if rec.container else ""
    years = [y for y in re.findall(r"\b(?:19|20)\d\d\b", rec.container or "") if y != rec.published[:4]]
    title_years = "".join(f"; “{y}” is part of the book's title" for y in years)
    return f"Posted on its publisher's website on {day(rec.published)}{book} (the only date the source gives{title_years})"


def citation_files(rec: Record) -> dict[str, str]:
    """The files the Cite page offers, by path below docs/."""
    return {BIB: bibtex(rec), RIS: ris(rec), CSL: csl_json(rec)}


def copy_button(text: str, label: str) -> str:
    """A button, named ``label``, that copies ``text``, under every form of the citation alike."""
    copied = html.escape(text).replace("\n", "&#10;")    # one line of Markdown, whatever the text's lines
    return f"<button class=\"md-button citation-copy\" type=\"button\" data-clipboard-text=\"{copied}\">{label}</button>\n"


def styled(key: str, citation: Styled, button: str) -> str:
    """A citation as its style sets it, anchored by its style's key, and a button that copies it as plain text."""
    return f"{citation.markdown}\n{{: #{key} .citation }}\n\n" + copy_button(citation.plain, button)


def styles_text(cited: dict[str, Styled]) -> str:
    """Each style in order, under its manual's name; a manual with more than one form names each."""
    text, manual = "", None
    for style in STYLES:
        forms = sum(s.manual == style.manual for s in STYLES)
        if style.manual != manual:
            text += f"\n## {style.manual}\n\n{style.source}\n"
            manual = style.manual
        text += (f"\n### {style.name}\n\n" if forms > 1 else "\n") + styled(style.key, cited[style.key], style.button)
    return text


def cite_page(rec: Record, cited: dict[str, Styled]) -> Page:
    """The "Cite this article" page: why the publisher is the author of record (mkdocs.yml's
    ``authorship``), the citation in each style, BibTeX and RIS, and three files."""
    files = ", ".join(f"[{name}]({path}){{: download=\"{rec.key}.{path.rsplit('.', 1)[1]}\" }}"
                      for name, path in (("BibTeX (.bib)", BIB), ("RIS (.ris)", RIS), ("CSL-JSON (.json)", CSL)))
    bib, record = bibtex(rec, abstract=False), ris(rec, abstract=False)
    text = (f"\n# Cite this article\n\n{posted(rec)}. {escape(rec.authorship)}, so "
            f"its publisher, the {escape(rec.author)} ({escape(rec.short_author)}), is the author of record, "
            f"under that one name in every form below. Cite the article as published, not this edition; to point "
            f"to one paragraph, its Cite button adds the paragraph's number (¶) and its address here. Each "
            f"button copies its citation as plain text.\n\n"
            + download_line(rec.title) + styles_text(cited) +
            f"\n## BibTeX\n\nFor LaTeX, with BibTeX or biblatex.\n\n"
            f"``` {{ .text .citation-code }}\n{bib}```\n\n" + copy_button(bib, "Copy the BibTeX entry") +
            f"\n## RIS\n\nFor Zotero, EndNote, Mendeley and other reference managers.\n\n"
            f"``` {{ .text .citation-code }}\n{record}```\n\n" + copy_button(record, "Copy the RIS record") +
            f"\n## Files\n\nThe same with the article's summary, to download: {files}.\n")
    return page(PATH, "Cite this article", text, title="Cite this article",
                description=f"How to cite “{rec.title}”: Chicago, APA, BibTeX, RIS and CSL-JSON.")
