"""The article's one citation record, and what is made of it for citing.

The citations the official CSL styles make of it (pandoc's citeproc), Google Scholar's meta tags
and the schema.org JSON-LD. The record is what a reader consults: the publisher's web page of the article, with the book the
article is included in as its container where a style has a place for one.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from .refs_bib import Work, citeproc, plain_texts, set_entries, set_notes, unbraced
from .model import Article, Citations, Edition, Record, Styled
from .text import comparable, fold
from .text import plain

PUBLICATION = re.compile(r"included in the publication\s+(?P<container>.+?)\.?\s*$")
SCHEMA_TYPES = {"article": "ScholarlyArticle", "book": "Book", "techreport": "Report", "misc": "CreativeWork"}
WORD = re.compile(r"[^\W\d_][\w’'-]*")
OPENING = re.compile(r"(?:^|[:?!]\s+)$")  # what stands before a title's or subtitle's first word


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
                  abstract=" ".join(plain(p.text) for p in article.summary))


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
    """The record as a CSL-JSON item: a web page, the book as its container."""
    year, month, day = (int(part) for part in rec.published.split("-"))
    item = {"id": rec.key, "type": "webpage", "title": sentence_case(rec), "author": [{"literal": rec.author}],
            "container-title": rec.container, "issued": {"date-parts": [[year, month, day]]}, "URL": rec.url,
            "language": rec.language, "abstract": rec.abstract}
    return {key: value for key, value in item.items() if value is not None}


def csl_json(rec: Record) -> str:
    """The downloadable CSL-JSON file: a list holding the one item."""
    return json.dumps([csl_item(rec)], ensure_ascii=False, indent=2) + "\n"


def citations(rec: Record, chicago: Path, apa: Path) -> Citations:
    """The record set by citeproc: Chicago's note and bibliography entry, and APA's reference entry."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{rec.key}.json"
        path.write_text(json.dumps([csl_item(rec)], ensure_ascii=False), encoding="utf-8")
        chicago_out = citeproc(f"[@{rec.key}]\n", chicago, path)
        apa_out = citeproc(f"---\nnocite: '@{rec.key}'\n---\n", apa, path)
    (note,), chicago_entry = set_notes(chicago_out), set_entries(chicago_out)[rec.key]
    apa_entry = set_entries(apa_out)[rec.key]
    texts = plain_texts([note, chicago_entry, apa_entry])
    return Citations(Styled(note, texts[0]), Styled(chicago_entry, texts[1]), Styled(apa_entry, texts[2]))


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
    """Google Scholar meta tags and a schema.org ScholarlyArticle, both from the record.

    Reference managers read the tags (Zotero's "Embedded Metadata" translator): one
    ``citation_author`` ending in a comma is kept whole as one name, where without the comma
    Zotero would split the institution into a first and a last name. The JSON-LD's ``url``, this
    edition's address, is added at build time from ``site_url`` (scripts/hooks/metadata.py).
    """
    ordered = sorted(works.values(), key=lambda w: comparable(unbraced(str(w.authors[0])) if w.authors else w.title))
    meta = [("citation_title", rec.title), ("citation_author", f"{rec.author},"),
            ("citation_publication_date", rec.published.replace("-", "/")),
            *([("citation_inbook_title", rec.container)] if rec.container else []),
            ("citation_publisher", rec.author), ("citation_abstract", rec.abstract),
            ("citation_public_url", rec.url), ("citation_language", rec.language)]
    meta += [("citation_reference", meta_reference(w)) for w in ordered]
    institution = {"@type": "Organization", "name": rec.author, "alternateName": rec.short_author}
    schema = {"@context": "https://schema.org", "@type": "ScholarlyArticle", "headline": rec.title,
              "name": rec.title, "author": institution, "publisher": institution, "datePublished": rec.published,
              "inLanguage": rec.language, "abstract": rec.abstract, "isBasedOn": rec.url}
    if rec.container:
        schema["isPartOf"] = {"@type": "Book", "name": rec.container}
    schema["citation"] = [schema_work(w) for w in ordered]
    return {"meta": [list(pair) for pair in meta], "json_ld": schema}
