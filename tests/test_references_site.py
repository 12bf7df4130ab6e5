"""In the built site: notes ↔ References page, and links to the Cite page (its citations: test_cite_page.py)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from conftest import INTRODUCTION, MUTATION, NEOSENDERISM, ROOT, run_split

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
