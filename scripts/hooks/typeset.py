"""Typeset the print edition's HTML (hooks/book.py) as a PDF and an EPUB (not a hook itself).

PDF: WeasyPrint, a Python library that lays out paged media from HTML and CSS itself (on
Debian's Pango), so the build needs no browser. It does what a paged article needs and a
browser's print engine does not: notes at the foot of their page (``float: footnote``),
running heads and page numbers (``@page`` margin boxes), PDF/UA tagging, metadata from the
document's ``<meta>`` tags and embedded font subsets. It may read local files only. WeasyPrint
(70.0) tags a ``<span lang="es">`` as a structure element with no language of its own, so a screen
reader would read the Spanish words (hooks/languages.py) with English sounds: ``pdf`` adds the
language to the structure elements that hold them (see there).

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
import logging
import os
import re
import subprocess
import uuid
import zipfile
from collections import Counter
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
log = logging.getLogger(f"mkdocs.hooks.{__name__}")
SPACES = re.compile(r"\s+")  # where lines break, text extracted from a PDF may gain or lose spaces


def engines() -> str:
    """The engines' versions: a new version may set the same HTML differently. pandoc's is the
    version of the package that ships its binary, read without starting pandoc on every build."""
    return ", ".join(f"{name} {version(name)}" for name in ("weasyprint", "pydyf", "tinyhtml5", "pypdf", "pypandoc-binary"))


def pdf(html: str) -> bytes:
    """The PDF/UA-1 of the book's HTML, set with the print edition's stylesheet, its words of another
    language tagged with their language.

    The document is laid out once and written twice: the first PDF is read to find the structure
    elements that hold each run of another language (``languages_by_element``), and WeasyPrint's
    documented ``finisher`` adds their ``/Lang`` as it writes the second, which is the same PDF
    object for object (the same document makes the same bytes; the finisher checks that each
    object is still a structure element)."""
    # Imported here, not above: loading WeasyPrint takes a second, which an unchanged article must not cost.
    import pydyf
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    options = {"pdf_variant": "pdf/ua-1"}
    try:
        document = weasyprint.HTML(string=html, url_fetcher=fetcher).render(
            stylesheets=[weasyprint.CSS(filename=str(PDF_STYLE), url_fetcher=fetcher)], **options)
    except FatalURLFetchingError as error:  # not an Exception: it would end the build with a traceback
        raise RuntimeError(f"the PDF may use local files only: {error}") from None
    languages = languages_by_element(document.write_pdf(**options), html)

    def tag_languages(_, pdf: pydyf.PDF) -> None:
        for number, language in languages.items():
            if pdf.objects[number].get("Type") != "/StructElem":
                raise RuntimeError(f"WeasyPrint wrote object {number} as no structure element the second time")
            pdf.objects[number]["Lang"] = pydyf.String(language)

    return document.write_pdf(finisher=tag_languages, **options)


def other_languages(html: str) -> Counter[tuple[str, str]]:
    """The text (without spaces) and the language of each element of ``html`` in another language than
    the document's, each with how many such elements there are; read with the HTML parser WeasyPrint
    reads the same document with."""
    import tinyhtml5

    root = tinyhtml5.parse(html)
    return Counter((SPACES.sub("", "".join(element.itertext())), element.get("lang"))
                   for element in root.iter() if element.get("lang") not in (None, root.get("lang")))


def marked_texts(page) -> dict[int, str]:
    """The text of each marked-content sequence of a pypdf ``page``, by its MCID."""
    texts: dict[int, str] = {}
    open_ids: list[int | None] = []  # the sequences open where the text is shown, innermost last

    def operator(name, operands, *_):
        if name in (b"BDC", b"BMC"):
            properties = operands[1] if name == b"BDC" and len(operands) > 1 else {}
            open_ids.append(properties.get("/MCID") if hasattr(properties, "get") else None)
        elif name == b"EMC" and open_ids:
            open_ids.pop()

    def shown(text, *_):
        if open_ids and open_ids[-1] is not None:
            texts[open_ids[-1]] = texts.get(open_ids[-1], "") + text

    page.extract_text(visitor_operand_before=operator, visitor_text=shown)
    return texts


def languages_by_element(pdf: bytes, html: str) -> dict[int, str]:
    """The object number of each structure element of ``pdf`` that holds only words of an element of
    ``html`` in another language, and no larger one does, with that language.

    Each inline element's text is marked content of its own, tied to a structure element of its own,
    so the words of a ``<span lang="es">`` are whole runs of marked content in the structure tree's
    order (two runs for a phrase that a line break splits). Read in that order, a run of whole
    sequences whose text (spaces aside) is such an element's text is that element.
    """
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    texts = {page.indirect_reference.idnum: marked_texts(page) for page in reader.pages}
    pieces: list[str] = []  # the tree's marked content in order, spaces aside
    starts, spans = {0}, []  # where each piece starts in the text; where each structure element's text lies

    def read(element, start: int) -> int:
        """Read ``element``'s text, from ``start`` in the tree's text; return where it ends."""
        end, kids = start, element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, int):  # a marked-content sequence on the element's page
                pieces.append(SPACES.sub("", texts[element.raw_get("/Pg").idnum].get(kid, "")))
                end += len(pieces[-1])
                starts.add(end)
            elif "/S" in kid.get_object():  # a structure element (not an annotation's reference)
                end = read(kid.get_object(), end)
        spans.append((element, start, end))
        return end

    read(reader.trailer["/Root"]["/StructTreeRoot"], 0)
    whole = "".join(pieces)
    elements = other_languages(html)
    runs = [(match.start(), match.end(), language) for words, language in elements if words
            for match in re.finditer(re.escape(words), whole) if match.start() in starts and match.end() in starts]
    found = Counter((whole[first:last], language) for first, last, language in runs)
    if missed := sorted(words for (words, language), count in elements.items() if words and found[words, language] < count):
        # Found by its words in one run: a phrase that a page break splits is two runs, a page's notes between.
        log.warning("the PDF's tags give no language to %s: not found whole in the structure tree", missed)
    inside = {element.indirect_reference.idnum: (element, language) for element, start, end in spans
              if start < end and "/S" in element for first, last, language in runs if first <= start and end <= last}
    return {number: language for number, (element, language) in inside.items()
            if element.raw_get("/P").idnum not in inside}  # its parent holds more than these words


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
