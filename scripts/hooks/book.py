"""The print edition as one HTML document: what the PDF and the EPUB are typeset from (not a hook itself).

The print page's Markdown is rendered with the site's own Markdown extensions (the same
abbreviations, note numbers and anchors), then reshaped for a page or an e-reader:

- Each note's text moves to its marker, as ``<span class="footnote" data-number="6">``: WeasyPrint
  floats it to the foot of the page the marker is on, numbering the notes as it counts them, and
  pandoc makes it an EPUB footnote with ``data-number`` (scripts/styles/epub-notes.lua). A note cited
  again later is a plain superscript number there. The article's markers first appear in order
  (article/resolve.py), so WeasyPrint's count is the article's own numbering too.
- Permalinks, back-links and what the page shows on screen only (``site-only``) are dropped.
- An id on a paragraph moves to a ``<div>`` around it, which pandoc keeps (it drops a
  paragraph's id), so links to the References lead there in the EPUB too.
- Each of the article's paragraphs (``#p12``) opens with its number, "¶12", as the site shows it
  and the citations give it: the PDF sets it in the margin, the EPUB beside the paragraph.
"""

from __future__ import annotations

import datetime
import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions.footnotes import NBSP_PLACEHOLDER
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig

from article.download_links import SITE_ONLY
from article.markdown import day
from article.pages.locator_map import as_image

DROPPED = {"headerlink", "footnote-backref", SITE_ONLY}
NUMBERED = re.compile(r"p(\d+)")  # the article's paragraphs' ids


def classes(element: etree.Element) -> set[str]:
    return set(element.get("class", "").split())


def remove(element: etree.Element, parent: etree.Element) -> None:
    """Remove ``element``, keeping the text that follows it."""
    index = list(parent).index(element)
    if element.tail:
        if index:
            parent[index - 1].tail = (parent[index - 1].tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def note_span(item: etree.Element, number: str) -> etree.Element:
    """A footnote's list item as one inline span; its paragraphs are joined by line breaks."""
    span = etree.Element("span", {"class": "footnote", "data-number": number})
    for index, paragraph in enumerate(item.findall("p")):
        if index:
            etree.SubElement(span, "br")
        if paragraph.text:
            if len(span):
                span[-1].tail = (span[-1].tail or "") + paragraph.text
            else:
                span.text = (span.text or "") + paragraph.text
        span.extend(paragraph)
    last = span[-1] if len(span) else span
    attribute = "tail" if len(span) else "text"
    setattr(last, attribute, (getattr(last, attribute) or "").replace(NBSP_PLACEHOLDER, "").rstrip())
    for line_break in span.iter("br"):  # WeasyPrint sets a line break's newline as an empty line in a note
        line_break.tail = (line_break.tail or "").lstrip()
    return span


class BookShape(Treeprocessor):
    """Notes at their markers, nothing meant for the screen, ids where pandoc keeps them."""

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        notes: dict[str, etree.Element] = {}
        for element in [e for e in root.iter() if classes(e) & (DROPPED | {"footnote"})]:
            if "footnote" in classes(element):  # the list of notes, placed at their markers below
                notes.update((item.get("id").split(":", 1)[1], item) for item in element.iter("li"))
            remove(element, parents[element])
        cited: set[str] = set()
        for marker in [e for e in root.iter("sup") if e.get("id", "").startswith("fnref")]:
            number = marker[0].get("href").split(":", 1)[1]
            if number in cited:
                replacement = etree.Element("sup")
                replacement.text = number
            else:
                replacement = note_span(notes[number], number)
            replacement.tail = marker.tail
            parents[marker][list(parents[marker]).index(marker)] = replacement
            cited.add(number)
        for paragraph in [e for e in root.iter("p") if e.get("id")]:
            if number := NUMBERED.fullmatch(paragraph.get("id")):
                mark = etree.Element("span", {"class": "paragraph-number"})
                # The space inside: the PDF's inline box drops it, and the EPUB shows it.
                mark.text, mark.tail, paragraph.text = f"¶{number[1]} ", paragraph.text, None
                paragraph.insert(0, mark)
            parent = parents[paragraph]
            wrapper = etree.Element("div", {"id": paragraph.attrib.pop("id")})
            wrapper.tail, paragraph.tail = paragraph.tail, None
            parent[list(parent).index(paragraph)] = wrapper
            wrapper.append(paragraph)


class BookExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Last but one: after footnotes, note numbers, anchors and permalinks (and before unescaping).
        md.treeprocessors.register(BookShape(md), "article-book", 1)


def with_web_edition(text: str, site_url: str, date: str) -> str:
    """The print page's Markdown with the web edition's address and date at its end: the PDF and the
    EPUB number their paragraphs as the web edition does, so a citation of one names it. (At the end,
    so that it moves no page break of the article and its notes.)"""
    return (f"{text.rstrip()}\n\nWeb edition: <{site_url}>, {date}. The paragraph numbers (¶) of this "
            "copy are the web edition's.\n")


def book_html(text: str, config: MkDocsConfig, data: dict) -> str:
    """The print page's Markdown ``text`` as a standalone HTML document with the metadata in ``data``
    (docs/.downloads.yml, with ``modified``, the edition's last change, in seconds since 1970: the
    PDF's dates, which WeasyPrint reads from these tags)."""
    md = markdown.Markdown(extensions=[*config.markdown_extensions, BookExtension()],
                           extension_configs=config.mdx_configs)
    modified = datetime.datetime.fromtimestamp(data["modified"], datetime.timezone.utc)
    text = with_web_edition(text, config.site_url, day(modified.date().isoformat()))
    meta = {"author": data["author"], "description": data["description"], "keywords": ", ".join(data["keywords"]),
            **dict.fromkeys(("dcterms.created", "dcterms.modified"), f"{modified:%Y-%m-%dT%H:%M:%SZ}")}
    head = "".join(f'<meta name="{name}" content="{html.escape(value)}">\n' for name, value in meta.items())
    return (f'<!DOCTYPE html>\n<html lang="{data["language"]}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(data['title'])}</title>\n{head}</head>\n<body>\n{as_image(md.convert(text))}\n</body>\n</html>\n")
