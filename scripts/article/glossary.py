"""The Glossary page: every abbreviation of the article, what it stands for, and where it is first used."""

from __future__ import annotations

from .abbreviations import Abbreviation, used_in
from .model import Article
from .render import Page, escape, front_matter, slugify


def first_uses(article: Article) -> dict[str, str]:
    """For each abbreviation, a link to the paragraph or note where the article first uses it."""
    places = [(f"index.md#p{n}", f"¶{n}", p.text) for n, p in enumerate(article.summary, start=1)]
    for section in article.sections:
        for paragraph in section.paragraphs:
            n = len(places) + 1
            places.append((f"{slugify(section.heading)}.md#p{n}", f"¶{n}", paragraph.text))
    places += [(f"notes.md#note-{note.number}", f"note {note.number}", note.text) for note in article.notes]
    places.append(("about.md#disclaimer", "the disclaimer", article.disclaimer or ""))
    firsts: dict[str, str] = {}
    for target, label, text in places:
        for short in used_in(text):
            firsts.setdefault(short, f"[{label}]({target})")
    return firsts


def glossary_page(article: Article, abbreviations: list[Abbreviation]) -> Page:
    firsts = first_uses(article)
    mark = {True: "", False: " \\*"}  # the edition's expansions are marked with an asterisk
    rows = "".join(f"| {escape(a.short)} | {escape(a.expansion)}{mark[a.from_article]} "
                   f"| {firsts.get(a.short, '')} |\n" for a in abbreviations)
    text = (front_matter(title="Glossary",
                         description="The abbreviations the article uses and what they stand for.")
            .replace("---\n\n", "search:\n  exclude: true  # search finds the paragraphs that use them\n---\n\n", 1)
            + "\n# Glossary\n\n"
            + "The abbreviations of the article, what they stand for, and where the article first uses "
            + "them. Hover over an abbreviation anywhere in the text to see what it stands for.\n\n"
            + "| Abbreviation | Stands for | First used |\n| --- | --- | --- |\n" + rows
            + "\n\\* Spelled out by this edition: the article uses the abbreviation without expanding it.\n")
    return Page("glossary.md", "Glossary", text)
