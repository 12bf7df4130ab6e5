"""The article's abbreviations and what they stand for: tooltips everywhere, and a Glossary page.

An expansion the article gives is taken from its text: the capitalised words just before
an abbreviation in brackets, "the Peruvian National Police (PNP)", and a native name given
with it, "Shining Path (SL for its name in Spanish “Sendero Luminoso”)". When the article
gives one abbreviation several expansions, the longest wins. The publisher's name in
mkdocs.yml is read the same way ("… del Perú (CEEEP)"). Abbreviations the article uses
without spelling them out take their expansion from ``scripts/data/abbreviations.yml``, where
an editor may also correct an expansion read from the text; one found in neither place is an
error, so that no abbreviation goes unexplained, and so is an entry of that file the article
does not need (it would be silently ignored). Every such mistake of a run is reported at once. The data file
also gives the other language's name of a body the article names in one ("Policía Nacional
del Perú" for the PNP), added in the edition's square brackets, and the article's slips that
look like abbreviations (¶17's "AA."), which are explained where they stand and have no
Glossary entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Article, ArticleError, Mistakes, Passage, Where
from .text import MARKER, URL
from .yaml_lines import composed, line, mapping, sequence, term

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
    other_language: str = ""  # "Spanish: Policía Nacional del Perú", in the edition's square brackets
    slip: bool = False  # a slip of the article's, explained where it stands, not in the Glossary

    @property
    def title(self) -> str:
        """What a reader is shown it stands for: the edition's words in square brackets."""
        return f"{self.expansion} [{self.other_language}]" if self.other_language else self.expansion

    @property
    def definition(self) -> str:
        """A Markdown ``abbr`` definition; the trailing dot stays outside, where the
        extension can match the abbreviation before a space or a bracket."""
        return f"*[{self.short.rstrip('.')}]: {self.title}"


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


def defined_in(text: str) -> dict[str, tuple[str, str]]:
    """Expansions a text gives for its abbreviations, the longest of each, with the native name
    given with it ("Spanish: Sendero Luminoso", shown as the edition's words) or nothing."""
    found: dict[str, tuple[str, str]] = {}
    for match in DEFINED.finditer(text):
        expansion = long_form(text[:match.start()])
        if not expansion:
            continue
        native = f"{match['language']}: {match['native']}" if match["native"] else ""
        short = match["short"].strip()
        if len(expansion + native) > len("".join(found.get(short, ()))):
            found[short] = (expansion, native)
    return found


def used_in(text: str) -> list[str]:
    """The abbreviations a text uses, in order, URLs and note markers left out."""
    plain = MARKER.sub(" ", URL.sub(" ", text))
    return [m.group().strip() for m in USED.finditer(plain)]


@dataclass(frozen=True)
class Editorial:
    """The data file's entries, each with the line it is written on."""

    expansions: dict[str, tuple[str, int]]      # abbreviation → what it stands for
    slips: dict[str, tuple[str, int]]           # abbreviation → the note shown where it stands
    other_language: dict[str, tuple[str, int]]  # abbreviation → "Spanish: Policía Nacional del Perú"
    not_abbreviations: dict[str, int]           # capitalised words that are no abbreviation


def texts_by_abbreviation(path: Path, node: yaml.Node | None, what: str) -> dict[str, tuple[str, int]]:
    """A mapping of abbreviations to texts, each with its line; every mistake at once."""
    found, mistakes = {}, Mistakes()
    for short, value in mapping(path, node).items():
        text = mistakes.attempt(term, path, value, value, f"the {what} of “{short}”")
        if text:
            found[short] = (text.text, text.line)
    mistakes.check()
    return found


def load_editorial(path: Path) -> Editorial:
    """The data file's expansions, slips, other-language names and the capitalised words it says
    are not abbreviations, each with its line; every mistake at once."""
    top = mapping(path, composed(path, "the abbreviations"),
                  ("expansions", "other_language", "slips", "not_abbreviations"))
    mistakes = Mistakes()
    names = {}
    for short, node in (mistakes.attempt(mapping, path, top.get("other_language")) or {}).items():
        name = mistakes.attempt(other_language_name, path, short, node)
        if name:
            names[short] = (name, line(node))
    words: dict[str, int] = {}
    for node in mistakes.attempt(sequence, path, top.get("not_abbreviations")) or []:
        word = mistakes.attempt(term, path, node, node, "a word of not_abbreviations")
        if word and word.text in words:
            mistakes.add(ArticleError(path, line(node), f"“{word.text}” is listed twice: remove one"))
        elif word:
            words[word.text] = line(node)
    expansions = mistakes.attempt(texts_by_abbreviation, path, top.get("expansions"), "expansion")
    slips = mistakes.attempt(texts_by_abbreviation, path, top.get("slips"), "note")
    mistakes.check()
    return Editorial(expansions, slips, names, words)


def other_language_name(path: Path, short: str, node: yaml.Node) -> str:
    """"Spanish: Policía Nacional del Perú": one language's name and its source, or an error."""
    fields = mapping(path, node)
    named = {key: value for key, value in fields.items() if key != "source"}
    if len(named) != 1 or "source" not in fields:
        raise ArticleError(path, line(node), f"other_language: “{short}” needs one language's name and its source")
    term(path, fields["source"], node, f"the source of “{short}”")
    ((language, name),) = named.items()
    return f"{language}: {term(path, name, node, f'the {language} name of “{short}”').text}"


def abbreviations(article: Article, passages: list[Passage], data: Path = DATA) -> list[Abbreviation]:
    """Every abbreviation the article's title, publication note and ``passages`` use, with its
    expansion (the data file's where it corrects the article's), in alphabetical order; an entry
    of the data file that none of them needs is an error, and every mistake is reported at once."""
    editorial = load_editorial(data)
    texts: list[tuple[str, Where | None]] = [(article.title, None), (article.publication, None)]
    texts += [(passage.text, passage.where) for passage in passages]
    given: dict[str, tuple[str, str]] = {}
    for text, _ in texts:
        for short, (expansion, native) in defined_in(text).items():
            if len(expansion + native) > len("".join(given.get(short, ()))):
                given[short] = (expansion, native)
    found: dict[str, Abbreviation] = {}
    seen: set[str] = set()
    mistakes = Mistakes()
    for text, where in texts:
        for short in used_in(text):
            if short in seen:
                continue
            seen.add(short)
            if short in editorial.not_abbreviations:
                continue
            other = editorial.other_language.get(short, ("", 0))[0]
            if short in editorial.slips:
                found[short] = Abbreviation(short, editorial.slips[short][0], False, slip=True)
            elif short in editorial.expansions:  # the editor's, or the editor's correction of the article's
                found[short] = Abbreviation(short, editorial.expansions[short][0], False, given.get(short, ("", ""))[1] or other)
            elif short in given:
                expansion, native = given[short]
                found[short] = Abbreviation(short, expansion, True, native or other)
            else:
                message = f"“{short}” is used but never spelled out: add its expansion to {data}"
                mistakes.add(where.error(message) if where else ArticleError(data, 1, message))
    for entries, what in ((editorial.expansions, "expansion"), (editorial.slips, "note"),
                          (editorial.other_language, "other-language name")):
        for short, (_, number) in entries.items():
            if short not in seen:
                mistakes.add(ArticleError(data, number, f"the article never uses “{short}”: remove its {what}"))
    for short, (expansion, number) in editorial.expansions.items():
        if given.get(short, ("",))[0] == expansion:
            mistakes.add(ArticleError(data, number, f"the article spells “{short}” out itself, as “{expansion}”: "
                                                    "remove this expansion, or write the one that corrects it"))
    for short, (_, number) in editorial.other_language.items():
        if given.get(short, ("", ""))[1]:
            mistakes.add(ArticleError(data, number, f"the article gives “{short}” in {given[short][1]} itself: "
                                                    "remove this other-language name"))
    for word, number in editorial.not_abbreviations.items():
        if word not in seen:
            mistakes.add(ArticleError(data, number, f"the article never writes “{word}”: remove it"))
    mistakes.check()
    return sorted(found.values(), key=lambda a: a.short.lower())


def other_name(abbrs: list[Abbreviation], short: str) -> str:
    """The other language's name the data file gives ``short`` ("English: …", with its source there),
    or nothing: the publisher's name in English, for a stranger."""
    return next((a.other_language for a in abbrs if a.short == short), "")


def slip_remark(text: str, abbrs: list[Abbreviation]) -> str:
    """The edition's note on the slips ``text`` holds ("“AA.” is a slip for FF. AA., the Armed
    Forces"), or nothing: a tooltip alone would not reach paper, the PDF or the EPUB."""
    found = [(re.search(rf"(?<![\w.]){re.escape(a.short)}\.?", text), a) for a in abbrs if a.slip and a.short in used_in(text)]
    return "; ".join(f"“{match.group()}” is {a.expansion.strip('[]')}" for match, a in found if match)
