"""refs.bib and pandoc's citeproc: the works the notes cite, and their entries in a citation style.

Each work keeps the line it starts on; ``citeproc`` is the project's one way of calling pandoc's
citeproc."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from pathlib import Path

import pypandoc
from pybtex.database import Entry, Person, parse_string
from pybtex.scanner import PybtexError

from .model import ArticleError, Where, file_text
from .text import is_url


LANGUAGES = {"english": "en", "spanish": "es", "portuguese": "pt", "french": "fr", "german": "de", "italian": "it"}


def unbraced(text: str) -> str:
    """BibTeX text without its protective braces."""
    return text.replace("{", "").replace("}", "")


@dataclass(frozen=True)
class Work:
    """One entry of refs.bib, as the notes and the metadata need it."""

    key: str
    entry: Entry
    where: Where

    @property
    def title(self) -> str:
        return unbraced(self.entry.fields["title"])

    @property
    def year(self) -> str:
        return self.entry.fields.get("year", "")

    @property
    def authors(self) -> list[Person]:
        return list(self.entry.persons.get("author", []))

    @property
    def label(self) -> str:
        """A short author-date name for links: "Dreyfus 1999", "Valderrama and Cabieses 2004"."""
        names = [unbraced(" ".join(p.last_names)) for p in self.authors]
        who = names[0] if len(names) < 3 else f"{names[0]} et al."
        if len(names) == 2:
            who = f"{names[0]} and {names[1]}"
        return f"{who} {self.year}".strip()

    @property
    def language(self) -> str:
        """The work's language as a BCP 47 tag, from its ``langid`` ("spanish" → "es"); "" if unknown."""
        return LANGUAGES.get(self.entry.fields.get("langid", "").lower(), "")

    @property
    def names(self) -> list[str]:
        """The names a work gives in its language beside its title: the newspaper, journal or book it is
        in ("La República", "Perú Hoy"). Not its place, which an edition in another language may name
        in its own (London), nor what the edition supplies in brackets."""
        return [name for field in ("journal", "booktitle") if field in self.entry.fields
                if not (name := unbraced(self.entry.fields[field])).startswith("[")] if self.language else []

    @property
    def link(self) -> str | None:
        """The work's DOI as a URL, else its URL."""
        doi = self.entry.fields.get("doi")
        return f"https://doi.org/{doi}" if doi else self.entry.fields.get("url")


def load_works(path: Path) -> dict[str, Work]:
    """The entries of refs.bib by key, each with the line it starts on; every mistake an editor can
    make in one (a key or field given twice, a missing author or title, a field nothing reads, an
    impossible date, an address that is no URL, broken syntax) is an error at its line, all at once."""
    text = file_text(path, "the bibliography's entries")
    heads = [(m.group(1), text.count("\n", 0, m.start()) + 1, m.start())
             for m in re.finditer(r"^@\w+\s*\{\s*([^,\s]+)\s*,", text, re.M)]
    mistakes = [ArticleError(path, number, f"entry {key} is given twice: give each work one entry and one key")
                for i, (key, number, _) in enumerate(heads) if key in {k for k, _, _ in heads[:i]}]
    fields = {key: dict(field_lines(path, text, start, number, mistakes)) for key, number, start in heads}
    if mistakes:
        raise ArticleError.joined(mistakes)
    try:
        data = parse_string(text, bib_format="bibtex")
    except PybtexError as error:
        number = getattr(error, "lineno", None) or 1
        before = [key for key, start, _ in heads if start < number]
        if before and number in {start for _, start, _ in heads}:  # a new entry inside an unclosed one
            raise ArticleError(path, number, f"entry {before[-1]} is not closed before this entry starts: end it "
                                             "with “}”") from None
        raise ArticleError(path, number, f"the bibliography does not parse ({error.args[0] if error.args else error}):"
                                         " close every entry and field with its brace, and separate fields with "
                                         "commas") from None
    if not data.entries:
        raise ArticleError(path, 1, "the bibliography holds no entry: expected entries like @book{key, ...}")
    starts = {key: number for key, number, _ in heads}
    works = {key: Work(key, entry, Where(str(path), starts.get(key, 1))) for key, entry in data.entries.items()}
    for work in works.values():
        mistakes += entry_mistakes(work, fields.get(work.key, {}))
    if mistakes:
        raise ArticleError.joined(mistakes)
    return works


FIELD = re.compile(r"^\s*(\w+)\s*=", re.M)
# The fields pandoc's citeproc and the edition read; any other would be silently ignored.
FIELDS = ("author", "editor", "title", "journal", "booktitle", "publisher", "institution", "organization",
          "address", "volume", "number", "pages", "series", "edition", "year", "month", "day", "doi", "url",
          "urldate", "langid", "type", "note", "entrysubtype", "howpublished", "school", "chapter", "isbn", "issn")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")


def field_lines(path: Path, text: str, start: int, number: int, mistakes: list[ArticleError]):
    """Each field of the entry starting at ``start`` (on line ``number``) with its line; a field given
    twice or one nothing reads is added to ``mistakes``."""
    end = text.find("\n@", start + 1)
    body = text[start:end if end >= 0 else len(text)]
    seen = set()
    for match in FIELD.finditer(body):
        name, at = match.group(1).lower(), number + body.count("\n", 0, match.start(1))
        if name in seen:
            mistakes.append(ArticleError(path, at, f"the field {name} is given twice in this entry: remove one"))
        elif name not in FIELDS:
            mistakes.append(ArticleError(path, at, f"nothing reads the field {name}: use one of "
                                                   + ", ".join(FIELDS)))
        seen.add(name)
        yield name, at


def entry_mistakes(work: Work, lines: dict[str, int]) -> list[ArticleError]:
    """What is wrong in one entry: a missing author or title, an impossible date, a bad address or language."""
    found = []

    def wrong(field: str, message: str) -> None:
        found.append(ArticleError(work.where.path, lines.get(field, work.where.line), message))

    fields = {name.lower(): value for name, value in work.entry.fields.items()}
    if not work.authors and not work.entry.persons.get("editor"):
        wrong("author", f"entry {work.key} has no author: give the author (or the institution, double-braced) "
                        "as the note names it")
    if not unbraced(fields.get("title", "")).strip():
        wrong("title", f"entry {work.key} has no title: give the title as the note writes it")
    year, month, day = (fields.get(name, "").strip() for name in ("year", "month", "day"))
    if year and not re.fullmatch(r"\d{4}", year):
        wrong("year", f"the year “{year}” is not a year: give four digits, as 1999")
    number = MONTHS.index(month.lower()) + 1 if month.lower() in MONTHS else int(month) if month.isdigit() else 0
    if month and not 1 <= number <= 12:
        wrong("month", f"the month “{month}” is no month: give its name (may) or its number, 1 to 12")
    elif day and not (day.isdigit() and month and re.fullmatch(r"\d{4}", year)
                      and 1 <= int(day) <= calendar.monthrange(int(year), number)[1]):
        wrong("day", f"{year}-{month}-{day} is no date: give a day that month has, with its month and year")
    if "url" in fields and not is_url(fields["url"]):
        wrong("url", f"the url “{fields['url']}” is no web address: give one starting https:// or http://")
    if "doi" in fields and not re.fullmatch(r"10\.\d{4,9}/\S+", fields["doi"]):
        wrong("doi", f"the doi “{fields['doi']}” is no DOI: give it as 10.NNNN/suffix, without https://doi.org/")
    if "langid" in fields and fields["langid"].lower() not in LANGUAGES:
        wrong("langid", f"the langid “{fields['langid']}” is none this edition knows: use one of "
                        + ", ".join(LANGUAGES))
    return found


CSL_ENTRY = re.compile(r"^::: \{#ref-(?P<key>\S+) \.csl-entry\}\n(?P<text>.*?)\n:::$", re.M | re.S)
CSL_NOTE = re.compile(r"^\[\^\d+\]: (?P<text>.*)$", re.M)
CITE_ALL = "---\nnocite: '@*'\n---\n"
# pandoc marks a double-braced field ("{{Perú Hoy}}") as a span that keeps its case; set, it is plain text.
NOCASE = re.compile(r"\[((?:\\.|[^\\\[\]])*)\]\{\.nocase\}")


def citeproc(text: str, style: Path, *bibliographies: Path) -> str:
    """Pandoc Markdown ``text`` with its citations, notes and bibliography set in the CSL ``style``.

    The one way the project calls pandoc's citeproc. pandoc reads each bibliography file itself
    (URLs keep their underscores) and writes typographic quotes (``-smart``); a missing style or
    pandoc is an ``ArticleError``.
    """
    if not style.is_file():
        raise ArticleError(style, 1, "the citation style is missing: the citations cannot be set")
    key = (text, style.read_bytes(), *((path.suffix, path.read_bytes() if path.is_file() else None)   # its format
                                       for path in bibliographies))
    if key not in SET:
        SET[key] = pandoc_citeproc(text, style, *bibliographies)
    return SET[key]


SET: dict[tuple, str] = {}   # citeproc's output by the bytes it reads: one pandoc run a document and style a process


def pandoc_citeproc(text: str, style: Path, *bibliographies: Path) -> str:
    try:
        return pypandoc.convert_text(text, to="markdown-citations-smart", format="markdown",
                                     extra_args=["--citeproc", "--wrap=none", "--csl", str(style),
                                                 *(f"--bibliography={path}" for path in bibliographies)])
    except OSError as error:
        raise ArticleError(bibliographies[0], 1, f"pandoc is missing ({error}): install the project's "
                                                 "dependencies (uv sync)") from None
    except RuntimeError as error:  # pandoc refused the bibliography or the style
        raise ArticleError(bibliographies[0], 1, f"pandoc cannot read it: {' '.join(str(error).split())}") from None


def set_entries(output: str) -> dict[str, str]:
    """The bibliography entries of citeproc's output, as Markdown by key."""
    return {m["key"]: NOCASE.sub(r"\1", m["text"]) for m in CSL_ENTRY.finditer(output)}


def set_notes(output: str) -> list[str]:
    """The notes of citeproc's output (a note style's citations), as Markdown in order."""
    return [m["text"] for m in CSL_NOTE.finditer(output)]


def plain_texts(markdown: list[str]) -> list[str]:
    """Each one-paragraph Markdown text as plain text: italics and link brackets dropped, one pandoc run."""
    output = pypandoc.convert_text("\n\n".join(markdown), to="plain", format="markdown-smart",
                                   extra_args=["--wrap=none"])
    return output.strip().split("\n\n")


def formatted_entries(bibliography: Path, style: Path) -> dict[str, str]:
    """Every entry of the bibliography as Markdown in the CSL ``style``, by key."""
    return set_entries(citeproc(CITE_ALL, style, bibliography))
