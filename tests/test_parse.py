"""Parsing each raw export alone, and both together, into the article model."""

from __future__ import annotations

from pathlib import Path

import pytest
from article.merge import merge
from article.model import ArticleError
from article.parse import parse_export
from conftest import WITH_TITLE, WITH_URLS

HEADINGS = ["Introduction", "Neosenderism in the VRAEM", "Resurgence of Coca Cultivation in Peru and Bolivia",
            "The Mutation of the Shining Path into a Narcoterrorist Organization", "Conclusions"]


@pytest.fixture(scope="module")
def with_title():
    return parse_export(WITH_TITLE)


@pytest.fixture(scope="module")
def with_urls():
    return parse_export(WITH_URLS)


def test_the_title_comes_from_the_export_that_has_a_title_line(with_title, with_urls):
    assert with_title.title == "Shining Path and its Alliance with Drug Trafficking in the VRAEM"
    assert with_urls.title is None


@pytest.mark.parametrize("export", ["with_title", "with_urls"])
def test_each_export_yields_the_same_five_sections(export, request):
    assert [s.heading for s in request.getfixturevalue(export).sections] == HEADINGS


def test_headings_missing_from_export_000_are_recovered_from_its_blank_lines(with_title):
    recovered = {s.heading: s.headed for s in with_title.sections}
    assert recovered["Introduction"] is False and recovered["Conclusions"] is False
    assert recovered["Neosenderism in the VRAEM"] is True


def test_the_conclusions_start_with_the_paragraph_after_the_extra_blank_line(with_title):
    (conclusions,) = [s for s in with_title.sections if s.heading == "Conclusions"]
    assert conclusions.paragraphs[0].text.startswith("The main objective of a criminal organization")
    assert len(conclusions.paragraphs) == 5


def test_summary_keywords_and_publication_note_are_read(with_urls):
    assert with_urls.summary[0].text.startswith("This article discusses the alliance")
    assert with_urls.keywords == ("Shining Path", "Drug Trafficking", "VRAEM")
    assert with_urls.publication.startswith("This article is included in the publication Ambiente Estratégico 2022")


def test_export_000_has_eleven_numbered_notes_without_urls(with_title):
    assert [n.number for n in with_title.notes] == list(range(1, 12))
    assert all(not n.urls for n in with_title.notes)


def test_the_tail_of_a_stripped_link_is_not_kept_in_a_note(with_title):
    notes = {n.number: n.text for n in with_title.notes}
    assert notes[3].endswith("(Perú: 2007)")
    assert "2022); Pablo G. Dreyfus" in notes[6]


def test_export_001_notes_keep_their_urls_and_lose_their_back_arrows(with_urls):
    (sixth,) = [n for n in with_urls.notes if n.number == 6]
    assert sixth.urls == ("https://www.justice.gov/", "https://doi.org/10.1177/1043986299015004004")
    assert "↑" not in "".join(n.text for n in with_urls.notes)


def test_page_chrome_is_dropped_and_the_disclaimer_is_kept(with_title):
    assert with_title.disclaimer == ("The ideas contained in this analysis are the sole responsibility of the "
                                     "author, without necessarily reflecting the thoughts of the CEEEP or the "
                                     "Peruvian Army.")


def test_paragraphs_remember_their_file_and_line(with_title):
    (introduction,) = [s for s in with_title.sections if s.heading == "Introduction"]
    intro = introduction.paragraphs[0]
    assert (Path(intro.where.path).name, intro.where.line) == (WITH_TITLE.name, 11)


def test_both_exports_merge_taking_each_part_from_the_export_that_has_it(with_title, with_urls):
    article = merge([with_title, with_urls])
    assert article.title == with_title.title
    assert article.sections == with_urls.sections
    assert article.notes == with_urls.notes
    assert article.disclaimer == with_title.disclaimer


def test_export_001_alone_needs_a_title_from_elsewhere(with_urls):
    with pytest.raises(ArticleError, match="no title"):
        merge([with_urls])
    assert merge([with_urls], "A title").title == "A title"


def test_exports_that_disagree_in_a_paragraph_name_both_files_and_the_differing_words(tmp_path, with_title):
    changed = tmp_path / "changed.txt"
    changed.write_text(WITH_URLS.read_text(encoding="utf-8").replace("Peruvian drug trafficking organizations",
                                                                     "Peruvian drug smuggling organizations"),
                       encoding="utf-8")
    with pytest.raises(ArticleError) as error:
        merge([with_title, parse_export(changed)])
    message = str(error.value)
    assert f"{WITH_TITLE}:33:" in message and f"{changed}:17" in message
    assert "“…trafficking organizations, known as" in message.replace('"', "“")
    assert "smuggling organizations, known as" in message
