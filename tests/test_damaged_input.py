"""Damaged but readable exports give exactly the pages the clean exports give.

Each damage is one way text copied from the web arrives broken. It is applied to export
000, to export 001 and to both given together; the planned pages (every generated file
and its text) must be byte-identical to those of the clean run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import re
import unicodedata
from pathlib import Path

import pytest
from article.merge import merge
from article.model import Article, Endnote, Paragraph, Section
from article.parse import parse_export
from article.pipeline import article_files, planned_files
from conftest import ROOT, WITH_TITLE, WITH_URLS, run_split

CONFIG = ROOT / "mkdocs.yml"
TITLE = "Shining Path and its Alliance with Drug Trafficking in the VRAEM"
CLEAN = {WITH_TITLE: WITH_TITLE.read_text(encoding="utf-8"), WITH_URLS: WITH_URLS.read_text(encoding="utf-8")}
STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def every_nth(text: str, old: str, new: str | list[str], n: int) -> str:
    """``text`` with every n-th ``old`` replaced by ``new`` (cycling through a list of replacements)."""
    news = itertools.cycle([new] if isinstance(new, str) else new)
    count = itertools.count(1)
    return re.sub(re.escape(old), lambda m: next(news) if next(count) % n == 0 else old, text)


def each_line(text: str, change) -> str:
    return "\n".join(change(line) for line in text.split("\n"))


def footer_reordered(text: str) -> str:
    """Export 000's footer with its blocks in reverse order (no effect on export 001)."""
    head, sep, footer = text.partition("Share on facebook")
    if not sep:
        return text
    blocks = [b for b in (sep + footer).split("\n\n") if b.strip()]
    return head + "\n\n".join(reversed(blocks)) + "\n"


def footer_chrome_missing(text: str) -> str:
    drop = ("Share on", "Leave a Reply", "Your email address", "Image:")
    return "\n".join(line for line in text.split("\n") if not line.startswith(drop))


def chrome_added(text: str) -> str:
    """Share buttons and a comment form after the notes, as another copy of the page would have."""
    return text.rstrip("\n") + "\n\nShare on facebook\nShare on twitter\n\nLeave a Comment\n\nPost Comment\n"


def notes_heading(title: str):
    """Export 001's "Endnotes:" renamed; export 000's numbered list given that heading."""
    def damage(text: str) -> str:
        if "\nEndnotes:\n" in text:
            return text.replace("\nEndnotes:\n", f"\n{title}\n")
        return text.replace("\n  1. ", f"\n{title}\n\n  1. ", 1)
    return damage


def superscript(text: str) -> str:
    digits = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    return re.sub(r"\[(\d+)\]", lambda m: m.group(1).translate(digits), text)


DAMAGES = {
    "Windows line endings": lambda t: t.replace("\n", "\r\n"),
    "old Mac line endings": lambda t: t.replace("\n", "\r"),
    "mixed line endings": lambda t: every_nth(t, "\n", "\r\n", 2),
    "doubled line breaks": lambda t: t.replace("\n", "\r\r\n"),
    "blank lines doubled": lambda t: t.replace("\n\n", "\n\n\n\n"),
    "a UTF-8 byte-order mark": lambda t: "\ufeff" + t,
    "non-breaking spaces": lambda t: every_nth(t, " ", "\u00a0", 3),
    "other Unicode spaces": lambda t: every_nth(t, " ", ["\u2002", "\u2009", "\u202f", "\u3000", "\u205f"], 4),
    "double spaces": lambda t: every_nth(t, " ", "  ", 2),
    "tabs between words": lambda t: every_nth(t, " ", "\t", 5),
    "trailing spaces": lambda t: each_line(t, lambda line: line + "  "),
    "trailing tabs": lambda t: each_line(t, lambda line: line + "\t"),
    "indented lines": lambda t: each_line(t, lambda line: "\t" + line if line else line),
    "blank lines holding spaces": lambda t: each_line(t, lambda line: line or " \t\u00a0"),
    "zero-width spaces": lambda t: every_nth(t, "e", "e\u200b", 7),
    "soft hyphens": lambda t: every_nth(t, "ti", "t\u00adi", 3),
    "decomposed accents": lambda t: unicodedata.normalize("NFD", t),
    "no final newline": lambda t: t.rstrip("\n"),
    "blank lines at the start and end": lambda t: "\n\n" + t + "\n\n\n",
    "spaces inside note markers": lambda t: re.sub(r"\[(\d+)\]", r"[ \1 ]", t),
    "a space on one side of note markers": lambda t: re.sub(r"\[(\d+)\]", r"[\1 ]", t),
    "superscript note markers": superscript,
    "no back-arrows": lambda t: t.replace(" ↑", ""),
    "back-arrows without a space": lambda t: t.replace(" ↑", "↑"),
    "hooked back-arrows": lambda t: t.replace(" ↑", " ↩"),
    'a "Notes" heading': notes_heading("Notes"),
    'a "Notes:" heading': notes_heading("Notes:"),
    'an "Endnotes" heading without colon': notes_heading("Endnotes"),
    'an "End notes:" heading': notes_heading("End notes:"),
    'a "References" heading': notes_heading("References"),
    'an "ENDNOTES:" heading': notes_heading("ENDNOTES:"),
    '"Keywords" as one word': lambda t: t.replace("Key words:", "Keywords:"),
    '"KEY WORDS" in capitals': lambda t: t.replace("Key words:", "KEY WORDS:"),
    "a space before the keywords' colon": lambda t: t.replace("Key words:", "Key words :"),
    "keywords separated by semicolons": lambda t: t.replace("Shining Path, Drug Trafficking,", "Shining Path; Drug Trafficking;"),
    "numbered notes with a parenthesis": lambda t: re.sub(r"(?m)^  (\d+)\. ", r"  \1) ", t),
    "the footer chrome in another order": footer_reordered,
    "the footer chrome missing": footer_chrome_missing,
    "extra page chrome after the notes": chrome_added,
}
COMBINED = ['a "Notes" heading', "the footer chrome in another order", "no back-arrows", "spaces inside note markers",
            "zero-width spaces", "non-breaking spaces", "trailing spaces", "a UTF-8 byte-order mark",
            "Windows line endings"]  # in this order: the first ones look for "\n"
WHICH = {"export 000": [WITH_TITLE], "export 001": [WITH_URLS], "both exports": [WITH_TITLE, WITH_URLS]}


def planned(sources: list[Path]) -> dict[str, str]:
    return planned_files(sources, CONFIG, TITLE)


def damaged_copies(tmp_path: Path, sources: list[Path], damage) -> list[Path]:
    """Copies of ``sources`` in ``tmp_path`` (same names), each with ``damage`` applied."""
    copies = []
    for source in sources:
        copy = tmp_path / source.name
        copy.write_bytes(damage(CLEAN[source]).encode("utf-8"))
        copies.append(copy)
    return copies


@pytest.fixture(scope="module")
def clean_pages() -> dict[str, dict[str, str]]:
    return {which: planned(sources) for which, sources in WHICH.items()}


@pytest.mark.parametrize("which", WHICH)
@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_export_gives_the_same_pages(tmp_path, clean_pages, damage, which):
    copies = damaged_copies(tmp_path, WHICH[which], DAMAGES[damage])
    assert planned(copies) == clean_pages[which]


@pytest.mark.parametrize("which", WHICH)
def test_every_damage_at_once_gives_the_same_pages(tmp_path, clean_pages, which):
    def all_damages(text: str) -> str:
        for name in COMBINED:
            text = DAMAGES[name](text)
        return text
    assert planned(damaged_copies(tmp_path, WHICH[which], all_damages)) == clean_pages[which]


def test_exports_damaged_in_different_ways_give_the_same_pages_together(tmp_path, clean_pages):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with_title = damaged_copies(tmp_path / "a", [WITH_TITLE], DAMAGES["Windows line endings"])
    with_urls = damaged_copies(tmp_path / "b", [WITH_URLS], DAMAGES["superscript note markers"])
    assert planned(with_title + with_urls) == clean_pages["both exports"]


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("damage", ["Windows line endings", "a UTF-8 byte-order mark", "superscript note markers",
                                    'a "References" heading'])
def test_split_script_writes_the_same_pages_from_damaged_exports(tmp_path, damage):
    clean_out, damaged_out = tmp_path / "clean", tmp_path / "damaged"
    (tmp_path / "src").mkdir()
    copies = damaged_copies(tmp_path / "src", [WITH_TITLE, WITH_URLS], DAMAGES[damage])
    assert run_split(WITH_TITLE, WITH_URLS, "--out", clean_out).returncode == 0
    result = run_split(*copies, "--out", damaged_out)
    assert result.returncode == 0, result.stderr
    assert tree(damaged_out) == tree(clean_out)


def straightened(article: Article) -> Article:
    """The article with curly quotes made straight in everything the author wrote."""
    def para(p: Paragraph) -> Paragraph:
        return dataclasses.replace(p, text=p.text.translate(STRAIGHT))

    def note(n: Endnote) -> Endnote:
        return dataclasses.replace(n, text=n.text.translate(STRAIGHT))

    def section(s: Section) -> Section:
        return dataclasses.replace(s, heading=s.heading.translate(STRAIGHT), paragraphs=tuple(map(para, s.paragraphs)))

    return dataclasses.replace(
        article, title=article.title.translate(STRAIGHT), publication=article.publication.translate(STRAIGHT),
        summary=tuple(map(para, article.summary)), keywords=tuple(k.translate(STRAIGHT) for k in article.keywords),
        sections=tuple(map(section, article.sections)), notes=tuple(map(note, article.notes)),
        disclaimer=article.disclaimer and article.disclaimer.translate(STRAIGHT))


def pages_of(article: Article) -> dict[str, str]:
    return article_files(article, CONFIG)


@pytest.mark.parametrize("which", WHICH)
def test_straight_quotes_are_kept_as_the_text_has_them(tmp_path, which):
    clean = merge([parse_export(path) for path in WHICH[which]], TITLE)
    copies = damaged_copies(tmp_path, WHICH[which], lambda t: t.translate(STRAIGHT))
    pages = planned(copies)
    assert pages == pages_of(straightened(clean))
    assert pages != pages_of(clean)
    assert '"liberated zones."' in pages["introduction.md"]
