"""A built page's search entries: the page, its heading sections, and its passages.

Read by scripts/hooks/search_index.py (which says what the entries are for) from each page's
rendered content; not a hook itself.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from article.text import TAG

PASSAGE = re.compile(r"p\d+|note-\d+|fn:\d+|ref-[\w-]+|map")   # "map": the locator map's figure, by its places
# The edition's own entries, each a result of its own at the anchor inside it: a Glossary row
# (its abbreviation's ``abbr-`` anchor) and an Index entry (its headword's ``name-`` anchor).
NAMED = re.compile(r"(abbr|name)-[\w-]+")
HOLDERS = {"tr", "li"}         # the elements such an anchor names
ARTICLE_PASSAGE = re.compile(r"(p|fn:)(\d+)")   # of those, the article's paragraphs and its notes where cited
# Not the text: permalinks, back-links, the running line naming the article, the download line.
SKIPPED_CLASSES = {"headerlink", "footnote-backref", "article-name", "downloads"}
SKIPPED_TAGS = {"sup", "script", "style", "pre", "button",   # code blocks (the Cite page's BibTeX, RIS), buttons: no text
                "text"}   # a drawing's labels: its <desc> says them ("in parts of Ayacucho, Cusco…")
TITLE_BLOCK = "title-block"    # marked data-search-exclude for Material; its words (not its links) are home's
SNIPPET_WORDS = 30             # a page's result shows the first words of its first passage
KEPT_TAGS = {"p", "li", "ol", "ul", "code", "pre"}       # block tags Material keeps in an entry's text
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SPACE = re.compile(r"\s+")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
EMPTY_ELEMENT = re.compile(r"<(\w+)>\s*</\1>")


@dataclass
class Entry:
    """One search entry as Material's search worker reads it."""

    location: str
    title: str
    text: str
    boost: float | None = None
    variants: str = ""
    introduces: str = ""           # the terms this passage introduces, "|" between them (ranked first for them)
    snippet: str = ""              # what a page's own result shows, when not its text

    def as_json(self) -> dict[str, str | float]:
        entry: dict[str, str | float] = {"location": self.location, "title": self.title, "text": self.text}
        for key in ("variants", "introduces", "snippet"):
            if getattr(self, key):
                entry[key] = getattr(self, key)
        if self.boost is not None:
            entry["boost"] = self.boost
        return entry


@dataclass
class Block:
    """A heading section (``anchor`` None for the page's own) or a passage being read."""

    anchor: str | None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    ended: bool = False            # a note's text ends at its first line break
    name: list[str] = field(default_factory=list)   # the words of the element its anchor is on


class ContentParser(HTMLParser):
    """A page's content as heading sections and passages, as readers see their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = [Block(None)]
        self.passages: list[Block] = []
        self.stack: list[tuple[str, bool, Block | None, bool, list[str]]] = []  # tag, skipped, passage, heading, classes
        self.passage: Block | None = None      # the innermost open passage
        self.headings = 0                      # open headings
        # A row or list item that may hold a NAMED anchor: its block, where its section's text
        # stood when it opened, and how deep the open element naming it is (0: none open).
        self.holder: tuple[Block, int, int] | None = None
        self.naming = 0

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID:
            if tag == "br" and self.passage is not None and self.passage.anchor.startswith(("fn:", "note-")):
                self.passage.ended = True
            return
        classes = (attrs.get("class") or "").split()
        skipped = (self.skipping or ("data-search-exclude" in attrs and TITLE_BLOCK not in classes)
                   or tag in SKIPPED_TAGS or not SKIPPED_CLASSES.isdisjoint(classes)
                   or (tag == "a" and self.stack and TITLE_BLOCK in self.stack[-1][4]))
        if "bare-url" in classes and not self.skipping:
            # A note's source address is read as its host: "justice.gov", not the whole URL.
            self.handle_data((urlsplit(attrs.get("href") or "").hostname or "").removeprefix("www."))
            skipped = True
        passage = None
        heading = not skipped and tag in HEADINGS and "id" in attrs
        if not skipped and tag in ("p", "li", "figure") and PASSAGE.fullmatch(attrs.get("id") or ""):
            passage = self.passage = Block(attrs["id"])
            self.passages.append(passage)
        elif heading:
            self.headings += 1
            if tag != "h1" or len(self.sections) > 1 or self.sections[0].title:
                self.sections.append(Block(attrs["id"]))
        elif not skipped and tag in KEPT_TAGS and self.passage is None:
            self.sections[-1].text.append(f"<{tag}>")
        if not skipped and self.passage is None:
            if self.holder and tag in ("td", "th"):
                self.holder[0].text.append(" ")
            if tag in HOLDERS and self.holder is None:
                self.holder = (Block(None), len(self.sections[-1].text) - (tag in KEPT_TAGS), len(self.stack))
            elif self.holder and self.holder[0].anchor is None and NAMED.fullmatch(attrs.get("id") or ""):
                self.holder[0].anchor = attrs["id"]
                self.naming = len(self.stack) + 1
        self.stack.append((tag, skipped, passage, heading, classes))

    def handle_endtag(self, tag):
        if not any(t == tag for t, *_ in self.stack):
            return
        while self.stack:
            closed, skipped, passage, heading, _ = self.stack.pop()
            self.headings -= heading
            if passage is not None:
                self.passage = next((p for _, _, p, *_ in reversed(self.stack) if p is not None), None)
            elif not skipped and closed in KEPT_TAGS and self.passage is None:
                self.sections[-1].text.append(f"</{closed}>")
            if len(self.stack) < self.naming:
                self.naming = 0
            if self.holder and len(self.stack) == self.holder[2]:
                held, start, _ = self.holder
                if held.anchor:                  # a result of its own: its words leave the section's
                    self.passages.append(held)
                    del self.sections[-1].text[start:]
                self.holder = None
            if closed == tag:
                break

    def handle_data(self, data):
        if self.skipping:
            return
        text = html.escape(SPACE.sub(" ", data), quote=False)
        if self.headings:
            self.sections[-1].title.append(text)
        elif (passage := self.passage) is not None:
            if self.stack[-1][0] == "title":     # a figure's drawing names it: "Locator map of Peru, …"
                passage.name.append(text)
            elif not passage.ended:
                passage.text.append(text)
        else:
            self.sections[-1].text.append(text)
            if self.holder:
                self.holder[0].text.append(text)
                if self.naming:
                    self.holder[0].name.append(text)


def clean(parts: list[str]) -> str:
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    while EMPTY_ELEMENT.search(text):
        text = EMPTY_ELEMENT.sub("", text).strip()
    return re.sub(r"\s*(</?(?:p|li|ol|ul)>)\s*", r"\1", text)


def passage_title(anchor: str) -> str:
    number = re.sub(r"\D", "", anchor)
    # "¶17" is one word (¶ is no separator): typing "¶17" finds the paragraph, typing "17" the
    # text that holds the number.
    return f"¶{number}" if anchor.startswith("p") else f"Note {number}"


def page_entries(url: str, content: str, title: str, boost: float | None = None,
                 names: dict[str, str] | None = None) -> list[Entry]:
    """The page itself, its heading sections with text outside passages, then its passages.

    On a page without the article's paragraphs (the edition's), a section or an entry of its own
    is titled by the page and its name ("Timeline: 1952", "Glossary: PNP", "References: Lee
    1991"); ``names`` names the passages whose own words do not (a reference by its short label).
    """
    parser = ContentParser()
    parser.feed(content)
    parser.close()
    own, *sections = parser.sections
    page_title = clean(own.title) or title
    edition = not any(ARTICLE_PASSAGE.fullmatch(p.anchor) for p in parser.passages)
    label = (lambda name: f"{page_title}: {name}") if edition else (lambda name: name)
    names = names or {}

    def passage_label(p: Block) -> str:
        if p.anchor in names or p.name:
            return label(names.get(p.anchor) or clean(p.name))
        return passage_title(p.anchor)

    entries = [Entry(url, page_title, clean(own.text), boost)]
    entries += [Entry(f"{url}#{s.anchor}", label(clean(s.title)), clean(s.text), boost)
                for s in sections if TAG.sub("", clean(s.text)).strip()]
    entries += [Entry(f"{url}#{p.anchor}", passage_label(p), f"<p>{clean(p.text)}</p>", boost)
                for p in parser.passages if TAG.sub("", clean(p.text)).strip()]
    paragraphs = [e for e in entries if re.search(r"#p\d+$", e.location)]
    if paragraphs:
        entries[0].snippet = f"<p>{snippet(paragraphs[0].text)}</p>"
    return entries


def snippet(text: str) -> str:
    """The first words of a passage's text."""
    kept = TAG.sub("", text).split()
    return " ".join(kept[:SNIPPET_WORDS]) + (" …" if len(kept) > SNIPPET_WORDS else "")


def once(entries: list[Entry]) -> list[Entry]:
    """Each note once, as the footnote where it is cited (the Notes page repeats it)."""
    footnotes = {e.location.rsplit(":", 1)[1] for e in entries if "#fn:" in e.location}
    return [e for e in entries if not ("#note-" in e.location and e.location.rsplit("-", 1)[1] in footnotes)]
