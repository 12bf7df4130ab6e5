"""refs.bib and pandoc's citeproc: the works the notes cite, and their entries in a citation style.

Each work keeps the line it starts on; ``citeproc`` is the project's one way of calling pandoc's
citeproc."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pypandoc
from pybtex.database import Entry, Person, parse_file
from pybtex.scanner import PybtexError

from .model import ArticleError, Where


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
    def link(self) -> str | None:
        """The work's DOI as a URL, else its URL."""
        doi = self.entry.fields.get("doi")
        return f"https://doi.org/{doi}" if doi else self.entry.fields.get("url")


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
    try:
        return pypandoc.convert_text(text, to="markdown-citations-smart", format="markdown",
                                     extra_args=["--citeproc", "--wrap=none", "--csl", str(style),
                                                 *(f"--bibliography={path}" for path in bibliographies)])
    except OSError as error:
        raise ArticleError(bibliographies[0], 1, f"pandoc is missing ({error}): install the project's "
                                                 "dependencies (uv sync)") from None


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
