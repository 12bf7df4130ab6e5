"""Property and mutation tests of the parser's contract.

For any input, reading it either gives a valid article (every marker resolves to an
endnote, the notes are numbered 1…n, and no text of the body is lost) or raises
``ArticleError``; never another exception.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from article.merge import merge
from article.model import Article, ArticleError
from article.parse import parse_export, parse_text
from article.resolve import resolve_notes
from article.text import MARKER
from conftest import WITH_TITLE, WITH_URLS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FAST = settings(max_examples=100, deadline=None)


def read(*texts: str) -> Article | None:
    """The article the texts hold, resolved, or None when they are refused with an ``ArticleError``."""
    try:
        article = merge([parse_text(Path(f"export-{i}.txt"), text) for i, text in enumerate(texts)], "A title")
        resolve_notes(article)
    except ArticleError:
        return None
    return article


def assert_valid(article: Article) -> None:
    """Every marker names an endnote, every endnote is cited, and the notes are numbered 1…n."""
    numbers = [note.number for note in article.notes]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = {int(n) for p in article.paragraphs for n in MARKER.findall(p.text)}
    assert cited == set(numbers)
    assert all(p.text.strip() for p in article.paragraphs)


KEYWORDS_LINE = re.compile(r"^key\s?words\s*:", re.IGNORECASE)
NOTES_HEADING = re.compile(r"^(?:end\s?notes|notes|references)\s*:?$", re.IGNORECASE)
NUMBERED = re.compile(r"^(\d+)[.)]\s")


def notes_start(lines: list[str], after: int) -> int:
    """Where the notes begin: the last notes heading, else the last run of numbered lines, from its
    last "1." (a paragraph may begin "1. " too)."""
    headings = [i for i in range(after, len(lines)) if NOTES_HEADING.match(lines[i])]
    if headings:
        return headings[-1]
    numbered = [i for i in range(after, len(lines)) if NUMBERED.match(lines[i])]
    run = [i for i in numbered if all(j in numbered for j in range(i, numbered[-1] + 1))]
    return max((i for i in run if NUMBERED.match(lines[i])[1] == "1"), default=run[0])


def assert_body_whole(text: str, article: Article) -> None:
    """The lines between the keywords and the notes are the article's headings and paragraphs, in order
    (compared without whitespace, which is all the parser may change)."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    start = next(i for i, line in enumerate(lines) if KEYWORDS_LINE.match(line)) + 1
    end = notes_start(lines, start)
    read_back = [part for s in article.sections for part in ([s.heading] if s.headed else []) + [p.text for p in s.paragraphs]]
    assert "".join("".join(lines[start:end]).split()) == "".join("".join(read_back).split())


def words(text: str) -> list[str]:
    return text.split()


# Generated articles: words of any letters, with curly or straight quotes and digits; no brackets.
WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzáéñü0123456789“”\"’'()-"), min_size=1, max_size=8)
SENTENCE = st.lists(WORD, min_size=1, max_size=12).map(lambda ws: "Text " + " ".join(ws) + ".")
HEADING = st.lists(st.sampled_from(["Coca", "Peru", "Valleys", "The", "Shining", "Path", "Trade", "Rivers"]),
                   min_size=1, max_size=5).map(" ".join)


@st.composite
def articles(draw) -> dict:
    """A random article: summary, unheaded introduction, headed sections, conclusions, notes."""
    def block(min_size: int = 1) -> list[str]:
        return draw(st.lists(SENTENCE, min_size=min_size, max_size=3))
    sections = [(f"{draw(HEADING)} {part}", block()) for part in ("One", "Two", "Three")[:draw(st.integers(1, 3))]]
    body = [block(), *(p for _, p in sections), block()]
    all_paragraphs = [p for part in body for p in part]
    count = draw(st.integers(1, len(all_paragraphs)))
    # Markers 1…count first appear in order, one per chosen paragraph; some are cited again later.
    cited = sorted(draw(st.lists(st.integers(0, len(all_paragraphs) - 1), min_size=count, max_size=count, unique=True)))
    marked = {i: [n] for n, i in enumerate(cited, start=1)}
    for i in range(len(all_paragraphs)):
        if i > cited[0] and draw(st.booleans()):
            marked.setdefault(i, []).append(draw(st.integers(1, max(n for j, ns in marked.items() if j <= i for n in ns))))
    flat = [p + "".join(f"[{n}]" for n in marked.get(i, [])) for i, p in enumerate(all_paragraphs)]
    it = iter(flat)
    body = [[next(it) for _ in part] for part in body]
    notes = [draw(SENTENCE) if n == 1 or not draw(st.booleans()) else "Ibid." for n in range(1, count + 1)]
    return {"summary": draw(SENTENCE), "intro": body[0], "sections": list(zip((h for h, _ in sections), body[1:-1])),
            "conclusions": body[-1], "notes": notes}


def export_000(a: dict) -> str:
    parts = ["A Title Line", "", "This article is included in the publication X.", "", "", a["summary"], "",
             "Key words: one, two.", "", ""]
    parts += [x for p in a["intro"] for x in (p, "")]
    for heading, ps in a["sections"]:
        parts += [heading, ""] + [x for p in ps for x in (p, "")]
    parts += [""] + [x for p in a["conclusions"] for x in (p, "")] + [""]
    parts += [f"  {n}. {note}" for n, note in enumerate(a["notes"], start=1)]
    return "\n".join(parts + ["", "", "Share on facebook", "", "Leave a Reply", "", "The disclaimer."]) + "\n"


def export_001(a: dict) -> str:
    parts = ["This article is included in the publication X.", "Summary", a["summary"], "Key words: one, two.",
             "Introduction", *a["intro"]]
    for heading, ps in a["sections"]:
        parts += [heading, *ps]
    parts += ["Conclusions", *a["conclusions"], "Endnotes:"] + [f"- {note} ↑" for note in a["notes"]]
    return "\n".join(parts) + "\n"


def body_words(a: dict) -> list[str]:
    return words(" ".join([a["summary"], *a["intro"], *(p for _, ps in a["sections"] for p in ps), *a["conclusions"]]))


@FAST
@given(a=articles())
def test_generated_export_000_is_read_whole(a):
    article = read(export_000(a))
    assert article is not None
    assert_valid(article)
    assert words(" ".join(p.text for p in article.paragraphs)) == body_words(a)
    assert [s.heading for s in article.sections] == ["Introduction", *(h for h, _ in a["sections"]), "Conclusions"]


@FAST
@given(a=articles())
def test_generated_exports_000_and_001_together_are_read_whole(a):
    article = read(export_000(a), export_001(a))
    assert article is not None
    assert_valid(article)
    assert words(" ".join(p.text for p in article.paragraphs)) == body_words(a)


LINE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["This article is included in the publication X.", "Key words: a, b.", "Keywords:", "Summary",
                     "Introduction", "Conclusions", "Endnotes:", "Notes", "References", "  1. A note.", "2) Ibid.",
                     "- A source ↑", "- Ibid.", "Share on twitter", "Leave a Reply", "A Heading", "", "",
                     "Text with a marker.[1]", "Text[2] and [ 3 ].", "Cut [1", "cut 1]", "⁴", "[", "]", "\ufeff",
                     "\r", "\u00a0", "\u200b", "Ibid."]),
)


@settings(max_examples=400, deadline=None)
@given(lines=st.lists(LINE, max_size=30))
def test_any_text_is_read_as_a_valid_article_or_refused_with_an_article_error(lines):
    text = "\n".join(lines)
    article = read(text)
    if article is not None:
        assert_valid(article)
        assert_body_whole(text.replace("\ufeff", "").replace("\u200b", ""), article)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200), prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"Key words: a."]))
def test_any_file_is_read_or_refused_with_an_article_error(tmp_path, data, prefix):
    path = tmp_path / "export.txt"
    path.write_bytes(prefix + data)
    try:
        article = merge([parse_export(path)], "A title")
        resolve_notes(article)
    except ArticleError as error:
        assert error.path == str(path) and error.line >= 1
    else:
        assert_valid(article)


MUTATIONS = ("delete", "duplicate", "swap")
UNITS = ("line", "word", "character")


def mutated(text: str, rng: random.Random) -> str:
    """``text`` with one random line, word or character deleted, duplicated or swapped with the next."""
    unit, mutation = rng.choice(UNITS), rng.choice(MUTATIONS)
    separator = {"line": "\n", "word": " ", "character": ""}[unit]
    pieces = text.split(separator) if separator else list(text)
    i = rng.randrange(len(pieces) - 1)
    if mutation == "delete":
        del pieces[i]
    elif mutation == "duplicate":
        pieces.insert(i, pieces[i])
    else:
        pieces[i], pieces[i + 1] = pieces[i + 1], pieces[i]
    return separator.join(pieces)


CLEAN = {"000": WITH_TITLE.read_text(encoding="utf-8"), "001": WITH_URLS.read_text(encoding="utf-8")}


@pytest.mark.parametrize("which", ["000", "001", "both"])
def test_mutated_real_exports_are_read_as_valid_articles_or_refused(which):
    rng = random.Random(f"mutations of {which}")
    outcomes = {"read": 0, "refused": 0}
    for _ in range(800):
        texts = [CLEAN["000"], CLEAN["001"]] if which == "both" else [CLEAN[which]]
        k = rng.randrange(len(texts))
        for _ in range(rng.randint(1, 3)):
            texts[k] = mutated(texts[k], rng)
        article = read(*texts)
        if article is None:
            outcomes["refused"] += 1
        else:
            assert_valid(article)
            if which != "both":
                assert_body_whole(texts[0], article)
            outcomes["read"] += 1
    assert outcomes["read"] and outcomes["refused"], outcomes  # the mutations both spare and break the text
