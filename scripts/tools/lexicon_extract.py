#!/usr/bin/env python3
"""Write the readers' words search maps to the text's English (scripts/data/search/lexicon.json).

    python scripts/tools/lexicon_extract.py            # build the site, rewrite the extract
    python scripts/tools/lexicon_extract.py --check    # exit 1 if the committed extract differs

Readers type Spanish for what the article says in English ("narcotraficantes", "crimen
organizado"). The extract maps a Spanish word or phrase to the English words of the index that
translate it, and holds only the entries that reach words of the index, and only Spanish the
article's paragraphs do not write ("firmas" is searched as written; "narcotráfico", which only a
note's Spanish title writes, is searched as written and as "drug trafficking"):

- the edition's own pairs: each Glossary entry's name in its other language, as the index holds
  the entry, "Policía Nacional del Perú" → "Peruvian National Police";
- Apertium's English–Spanish pair (Debian's apertium-eng-spa, GPL-2, run by Debian's apertium):
  the most frequent Spanish words (wordfreq's list, as written: Apertium knows "organización",
  not "organizacion") translated into English, and a word it does not know made of a prefix and
  a word it knows as the compounds it knows translate the prefix ("narcotraficantes" as
  "narcotráfico" and "tráfico" show: drug traffickers), kept where every content word of the English is a word of the
  article's text (its British -ise spelled -ize);
- FreeDict's Spanish–English dictionary (Debian's dict-freedict-spa-eng, GPL-2+): a headword
  (or a phrase) whose translation is a word of the index;
- the text's own -isms and -ists, and those inside its compounds, written as Spanish writes them
  where wordfreq's Spanish list attests the word ("narcoterrorismo"; "senderismo" in "neosenderism").

A translation in the plural or the third person ("valleys", "accepts") stands for the text's word
in the singular ("valley", "accept").

Readers also type English the text does not use for what it says ("regime" where it says
"authorities"). The extract's ``english`` maps such a word to a word of the article's text in
the same WordNet synset (Debian's wordnet-base, WordNet 3.0 licence): of the most frequent
English words (wordfreq, top 20,000) that no word of the index starts with, that neither the
Spanish entries nor a typo's correction reach, and that WordNet gives at most two senses (a
word of one meaning; not an "-ing" form, a verb's as often as the noun WordNet lists: "serving"
is no "helping"), to a word of the text whose first sense is that synset, rarer in English
than the words that say little ("get", "time"), and more English than Spanish ("loco").

Keys are folded as the search worker folds what is typed (lower case, no accents). The same
packages and the same index give the same bytes; the extract records their versions and licences.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

from article.text import (FUNCTION_WORDS, corrected, fold, separator, spanish_forms_looked_up, starts, words,
                          written_form)
from tools.words_extract import command, vocabulary, written_words

ROOT = Path(__file__).resolve().parents[2]
EXTRACT = ROOT / "scripts" / "data" / "search" / "lexicon.json"
FREEDICT = Path("/usr/share/dictd/freedict-spa-eng")
WORDNET = Path("/usr/share/wordnet")
SENSES = 2                       # a reader's English word of at most two senses
SAYS_LITTLE = 5.0                # wordfreq's Zipf frequency of "get", "time": a text's word this frequent says little
TOP = 20_000                     # the most frequent Spanish words
BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
BRITISH = [(re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"), (re.compile(r"our$"), "or")]
PASSAGE = re.compile(r"#(p|fn:)\d+$")
PARAGRAPH = re.compile(r"#p\d+$")
COINED = re.compile(r"^(?:narco|neo|post|socio)(?=[a-z]{4})")   # the prefixes of the article's compounds
ISM = re.compile(r"is[mt]s?$")
# A Glossary entry's text: its abbreviation, what it stands for, its name in the other language.
GLOSSARY = re.compile(r"<p>(?P<expansion>[^[*]+?) \*? ?\[(?P<language>Spanish|English): (?P<other>[^\]]+)\]")


def debian_package(name: str) -> dict:
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", name], capture_output=True, text=True,
                             check=True).stdout
    return {"package": name, "version": version, "from": "Debian"}


def translated(lines: list[str], pair: str) -> list[str]:
    """Each line translated by Apertium, one sentence each (a line break alone joins them)."""
    out = subprocess.run(["apertium", pair], input="".join(f"{line}.\n" for line in lines), capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert len(out) == len(lines), (pair, len(out), len(lines))
    return [line.strip().rstrip(".").lower() for line in out]


def freedict() -> dict[str, list[str]]:
    """FreeDict's headwords with their translations (the lines after the pronunciation)."""
    data = gzip.open(FREEDICT.with_suffix(".dict.dz")).read()
    number = lambda text: sum(BASE64.index(c) * 64 ** i for i, c in enumerate(reversed(text)))  # noqa: E731
    entries: dict[str, list[str]] = {}
    for line in FREEDICT.with_suffix(".index").read_text(encoding="utf-8").splitlines():
        head, offset, length = line.split("\t")
        if not head.startswith("00database"):
            body = data[number(offset):number(offset) + number(length)].decode("utf-8").splitlines()[1:]
            entries.setdefault(head, []).extend(re.sub(r"^\d+\.\s*", "", t).strip() for t in body if t.strip())
    return entries


class Index:
    """The index's words (folded, with their variants), the article's, and the Glossary's entries."""

    def __init__(self, index: dict) -> None:
        self.split = split = separator(index["config"]["separator"])
        self.glossary = [(GLOSSARY.match(d["text"].replace(d["title"].partition(": ")[2] + " ", "", 1)), d)
                         for d in index["docs"] if d["location"].startswith("glossary/#")]
        self.words, self.written = vocabulary(index), written_words(index)
        self.ordered = sorted(self.words)
        self.in_paragraph = {fold(w) for d in index["docs"] if PARAGRAPH.search(d["location"])
                             for w in words(f"{d['text']} {d.get('variants', '')}", split)}
        self.paragraphs = sorted(self.in_paragraph)
        self.text = {fold(w) for d in index["docs"] if PASSAGE.search(d["location"]) for w in words(d["text"], split)}

    def starts(self, word: str) -> bool:
        """Whether a word of the index starts with ``word``, or the index writes a form of it: the
        worker searches it as typed, or as that form."""
        return starts(self.ordered, word) or bool(written_form(word, self.written))

    def in_paragraphs(self, word: str) -> bool:
        """Whether a word of the article's paragraphs starts with ``word``, or they write a form of it:
        the text writes it."""
        return starts(self.paragraphs, word) or bool(written_form(word, self.in_paragraph))

    def english(self, text: str) -> str:
        """The index's words for an English translation, or "" if a content word is none of them."""
        kept = []
        for word in re.findall(r"[a-z]+", fold(text.lower())):
            if word in FUNCTION_WORDS:
                continue
            for pattern, american in BRITISH:
                if word not in self.text:
                    word = pattern.sub(american, word)
            # A plural whose singular the text writes ("valleys": valley), or a verb's third person.
            if word not in self.text and word.endswith("s"):
                singular = word[:-2] if re.search(r"(s|x|z|ch|sh)es$", word) else word[:-1]
                word = singular if singular in self.text and len(singular) > 3 else word
            if word not in self.text or len(word) < 3:
                return ""
            kept.append(word)
        return " ".join(kept)


def spanish_words(top: int) -> list[str]:
    """The most frequent Spanish words as written (accents kept), as wordfreq lists them."""
    import wordfreq

    return [w for w in dict.fromkeys(wordfreq.top_n_list("es", top, wordlist="best")) if w.isalpha()]


def compounds(translations: dict[str, str]) -> dict[str, str]:
    """Words Apertium does not know ("*narcotraficantes") made of a prefix and a word it knows,
    translated as the compounds it knows translate that prefix: "narcotráfico" is "drug
    trafficking" where "tráfico" is "traffic", so "narcotraficantes" is "drug traffickers"."""
    known = {w: t for w, t in translations.items() if not t.startswith("*")}
    prefixes: dict[str, str] = {}
    for word, english in sorted(known.items()):
        for k in range(3, len(word) - 3):
            rest, (head, _, last) = known.get(word[k:]), english.rpartition(" ")
            if rest and head and last.startswith(rest):     # "trafficking" of "traffic"
                prefixes.setdefault(word[:k], head)
    found = {}
    for word in sorted(w for w, t in translations.items() if t.startswith("*")):
        for prefix, english in sorted(prefixes.items(), key=lambda p: -len(p[0])):
            if word.startswith(prefix) and word[len(prefix):] in known:
                found[word] = f"{english} {known[word[len(prefix):]]}"
                break
    return found


def entries(index: Index) -> dict[str, str]:
    from tools.words_extract import real_words

    found: dict[str, str] = {}
    english_words = set(real_words("en", TOP))     # "defender" is English too: searched as typed

    def add(spanish: str, english: str, phrase: bool = False) -> None:
        key = " ".join(fold(w) for w in words(spanish, index.split))      # as the worker splits what is typed
        if (key and english and key != english and not all(map(index.in_paragraphs, key.split()))
                and (phrase or (" " not in key and key not in FUNCTION_WORDS and key not in english_words))):
            found.setdefault(key, english)

    for entry, _ in index.glossary:
        if entry:
            pair = (entry["other"], entry["expansion"]) if entry["language"] == "Spanish" \
                else (entry["expansion"], entry["other"])
            add(pair[0], index.english(pair[1]), phrase=True)
    spanish = [w for w in spanish_words(TOP) if len(w) >= 3]     # as written: Apertium knows "organización"
    apertium = dict(zip(spanish, translated(spanish, "spa-eng")))
    for word, english in {**apertium, **compounds(apertium)}.items():
        add(word, index.english(english))
    for head, translations in sorted(freedict().items()):
        for translation in translations:
            if english := index.english(translation):
                add(head, english, phrase=" " in head.strip())   # "Estados Unidos": United States
                break
    # The text's -isms and -ists, and those inside its compounds, as Spanish writes them, where
    # wordfreq attests the Spanish ("narcoterrorismo"; "senderismo" inside "neosenderism"): the
    # dictionaries know no such coinage.
    from wordfreq import zipf_frequency

    for word in sorted(index.text):
        for part in dict.fromkeys((word, COINED.sub("", word))):
            spanish = ISM.sub(lambda m: m[0].replace("ism", "ismo").replace("ist", "ista"), part)
            if spanish != part and zipf_frequency(spanish, "es") > 0:
                add(spanish, word)
    return dict(sorted(found.items()))


def wordnet_senses(part: str) -> dict[str, list[int]]:
    """Each lemma of a part of speech (``noun``, ``verb``, ``adj``) with its synsets' offsets, the
    most frequent sense first (WordNet's index files)."""
    senses = {}
    for line in (WORDNET / f"index.{part}").read_text(encoding="utf-8").splitlines():
        if not line.startswith(" "):
            fields = line.split()
            senses[fields[0]] = [int(f) for f in fields[6 + int(fields[3]):]]
    return senses


def synset(data: bytes, offset: int) -> list[str]:
    """The lemmas of the synset at ``offset`` of a WordNet data file, lower case."""
    fields = data[offset:data.index(b"\n", offset)].decode("utf-8").split()
    return [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(int(fields[3], 16))]


def thesaurus(index: Index, spanish: dict[str, str]) -> dict[str, str]:
    """Frequent English words the index does not hold, each to a word of the text in one of
    their WordNet synsets (see the module's docstring)."""
    from wordfreq import zipf_frequency

    from tools.words_extract import real_words

    parts = {part: (wordnet_senses(part), (WORDNET / f"data.{part}").read_bytes()) for part in ("noun", "verb", "adj")}
    found: dict[str, str] = {}
    for word in real_words("en", TOP):
        senses = [(part, offset) for part, (index_of, _) in parts.items() for offset in index_of.get(word, [])]
        if (word in FUNCTION_WORDS or index.starts(word) or len(senses) > SENSES or word.endswith("ing")
                or any(f in spanish for f in spanish_forms_looked_up(word))):
            continue
        for part, offset in senses:
            index_of, data = parts[part]
            said = [t for t in synset(data, offset) if t != word and t.isalpha() and t in index.text
                    and t not in FUNCTION_WORDS and index_of.get(t, [None])[0] == offset
                    and zipf_frequency(t, "es") < zipf_frequency(t, "en") < SAYS_LITTLE]
            if said:
                found.setdefault(word, said[0])
    near = set(corrected(sorted(found), index.words, written=index.written))     # a typo's correction reaches these
    return {word: text for word, text in sorted(found.items()) if word not in near}


def extract(index: dict) -> str:
    from importlib.metadata import version

    data = {
        "about": "Spanish words and phrases, and English words the text does not use, that the edition's "
                 "search maps to the English words of its index, written by scripts/tools/lexicon_extract.py "
                 "from the packages below; regenerate it, do not edit it. Keys are folded (lower case, no "
                 "accents).",
        "sources": [
            {"what": "the Glossary's names in their other language", "file": "scripts/data/abbreviations.yml"},
            {**debian_package("apertium-eng-spa"), "licence": "GPL-2",
             "what": "Apertium's English-Spanish pair, run by Debian's apertium "
                     f"{debian_package('apertium')['version']}: the most frequent Spanish words "
                     f"(wordfreq {version('wordfreq')}, top {TOP:,}) into English"},
            {**debian_package("dict-freedict-spa-eng"), "licence": "GPL-2+",
             "what": "FreeDict's Spanish-English dictionary"},
            {"package": "wordfreq", "version": version("wordfreq"), "licence": "Apache-2.0",
             "data_licence": "CC BY-SA 4.0",
             "what": "the text's -isms and -ists (and those inside its compounds) as Spanish writes them, "
                     "kept where wordfreq's Spanish list attests the word"},
            {**debian_package("wordnet-base"), "licence": "WordNet 3.0 (Princeton University)",
             "what": f"WordNet 3.0's synsets: the most frequent English words (wordfreq {version('wordfreq')}, "
                     f"top {TOP:,}) to a word of the text of the same meaning"},
        ],
    }
    head = json.dumps(data, ensure_ascii=False, indent=1)[:-2]
    words = Index(index)
    spanish = entries(words)
    sections = [(name, [f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in found.items()])
                for name, found in (("spanish", spanish), ("english", thesaurus(words, spanish)))]
    return head + "".join(f',\n "{name}": {{\n' + ",\n".join(lines) + "\n }" for name, lines in sections) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    return command(__doc__, EXTRACT, extract, argv)


if __name__ == "__main__":
    sys.exit(main())
