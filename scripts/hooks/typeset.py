"""Typeset the print edition's HTML (hooks/book.py) as a PDF and an EPUB (not a hook itself).

PDF: WeasyPrint, a Python library that lays out paged media from HTML and CSS itself (on
Debian's Pango), so the build needs no browser. It does what a paged article needs and a
browser's print engine does not: notes at the foot of their page (``float: footnote``),
running heads and page numbers (``@page`` margin boxes), PDF/UA tagging, metadata from the
document's ``<meta>`` tags and embedded font subsets. It may read local files only.

EPUB: pandoc's EPUB 3 writer, one chapter per section; the Lua filter beside the stylesheet makes
each note an ``epub:type="noteref"`` link to an ``epub:type="footnote"`` aside, which e-readers
pop up, with the article's own number. Pandoc titles each chapter's document by its file name
("ch002.xhtml"), which reading systems and screen readers announce, and has no field for the
accessibility conformance claim: ``finished`` gives each document its first heading as title and
adds the claim (``dcterms:conformsTo``) to the package, keeping every other byte and zip entry.
Pandoc keeps a span's ``lang`` (the Spanish words, hooks/languages.py) but writes no ``xml:lang``
beside it, which an XHTML reading system may read instead: ``finished`` adds it.

Same input, same bytes: WeasyPrint takes the dates from the document's ``<meta>`` tags, pandoc
its timestamps from SOURCE_DATE_EPOCH, both set to ``data["modified"]`` (hooks/book.py), and the
EPUB's identifier is derived from the article's address.
"""

from __future__ import annotations

import html
import io
import os
import re
import subprocess
import uuid
import zipfile
from importlib.metadata import version
from pathlib import Path

from article.text import TAG

STYLES = Path(__file__).resolve().parents[1] / "styles"
PDF_STYLE = STYLES / "print-edition.css"
EPUB_NOTES = STYLES / "epub-notes.lua"
# What the EPUB declares of its accessibility (EPUB Accessibility 1.1); Ace by DAISY checks it in the tests.
ACCESSIBILITY_SUMMARY = ("The article's text in reading order, with its headings, a table of contents and "
                         "structural navigation. Each note reference leads to its note, numbered as in the article, "
                         "and each paragraph carries the number the edition's citations use. The one image, a locator "
                         "map, has a text alternative saying what it shows. There is no audio or video, and no known "
                         "hazard.")
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
CERTIFIED_BY = "The reader edition's own checks: Ace by DAISY and EPUBCheck"  # who evaluated the claim
CHAPTER_TITLE = re.compile(r"<title>ch\d+\.xhtml</title>")
FIRST_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)
LANG_ALONE = re.compile(r' lang="([^"]+)"(?! xml:lang)')


def engines() -> str:
    """The engines' versions: a new version may set the same HTML differently. pandoc's is the
    version of the package that ships its binary, read without starting pandoc on every build."""
    return f"WeasyPrint {version('weasyprint')}, pypandoc-binary {version('pypandoc-binary')}"


def pdf(html: str) -> bytes:
    """The PDF/UA-1 of the book's HTML, set with the print edition's stylesheet."""
    # Imported here, not above: loading WeasyPrint takes a second, which an unchanged article must not cost.
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    try:
        document = weasyprint.HTML(string=html, url_fetcher=fetcher)
        return document.write_pdf(stylesheets=[weasyprint.CSS(filename=str(PDF_STYLE), url_fetcher=fetcher)],
                                  pdf_variant="pdf/ua-1")
    except FatalURLFetchingError as error:  # not an Exception: it would end the build with a traceback
        raise RuntimeError(f"the PDF may use local files only: {error}") from None


def epub(html: str, data: dict) -> bytes:
    """The EPUB 3 of the book's HTML, with the metadata of ``data`` (docs/.downloads.yml)."""
    import pypandoc  # here, not above: an unchanged article never starts pandoc

    metadata = {"identifier": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, data['url'])}",
                "publisher": data["publisher"], "date": data["published"], "source": data["url"],
                "lang": data["language"], "accessibilitySummary": ACCESSIBILITY_SUMMARY}
    args = [f"--metadata={key}={value}" for key, value in metadata.items()]
    args += [f"--metadata=subject={keyword}" for keyword in data["keywords"]]
    result = subprocess.run([pypandoc.get_pandoc_path(), "--from=html", "--to=epub3", "--output=-",
                             f"--lua-filter={EPUB_NOTES}", "--split-level=2", "--epub-title-page=false", *args],
                            input=html.encode("utf-8"), capture_output=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": str(data["modified"])})
    if result.returncode != 0:
        raise RuntimeError(f"pandoc could not make the EPUB: {result.stderr.decode('utf-8', 'replace')}")
    return finished(result.stdout)


def finished(epub: bytes) -> bytes:
    """Pandoc's EPUB with each chapter titled by its first heading and the conformance claim declared."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(epub)) as book, zipfile.ZipFile(out, "w") as copy:
        for entry in book.infolist():
            content = book.read(entry)
            if entry.filename.endswith(".xhtml"):
                document = LANG_ALONE.sub(r' lang="\1" xml:lang="\1"', content.decode("utf-8"))
                if heading := FIRST_HEADING.search(document):
                    title = html.escape(" ".join(html.unescape(TAG.sub("", heading[1])).split()), quote=False)
                    document = CHAPTER_TITLE.sub(f"<title>{title}</title>", document, 1)
                content = document.encode("utf-8")
            elif entry.filename.endswith(".opf"):
                claim = (f'  <meta property="dcterms:conformsTo">{CONFORMS_TO}</meta>\n'
                         f'    <meta property="a11y:certifiedBy">{CERTIFIED_BY}</meta>\n  </metadata>')
                content = content.decode("utf-8").replace("</metadata>", claim, 1).encode("utf-8")
            copy.writestr(entry, content)
    return out.getvalue()
