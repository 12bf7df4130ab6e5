"""In the built site: notes ↔ References page, citation metadata, the Cite page, CITATION.cff."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from conftest import INTRODUCTION, MUTATION, NEOSENDERISM, ROOT, run_split

ARTICLE_PAGES = ["index.html", *(f"{slug}/index.html" for slug in (INTRODUCTION, NEOSENDERISM, MUTATION)),
                 "notes/index.html"]
URL = "https://ceeep.mil.pe/2023/09/07/shining-path-and-its-alliance-with-drug-trafficking-in-the-vraem/?lang=en"


class Html(HTMLParser):
    """Ids, links, meta tags, JSON-LD scripts and <pre> texts of one page."""

    def __init__(self, text: str):
        super().__init__()
        self.ids, self.links, self.meta, self.scripts, self.pres = set(), [], [], [], []
        self._script = self._pre = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append((attrs["href"], attrs.get("class") or ""))
        if tag == "meta" and attrs.get("name", "").startswith("citation_"):
            self.meta.append((attrs["name"], attrs["content"]))
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = []
        if tag == "pre":
            self._pre = []

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
        if tag == "pre" and self._pre is not None:
            self.pres.append("".join(self._pre))
            self._pre = None

    def handle_data(self, data):
        for buffer in (self._script, self._pre):
            if buffer is not None:
                buffer.append(data)


def page(site: Path, path: str) -> Html:
    return Html((site / path).read_text(encoding="utf-8"))


def target(site: Path, source: str, href: str) -> tuple[Path, str]:
    """The built file and fragment an internal link from ``source`` reaches."""
    url = urlparse(urljoin("/" + source, href))
    path = url.path.lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path), url.fragment


def test_each_notes_reference_link_reaches_an_entry_on_the_references_page(site):
    references = page(site, "references/index.html").ids
    checked = 0
    for source in ARTICLE_PAGES:
        for href, _ in page(site, source).links:
            if "references/" in href and "#" in href:
                file, fragment = target(site, source, href)
                assert file == site / "references" / "index.html" and fragment in references, (source, href)
                checked += 1
    assert checked >= 2 * 12  # eleven notes, twelve citations: on their page and on the Notes page


def test_the_references_page_has_ten_entries_sorted_by_author(site):
    text = (site / "references" / "index.html").read_text(encoding="utf-8")
    keys = re.findall(r'<p class="reference" id="ref-([^"]+)">', text)
    assert keys == ["dreyfus1999", "dea2022", "gonzalez2010", "lee1991", "rospigliosi2019", "soberon2007",
                    "druglords1994", "tullis1995", "unodc2020", "valderrama2004"]


def test_each_back_link_on_the_references_page_reaches_its_note_marker(site):
    backs = [href for href, _ in page(site, "references/index.html").links if "#fnref:" in href]
    assert len(backs) == 13  # one per note and work it cites: notes 6 and 7 cite two works each
    for href in backs:
        file, fragment = target(site, "references/index.html", href)
        assert fragment in page(site, str(file.relative_to(site))).ids, href


def test_no_link_on_the_references_page_dangles(site):
    for href, _ in page(site, "references/index.html").links:
        if urlparse(href).scheme:
            continue
        file, fragment = target(site, "references/index.html", href)
        assert file.is_file(), href
        assert not fragment or fragment in page(site, str(file.relative_to(site))).ids, href


def test_reference_urls_keep_their_underscores_without_backslashes(site):
    text = (site / "references" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://www.unodc.org/documents/firearms-protocol/2020/Global_Study_Ex_Summary_es.pdf"' in text
    assert "\\_" not in text


def test_the_references_page_uses_typographic_quotes(site):
    html = (site / "references" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html[html.index("<article"):html.index("</article>")])  # what a reader sees
    assert "“When All the Evils Come Together" in text and "Peru’s Upper Huallaga" in text
    assert "&quot;When" not in text and '"When' not in text


def test_a_doi_is_a_link_on_the_references_page(site):
    assert "https://doi.org/10.1177/1043986299015004004" in [href for href, _ in page(site, "references/index.html").links]


@pytest.mark.parametrize("path", ARTICLE_PAGES)
def test_every_article_page_carries_a_scholarly_article_with_ten_citations(site, path):
    (script,) = page(site, path).scripts
    data = json.loads(script)
    assert data["@type"] == "ScholarlyArticle"
    assert data["headline"] == "Shining Path and its Alliance with Drug Trafficking in the VRAEM"
    assert len(data["citation"]) == 10
    assert data["citation"][0]["url"] == "https://doi.org/10.1177/1043986299015004004"


@pytest.mark.parametrize("path", ARTICLE_PAGES)
def test_every_article_page_carries_google_scholar_meta_tags(site, path):
    meta = page(site, path).meta
    single = dict(meta)
    assert single["citation_title"] == "Shining Path and its Alliance with Drug Trafficking in the VRAEM"
    assert single["citation_author"] == "Centro de Estudios Estratégicos del Ejército del Perú"
    assert single["citation_publication_date"] == "2023/09/07"
    assert single["citation_inbook_title"] == "Ambiente Estratégico 2022: Seguridad, Desarrollo y Defensa Nacional"
    assert single["citation_public_url"] == URL
    assert single["citation_language"] == "en"
    assert len([name for name, _ in meta if name == "citation_reference"]) == 10


def test_the_cite_page_offers_the_exact_citations_to_copy(site):
    pres = [re.sub(r"\s+$", "", text) for text in page(site, "cite/index.html").pres]
    assert pres[0] == ("Centro de Estudios Estratégicos del Ejército del Perú (CEEEP). “Shining Path and its "
                       "Alliance with Drug Trafficking in the VRAEM.” In Ambiente Estratégico 2022: Seguridad, "
                       f"Desarrollo y Defensa Nacional. Published September 7, 2023. {URL}.")
    assert pres[1] == ("Centro de Estudios Estratégicos del Ejército del Perú. (2023, September 7). Shining Path "
                       "and its Alliance with Drug Trafficking in the VRAEM. In Ambiente Estratégico 2022: "
                       f"Seguridad, Desarrollo y Defensa Nacional. {URL}")
    assert pres[2].startswith("@incollection{ceeep2023,\n  author    = {{Centro de Estudios Estratégicos del "
                              "Ejército del Perú}},\n")
    assert pres[3].splitlines()[:3] == ["TY  - CHAP", "AU  - Centro de Estudios Estratégicos del Ejército del Perú",
                                        "TI  - Shining Path and its Alliance with Drug Trafficking in the VRAEM"]
    assert pres[3].splitlines()[-1] == "ER  -"


def test_the_cite_pages_bibtex_parses_as_bibtex(site):
    import bibtexparser

    (entry,) = bibtexparser.loads(page(site, "cite/index.html").pres[2]).entries
    assert entry["booktitle"] == "Ambiente Estratégico 2022: Seguridad, Desarrollo y Defensa Nacional"


def test_each_citation_on_the_cite_page_has_a_copy_button_for_its_whole_text(page_in_browser):
    buttons = page_in_browser.locator("article pre button[data-md-type=copy]")
    buttons.first.wait_for()
    assert buttons.count() == 4
    copied = [page_in_browser.locator(buttons.nth(i).get_attribute("data-clipboard-target")).inner_text()
              for i in range(4)]
    assert copied[0].startswith("Centro de Estudios Estratégicos del Ejército del Perú (CEEEP). “Shining Path")
    assert copied[3].rstrip().endswith("ER  -")


@pytest.fixture
def page_in_browser(page, base_url):
    page.goto(base_url + "cite/")
    return page


def test_every_page_links_to_the_cite_page_from_its_footer(site):
    for path in [*ARTICLE_PAGES, "references/index.html", "about/index.html"]:
        hrefs = [href for href, _ in page(site, path).links]
        cite = [h for h in hrefs if target(site, path, h)[0] == site / "cite" / "index.html"]
        assert cite, path


def test_citation_cff_is_valid():
    result = subprocess.run([str(Path(sys.executable).parent / "cffconvert"), "--validate"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + result.stdout


def test_citation_cff_prefers_the_article_as_the_cite_page_gives_it(files):
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["preferred-citation"]
    cite = files["cite.md"]
    assert f"TI  - {cff['title']}\n" in cite and f"UR  - {cff['url']}\n" in cite
    assert f"AU  - {cff['authors'][0]['name']}\n" in cite and f"T2  - {cff['collection-title']}\n" in cite
    assert f"DA  - {str(cff['date-published']).replace('-', '/')}\n" in cite


def test_the_split_script_fails_loudly_without_the_csl_style(tmp_path):
    project = tmp_path / "project"
    for name in ["mkdocs.yml", "refs.bib"]:
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, project / name)
    for name in ["scripts", "source"]:
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    style = project / "scripts" / "styles" / "chicago-notes-bibliography.csl"
    style.unlink()
    result = run_split("--out", tmp_path / "docs", cwd=project, script=project / "scripts" / "split_article.py")
    assert result.returncode == 2
    assert result.stderr.startswith(f"{style}:1: the citation style is missing")


def test_the_split_script_fails_loudly_without_pandoc(tmp_path):
    result = run_split("--out", tmp_path / "docs", env={"PYPANDOC_PANDOC": str(tmp_path / "no-pandoc")})
    assert result.returncode == 2
    assert "pandoc is missing" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "docs").exists()
