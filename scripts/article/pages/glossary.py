"""The Glossary page: every abbreviation of the article, what it stands for, and where it is first used."""

from __future__ import annotations

from ..abbreviations import Abbreviation, used_in
from ..markdown import editorial, escape, page
from ..model import Page, Passage
from ..numbering import slugify

PATH = "glossary.md"


def first_uses(passages: list[Passage]) -> dict[str, str]:
    """For each abbreviation, a link to the passage where the article first uses it."""
    firsts: dict[str, str] = {}
    for passage in passages:
        for short in used_in(passage.text):
            firsts.setdefault(short, f"[{passage.mention}]({passage.href})")
    return firsts


def glossary_page(abbreviations: list[Abbreviation], passages: list[Passage]) -> Page:
    """The Glossary of ``abbreviations``, each linked to its first use among ``passages``."""
    firsts = first_uses(passages)
    mark = {True: "", False: " \\*"}  # the edition's expansions are marked with an asterisk
    other = {a.short: f" {editorial(escape(a.other_language))}" if a.other_language else "" for a in abbreviations}
    # Each row is anchored at its abbreviation ("#abbr-pnp"), where search finds it.
    rows = "".join(f"| <span id=\"abbr-{slugify(a.short)}\">{escape(a.short)}</span> | {escape(a.expansion)}{mark[a.from_article]}{other[a.short]} "
                   f"| {firsts.get(a.short, '')} |\n" for a in abbreviations if not a.slip)
    body = ("\n# Glossary\n\n"
            "The abbreviations of the article, what they stand for, and where the article first uses "
            "them. Where a page first uses an abbreviation, hover over it, tap it or reach it with Tab to see what "
            "it stands for. A name in its other language, Spanish or English, is added by the edition, in "
            "square brackets.\n\n"
            "| Abbreviation | Stands for | First used |\n| --- | --- | --- |\n" + rows
            + "\n\\* Spelled out by this edition: the article uses the abbreviation without expanding it.\n")
    return page(PATH, "Glossary", body, title="Glossary",
                description="The abbreviations the article uses and what they stand for.")
