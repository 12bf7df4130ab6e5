#!/usr/bin/env python3
"""Write the real words search must not correct (scripts/data/search/words.json) from wordfreq.

    python scripts/tools/words_extract.py            # build the site, rewrite the extract
    python scripts/tools/words_extract.py --check    # exit 1 if the committed extract differs

The edition's search worker replaces a typed word that no word of the index starts with by the
nearest words of the index (docs/assets/javascripts/workers/reader-search.js). A real English
or Spanish word is no misspelling: it is searched as typed. Only the real words the worker would
otherwise replace matter, those within its distance of a word of the index (1 for 4 to 7
letters, 2 for 8 and more), so the extract holds those alone: a few thousand of the most
frequent English and Spanish words of wordfreq's lists (pinned in uv.lock), folded as the worker folds what is
typed. A word typed with its accents is corrected only into a word the site writes with accents
too, so of Spanish words written with accents a wider list is checked against those alone. It
records wordfreq's version and licences; the same package and the same index give the same bytes.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from article.text import corrected, fold, separator, words

ROOT = Path(__file__).resolve().parents[2]
EXTRACT = ROOT / "scripts" / "data" / "search" / "words.json"
# Readers type both: a Spanish word near an English one of the index ("cosa" near "coca") is
# searched as typed, or as the text's English for it (scripts/tools/lexicon_extract.py).
LANGUAGES = {"en": "English", "es": "Spanish"}
TOP = 10_000                   # the most frequent words of each language's list
ACCENTED_TOP = 50_000          # of Spanish words written with accents, which are corrected into few words
SHORTEST = 4                   # the worker leaves shorter words as typed
DATA_LICENCE = "CC BY-SA 4.0"  # wordfreq's word lists (its code is Apache-2.0)


def vocabulary(index: dict) -> set[str]:
    """The index's words as the worker folds them: entries' titles and texts, and their variants."""
    split = separator(index["config"]["separator"])
    return {fold(w) for doc in index["docs"]
            for w in words(f"{doc['title']} {doc['text']} {doc.get('variants', '')}", split)}


def real_words(language: str, top: int = TOP, accented: bool = False) -> list[str]:
    """The language's ``top`` most frequent words, folded; only those written with accents if ``accented``."""
    import wordfreq

    listed = wordfreq.top_n_list(language, top, wordlist="best")
    return [w for w in dict.fromkeys(fold(w) for w in listed if not accented or fold(w) != w.lower())
            if len(w) >= SHORTEST and re.fullmatch(r"[a-z]+", w)]


def written_words(index: dict) -> set[str]:
    """The words the index's titles and texts write (lower case, accents kept): a typed word's form
    among them is searched (``written_form`` of scripts/article/text.py)."""
    split = separator(index["config"]["separator"])
    return {w for doc in index["docs"] for w in words(f"{doc['title']} {doc['text']}", split)}


def written_with_accents(written: set[str]) -> set[str]:
    """Of the index's ``written`` words, those written with accents, folded: the only ones the worker
    corrects a word typed with accents into."""
    return {fold(w) for w in written if fold(w) != w}


def extract(index: dict) -> str:
    """The extract's text for a built site's search index."""
    known, written = vocabulary(index), written_words(index)
    version = importlib.metadata.version("wordfreq")
    found = {code: corrected(real_words(code), known, written=written) for code in LANGUAGES}
    found["accented"] = corrected(real_words("es", ACCENTED_TOP, accented=True), known, written_with_accents(written),
                                  written)
    data = {
        "about": "Real words the edition's search must not correct into words of the index, written by "
                 "scripts/tools/words_extract.py from the package below (pinned in uv.lock); regenerate it, "
                 "do not edit it. Of each language's most frequent words, those within the search worker's "
                 "distance of a word of the index, and of the Spanish words written with accents those within "
                 "its distance of a word the index writes with accents, folded (lower case, no accents).",
        "source": {"package": "wordfreq", "version": version, "licence": "Apache-2.0",
                   "data_licence": DATA_LICENCE, "lists": {**{code: f"{LANGUAGES[code]}, 'best' list, top {TOP:,}"
                                                              for code in LANGUAGES},
                                                           "accented": f"Spanish, 'best' list, top {ACCENTED_TOP:,}, "
                                                                       "words written with accents"}},
        "words": sorted({w for ws in found.values() for w in ws}),
    }
    head = json.dumps({k: v for k, v in data.items() if k != "words"}, ensure_ascii=False, indent=1)[:-2]
    return head + ',\n "words": [\n' + ",\n".join(json.dumps(w) for w in data["words"]) + "\n ]\n}\n"


def built_index() -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", scratch],
                       cwd=ROOT, check=True)
        return json.loads((Path(scratch) / "search" / "search_index.json").read_text(encoding="utf-8"))


def command(doc: str, path: Path, make, argv: list[str] | None = None) -> int:
    """An extract script's command line: rewrite ``path`` with ``make(built index)``, or --check it."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed extract differs")
    args = parser.parse_args(argv)
    text = make(built_index())
    name = path.relative_to(ROOT)
    if args.check:
        same = path.exists() and path.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{name} is out of date: run the script without --check")
        return 0 if same else 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return command(__doc__, EXTRACT, extract, argv)


if __name__ == "__main__":
    sys.exit(main())
