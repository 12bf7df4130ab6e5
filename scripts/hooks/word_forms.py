"""The other spellings a reader may type for a word of the text (not a hook itself).

Used by scripts/hooks/search_index.py, which puts them in each search entry's ``variants``
field. Material's search matches what the reader types as the start of a word of the index,
as typed: it never stems nor folds the query. So the index carries, for each word, the forms
a reader may type instead, and only those that are not the start of a word already there:

- the word without accents ("apurimac" for "Apurímac");
- English forms with the word's Snowball stem: singular and plural ("policy" for
  "policies"), verb forms ("cultivated", "cultivating"), and the -ion/-ate/-ive family
  ("cultivate" for "cultivation", "protect" for "protection"), and a doctrine with its follower
  ("terrorism" for "terrorist");
- for Spanish words (accented, or in a quoted Spanish title), Spanish forms with the word's
  Snowball stem: number ("firma" for "firmas", "transición" for "transiciones") and gender.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import Stemmer  # Snowball's stemmers in C: the pure-Python package takes 0.17 s to import 30 languages

from article.text import FUNCTION_WORDS  # function words have no other forms a reader would type


ENGLISH = Stemmer.Stemmer("english")
SPANISH = Stemmer.Stemmer("spanish")
NO_PLURAL = re.compile(r"((?<!p)ly|ous|ful|ing|ed|ish|less|[^m]ent|[^aeiou]al)$")   # adverbs, adjectives
DOUBLED = re.compile(r"([^aeiouls])\1$")
TAKES_E = re.compile(r"([^aeiou](at|ut|ot|[aiou]d|ar|ir|ur|in|ib|ub|[aeiou][ks])|iz|[cgvuz])$")
MAY_TAKE_E = re.compile(r"[^aeiou](et|or|[aeiou]l|on|ag)$")
# Irregular verbs: "sold", not "selled"; their past forms have another stem and are left out.
# The endings a word of the page loses to be compared with another form of it (docs/assets/
# reader.js highlights "policies" for "policy" through the rules the search hook writes for it):
# the inflections and derivations above, longest first; a root keeps at least ROOT letters.
ENDINGS = "ations?|ions?|ies|ied|ing|ed|es|isms?|ists?|s|ates?|ive|e|y"
ROOT = 4
IRREGULAR = frozenset("""sell speak drive grow get make take give begin find lead build know become come go see think
bring hold keep leave lose mean meet pay put run say send set show spread stand tell win write rise fight buy break
choose fall feel seek shoot strike throw wear withdraw undertake""".split())


def plural_or_singular(word: str) -> set[str]:
    if word.endswith("ies") and len(word) > 4:
        return {word[:-3] + "y"}
    if re.search(r"(ch|sh|ss|x|z)es$", word):
        return {word[:-2]}
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return {word[:-1]}
    if NO_PLURAL.search(word):
        return set()
    if re.search(r"[^aeiou]y$", word):
        return {word[:-1] + "ies"}
    return {word + ("es" if re.search(r"(ch|sh|s|x|z)$", word) else "s")}


def verbs_of(word: str) -> set[str]:
    """The verbs a word is a form of, or derives from: "cultivation" → "cultivate"."""
    verbs: set[str] = set()
    if m := re.fullmatch(r"(.{3,})ied", word):
        verbs.add(m[1] + "y")
    elif m := re.fullmatch(r"(.{3,})(ing|ed)", word):
        root = m[1]
        if DOUBLED.search(root):
            verbs.add(root[:-1])
        elif TAKES_E.search(root):
            verbs.add(root + "e")
        else:
            verbs |= {root, root + "e"} if MAY_TAKE_E.search(root) else {root}
    elif re.search(r"(ate|ize|ise|ify)s?$", word):
        verbs.add(word.removesuffix("s"))
    single = word.removesuffix("s")
    for pattern, replacements in ((r"(.{3,})ization", ("ize",)), (r"(.{3,})ification", ("ify",)),
                                  (r"(.{3,}[^aeiouv][^aeiou])ation", ("",)), (r"(.{3,})ation", ("ate",)),
                                  (r"(.{3,}u)ction", ("ce",)), (r"(.{3,}[cp]t)ion", ("",)),
                                  (r"(.{3,}ss)ion", ("",)), (r"(.{3,}[aeiou]t)ion", ("e",)),
                                  (r"(.{3,})ative", ("ate",)), (r"(.{3,}(?:[cp]t|ss))ive", ("",))):
        if m := re.fullmatch(pattern, single):
            verbs |= {m[1] + r for r in replacements}
            break
    return verbs - IRREGULAR


def verb_forms(verb: str) -> set[str]:
    forms = {verb}
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", verb):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    else:
        forms |= {verb + ("es" if re.search(r"(ch|sh|s|x|z)$", verb) else "s"), verb + "ed", verb + "ing"}
    if verb.endswith("ate"):
        forms |= {verb[:-1] + "ion", verb[:-1] + "ions", verb[:-1] + "ive"}
    elif verb.endswith("ize"):
        forms |= {verb[:-1] + "ation", verb[:-1] + "ations"}
    elif re.search(r"(ct|pt|ss)$", verb):
        forms |= {verb + "ion", verb + "ions", verb + "ive"}
    return forms


@lru_cache(maxsize=None)
def english_forms(word: str) -> frozenset[str]:
    """Other English forms of a lower-case word that share its Snowball stem."""
    if word in FUNCTION_WORDS:
        return frozenset()
    forms = plural_or_singular(word)
    for verb in verbs_of(word):
        forms |= verb_forms(verb)
    stem = ENGLISH.stemWord(word)
    return frozenset(f for f in forms if f != word and len(f) >= 3 and ENGLISH.stemWord(f) == stem) | isms(word)


def isms(word: str) -> frozenset[str]:
    """The doctrine and its follower, which Snowball stems apart: "terrorism" ↔ "terrorist(s)"."""
    if m := re.fullmatch(r"(.{3,}[^s])is(m|ts?)", word):      # not "consist", "persist"
        return frozenset({m[1] + "ism", m[1] + "ist", m[1] + "ists"} - {word})
    return frozenset()


@lru_cache(maxsize=None)
def spanish_forms(word: str) -> frozenset[str]:
    """Other Spanish forms (number, and gender of adjectives) that share the word's stem."""
    if word in FUNCTION_WORDS:
        return frozenset()
    forms: set[str] = set()
    if word.endswith("ciones"):
        forms.add(word[:-6] + "ción")
    elif word.endswith(("ción", "cion")):
        forms.add(word[:-4] + "ciones")
    elif re.search(r"[aeiouáéíóú]s$", word):
        forms.add(word[:-1])
    elif re.search(r"[^aeiouáéíóú]es$", word):
        forms.add(word[:-2])
    else:
        forms.add(word + ("s" if re.search(r"[aeiouáéíóú]$", word) else "es"))
    for form in [word, *forms]:
        if m := re.search(r"(?:ic|ad|id|iv|os|an)([oa])(s?)$", form):
            forms.add(form[:m.start(1)] + ("a" if m[1] == "o" else "o") + m[2])
    stem = SPANISH.stemWord(word)
    return frozenset(f for f in forms if f != word and len(f) >= 3 and SPANISH.stemWord(f) == stem)


SEARCH_DATA = Path(__file__).resolve().parents[1] / "data" / "search"


def real_words() -> list[str]:
    """English words near the index's that are no misspellings (folded, lower case), from
    scripts/tools/words_extract.py."""
    return json.loads((SEARCH_DATA / "words.json").read_text(encoding="utf-8"))["words"]


def spanish_lexicon(section: str = "spanish") -> dict[str, str]:
    """Spanish words and phrases (folded) and the index's English words for them, or with
    ``section="english"`` the English words the text does not use and the text's word for each,
    from scripts/tools/lexicon_extract.py."""
    return json.loads((SEARCH_DATA / "lexicon.json").read_text(encoding="utf-8"))[section]

