"""Parse one raw export of the article's web page into an ``Export``.

Both known exports hold the same page, one paragraph per line, in this order:

1. the title (export 000 only: every line before the publication note);
2. the publication note, "This article is included in the publication …";
3. the summary: the text before "Key words:" (headed "Summary" in export 001);
4. the keywords line, "Key words: a, b, c.";
5. the body. A heading is a short line with no closing punctuation. Export 000 drops the
   "Introduction" and "Conclusions" headings, so an unheaded part right after the keywords
   is the Introduction, and an unheaded part after the last headed section, set off by more
   blank lines than usually stand between paragraphs (at least two), is the Conclusions;
6. the endnotes: a numbered list ("  1. …", export 000) or "- … ↑" bullets under an
   "Endnotes:" heading (export 001, with the sources' URLs);
7. page chrome (share buttons, "Leave a Reply", the image credit), which is dropped, and the
   publisher's disclaimer, which is kept.

Text copied from the web arrives damaged in familiar ways; ``clean_lines`` undoes them
before any rule above is applied: a byte-order mark; Windows, old Mac or mixed line ends;
non-breaking, tab and other Unicode spaces, runs of spaces, trailing spaces and blank
lines holding spaces; zero-width spaces and soft hyphens; decomposed accents (made NFC);
note markers with spaces inside (``[ 6 ]``) or in superscript digits (``⁶``). The endnote
heading may read "Endnotes", "End notes", "Notes" or "References", with or without a colon;
the back-arrows (``↑``, ``↩``) may be missing; keywords may be split by commas or semicolons.
The author's words are kept as they are: nothing but whitespace, invisible marks and note
markers is normalised (straight quotes stay straight).

What cannot be read is refused with its file and line (``ArticleError``): a missing, empty
or non-UTF-8 file (the message says whether it looks like UTF-16, Windows-1252 or Latin-1);
no publication note, keywords line, summary, text or endnotes; a heading with nothing under
it; two unheaded parts after the headed sections; a note marker cut in two (``[1`` or
``1]``, also when a line break splits it). ``resolve.py`` checks markers against endnotes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .model import ArticleError, Endnote, Export, Paragraph, Section, Where, file_text
from .text import MARKER, URL

PUBLICATION = re.compile(r"^This article is included in the publication\b")
KEYWORDS = re.compile(r"^Key\s?words\s*:\s*(?P<words>.*)$", re.IGNORECASE)
NAMED_HEADINGS = {"summary": "Summary", "introduction": "Introduction", "conclusions": "Conclusions",
                  "conclusion": "Conclusions"}
NOTES_HEADING = re.compile(r"^(?:End\s?notes|Notes|References)\s*:?$", re.IGNORECASE)
NUMBERED_NOTE = re.compile(r"^(?P<number>\d+)[.)]\s+(?P<text>\S.*)$")
BULLET_NOTE = re.compile(r"^[-*•]\s+(?P<text>\S.*)$")
CHROME = re.compile(
    r"^(?:Share on \w+|Leave a Reply|Leave a Comment|Your email address will not be published.*"
    r"|Required fields are marked.*|Image:.*|Post navigation|Previous|Next|Comment\b.*|Name\b.*"
    r"|Email\b.*|Website\b.*|Save my name.*|Post Comment|Related posts?|Tags?:.*)$",
    re.IGNORECASE,
)
BACK_ARROW = re.compile(r"\s*[↑⬆↩︎]+\s*$")
INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
SPACED_MARKER = re.compile(r"\[\s*(\d+)\s*\]")
SUPERSCRIPT_DIGITS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
CUT_OPEN = re.compile(r"\[\s*(?:\d+(?![\d\s]*\])|$)")  # "[1" never closed, or "[" ending the line
CUT_CLOSE = re.compile(r"\d+\s*\]")  # "1]" (a marker cut after "[" is caught by its line's end)
CLOSING_PUNCTUATION = tuple(".,;:!?\"”’)]…")
MAX_HEADING_WORDS = 14


@dataclass(frozen=True)
class Line:
    """A non-blank line of an export, with the number of blank lines before it."""

    text: str
    where: Where
    gap: int


def read_text(path: Path) -> str:
    """The file's text; a missing, unreadable, empty or undecodable file is an ``ArticleError``."""
    return file_text(path, "a raw export of the article")


def clean_line(text: str) -> str:
    """One line with web-copy damage undone: spaces, invisible marks and note markers."""
    text = " ".join(INVISIBLE.sub("", unicodedata.normalize("NFC", text)).split())  # every Unicode space
    text = SPACED_MARKER.sub(r"[\1]", text)
    return SUPERSCRIPT_DIGITS.sub(lambda m: superscript_marker(text, m), text)


def superscript_marker(text: str, match: re.Match[str]) -> str:
    """``[6]`` for superscript digits right after a word (``word⁶``); others are left as they are."""
    after_word = match.start() > 0 and not text[match.start() - 1].isspace() and not text[match.start() - 1].isdigit()
    return f"[{match.group().translate(SUPERSCRIPT)}]" if after_word else match.group()


def clean_lines(path: Path, text: str) -> list[Line]:
    """The non-blank lines of the text, cleaned, each with its place and preceding gap."""
    lines, gap = [], 0
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        cleaned = clean_line(raw)
        if not cleaned:
            gap += 1
            continue
        lines.append(Line(cleaned, Where(str(path), number), gap))
        gap = 0
    return lines


def is_heading(text: str) -> bool:
    """A short line, capitalised, with no closing punctuation and no note marker."""
    return (text[0].isupper() and not text.endswith(CLOSING_PUNCTUATION) and not MARKER.search(text)
            and len(text.split()) <= MAX_HEADING_WORDS)


def parse_export(path: Path) -> Export:
    """Parse one export file; raises ``ArticleError`` naming the line of anything it cannot read."""
    return parse_text(path, read_text(path))


def parse_text(path: Path, text: str) -> Export:
    """Parse the text of one export; ``path`` names it in errors."""
    lines = clean_lines(path, text)
    start = next((i for i, line in enumerate(lines) if PUBLICATION.match(line.text)), None)
    if start is None:
        raise ArticleError(path, 1, 'no publication note: expected a line starting '
                                    '"This article is included in the publication"')
    title = " ".join(line.text for line in lines[:start] if not CHROME.match(line.text)) or None
    keywords_at = next((i for i, line in enumerate(lines) if KEYWORDS.match(line.text)), None)
    if keywords_at is None:
        raise ArticleError(path, lines[start].where.line, 'no keywords: expected a line starting "Key words:"')
    notes_at = find_notes_start(path, lines, keywords_at)
    notes, after = parse_notes(lines, notes_at)
    summary = [line for line in lines[start + 1:keywords_at] if line.text.lower() != "summary"]
    if not summary:
        raise ArticleError(path, lines[keywords_at].where.line, "no summary before the keywords")
    body = lines[keywords_at + 1:notes_at]
    sections = parse_sections(path, body, lines[keywords_at].where)
    check_markers(summary + body)
    return Export(
        path=str(path),
        title=title,
        publication=lines[start].text,
        summary=tuple(Paragraph(line.text, line.where) for line in summary),
        keywords=tuple(word.strip() for word in
                       re.split(r"[,;]", KEYWORDS.match(lines[keywords_at].text)["words"].rstrip(".")) if word.strip()),
        sections=sections,
        notes=notes,
        notes_where=lines[notes_at].where,
        disclaimer=" ".join(line.text for line in after if not CHROME.match(line.text)) or None,
        has_headings=any(line.text.lower() in NAMED_HEADINGS for line in lines),
    )


def find_notes_start(path: Path, lines: list[Line], after: int) -> int:
    """Index of the (last) endnotes heading; without one, of the numbered list of endnotes.

    That list is the last run of numbered lines, from its last "1." if it has one: a paragraph
    of the text may itself begin "1. " without starting the notes.
    """
    rest = range(after + 1, len(lines))
    headings = [i for i in rest if NOTES_HEADING.match(lines[i].text)]
    if headings:
        return headings[-1]
    numbered = [i for i in rest if NUMBERED_NOTE.match(lines[i].text) and not MARKER.search(lines[i].text[:4])]
    if not numbered:
        raise ArticleError(path, lines[-1].where.line, 'no endnotes: expected an "Endnotes:" heading '
                                                       'or a numbered list of notes after the text')
    start = numbered[-1]
    while start - 1 in numbered:
        start -= 1
    ones = [i for i in range(start, numbered[-1] + 1) if NUMBERED_NOTE.match(lines[i].text)["number"] == "1"]
    return ones[-1] if ones else start


def parse_notes(lines: list[Line], start: int) -> tuple[tuple[Endnote, ...], list[Line]]:
    """The endnotes from ``start`` on, and the lines after them (footer and chrome)."""
    notes: list[Endnote] = []
    i = start + 1 if NOTES_HEADING.match(lines[start].text) else start
    while i < len(lines):
        line = lines[i]
        numbered, bullet = NUMBERED_NOTE.match(line.text), BULLET_NOTE.match(line.text)
        if not (numbered or bullet) or CHROME.match(line.text):
            break
        number = int(numbered["number"]) if numbered else len(notes) + 1
        notes.append(endnote(number, (numbered or bullet)["text"], line.where))
        i += 1
    if not notes:
        raise lines[start].where.error("the endnotes section has no notes")
    return tuple(notes), lines[i:]


def endnote(number: int, text: str, where: Where) -> Endnote:
    """An endnote with its back-arrow dropped and the leftovers of stripped links removed."""
    text = BACK_ARROW.sub("", text)
    urls = tuple(URL.findall(text))
    if not urls:  # A copy without links leaves a comma (and a link's tail) where each URL stood.
        text = re.sub(r",\S*(?=;|$)", "", text)
    return Endnote(number, text.strip(), where, urls)


def parse_sections(path: Path, body: list[Line], keywords: Where) -> tuple[Section, ...]:
    """Group the body lines into sections, recovering the unheaded Introduction and Conclusions."""
    sections: list[Section] = []
    heading: Line | None = None
    paragraphs: list[Paragraph] = []
    headed_seen = False
    extra_gap = max(usual_gap(body), 1)

    def close() -> None:
        if heading is None and not paragraphs:
            return
        if heading is not None and not paragraphs:
            raise heading.where.error(f'the heading "{heading.text}" has no text under it')
        if heading is not None:
            sections.append(Section(NAMED_HEADINGS.get(heading.text.lower(), heading.text),
                                    tuple(paragraphs), heading.where))
        else:
            name = "Conclusions" if headed_seen else "Introduction"
            sections.append(Section(name, tuple(paragraphs), paragraphs[0].where, headed=False))

    for line in body:
        if is_heading(line.text):
            close()
            heading, paragraphs, headed_seen = line, [], True
        elif line.gap > extra_gap and paragraphs and heading is not None:
            close()  # An extra blank line after a headed section opens the unheaded Conclusions.
            heading, paragraphs = None, [Paragraph(line.text, line.where)]
        else:
            paragraphs.append(Paragraph(line.text, line.where))
    close()
    if not sections:
        raise keywords.error("no article text after the keywords")
    names = [s.heading for s in sections if not s.headed]
    if names.count("Conclusions") > 1:
        raise sections[-1].where.error("cannot tell where the Conclusions start: "
                                       "more than one unheaded part follows the headed sections")
    first: dict[str, Section] = {}
    for section in sections:
        other = first.setdefault(section.heading.casefold(), section)
        if other is not section:
            raise section.where.error(f'the heading "{section.heading}" comes twice (first on line '
                                      f"{other.where.line}): each section needs its own heading")
    return tuple(sections)


def usual_gap(body: list[Line]) -> int:
    """The usual number of blank lines between paragraphs: the most common (the smaller if tied)."""
    gaps = Counter(line.gap for line in body[1:])
    return min(gaps, key=lambda gap: (-gaps[gap], gap), default=0)


def check_markers(lines: list[Line]) -> None:
    """A marker cut in the middle (``[1`` or ``1]``, or split over two lines) is an error, not text."""
    for line in lines:
        stripped = MARKER.sub("", line.text)
        at = cut_marker_at(stripped)
        if at is not None:
            raise line.where.error(f'a note marker is cut in two near "{context(stripped, at)}": '
                                   "write it whole, as [n] (for example [1])")


def cut_marker_at(text: str) -> int | None:
    """Where half a note marker stands in ``text`` (whole markers removed), or None."""
    if "[" not in text and "]" not in text:
        return None
    match = CUT_OPEN.search(text)
    if match:
        return match.start()
    for match in CUT_CLOSE.finditer(text):  # a "]" that no "[" opened
        if text.rfind("[", 0, match.start()) <= text.rfind("]", 0, match.start()):
            return match.start()
    return None


def context(text: str, at: int, width: int = 30) -> str:
    """A few words around ``at``, for an error message."""
    return text[max(0, at - width):at + width].strip()
