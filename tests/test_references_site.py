"""In the built site: notes ↔ References page, what each reference rests on, and links to the Cite page
(its citations: test_cite_page.py)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from article.config import STYLE
from article.evidence import load_evidence
from article.model import ArticleError
from article.parse import parse_export
from article.refs_bib import load_works
from conftest import INTRODUCTION, MUTATION, NEOSENDERISM, ROOT, WITH_URLS, run_split
from site_html import read

ARTICLE_PAGES = ["index.html", *(f"{slug}/index.html" for slug in (INTRODUCTION, NEOSENDERISM, MUTATION)),
                 "notes/index.html"]


class Html(HTMLParser):
    """Ids and links of one page."""

    def __init__(self, text: str):
        super().__init__()
        self.ids, self.links = set(), []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append((attrs["href"], attrs.get("class") or ""))


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


def test_every_page_links_to_the_cite_page_from_its_footer(site):
    for path in [*ARTICLE_PAGES, "references/index.html", "about/index.html"]:
        hrefs = [href for href, _ in page(site, path).links]
        cite = [h for h in hrefs if target(site, path, h)[0] == site / "cite" / "index.html"]
        assert cite, path


def test_the_split_script_fails_loudly_without_the_csl_style(tmp_path):
    project = tmp_path / "project"
    for name in ["mkdocs.yml", "refs.bib"]:
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, project / name)
    for name in ["scripts", "source"]:
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    style = project / STYLE
    style.unlink()
    result = run_split("--out", tmp_path / "docs", cwd=project, script=project / "scripts" / "split_article.py")
    assert result.returncode == 2
    assert result.stderr.startswith(f"{style}:1: the citation style is missing")


def test_the_split_script_fails_loudly_without_pandoc(tmp_path):
    result = run_split("--out", tmp_path / "docs", env={"PYPANDOC_PANDOC": str(tmp_path / "no-pandoc")})
    assert result.returncode == 2
    assert "pandoc is missing" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "docs").exists()


STATUS = re.compile(r"\[(Identified|Corrected|Partly identified|Not identified): ")


def references(site) -> dict[str, object]:
    """Each entry of the References page as a reader sees it (its text and links), by key."""
    return {e.attrs["id"].removeprefix("ref-"): e for e in read(site, "references/", {"p"}).elements
            if e.attrs.get("class") == "reference"}


def cited_segments() -> list[tuple[int, str]]:
    """The words each note gives each work it cites, from the source: notes citing two works part them with "; "."""
    return [(note.number, segment) for note in parse_export(WITH_URLS).notes if not note.text.startswith("Ibid")
            for segment in note.text.split("; ")]


def test_every_work_a_note_cites_shows_the_notes_own_words_on_the_references_page(site):
    entries = [entry.text for entry in references(site).values()]
    for number, words in cited_segments():
        assert sum(f"[Note {number} reads:] {words}" in text for text in entries) == 1, (number, words)
    assert len(cited_segments()) == len(entries) == 10


def test_every_reference_says_what_it_rests_on_or_that_it_is_not_identified(site):
    for key, entry in references(site).items():
        found = STATUS.search(entry.text)
        assert found, key
        sources = re.findall(r"\(source: ([^)\s]+)\)", entry.text)
        assert found[1] == "Not identified" or sources, key
        assert all(any(urlparse(href).netloc == host for href in entry.links) for host in sources), key


def test_what_the_edition_adds_to_a_reference_stands_in_square_brackets(site):
    spans = [e.text for e in read(site, "references/", {"span"}).elements if e.attrs.get("class") == "editorial"]
    assert len(spans) >= 2 * 10 + 1  # each entry's "Note n reads:" and its evidence; note 5's missing book
    assert all(text.startswith("[") and text.endswith("]") for text in spans)
    assert "[edited volume not identified]" in spans


def test_note_2s_newspaper_is_la_republica_as_its_url_says(site):
    entry = references(site)["rospigliosi2019"].text
    identification = entry[:entry.index("[Note 2 reads:]")]
    assert "La República, May 23, 2019" in identification and "The Republic" not in identification
    assert "larepublica.pe" in entry[entry.index("[Corrected: "):]


def test_a_page_range_and_a_file_of_a_series_are_cited_as_chapters_of_books(site):
    entries = references(site)
    assert "“Questionable Alliances in the War on Drugs: Peru and the United States.” In [edited volume not " \
           "identified]. University Press of Florida, 2004." in entries["valderrama2004"].text
    assert "“El narcotráfico en el Perú y la ausencia de políticas de Estado.” In Perú Hoy." in entries["soberon2007"].text


def test_a_reference_gives_no_home_page_as_the_works_address(site):
    for key in ("dea2022", "gonzalez2010"):
        entry = references(site)[key]
        identification = entry.text[:entry.text.index("[Note ")]
        assert "https://" not in identification, key
        assert "home page" in entry.text, key
    assert "may be the year the report was consulted" in references(site)["dea2022"].text


def test_the_references_page_says_note_7s_ibid_is_ambiguous(site):
    for key in ("dea2022", "dreyfus1999"):
        assert "note 7 (an ambiguous “Ibid.”)" in references(site)[key].text, key
    assert "ambiguous" not in references(site)["lee1991"].text  # note 11 repeats note 10's one work


TULLIS = re.compile(r"^tullis1995:\n(?:(?:  .*)?\n)*", re.M)  # one record of the evidence file


def evidence_with(tullis: str) -> str:
    """The evidence file with tullis1995's record replaced by ``tullis``."""
    return TULLIS.sub(tullis, (ROOT / "scripts" / "data" / "references.yml").read_text(encoding="utf-8"))


def test_an_entry_without_evidence_stops_the_split_script_at_its_line_in_refs_bib(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ["mkdocs.yml", "refs.bib"]:
        shutil.copy(ROOT / name, project / name)
    for name in ["scripts", "source"]:
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "scripts" / "data" / "references.yml").write_text(evidence_with(""), encoding="utf-8")
    result = run_split("--out", tmp_path / "docs", cwd=project, script=project / "scripts" / "split_article.py")
    line = (project / "refs.bib").read_text(encoding="utf-8").splitlines().index("@book{tullis1995,") + 1
    assert result.returncode == 2
    assert result.stderr.startswith(f"{project / 'refs.bib'}:{line}: entry tullis1995 has no evidence")
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize("record, at, message", [
    ("tullis1995:\n  status: not identified\n  evidence:\n    - fact: None found.\n"
     "nobody2000:\n  status: not identified\n  evidence:\n    - fact: None found.\n",
     "nobody2000:", "evidence for nobody2000, which is no entry of refs.bib"),
    ("tullis1995:\n  status: identified\n  evidence:\n    - fact: A record says so.\n",
     "  status: identified", "tullis1995 is “identified” but names no source"),
    ("tullis1995:\n  status: probable\n  evidence:\n    - fact: A record.\n      source: https://example.org/a\n",
     "  status: probable", "the status of tullis1995 is “probable”"),
])
def test_evidence_for_no_entry_without_a_source_or_of_unknown_status_is_an_error_at_its_line(tmp_path, record, at,
                                                                                              message):
    path = tmp_path / "references.yml"
    path.write_text(evidence_with(record), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    line = text[:text.index(record)].count("\n") + record.splitlines().index(at) + 1
    with pytest.raises(ArticleError) as error:
        load_evidence(load_works(ROOT / "refs.bib"), path)
    assert (error.value.path, error.value.line) == (str(path), line)
    assert error.value.message.startswith(message)
