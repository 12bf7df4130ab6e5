"""Search, typed into the site's search box in a real browser, finds what readers type.

The queries are a sample of those tests/search_eval.py generates from the article (every
class whose answer is a passage, but typos), plus the ones readers reported. Each is typed
key by key; the result list must show, among its first three results, the page of a paragraph
or note that holds the words, linking to that passage. The time from the last keystroke to the
rendered results is measured and its median printed at the end; it is never asserted. Landing
on a result must highlight the words, including those found through another form.
"""

from __future__ import annotations

import random
import re
import statistics
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
import search_eval
from conftest import open_search

MUTATION = "the-mutation-of-the-shining-path-into-a-narcoterrorist-organization/"
TYPED_PER_CLASS = 2   # the fast harness (tests/search_eval.py) evaluates every query of every class
REPORTED = ["policy", "cultivate", "Peruvian Drug Union", "coca leaf", "Drug Lords", "1995", "Apurimac",
            "Guzmán", "FFAA", "narco-terrorist", "firma", "Rospigliosi"]


def typed_sample(site) -> list[search_eval.Query]:
    """The same sample every run: some queries of each class, and the reported ones."""
    queries = search_eval.queries_for(site)
    rng = random.Random(11)
    sample = []
    for cls in search_eval.CLASSES:
        if cls not in ("typo", "book", "title"):      # these two expect a page, not a passage
            sample += rng.sample([q for q in queries if q.cls == cls], TYPED_PER_CLASS)
    by_text = {q.text: q for q in queries}
    return sample + [by_text[text] for text in REPORTED if text in by_text and by_text[text] not in sample]

# Records when the result list last changed and when the last key went down.
WATCH_RESULTS = """() => {
  window.__results = 0;
  window.__keydown = 0;
  new MutationObserver(() => { window.__results = performance.now(); })
    .observe(document.querySelector(".md-search-result__list"), { childList: true });
  document.addEventListener("keydown", () => { window.__keydown = performance.now(); }, true);
}"""


@dataclass(frozen=True)
class Result:
    page: str
    links: list[str]


@pytest.fixture(scope="module")
def search(browser, base_url, request):
    """A page with the search box open, and the list where latencies are collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url)
    page.keyboard.press("/")
    page.wait_for_selector(".md-search__input:focus")
    page.evaluate(WATCH_RESULTS)
    latencies: list[float] = []
    yield page, latencies
    context.close()
    if latencies:
        capture = request.config.pluginmanager.get_plugin("capturemanager")
        reporter = request.config.pluginmanager.get_plugin("terminalreporter")
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"search: {len(latencies)} queries, keystroke to results median "
                                f"{statistics.median(latencies):.1f} ms (min {min(latencies):.1f}, "
                                f"max {max(latencies):.1f})")


def wait_until_settled(page) -> None:
    """Wait until the result list has not changed for a moment (earlier keystrokes answered)."""
    page.wait_for_function("() => performance.now() - window.__results > 150", polling=50)


def results_for(page, typed: str, base_url: str, latencies: list[float]) -> list[Result]:
    """Type the query as a reader does and return the result groups, best first."""
    box = page.locator(".md-search__input")
    box.fill("")
    wait_until_settled(page)
    page.keyboard.type(typed[:-1])
    wait_until_settled(page)
    page.keyboard.type(typed[-1])
    page.wait_for_function("() => window.__results > window.__keydown")
    latencies.append(page.evaluate("() => window.__results - window.__keydown"))
    wait_until_settled(page)
    groups = []
    for item in page.locator(".md-search-result__item").all():
        hrefs = item.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
        if not hrefs:
            raise AssertionError(f"{typed!r}: a result without links: {item.inner_html()[:200]}")
        page_url = urlsplit(hrefs[0])._replace(query="", fragment="").geturl()
        groups.append(Result(page_url.removeprefix(base_url), [urlsplit(href).fragment for href in hrefs]))
    return groups


def test_the_reported_queries_are_in_the_sample(site):
    assert {q.text for q in typed_sample(site)} >= set(REPORTED)


def test_typed_queries_put_a_holding_page_in_the_top_three_linking_to_the_passage(site, search, base_url):
    page, latencies = search
    failures = []
    sample = typed_sample(site)
    assert len(sample) >= 40
    for query in sample:
        groups = results_for(page, query.text, base_url, latencies)
        top = [group.page for group in groups[:3]]
        holding = [group for group in groups[:3] if group.page in query.pages]
        if not holding or not any(f"{group.page}#{anchor}" in query.holders
                                  for group in holding for anchor in group.links):
            failures.append((query.cls, query.text, top))
    assert failures == []


@pytest.mark.parametrize(("typed", "anchor", "shown"), [
    ("firmas", "p18", "firmas"),             # found as written (Material's own highlighting)
    ("apurimac", "p4", "Apurímac"),          # found without its accent
    ("policy", "p9", "policies"),            # found through its plural
    ("cultivate", "p9", "cultivation"),      # found through the -ion form
    ("narcoterrorism", "p4", "narcoterrorist"),  # the doctrine finds its follower
])
def test_landing_on_a_result_highlights_the_word_as_written_or_in_another_form(browser, base_url, typed, anchor, shown):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url)
    open_search(page)
    page.keyboard.type(typed)
    link = page.locator(f"a.md-search-result__link[href*='#{anchor}']").first
    link.wait_for(state="attached")                  # maybe folded under "more on this page"
    page_link = link.locator("xpath=(ancestor::li[1]//a)[1]")
    # The whole word, not an empty ?h=; retried, as results for the first letters typed come first.
    expect(page_link).to_have_attribute("href", re.compile(rf"[?&]h={typed}(&|#|$)"))
    page.goto(link.get_attribute("href"))
    page.wait_for_url(f"**#{anchor}")
    marks = page.locator(f"#{anchor} mark[data-md-highlight]")
    marks.first.wait_for()
    assert shown in marks.all_inner_texts()
    context.close()


def test_the_search_box_needs_no_mouse(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url)
    open_search(page)
    page.keyboard.type("Vampiro")
    # The results for the whole word, not those for its first letters, which they replace.
    expect(page.locator("a.md-search-result__link").first).to_have_attribute("href", re.compile(r"\?h=vampiro$"))
    page.keyboard.press("ArrowDown")    # the page
    page.keyboard.press("ArrowDown")    # its paragraph
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{MUTATION}**#p12")
    assert "Vampiro" in page.locator("#p12").inner_text()
    context.close()


def searched_on_a_phone(browser, base_url, typed: str, shown: str = ".md-search-result__item"):
    """A phone-sized page with ``typed`` searched and ``shown`` on screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url)
    open_search(page)
    page.keyboard.type(typed)
    page.wait_for_selector(shown)
    return context, page


def test_a_mistyped_query_says_what_was_searched_and_the_page_opened_highlights_the_word_found(browser, base_url):
    context, page = searched_on_a_phone(browser, base_url, "Sendero Lumnoso")
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="Showing results for").wait_for()
    assert meta.inner_text().lower().startswith("showing results for sendero luminoso")
    link = page.locator("a.md-search-result__link[href*='#p1']").first
    page.goto(link.get_attribute("href"))
    page.wait_for_url("**#p1")
    page.locator("#p1 mark[data-md-highlight]").first.wait_for()
    assert "Luminoso" in " ".join(page.locator("#p1 mark[data-md-highlight]").all_inner_texts())
    context.close()


@pytest.mark.parametrize(("typed", "shown"), [("Apurimac", "Apurímac"), ("Guzman", "Guzmán"), ("Chavez", "Chávez")])
def test_a_result_marks_the_word_found_through_another_spelling(browser, base_url, typed, shown):
    context, page = searched_on_a_phone(browser, base_url, typed)
    # Retried: the results of the word's first letters, which mark other words, come before the word's.
    expect(page.locator(".md-search-result__item").first.locator("mark").filter(has_text=shown).first).to_be_visible()
    context.close()


def test_a_correctly_typed_query_says_nothing_of_corrections(browser, base_url):
    context, page = searched_on_a_phone(browser, base_url, "Sendero Luminoso")
    page.wait_for_timeout(300)
    assert "Showing results for" not in page.locator(".md-search-result__meta").inner_text()
    context.close()


def test_a_pages_result_shows_its_first_words_not_the_line_naming_the_article(browser, base_url):
    context, page = searched_on_a_phone(browser, base_url, "Neosenderism")
    first = page.locator(".md-search-result__item").first.locator("article").first
    expect(first).to_contain_text("The connection of neosenderism")   # retried: the whole word's results
    shown = first.inner_text()
    assert "Neosenderism in the VRAEM" in shown
    assert "Shining Path and its Alliance" not in shown
    context.close()


def test_a_notes_result_shows_its_sources_host_not_a_gap_where_the_url_was(browser, base_url):
    context, page = searched_on_a_phone(browser, base_url, "Dreyfus")
    expect(page.locator(".md-search-result__item").first).to_contain_text("(2022), justice.gov; Pablo G. Dreyfus")
    context.close()


@pytest.mark.parametrize(("typed", "said"), [
    ("crimen organizado", "Spanish “crimen organizado”: organized crime"),  # Spanish, as a phrase
    ("regime", "“regime”: authorities"),                                     # a word the text does not use
])
def test_a_query_in_words_the_text_does_not_write_says_which_words_of_the_text_it_searched(
        browser, base_url, typed, said):
    context, page = searched_on_a_phone(browser, base_url, typed)
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text=said).wait_for()
    assert meta.inner_text().startswith(said)
    context.close()


def test_a_query_that_finds_nothing_says_the_edition_is_english_and_links_the_glossary_and_index(browser, base_url):
    context, page = searched_on_a_phone(browser, base_url, "pobreza", shown=".md-search-result__meta")
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="Nothing").wait_for()
    assert meta.inner_text() == "Nothing in this English edition matches “pobreza”. Try the Glossary or the Index of names."
    assert [a.get_attribute("href").removeprefix(base_url) for a in meta.locator("a").all()] == \
        ["glossary/", "index-of-names/"]
    context.close()


def test_a_passages_result_shows_the_sentence_holding_the_words_not_the_whole_paragraph(browser, base_url):
    context, page = searched_on_a_phone(browser, base_url, "liberated zones")
    shown = page.locator(".md-search-result__item").first.locator(".md-search-result__article p").first
    expect(shown).to_have_text(re.compile(r"^… These places were invaded by the Shining Path \(SL\)"))   # retried
    context.close()


def test_on_a_touch_screen_no_clear_tooltip_covers_what_search_says(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url)
    page.locator("label.md-header__button[for=__search]").first.click()
    page.locator(".md-search__input").press_sequentially("pobreza")
    page.locator(".md-search-result__meta").filter(has_text="match").wait_for()   # search has answered
    assert page.locator(".md-search__options [role=tooltip]").is_hidden()
    context.close()


def test_text_put_in_the_search_box_without_a_key_is_searched(browser, base_url):
    """Pasted from a menu, dictated or taken from a phone's suggestions: the box changes, no key comes up."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url)
    open_search(page)
    page.locator(".md-search-result__meta").filter(has_text="Type to start searching").wait_for()
    page.keyboard.insert_text("Apurímac")
    expect(page.locator(".md-search-result__item mark").first).to_have_text("Apurímac")
    context.close()


def test_material_9_8_2_searches_when_a_key_comes_up_in_the_box(page, base_url):
    """The contract docs/assets/reader.js relies on to search as the box changes: Material reads the box
    when a key comes up in it. Should Material read it on each change, reader.js's bridge can go."""
    page.goto(base_url)
    open_search(page)
    page.locator(".md-search-result__meta").filter(has_text="Type to start searching").wait_for()
    page.locator(".md-search__input").evaluate("box => { box.value = 'firmas'; box.dispatchEvent(new KeyboardEvent('keyup')) }")
    expect(page.locator(".md-search-result__item").first).to_contain_text("firmas")


def test_a_word_searched_in_several_forms_is_never_said_missing_where_one_form_is_found(browser, base_url):
    """"narcotráfico" is searched as written and as "drug trafficking": a passage holding the English
    does not say the Spanish is missing, nor a note's Spanish title the English."""
    context, page = searched_on_a_phone(browser, base_url, "narcotráfico")
    results = page.locator(".md-search-result__list")
    expect(results.locator("mark").first).to_be_visible()
    assert "Missing" not in results.inner_text()
    context.close()
