"""The only assembler, top to bottom: raw exports in, every generated file's text out.

parse → merge → resolve (and cite) → place → render the pages in navigation order → data files.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from .abbreviations import DATA as ABBRS
from .abbreviations import Abbreviation, abbreviations, other_name, slip_remark
from .refs_bib import Work, formatted_entries, load_works
from .note_works import cite_notes
from .evidence import DATA as EVIDENCE
from .evidence import load_evidence
from .config import DATA, beside, load_edition
from .datafiles import (ABBREVIATIONS, CITATIONS, DOWNLOADS, LANGUAGES, NAVIGATION, citations, definitions, downloads,
                        languages, navigation)
from .index_data import DATA as INDEX
from .index_data import EditorData, load_editor_data
from .map_data import DATA as MAP
from .map_data import MapData, load_map_data
from .merge import merge
from .model import Article, Config, Evidence, Mistakes, Note, Page
from .pages.about import about_page
from .pages.article import home_page, orientation, section_page
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


def article_files(article: Article, config_path: Path, data: Path = DATA) -> dict[str, str]:
    """The generated files of an article already parsed and merged (the editors' files read from ``data``)."""
    mistakes = Mistakes()
    config = beside(config_path, mistakes.attempt(load_edition, config_path), data)
    with ThreadPoolExecutor(max_workers=1) as pandoc:  # sets the References while the data files are read
        entries = pandoc.submit(formatted_entries, config.bibliography, config.style)
        data = read_data(article, config, mistakes)
        return rendered_files(article, config, data, entries.result)


@dataclass(frozen=True)
class Data:
    """What the editors' files say, checked: the works and the notes citing them, what each
    work rests on, the abbreviations, the Index's and Timeline's data."""

    works: dict[str, Work]
    notes: dict[int, Note]
    evidence: dict[str, Evidence]
    abbreviations: list[Abbreviation]
    editors: EditorData
    atlas: MapData   # the locator map's data and words
    index: Page      # the Index and Timeline pages, made while their data is checked against the text
    timeline: Page


def read_data(article: Article, config: Config, mistakes: Mistakes) -> Data:
    """Every data file read and checked against the article; the mistakes of all of them (and those
    already in ``mistakes``) are reported at once, sorted by file and line. A file is checked against
    another (the evidence against refs.bib) only when that other reads without a mistake."""
    works = mistakes.attempt(load_works, config.bibliography)
    notes = mistakes.attempt(cite_notes, article, resolve_notes(article), works) if works else None
    evidence = mistakes.attempt(load_evidence, works, config.data / EVIDENCE.name) if works else None
    texts = passages(article, config.edition) if config.edition else None
    abbrs = mistakes.attempt(abbreviations, article, texts, config.data / ABBRS.name) if texts else None
    editors = mistakes.attempt(load_editor_data, config.data / INDEX.name)
    atlas = mistakes.attempt(load_map_data, config.data / MAP.name)
    index = mistakes.attempt(names_page, texts, editors, atlas.shown) if texts and editors and atlas else None
    timeline = mistakes.attempt(timeline_page, texts, editors) if texts and editors else None
    mistakes.check()
    return Data(works, notes, evidence, abbrs, editors, atlas, index, timeline)


def rendered_files(article: Article, config: Config, data: Data, entries: Callable[[], dict[str, str]]) -> dict[str, str]:
    """Every page and data file; ``entries`` gives the References' entries when they are needed."""
    works, notes, evidence, abbrs, editors = data.works, data.notes, data.evidence, data.abbreviations, data.editors
    placed = [(replace(anchor, remark=slip_remark(paragraph.text, abbrs)), paragraph)
              for anchor, paragraph in placed_paragraphs(article)]
    rec = record(article, config.edition, (form.text for entry in editors.entries for form in entry.forms))
    gloss = other_name(abbrs, rec.short_author)
    cited = article_citations(rec, config.styles)
    formatted = {key: with_language(text, works[key]) for key, text in entries().items()}
    places = [entry.name.text for entry in editors.entries if entry.kind == "places"]
    located, printed = orientation(data.atlas, places), orientation(data.atlas, places, with_index=False)
    groups = [("The article", [home_page(article, rec, gloss, placed, notes, located),
                               *(section_page(article, section, placed, notes) for section in article.sections)]),
              ("Notes and references", [notes_page(notes, citing_paragraphs(article)),
                                        references_page(formatted, notes, footnote_pages(article), evidence)]),
              ("Explore", [data.index, data.timeline,
                           glossary_page(abbrs, article_passages(article))]),
              ("The edition", [about_page(article, config.edition), cite_page(rec, cited),
                               print_page(article, placed, notes, rec, gloss, config.edition, formatted, printed, evidence)])]
    pages = [page for _, group in groups for page in group]
    check_distinct_paths(pages, article)
    return {NAVIGATION: navigation(article.title, groups), ABBREVIATIONS: definitions(abbrs),
            **{page.path: page.text for page in pages}, **citation_files(rec),
            CITATIONS: citations(rec, works, cited), DOWNLOADS: downloads(rec, article, PRINT),
            LANGUAGES: languages(abbrs, editors.entries, rec, config.edition, works.values(), evidence.values())}


def check_distinct_paths(pages: list[Page], article: Article) -> None:
    """Two headings that make the same file name (or a section named like a fixed page) would lose a page."""
    seen: dict[str, Page] = {}
    for page in pages:
        if page.path in seen:
            where = next((s.where for s in article.sections if s.heading == page.title), article.sections[0].where)
            raise where.error(f'the heading "{page.title}" gives the same page name, {page.path}, as '
                              f'"{seen[page.path].title}": give the sections headings that differ in letters')
        seen[page.path] = page
