"""The "Cite this article" page and its downloads, all from the one citation record.

The Chicago and APA citations are set by citeproc from the official CSL styles (``citation_record``);
BibTeX and RIS are written here, readable by BibTeX and biblatex alike and by reference managers.
"""

from __future__ import annotations

import html
import re

from ..download_links import download_line
from ..markdown import escape, page
from ..model import Citations, Page, Record, Styled
from ..citation_record import csl_json, name_spans

PATH = "cite.md"
BIB, RIS, CSL = "cite/article.bib", "cite/article.ris", "cite/article.json"  # below docs/, linked from the page
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")  # BibTeX's macros
LANGUAGES = {"en": "english", "es": "spanish"}  # biblatex's names for the record's language
LATEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")


def latex(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters made literal."""
    named = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
    return LATEX_SPECIAL.sub(lambda m: named.get(m.group(), "\\" + m.group()), text)


def bibtex_title(rec: Record) -> str:
    """The title as published, each name in braces: styles that lower-case titles keep its capitals."""
    out, at = [], 0
    for start, end in name_spans(rec):
        out += [latex(rec.title[at:start]), "{", latex(rec.title[start:end]), "}"]
        at = end
    return "".join([*out, latex(rec.title[at:])])


def bibtex(rec: Record, abstract: bool = True) -> str:
    """The record as one BibTeX entry that BibTeX and biblatex both read: standard fields only,
    month as BibTeX's macro, the institution and the book's title braced whole."""
    year, month, _ = rec.published.split("-")
    fields = [("author", f"{{{{{latex(rec.author)}}}}}"), ("title", f"{{{bibtex_title(rec)}}}"),
              *([("booktitle", f"{{{{{latex(rec.container)}}}}}")] if rec.container else []),
              ("publisher", f"{{{latex(rec.author)}}}"), ("year", f"{{{year}}}"), ("month", MONTHS[int(month) - 1]),
              ("url", f"{{{rec.url}}}"), *([("abstract", f"{{{latex(rec.abstract)}}}")] if abstract else []),
              ("langid", f"{{{LANGUAGES.get(rec.language, rec.language)}}}")]
    width = max(len(name) for name, _ in fields)
    return "\n".join([f"@incollection{{{rec.key},", *(f"  {n:<{width}} = {v}," for n, v in fields), "}"]) + "\n"


def ris(rec: Record, abstract: bool = True) -> str:
    """The record as RIS. The author ends in a comma: RIS names are "Last, First", and a name
    with nothing after its comma is one corporate name, not a first and a last name."""
    year, month, day = rec.published.split("-")
    tags = [("TY", "CHAP"), ("AU", f"{rec.author},"), ("TI", rec.title),
            *([("T2", rec.container)] if rec.container else []), ("PB", rec.author), ("PY", year),
            ("DA", f"{year}/{month}/{day}/"), ("UR", rec.url), *([("AB", rec.abstract)] if abstract else []),
            ("LA", rec.language), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in tags)


def citation_files(rec: Record) -> dict[str, str]:
    """The files the Cite page offers, by path below docs/."""
    return {BIB: bibtex(rec), RIS: ris(rec), CSL: csl_json(rec)}


def styled(citation: Styled, button: str) -> str:
    """A citation as its style sets it, and a button that copies it as plain text."""
    return (f"{citation.markdown}\n{{: .citation }}\n\n<button class=\"md-button citation-copy\" type=\"button\" "
            f"data-clipboard-text=\"{html.escape(citation.plain)}\">{button}</button>\n")


def cite_page(rec: Record, cited: Citations) -> Page:
    """The "Cite this article" page: the citation in two styles, BibTeX and RIS, and three files."""
    files = ", ".join(f"[{name}]({path}){{: download=\"{rec.key}.{path.rsplit('.', 1)[1]}\" }}"
                      for name, path in (("BibTeX (.bib)", BIB), ("RIS (.ris)", RIS), ("CSL-JSON (.json)", CSL)))
    text = (f"\n# Cite this article\n\nThe article names no personal author: its publisher, the "
            f"{escape(rec.author)} ({escape(rec.short_author)}), stands as author. Cite the article as published "
            f"on its publisher's web page, not this edition; the styles name the book it is included in where "
            f"they have a place for it. Each button copies its citation as plain text.\n\n"
            + download_line(rec.title) +
            f"\n## Chicago\n\n*The Chicago Manual of Style*, 18th edition, notes and bibliography.\n"
            f"\n### Note\n\n{styled(cited.chicago_note, 'Copy the Chicago note')}"
            f"\n### Bibliography entry\n\n{styled(cited.chicago_entry, 'Copy the Chicago bibliography entry')}"
            f"\n## APA\n\n*Publication Manual of the American Psychological Association*, 7th edition, "
            f"reference list entry.\n\n{styled(cited.apa_entry, 'Copy the APA reference')}"
            f"\n## BibTeX\n\nFor LaTeX, with BibTeX or biblatex.\n\n"
            f"``` {{ .text .citation-code }}\n{bibtex(rec, abstract=False)}```\n"
            f"\n## RIS\n\nFor Zotero, EndNote, Mendeley and other reference managers.\n\n"
            f"``` {{ .text .citation-code }}\n{ris(rec, abstract=False)}```\n"
            f"\n## Files\n\nThe same with the article's summary, to download: {files}.\n")
    return page(PATH, "Cite this article", text, title="Cite this article",
                description=f"How to cite “{rec.title}”: Chicago, APA, BibTeX, RIS and CSL-JSON.")
