"""Search finds what readers type: floors on queries generated from the whole article.

tests/search_eval.py generates the queries from every paragraph and note and runs them all
through Material's search worker as the site ships it, on this site and on the baseline (the
same pages with Material's default search). Deterministic: nothing here is timed.
"""

from __future__ import annotations

import json
import re

import pytest
import search_eval
from search_eval import BACK_MATTER, CLASSES, Evaluation


@pytest.fixture(scope="session")
def baseline(tmp_path_factory):
    out = tmp_path_factory.mktemp("baseline")
    result = search_eval.build_baseline(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def queries(site):
    return search_eval.queries_for(site)


@pytest.fixture(scope="session")
def ours(site, queries) -> Evaluation:
    return search_eval.evaluate(site, queries)


@pytest.fixture(scope="session")
def theirs(baseline, queries) -> Evaluation:
    return search_eval.evaluate(baseline, queries)


def misses(evaluation: Evaluation, cls: str, limit: int = 8) -> list[str]:
    return [f"{o.query.text!r} (rank {o.rank}, top {o.top})" for o in evaluation.misses(cls)][:limit]


def test_the_queries_come_from_every_paragraph_and_note_in_every_class(site, queries):
    passages = search_eval.passages(site)
    assert len(passages) == 31                              # 20 paragraphs, 11 notes
    held = {location for q in queries if q.cls == "word" for location in q.holders}
    assert {p.locations[0] for p in passages} <= held
    counts = {cls: sum(q.cls == cls for q in queries) for cls in CLASSES}
    assert all(counts.values()), counts
    assert len(queries) > 5000


def test_the_queries_are_the_same_every_time(site, queries):
    again = search_eval.queries_for(site)
    assert [(q.cls, q.text, q.holders) for q in again] == [(q.cls, q.text, q.holders) for q in queries]


GENERATED = ["word", "case", "inflection", "accent", "hyphen", "acronym", "phrase", "name", "number", "prefix"]
NEW = ["compound", "book", "title"]     # words inside compounds; the book's and publisher's; section titles


@pytest.mark.parametrize("cls", GENERATED + NEW)
def test_the_holding_paragraph_is_in_the_top_three(ours, cls):
    score = ours.by_class()[cls]
    assert score.recall3 >= 0.98, misses(ours, cls)


@pytest.mark.parametrize("cls", GENERATED + ["compound"])
def test_the_top_three_link_to_the_holding_paragraph_not_only_its_page(ours, cls):
    assert ours.by_class()[cls].linked >= 0.98


def test_a_typo_finds_the_holding_paragraph_in_the_top_three(ours):
    assert ours.by_class()["typo"].recall3 >= 0.95, misses(ours, "typo")


def test_a_passage_that_introduces_a_term_comes_first_for_it(ours):
    assert ours.by_class()["introduced"].first >= 0.9, [
        (o.query.text, o.top) for o in ours.outcomes if o.query.cls == "introduced" and not o.first]


def test_a_query_of_words_the_index_holds_is_searched_as_typed(site, queries):
    """No word that exists is replaced: only typos (and the Spanish form of a word inside a compound,
    which the index does not hold) are corrected; Spanish that only the edition's pages and the
    notes' titles write ("Gobierno") is searched as written and in the text's English too."""
    texts = sorted({q.text for q in queries if q.cls not in ("typo", "compound", "spanish", "thesaurus")})
    _, searched = search_eval.run(site, texts, with_searched=True)
    words = lambda text: {search_eval.folded(w) for w in search_eval.words_of(text) if search_eval.is_content(w)}  # noqa: E731
    assert [(t, s) for t, s in zip(texts, searched) if s and not words(t) <= words(s)] == []


def test_a_real_english_or_spanish_word_or_a_word_the_site_writes_is_never_replaced_by_another(site):
    """The most frequent English and Spanish words that stand nowhere on the site, and every word
    the site shows (its References, Index, map, code blocks and print edition included), are
    searched as typed, or a Spanish word as the text's English for it and an English word the text does not
    use as the text's word for it (the reader told so): never corrected into another word."""
    shown = search_eval.site_words(site)
    texts = sorted((search_eval.real_words() - shown) | {w for w in shown if len(w) >= 4 and w.isalpha()})
    _, said = search_eval.run(site, texts, told=True)
    assert len(texts) > 10000
    assert [(t, s) for t, s in zip(texts, said) if s and "Showing results for" in s] == []


def test_a_spanish_word_typed_with_its_accents_is_never_replaced_by_another(site):
    """Spanish words written with accents, of wordfreq's 50,000 most frequent ("alió", "pactó"), that
    stand nowhere on the site: typed with their accents, none is corrected into another word."""
    from article.text import fold

    shown = search_eval.site_words(site)
    texts = sorted({w for w in search_eval.spanish_words_with_accents() if fold(w) not in shown})
    _, said = search_eval.run(site, texts, told=True)
    assert len(texts) > 5000
    assert [(t, s) for t, s in zip(texts, said) if s and "Showing results for" in s] == []


def test_a_spanish_questions_opening_mark_is_no_word_and_its_accented_words_stay_as_typed(site):
    results, said = search_eval.run(site, ["¿por qué Sendero Luminoso se alió con el narcotráfico?"], told=True)
    assert said == ["Spanish “narcotráfico”: drug trafficking"]      # nothing corrected
    top = results[0][0][0]
    assert top["location"] == "#p1" and not any("¿" in term for term in top["terms"])   # no "Missing: ¿"


def test_a_name_the_index_files_elsewhere_finds_its_entry_not_the_cross_reference(site):
    """Each "see" line of the Index ("“Vampiro”, see Escalante, Catalino"), searched by its form,
    leads to the entry it points to; no result is a heading's list of cross-references."""
    page = (site / "index-of-names" / "index.html").read_text(encoding="utf-8")
    see = re.findall(r'<li[^>]*>([^<]*?), <em>see</em> <a href="#([^"]+)">', page)
    assert len(see) >= 10
    forms = [re.sub(r"<[^>]+>|[“”]", "", form) for form, _ in see]
    results, _ = search_eval.run(site, forms, with_searched=True)
    found = [[item["location"] for group in groups for item in group] for groups in results]
    assert [form for form, (_, entry), at in zip(forms, see, found) if f"index-of-names/#{entry}" not in at] == []
    assert [form for form, at in zip(forms, found) if any(re.search(r"index-of-names/#(?!name-)", a) for a in at)] == []


def test_spanish_only_the_notes_and_the_editions_pages_write_is_found_there_as_well_as_in_english(site):
    """"narcotráfico", which a note's Spanish title writes and the text says as "drug trafficking",
    finds the paragraphs (the Spanish class) and the entries that write it too."""
    from hooks.word_forms import spanish_lexicon

    def words(text: str) -> set[str]:
        return {search_eval.folded(w) for w in search_eval.words_of(re.sub(r"<[^>]+>", " ", text))}

    def holds(shown: set[str], key: str) -> bool:
        return all(any(w.startswith(part) for w in shown) for part in key.split())

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    written = set().union(*(words(f"{doc['title']} {doc['text']}") for doc in index["docs"]))
    keys = sorted(k for k in spanish_lexicon() if holds(written, k))
    results, _ = search_eval.run(site, keys, with_searched=True)
    assert len(keys) >= 10 and "narcotrafico" in keys
    assert [k for k, groups in zip(keys, results)
            if not any(holds(words(f"{i.get('title', '')} {i['text']}"), k) for g in groups for i in g)] == []


def test_a_word_typed_with_accents_the_site_does_not_write_finds_it_as_the_site_writes_it(site):
    results, _ = search_eval.run(site, ["México", "región"], with_searched=True)
    assert [bool(groups) and groups[0][0]["text"].lower().count(word) > 0
            for groups, word in zip(results, ["mexico", "region"])] == [True, True]


def test_a_misspelling_too_far_from_any_word_finds_nothing(site):
    results, searched = search_eval.run(site, ["Lmnsoo", "xqzvwpt", "Sndro Lmnso"], with_searched=True)
    assert results == [[], [], []] and searched == [None, None, None]


def test_a_mistyped_word_is_searched_as_the_word_of_the_index_nearest_to_it(site):
    from article.text import fold

    _, searched = search_eval.run(site, ["Sendero Lumnoso", "Guzmann", "Colmbia", "terorism"], with_searched=True)
    # each in the spelling the text uses most, "Guzmán" or "Guzman" alike
    assert [fold(s.lower()) for s in searched] == ["sendero luminoso", "guzman", "colombia", "terrorism"]


@pytest.mark.parametrize("cls", CLASSES)
def test_no_class_is_found_worse_than_by_materials_default_search(ours, theirs, cls):
    a, b = ours.by_class()[cls], theirs.by_class()[cls]
    assert a.recall3 >= b.recall3 and a.mrr5 >= b.mrr5, (a, b)


def test_the_mean_reciprocal_rank_of_all_queries_is_at_least_0_97(ours):
    assert ours.overall().mrr5 >= 0.97


def test_the_paragraph_holding_a_phrase_or_name_comes_first_for_nine_in_ten(ours):
    for cls in ("phrase", "name"):
        assert ours.by_class()[cls].first >= 0.90, cls


def test_the_paragraph_holding_a_phrase_comes_first_for_nineteen_in_twenty(ours):
    assert ours.by_class()["phrase"].first >= 0.95


@pytest.mark.parametrize("cls", GENERATED + NEW)
def test_no_form_of_an_article_word_finds_nothing(ours, cls):
    assert ours.by_class()[cls].empty == 0, [o.query.text for o in ours.outcomes if o.query.cls == cls and o.empty]


def test_a_note_shows_up_once_in_the_results(site, queries):
    notes = [q for q in queries if q.cls in ("name", "word") and any("#fn:" in h for h in q.holders)]
    results, _ = search_eval.run(site, sorted({q.text for q in notes}))
    repeated = []
    for query, groups in zip(sorted({q.text for q in notes}), results):
        shown = [item["location"] for group in groups for item in group]
        numbers = [loc.split(":")[-1] for loc in shown if "#fn:" in loc]
        copies = [loc for loc in shown if "#note-" in loc]
        if copies or len(numbers) != len(set(numbers)):
            repeated.append((query, copies))
    assert repeated == []


def test_a_spanish_word_for_what_the_text_says_finds_a_passage_that_says_it(ours):
    assert ours.by_class()["spanish"].recall3 >= 0.95, misses(ours, "spanish")


def test_a_spanish_word_is_searched_as_the_texts_english_and_the_reader_is_told(site):
    _, searched = search_eval.run(site, ["crimen organizado", "Policía Nacional del Perú", "firmas"], with_searched=True)
    # The text writes "firmas"; the Glossary alone writes the Spanish name, searched as written and in English.
    assert searched == ["organized crime", "peruvian Policía Nacional Perú national police", None]


def test_an_english_word_the_text_does_not_use_finds_a_passage_that_says_it_in_the_texts_word(ours):
    assert ours.by_class()["thesaurus"].recall3 >= 0.95, misses(ours, "thesaurus")


def test_an_english_word_the_text_does_not_use_is_searched_as_the_texts_word_and_the_reader_is_told(site):
    results, said = search_eval.run(site, ["regime"], told=True)
    assert said == ["“regime”: authorities"] and results[0]


def test_a_spanish_compound_no_dictionary_lists_is_searched_as_its_prefix_and_word_translate(site):
    """Neither dictionary knows "narcotraficantes": Apertium's "narcotráfico" and "tráfico" give
    its prefix's English, "drug", and "traficantes" the rest."""
    results, said = search_eval.run(site, ["narcotraficantes"], told=True)
    assert said == ["Spanish “narcotraficantes”: drug traffickers"] and results[0]


def test_a_question_around_a_paragraphs_words_finds_a_passage_holding_them(ours):
    assert ours.by_class()["question"].recall3 >= 0.95, misses(ours, "question")


def test_a_question_whose_rare_word_picks_its_paragraph_among_others_holding_its_common_words_ranks_it_first(ours):
    """Each question holds a word few passages hold and three that other passages hold too: with
    every word weighing the same, its paragraph's page comes first less often (MRR@5 0.94)."""
    assert ours.by_class()["question"].mrr5 >= 0.97, misses(ours, "question")


def test_question_words_weigh_nothing_beside_the_words_that_carry_the_question(site):
    (bare, asked), _ = search_eval.run(site, ["liberated zones", "why did they form liberated zones"])
    assert asked[0][0]["location"] == bare[0][0]["location"]


def test_every_entry_of_the_editions_pages_is_found_at_its_anchor_by_its_own_words(ours):
    score = ours.by_class()["edition"]
    assert score.recall3 >= 0.95 and score.linked >= 0.95, misses(ours, "edition")


def test_back_matter_never_pushes_a_holding_paragraph_out_of_the_top_three(ours):
    pushed = [o for o in ours.outcomes if o.query.cls != "typo"
              and any("#p" in h for h in o.query.holders)
              and not (o.rank and o.rank <= 3)
              and BACK_MATTER & set(o.top)]
    assert [(o.query.text, o.top) for o in pushed] == []


@pytest.mark.parametrize(("typed", "written"), [("militares", "militar"), ("cárteles", "cartel"), ("carteles", "cartel")])
def test_a_plural_the_index_does_not_hold_finds_the_entries_of_the_word_written(site, typed, written):
    """A Spanish plural of a word the site writes ("militares" where a title writes "militar", "cárteles"
    where the text writes "cartel"), like the English plurals the index leaves to the worker (the
    inflection class), is searched as the word written, silently."""
    results, said = search_eval.run(site, [typed, written], told=True)
    locations = [[item["location"] for group in result for item in group] for result in results]
    assert locations[0] and sorted(locations[0]) == sorted(locations[1]) and said[0] is None


def test_every_place_the_map_names_finds_the_map_and_one_only_the_map_names_finds_it_first(site):
    """The locator map's entry on home holds the places its description names (Ayacucho, Cusco…: no
    paragraph does), and the article's paragraphs that name a place (Bolivia, Peru) come first."""
    home = (site / "index.html").read_text(encoding="utf-8")
    places = re.findall(r'<text [^>]*class="(?:country|department|city)"[^>]*>([^<]+)</text>', home)
    results, _ = search_eval.run(site, places)
    found = [[item["location"] for group in result for item in group] for result in results]
    assert len(places) > 10 and [p for p, at in zip(places, found) if "#map" not in at] == []
    for place, at in zip(places, found):
        in_paragraphs = [a for a in at if re.search(r"#p\d+$", a)]
        assert at.index("#map") == 0 or in_paragraphs and at.index(in_paragraphs[0]) < at.index("#map"), (place, at)
