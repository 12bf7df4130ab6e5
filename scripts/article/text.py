"""Text facts shared by the split script and the build hooks: note markers, URLs, accents, words.

Nothing here knows about the article's structure; every other module may import it.
"""

from __future__ import annotations

import re
import unicodedata

MARKER = re.compile(r"\[(\d+)\]")
URL = re.compile(r"https?://[^\s;]+?(?=[,.;)]?(?:\s|;|$))")
SPACE = re.compile(r"\s+")
TAG = re.compile(r"<[^>]+>")
NON_WORD_EDGES = re.compile(r"^\W+|\W+$")
DOUBLE_QUOTES = re.compile(r"[“”„‟″]")
SINGLE_QUOTES = re.compile(r"[‘’‚‛′`]")
# The combining diacritical marks that decomposed accented letters carry (Unicode's blocks
# for them), removed in one pass rather than tested letter by letter.
COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Text without accents, for accent-insensitive matching: "Apurímac" → "Apurimac"."""
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))


def comparable(text: str) -> str:
    """Text compared without case, accents, quote styles or repeated spaces."""
    text = SINGLE_QUOTES.sub("'", DOUBLE_QUOTES.sub('"', fold(text)))
    return " ".join(text.casefold().split())


def plain(text: str) -> str:
    """Paragraph text as a reader sees it: note markers removed, spaces collapsed."""
    return SPACE.sub(" ", MARKER.sub("", text)).strip()


def words(text: str, separator: re.Pattern[str]) -> list[str]:
    """The lowercase words of plain text or HTML, split as the site's search splits them
    (``separator`` is mkdocs.yml's ``plugins.search.separator``)."""
    lowered = TAG.sub(" ", text).lower()
    return [w for w in (NON_WORD_EDGES.sub("", part) for part in separator.split(lowered)) if w]
