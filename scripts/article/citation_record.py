"""The article's one citation record, and every form made of it for citing.

The styles it is cited in (the official CSL files, set by pandoc's citeproc), CSL-JSON, BibTeX, RIS,
the Citation File Format's preferred citation, Google Scholar's meta tags and the schema.org JSON-LD.

The record is a chapter in a book: the source says the article is "included in the publication"
of a book, and its publisher posted it on its website on the date the edition gives. The
publisher's web page names no personal author (its disclaimer speaks of "the author"), so the
institution is the author of record, under one name, and the publisher. Nothing the source does
not give (a place, editors, pages, a date of the book's own) is added.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from .refs_bib import Work, citeproc, plain_texts, set_entries, set_notes, unbraced
from .model import Article, Edition, Record, Style, Styled
from .text import comparable, fold, plain

PUBLICATION = re.compile(r"included in the publication\s+(?P<container>.+?)\.?\s*$")
SCHEMA_TYPES = {"article": "ScholarlyArticle", "book": "Book", "techreport": "Report", "misc": "CreativeWork"}
WORD = re.compile(r"[^\W\d_][\w’'-]*")
OPENING = re.compile(r"(?:^|[:?!]\s+)$")  # what stands before a title's or subtitle's first word
CHICAGO = ("chicago-notes-bibliography.csl", "Chicago",
           "*The Chicago Manual of Style*, 18th edition, notes and bibliography.")
APA = ("apa.csl", "APA", "*Publication Manual of the American Psychological Association*, 7th edition, reference list entry.")
# The styles the article is cited in, in the order the Cite page shows them. The first is the one
# a paragraph's Cite button copies, with the paragraph's number and address after it.
STYLES = (Style("chicago-note", CHICAGO[0], "note", *CHICAGO[1:], "Note", "Copy the Chicago note"),
          Style("chicago-bibliography", CHICAGO[0], "entry", *CHICAGO[1:], "Bibliography entry",
                "Copy the Chicago bibliography entry"),
          Style("apa", APA[0], "entry", *APA[1:], "Reference list entry", "Copy the APA reference"))
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")  # BibTeX's macros
LANGUAGES = {"en": "english", "es": "spanish"}  # biblatex's names for the record's language
LATEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")


def record(article: Article, edition: Edition, names: Iterable[str]) -> Record:
    """The article's citation record: its title, summary and publication note, with the edition's facts.

    ``names`` are the names the editors' index knows, which keep their capitals in any title case.
    """
    container = PUBLICATION.search(article.publication or "")
    short = re.search(r"\(([^)]+)\)\s*$", edition.publisher)
    short_author = short[1] if short else edition.publisher
    language = parse_qs(urlparse(edition.source_url).query).get("lang", ["en"])[0]
    text = " ".join(p.text for p in article.paragraphs)
    return Record(key=re.sub(r"[^a-z0-9]", "", fold(short_author).lower()) + edition.published[:4],
                  title=article.title, names=title_names(article.title, text, names),
                  author=re.sub(r"\s*\([^)]+\)\s*$", "", edition.publisher), short_author=short_author,
                  container=container["container"] if container else None, published=edition.published,
                  url=edition.source_url, language=language,
                  abstract=" ".join(plain(p.text) for p in article.summary), authorship=edition.authorship)


def title_names(title: str, text: str, names: Iterable[str]) -> tuple[str, ...]:
    """The runs of the title's words that keep their capitals in sentence case: a name the index
    knows, an acronym, or a capitalised word that the article's text never writes in lower case."""
    lower = {word for word in WORD.findall(text) if word.islower()}
    named = [m.span() for name in names for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", title)]
    runs: list[tuple[int, int]] = []
    for m in WORD.finditer(title):
        word = m.group()
        if word[0].isupper() and (any(a <= m.start() and m.end() <= b for a, b in named)
                                  or len(word) > 1 and word.isupper() or word.lower() not in lower):
            if runs and title[runs[-1][1]:m.start()].isspace():
                runs[-1] = (runs[-1][0], m.end())
            else:
                runs.append(m.span())
    return tuple(title[a:b] for a, b in runs)


def name_spans(rec: Record) -> list[tuple[int, int]]:
    """Where each of the record's title names stands in its title."""
    spans, at = [], 0
    for name in rec.names:
        at = rec.title.index(name, at)
        spans.append((at, at + len(name)))
        at += len(name)
    return spans


def sentence_case(rec: Record) -> str:
    """The title in sentence case, as CSL expects a title to be stored: each style that wants title
    case (Chicago) makes it, and those that want sentence case (APA) print it as it is."""
    spans, title = name_spans(rec), rec.title
    out, at = [], 0
    for m in WORD.finditer(title):
        inside = any(a <= m.start() < b for a, b in spans)
        if not inside and not OPENING.search(title[:m.start()]) and m.group()[0].isupper():
            out += [title[at:m.start()], m.group()[0].lower() + m.group()[1:]]
            at = m.end()
    return "".join([*out, title[at:]])


def csl_item(rec: Record) -> dict:
    """The record as a CSL-JSON item: a chapter, in its book, by its publisher."""
    year, month, day = (int(part) for part in rec.published.split("-"))
    item = {"id": rec.key, "type": "chapter", "title": sentence_case(rec), "author": [{"literal": rec.author}],
            "container-title": rec.container, "publisher": rec.author,
            "issued": {"date-parts": [[year, month, day]]}, "URL": rec.url, "language": rec.language,
            "abstract": rec.abstract}
    return {key: value for key, value in item.items() if value is not None}


def csl_json(rec: Record) -> str:
    """The downloadable CSL-JSON file: a list holding the one item."""
    return json.dumps([csl_item(rec)], ensure_ascii=False, indent=2) + "\n"


def citations(rec: Record, styles: Path) -> dict[str, Styled]:
    """The record set by citeproc in each of ``STYLES`` (their CSL files in the folder ``styles``), by style key."""
    outputs: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{rec.key}.json"
        path.write_text(csl_json(rec), encoding="utf-8")  # the downloadable file itself
        for csl in dict.fromkeys(style.csl for style in STYLES):  # one run a style file: its note and its entry
            outputs[csl] = citeproc(f"[@{rec.key}]\n", styles / csl, path)
    markdown = [set_notes(outputs[s.csl])[0] if s.form == "note" else set_entries(outputs[s.csl])[rec.key]
                for s in STYLES]
    return {style.key: Styled(text, plain) for style, text, plain in zip(STYLES, markdown, plain_texts(markdown))}


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
    """The record as one BibTeX ``@incollection`` that BibTeX and biblatex both read: standard fields
    only, month as BibTeX's macro, the institution and the book's title braced whole."""
    year, month, _ = rec.published.split("-")
    fields = [("author", f"{{{{{latex(rec.author)}}}}}"), ("title", f"{{{bibtex_title(rec)}}}"),
              *([("booktitle", f"{{{{{latex(rec.container)}}}}}")] if rec.container else []),
              ("publisher", f"{{{latex(rec.author)}}}"), ("year", f"{{{year}}}"), ("month", MONTHS[int(month) - 1]),
              ("url", f"{{{rec.url}}}"), *([("abstract", f"{{{latex(rec.abstract)}}}")] if abstract else []),
              ("langid", f"{{{LANGUAGES.get(rec.language, rec.language)}}}")]
    width = max(len(name) for name, _ in fields)
    return "\n".join([f"@incollection{{{rec.key},", *(f"  {n:<{width}} = {v}," for n, v in fields), "}"]) + "\n"


def ris(rec: Record, abstract: bool = True) -> str:
    """The record as a RIS ``CHAP``. The author ends in a comma: RIS names are "Last, First", and a
    name with nothing after its comma is one corporate name, not a first and a last name."""
    year, month, day = rec.published.split("-")
    tags = [("TY", "CHAP"), ("AU", f"{rec.author},"), ("TI", rec.title),
            *([("T2", rec.container)] if rec.container else []), ("PB", rec.author), ("PY", year),
            ("DA", f"{year}/{month}/{day}/"), ("UR", rec.url), *([("AB", rec.abstract)] if abstract else []),
            ("LA", rec.language), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in tags)


def cff_citation(rec: Record) -> dict:
    """The record as CITATION.cff's ``preferred-citation``. CFF has no chapter type: a chapter is a
    ``generic`` work whose collection is a book, as cffr's BibTeX crosswalk maps ``@incollection``
    (Hernangómez, "BibTeX and CFF, a potential crosswalk", the cffr package's vignette)."""
    institution = {"name": rec.author, "alias": rec.short_author}
    return {"type": "generic", "title": rec.title, "authors": [institution], "publisher": {"name": rec.author},
            **({"collection-title": rec.container, "collection-type": "book"} if rec.container else {}),
            "date-published": rec.published, "year": int(rec.published[:4]), "url": rec.url,
            "languages": [rec.language]}


def meta_reference(work: Work) -> str:
    """One cited work as Google Scholar's ``citation_reference`` content."""
    fields = work.entry.fields
    pairs = [("citation_author", unbraced(str(p))) for p in work.authors]
    pairs += [("citation_title", work.title), ("citation_publication_date", work.year)]
    if "journal" in fields:
        pairs.append(("citation_journal_title", unbraced(fields["journal"])))
    for name, field in (("citation_volume", "volume"), ("citation_issue", "number"), ("citation_doi", "doi"),
                        ("citation_publisher", "publisher"), ("citation_publisher", "institution")):
        if field in fields:
            pairs.append((name, unbraced(fields[field])))
    if "url" in fields:
        pairs.append(("citation_public_url", fields["url"]))
    return "; ".join(f"{name}={value}" for name, value in pairs)


def schema_work(work: Work) -> dict:
    """One cited work as a schema.org item."""
    fields = work.entry.fields
    kind = "NewsArticle" if fields.get("entrysubtype") == "newspaper" else SCHEMA_TYPES.get(work.entry.type,
                                                                                             "CreativeWork")
    authors = [{"@type": "Organization", "name": unbraced(str(p))} if not p.first_names
               else {"@type": "Person", "name": unbraced(" ".join(p.first_names + p.middle_names + p.prelast_names
                                                               + p.last_names + p.lineage_names))}
               for p in work.authors]
    item = {"@type": kind, "name": work.title, "author": authors, "datePublished": work.year}
    if work.link:
        item["url"] = work.link
    return item


def metadata(rec: Record, works: dict[str, Work]) -> dict:
    """Google Scholar meta tags and a schema.org Chapter, both from the record.

    Reference managers read the tags (Zotero's "Embedded Metadata" translator, which makes a
    ``citation_inbook_title`` a bookSection). The ``citation_author`` ends in a comma because
    Zotero keeps a name with a comma as "Last, First" and one with nothing after its comma as a
    single name; without it Zotero would split the institution into a first and a last name, and
    the tags have no other way to say that an author is an institution. This edition's address
    (the JSON-LD's ``url``) and its PDF's (``citation_pdf_url``) are added at build time from
    ``site_url`` (scripts/hooks/metadata.py).
    """
    ordered = sorted(works.values(), key=lambda w: comparable(unbraced(str(w.authors[0])) if w.authors else w.title))
    meta = [("citation_title", rec.title), ("citation_author", f"{rec.author},"),
            ("citation_publication_date", rec.published.replace("-", "/")),
            *([("citation_inbook_title", rec.container)] if rec.container else []),
            ("citation_publisher", rec.author), ("citation_abstract", rec.abstract),
            ("citation_public_url", rec.url), ("citation_language", rec.language)]
    meta += [("citation_reference", meta_reference(w)) for w in ordered]
    institution = {"@type": "Organization", "name": rec.author, "alternateName": rec.short_author}
    schema = {"@context": "https://schema.org", "@type": "Chapter", "headline": rec.title,
              "name": rec.title, "author": institution, "publisher": institution, "datePublished": rec.published,
              "inLanguage": rec.language, "abstract": rec.abstract, "isBasedOn": rec.url}
    if rec.container:
        schema["isPartOf"] = {"@type": "Book", "name": rec.container, "publisher": institution}
    schema["citation"] = [schema_work(w) for w in ordered]
    return {"meta": [list(pair) for pair in meta], "json_ld": schema}
