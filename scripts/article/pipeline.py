"""The only assembler, top to bottom: raw exports in, every generated file's text out.

parse → merge → resolve (and cite) → place → render the pages in navigation order → data files.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .abbreviations import abbreviations, other_name
from .refs_bib import formatted_entries, load_works
from .note_works import cite_notes
from .evidence import load_evidence
from .config import load_config
from .datafiles import (ABBREVIATIONS, CITATIONS, DOWNLOADS, LANGUAGES, NAVIGATION, citations, definitions, downloads,
                        languages, navigation)
from .index_data import load_editor_data
from .merge import merge
from .model import Article, Config, Page
from .pages.about import about_page
from .pages.article import home_page, section_page
from .pages.cite import cite_page, citation_files
from .pages.glossary import glossary_page
from .pages.names import names_page
from .pages.notes import notes_page
from .pages.print_edition import PATH as PRINT
from .pages.print_edition import print_page
from .pages.references import references_page, with_language
from .pages.timeline import timeline_page
from .parse import parse_export
from .numbering import article_passages, citing_paragraphs, footnote_pages, passages, placed_paragraphs
from .resolve import resolve_notes
from .citation_record import citations as article_citations
from .citation_record import record


def planned_files(sources: list[Path], config: Path, title: str | None) -> dict[str, str]:
    """Every generated file's path below the output folder, with its text."""
    return article_files(merge([parse_export(path) for path in sources], title), config)


def article_files(article: Article, config_path: Path) -> dict[str, str]:
    """The generated files of an article already parsed and merged."""
    config = load_config(config_path)
    with ThreadPoolExecutor(max_workers=1) as pandoc:  # sets the References while the pages render
        entries = pandoc.submit(formatted_entries, config.bibliography, config.style)
        return rendered_files(article, config, entries.result)


def rendered_files(article: Article, config: Config, entries: Callable[[], dict[str, str]]) -> dict[str, str]:
    """Every page and data file; ``entries`` gives the References' entries when they are needed."""
    works = load_works(config.bibliography)
    notes = cite_notes(article, resolve_notes(article), works)
    evidence = load_evidence(works)
    placed = placed_paragraphs(article)
    texts = passages(article, config.edition)
    abbrs = abbreviations(article, texts)
    editors = load_editor_data()
    rec = record(article, config.edition, (form.text for entry in editors.entries for form in entry.forms))
    gloss = other_name(abbrs, rec.short_author)
    cited = article_citations(rec, config.styles)
    formatted = {key: with_language(text, works[key]) for key, text in entries().items()}
    places = [entry.name.text for entry in editors.entries if entry.kind == "places"]
    groups = [("The article", [home_page(article, rec, gloss, placed, notes, places),
                               *(section_page(article, section, placed, notes) for section in article.sections)]),
              ("Notes and references", [notes_page(notes, citing_paragraphs(article)),
                                        references_page(formatted, notes, footnote_pages(article), evidence)]),
              ("Explore", [names_page(texts, editors), timeline_page(texts, editors),
                           glossary_page(abbrs, article_passages(article))]),
              ("The edition", [about_page(article, config.edition), cite_page(rec, cited),
                               print_page(article, placed, notes, rec, gloss, config.edition, formatted, places, evidence)])]
    pages = [page for _, group in groups for page in group]
    check_distinct_paths(pages, article)
    return {NAVIGATION: navigation(article.title, groups), ABBREVIATIONS: definitions(abbrs),
            **{page.path: page.text for page in pages}, **citation_files(rec),
            CITATIONS: citations(rec, works, cited), DOWNLOADS: downloads(rec, article, PRINT),
            LANGUAGES: languages(abbrs, editors.entries, rec, config.edition)}


def check_distinct_paths(pages: list[Page], article: Article) -> None:
    """Two headings that make the same file name (or a section named like a fixed page) would lose a page."""
    seen: dict[str, Page] = {}
    for page in pages:
        if page.path in seen:
            where = next((s.where for s in article.sections if s.heading == page.title), article.sections[0].where)
            raise where.error(f'the heading "{page.title}" gives the same page name, {page.path}, as '
                              f'"{seen[page.path].title}": give the sections headings that differ in letters')
        seen[page.path] = page
