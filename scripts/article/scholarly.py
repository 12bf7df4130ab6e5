"""Describe the article for citing: its citation record, Google Scholar tags and schema.org JSON-LD."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from .bibliography import Work, plain
from .model import Article, Edition, Record
from .text import comparable

PUBLICATION = re.compile(r"included in the publication\s+(?P<container>.+?)\.?\s*$")
SCHEMA_TYPES = {"article": "ScholarlyArticle", "book": "Book", "techreport": "Report", "misc": "CreativeWork"}


def record(article: Article, edition: Edition) -> Record:
    """The article's citation record: its title and publication note, with the edition's facts."""
    container = PUBLICATION.search(article.publication or "")
    short = re.search(r"\(([^)]+)\)\s*$", edition.publisher)
    language = parse_qs(urlparse(edition.source_url).query).get("lang", ["en"])[0]
    return Record(article.title, re.sub(r"\s*\([^)]+\)\s*$", "", edition.publisher),
                  short[1] if short else edition.publisher, container["container"] if container else None,
                  edition.published, edition.source_url, language)


def meta_reference(work: Work) -> str:
    """One cited work as Google Scholar's ``citation_reference`` content."""
    fields = work.entry.fields
    pairs = [("citation_author", plain(str(p))) for p in work.authors]
    pairs += [("citation_title", work.title), ("citation_publication_date", work.year)]
    if "journal" in fields:
        pairs.append(("citation_journal_title", plain(fields["journal"])))
    for name, field in (("citation_volume", "volume"), ("citation_issue", "number"), ("citation_doi", "doi"),
                        ("citation_publisher", "publisher"), ("citation_publisher", "institution")):
        if field in fields:
            pairs.append((name, plain(fields[field])))
    if "url" in fields:
        pairs.append(("citation_public_url", fields["url"]))
    return "; ".join(f"{name}={value}" for name, value in pairs)


def schema_work(work: Work) -> dict:
    """One cited work as a schema.org item."""
    fields = work.entry.fields
    kind = "NewsArticle" if fields.get("entrysubtype") == "newspaper" else SCHEMA_TYPES.get(work.entry.type,
                                                                                             "CreativeWork")
    authors = [{"@type": "Organization", "name": plain(str(p))} if not p.first_names
               else {"@type": "Person", "name": plain(" ".join(p.first_names + p.middle_names + p.prelast_names
                                                               + p.last_names + p.lineage_names))}
               for p in work.authors]
    item = {"@type": kind, "name": work.title, "author": authors, "datePublished": work.year}
    if work.link:
        item["url"] = work.link
    return item


def metadata(rec: Record, works: dict[str, Work]) -> dict:
    """Google Scholar meta tags and a schema.org ScholarlyArticle, both from the same record."""
    ordered = sorted(works.values(), key=lambda w: comparable(plain(str(w.authors[0])) if w.authors else w.title))
    meta = [("citation_title", rec.title), ("citation_author", rec.author),
            ("citation_publication_date", rec.published.replace("-", "/")),
            ("citation_publisher", rec.author), ("citation_public_url", rec.url),
            ("citation_language", rec.language)]
    if rec.container:
        meta.insert(3, ("citation_inbook_title", rec.container))
    meta += [("citation_reference", meta_reference(w)) for w in ordered]
    schema = {"@context": "https://schema.org", "@type": "ScholarlyArticle", "headline": rec.title,
              "name": rec.title, "author": {"@type": "Organization", "name": rec.author},
              "publisher": {"@type": "Organization", "name": rec.author}, "datePublished": rec.published,
              "inLanguage": rec.language, "url": rec.url}
    if rec.container:
        schema["isPartOf"] = {"@type": "Book", "name": rec.container}
    schema["citation"] = [schema_work(w) for w in ordered]
    return {"meta": [list(pair) for pair in meta], "json_ld": schema}
