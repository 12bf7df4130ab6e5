"""The Index page: people, organisations and places, each with every passage that names it.

Names come from the editors' data file; the mentions are found here, in the text, by every
form and alias of a name, ignoring accents and matching whole words only. A form or alias
that no longer occurs anywhere in the article is an error naming the data file's line.
Entries are sorted by their headword, people by surname ("Guzmán, Abimael"). Other forms
are printed beside the name in the edition's square brackets, aliases in quotes, so that
the site's search finds the entry by them; a form or alias that sorts away from its entry
gets a cross-reference there ("Vampiro, see Escalante, Catalino").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from ..index_data import KINDS, EditorData, Entry, Term
from ..markdown import REPEATS_THE_TEXT, editorial, escape, page
from ..model import Mistakes, Page, Passage
from ..numbering import slugify
from ..text import fold
from .locator_map import on_the_map

PATH = "index-of-names.md"


@dataclass(frozen=True)
class Mentions:
    """An index entry with the passages that name it, in reading order."""

    entry: Entry
    passages: tuple[Passage, ...]


@lru_cache(maxsize=None)  # once per term, not once per term and passage
def pattern(term: Term) -> re.Pattern[str]:
    """Whole-word, accent-insensitive, space-tolerant pattern for a term (run on folded text).

    It starts with the first word itself, and only then looks behind it for a word character:
    a pattern that starts with a literal is searched for several times faster."""
    first, *rest = [re.escape(word) for word in fold(term.text).split()]
    return re.compile(first + rf"(?<=(?<!\w){first})" + "".join(rf"\s+{word}" for word in rest) + r"(?!\w)")


@lru_cache(maxsize=None)
def first_word(term: Term) -> str:
    return fold(term.text).split()[0]


def occurs(term: Term, folded_text: str) -> bool:
    """Whether the term stands in a text already folded (each passage is folded once, not per name).

    A plain substring test first: it rules most passages out at once, where the whole-word
    pattern would scan a long text to its end."""
    return first_word(term) in folded_text and pattern(term).search(folded_text) is not None


def mentions(entry: Entry, texts: list[tuple[Passage, str]], data: EditorData) -> Mentions:
    """The passages naming ``entry`` (given with their folded text); a form or alias found
    nowhere is an ``ArticleError``."""
    found, mistakes = [], Mistakes()
    for term in (*entry.forms, *entry.aliases, *entry.within):
        word, whole = first_word(term), pattern(term)  # as occurs() tests, without a call per passage
        hits = [passage for passage, folded in texts if word in folded and whole.search(folded)]
        if not hits:
            mistakes.add(data.error(term, f"“{term.text}” ({entry.name.text}) no longer occurs in the article: "
                                          "correct or remove it"))
        found += hits
    mistakes.check()
    order = {passage.href: i for i, (passage, _) in enumerate(texts)}
    unique = {passage.href: passage for passage in found}
    return Mentions(entry, tuple(sorted(unique.values(), key=lambda p: order[p.href])))


def sort_key(text: str) -> str:
    return fold(text).strip("“”").casefold()


def other_forms(entry: Entry) -> list[str]:
    name = fold(entry.name.text)
    return [form.text for form in entry.forms if fold(form.text) != name]


def entry_id(entry: Entry) -> str:
    """The entry's anchor, which its cross-references link to: "name-guzman-abimael"."""
    return f"name-{slugify(entry.heading)}"


def headword(entry: Entry) -> str:
    """The headword in bold, the article's other forms of it in square brackets, and its aliases
    in quotes: "[also SL]" when the article also uses the name itself, "[as Mexican]" when not."""
    others = other_forms(entry)
    text = f"**{escape(entry.heading)}**{{: #{entry_id(entry)} }}"
    if others:
        also = any(fold(form.text) == fold(entry.name.text) for form in entry.forms)
        text += " " + editorial(f"{'also' if also else 'as'} {escape(', '.join(others))}")
    if entry.aliases:
        text += ", alias " + " or ".join(f"“{escape(alias.text)}”" for alias in entry.aliases)
    return text


def cross_references(entries: list[Entry]) -> list[tuple[str, str]]:
    """(the form, "the form, *see* headword", linked to the entry) for each name in direct order, other form and alias
    of ``entries`` (one kind) that another headword stands between it and its entry; search leaves it out, as the
    entry it points to is the result for the form."""
    keys = sorted(sort_key(entry.heading) for entry in entries)
    found = []
    for entry in entries:
        own = sort_key(entry.heading)
        direct = [entry.name.text] if entry.heading != entry.name.text else []
        for form in (*direct, *other_forms(entry), *(f"“{alias.text}”" for alias in entry.aliases)):
            low, high = sorted((sort_key(form), own))
            if any(low < key < high for key in keys):
                found.append((form, f"{escape(form)}, *see* [{escape(entry.heading)}](#{entry_id(entry)})"
                                    '\n{: data-search-exclude="" }'))   # search finds the entry, which holds the form
    return found


def link(passage: Passage) -> str:
    return f'[{passage.label}]({passage.href} "{passage.page_title}")'


def names_page(passages: list[Passage], data: EditorData, on_map: Collection[str] = ()) -> Page:
    """The Index page, grouped by kind and sorted by headword, with its cross-references."""
    texts = [(passage, fold(passage.text)) for passage in passages]
    mistakes = Mistakes()
    found = [mistakes.attempt(mentions, entry, texts, data) for entry in data.entries]
    mistakes.check()
    groups = []
    for kind, heading in KINDS.items():
        of_kind = [m for m in found if m.entry.kind == kind]
        items = [(m.entry.heading, f"{headword(m.entry)}: {', '.join(map(link, m.passages))}{on_the_map(m.entry.name.text, on_map)}")
                 for m in of_kind]
        items += cross_references([m.entry for m in of_kind])
        lines = "".join(f"- {line}\n" for _, line in sorted(items, key=lambda item: sort_key(item[0])))
        if lines:
            groups.append(f"## {heading}\n\n{lines}")
    total = sum(len(m.passages) for m in found)
    body = ("\n# Index\n\n"
            f"The people, organisations and places the article names: {len(found)} entries, {total} mentions. "
            "Each link leads to a paragraph (¶), a note or the page about this edition. People are listed by "
            "surname. Other forms of a name follow it in square brackets, the edition’s sign for its own words; "
            f"{escape(data.aliases_are)} follow their names in quotes. A form filed elsewhere in the alphabet "
            "points to its entry (“see”).\n\n"
            + "\n".join(groups))
    return page(PATH, "Index", body, title="Index",
                description=f"The {len(found)} people, organisations and places the article names, "
                            "with every paragraph that mentions them.", search=REPEATS_THE_TEXT)
