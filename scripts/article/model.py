"""The typed model of an article, from raw lines to resolved notes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class ArticleError(Exception):
    """Bad input: names the file and line of each mistake so that a writer can find and fix it.

    One error may hold several mistakes (``ArticleError.joined``): a run reports them all at
    once, sorted by file and line, as a compiler does; ``path``, ``line`` and ``message`` are the first's."""

    def __init__(self, path: Path | str, line: int, message: str):
        self.mistakes = ((str(path), line, message),)
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = str(path), line, message

    @classmethod
    def joined(cls, errors: list[ArticleError]) -> ArticleError:
        """One error holding every mistake of ``errors``, each once, sorted by file and line."""
        mistakes = sorted({mistake for error in errors for mistake in error.mistakes})
        error = cls(*mistakes[0])
        error.mistakes = tuple(mistakes)
        error.args = ("\n".join(f"{path}:{line}: {message}" for path, line, message in mistakes),)
        return error


class Mistakes:
    """The mistakes found so far, so that one run reports every one (``check``) rather than the first."""

    def __init__(self) -> None:
        self.found: list[ArticleError] = []

    def attempt(self, read: Callable[..., T], *args: object) -> T | None:
        """What ``read(*args)`` returns, or None when it finds a mistake, which is kept."""
        try:
            return read(*args)
        except ArticleError as error:
            self.found.append(error)
            return None

    def add(self, error: ArticleError) -> None:
        self.found.append(error)

    def check(self) -> None:
        """Raise every mistake found, in one error, if there is any."""
        if self.found:
            raise ArticleError.joined(self.found)


def file_text(path: Path, what: str) -> str:
    """The text of a file that should hold ``what``; a missing, unreadable, empty or undecodable
    file (one not in UTF-8) is an ``ArticleError`` saying so."""
    if path.is_dir():
        raise ArticleError(path, 1, f"this is a folder, not a file: give the path of {what}")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(path, 1, f"no such file: expected {what}") from None
    except OSError as error:
        raise ArticleError(path, 1, f"cannot read the file: {error.strerror}") from None
    if not data.strip():
        raise ArticleError(path, 1, f"the file is empty: expected {what}")
    if looks_like_utf16(data):
        raise ArticleError(path, 1, "the file is not UTF-8 text (it looks like UTF-16): "
                                    "save it as UTF-8 and try again")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ArticleError(path, line, f"the file is not UTF-8 text ({guess_encoding(data)}): "
                                       "save it as UTF-8 and try again") from None


def looks_like_utf16(data: bytes) -> bool:
    """A UTF-16 byte-order mark, or the zero bytes that UTF-16 puts beside every ASCII letter."""
    return data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:200]


UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def guess_encoding(data: bytes) -> str:
    """Which 8-bit encoding undecodable bytes look like, for the error message."""
    stray = UTF8_SEQUENCE.sub(b"", data)  # the bytes that are not UTF-8's, in a file partly UTF-8
    if any(0x80 <= byte <= 0x9f for byte in stray):  # curly quotes and dashes in Windows-1252
        return "it looks like Windows-1252"
    return "it looks like Latin-1 (ISO-8859-1)"


@dataclass(frozen=True)
class Where:
    """A place in a source file, for error messages."""

    path: str
    line: int

    def error(self, message: str) -> ArticleError:
        return ArticleError(self.path, self.line, message)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of running text, with its note markers still in it as ``[n]``."""

    text: str
    where: Where


@dataclass(frozen=True)
class Section:
    """A headed part of the article. ``headed`` is False when the heading was recovered."""

    heading: str
    paragraphs: tuple[Paragraph, ...]
    where: Where
    headed: bool = True


@dataclass(frozen=True)
class Endnote:
    """A numbered endnote as published: its text, with any URLs left where they stand."""

    number: int
    text: str
    where: Where
    urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Export:
    """What one raw export holds; parts the export lacks are None or empty."""

    path: str
    title: str | None
    publication: str | None
    summary: tuple[Paragraph, ...]
    keywords: tuple[str, ...]
    sections: tuple[Section, ...]
    notes: tuple[Endnote, ...]
    notes_where: Where | None
    disclaimer: str | None
    has_headings: bool


@dataclass(frozen=True)
class Article:
    """The whole article, merged from one or more exports."""

    title: str
    publication: str
    summary: tuple[Paragraph, ...]
    keywords: tuple[str, ...]
    sections: tuple[Section, ...]
    notes: tuple[Endnote, ...]
    disclaimer: str | None

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph of running text in reading order: the summary, then each section."""
        return [*self.summary, *(p for section in self.sections for p in section.paragraphs)]


@dataclass(frozen=True)
class Citation:
    """A note's reference to one work of refs.bib, with the pages it points to ("53-69")."""

    key: str
    label: str
    locator: str = ""
    title: str = ""     # the work's title, as refs.bib gives it
    language: str = ""  # the title's language (BCP 47, from refs.bib's langid), for lang="…"
    wording: str = ""   # the note's own words for the work (its segment of the note)


@dataclass(frozen=True)
class Fact:
    """One fact an identification of a cited work rests on (scripts/data/references.yml)."""

    text: str
    source: str = ""  # the address it comes from; "" for the note itself or what was not found


@dataclass(frozen=True)
class Evidence:
    """How far one work of refs.bib is identified ("corrected", "not identified" …), and on what."""

    status: str
    facts: tuple[Fact, ...]
    spanish: tuple[str, ...] = ()  # the facts' Spanish names ("Centro de Estudios y Promoción del Desarrollo")


@dataclass(frozen=True)
class Note:
    """An endnote resolved for the reader: ``ibid_of`` names the note an "Ibid." repeats."""

    number: int
    text: str
    urls: tuple[str, ...]
    ibid_of: Note | None = None
    cited_in: tuple[str, ...] = field(default=())  # slugs of the pages that cite it
    citations: tuple[Citation, ...] = ()  # the works of refs.bib it cites (scripts/article/note_works.py)

    @property
    def ambiguous(self) -> bool:
        """An "Ibid." after a note citing several works: which of them it repeats, the note does not say."""
        return self.ibid_of is not None and len(self.citations) > 1


@dataclass(frozen=True)
class Edition:
    """Facts about the published article that the raw text does not hold (mkdocs.yml ``extra.article``)."""

    source_url: str
    published: str
    publisher: str
    authorship: str = ""  # why the publisher is the author of record, as the Cite page says it
    book_language: str = "en"  # the language of the book's title (a BCP 47 tag)


@dataclass(frozen=True)
class Config:
    """What the split script reads beside the pages: the edition's facts (mkdocs.yml), the
    bibliography and the citation style its References page is set in."""

    edition: Edition
    bibliography: Path
    style: Path        # Chicago notes and bibliography: the References page
    styles: Path       # the folder of the official CSL files the article's own citations are set in
    data: Path         # the folder of the editors' data files (scripts/data/)


@dataclass(frozen=True)
class Record:
    """The article as a reader cites it: a chapter of a book, as its publisher's web page gives it.
    Every citation, download, meta tag and the JSON-LD are made from this one record."""

    key: str            # citation key: short author and year, "ceeep2023"
    title: str          # as published
    names: tuple[str, ...]  # the title's runs of words that keep their capitals in sentence case
    author: str         # the institution, author of record and publisher: its web page names no person
    short_author: str   # its abbreviation, e.g. CEEEP
    container: str | None  # the book the chapter is included in
    published: str      # ISO date the publisher's web page was posted: the only date the source gives
    url: str
    language: str
    abstract: str       # the article's summary
    authorship: str = ""  # why the institution is the author of record (mkdocs.yml extra.article)


@dataclass(frozen=True)
class Styled:
    """One citation as a style sets it: Markdown keeping its italics, and plain text to copy."""

    markdown: str
    plain: str


@dataclass(frozen=True)
class Style:
    """A style the article is cited in: its official CSL file, what of it is taken (a note or a
    bibliography entry), and how the Cite page names it."""

    key: str       # the citation's anchor on the Cite page, cite/#chicago-note
    csl: str       # the style's file in scripts/styles/
    form: str      # "note" or "entry"
    manual: str    # the style's name, a heading on the Cite page
    source: str    # the manual it follows, in Markdown
    name: str      # what the style's form is called there: "Note", "Bibliography entry"
    button: str    # the label of the button that copies it


@dataclass(frozen=True)
class Anchor:
    """Where a paragraph lands in the edition: its page, the part it is in, its number in the article."""

    path: str
    title: str
    number: int
    remark: str = ""  # the edition's note on a slip in the paragraph, shown below it in every format


@dataclass(frozen=True)
class Passage:
    """A linkable text of the edition: ``label`` as shown (``¶12``), ``href`` below docs/."""

    label: str
    href: str
    page_title: str
    text: str
    paragraph: int | None = None
    where: Where | None = None

    @property
    def mention(self) -> str:
        """How a sentence names the passage: "¶12", "note 6", "the disclaimer"."""
        return self.label if self.label.startswith(("¶", "note ")) else f"the {self.label.lower()}"


@dataclass(frozen=True)
class Page:
    """One Markdown page: its path below docs/, its navigation title and its text."""

    path: str
    title: str
    text: str
