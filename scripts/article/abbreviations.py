"""The article's abbreviations and what they stand for: tooltips everywhere, and a Glossary page.

An expansion the article gives is taken from its text: the capitalised words just before
an abbreviation in brackets, "the Peruvian National Police (PNP)", and a native name given
with it, "Shining Path (SL for its name in Spanish “Sendero Luminoso”)". When the article
gives one abbreviation several expansions, the longest wins. The publisher's name in
mkdocs.yml is read the same way ("… del Perú (CEEEP)"). Abbreviations the article uses
without spelling them out take their expansion from ``scripts/data/abbreviations.yml``; one
found in neither place is an error, so that no abbreviation goes unexplained. The data file
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

from .model import Article, ArticleError, Passage, Where
from .text import MARKER, URL

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
    other_language: str = ""  # "Spanish: Policía Nacional del Perú", the edition's
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


def load_editorial(path: Path) -> dict:
    """The data file: ``expansions`` and ``slips`` (abbreviation → text), ``other_language``
    (abbreviation → "Spanish: …") and ``not_abbreviations`` (a set of words)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise ArticleError(path, 1, f"cannot read the abbreviations: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ArticleError(path, mark.line + 1 if mark else 1, f"not valid YAML: {error}") from None
    texts = {}
    for key in ("expansions", "slips"):
        found = data.get(key) or {}
        if not isinstance(found, dict) or not all(isinstance(v, str) for v in found.values()):
            raise ArticleError(path, 1, f"{key} must map each abbreviation to a text")
        texts[key] = {str(k): v for k, v in found.items()}
    names = {}
    for short, fields in (data.get("other_language") or {}).items():
        named = {k: v for k, v in (fields or {}).items() if k != "source"} if isinstance(fields, dict) else {}
        if len(named) != 1 or not (fields or {}).get("source"):
            raise ArticleError(path, 1, f"other_language: {short} needs one language's name and its source")
        (language, name), = named.items()
        names[str(short)] = f"{language}: {name}"
    return {**texts, "other_language": names, "not_abbreviations": {str(w) for w in data.get("not_abbreviations") or ()}}


def abbreviations(article: Article, passages: list[Passage], data: Path = DATA) -> list[Abbreviation]:
    """Every abbreviation the article's title, publication note and ``passages`` use, with its
    expansion, in alphabetical order."""
    editorial = load_editorial(data)
    texts: list[tuple[str, Where | None]] = [(article.title, None), (article.publication, None)]
    texts += [(passage.text, passage.where) for passage in passages]
    given: dict[str, str] = {}
    for text, _ in texts:
        for short, expansion in defined_in(text).items():
            if len(expansion) > len(given.get(short, "")):
                given[short] = expansion
    found: dict[str, Abbreviation] = {}
    for text, where in texts:
        for short in used_in(text):
            if short in editorial["not_abbreviations"] or short in found:
                continue
            other = editorial["other_language"].get(short, "")
            if short in editorial["slips"]:
                found[short] = Abbreviation(short, editorial["slips"][short], False, slip=True)
            elif short in given:
                found[short] = Abbreviation(short, given[short], True, other)
            elif short in editorial["expansions"]:
                found[short] = Abbreviation(short, editorial["expansions"][short], False, other)
            else:
                message = (f"“{short}” is used but never spelled out: add its expansion to {data}")
                raise (where.error(message) if where else ArticleError(data, 1, message))
    return sorted(found.values(), key=lambda a: a.short.lower())

