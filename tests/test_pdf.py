"""The PDF download, read as a reader's PDF viewer or screen reader reads it (pypdf).

Text is told apart by how it is set: the running text in the size most of the document is
set in; a note's call is a number set smaller than the text; a note at the foot of the page
starts with its number and a full stop, smaller than the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml
from conftest import POSTED, ROOT
from pypdf import PdfReader

from article.text import plain
from hooks.build_date import edition_time

DATA = yaml.safe_load((ROOT / "docs" / ".downloads.yml").read_text(encoding="utf-8"))
NUMBER = re.compile(r"¶\d+")  # a paragraph's number, as the site shows it
UNSPACED = re.compile(r"[\s\-\u00ad\u2010\u2011]+")  # spaces, and hyphens a line break may add or keep


@dataclass(frozen=True)
class Run:
    """A run of text on a page, with its size in points and how far down the page it stands."""

    page: int
    size: float
    top: float
    text: str
    left: float  # how far from the page's left edge it starts


def unspaced(text: str) -> str:
    """Text compared without spaces and hyphens, since lines break and hyphenate where they fall."""
    return UNSPACED.sub("", text)


@pytest.fixture(scope="session")
def pdf(site: Path) -> Path:
    return site / DATA["files"]["PDF"]


@cache
def runs(pdf: Path) -> list[Run]:
    """Every run of text in the order the PDF holds it, page by page."""
    found: list[Run] = []
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                found.append(Run(number, round(size * tm[0] * cm[0], 1), tm[5], text, tm[4] * cm[0] + cm[4]))
        page.extract_text(visitor_text=visit)
    return found


def text_size(pdf: Path) -> float:
    """The size the running text is set in: the one most characters have."""
    sizes = Counter()
    for run in runs(pdf):
        sizes[run.size] += len(run.text)
    return sizes.most_common(1)[0][0]


def running_text(pdf: Path) -> str:
    """The text set in the running text's size, all pages in order."""
    size = text_size(pdf)
    return unspaced("".join(run.text for run in runs(pdf) if run.size == size))


def test_every_paragraph_can_be_extracted_whole_and_in_reading_order(pdf, article):
    text, at = running_text(pdf), 0
    for number, paragraph in enumerate(article.paragraphs, start=1):
        found = text.find(unspaced(plain(paragraph.text)), at)
        assert found >= 0, f"¶{number} is missing or out of order: {plain(paragraph.text)[:60]}…"
        at = found


def test_each_note_is_at_the_foot_of_the_page_its_call_is_on_with_the_articles_number(pdf, article):
    size = text_size(pdf)
    calls = [(run.page, int(run.text)) for run in runs(pdf) if run.size < 0.8 * size and run.text.strip().isdigit()]
    notes = [(run.page, int(m[1])) for run in runs(pdf)
             if run.size < size and (m := re.fullmatch(r"(\d+)\. ", run.text))]
    numbers = [n.number for n in article.notes]
    assert [n for _, n in calls] == numbers and [n for _, n in notes] == numbers
    assert calls == notes


def test_each_note_reads_as_the_article_wrote_it(pdf, article):
    size = text_size(pdf)
    notes = unspaced("".join(run.text for run in runs(pdf) if run.size < size))
    for note in article.notes:
        assert unspaced(f"{note.number}. {note.text}") in notes, f"note {note.number}"


def test_every_page_after_the_first_is_headed_with_the_title_and_every_page_numbered(pdf):
    pages = PdfReader(pdf).pages
    assert len(pages) >= 3
    for number in range(1, len(pages) + 1):
        on_page = [run for run in runs(pdf) if run.page == number]
        top, bottom = min(on_page, key=lambda r: r.top), max(on_page, key=lambda r: r.top)
        assert bottom.text == str(number)
        if number > 1:
            assert top.text == DATA["title"] and top.size < text_size(pdf)


def test_the_pdf_opens_with_the_title_block(pdf):
    first = unspaced("".join(run.text for run in runs(pdf) if run.page == 1))
    for line in (DATA["title"], DATA["publisher"],
                 POSTED,
                 f"Original: {DATA['url']}"):
        assert unspaced(line) in first


def test_the_pdfs_outline_lists_the_sections_then_references_and_about_with_the_disclaimer(pdf, article):
    def titles(items) -> list[str]:
        return [t for item in items for t in (titles(item) if isinstance(item, list) else [item.title])]

    assert titles(PdfReader(pdf).outline) == [DATA["title"], "Summary", *(s.heading for s in article.sections),
                                              "References", "About this edition", "What this edition adds", "Disclaimer"]


def test_the_pdf_ends_with_the_references_then_the_disclaimer(pdf, article):
    text = running_text(pdf)
    assert text.index(unspaced("Tullis, LaMond. Unintended Consequences")) > text.index(
        unspaced(plain(article.paragraphs[-1].text)))
    assert text.rindex(unspaced(article.disclaimer)) > text.index(unspaced("Tullis, LaMond."))


def test_the_pdf_describes_itself_title_author_subject_keywords_language_dates(pdf):
    reader = PdfReader(pdf)
    info = reader.metadata
    assert info.title == DATA["title"] and info.author == DATA["author"]
    assert info.subject == DATA["description"] and info["/Keywords"] == ", ".join(DATA["keywords"])
    assert reader.trailer["/Root"]["/Lang"] == DATA["language"]


def test_the_pdfs_dates_are_the_editions_last_change_not_the_articles_posting(pdf):
    info = PdfReader(pdf).metadata
    edition = edition_time(ROOT, DATA["published"])
    assert info.creation_date.timestamp() == info.modification_date.timestamp() == edition


def test_the_pdf_is_tagged_for_accessibility_as_pdf_ua_1(pdf):
    catalog = PdfReader(pdf).trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfuaid:part="1"|<pdfuaid:part>1</pdfuaid:part>', xmp)


def test_every_font_is_embedded_and_the_text_is_set_in_charis(pdf):
    fonts = {}
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
                else font["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert any("Charis-SIL" in name for name in fonts), "Debian's fonts-sil-charis is missing (see .ci/run)"


def test_a_quote_copied_from_the_pdf_keeps_its_words_whole(pdf, files):
    """No hyphen is added where a line breaks a word: each one ending a line is in the text as written."""
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    written = "\n".join(files.values())
    broken = [f"{a}-{b}" for a, b in re.findall(r"(\w+)[\-\u00ad\u2010\u2011]\n(\w+)", text)
              if f"{a}-{b}" not in written]
    assert broken == []



def test_each_paragraph_is_preceded_by_its_number_as_the_citations_give_it(pdf, article):
    size = text_size(pdf)
    text = unspaced("".join(run.text for run in runs(pdf) if run.size == size or NUMBER.fullmatch(run.text.strip())))
    assert re.findall(r"¶(\d+)", text) == [str(n) for n in range(1, len(article.paragraphs) + 1)]
    for number, paragraph in enumerate(article.paragraphs, start=1):
        assert f"¶{number}" + unspaced(plain(paragraph.text))[:40] in text, f"¶{number}"


def test_the_paragraph_numbers_stand_in_the_margin_smaller_than_the_text(pdf):
    size = text_size(pdf)
    text_left = min(run.left for run in runs(pdf) if run.size == size)
    numbers = [run for run in runs(pdf) if NUMBER.fullmatch(run.text.strip())]
    assert len(numbers) == 20 and all(run.size < size and run.left < text_left for run in numbers)


def test_the_pdf_gives_the_web_editions_address_and_date_its_paragraph_numbers_cite(pdf):
    from mkdocs.config import load_config

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    last = " ".join(PdfReader(pdf).pages[-1].extract_text().split())
    assert re.search(rf"Web edition: {re.escape(site_url)}, \d{{1,2}} \w+ \d{{4}}\. The paragraph numbers \(¶\)", last)
