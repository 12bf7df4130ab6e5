"""The Markdown pages: one per section, footnotes under the article's own numbers, derived navigation."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, WITH_TITLE, WITH_URLS

from article.config import load_edition
from article.merge import merge
from article.parse import parse_export
from article.render import render, slugify


@pytest.fixture(scope="module")
def pages():
    article = merge([parse_export(WITH_TITLE), parse_export(WITH_URLS)])
    return {page.path: page for page in render(article, load_edition(ROOT / "mkdocs.yml"))}


def test_pages_follow_the_article_order(pages):
    assert list(pages)[:7] == [
        "index.md", "introduction.md", "neosenderism-in-the-vraem.md",
        "resurgence-of-coca-cultivation-in-peru-and-bolivia.md",
        "the-mutation-of-the-shining-path-into-a-narcoterrorist-organization.md", "conclusions.md", "notes.md"]
    assert "about.md" in pages


def test_each_section_page_has_front_matter_with_its_first_sentence(pages):
    text = pages["neosenderism-in-the-vraem.md"].text
    assert text.startswith('---\ntitle: "Neosenderism in the VRAEM"\ndescription: "The connection of '
                           'neosenderism with drug trafficking is known as narcoguerrilla or narcoterrorism '
                           'and may or may not have characteristics of an organized movement."\n---\n')


def test_a_section_page_defines_exactly_the_notes_it_cites_under_their_own_numbers(pages):
    text = pages["the-mutation-of-the-shining-path-into-a-narcoterrorist-organization.md"].text
    assert re.findall(r"\[\^(\d+)\](?!:)", text) == ["6", "7", "8", "9", "10", "11"]
    assert re.findall(r"^\[\^(\d+)\]:", text, re.M) == ["6", "7", "8", "9", "10", "11"]


def test_an_ibid_footnote_says_which_note_it_repeats(pages):
    text = pages["the-mutation-of-the-shining-path-into-a-narcoterrorist-organization.md"].text
    assert "[^7]: Ibid. (same source as note 6: Drug Enforcement Administration" in text


def test_note_urls_become_links(pages):
    assert "<https://doi.org/10.1177/1043986299015004004>" in pages["notes.md"].text


def test_paragraphs_are_numbered_through_the_whole_article(pages):
    anchors = [int(n) for page in pages.values() for n in re.findall(r"\{: #p(\d+) \}", page.text)]
    assert anchors == list(range(1, 21))


def test_the_home_page_has_summary_keywords_and_contents(pages):
    text = pages["index.md"].text
    assert "# Shining Path and its Alliance with Drug Trafficking in the VRAEM" in text
    assert "**Key words:** Shining Path, Drug Trafficking, VRAEM." in text
    assert "5. [Conclusions](conclusions.md)" in text


def test_the_about_page_names_the_source_and_carries_the_disclaimer(pages):
    text = pages["about.md"].text
    assert "<https://ceeep.mil.pe/2023/09/07/shining-path-and-its-alliance-with-drug-trafficking-in-the-vraem/?lang=en>" in text
    assert "2023-09-07" in text
    assert "> The ideas contained in this analysis are the sole responsibility of the author" in text


def test_markdown_characters_in_the_text_print_as_written():
    from article.render import with_footnotes
    assert with_footnotes("a *starred* [sic] word[3]") == r"a \*starred\* \[sic\] word[^3]"


def test_slugs_are_ascii_and_hyphenated():
    assert slugify("Resurgence of Coca Cultivation in Perú & Bolivia") == "resurgence-of-coca-cultivation-in-peru-bolivia"
