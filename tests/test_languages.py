"""The language of parts: every Spanish word, name and title the edition shows is inside an element
whose language is Spanish, on every page of the site, in the EPUB's documents and in the PDF's tags
(its structure tree, which a screen reader reads the PDF by), so that a screen reader reads it with
Spanish sounds (WCAG 2.2, 3.1.2)."""

from __future__ import annotations

import logging
import re
import zipfile
from functools import cache
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader
from test_epub import epub  # noqa: F401  (the EPUB fixture)
from test_pdf import pdf  # noqa: F401  (the PDF fixture)
from test_reading import site_pages

from hooks import typeset
from hooks.typeset import marked_texts

# The Spanish the edition shows: the book's title, the publisher's name, the article's own gloss of
# SL and its "firmas", the Index's aliases and the Glossary's Spanish names.
SPANISH = ["Ambiente Estratégico 2022: Seguridad, Desarrollo y Defensa Nacional",
           "Centro de Estudios Estratégicos del Ejército del Perú", "Sendero Luminoso", "firmas",
           "Vampiro", "Mosca Loca", "Mosquito Loco", "Policía Nacional del Perú", "Fuerzas Armadas",
           "Valle de los Ríos Apurímac, Ene y Mantaro", "Movimiento Nacionalista Revolucionario"]
# The Spanish of the cited works the References page shows beside their entries: their titles as the
# notes quote them, the newspapers and series they appeared in, and the names the evidence gives.
CITED_SPANISH = ["El Comercio Sudamericano de Cocaína", "El laberinto blanco", "La Responsabilidad del Gobierno",
                 "El narcotráfico en el Perú", "Actualización sobre el Narcotráfico",
                 "Estudio mundial sobre el tráfico de armas de fuego", "La República", "Perú Hoy", "Hoy",
                 "Diario Digital Republica Dominicana",
                 "Centro de Estudios y Promoción del Desarrollo"]
UNREAD = {"script", "style", "template", "head"}  # not read out as the page's words (code is: the Cite page's BibTeX)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Languages(HTMLParser):
    """A page's words, each run of text with the language a screen reader reads it in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # open tags, and the language each sets
        self.runs: list[tuple[str, str]] = []

    def language(self) -> str:
        return next((lang for _, lang in reversed(self.stack) if lang), "")

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            attrs = dict(attrs)
            self.stack.append((tag, attrs.get("xml:lang") or attrs.get("lang")))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not any(tag in UNREAD for tag, _ in self.stack):
            language = self.language()
            if self.runs and self.runs[-1][1] == language:
                self.runs[-1] = (self.runs[-1][0] + data, language)
            else:
                self.runs.append((data, language))


@cache
def tagged_runs(pdf) -> list[tuple[str, str]]:
    """The PDF's text in its structure tree's order, each run with the language its tags give it."""
    reader = PdfReader(pdf)
    texts = {page.indirect_reference.idnum: marked_texts(page) for page in reader.pages}
    runs: list[tuple[str, str]] = []

    def read(element, language: str) -> None:
        language, kids = str(element.get("/Lang", language)), element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, int):  # a marked-content sequence of the element's page
                text = texts[element.raw_get("/Pg").idnum].get(kid, "")
                runs[-1:] = [(runs[-1][0] + text, language)] if runs and runs[-1][1] == language else [*runs[-1:], (text, language)]
            elif "/S" in kid.get_object():  # a structure element
                read(kid.get_object(), language)

    catalog = reader.trailer["/Root"]
    read(catalog["/StructTreeRoot"], str(catalog["/Lang"]))
    return runs


def spanish_read_otherwise(runs: list[tuple[str, str]]) -> list[str]:
    """The Spanish words of ``runs`` (text, language) read in another language than Spanish."""
    return [word for text, language in runs if not language.startswith("es")
            for word in SPANISH + CITED_SPANISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", " ".join(text.split()))]


def unmarked_spanish(page: str) -> list[str]:
    """The Spanish words of ``page`` read in another language than Spanish."""
    parser = Languages()
    parser.feed(page)
    return spanish_read_otherwise(parser.runs)


def test_every_spanish_word_on_the_site_is_marked_as_spanish(site):
    found = {path or "home": words for path in site_pages(site)
             if (words := unmarked_spanish((site / path / "index.html").read_text(encoding="utf-8")))}
    assert found == {}


def test_the_site_shows_the_spanish_words_it_marks(site):
    shown = " ".join(" ".join((site / path / "index.html").read_text(encoding="utf-8").split())
                     for path in ("", "glossary/", "index-of-names/"))
    assert [word for word in SPANISH if f'lang="es">{word}' not in shown] == []


def test_the_references_page_shows_the_cited_spanish_it_marks_in_quotes_and_comments(site):
    page = (site / "references" / "index.html").read_text(encoding="utf-8")
    quotes_and_comments = " ".join(line for line in page.split("<br />") if "reads:]" in line or "identified:" in line
                                   or "Corrected:" in line)
    parser = Languages()
    parser.feed(quotes_and_comments)
    spanish = " ".join(" ".join(text.split()) for text, language in parser.runs if language == "es")
    assert [words for words in CITED_SPANISH if words not in spanish] == []


def test_every_spanish_word_in_the_epub_is_marked_as_spanish(epub):
    with zipfile.ZipFile(epub) as book:
        found = {name: words for name in book.namelist() if name.endswith(".xhtml")
                 if (words := unmarked_spanish(book.read(name).decode("utf-8")))}
    assert found == {}


def test_the_epub_marks_spanish_for_xml_readers_too(epub):
    with zipfile.ZipFile(epub) as book:
        text = "".join(book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xhtml"))
    assert 'lang="es" xml:lang="es">Sendero Luminoso' in text


def test_every_spanish_word_in_the_pdfs_tags_is_tagged_spanish(pdf):
    assert spanish_read_otherwise(tagged_runs(pdf)) == []


def test_the_pdfs_tags_give_spanish_the_books_title_the_publisher_and_the_articles_spanish(pdf):
    spanish = " | ".join(" ".join(text.split()) for text, language in tagged_runs(pdf) if language == "es")
    shown = ["Ambiente Estratégico 2022: Seguridad, Desarrollo y Defensa Nacional",
             "Centro de Estudios Estratégicos del Ejército del Perú", "Sendero Luminoso", "firmas"]
    assert [words for words in shown if words not in spanish] == []


def test_the_pdfs_tags_give_no_english_words_to_spanish(pdf):
    runs = tagged_runs(pdf)
    english = re.compile(r"\b(?:the|and|of|with|its)\b")  # words of any English sentence, of no Spanish one
    assert [text for text, language in runs if language == "es" and english.search(text)] == []
    assert any("Shining Path" in text for text, language in runs if language == "en")


def test_spanish_the_pdfs_tags_cannot_find_whole_is_named_in_a_warning(caplog):
    page = ('<html lang="en"><head><title>T</title></head><body><p>SL, <span lang="es">Sendero Luminoso</span>.</p>'
            '<p lang="es" style="display: none">oculto</p></body></html>')
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        typeset.pdf(page)
    assert [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING] == \
        ["the PDF's tags give no language to ['oculto']: not found whole in the structure tree"]
