"""A section page as it comes out of a printer (Chromium's own print to PDF, read with pypdf): the
paragraphs' numbers, the page's address and the edition's date, and links that lead nowhere on paper."""

from __future__ import annotations

import datetime
import re
import unicodedata

import pytest
import yaml
from conftest import MUTATION, ROOT
from pypdf import PdfReader

from article.text import plain
from hooks.build_date import edition_time
from test_scholarly_metadata import site_url

PUBLISHED = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)[
    "extra"]["article"]["published"]
SPACE = re.compile(r"\s+")


@pytest.fixture(scope="module")
def printed(browser, base_url, tmp_path_factory) -> str:
    """The text of the fourth section's page as printed on A4."""
    page = browser.new_page()
    page.goto(base_url + f"{MUTATION}/")
    path = tmp_path_factory.mktemp("print") / "section.pdf"
    page.pdf(path=str(path), format="A4")
    page.close()
    text = " ".join(p.extract_text(extraction_mode="layout") for p in PdfReader(path).pages)  # as laid out
    return SPACE.sub(" ", unicodedata.normalize("NFKC", text))  # ligatures ("ﬃ") as their letters


def test_a_printed_section_numbers_each_paragraph_as_the_citations_do(printed, article):
    section = article.sections[3]
    first = sum(len(s.paragraphs) for s in article.sections[:3]) + len(article.summary) + 1
    for number, paragraph in enumerate(section.paragraphs, start=first):
        words = SPACE.sub(" ", plain(paragraph.text))[:30]
        assert re.search(rf"¶{number} {re.escape(words)}", printed), number


def test_a_printed_page_shows_its_own_address_and_the_editions_date(printed):
    day = datetime.datetime.fromtimestamp(edition_time(ROOT, PUBLISHED), datetime.timezone.utc)
    address = f"{site_url()}{MUTATION}/"
    unbroken = re.sub(r"-\s+", "-", printed)  # a long address breaks after a hyphen
    assert f"Printed from {address}, the reader edition of {day.day} {day:%B %Y}." in unbroken


def test_a_link_to_another_page_prints_as_plain_text_and_an_external_one_with_its_address(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + f"{MUTATION}/")
    page.emulate_media(media="print")
    name = page.locator(".article-name a")
    # once Material's colour transition has run its course, the link is in the text's colour
    page.wait_for_function("""() => getComputedStyle(document.querySelector('.article-name a')).color
                              === getComputedStyle(document.querySelector('#p10')).color""", timeout=5_000)
    assert name.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"
    page.goto(base_url)
    page.emulate_media(media="print")
    original = page.locator(".title-block a", has_text="Read the original")
    assert original.evaluate("a => getComputedStyle(a, '::after').content") == f'" <{original.get_attribute("href")}>"'
    page.close()


@pytest.mark.parametrize("path", ["", "print/"], ids=["home", "print edition"])
def test_a_printed_title_page_holds_the_locator_map_as_the_pdf_does(browser, base_url, tmp_path, path):
    page = browser.new_page()
    page.goto(base_url + path)
    page.pdf(path=str(tmp_path / "printed.pdf"), format="A4")
    page.close()
    pages = [unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(tmp_path / "printed.pdf").pages]
    assert "Shining Path and its Alliance" in pages[0]
    assert all(label in pages[0] for label in ("Pacific Ocean", "VRAEM\n(approximate)", "Lima"))
    # the map's credit on one page, whole
    assert any("[Map: countries" in text and "does not show" in " ".join(text.split()) for text in pages)
