"""Abbreviations: expansions taken from the article's text, the rest from the data file."""

from __future__ import annotations

import re

import pytest
from article.abbreviations import defined_in, long_form, used_in
from article.datafiles import ABBREVIATIONS
from conftest import RESURGENCE, WITH_TITLE, run_split
from test_epub import epub  # noqa: F401  (the EPUB fixture)
from test_pdf import pdf  # noqa: F401  (the PDF fixture)


def test_an_expansion_is_the_run_of_capitalised_words_before_the_brackets():
    assert defined_in("operations by the Peruvian National Police (PNP) and") == {"PNP": ("Peruvian National Police", "")}


def test_a_native_name_given_with_the_abbreviation_is_kept():
    text = "the terrorist group Shining Path (SL for its name in Spanish “Sendero Luminoso”) and"
    assert defined_in(text) == {"SL": ("Shining Path", "Spanish: Sendero Luminoso")}


def test_a_dotted_abbreviation_is_read_whole():
    assert defined_in("the PNP and the Armed Forces (FF. AA.), allowing") == {"FF. AA.": ("Armed Forces", "")}


def test_an_expansion_stops_at_the_article_that_opens_it():
    assert long_form("The Alto Huallaga Valley and the Apurimac, Ene and Mantaro River Valley") == \
        "Apurimac, Ene and Mantaro River Valley"


def test_lowercase_words_before_the_brackets_give_no_expansion():
    assert defined_in("in the Apurímac, Ene and Mantaro rivers (VRAEM).") == {}


def test_abbreviations_inside_addresses_are_not_abbreviations():
    assert used_in("see http://www.desco.org.pe/recursos/site/files/CONTENIDO/11/x.pdf and the PNP") == ["PNP"]


def test_the_glossary_lists_the_articles_abbreviations_with_the_articles_words(files):
    glossary = files["glossary.md"]
    assert '| <span id="abbr-mnr">MNR</span> | National Revolutionary Movement <span' in glossary and f"[¶8]({RESURGENCE}.md#p8) |" in glossary
    assert '| <span id="abbr-unodc">UNODC</span> | United Nations Office on Drugs and Crime \\* | [note 1](notes.md#note-1) |' in glossary


def test_every_page_gets_the_abbreviation_definitions(files):
    definitions = files[ABBREVIATIONS]
    assert "*[FF. AA]: Armed Forces [Spanish: Fuerzas Armadas]" in definitions.splitlines()


def glossary_rows(files) -> dict[str, str]:
    """Each Glossary row's abbreviation and what it stands for, as Markdown."""
    rows = [line.split(" | ") for line in files["glossary.md"].splitlines() if line.startswith("| ")]
    return {re.sub(r"<[^>]+>", "", row[0].removeprefix("| ")): row[1] for row in rows[2:]}


def test_no_glossary_entry_comes_from_a_slip_in_the_source(files, passages):
    from article.abbreviations import DATA, load_editorial

    slips = load_editorial(DATA).slips
    assert "AA" in slips and any("the Armed Forces, AA. and the PNP" in p.text for p in passages)  # ¶17
    assert set(glossary_rows(files)) & set(slips) == set()


@pytest.mark.parametrize("short, spanish", [
    ("FF. AA.", "Fuerzas Armadas"), ("PNP", "Policía Nacional del Perú"),
    ("VRAEM", "Valle de los Ríos Apurímac, Ene y Mantaro"), ("MNR", "Movimiento Nacionalista Revolucionario"),
    ("SL", "Sendero Luminoso")])    # the article's own Spanish name, set as the edition's words like the others
def test_a_spanish_abbreviation_shows_the_spanish_words_and_the_english(files, short, spanish):
    english = {"FF. AA.": "Armed Forces", "PNP": "Peruvian National Police", "MNR": "National Revolutionary Movement",
               "VRAEM": "Apurimac, Ene and Mantaro River Valley", "SL": "Shining Path"}[short]
    assert glossary_rows(files)[short] == f'{english} <span class="editorial">\\[Spanish: {spanish}\\]</span>'


def test_every_name_the_edition_adds_in_another_language_names_its_source():
    import yaml
    from article.abbreviations import DATA

    for short, fields in yaml.safe_load(DATA.read_text(encoding="utf-8"))["other_language"].items():
        assert len(fields.get("source", "")) > 20, short


def test_an_abbreviation_spelled_out_nowhere_is_an_error_naming_its_line(tmp_path):
    lines = WITH_TITLE.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("The Alto Huallaga Valley"))
    lines[number] = lines[number].replace("represent Peru", "represent the XQZ and Peru")
    bad = tmp_path / WITH_TITLE.name
    bad.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "docs"
    result = run_split(bad, "--out", out)
    assert result.returncode == 2
    assert f"{bad}:{number + 1}: “XQZ” is used but never spelled out" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("short", ["SL", "VRAEM", "PNP", "MNR", "FF. AA", "UNODC", "CEEEP", "AKA", "U.S", "AA"])
def test_each_abbreviation_of_the_article_has_a_definition(short, files):
    definitions = files[ABBREVIATIONS]
    assert any(line.startswith(f"*[{short}]: ") for line in definitions.splitlines())


SLIP_NOTE = "[“AA.” is a slip for FF. AA., the Armed Forces]"


def test_the_note_on_paragraph_17s_slip_shows_under_it_on_its_page(page, base_url):
    page.goto(base_url + "conclusions/")
    assert "the Armed Forces, AA. and the PNP" in page.locator("#p17").inner_text()
    remark = page.locator("#p17 + p")
    assert remark.is_visible() and remark.inner_text() == SLIP_NOTE


def test_the_note_on_paragraph_17s_slip_is_in_the_pdf_and_the_epub(pdf, epub):  # noqa: F811
    import zipfile

    from pypdf import PdfReader

    printed = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    with zipfile.ZipFile(epub) as book:
        chapters = re.sub(r"<[^>]+>", "", "".join(book.read(n).decode("utf-8") for n in book.namelist()
                                                  if n.endswith(".xhtml")))
    assert SLIP_NOTE in printed
    assert SLIP_NOTE in " ".join(chapters.split())
