"""The Markdown pages: one per section, footnotes under the article's own numbers, derived navigation."""

from __future__ import annotations

import re

import yaml

from conftest import MUTATION, NEOSENDERISM, SECTIONS
from article.markdown import with_footnotes
from article.numbering import slugify


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def test_pages_follow_the_article_order(article, files):
    nav = [path for group in yaml.safe_load(files[".article.yml"])["nav"] for pages in group.values()
           for page in pages for path in page.values()]
    assert nav[:7] == ["index.md", *(f"{slug}.md" for slug in SECTIONS), "notes.md"]
    assert [slugify(s.heading) for s in article.sections] == SECTIONS
    assert "about.md" in nav


def test_each_section_page_has_front_matter_with_its_first_sentence(files):
    text = files[f"{NEOSENDERISM}.md"]
    assert text.startswith("---\n")
    assert front_matter(text) == {
        "title": "Neosenderism in the VRAEM",
        "description": "The connection of neosenderism with drug trafficking is known as narcoguerrilla or "
                       "narcoterrorism and may or may not have characteristics of an organized movement.",
        "hide": ["toc"]}   # its notes take the table of contents' place (tests/test_margin_notes.py)


def test_a_section_page_defines_exactly_the_notes_it_cites_under_their_own_numbers(files):
    text = files[f"{MUTATION}.md"]
    assert re.findall(r"\[\^(\d+)\](?!:)", text) == ["6", "7", "8", "9", "10", "11"]
    assert re.findall(r"^\[\^(\d+)\]:", text, re.M) == ["6", "7", "8", "9", "10", "11"]


def test_an_ibid_footnote_says_which_note_it_repeats(files):
    text = files[f"{MUTATION}.md"]
    assert "[^11]: Ibid. <span class=\"editorial\">\\[same source as note 10: Rensselaer W. Lee III" in text


def test_an_ibid_after_a_note_citing_two_works_says_it_is_ambiguous(files):
    text = files[f"{MUTATION}.md"]
    assert ("[^7]: Ibid. <span class=\"editorial\">\\[ambiguous: note 6 cites two works and “Ibid.” does not "
            "say which it repeats: Drug Enforcement Administration") in text


def test_note_urls_become_links(files):
    assert "<https://doi.org/10.1177/1043986299015004004>" in files["notes.md"]


def test_paragraphs_are_numbered_through_the_whole_article(article, files):
    anchors = [int(n) for path, text in files.items() if path != "print.md"
               for n in re.findall(r"\{: #p(\d+) \}", text)]
    assert anchors == list(range(1, len(article.paragraphs) + 1)) == list(range(1, 21))


def test_the_print_edition_numbers_paragraphs_as_the_pages_do(article, files):
    assert re.findall(r"\{: #p(\d+) \}", files["print.md"]) == [str(n) for n in range(1, len(article.paragraphs) + 1)]


def test_the_home_page_has_summary_keywords_and_contents(files):
    text = files["index.md"]
    assert "# Shining Path and its Alliance with Drug Trafficking in the VRAEM" in text
    assert "**Key words:** Shining Path, Drug Trafficking, VRAEM." in text
    assert "5. [Conclusions](conclusions.md)" in text


def test_the_about_page_names_the_source_and_carries_the_disclaimer(files):
    text = files["about.md"]
    assert "<https://ceeep.mil.pe/2023/09/07/shining-path-and-its-alliance-with-drug-trafficking-in-the-vraem/?lang=en>" in text
    assert "on its website on 7 September 2023" in text
    assert "> The ideas contained in this analysis are the sole responsibility of the author" in text


def test_markdown_characters_in_the_text_print_as_written():
    assert with_footnotes("a *starred* [sic] word[3]") == r"a \*starred\* \[sic\] word[^3]"


def test_slugs_are_ascii_and_hyphenated():
    assert slugify("Resurgence of Coca Cultivation in Perú & Bolivia") == "resurgence-of-coca-cultivation-in-peru-bolivia"
