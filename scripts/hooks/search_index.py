"""Make Material's search find what readers type, and lead each hit to its paragraph.

Material indexes a page by heading sections and lunr matches only the word forms it was
given. This hook rewrites ``search/search_index.json`` after the build:

- Passages: every article paragraph (``#p12``), endnote (``#note-6``) and footnote
  (``#fn:6``) becomes an entry of its own, so a result links to the paragraph, not the page.
- Variants: each entry gets a ``variants`` field (declared in mkdocs.yml ``plugins.search.
  fields``) with the other spellings a reader may type for its words: the word without
  accents ("apurimac" for "Apurímac"), the accented spellings the article uses ("guzmán"
  for "Guzman"), the article's words that share an English or Spanish stem ("narcoterrorism"
  for "narcoterrorist"), and dotted acronyms and hyphenated words written solid ("ffaa" for
  "FF. AA.", "narcoterrorist" for "narco-terrorist").

Why at build time: Material's search appends a wildcard to every typed word, and lunr
skips its query pipeline (stemmer included) for wildcard terms. A stemmed index therefore
misses whole words typed by a reader ("firmas" against the stem "firm"), and nothing folds
the accents of the query. So the index keeps the words as written (``pipeline`` without
stemmer) and carries the variants instead: the query needs no code of ours.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer
from material.plugins.search.plugin import Parser
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
PASSAGE = re.compile(r'<(p|li)\b[^>]*\bid="(p\d+|note-\d+|fn:\d+)"[^>]*>.*?</\1>', re.S)
BACKREF = re.compile(r'<a [^>]*class="(?:footnote-backref|headerlink)[^"]*"[^>]*>.*?</a>', re.S)
DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]{1,3}\.\s?){2,}")
COMPOUND = re.compile(r"(?<![\w/-])[^\W\d_]+-[^\W\d_]+(?![\w/-])")
TAG = re.compile(r"<[^>]+>")
NON_WORD_EDGES = re.compile(r"^\W+|\W+$")
EXTRA_SUFFIX = re.compile(r"(?<=\w{4})(?:ist|ism)s?$")  # "narcoterrorist" ~ "narcoterrorism"
STEMMERS = (snowballstemmer.stemmer("english"), snowballstemmer.stemmer("spanish"))


@dataclass(frozen=True)
class Entry:
    """One search entry as Material's search worker reads it."""

    location: str
    title: str
    text: str
    boost: float | None = None  # the page's front matter `search: boost:`, kept on each of its entries

    def as_json(self, variants: str) -> dict[str, str | float]:
        entry = {"location": self.location, "title": self.title, "text": self.text, "variants": variants}
        return entry if self.boost is None else {**entry, "boost": self.boost}


def folded(word: str) -> str:
    """The word without diacritics: "apurímac" → "apurimac"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def words(text: str, separator: re.Pattern[str]) -> list[str]:
    """The lowercase words of plain or indexed text, split as the search worker splits them."""
    plain = TAG.sub(" ", text).lower()
    return [w for w in (NON_WORD_EDGES.sub("", part) for part in separator.split(plain)) if w]


@lru_cache(maxsize=None)  # stemming is the costly part, and a text repeats its words
def keys(word: str) -> frozenset[str]:
    """What makes two words spellings of one another: their folded form and folded stems."""
    bare = folded(word)
    stems = {stemmer.stemWord(bare) for stemmer in STEMMERS}
    return frozenset({bare, *stems, *(EXTRA_SUFFIX.sub("", s) for s in stems)})


def run_together(text: str) -> set[str]:
    """Dotted acronyms and hyphenated words written solid: "FF. AA." → "ffaa", "narco-terrorist"
    → "narcoterrorist"."""
    plain = TAG.sub(" ", text)
    return {re.sub(r"[\s.-]", "", m.group()).lower()
            for pattern in (DOTTED_ACRONYM, COMPOUND) for m in pattern.finditer(plain)}


def entry_text(fragment: str) -> str:
    """A fragment of page HTML as Material's indexer renders it, without back-links and permalinks."""
    parser = Parser()
    parser.feed(BACKREF.sub("", fragment))
    parser.close()
    return " ".join("".join(section.text).strip() for section in parser.data).strip()


def passage_title(anchor: str) -> str:
    kind, number = re.match(r"(p|note-|fn:)(\d+)", anchor).groups()
    return f"¶ {number}" if kind == "p" else f"Note {number}"


def page_entries(url: str, title: str, html: str, boost: float | None = None) -> list[Entry]:
    """The page itself, its remaining heading sections, then one entry per passage."""
    passages = [Entry(f"{url}#{m.group(2)}", passage_title(m.group(2)), entry_text(m.group()), boost)
                for m in PASSAGE.finditer(html)]
    parser = Parser()
    parser.feed(PASSAGE.sub("", html))
    parser.close()
    sections = []
    for section in parser.data:
        text = "".join(section.text).strip()
        if section.id and TAG.sub("", text).strip():
            sections.append(Entry(f"{url}#{section.id}", "".join(section.title).strip(), text, boost))
    return [Entry(url, title, "", boost), *sections, *passages]


def variants(entries: list[Entry], separator: re.Pattern[str]) -> list[str]:
    """For each entry, the spellings of its words that it lacks but a reader may type."""
    vocabulary: dict[str, set[str]] = {}
    for entry in entries:
        for word in words(f"{entry.title} {entry.text}", separator):
            for key in keys(word):
                vocabulary.setdefault(key, set()).add(word)
    result = []
    for entry in entries:
        own = set(words(f"{entry.title} {entry.text}", separator))
        extra = {folded(w) for w in own} | run_together(f"{entry.title} {entry.text}")
        for word in own:
            for key in keys(word):
                extra |= vocabulary[key]
        result.append(" ".join(sorted(extra - own)))
    return result


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    if "variants" not in index["config"]["fields"]:
        raise PluginError("mkdocs.yml: plugins.search.fields needs a 'variants' field")
    separator = re.compile(index["config"]["separator"])
    entries: list[Entry] = []
    for doc in index["docs"]:
        if "#" in doc["location"]:
            continue
        page = Path(config.site_dir) / doc["location"] / "index.html"
        article = ARTICLE.search(page.read_text(encoding="utf-8"))
        if article is None:
            raise PluginError(f"{page}: no article content to index")
        entries += page_entries(doc["location"], doc["title"], article.group(1), doc.get("boost"))
    index["docs"] = [entry.as_json(v) for entry, v in zip(entries, variants(entries, separator))]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
