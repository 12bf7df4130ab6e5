"""The article's citation record: which words of a title keep their capitals, and every form made of it."""

from __future__ import annotations

import datetime
import json
import re

import pytest
import yaml
from pybtex.bibtex.utils import change_case
from pybtex.database import parse_string

from article.citation_record import bibtex, citations, csl_json, metadata, record, ris, sentence_case
from article.model import Article, Edition, Paragraph, Section, Where
from article.refs_bib import unbraced

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


# Every form of the article's citation, read back as its own reader reads it, gives the same item:
# a chapter in a book, with the record's title, author, book, publisher, date and URL.
CHAPTER = "chapter in a book"


@pytest.fixture(scope="module")
def real():
    """The article's own record, as the split script makes it."""
    from conftest import CONFIG, WITH_TITLE, WITH_URLS

    from article.config import load_config
    from article.index_data import load_editor_data
    from article.merge import merge
    from article.parse import parse_export

    article = merge([parse_export(WITH_TITLE), parse_export(WITH_URLS)])
    names = (form.text for entry in load_editor_data().entries for form in entry.forms)
    return record(article, load_config(CONFIG).edition, names)


def from_csl(rec) -> dict:
    (item,) = json.loads(csl_json(rec))
    (author,) = item["author"]
    return {"type": CHAPTER if item["type"] == "chapter" else item["type"], "title": item["title"],
            "author": author["literal"], "book": item["container-title"], "publisher": item["publisher"],
            "date": "-".join(f"{part:02}" for part in item["issued"]["date-parts"][0]), "url": item["URL"]}


def from_bibtex(rec) -> dict:
    entry = parse_string(bibtex(rec), "bibtex").entries[rec.key]
    (author,) = entry.persons["author"]
    month = datetime.datetime.strptime(entry.fields["month"], "%B").month
    return {"type": CHAPTER if entry.type == "incollection" else entry.type, "title": unbraced(entry.fields["title"]),
            "author": unbraced(str(author)), "book": unbraced(entry.fields["booktitle"]),
            "publisher": entry.fields["publisher"], "date": f"{entry.fields['year']}-{month:02}",
            "url": entry.fields["url"]}


def from_ris(rec) -> dict:
    tags = dict(line.split("  - ", 1) for line in ris(rec).splitlines())
    return {"type": CHAPTER if tags["TY"] == "CHAP" else tags["TY"], "title": tags["TI"],
            "author": tags["AU"].removesuffix(","),  # a name with nothing after its comma is one name
            "book": tags["T2"], "publisher": tags["PB"], "date": tags["DA"].strip("/").replace("/", "-"),
            "url": tags["UR"]}


def from_cff(rec) -> dict:
    from conftest import ROOT

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["preferred-citation"]
    (author,) = cff["authors"]
    chapter = cff["type"] == "generic" and cff["collection-type"] == "book"
    return {"type": CHAPTER if chapter else cff["type"], "title": cff["title"], "author": author["name"],
            "book": cff["collection-title"], "publisher": cff["publisher"]["name"],
            "date": str(cff["date-published"]), "url": cff["url"]}


def from_highwire(rec) -> dict:
    tags = dict(metadata(rec, {})["meta"])
    # Zotero's Embedded Metadata translator saves a page with citation_inbook_title as a bookSection.
    return {"type": CHAPTER if "citation_inbook_title" in tags else "webpage", "title": tags["citation_title"],
            "author": tags["citation_author"].removesuffix(","), "book": tags["citation_inbook_title"],
            "publisher": tags["citation_publisher"], "date": tags["citation_publication_date"].replace("/", "-"),
            "url": tags["citation_public_url"]}


def from_json_ld(rec) -> dict:
    data = metadata(rec, {})["json_ld"]
    chapter = data["@type"] == "Chapter" and data["isPartOf"]["@type"] == "Book"
    return {"type": CHAPTER if chapter else data["@type"], "title": data["name"], "author": data["author"]["name"],
            "book": data["isPartOf"]["name"], "publisher": data["isPartOf"]["publisher"]["name"],
            "date": data["datePublished"], "url": data["isBasedOn"]}


FORMS = [from_csl, from_bibtex, from_ris, from_cff, from_highwire, from_json_ld]


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.__name__.removeprefix("from_"))
def test_every_form_gives_the_records_chapter_title_author_book_publisher_date_and_url(real, form):
    got = form(real)
    assert rec_date_holds(real, got.pop("date"))
    assert {**got, "title": got["title"].casefold()} == {
        "type": CHAPTER, "title": real.title.casefold(), "author": real.author, "book": real.container,
        "publisher": real.author, "url": real.url}


def rec_date_holds(rec, date: str) -> bool:
    """A form gives the record's date, or as much of it as it can hold (BibTeX: year and month)."""
    return len(date) >= 7 and rec.published.startswith(date)


def test_every_style_cites_the_record_as_a_chapter_with_its_title_author_book_publisher_year_and_url(real):
    from conftest import ROOT

    from article.citation_record import STYLES

    cited = citations(real, ROOT / "scripts" / "styles")
    assert list(cited) == [style.key for style in STYLES]
    for key, styled in cited.items():
        text = styled.plain
        assert text.startswith(real.author) and text.count(real.author) == 2, key  # author, then publisher
        assert real.title.casefold() in text.casefold() and real.url in text, key
        assert re.search(rf"\b[Ii]n {re.escape(real.container)}\b", text), key
        assert real.published[:4] in text.replace(real.container, ""), key  # the year, not the book's title's
