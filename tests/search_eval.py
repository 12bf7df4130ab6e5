"""How well the site's search finds the article, measured on queries generated from its text.

    uv run python tests/search_eval.py                      # build this site and the baseline, print the table
    uv run python tests/search_eval.py --site S --baseline B [--json out.json] [--misses CLASS]
    uv run python tests/search_eval.py [--site S] --query "firmas"   # its results, and its classes

The queries are derived from the article as the built pages show it: for every paragraph
(``#p12``) and every note (its text, without this edition's "Full reference", archive and
"Cited in" lines), in these classes:

- ``word``: each content word as written; ``case``: the same in lower, upper and title case.
- ``inflection``: the word's other English forms (singular and plural, verb forms, the
  -ion/-ate/-ive family) and, for Spanish words, Spanish forms (number, gender, -ción);
  a form is kept only when the language's Snowball stemmer gives it the word's stem.
- ``accent``: a word with accents typed without them, and one without typed with the accents
  the article gives the same word elsewhere (or the Spanish -ción ending).
- ``hyphen``: hyphenated words typed solid and as written; words after a prefix such as
  "narco" or "socio" typed hyphenated.
- ``acronym``: acronyms with and without dots ("FF. AA.", "FFAA", "U.S.", "US", "P.N.P.").
- ``phrase``: every 2- to 4-word phrase of a clause that starts and ends with a content word.
- ``name``: people, organisations and places (scripts/data/index.yml), cited authors and
  titles (refs.bib), wherever a paragraph or note holds them.
- ``number``: numbers and years.
- ``prefix``: a word of 6+ letters still being typed (its first 4 letters, and all but 2).
- ``compound``: the word inside one of the article's compounds (neo-, narco-, socio-, post-),
  typed alone, in English and in Spanish ("senderism", "senderismo").
- ``book``: the words of the book the article was published in and of its publisher, as
  home's title block names them: they find home.
- ``introduced``: a term quoted after "known as" or "called", an abbreviation (where the
  Glossary says it is first used), a name (at its first mention in the Index): the passage
  that introduces it should be the first result.
- ``title``: the words of an article page's headings, and each heading whole: they find the page.
- ``edition``: every Glossary entry as "glossary" and the abbreviation, and by what the abbreviation
  stands for (in English and in the other language the edition gives) where the article does not
  write it; every Timeline event by
  its label and as "timeline" and its date; every Index entry as "index" and its headword; every
  reference by its title and its short label; every note as "note" and its number. Each should be
  found at its own anchor (``linked``).
- ``spanish``: each Spanish word or phrase the search maps to the text's English
  (scripts/data/search/lexicon.json, from the edition's Glossary and the dictionaries), whose
  English words a passage holds together: it should find such a passage.
- ``thesaurus``: each English word the text does not use that the search maps to the text's
  word of the same meaning (the extract's WordNet entries, "regime" for "authorities"): it
  should find a passage holding that word.
- ``question``: for every paragraph, a content word few passages hold and two that many hold
  (drawn the same way every run), where another passage holds the two common words without the
  rare one, inside a question ("why …", "how did …", "what do … get from …", "¿por qué …?"): it
  should find a passage holding all three, which only weighing the rarer word more does.
- ``typo``: one typo, at any letter, in a word of 6+ letters of the passages (notes included)
  and of the names, cited authors and titles: a neighbouring key instead of a letter, two
  letters swapped, a letter left out, a letter typed twice or a neighbouring key added; a typo
  that makes a real English word (``real_words``) or a word of the site is none.

A query's expected answer is every paragraph or note that holds its words: the word as
written (for its forms and typos), every word starting with a prefix, the whole sequence of a
phrase or name (its content words in a row, whatever function words or punctuation stand
between them). A query finds it at rank r when the r-th result shown (Material shows one
result per page, its best entries inside) is the page of a passage that holds it; recall@3
counts ranks up to 3, MRR@5 averages 1/r up to 5. ``first`` is the share of queries whose
top entry holds the words itself (a holding passage, or a page or section whose own title
or text holds them: on the baseline, a whole page), and ``linked`` the share whose holding
result, among the first three, links to a holding passage.

Every query runs through the search worker the site ships (tests/search_worker.js, in Node:
this edition's, around Material's), against this site and against the baseline: the same
mkdocs.yml and pages with the search plugin at Material's defaults and without this
project's search hook.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import Stemmer
import yaml

from article.config import ConfigLoader
from article.text import fold
from hooks.search_index import (COMPOUND, DOTTED_ACRONYM, INTRODUCED, PREFIXED, PREFIXES, QUOTED,  # what a word is
                                 SOLID_ACRONYM, SPANISH_MARKERS)
from hooks.word_forms import IRREGULAR, spanish_forms, spanish_lexicon, verb_forms  # Spanish number and gender: one set of rules

ROOT = Path(__file__).resolve().parent.parent
HARNESS = Path(__file__).resolve().parent / "search_worker.js"
CLASSES = ["word", "case", "inflection", "accent", "hyphen", "acronym", "phrase", "name", "number",
           "prefix", "compound", "book", "introduced", "title", "typo", "edition", "spanish", "thesaurus",
           "question"]
PHRASE_CLASSES = {"phrase", "name"}
# Pages that are the edition's apparatus around the article, not the article's text.
BACK_MATTER = {"notes/", "references/", "index-of-names/", "about/", "cite/", "glossary/", "timeline/"}

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either else even ever every
few for from further among another although despite enough neither often quite still toward towards had has have having he her here hers herself him himself his how however i if
in into is it its itself just least less many may me might more most much must my myself no nor not
now of off on once only or other others our ours ourselves out over own per rather same shall she
should since so some such than that the their theirs them themselves then there these they this
those though through thus to too under until up upon us very via was we were what when where
whether which while who whom whose why will with within without would yet you your yours
al algo ante como con contra cual de del desde donde durante e el ella ellas ellos en entre era es
esa ese eso esta este esto fue ha hay la las le les lo los mas más mi muy ni no nos o para pero por
que qué se ser si sin sobre su sus también tan te tu un una uno unos unas y ya
""".split())
# Questions as readers ask them, around three content words of a paragraph.
QUESTIONS = ["why did the {b} {c} have {d} and {a}?", "how did the {b} and the {c} get {a} from {d}",
             "what do {b} {c} get from {d} {a}", "when was it that {b} {c} {d} {a} there",
             "¿por qué {b} {c} {d} {a}?"]
DETERMINERS = frozenset("the a an this that these those its their his her our every each no any one".split())
KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
WORD = re.compile(r"[^\W_]+")
URL = re.compile(r"\S*https?://\S+|\S*www\.\S+")
CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]“”\"‘’'«»…]+|\s[-–—]+\s?|\s?[-–—]+\s")
ENGLISH = Stemmer.Stemmer("english")
SPANISH = Stemmer.Stemmer("spanish")


def folded(text: str) -> str:
    """Lower case without diacritics: "Apurímac" → "apurimac"."""
    return fold(text.lower())


def holds_sequence(words: list[str], phrase: str) -> bool:
    """Whether folded words hold a phrase: its content words in a row, whatever function
    words or punctuation stand between them ("Apurímac and Ene" in "Apurímac, Ene and …")."""
    wanted = [folded(w) for w in words_of(phrase) if folded(w) not in STOP_WORDS] or [folded(w) for w in words_of(phrase)]
    content = [w for w in words if w not in STOP_WORDS] if wanted[0] not in STOP_WORDS else words
    n = len(wanted)
    return any(content[k:k + n] == wanted for k in range(len(content) - n + 1))


def words_of(text: str) -> list[str]:
    return WORD.findall(URL.sub(" ", text))


def is_content(word: str) -> bool:
    if folded(word) in STOP_WORDS or word.isdigit():
        return False
    return len(word) >= 3 or (len(word) == 2 and word.isupper())


# --- the article as the built pages show it -----------------------------------------------

@dataclass(frozen=True)
class Passage:
    """A paragraph or a note, with every location the site shows it at."""

    key: str                       # "p12" or "note-6"
    locations: tuple[str, ...]     # "page/#p12"; a note: "notes/#note-6" and "page/#fn:6"
    text: str

    @property
    def pages(self) -> set[str]:
        return {location.split("#")[0] for location in self.locations}

    @property
    def is_paragraph(self) -> bool:
        return self.key.startswith("p")


class PassageText(HTMLParser):
    """The text of paragraphs (``p#pN``), notes (``p#note-N``) and footnotes (``li#fn:N``).

    Left out: note markers, permalinks, back-links, and everything of a note after its first
    line break (the edition's "Full reference", archive and "Cited in" lines).
    """

    ANCHOR = re.compile(r"p\d+|note-\d+|fn:\d+")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}
        self.current: str | None = None
        self.depth = 0
        self.skip = 0
        self.ended = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.current is None:
            if tag in ("p", "li") and self.ANCHOR.fullmatch(attrs.get("id") or ""):
                self.current, self.depth, self.skip, self.ended, self.parts = attrs["id"], 0, 0, False, []
            else:
                return
        if tag == "br":
            self.ended = self.ended or not self.current.startswith("p")
            return
        self.depth += 1
        classes = (attrs.get("class") or "").split()
        if self.skip or tag == "sup" or {"headerlink", "footnote-backref"} & set(classes):
            self.skip += 1
        if tag == "strong" and self.current.startswith("note-") and not "".join(self.parts).strip():
            self.skip += 1                 # the note's own number, "6."

    def handle_endtag(self, tag):
        if self.current is None:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1
        if self.depth == 0:
            self.found[self.current] = re.sub(r"\s+", " ", "".join(self.parts)).strip()
            self.current = None

    def handle_data(self, data):
        if self.current is not None and not self.skip and not self.ended:
            self.parts.append(data)


def passages(site: Path) -> list[Passage]:
    """Every paragraph and note of the article, in the site's order."""
    found: dict[str, tuple[str, str]] = {}
    for page in sorted(site.rglob("index.html")):
        url = page.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        if url.startswith(("print/", "search/")):
            continue
        parser = PassageText()
        parser.feed(page.read_text(encoding="utf-8"))
        for anchor, text in parser.found.items():
            found[f"{url}#{anchor}"] = (anchor, text)
    result = []
    footnotes = {anchor.split(":")[1]: location for location, (anchor, _) in found.items() if anchor.startswith("fn:")}
    for location, (anchor, text) in found.items():
        if anchor.startswith("p"):
            result.append(Passage(anchor, (location,), text))
        elif anchor.startswith("note-"):
            number = anchor.split("-")[1]
            result.append(Passage(anchor, tuple(filter(None, (location, footnotes.get(number)))), text))
    return sorted(result, key=lambda p: (not p.is_paragraph, int(re.sub(r"\D", "", p.key))))


# --- queries ------------------------------------------------------------------------------

@dataclass
class Query:
    cls: str
    text: str
    holders: frozenset[str] = frozenset()   # locations of the passages that hold its words
    pages: frozenset[str] = frozenset()
    rule: tuple[str, ...] = ()             # what holding it means: ("words", w…), ("sequence", s), …

    def held_by(self, text: str) -> bool:
        """Whether a text (an entry's title and text) holds this query's words."""
        kind, *values = self.rule
        words = [folded(w) for w in words_of(text)]
        if kind == "words":
            wanted = {folded(v) for v in values}
            return not wanted.isdisjoint(words) or any(a + b in wanted for a, b in zip(words, words[1:]))
        if kind == "prefix":
            return any(w.startswith(folded(values[0])) for w in words)
        if kind == "only":                 # only the expected passages or pages count
            return False
        if kind == "acronym":
            return values[0] in {re.sub(r"[.\s]", "", m) for m in
                                 DOTTED_ACRONYM.findall(text) + SOLID_ACRONYM.findall(text)}
        return holds_sequence(words, values[0])


@dataclass
class Article:
    """The passages with what the generator and the expected answers need of them."""

    passages: list[Passage]
    words: list[list[str]] = field(default_factory=list)     # each passage's words, as written
    site: Path | None = None                                 # for the pages' titles, title block, glossary, index

    def __post_init__(self) -> None:
        self.words = [words_of(p.text) for p in self.passages]
        self.folded = [[folded(w) for w in ws] for ws in self.words]
        self.acronyms = [{re.sub(r"[.\s]", "", m) for m in
                          DOTTED_ACRONYM.findall(p.text) + SOLID_ACRONYM.findall(URL.sub(" ", p.text))}
                         for p in self.passages]
        self.nouns = {ws[k + 1] for ws in self.words for k in range(len(ws) - 2)
                      if ws[k].lower() in DETERMINERS and not is_content(ws[k + 2]) and ws[k + 1].islower()}
        self.vocabulary: dict[str, set[str]] = defaultdict(set)   # folded → spellings as written
        for ws in self.words:
            for w in ws:
                self.vocabulary[folded(w)].add(w)

    def holding(self, test) -> frozenset[int]:
        return frozenset(i for i in range(len(self.passages)) if test(i))

    def holding_word(self, *words: str) -> frozenset[int]:
        wanted = {folded(w) for w in words}
        return self.holding(lambda i: not wanted.isdisjoint(self.folded[i]))

    def holding_number(self, number: str) -> frozenset[int]:
        """The passages that hold a number: in their words, as a decade ("1980s" holds 1980), or
        as their own label (¶17, note 4: the number a reader cites them by)."""
        return self.holding_word(number, f"{number}s") | self.holding(
            lambda i: re.sub(r"\D", "", self.passages[i].key) == number)

    def holding_sequence(self, text: str) -> frozenset[int]:
        return self.holding(lambda i: holds_sequence(self.folded[i], text))

    def holding_prefix(self, prefix: str) -> frozenset[int]:
        start = folded(prefix)
        return self.holding(lambda i: any(w.startswith(start) for w in self.folded[i]))

    def holding_acronym(self, solid: str) -> frozenset[int]:
        return self.holding(lambda i: solid in self.acronyms[i])


def with_e(root: str) -> set[str]:
    """The base of an -ed or -ing form: "produc" → "produce", "accept" → "accept", "contro" → both."""
    if re.search(r"([^aeiou](?:at|ut|ot|[aiou]d|ar|ir|ur|in|ib|ub|[aeiou][ks])|iz|[cgvuz])$", root):
        return {root + "e"}
    if re.search(r"[^aeiou](et|or|[aeiou]l|on|ag)$", root):
        return {root, root + "e"}
    return {root}


def english_forms(word: str, noun: bool) -> set[str]:
    """Other English forms of a lower-case word, each with the word's Snowball stem.

    A noun changes number; a verb (a word inflected as one, or ending in -ate, -ize, -ify)
    takes -s, -ed and -ing; -ion, -ation and -ive words give their verb and its forms.
    """
    forms: set[str] = set()
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif re.search(r"(ch|sh|ss|x|z)es$", word):
        forms.add(word[:-2])
    elif word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        forms.add(word[:-1])
    elif re.search(r"((?<!p)ly|ous|ful|ing|ed|ish|less|[^aeiou]al)$", word):
        pass                                   # adverbs and adjectives have no plural
    elif noun and re.search(r"[^aeiou]y$", word):
        forms.add(word[:-1] + "ies")
    elif noun and re.search(r"(ch|sh|s|x|z)$", word):
        forms.add(word + "es")
    elif noun:
        forms.add(word + "s")
    verbs: set[str] = set()
    if m := re.fullmatch(r"(.{3,})ied", word):
        verbs.add(m[1] + "y")
    elif (m := re.fullmatch(r"(.{3,})(?:ing|ed)", word)) and m[1] not in IRREGULAR:
        root = m[1]
        verbs |= {root[:-1]} if root[-1] == root[-2] and root[-1] not in "ls" else with_e(root)
    elif re.search(r"(ate|ize|ify)s?$", word):
        verbs.add(word.removesuffix("s"))
    single = word.removesuffix("s")
    for pattern, replacement in ((r"(.{3,})ization", r"\1ize"), (r"(.{3,})ification", r"\1ify"),
                                 (r"(.{3,}[^aeiou]{2})ation", r"\1"), (r"(.{3,})ation", r"\1ate"),
                                 (r"(.{3,}u)ction", r"\1ce"), (r"(.{3,}(?:c|p)t)ion", r"\1"), (r"(.{3,}ss)ion", r"\1"),
                                 (r"(.{3,})ative", r"\1ate"), (r"(.{3,}(?:c|p)t)ive", r"\1"), (r"(.{3,}ss)ive", r"\1")):
        if re.fullmatch(pattern, single):
            verbs.add(re.sub(pattern, replacement, single))
            break
    for verb in verbs - IRREGULAR:
        forms |= verb_forms(verb)
    stem = ENGLISH.stemWord(word)
    return {f for f in forms if f != word and len(f) >= 3 and ENGLISH.stemWord(f) == stem}


def spanish_words(text: str) -> set[str]:
    """Words of the text that stand in Spanish: accented, or in a quoted Spanish title or name."""
    found = {w for w in words_of(text) if re.search(r"[áéíóúñü]", w.lower())}
    for quoted in QUOTED.findall(text):
        ws = words_of(quoted)
        if len(ws) > 1 and not SPANISH_MARKERS.isdisjoint(w.lower() for w in ws):
            found |= set(ws)
    return found


def neighbours(letter: str) -> str:
    for row, keys in enumerate(KEYBOARD):
        if letter in keys:
            col = keys.index(letter)
            near = [keys[c] for c in (col - 1, col + 1) if 0 <= c < len(keys)]
            for other in (row - 1, row + 1):
                if 0 <= other < len(KEYBOARD):
                    near += [KEYBOARD[other][c] for c in (col - 1, col, col + 1) if 0 <= c < len(KEYBOARD[other])]
            return "".join(near)
    return ""


def typos(word: str) -> list[str]:
    """One typo of each kind at a position drawn (deterministically) for this word."""
    rng = random.Random(word)
    w = word.lower()
    result = []
    i = rng.randrange(0, len(w))
    if neighbours(w[i]):
        result.append(w[:i] + rng.choice(neighbours(w[i])) + w[i + 1:])                 # substitution
    i = rng.randrange(0, len(w) - 1)
    if w[i] != w[i + 1]:
        result.append(w[:i] + w[i + 1] + w[i] + w[i + 2:])                               # transposition
    i = rng.randrange(0, len(w))
    result.append(w[:i] + w[i + 1:])                                                     # deletion
    i = rng.randrange(0, len(w))
    extra = rng.choice(w[i] + neighbours(w[i])) if neighbours(w[i]) else w[i]
    result.append(w[:i + 1] + extra + w[i + 1:])                                         # insertion
    return [t for t in result if t != w]


def names() -> list[str]:
    """People, organisations and places (the editors' index data), cited authors and titles."""
    index = yaml.safe_load((ROOT / "scripts" / "data" / "index.yml").read_text(encoding="utf-8"))
    found = []
    for kind in ("people", "organisations", "places"):
        for entry in index.get(kind) or []:
            found += [entry["name"], *(entry.get("forms") or []), *(entry.get("aliases") or [])]
    bib = (ROOT / "refs.bib").read_text(encoding="utf-8")
    for key, value in re.findall(r"^\s*(author|title)\s*=\s*\{(.*)\},?\s*$", bib, re.M):
        value = value.replace("{", "").replace("}", "")
        if key == "title":
            found.append(value)
            continue
        for person in value.split(" and "):
            family, _, given = (part.strip() for part in person.partition(","))
            found += [family, f"{given} {family}".strip()]
    return found


def linked(site: Path, page: str, pattern: str) -> list[tuple[str, str]]:
    """(text, first link) of each match of ``pattern`` (groups: text, href) on a built page,
    with the link as a location of the site: "../conclusions/#p17" → "conclusions/#p17"."""
    text = (site / page / "index.html").read_text(encoding="utf-8")
    return [(html.unescape(re.sub(r"<[^>]+>", "", name)).strip(), href.removeprefix("../"))
            for name, href in re.findall(pattern, text, re.S)]


def introductions(article: Article) -> list[tuple[str, str]]:
    """(term, location of the passage that introduces it): a term quoted after "known as" or
    "called", at its first use; an abbreviation where the Glossary says it is first used; a
    name at its first mention in the Index (kept where that passage writes the term so)."""
    found = []
    for term in dict.fromkeys(t for p in article.passages for t in INTRODUCED.findall(p.text)):
        first = min(article.holding_sequence(term))
        found.append((term, article.passages[first].locations[0]))
    if article.site:
        found += linked(article.site, "glossary", r"<tr>\s*<td>(.*?)</td>.*?<a href=\"([^\"]+)\"")
        found += linked(article.site, "index-of-names", r"<li><strong>(.*?)</strong>.*?<a href=\"([^\"]+)\"")
    return found


def page_titles(site: Path) -> dict[str, list[str]]:
    """The article's pages with their headings (h1, h2) as shown."""
    found = {}
    for page in sorted(site.rglob("index.html")):
        url = page.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        if url.startswith(("print/", "search/")) or url in BACK_MATTER or url.count("/") > 1:
            continue
        text = page.read_text(encoding="utf-8")
        article = text[text.find("<article"):text.find("</article>")]
        if 'id="p' not in article:
            continue
        found[url] = [html.unescape(re.sub(r"<a class=\"headerlink.*?</a>|<[^>]+>", "", h))
                      for h in re.findall(r"<h[12] id=\"[^\"]+\">(.*?)</h[12]>", article, re.S)]
    return found


def title_block(site: Path) -> list[str]:
    """The publisher and the book the article was published in, as home's title block names them."""
    text = (site / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<p class="title-block".*?</p>', text, re.S)[0]
    return [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(r"<(?:strong|em)>(.*?)</(?:strong|em)>", block, re.S)]


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def edition_entries(site: Path) -> list[tuple[str, str]]:
    """(query, location) for each entry of the edition's own pages, by its own words."""
    def page(name: str) -> str:
        return (site / name / "index.html").read_text(encoding="utf-8")
    found = []
    for anchor, short, stands in re.findall(r'<td><span id="(abbr-[^"]+)">(.*?)</span>.*?</td>\s*<td>(.*?)</td>',
                                            page("glossary"), re.S):
        english, _, other = stands.partition('<span class="editorial">')
        found += [(f"glossary {plain(short)}", f"glossary/#{anchor}"),
                  (plain(english).rstrip(" *"), f"glossary/#{anchor}")]
        if other:
            found.append((plain(other).strip("[]").partition(": ")[2], f"glossary/#{anchor}"))
    for anchor, when, label in re.findall(r'<h2 id="([^"]+)">(.*?)<a class="headerlink.*?<strong>(.*?)</strong>',
                                          page("timeline"), re.S):
        found += [(f"timeline {plain(when)}", f"timeline/#{anchor}"), (plain(label), f"timeline/#{anchor}")]
    for anchor, headword in re.findall(r'<strong id="(name-[^"]+)">(.*?)</strong>', page("index-of-names")):
        found.append((f"index {plain(headword)}", f"index-of-names/#{anchor}"))
    for anchor, entry in re.findall(r'<p class="reference" id="(ref-[^"]+)">(.*?)<br', page("references"), re.S):
        title = re.search(r"“(.*?)[.,]?”|<em>(.*?)</em>", entry)
        found.append((plain(title[1] or title[2]), f"references/#{anchor}"))
    for label, key in re.findall(r'Full reference: <a href="[^"]*#(ref-[^"]+)">(.*?)</a>', page("notes")):
        found.append((plain(key), f"references/#{label}"))
    for number in re.findall(r'<p class="endnote" id="note-(\d+)">', page("notes")):
        found.append((f"note {number}", f"#fn:{number}"))
    return found


# The prefixes that make the article's compounds (narcoterrorism, neosenderism), not the start
# of ordinary words ("interpretation", "predict").
COMPOUNDING = re.compile(r"(?:narco|neo|socio|post)([^\W\d_]{4,})")


def spanish_of(word: str) -> str:
    """A word inside a compound as Spanish writes it: "terrorism" → "terrorismo"."""
    for english, spanish in (("ism", "ismo"), ("ist", "ista"), ("ists", "istas"), ("tion", "ción"), ("ity", "idad")):
        if word.endswith(english):
            return word[:-len(english)] + spanish
    return ""


def site_words(site: Path) -> set[str]:
    """Every word any page of the built site shows (lower case, folded)."""
    hidden = re.compile(r"<(script|style)\b.*?</\1>|<head>.*?</head>|<[^>]+>", re.S)
    return {folded(w) for page in site.rglob("index.html")
            for w in words_of(html.unescape(hidden.sub(" ", page.read_text(encoding="utf-8"))))}


def real_words() -> set[str]:
    """The most frequent English and Spanish words (wordfreq, as the search's extract takes them)."""
    from tools.words_extract import LANGUAGES, real_words as top

    return {word for language in LANGUAGES for word in top(language)}


def spanish_words_with_accents() -> set[str]:
    """The Spanish words written with accents among wordfreq's 50,000 most frequent, as written."""
    import wordfreq
    from tools.words_extract import ACCENTED_TOP, SHORTEST

    return {w for w in wordfreq.top_n_list("es", ACCENTED_TOP, wordlist="best")
            if w.isalpha() and len(w) >= SHORTEST and folded(w) != w}


def generate(article: Article) -> list[Query]:
    """The evaluation's queries, each with the passages that hold its words."""
    raw: list[tuple] = []
    seen_words: set[str] = set()
    for i, passage in enumerate(article.passages):
        text = URL.sub(" ", passage.text)
        spanish = spanish_words(text)
        for w in article.words[i]:
            if not is_content(w) or w in seen_words:
                continue
            seen_words.add(w)
            holders = article.holding_word(w)
            raw.append(("word", w, holders, "words", w))
            for cased in {w.lower(), w.upper(), w.title()} - {w}:
                raw.append(("case", cased, holders, "words", w))
            if w.isalpha() and not w.isupper():
                lower = w.lower()
                forms = set()
                if w == lower:                 # names do not inflect
                    forms = english_forms(lower, lower in article.nouns) | (set(spanish_forms(lower)) if w in spanish else set())
                for form in sorted(forms):
                    raw.append(("inflection", form, holders | article.holding_word(form), "words", w, form))
                if folded(w) != w.lower():
                    raw.append(("accent", folded(w), holders, "words", w))
                else:
                    accented = {s for s in article.vocabulary[folded(w)] if folded(s) != s.lower()}
                    if re.search(r"[cs]ion$", lower) and w in spanish:
                        accented.add(lower[:-3] + "ión")
                    for spelling in sorted(accented):
                        raw.append(("accent", spelling, holders, "words", w))
                for prefix in PREFIXES:
                    rest = lower[len(prefix):]
                    if lower.startswith(prefix) and len(rest) >= 4 and folded(w) not in seen_words:
                        raw.append(("hyphen", f"{prefix}-{rest}", holders | article.holding_sequence(f"{prefix} {rest}"), "words", w))
                if len(w) >= 6:
                    for prefix in sorted({w[:4], w[:-2]}):
                        raw.append(("prefix", prefix, article.holding_prefix(prefix), "prefix", prefix))
                    for typo in typos(w):
                        raw.append(("typo", typo, holders, "words", w))
        for first, second in COMPOUND.findall(text):
            holders = article.holding_sequence(f"{first} {second}") | article.holding_word(first + second)
            raw += [("hyphen", form, holders, "words", first + second) for form in (f"{first}-{second}", first + second)]
        for acronym in set(DOTTED_ACRONYM.findall(text)) | set(SOLID_ACRONYM.findall(text)):
            acronym = acronym.strip()
            solid = re.sub(r"[.\s]", "", acronym)
            holders = article.holding_acronym(solid)
            dotted = re.sub(r"\s", "", acronym) if "." in acronym else ".".join(solid) + "."
            raw += [("acronym", form, holders, "acronym", solid) for form in {acronym, solid, dotted, solid.lower()}]
        for w in words_of(text):
            if any(c.isdigit() for c in w) and len(w) >= 2:
                raw.append(("number", w, article.holding_number(w), "words", w))
        for clause in CLAUSE_BREAK.split(text):
            ws = words_of(clause)
            for n in (2, 3, 4):
                for k in range(len(ws) - n + 1):
                    phrase = ws[k:k + n]
                    if is_content(phrase[0]) and is_content(phrase[-1]):
                        text_ = " ".join(phrase)
                        raw.append(("phrase", text_, article.holding_sequence(text_)))
    for name in names():
        holders = article.holding_sequence(name)
        if holders:
            raw.append(("name", name, holders))
            for w in words_of(name):           # names, cited authors and titles, mistyped
                if len(w) >= 6 and w.isalpha() and article.holding_word(w):
                    raw += [("typo", typo, article.holding_word(w), "words", w) for typo in typos(w)]
    for i, ws in enumerate(article.words):      # a word inside a compound, typed alone
        for w in ws:
            if (m := COMPOUNDING.fullmatch(w.lower())) and is_content(m[1]):
                holders = article.holding_word(w) | article.holding_prefix(m[1])
                for form in filter(None, (m[1], spanish_of(m[1]))):
                    raw.append(("compound", form, holders, "prefix", m[1]))
    extra = []
    if article.site:
        home = frozenset({""})
        for named in title_block(article.site):   # the book's and the publisher's words find home
            extra += [Query("book", w, home, home, ("only",)) for w in {named, *words_of(named)}
                      if is_content(w) or w.isdigit()]
        for page, headings in page_titles(article.site).items():
            for heading in headings:               # a section's title words find the section
                for w in {heading, *(w for w in words_of(heading) if is_content(w))}:
                    extra.append(Query("title", w, frozenset({page}), frozenset({page}), ("only",)))
        for text, location in edition_entries(article.site):
            if location.startswith("#fn:"):    # a note is found where it is cited
                location = next(loc for p in article.passages for loc in p.locations if loc.endswith(location))
            if location.startswith("glossary/") and article.holding_sequence(text):
                continue                       # the article's words: its paragraphs come first

            extra.append(Query("edition", text, frozenset({location}), frozenset({page_of(location)}), ("only",)))
    for i, passage in enumerate(article.passages):   # a reader's question around a paragraph's words
        content = list(dict.fromkeys(w for w in article.words[i] if is_content(w) and len(w) >= 4 and w.isalpha()))
        if not passage.is_paragraph:
            continue
        # A word few passages hold and three that many hold, such that other passages hold the
        # common words and not the rare one: only weighing words by their rarity, and the
        # question's own words not at all, puts this paragraph first.
        rng = random.Random(passage.key)
        common = [w for w in content if len(article.holding_word(w)) >= 4]
        rare = [w for w in content if len(article.holding_word(w)) <= 2]
        for template in QUESTIONS:
            if not rare or len(common) < 3:
                break
            a, (b, c, d) = rng.choice(rare), rng.sample(common, 3)
            decoys = article.holding_word(b) & article.holding_word(c) & article.holding_word(d) - article.holding_word(a)
            held = article.holding_word(a) & article.holding_word(b) & article.holding_word(c) & article.holding_word(d)
            if decoys:
                raw.append(("question", template.format(a=a, b=b, c=c, d=d), held, "words", a, b, c, d))
    for spanish, english in spanish_lexicon().items():
        wanted = english.split()
        held = frozenset.intersection(*(article.holding_word(w) for w in wanted))
        if held:
            raw.append(("spanish", spanish, held, "words", *wanted))
    for english, word in spanish_lexicon("english").items():     # "regime", where the text says "authorities"
        if held := article.holding_word(word):
            raw.append(("thesaurus", english, held, "words", word))
    for term, location in introductions(article):
        passage = next((p for p in article.passages if location in p.locations), None)
        if passage is not None and holds_sequence([folded(w) for w in words_of(passage.text)], term):
            held = frozenset(passage.locations)
            extra.append(Query("introduced", term, held, frozenset(passage.pages), ("only",)))
    words_anywhere = (site_words(article.site) if article.site else set()) | real_words()
    raw = [r for r in raw if r[0] != "typo" or r[1] not in words_anywhere]
    queries: dict[tuple[str, str], Query] = {}
    for cls, text, holders, *rule in raw:
        key = (cls, text)
        locations = frozenset(loc for i in holders for loc in article.passages[i].locations)
        pages = frozenset(page for i in holders for page in article.passages[i].pages)
        if key in queries:
            queries[key].holders |= locations
            queries[key].pages |= pages
        elif holders:
            queries[key] = Query(cls, text, locations, pages, tuple(rule) or ("sequence", text))
    if article.site:              # home's title block holds words too (its publisher, its book)
        block = " ".join(title_block(article.site))
        for query in queries.values():
            if query.held_by(block):
                query.holders |= {""}
                query.pages |= {""}
    for query in extra:
        key = (query.cls, query.text)
        if key in queries:
            queries[key].holders |= query.holders
            queries[key].pages |= query.pages
        else:
            queries[key] = query
    return sorted(queries.values(), key=lambda q: (CLASSES.index(q.cls), q.text))


# --- running and scoring ------------------------------------------------------------------

def run(site: Path, texts: list[str], with_searched: bool = False, told: bool = False):
    """The worker's answers (groups of items, best first) to each query, and the median ms per
    query; or, ``with_searched``, what was searched for each (None: the query as typed); or,
    ``told``, what the reader is told was searched ("Showing results for …", "Spanish “…”: …")."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is needed to run Material's search worker (see .ci/run)")
    result = subprocess.run([node, str(HARNESS), str(site)], input=json.dumps(texts), capture_output=True,
                            text=True, encoding="utf-8", check=False)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    answer = json.loads(result.stdout)
    return answer["results"], answer["said"] if told else answer["searched"] if with_searched else answer["median_ms"]


@dataclass
class Outcome:
    query: Query
    rank: int | None          # of the first result (page) that holds the words
    first: bool               # the top entry is a holding passage (or, with no passages, its page)
    linked: bool              # the holding result links to a holding passage
    empty: bool
    top: list[str]            # the first three results' pages, for reports


def page_of(location: str) -> str:
    return location.split("#")[0]


def outcome(query: Query, groups: list[list[dict]], entries: dict[str, str]) -> Outcome:
    rank, linked = None, False
    for r, group in enumerate(groups[:5], start=1):
        if page_of(group[0]["location"]) in query.pages:
            rank = r
            linked = any(item["location"] in query.holders for item in group)
            break
    first = bool(groups) and (groups[0][0]["location"] in query.holders
                              or query.held_by(entries.get(groups[0][0]["location"], "")))
    return Outcome(query, rank, first, linked, not groups, [page_of(g[0]["location"]) for g in groups[:3]])


@dataclass
class Score:
    count: int
    recall3: float
    mrr5: float
    first: float
    linked: float
    empty: int


def score(outcomes: list[Outcome]) -> Score:
    n = len(outcomes)
    return Score(n, sum(o.rank is not None and o.rank <= 3 for o in outcomes) / n,
                 sum(1 / o.rank for o in outcomes if o.rank) / n, sum(o.first for o in outcomes) / n,
                 sum(o.linked for o in outcomes if o.rank is not None and o.rank <= 3) / n,
                 sum(o.empty for o in outcomes))


@dataclass
class Evaluation:
    outcomes: list[Outcome]
    median_ms: float

    def by_class(self) -> dict[str, Score]:
        classes: dict[str, list[Outcome]] = defaultdict(list)
        for o in self.outcomes:
            classes[o.query.cls].append(o)
        return {cls: score(classes[cls]) for cls in CLASSES if classes[cls]}

    def overall(self) -> Score:
        return score(self.outcomes)

    def misses(self, cls: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.query.cls == cls and (o.rank is None or o.rank > 3)]


def evaluate(site: Path, queries: list[Query]) -> Evaluation:
    texts = sorted({q.text for q in queries})
    results, median_ms = run(site, texts)
    answers = dict(zip(texts, results))
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {doc["location"]: re.sub(r"<[^>]+>", " ", html.unescape(f"{doc['title']} {doc['text']}"))
               for doc in index["docs"]}
    return Evaluation([outcome(q, answers[q.text], entries) for q in queries], median_ms)


def queries_for(site: Path) -> list[Query]:
    return generate(Article(passages(site), site=site))


# --- the baseline -------------------------------------------------------------------------

def baseline_config(config: dict) -> dict:
    """What the baseline changes in this project's mkdocs.yml (which it inherits): Material's
    search at its defaults, and no search hook."""
    return {"INHERIT": str(ROOT / "mkdocs.yml"),
            "plugins": ["search" if (p if isinstance(p, str) else next(iter(p))) == "search" else p
                        for p in config.get("plugins", [])],
            "hooks": [h for h in config.get("hooks", []) if Path(h).name != "search_index.py"]}


def build(out: Path, config_file: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    if config_file:
        command += ["--config-file", str(config_file)]
    return subprocess.run(command, cwd=config_file.parent if config_file else ROOT, capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def build_baseline(out: Path) -> subprocess.CompletedProcess[str]:
    """Build the baseline into ``out`` from a scratch project that links to this one's files."""
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch)
        for name in ("docs", "scripts", "refs.bib"):
            (project / name).symlink_to(ROOT / name)
        config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
        (project / "mkdocs.yml").write_text(yaml.safe_dump(baseline_config(config), allow_unicode=True),
                                            encoding="utf-8")
        return build(out, project / "mkdocs.yml")


# --- report -------------------------------------------------------------------------------

def table(site: Evaluation, baseline: Evaluation) -> str:
    lines = ["| Class | Queries | recall@3 | MRR@5 | first | linked | empty | baseline recall@3 | baseline MRR@5 "
             "| baseline first | baseline empty |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    ours, theirs = site.by_class(), baseline.by_class()
    for cls in [*ours, "all"]:
        a = ours[cls] if cls != "all" else site.overall()
        b = theirs[cls] if cls != "all" else baseline.overall()
        lines.append(f"| {cls} | {a.count} | {a.recall3:.3f} | {a.mrr5:.3f} | {a.first:.3f} | {a.linked:.3f} "
                     f"| {a.empty} | {b.recall3:.3f} | {b.mrr5:.3f} | {b.first:.3f} | {b.empty} |")
    return "\n".join(lines)


def ranked(site: Path, text: str, queries: list[Query]) -> str:
    """One query's results as the list shows them (each page, its entries, their scores), what was
    searched if a word was replaced, and the classes the query belongs to with what they expect."""
    results, searched = run(site, [text], with_searched=True)
    lines = [f"{text!r}" + (f": showing results for {searched[0]!r}" if searched[0] else "")]
    for r, group in enumerate(results[0], start=1):
        lines.append(f"{r}. {page_of(group[0]['location']) or '(home)'}")
        lines += [f"     {item['location']}  {item['score']:.2f}  {re.sub(r'<[^>]+>', '', item['text'])[:70]!r}"
                  for item in group]
    own = [q for q in queries if q.text == text]
    lines.append("classes: " + (", ".join(f"{q.cls} (expects {sorted(q.holders)[:4]})" for q in own) or "none"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build this project)")
    parser.add_argument("--baseline", type=Path, help="a built baseline (default: build it, unless --query)")
    parser.add_argument("--json", type=Path, help="write the scores as JSON here")
    parser.add_argument("--misses", help="list the queries of this class that miss the top three")
    parser.add_argument("--query", help="show this query's ranked results on this site, and its classes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        site, baseline = args.site, args.baseline
        if site is None:
            site = Path(scratch) / "site"
            result = build(site)
            if result.returncode:
                sys.exit(result.stderr)
        if baseline is None and not args.query:
            baseline = Path(scratch) / "baseline"
            result = build_baseline(baseline)
            if result.returncode:
                sys.exit(result.stderr)
        queries = queries_for(site)
        if args.query:
            print(ranked(site, args.query, queries))
            return 0
        ours, theirs = evaluate(site, queries), evaluate(baseline, queries)
    print(table(ours, theirs))
    print(f"\n{len(queries)} queries; Material's worker took {ours.median_ms:.2f} ms per query (median), "
          f"{theirs.median_ms:.2f} ms on the baseline")
    if args.misses:
        for o in ours.misses(args.misses):
            print(f"{o.query.text!r}: rank {o.rank}, top {o.top}, expected {sorted(o.query.pages)}")
    if args.json:
        args.json.write_text(json.dumps({"site": {k: vars(v) for k, v in ours.by_class().items()},
                                         "baseline": {k: vars(v) for k, v in theirs.by_class().items()}},
                                        indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
