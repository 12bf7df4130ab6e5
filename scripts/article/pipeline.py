"""The whole pipeline, top to bottom: raw exports in, every generated file's text out."""

from __future__ import annotations

from pathlib import Path

from .abbreviations import abbreviations, definitions
from .cite import bibliography_path, cite_notes, cite_page, citations_file, load_works, note_places, record
from .config import load_edition
from .glossary import glossary_page
from .merge import merge
from .model import Article
from .parse import parse_export
from .print_edition import print_page
from .render import GENERATED, GENERATED_NOTE, Page, front_matter, navigation, render
from .resolve import resolve_notes


def planned_files(sources: list[Path], config: Path, title: str | None) -> dict[str, str]:
    """Every generated file's path below the output folder, with its text."""
    return article_files(merge([parse_export(path) for path in sources], title), config)


def article_files(article: Article, config: Path) -> dict[str, str]:
    """The generated files of an article already parsed and merged."""
    edition = load_edition(config)
    works = load_works(bibliography_path(config))
    pages = render(article, edition, works)
    notes = cite_notes(article, resolve_notes(article), works)
    places = note_places([(page.path, page.title, page.text) for page in pages])  # before the print edition
    abbrs = abbreviations(article, edition.publisher)
    after_notes = next(i for i, page in enumerate(pages) if page.path == "notes.md") + 1
    pages[after_notes:after_notes] = [glossary_page(article, abbrs), print_page(article, notes)]
    check_distinct_paths(pages, article)
    rec = record(article, edition.source_url, edition.published, edition.publisher)
    cite = cite_page(rec, front_matter(title="Cite this article",
                                       description=f"How to cite “{article.title}”: Chicago, APA, BibTeX, RIS."))
    return {".article.yml": navigation(pages, article.title), ".abbreviations.md": definitions(abbrs, GENERATED),
            **{page.path: page.text for page in pages}, "cite.md": cite,
            ".citations.yml": citations_file(rec, works, notes, places, GENERATED_NOTE)}


def check_distinct_paths(pages: list[Page], article: Article) -> None:
    """Two headings that make the same file name (or a section named like a fixed page) would lose a page."""
    seen: dict[str, Page] = {}
    for page in pages:
        if page.path in seen:
            where = next((s.where for s in article.sections if s.heading == page.title), article.sections[0].where)
            raise where.error(f'the heading "{page.title}" gives the same page name, {page.path}, as '
                              f'"{seen[page.path].title}": give the sections headings that differ in letters')
        seen[page.path] = page
