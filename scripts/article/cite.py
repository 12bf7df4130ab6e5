"""Link each endnote to the works it cites in refs.bib, and describe the article for citing.

A note cites a work when the work's title (braces dropped; case, accents and quote styles
ignored) stands in one of the note's segments (a note citing two works separates them with
"; "). The page locator is the number or range that ends the segment ("…, 2004), 53-69.").
An "Ibid." note cites the works of the note it repeats, with its own locator if it gives one,
else with that note's. A segment matching no work or several works, and a work that no note
cites, are errors: refs.bib and the notes must tell the same story.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import yaml
from pybtex.database import Entry, Person, parse_file
from pybtex.scanner import PybtexError

from .model import Article, ArticleError, Citation, Note, Where
from .parse import URL, fold
from .resolve import IBID

LOCATOR = re.compile(r",\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?)\.?\s*$")
PUBLICATION = re.compile(r"included in the publication\s+(?P<container>.+?)\.?\s*$")
REFERENCES_PAGE = "references.md"
SCHEMA_TYPES = {"article": "ScholarlyArticle", "book": "Book", "techreport": "Report", "misc": "CreativeWork"}


@dataclass(frozen=True)
class Work:
    """One entry of refs.bib, as the notes and the metadata need it."""

    key: str
    entry: Entry
    where: Where

    @property
    def title(self) -> str:
        return plain(self.entry.fields["title"])

    @property
    def year(self) -> str:
        return self.entry.fields.get("year", "")

    @property
    def authors(self) -> list[Person]:
        return list(self.entry.persons.get("author", []))

    @property
    def label(self) -> str:
        """A short author-date name for links: "Dreyfus 1999", "Valderrama and Cabieses 2004"."""
        names = [plain(" ".join(p.last_names)) for p in self.authors]
        who = names[0] if len(names) < 3 else f"{names[0]} et al."
        if len(names) == 2:
            who = f"{names[0]} and {names[1]}"
        return f"{who} {self.year}".strip()

    @property
    def link(self) -> str | None:
        """The work's DOI as a URL, else its URL."""
        doi = self.entry.fields.get("doi")
        return f"https://doi.org/{doi}" if doi else self.entry.fields.get("url")


@dataclass(frozen=True)
class Record:
    """The article itself, as readers and reference managers cite it."""

    title: str
    author: str         # the institution stands as author: the source names no person
    short_author: str   # its abbreviation, e.g. CEEEP
    container: str | None
    published: str      # ISO date of the web publication
    url: str
    language: str


def plain(text: str) -> str:
    """BibTeX text without its protective braces."""
    return text.replace("{", "").replace("}", "")


def folded(text: str) -> str:
    """Text compared without case, accents, quote styles or repeated spaces."""
    text = re.sub(r"[‘’‚‛′`]", "'", re.sub(r"[“”„‟″]", '"', fold(text)))
    return " ".join(text.casefold().split())


def load_works(path: Path) -> dict[str, Work]:
    """The entries of refs.bib by key, each with the line it starts on."""
    try:
        text = path.read_text(encoding="utf-8")
        data = parse_file(str(path), bib_format="bibtex")
    except OSError as error:
        raise ArticleError(path, 1, f"cannot read the bibliography: {error.strerror}") from None
    except PybtexError as error:
        raise ArticleError(path, 1, f"the bibliography does not parse: {error}") from None
    lines = {m.group(1): text.count("\n", 0, m.start()) + 1
             for m in re.finditer(r"^@\w+\s*\{\s*([^,\s]+)\s*,", text, re.M)}
    return {key: Work(key, entry, Where(str(path), lines.get(key, 1))) for key, entry in data.entries.items()}


def bibliography_path(config: Path) -> Path:
    """refs.bib as the mkdocs-bibtex plugin in mkdocs.yml names it: one place for both."""
    from .config import ConfigLoader

    data = yaml.load(config.read_text(encoding="utf-8"), Loader=ConfigLoader) or {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "bibtex" in plugin:
            return config.parent / plugin["bibtex"]["bib_file"]
    raise ArticleError(config, 1, "plugins needs a bibtex entry with bib_file (the article's refs.bib)")


def segment_citations(note: Note, where: Where, works: dict[str, Work]) -> tuple[Citation, ...]:
    """The works one non-"Ibid." note cites, in the order it cites them, with their locators."""
    citations = []
    for segment in note.text.split("; "):
        found = [w for w in works.values() if folded(w.title) in folded(segment)]
        if not found:
            raise where.error(f"note {note.number} cites no work of refs.bib: no entry's title stands in "
                              f"“{segment}”")
        if len(found) > 1:
            raise where.error(f"note {note.number} is ambiguous: “{segment}” matches "
                              + ", ".join(w.key for w in found))
        locator = LOCATOR.search(URL.sub("", segment).rstrip())
        citations.append(Citation(found[0].key, found[0].label, locator["pages"] if locator else ""))
    return tuple(citations)


def cite_notes(article: Article, notes: dict[int, Note], works: dict[str, Work]) -> dict[int, Note]:
    """The notes with their citations attached; refs.bib and the notes must match one to one."""
    where = {endnote.number: endnote.where for endnote in article.notes}
    cited: dict[int, Note] = {}
    for number, note in notes.items():
        if note.ibid_of is None:
            citations = segment_citations(note, where[number], works)
        else:
            own = LOCATOR.search(", " + IBID.match(note.text)["rest"])
            repeated = cited[note.ibid_of.number].citations
            citations = tuple(replace(c, locator=own["pages"]) for c in repeated) if own else repeated
        cited[number] = replace(note, citations=citations)
    used = {c.key for note in cited.values() for c in note.citations}
    for work in works.values():
        if work.key not in used:
            raise work.where.error(f"entry {work.key} is cited by no note: remove it or fix the note")
    return cited


def reference_links(citations: tuple[Citation, ...]) -> str:
    """Markdown links from a note to each work's entry on the References page."""
    if not citations:
        return ""
    links = [f"[{c.label}]({REFERENCES_PAGE}#ref-{c.key})" + (f", {c.locator}" if c.locator else "")
             for c in citations]
    # A hard line break, indented so that it continues a footnote's definition.
    return f"  \n    Full reference{'s' if len(links) > 1 else ''}: " + "; ".join(links) + "."


def record(article: Article, source_url: str, published: str, publisher: str) -> Record:
    """The article's citation record: its title and publication note, with the edition's facts."""
    container = PUBLICATION.search(article.publication or "")
    short = re.search(r"\(([^)]+)\)\s*$", publisher)
    language = parse_qs(urlparse(source_url).query).get("lang", ["en"])[0]
    return Record(article.title, re.sub(r"\s*\([^)]+\)\s*$", "", publisher), short[1] if short else publisher,
                  container["container"] if container else None, published, source_url, language)


def note_places(pages: list[tuple[str, str, str]]) -> dict[int, list[tuple[str, str]]]:
    """For each note, the (path, title) of every page whose foot defines it."""
    places: dict[int, list[tuple[str, str]]] = {}
    for path, title, text in pages:
        for number in re.findall(r"^\[\^(\d+)\]:", text, re.M):
            places.setdefault(int(number), []).append((path, title))
    return places


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
    ordered = sorted(works.values(), key=lambda w: folded(plain(str(w.authors[0])) if w.authors else w.title))
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


def citations_file(rec: Record, works: dict[str, Work], notes: dict[int, Note],
                   places: dict[int, list[tuple[str, str]]], marker: str) -> str:
    """The generated ``.citations.yml``: back-links for the References page, metadata for every page."""
    cited_in: dict[str, list[dict]] = {key: [] for key in works}
    for number, note in notes.items():
        for key in dict.fromkeys(c.key for c in note.citations):
            cited_in[key] += [{"note": number, "page": path, "title": title} for path, title in places[number]]
    data = {"works": cited_in, **metadata(rec, works)}
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return f"# {marker}\n" + body


def cite_page(rec: Record, marker_block: str) -> str:
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
    # Prose citations wrap like text (docs/stylesheets/citations.css), so they read whole before copying.
    blocks = [("Chicago", "Notes and bibliography style, bibliography entry.", "{ .text .citation-prose }", chicago),
              ("APA", "7th edition, reference list entry.", "{ .text .citation-prose }", apa),
              ("BibTeX", "For LaTeX and most reference managers.", "text", bibtex),
              ("RIS", "For Zotero, EndNote, Mendeley and other reference managers.", "text", ris)]
    body = "".join(f"\n## {name}\n\n{why}\n\n``` {lang}\n{text}\n```\n" for name, why, lang, text in blocks)
    return (marker_block + "\n# Cite this article\n\n"
            + f"The article names no personal author: its publisher, the {rec.author} "
            + f"({rec.short_author}), stands as author. Cite the article as published, not this edition. "
            + "Each block has a copy button.\n" + body)

