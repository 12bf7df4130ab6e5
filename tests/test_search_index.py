"""The search index the build writes: one entry per paragraph and note, with the spellings readers type."""

from __future__ import annotations

import json
import re
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts" / "hooks"))

from search_index import Entry, folded, page_entries, variants, words  # noqa: E402

SEPARATOR = re.compile(r'[\s\-–—,;:!?=\[\]()"“”‘’\'/¶…]+|\.(?!\d)')


def variants_of(*texts: str) -> list[set[str]]:
    entries = [Entry(f"page/#p{i}", f"¶ {i}", f"<p>{text}</p>") for i, text in enumerate(texts, start=1)]
    return [set(v.split()) for v in variants(entries, SEPARATOR)]


def test_folding_drops_accents_and_tildes():
    assert folded("Apurímac Guzmán Peña") == "Apurimac Guzman Pena"


def test_an_accented_word_is_also_found_without_its_accent():
    assert "apurimac" in variants_of("in the Apurímac valley")[0]


def test_a_word_written_without_accent_is_also_found_with_the_articles_accent():
    assert "guzmán" in variants_of("post-Guzman history", "Abimael Guzmán")[0]


def test_words_of_one_stem_find_each_other():
    first, second = variants_of("a narcoterrorist organization", "known as narcoterrorism")
    assert "narcoterrorism" in first and "narcoterrorist" in second


def test_dotted_acronyms_and_hyphenated_words_are_also_found_written_solid():
    assert {"ffaa", "narcoterrorist"} <= variants_of("the Armed Forces (FF. AA.) and a narco-terrorist group")[0]


def test_a_word_is_not_repeated_among_its_own_variants():
    assert "firmas" not in variants_of("known as “firmas,” are weak", "the firmas")[0]


def test_each_paragraph_and_note_is_an_entry_of_its_own_without_its_permalink():
    html = ('<h1 id="intro">Introduction</h1><p id="p2">The Alto Huallaga Valley'
            '<a class="headerlink paragraph-link" href="#p2">¶2</a></p>'
            '<div class="footnote"><ol><li id="fn:1"><p>UNODC, “Estudio”'
            '<a class="footnote-backref" href="#fnref:1">↩</a></p></li></ol></div>')
    entries = page_entries("introduction/", "Introduction", html)
    assert [(e.location, e.title) for e in entries] == [
        ("introduction/", "Introduction"), ("introduction/#p2", "¶ 2"), ("introduction/#fn:1", "Note 1")]
    assert entries[1].text == "<p>The Alto Huallaga Valley</p>"
    assert "↩" not in entries[2].text


def test_the_built_index_has_an_entry_for_every_paragraph_of_the_article(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    paragraphs = sorted(int(m[1]) for doc in index["docs"] if (m := re.search(r"#p(\d+)$", doc["location"])))
    assert paragraphs == list(range(1, 21))


def test_the_built_index_leaves_out_the_print_edition_and_the_glossary(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith(("print/", "glossary/"))]


def test_every_accented_word_of_the_article_and_notes_is_indexed_without_its_accent(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    missing = []
    for doc in index["docs"]:
        own = set(words(f"{doc['title']} {doc['text']}", separator))
        searchable = own | set(doc["variants"].split())
        missing += [(doc["location"], w) for w in own if folded(w) != w and folded(w) not in searchable]
    assert missing == []
    assert any("apurímac" in set(doc["variants"].split()) for doc in index["docs"])  # and the reverse
