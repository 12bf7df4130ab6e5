"""The article's abbreviations and what they stand for: tooltips everywhere, and a Glossary page.

An expansion the article gives is taken from its text: the capitalised words just before
an abbreviation in brackets, "the Peruvian National Police (PNP)", and a native name given
with it, "Shining Path (SL for its name in Spanish “Sendero Luminoso”)". When the article
gives one abbreviation several expansions, the longest wins. The publisher's name in
mkdocs.yml is read the same way ("… del Perú (CEEEP)"). Abbreviations the article uses
without spelling them out take their expansion from ``scripts/data/abbreviations.yml``; one
found in neither place is an error, so that no abbreviation goes unexplained, and so is an
entry of that file the article does not need (it would be silently ignored).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Article, ArticleError, Passage, Where
from .text import MARKER, URL
from .yaml_lines import composed, line, mapping, sequence

DATA = Path(__file__).resolve().parent.parent / "data" / "abbreviations.yml"
SHORT = r"(?:[A-Z]{1,3}\.\s?){2,}|[A-Z]{2,}\b"
DEFINED = re.compile(rf"\((?P<short>{SHORT})\s*(?:for its name in (?P<language>[A-Z]\w+) [“\"](?P<native>[^”\"]+)[”\"])?\)")
USED = re.compile(rf"(?<![\w.])(?:{SHORT})")
NAME_WORD = re.compile(r"^(?:[A-ZÁÉÍÓÚÑ][\w’'-]*,?|and|of|de|del|la|los|las|y)$")  # "the" ends a name
CONNECTOR = re.compile(r"^(?:and|of|the|The|de|del|la|los|las|y)$")


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation as the article writes it, what it stands for, and who says so."""

    short: str
    expansion: str
    from_article: bool

    @property
    def definition(self) -> str:
        """A Markdown ``abbr`` definition; the trailing dot stays outside, where the
        extension can match the abbreviation before a space or a bracket."""
        return f"*[{self.short.rstrip('.')}]: {self.expansion}"


def long_form(before: str) -> str:
    """The run of capitalised words (and the small words within names) that ends ``before``:
    "… Valley and the Apurimac, Ene and Mantaro River Valley" → "Apurimac, … River Valley"."""
    words = before.split()
    start = len(words)
    while start > 0 and NAME_WORD.match(words[start - 1]):
        start -= 1
    name = words[start:]
    while name and CONNECTOR.match(name[0]):
        name = name[1:]
    return " ".join(name).rstrip(",")


def defined_in(text: str) -> dict[str, str]:
    """Expansions a text gives for its abbreviations, longest first."""
    found: dict[str, str] = {}
    for match in DEFINED.finditer(text):
        expansion = long_form(text[:match.start()])
        if not expansion:
            continue
        if match["native"]:
            expansion += f" ({match['language']}: {match['native']})"
        short = match["short"].strip()
        if len(expansion) > len(found.get(short, "")):
            found[short] = expansion
    return found


def used_in(text: str) -> list[str]:
    """The abbreviations a text uses, in order, URLs and note markers left out."""
    plain = MARKER.sub(" ", URL.sub(" ", text))
    return [m.group().strip() for m in USED.finditer(plain)]


def load_editorial(path: Path) -> tuple[dict[str, tuple[str, int]], dict[str, int]]:
    """The data file's expansions and the capitalised words it says are not abbreviations, each
    with its line."""
    top = mapping(path, composed(path, "the abbreviations"), ("expansions", "not_abbreviations"))
    expansions = {}
    for short, node in mapping(path, top.get("expansions")).items():
        if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
            raise ArticleError(path, line(node), f"“{short}” needs its expansion, a text")
        expansions[short] = (node.value, line(node))
    words: dict[str, int] = {}
    for node in sequence(path, top.get("not_abbreviations")):
        if not isinstance(node, yaml.ScalarNode):
            raise ArticleError(path, line(node), "not_abbreviations must list words")
        if node.value in words:
            raise ArticleError(path, line(node), f"“{node.value}” is listed twice")
        words[node.value] = line(node)
    return expansions, words


def abbreviations(article: Article, passages: list[Passage], data: Path = DATA) -> list[Abbreviation]:
    """Every abbreviation the article's title, publication note and ``passages`` use, with its
    expansion, in alphabetical order; an entry of the data file that none of them needs is an error."""
    editorial, ignored = load_editorial(data)
    texts: list[tuple[str, Where | None]] = [(article.title, None), (article.publication, None)]
    texts += [(passage.text, passage.where) for passage in passages]
    given: dict[str, str] = {}
    for text, _ in texts:
        for short, expansion in defined_in(text).items():
            if len(expansion) > len(given.get(short, "")):
                given[short] = expansion
    found: dict[str, Abbreviation] = {}
    seen: set[str] = set()
    for text, where in texts:
        for short in used_in(text):
            seen.add(short)
            if short in ignored or short in found:
                continue
            if short in given:
                found[short] = Abbreviation(short, given[short], True)
            elif short in editorial:
                found[short] = Abbreviation(short, editorial[short][0], False)
            else:
                message = (f"“{short}” is used but never spelled out: add its expansion to {data}")
                raise (where.error(message) if where else ArticleError(data, 1, message))
    for short, (_, number) in editorial.items():
        if short not in seen:
            raise ArticleError(data, number, f"the article never uses “{short}”: remove its expansion")
        if short in given:
            raise ArticleError(data, number, f"the article spells “{short}” out itself, as “{given[short]}”: "
                                             "remove this expansion")
    for word, number in ignored.items():
        if word not in seen:
            raise ArticleError(data, number, f"the article never writes “{word}”: remove it")
    return sorted(found.values(), key=lambda a: a.short.lower())
