"""refs.bib, notes linked to the works they cite, and the split script's citation errors."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import bibtexparser
import pytest
from article.refs_bib import load_works
from article.note_works import cite_notes
from article.merge import merge
from article.parse import parse_export
from article.resolve import resolve_notes
from conftest import MUTATION, ROOT, WITH_TITLE, WITH_URLS, run_split
from pybtex.database import parse_file

BIB = ROOT / "refs.bib"


@pytest.fixture(scope="module")
def notes():
    article = merge([parse_export(WITH_TITLE), parse_export(WITH_URLS)])
    return cite_notes(article, resolve_notes(article), load_works(BIB))


def cited_keys(notes) -> set[str]:
    return {c.key for note in notes.values() for c in note.citations}


def test_refs_bib_holds_ten_entries_one_per_distinct_work_the_notes_cite(notes):
    assert len(parse_file(str(BIB)).entries) == 10
    assert len(cited_keys(notes)) == 10


def test_refs_bib_parses_in_pybtex_strict_mode():
    from pybtex import errors

    assert errors.strict  # pybtex raises on any warning in strict mode
    assert set(parse_file(str(BIB)).entries) == set(load_works(BIB))


def test_refs_bib_parses_in_bibtexparser_without_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        library = bibtexparser.loads(BIB.read_text(encoding="utf-8"))
    assert len(library.entries) == 10
    assert [r.message for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_every_entry_of_refs_bib_is_cited_by_a_note(notes):
    assert cited_keys(notes) == set(load_works(BIB))


def test_every_note_cites_at_least_one_work(notes):
    assert [n for n, note in notes.items() if not note.citations] == []


def test_note_6_cites_two_works_in_its_own_order(notes):
    assert [c.key for c in notes[6].citations] == ["dea2022", "dreyfus1999"]


def test_a_page_locator_belongs_to_the_citation(notes):
    assert [(c.key, c.locator) for c in notes[5].citations] == [("valderrama2004", "53-69")]


def test_an_ibid_note_cites_the_repeated_notes_works_with_their_locator(notes):
    assert notes[7].citations == notes[6].citations
    assert [(c.key, c.locator) for c in notes[11].citations] == [("lee1991", "109")]


def test_a_rendered_note_links_to_each_work_on_the_references_page(files):
    page = files[f"{MUTATION}.md"]
    line = next(line for line in page.splitlines() if "Full references: [Drug" in line)
    assert ("Full references: [Drug Enforcement Administration 2022](references.md#ref-dea2022); "
            "[Dreyfus 1999](references.md#ref-dreyfus1999)") in line


def test_an_ambiguous_ibid_links_to_either_work_it_may_repeat(files):
    page = files[f"{MUTATION}.md"]
    line = next(line for line in page.splitlines() if "Full reference, one of: [Drug" in line)
    assert ("Full reference, one of: [Drug Enforcement Administration 2022](references.md#ref-dea2022) or "
            "[Dreyfus 1999](references.md#ref-dreyfus1999)") in line


def project_with_bib(tmp_path: Path, edit) -> Path:
    """A copy of mkdocs.yml and an edited refs.bib, for the split script to read."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "refs.bib").write_text(edit(BIB.read_text(encoding="utf-8")), encoding="utf-8")
    return tmp_path


def split_with(project: Path):
    out = project / "docs"
    return run_split(WITH_TITLE, WITH_URLS, "--config", project / "mkdocs.yml", "--out", out), out


def test_a_note_that_matches_no_entry_is_an_error_at_the_note(tmp_path):
    project = project_with_bib(tmp_path, lambda text: re.sub(r"@book\{tullis1995,.*?\n\}\n", "", text, flags=re.S))
    result, out = split_with(project)
    assert result.returncode == 2
    line = next(i for i, text in enumerate(WITH_URLS.read_text().splitlines(), 1) if "LaMond Tullis" in text)
    assert any(mistake.startswith(f"{WITH_URLS}:{line}: note 8 cites no work of refs.bib")
               for mistake in result.stderr.splitlines())
    assert not out.exists()


def test_an_ambiguous_match_is_an_error_naming_both_entries(tmp_path):
    extra = "\n@misc{lee1991b,\n  author = {Lee, Rensselaer W.},\n  title = {Cocaína y poder político},\n}\n"
    result, _ = split_with(project_with_bib(tmp_path, lambda text: text + extra))
    assert result.returncode == 2
    assert "note 10 is ambiguous:" in result.stderr and "lee1991, lee1991b" in result.stderr


def test_an_entry_no_note_cites_is_an_error_at_its_line_in_refs_bib(tmp_path):
    extra = "\n@misc{nobody2000,\n  author = {Nobody, A.},\n  title = {Never Cited},\n  year = {2000},\n}\n"
    project = project_with_bib(tmp_path, lambda text: text + extra)
    result, _ = split_with(project)
    line = (project / "refs.bib").read_text().splitlines().index("@misc{nobody2000,") + 1
    assert result.returncode == 2
    assert (f"{project / 'refs.bib'}:{line}: entry nobody2000 is cited by no note: remove it or fix the note"
            in result.stderr.splitlines())
