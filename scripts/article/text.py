"""Text facts shared by the split script and the build hooks: note markers, URLs, accents, words.

Nothing here knows about the article's structure; every other module may import it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Container
from functools import lru_cache
from itertools import combinations
from urllib.parse import urlsplit

MARKER = re.compile(r"\[(\d+)\]")
URL = re.compile(r"https?://[^\s;]+?(?=[,.;)]?(?:\s|;|$))")
SPACE = re.compile(r"\s+")
TAG = re.compile(r"<[^>]+>")
QUOTES = re.compile(r"[\"'“”„‟″‘’‚‛′`]")  # compared as one: typesetting turns one style into another
# The combining diacritical marks that decomposed accented letters carry (Unicode's blocks
# for them), removed in one pass rather than tested letter by letter.
COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def is_url(text: str) -> bool:
    """Whether ``text`` is a web address a browser can open: http(s), a host with a dot, no spaces."""
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and "." in (parts.hostname or "") and not SPACE.search(text.strip())


def fold(text: str) -> str:
    """Text without accents, for accent-insensitive matching: "Apurímac" → "Apurimac"."""
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))


def comparable(text: str) -> str:
    """Text compared without case, accents, quote styles or repeated spaces."""
    text = QUOTES.sub('"', fold(text))
    return " ".join(text.casefold().split())


@lru_cache(maxsize=None)
def comparable_character(char: str) -> str:
    """``comparable`` of one character, remembered: ``locate`` asks it of every character it reads."""
    return " " if char.isspace() else comparable(char)


def locate(text: str, phrase: str) -> tuple[int, int] | None:
    """Where ``phrase`` stands in ``text`` when both are compared as ``comparable`` compares them:
    the start and end of that stretch of ``text``, or None."""
    target = comparable(phrase)
    if not target or target not in comparable(text):
        return None
    keys = [comparable_character(char) for char in text]
    places = [i for i, key in enumerate(keys) for _ in key]        # where each compared character comes from
    found = re.search(re.escape(target).replace("\\ ", " +"), "".join(keys))
    return (places[found.start()], places[found.end() - 1] + 1) if found else None


def plain(text: str) -> str:
    """Paragraph text as a reader sees it: note markers removed, spaces collapsed."""
    return SPACE.sub(" ", MARKER.sub("", text)).strip()


def separator(pattern: str) -> re.Pattern[str]:
    """mkdocs.yml's ``plugins.search.separator`` as the browser reads it: ``\\b`` and ``\\w``
    know ASCII letters only."""
    return re.compile(pattern, re.ASCII)


def words(text: str, split: re.Pattern[str]) -> list[str]:
    """The lower-case words of plain text or HTML, split by the ``separator`` as Material's search
    worker splits them: before it lowers the case, so the separator sees the text as written."""
    plain = re.sub(r"\s", " ", html.unescape(TAG.sub(" ", text)))    # JavaScript's \s is Unicode's
    return [word.lower() for word in split.split(plain) if word and not word.isspace()]


# English and Spanish function words, question words and auxiliaries: no other forms are indexed
# for them, no translation of a Spanish word needs them, and search gives them no weight in a
# query of several words (scripts/hooks/word_forms.py, scripts/tools/lexicon_extract.py,
# scripts/hooks/search_index.py).
FUNCTION_WORDS = frozenset("""a able about across after all almost also am among an and any are as at be because been
before being below between both but by can cannot could did do does doing down during each either else ever every few
for from further had has have having he her here hers him his how however i if in into is it its just least less let
like likely many may me might more most much must my neither no nor not of off often on once only or other others our
own per rather said same say says she should since so some such than that the their them then there these they this
those though through thus to too under until up upon us very via was we were what when where whether which while who
whom whose why will with within without would yet you your al como con de del desde donde el ella en entre es esta este
fue la las lo los más mas no para pero por que se ser si sin sobre su sus un una uno y ya cual cuales cuál cuáles
cuando cuándo quien quienes quién porque qué cómo dónde hay han fueron son era eran""".split())


def spanish_forms_looked_up(word: str) -> list[str]:
    """The forms of a typed Spanish word the worker looks up, in order: as typed, its singular, its
    plural, and their masculine ("aceptadas", "aceptada", "aceptados", "aceptado"; as reader-search.js)."""
    forms = [word, re.sub(r"es$", "", word), re.sub(r"s$", "", word), f"{word}s", f"{word}es"]
    return forms + [re.sub(r"a$", "o", form) for form in forms]


def written_form(word: str, written: Container[str]) -> str | None:
    """The form of a typed word the worker searches when no word of the index starts with it: of its
    forms looked up, and then of its forms without accents, the first one other than itself, of four
    letters or more, that the index's titles and texts write as it stands (lower case: "alliance"
    for "alliances", "militar" for "militares", "cartel" for "cárteles"; as reader-search.js)."""
    forms = [*spanish_forms_looked_up(word), *spanish_forms_looked_up(fold(word))]   # "cárteles": cartel
    return next((f for f in forms if f != word and len(f) >= 4 and f in written), None)


# --- the search worker's corrections (docs/assets/javascripts/workers/reader-search.js) ---------

def limit(word: str) -> int:
    """The edit distance within which the worker replaces a typed word (as reader-search.js)."""
    return 2 if len(word) >= 8 else 1


def deletions(word: str, most: int) -> set[str]:
    """The word with up to ``most`` letters left out: two words within that edit distance share one."""
    return {"".join(c for i, c in enumerate(word) if i not in gone)
            for n in range(most + 1) for gone in combinations(range(len(word)), n)}


def distance(a: str, b: str) -> int:
    """Optimal string alignment distance (a swap of two letters is one edit), as the worker's."""
    rows = [list(range(len(b) + 1))]
    for i, x in enumerate(a, start=1):
        row = [i]
        for j, y in enumerate(b, start=1):
            d = min(rows[-1][j - 1] + (x != y), rows[-1][j] + 1, row[j - 1] + 1)
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                d = min(d, rows[-2][j - 2] + 1)
            row.append(d)
        rows.append(row)
    return rows[-1][-1]


def starts(ordered: list[str], word: str) -> bool:
    """Whether a word of ``ordered`` (sorted) starts with ``word``: the worker searches it as typed."""
    at = bisect_left(ordered, word)
    return at < len(ordered) and ordered[at].startswith(word)


def corrected(candidates: list[str], known: set[str], into: set[str] | None = None,
              written: Container[str] = ()) -> list[str]:
    """The candidates the worker would replace: no word of ``known`` starts with them, they have no
    form ``written`` in the index's titles and texts, and one of ``into`` (``known`` unless given)
    is within the worker's distance."""
    near: dict[str, set[str]] = {}
    for word in known if into is None else into:
        for gone in deletions(word, 2):
            near.setdefault(gone, set()).add(word)
    ordered = sorted(known)
    kept = []
    for word in candidates:
        others = {other for gone in deletions(word, limit(word)) for other in near.get(gone, ())}
        if not starts(ordered, word) and not written_form(word, written) \
                and any(distance(word, other) <= limit(word) for other in others):
            kept.append(word)
    return kept
