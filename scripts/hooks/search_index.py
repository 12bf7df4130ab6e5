"""Search by paragraph and note, finding the forms of the words that readers type.

Material's search plugin indexes a page by heading sections. This hook hands it other
entries before it writes ``search/search_index.json`` (once, in Material's format), built
from each page's rendered content as the page is built:

- Passages: every paragraph of the article (``#p12``) and every note is an entry of its
  own, so that a result leads to the paragraph, and a paragraph that holds all the words
  of a query outranks a page whose title holds one of them. A note is indexed once, as the
  footnote on the page that cites it (``#fn:6``): the Notes page's copy is left out.
- The edition's own pages are found entry by entry, each at its anchor and titled by its page
  and its name: a Glossary row ("Glossary: PNP"), an Index entry ("Index: Guzmán, Abimael"), a
  reference with the note's words and its evidence ("References: Lee 1991", its label from
  refs.bib), a Timeline event or a section of About or Cite ("Timeline: 1952"). Code blocks
  (the Cite page's BibTeX and RIS) and buttons are no text; the print edition is left out.
  Reading a page into entries is scripts/hooks/search_entries.py.
- A page's own entry leaves out the line naming the article above a section's title and the
  download line, and keeps home's title block (publisher and book) without its links; it
  carries a ``snippet``, its first passage's first words, which the edition's worker shows
  instead of the entry's text. A note's bare URL is indexed as its host ("justice.gov").
- ``introduces``: a passage's entry names the terms the article introduces there (the first
  passage to hold them: a term quoted after "known as" or "called", an acronym, an index
  name); the edition's worker ranks it first for them.
- What is left of a page outside its passages (headings and their text) is indexed as
  Material indexes it, by heading section. Pages that are not the article's (the edition's
  about, cite, index, notes and references pages) rank below its text: their entries get
  the page's ``search.boost`` from its front matter, or ``APPARATUS_BOOST``; so does the
  locator map's entry on home, its title and places ("Ayacucho", which only the map shows).
- Variants: each entry gets a ``variants`` field (declared in mkdocs.yml ``plugins.search.
  fields``) with the other spellings a reader may type for its words (scripts/hooks/
  word_forms.py): without accents, with the accents the site writes the same word with
  elsewhere, other English and Spanish forms, hyphenated words written solid and their
  second part, and acronyms solid and dotted ("FF. AA." → "ffaa"; "PNP" → "p.n.p"). A variant is left out when a word of the entry (or another variant) already
  starts with it, since Material matches the typed word as the start of a word, and when the
  edition's worker finds the same entries through a form the text writes ("alliances" through
  "alliance": ``left_to_the_worker``).
- The edition's "Full reference" lines of the notes are not indexed, nor whole URLs (only
  their hosts): readers search words, and the References page is reached from each note.

The hook also writes ``assets/javascripts/workers/fold.js``, the fold (text.py) and the endings
(word_forms.py) that the edition's search worker and docs/assets/reader.js apply to words, and
points every page at that worker (``search_worker``, read by scripts/overrides/main.html).

Why at build time: Material's search appends a wildcard to every typed word, and lunr runs
no pipeline (no stemmer, no stop word filter) on wildcard terms; Material 9 dropped custom
query transforms. So the query is matched as typed against the words of the index, and the
index has to hold the forms readers type. Its ``pipeline`` is empty: a stop word filter would
drop words such as "able", "said" or "Estado" from the index while readers can still type them.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
from bisect import bisect_left, bisect_right
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from article.config import BIBLIOGRAPHY
from article.index_data import load_editor_data
from article.refs_bib import load_works
from article.text import (COMBINING_MARKS, FUNCTION_WORDS, TAG, comparable, corrected, fold, separator,
                          spanish_forms_looked_up, starts, words, written_form)
from hooks.search_entries import ARTICLE_PASSAGE, Entry, once, page_entries
from hooks.word_forms import ENDINGS, ROOT, english_forms, real_words, spanish_forms, spanish_lexicon

SEARCH_WORKER = "reader-search.js"  # docs/assets/javascripts/workers/, beside Material's
FOLD_RULES = "assets/javascripts/workers/fold.js"
KNOWN_WORDS = "assets/javascripts/workers/words.js"   # read by the worker alone
APPARATUS_BOOST = 0.2          # entries of pages without article paragraphs, unless the page sets one
# A term the article introduces: quoted after "known as" or "called" ("known as “firmas,”").
INTRODUCED = re.compile(r"(?:known as|called|named)\s+[“‘\"]([^”’\"]+?)[,.;]?[”’\"]")
QUOTED = re.compile(r"[“‘](.+?)[”’]")
SPANISH_MARKERS = frozenset("el la los las del y en de sobre una un al por para con que".split())
# Prefixes readers may type apart: "narco-terrorist" finds "narcoterrorist".
PREFIXES = ("narco", "socio", "neo", "post", "anti", "counter", "inter", "multi", "non", "pre", "para")
DOTTED_ACRONYM = re.compile(r"(?<![\w.])(?:[A-Z]{1,3}\.\s?){2,}")
SOLID_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{2,}(?![\w.])")
LETTERS = re.compile(r"[^\W\d_]+")
ACCENTED = re.compile(r"[áéíóúñ]")
PREFIXED = re.compile(rf"(?:{'|'.join(PREFIXES)})([^\W\d_]{{4,}})")
COMPOUND = re.compile(r"(?<![\w-])([^\W\d_]+)-([^\W\d_]+)(?![\w-])")


# --- variants -----------------------------------------------------------------------------

def spanish_words(plain: str) -> set[str]:
    """Words in Spanish: accented, or in a quoted title or name with Spanish function words."""
    found = {w.lower() for w in LETTERS.findall(plain) if ACCENTED.search(w.lower())}
    for quoted in QUOTED.findall(plain):
        words = [w.lower() for w in LETTERS.findall(quoted)]
        if len(words) > 1 and not SPANISH_MARKERS.isdisjoint(words):
            found |= set(words)
    return found


def written_together(plain: str) -> set[str]:
    """Acronyms solid and dotted, hyphenated words solid, and a prefixed word's second part."""
    found = {re.sub(r"[\s.]", "", acronym).lower() for acronym in DOTTED_ACRONYM.findall(plain)}
    found |= {".".join(acronym.lower()) for acronym in SOLID_ACRONYM.findall(plain)}  # a final dot: see variants()
    found |= {(first + second).lower() for first, second in COMPOUND.findall(plain)}
    found |= {m[1] for m in map(PREFIXED.fullmatch, LETTERS.findall(plain.lower())) if m}
    return found


def variants(entries: list[Entry], split: re.Pattern[str], lexicon: dict[str, str]) -> list[str]:
    """For each entry, the spellings of its words that a reader may type and it lacks."""
    words_of = [words(f"{e.title} {e.text}", split) for e in entries]
    folded = {w: fold(w) for own in words_of for w in own}
    spellings: dict[str, set[str]] = {}
    for w, f in folded.items():
        spellings.setdefault(f, set()).add(w)
    plains = [html.unescape(TAG.sub(" ", e.text)) for e in entries]
    # Names do not inflect: only words the site also writes in lower case get other forms.
    lower_case = {w for plain in plains for w in LETTERS.findall(plain) if w.islower()}
    result = []
    for entry, written, plain in zip(entries, words_of, plains):
        own = set(written)
        spanish = spanish_words(plain)
        extra = written_together(f"{html.unescape(TAG.sub(' ', entry.title))} {plain}")
        for w in own:
            extra.add(folded[w])
            if not w.isalpha():
                continue
            extra |= spellings[folded[w]]
            if w not in lower_case or entry.boost:     # the edition's pages: their words as written
                continue
            extra |= english_forms(folded[w])
            if w in spanish:
                extra |= spanish_forms(w) | {fold(f) for f in spanish_forms(w)}
        known = sorted(own | extra)
        # A variant is left out when the next word in order starts with it: the typed word is
        # matched as a word's start. A dotted acronym ends with its dot, or the separator would
        # split off its last letter.
        kept = [v + "." if "." in v else v for v, later in zip(known, [*known[1:], ""])
                if v not in own and not later.startswith(v)]
        result.append(kept)
    worker = left_to_the_worker(words_of, result, lexicon)
    return [" ".join(v for v in kept if v not in worker) for kept in result]


def left_to_the_worker(words_of: list[list[str]], variants_of: list[list[str]], lexicon: dict[str, str]) -> set[str]:
    """The variants the edition's worker finds through a form the text writes (``written_form`` of
    scripts/article/text.py: "alliances" through "alliance", "militares" through "militar"), which find
    the same entries: no word of the index starts with the variant, every entry holding it
    writes a word that starts with the form, and every word starting with the form is one of
    its forms (else "parts", searched as "part", would find "party" too)."""
    written = {w for own in words_of for w in own}
    vocabulary = sorted({fold(w) for w in written} | {v for kept in variants_of for v in kept})
    starting = lambda word: vocabulary[bisect_left(vocabulary, word):bisect_right(vocabulary, word + "\uffff")]  # noqa: E731
    left = set()
    for variant in {v for kept in variants_of for v in kept}:
        # Spanish the lexicon maps ("ausencias": absence) is searched as written too, where the index holds it.
        if any(f in lexicon for f in spanish_forms_looked_up(fold(variant))):
            continue
        form = written_form(variant, written)
        if form and all(w == fold(form) or fold(form) in spanish_forms_looked_up(w) for w in starting(fold(form))) \
                and all(any(w.startswith(form) for w in own)
                        for own, kept in zip(words_of, variants_of) if variant in kept):
            left.add(variant)
    # The worker looks for a form only when no word of the index starts as the typed word does,
    # accents aside: a variant that starts another kept, so folded, stays.
    kept = sorted({fold(v) for kept in variants_of for v in kept if v not in left} | {fold(w) for w in written})
    return {v for v in left if not starts(kept, fold(v))}


# --- introduced terms ---------------------------------------------------------------------

def introduced_terms(plains: list[str], names: list[str]) -> set[str]:
    """Terms the article introduces: quoted after "known as" or "called", acronyms, index names."""
    terms = {term for plain in plains for term in INTRODUCED.findall(plain)}
    terms |= {a.strip() for plain in plains for a in DOTTED_ACRONYM.findall(plain) + SOLID_ACRONYM.findall(plain)}
    return terms | set(names)


def introductions(entries: list[Entry], names: list[str]) -> list[str]:
    """For each entry, the terms it is the first passage of the article to hold (paragraphs in
    order, then notes): where the article introduces them."""
    passages = {i: ARTICLE_PASSAGE.fullmatch(e.location.rpartition("#")[2]) for i, e in enumerate(entries)}
    order = sorted((i for i, found in passages.items() if found),
                   key=lambda i: (passages[i][1] != "p", int(passages[i][2])))
    plains = {i: html.unescape(TAG.sub(" ", entries[i].text)) for i in order}
    folded = {i: comparable(plain) for i, plain in plains.items()}  # once a passage, not once a term
    result = [""] * len(entries)
    for term in sorted(introduced_terms(list(plains.values()), names)):
        pattern = re.compile(rf"(?<!\w){re.escape(comparable(term))}(?!\w)")
        first = next((i for i in order if pattern.search(folded[i])), None)
        if first is not None:
            result[first] = f"{result[first]}|{term}".strip("|")
    return result


def index_names() -> list[str]:
    return [t.text for e in load_editor_data().entries for t in (e.name, *e.forms, *e.aliases)]


# --- events -------------------------------------------------------------------------------

PAGES: dict[str, list[Entry]] = {}
NAMES: dict[str, str] = {}     # a reference's anchor → its short label ("ref-lee1991" → "Lee 1991")
SITE_WORDS: set[str] = set()   # every word of every page, the print edition and code blocks included
NOT_SHOWN = re.compile(r"<(script|style)\b.*?</\1>|<head>.*?</head>", re.S)


def search_plugin(config: MkDocsConfig):
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None or not hasattr(plugin, "search_index"):
        raise PluginError("scripts/hooks/search_index.py needs Material's search plugin (plugins: - search)")
    return plugin


def on_config(config: MkDocsConfig) -> None:
    PAGES.clear()
    SITE_WORDS.clear()
    works = load_works(Path(config.config_file_path).parent / BIBLIOGRAPHY)
    NAMES.update({f"ref-{key}": work.label for key, work in works.items()})


@event_priority(50)  # before Material's plugin reads the page, while data-search-exclude marks are there
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return context
    entries = page_entries(page.url, page.content or "", page.title or "", search.get("boost"), NAMES)
    if search.get("boost") is None and not any(re.search(r"#p\d+$", e.location) for e in entries):
        for entry in entries:
            entry.boost = APPARATUS_BOOST
    for entry in entries:     # the locator map, on home: after the article's paragraphs that hold its places
        if entry.location.endswith("#map"):
            entry.boost = APPARATUS_BOOST
    PAGES[page.url] = entries
    # Material's plugin, next, would parse the page again for entries that on_post_build replaces
    # with these: its own per-page switch tells it to skip that work.
    page.meta["search"] = {**search, "exclude": True}
    return context


@event_priority(50)  # before Material's plugin writes the index: it writes these entries
def on_post_build(config: MkDocsConfig) -> None:
    plugin = search_plugin(config)
    if "variants" not in plugin.config.fields:
        raise PluginError("mkdocs.yml: plugins.search.fields needs a 'variants' field")
    entries = once([entry for url in sorted(PAGES) for entry in PAGES[url]])
    split = separator(plugin.config.separator)
    lexicon, thesaurus = spanish_lexicon(), spanish_lexicon("english")
    for entry, spelled, terms in zip(entries, variants(entries, split, lexicon), introductions(entries, index_names())):
        entry.variants = spelled
        entry.introduces = terms
    plugin.search_index.entries = [entry.as_json() for entry in entries]
    # The fold and the endings that the edition's search worker and docs/assets/reader.js use.
    rules = {"marks": COMBINING_MARKS.pattern, "endings": ENDINGS, "root": ROOT}
    write_script(config, FOLD_RULES, "self.readerFold", rules)
    # The words the worker never corrects (real words near the index's, and the site's own), and
    # the Spanish it maps to the index's English.
    indexed = {fold(w) for e in entries for w in words(f"{e.title} {e.text} {e.variants}", split)}
    written = {w for e in entries for w in words(f"{e.title} {e.text}", split)}
    # Of the site's own words, those the worker would otherwise correct: near a word of the index.
    shown = corrected(sorted(w for w in SITE_WORDS if len(w) >= 4), indexed, written=written)
    known = (set(real_words()) | set(shown)) - indexed - set(thesaurus)
    known = {w for w in known if not any(f in lexicon for f in spanish_forms_looked_up(w))}  # the worker maps these first
    function = " ".join(sorted({fold(w) for w in FUNCTION_WORDS if words(w, split)}))  # the separator drops the rest
    write_script(config, KNOWN_WORDS, "self.readerWords",
                 {"known": bloom_filter(known), "lexicon": by_english(lexicon, thesaurus), "function": function})


def by_english(lexicon: dict[str, str], thesaurus: dict[str, str]) -> str:
    """The lexicon the other way round, as one string: each English of the index with its Spanish
    words and phrases and, after a "+", the English words the text does not use for it
    ("accepted:aceptado|aceptar|+recognized;…"), without the Spanish words the worker finds
    through another form ("aceptadas" through "aceptado"). About a tenth smaller, gzipped, than
    Spanish → English, and a JSON object's quotes around each entry less again."""
    kept = dict(lexicon)
    for word in sorted((w for w in lexicon if " " not in w), key=lambda w: (-len(w), w)):
        english = kept.pop(word)
        if next((kept[f] for f in spanish_forms_looked_up(word) if f in kept), None) != english:
            kept[word] = english
    assert all(next(kept[f] for f in spanish_forms_looked_up(w) if f in kept) == e
               for w, e in lexicon.items() if " " not in w)
    grouped: dict[str, list[str]] = {}
    for word, english in [*kept.items(), *((f"+{w}", e) for w, e in thesaurus.items())]:
        grouped.setdefault(english, []).append(word)
    return ";".join(f"{english}:{'|'.join(sorted(words))}" for english, words in sorted(grouped.items()))


# The known words travel as a Bloom filter: a word of the set is always found in it; a word
# outside it is taken for one (and searched as typed, not corrected) once in KNOWN_ERROR.
KNOWN_ERROR = 0.01


def fnv(word: str, seed: int) -> int:
    """FNV-1a over the word's code points, 32 bits, from ``seed`` (as reader-search.js)."""
    h = seed
    for c in word:
        h = ((h ^ ord(c)) * 16777619) & 0xFFFFFFFF
    return h


def mixed(h: int) -> int:
    """MurmurHash3's finalizer of a 32-bit hash: the filter's second hash, independent of the first."""
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    return h ^ (h >> 16)


def bloom_filter(members: set[str]) -> dict[str, object]:
    """A Bloom filter of ``members``: its bits in base64 and its number of hashes, the i-th of
    a word's bits being (h1 + i·h2) mod size."""
    hashes = max(1, round(-math.log2(KNOWN_ERROR)))
    size = 8 * math.ceil(len(members) * -math.log(KNOWN_ERROR) / math.log(2) ** 2 / 8)
    bits = bytearray(size // 8)
    for word in sorted(members):
        h1 = fnv(word, 2166136261)
        h2 = mixed(h1)
        for i in range(hashes):
            at = (h1 + i * h2) % size
            bits[at >> 3] |= 1 << (at & 7)
    return {"bits": base64.b64encode(bytes(bits)).decode("ascii"), "hashes": hashes}


def write_script(config: MkDocsConfig, path: str, name: str, value: object) -> None:
    """A script the search worker imports, setting ``name`` to ``value``: every byte counts, as the
    reader downloads it with search."""
    out = Path(config.site_dir) / path
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(f"// Written by scripts/hooks/search_index.py\n{name}={json.dumps(value, separators=(',', ':'))}\n",
                   encoding="utf-8")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The words a reader sees on the page, its header, navigation and footer included."""
    shown = html.unescape(TAG.sub(" ", NOT_SHOWN.sub(" ", output)))
    SITE_WORDS.update(LETTERS.findall(fold(shown).lower()))
    return output


def on_env(env, config: MkDocsConfig, files):
    """Pages use the edition's search worker (scripts/overrides/main.html)."""
    env.globals["search_worker"] = SEARCH_WORKER
    return env
