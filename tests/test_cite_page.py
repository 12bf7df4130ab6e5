"""The Cite page as a reader uses it: citations set by the official styles, copied as plain text,
BibTeX and RIS that their readers take whole, the downloads, and CITATION.cff agreeing with them.

The style facts checked here come from the styles' manuals, not from the code that makes the strings:
a chapter in Chicago is "in *Book* (Publisher, Year)" in a note and "In *Book*. Publisher, Year." in
the bibliography, its title in quotes and headline case ("Its"); in APA it is "(Year). Title. In
*Book*. Publisher.", the chapter's title in roman and sentence case keeping names and acronyms
("Shining Path", "VRAEM"), the book's in italics; all end with the URL. Each citation is found by
its style (its anchor on the page, cite/#apa), never by its place.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pypandoc
import pytest
import yaml
from article.citation_record import STYLES
from conftest import ROOT
from site_html import read

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
URL = CONFIG["extra"]["article"]["source_url"]
INSTITUTION = "Centro de Estudios Estratégicos del Ejército del Perú"
BOOK = "Ambiente Estratégico 2022: Seguridad, Desarrollo y Defensa Nacional"
TITLE = "Shining Path and Its Alliance with Drug Trafficking in the VRAEM"  # in headline case
SENTENCE_TITLE = "Shining Path and its alliance with drug trafficking in the VRAEM"


def writes_in(style) -> bool:
    """Whether the style's CSL rules write "in" before a container, as Chicago's and APA's do."""
    return 'term="in"' in (ROOT / "scripts" / "styles" / style.csl).read_text(encoding="utf-8")


def citation(site: Path, style: str) -> str:
    """The citation the Cite page shows in ``style`` (its anchor there: chicago-note, apa…)."""
    (text,) = [e.text for e in read(site, "cite/", {"p"}).elements
               if e.attrs.get("id") == style and "citation" in e.attrs.get("class", "")]
    return text


def download(site: Path, name: str) -> str:
    (href,) = [h for e in read(site, "cite/", {"a"}).elements if e.attrs.get("download", "").endswith(name)
               for h in e.links]
    return (site / "cite" / href).read_text(encoding="utf-8")


def test_the_chicago_note_cites_a_chapter_in_its_book_with_publisher_and_year(site):
    assert citation(site, "chicago-note") == f"{INSTITUTION}, “{TITLE},” in {BOOK} ({INSTITUTION}, 2023), {URL}."


def test_the_chicago_bibliography_entry_cites_a_chapter_in_its_book_and_ends_with_the_url(site):
    assert citation(site, "chicago-bibliography") == f"{INSTITUTION}. “{TITLE}.” In {BOOK}. {INSTITUTION}, 2023. {URL}."


def test_the_apa_reference_cites_a_chapter_in_sentence_case_keeping_names_and_acronyms(site):
    assert citation(site, "apa") == f"{INSTITUTION}. (2023). {SENTENCE_TITLE}. In {BOOK}. {INSTITUTION}. {URL}"


@pytest.mark.parametrize("style", STYLES, ids=lambda style: style.key)
def test_each_style_sets_the_book_in_italics_and_in_spanish_and_the_chapter_in_roman(site, style):
    html = (site / "cite" / "index.html").read_text(encoding="utf-8")
    (entry,) = re.findall(rf'<p class="citation" id="{style.key}">(.*?)</p>', html, re.S)
    italics = re.findall(r"<em>(.*?)</em>", entry)
    assert [re.sub(r"<[^>]+>", "", text) for text in italics] == [BOOK]
    assert re.fullmatch(r'<span lang="es">[^<]*</span>', italics[0]), italics[0]


@pytest.mark.parametrize("style", [s for s in STYLES if writes_in(s)], ids=lambda style: style.key)
def test_a_style_whose_rules_write_in_sets_it_before_the_book(site, style):
    html = (site / "cite" / "index.html").read_text(encoding="utf-8")
    (entry,) = re.findall(rf'<p class="citation" id="{style.key}">(.*?)</p>', html, re.S)
    assert re.search(r"[Ii]n <em>", entry)


@pytest.fixture
def copy(browser, base_url):
    """Press a button of the Cite page on a phone: (what it copied, the text of the block above it)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "cite/")

    def press(name: str) -> tuple[str, str]:
        button = page.get_by_role("button", name=name)
        button.click()
        return page.evaluate("navigator.clipboard.readText()"), button.locator("xpath=preceding::*[self::p or self::pre][1]").inner_text()
    yield press
    context.close()


@pytest.mark.parametrize("style", STYLES, ids=lambda style: style.key)
def test_each_copy_button_copies_its_styles_citation_as_plain_text(site, copy, style):
    copied, _ = copy(style.button)
    assert copied == citation(site, style.key)


@pytest.mark.parametrize("button, start", [("Copy the BibTeX entry", "@incollection{"), ("Copy the RIS record", "TY  - CHAP")])
def test_the_bibtex_and_ris_buttons_copy_the_block_above_them(copy, button, start):
    copied, block = copy(button)
    assert copied.startswith(start) and len(copied.splitlines()) >= 5
    assert copied.strip() == block.strip()


def test_the_cite_page_shows_the_styles_in_the_order_of_the_one_list(site):
    ids = [e.attrs["id"] for e in read(site, "cite/", {"p"}).elements if "citation" in e.attrs.get("class", "")]
    assert ids == [style.key for style in STYLES]


def test_the_downloaded_csl_json_gives_the_pages_apa_reference(site, tmp_path):
    path = tmp_path / "article.json"
    path.write_text(download(site, ".json"), encoding="utf-8")
    apa = pypandoc.convert_text("---\nnocite: '@*'\n---\n", "plain", format="markdown",
                                extra_args=["--citeproc", "--wrap=none", "--csl", str(ROOT / "scripts/styles/apa.csl"),
                                            f"--bibliography={path}"])
    assert apa.strip() == citation(site, "apa")


def test_bibtex_styles_keep_the_capitals_of_the_names_in_the_title(site):
    from pybtex.bibtex.utils import change_case
    from pybtex.database import parse_string

    entry = parse_string(download(site, ".bib"), "bibtex").entries["ceeep2023"]
    # BibTeX's change.case$ "t", which plain.bst and most styles apply to an entry's title
    assert change_case(entry.fields["title"], "t").replace("{", "").replace("}", "") == \
        "Shining Path and its alliance with drug trafficking in the VRAEM"


def test_the_bib_file_uses_only_fields_that_bibtex_and_biblatex_both_read(site):
    from pybtex.database import parse_string

    entry = parse_string(download(site, ".bib"), "bibtex").entries["ceeep2023"]
    assert entry.type == "incollection" and "date" not in entry.fields
    assert entry.fields["month"] == "September"  # the bare macro sep, as BibTeX expands it
    assert entry.fields["year"] == "2023" and entry.fields["booktitle"] == f"{{{BOOK}}}"


def test_a_biblatex_reader_takes_the_institution_whole_and_the_title_in_sentence_case(site, tmp_path):
    path = tmp_path / "article.bib"
    path.write_text(download(site, ".bib"), encoding="utf-8")
    (item,) = json.loads(pypandoc.convert_file(str(path), "csljson", format="biblatex"))
    assert item["author"] == [{"literal": INSTITUTION}] and item["container-title"] == BOOK
    assert item["title"] == "Shining Path and its alliance with drug trafficking in the VRAEM"
    assert item["issued"] == {"date-parts": [[2023, 9]]} and item["URL"] == URL


def test_the_pages_bibtex_and_ris_blocks_are_the_downloaded_files_without_the_summary(site):
    pres = [e.text for e in read(site, "cite/", {"pre"}).elements]
    files = [re.sub(r"\n  abstract += \{.*\},\n", "\n", download(site, ".bib")),
             re.sub(r"\nAB  - .*\n", "\n", download(site, ".ris"))]
    assert pres == [" ".join(text.split()) for text in files] and "This article discusses" not in " ".join(pres)


def test_the_ris_record_is_a_chapter_whose_corporate_author_ends_in_a_comma(site):
    lines = download(site, ".ris").splitlines()
    assert lines[:2] == ["TY  - CHAP", f"AU  - {INSTITUTION},"]
    assert f"T2  - {BOOK}" in lines and "DA  - 2023/09/07/" in lines and f"UR  - {URL}" in lines
    assert lines[-1] == "ER  - "


def test_the_cite_page_links_each_download_under_a_name_of_its_own(site):
    links = [e for e in read(site, "cite/", {"a"}).elements if "download" in e.attrs]
    assert [e.attrs["download"] for e in links] == ["ceeep2023.bib", "ceeep2023.ris", "ceeep2023.json"]
    assert all((site / "cite" / e.attrs["href"]).is_file() for e in links)


def test_citation_cff_is_valid():
    result = subprocess.run([str(Path(sys.executable).parent / "cffconvert"), "--validate"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize("name", sorted({style.csl for style in STYLES}))
def test_each_official_style_keeps_its_licence(name):
    text = (ROOT / "scripts" / "styles" / name).read_text(encoding="utf-8")
    assert 'license="http://creativecommons.org/licenses/by-sa/3.0/"' in text
