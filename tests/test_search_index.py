"""The search index the build writes: one entry per paragraph and note, with the spellings readers type."""

from __future__ import annotations

import json
import re

import yaml
from conftest import ROOT

from article.config import ConfigLoader
from article.text import fold as folded
from article.text import separator as compiled
from article.text import words as tokens
from hooks.search_index import Entry, introductions, once, page_entries, variants
from hooks.word_forms import english_forms, spanish_forms, spanish_lexicon


def search_config() -> dict:
    plugins = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)["plugins"]
    return next(p["search"] for p in plugins if isinstance(p, dict) and "search" in p)


SEPARATOR = compiled(search_config()["separator"])


def variants_of(*texts: str) -> list[set[str]]:
    entries = [Entry(f"page/#p{i}", f"¶ {i}", f"<p>{text}</p>") for i, text in enumerate(texts, start=1)]
    return [set(tokens(v, SEPARATOR)) for v in variants(entries, SEPARATOR, spanish_lexicon())]


def index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_folding_drops_accents_and_tildes():
    assert folded("Apurímac Guzmán Peña") == "Apurimac Guzman Pena"


def test_an_accented_word_is_also_found_without_its_accent():
    assert "apurimac" in variants_of("in the Apurímac valley")[0]


def test_a_word_written_without_accent_is_also_found_with_the_accent_the_site_gives_it():
    assert "guzmán" in variants_of("post-Guzman history", "Abimael Guzmán")[0]


def test_a_plural_is_found_by_its_singular_and_a_noun_by_its_verb():
    first, second = variants_of("drug policies", "coca cultivation")
    assert "policy" in first
    assert {"cultivate", "cultivated", "cultivating"} <= second | {v[:-1] for v in second}


def test_names_get_no_invented_plurals():
    assert not {"escobars", "apurimacs"} & variants_of("Pablo Escobar in Apurimac")[0]


def test_spanish_words_get_spanish_forms():
    assert "firma" in spanish_forms("firmas") and "transición" in spanish_forms("transiciones")
    assert "firma" in english_forms("firmas") or "firma" in spanish_forms("firmas")


def test_dotted_acronyms_and_hyphenated_words_are_also_found_written_solid():
    found = variants_of("the Armed Forces (FF. AA.) and a narco-terrorist group")[0]
    assert {"ffaa", "narcoterrorist"} <= found


def test_an_acronym_is_found_dotted():
    assert "p.n.p" in variants_of("the police (PNP)")[0]


def test_a_variant_that_starts_a_word_of_the_entry_is_left_out():
    # Material matches the typed word as the start of a word: "traffickers" already finds "trafficker".
    assert "trafficker" not in variants_of("drug traffickers")[0]


def test_articles_and_short_prepositions_are_no_words_of_the_index():
    assert tokens("The alliance of SL in the VRAEM and el Perú", SEPARATOR) == ["alliance", "sl", "vraem", "perú"]


def test_possessives_and_dotted_acronyms_split_as_readers_type_them():
    assert tokens("Escobar’s cartel and the U.S. Department (FF. AA.)", SEPARATOR) == [
        "escobar", "cartel", "u.s", "department", "ff", "aa"]


def test_each_paragraph_and_note_is_an_entry_of_its_own_without_markers_and_permalinks():
    content = ('<h1 id="intro">Introduction</h1><p class="reading-time" data-search-exclude>1 min read</p>'
               '<p id="p2">The Alto Huallaga Valley<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
               '<a class="headerlink paragraph-link" href="#p2">¶2</a></p>'
               '<div class="footnote"><ol><li id="fn:1"><p>UNODC, “Estudio”, <a class="bare-url" href="https://x.org/">'
               'https://x.org/</a><br />Full reference: UNODC 2020.<a class="footnote-backref" href="#fnref:1">↩</a>'
               '</p></li></ol></div>')
    entries = page_entries("introduction/", content, "Introduction")
    assert [(e.location, e.title, e.text) for e in entries] == [
        ("introduction/", "Introduction", ""),
        ("introduction/#p2", "¶2", "<p>The Alto Huallaga Valley</p>"),
        ("introduction/#fn:1", "Note 1", "<p>UNODC, “Estudio”, x.org</p>")]


def test_a_note_is_indexed_once_as_its_footnote():
    entries = [Entry("notes/#note-6", "Note 6", "x"), Entry("page/#fn:6", "Note 6", "x"),
               Entry("notes/#note-12", "Note 12", "y")]
    assert [e.location for e in once(entries)] == ["page/#fn:6", "notes/#note-12"]


def test_the_built_index_has_an_entry_for_every_paragraph_and_note_once(site):
    locations = [doc["location"] for doc in index(site)["docs"]]
    paragraphs = sorted(int(m[1]) for loc in locations if (m := re.search(r"#p(\d+)$", loc)))
    notes = sorted(int(m[1]) for loc in locations if (m := re.search(r"#(?:fn:|note-)(\d+)$", loc)))
    assert paragraphs == list(range(1, 21))
    assert notes == list(range(1, 12))


def test_the_built_index_leaves_out_the_print_edition_and_the_cite_pages_code(site):
    docs = index(site)["docs"]
    assert not [doc["location"] for doc in docs if doc["location"].startswith("print/")]
    assert not [doc["location"] for doc in docs if "@incollection" in doc["text"] or "TY  - CHAP" in doc["text"]]


def test_each_entry_of_the_editions_pages_is_a_result_at_its_anchor_titled_by_its_page(site):
    titles = {doc["location"]: doc["title"] for doc in index(site)["docs"]}
    assert titles["glossary/#abbr-pnp"] == "Glossary: PNP"
    assert titles["timeline/#1952"] == "Timeline: 1952"
    assert titles["index-of-names/#name-guzman-abimael"] == "Index: Guzmán, Abimael"
    assert titles["references/#ref-lee1991"] == "References: Lee 1991"
    assert titles["about/#disclaimer"] == "About this edition: Disclaimer"


def test_a_glossary_row_is_an_entry_of_its_own_with_its_cells_words_apart():
    content = ('<h1 id="glossary">Glossary</h1><p>The abbreviations.</p><table><tbody><tr>'
               '<td><span id="abbr-pnp"><abbr title="x">PNP</abbr></span></td><td>Peruvian National Police '
               '<span class="editorial">[Spanish: Policía Nacional del Perú]</span></td><td><a href="#p10">¶10</a></td>'
               '</tr></tbody></table>')
    own, row = page_entries("glossary/", content, "Glossary")
    assert (own.text, row.location, row.title) == ("<p>The abbreviations.</p>", "glossary/#abbr-pnp", "Glossary: PNP")
    assert row.text == "<p>PNP Peruvian National Police [Spanish: Policía Nacional del Perú] ¶10</p>"


def test_the_built_index_keeps_materials_format_and_the_configured_search(site):
    built = index(site)
    assert set(built) == {"config", "docs"}
    assert built["config"]["separator"] == search_config()["separator"]
    assert built["config"]["pipeline"] == search_config()["pipeline"]
    # and two keys Material passes through untouched, read by the edition's worker: what a page's
    # result shows, and the terms a passage introduces
    assert all(set(doc) <= {"location", "title", "text", "variants", "boost", "snippet", "introduces"}
               for doc in built["docs"])


def test_every_accented_word_of_the_article_and_notes_is_indexed_without_its_accent(site):
    missing = []
    for doc in index(site)["docs"]:
        own = set(tokens(f"{doc['title']} {doc['text']}", SEPARATOR))
        searchable = own | set(tokens(doc.get("variants", ""), SEPARATOR))
        missing += [(doc["location"], w) for w in own
                    if folded(w) != w and not any(s.startswith(folded(w)) for s in searchable)]
    assert missing == []


def test_the_hook_neither_reads_the_written_site_nor_imports_materials_search_code():
    source = (ROOT / "scripts" / "hooks" / "search_index.py").read_text(encoding="utf-8")
    imports = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert not [line for line in imports if "material" in line]
    assert "read_text(" not in source and "open(" not in source


def test_two_builds_write_the_same_index(tmp_path, site):
    from conftest import build_site

    result = build_site(tmp_path / "again")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "again" / "search" / "search_index.json").read_bytes() == \
        (site / "search" / "search_index.json").read_bytes()


def test_a_pages_own_entry_leaves_out_the_running_line_and_shows_its_first_words():
    content = ('<p class="article-name"><a href="../">The Article</a></p><h1 id="s">Section</h1>'
               '<p id="p3">First words of the section, and more.</p>')
    own, passage = page_entries("s/", content, "Section")
    assert "The Article" not in own.text
    assert own.snippet == "<p>First words of the section, and more.</p>"
    assert passage.location == "s/#p3"


def test_home_is_found_by_its_title_blocks_words_not_its_links_nor_its_download_line():
    content = ('<h1 id="t">Title</h1><p class="title-block" data-search-exclude=""><strong>Publisher</strong><br />'
               'Published in <em>The Book</em><br /><a href="x">Read the original</a></p>'
               '<p class="downloads site-only">Download: <a href="a.pdf">PDF</a> (64 kB).</p><p id="p1">Text.</p>')
    own = page_entries("", content, "Title")[0]
    assert "Publisher" in own.text and "The Book" in own.text
    assert "Read the original" not in own.text and "Download" not in own.text


def test_a_notes_source_address_is_indexed_as_its_host():
    content = ('<li id="fn:6"><p>U.S. Department of Justice (2022), <a class="bare-url" href="https://www.justice.gov/a/b">'
               'https://www.justice.gov/a/b</a>; Pablo G. Dreyfus</p></li>')
    note = page_entries("s/", content, "S")[-1]
    assert "(2022), justice.gov; Pablo G. Dreyfus" in note.text


def test_a_term_is_introduced_by_the_first_passage_of_the_article_that_holds_it():
    entries = [Entry("b/#p12", "¶12", "<p>about 12 “firmas” in Peru</p>"),
               Entry("a/#p10", "¶10", "<p>organizations, known as “firmas,” are weak</p>"),
               Entry("a/#fn:1", "Note 1", "<p>firmas again</p>")]
    assert introductions(entries, []) == ["", "firmas", ""]


def test_the_real_words_extract_is_what_its_script_makes_from_the_pinned_word_list(site):
    from tools.words_extract import EXTRACT, extract

    assert extract(index(site)) == EXTRACT.read_text(encoding="utf-8"), "run scripts/tools/words_extract.py"


def test_the_spanish_extract_is_what_its_script_makes_from_the_pinned_dictionaries(site):
    from tools.lexicon_extract import EXTRACT, extract

    assert extract(index(site)) == EXTRACT.read_text(encoding="utf-8"), "run scripts/tools/lexicon_extract.py"

