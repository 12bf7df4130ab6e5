"""The article's citation record: which words of a title keep their capitals, and the BibTeX made of it."""

from __future__ import annotations

from pybtex.bibtex.utils import change_case
from pybtex.database import parse_string

from article.model import Article, Edition, Paragraph, Section, Where
from article.pages.cite import bibtex
from article.citation_record import record, sentence_case

HERE = Where("test.txt", 1)
EDITION = Edition("https://example.org/a/?lang=en", "2023-09-07", "Centro de Estudios Estratégicos (CEE)")


def made(title: str, text: str, names: tuple[str, ...] = ()):
    article = Article(title, "This article is included in the publication A Book.", (Paragraph("A summary.[1]", HERE),),
                      (), (Section("Part", (Paragraph(text, HERE),), HERE),), (), None)
    return record(article, EDITION, names)


def test_a_title_word_the_text_writes_in_lower_case_loses_its_capital_in_sentence_case():
    assert sentence_case(made("The Rise of Coca in Bolivia", "Coca grows; the rise of coca in Bolivia.")) == \
        "The rise of coca in Bolivia"


def test_a_name_the_index_knows_keeps_its_capitals_though_the_text_writes_its_words_in_lower_case():
    rec = made("Shining Path and its Path", "a path, shining", names=("Shining Path",))
    assert sentence_case(rec) == "Shining Path and its path"


def test_an_acronym_keeps_its_capitals():
    assert sentence_case(made("Drug Trafficking in the VRAEM", "drug trafficking, vraem")) == \
        "Drug trafficking in the VRAEM"


def test_a_subtitle_keeps_its_first_capital():
    assert sentence_case(made("Coca: The Long Years", "the long years of coca")) == "Coca: The long years"


def test_the_record_takes_its_key_author_book_and_abstract_from_the_edition_and_the_text():
    rec = made("A Title", "text")
    assert (rec.key, rec.author, rec.short_author) == ("cee2023", "Centro de Estudios Estratégicos", "CEE")
    assert (rec.container, rec.abstract, rec.language) == ("A Book", "A summary.", "en")


def test_latex_specials_in_the_title_reach_a_bibtex_reader_as_written():
    rec = made("Arms & Drugs: 50% of the #1 Trade in the VRAEM_2", "arms and drugs, trade")
    entry = parse_string(bibtex(rec), "bibtex").entries["cee2023"]
    assert change_case(entry.fields["title"], "t") == \
        r"Arms \& drugs: 50\% of the \#1 trade in the {VRAEM\_2}"
