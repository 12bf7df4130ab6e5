"""A page's first load is lean: the search index and its worker come when the reader reaches for
search, and search then answers however it was opened (scripts/overrides/partials/search-on-demand.html)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from playwright.sync_api import expect
from test_reading import VIEWPORTS

INDEX = "/search/search_index.json"
WORKER = "/assets/javascripts/workers/"   # the search worker (the edition's, and Material's it loads)
WORD = "firmas"


def requested(page) -> list[str]:
    """Every URL the page asks for from now on."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def expect_the_word_in_the_first_result(page) -> None:
    """The first result shows the word, once results for the whole word have replaced those for its first letters."""
    expect(page.locator(".md-search-result__item").first).to_contain_text(re.compile(WORD, re.I), timeout=10_000)


@pytest.mark.parametrize("path", ["", "introduction/", "notes/"], ids=lambda p: p or "home")
def test_a_page_loads_everything_it_shows_without_the_search_index_or_its_worker(page, base_url, path):
    urls = requested(page)
    page.goto(base_url + path, wait_until="networkidle")
    page.wait_for_timeout(500)                   # time for a late request to show
    assert page.locator("article h1").is_visible()
    assert not [url for url in urls if url.endswith(INDEX) or WORKER in url]
    assert all(url.startswith(base_url) or url.startswith("data:") for url in urls)


def test_pointing_at_the_search_box_fetches_the_index_before_a_word_is_typed(page, base_url):
    urls = requested(page)
    page.goto(base_url, wait_until="networkidle")
    page.locator(".md-search__input").hover()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim()"
                           " !== 'Initializing search'")  # a function: the page's policy runs no string as code
    assert [url for url in urls if url.endswith(INDEX)]


def test_search_opened_by_its_shortcut_finds_a_word_typed_at_once(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type(WORD)
    expect_the_word_in_the_first_result(page)


def test_search_opened_by_a_click_in_the_box_finds_a_word_typed_at_once(page, base_url):
    page.goto(base_url + "conclusions/", wait_until="networkidle")
    page.locator(".md-search__input").click()
    page.keyboard.type(WORD)
    expect_the_word_in_the_first_result(page)


def test_search_opened_by_a_tap_on_a_phone_finds_a_word_typed_at_once(browser, base_url):
    context = browser.new_context(viewport=VIEWPORTS["phone"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    page.locator("header label[for=__search]").first.tap()
    page.locator(".md-search__input").wait_for(state="visible")
    page.keyboard.type(WORD)
    expect_the_word_in_the_first_result(page)
    context.close()


def test_a_link_to_a_search_opens_it_with_its_results(page, base_url):
    page.goto(f"{base_url}glossary/?q={WORD}")
    expect_the_word_in_the_first_result(page)


COMMENT = re.compile(r"/\*(.*?)\*/|^\s*//(.*)$", re.S | re.M)


@pytest.mark.parametrize("asset", ["assets/reader.css", "assets/reader.js", "assets/margin-notes.js",
                                   "assets/javascripts/workers/reader-search.js"])
def test_the_editions_own_stylesheet_and_scripts_arrive_without_their_comments(page, base_url, asset):
    source = (ROOT / "docs" / asset).read_text(encoding="utf-8")
    comments = [text.strip() for match in COMMENT.finditer(source) for text in match.groups() if text and text.strip()]
    served = page.request.get(base_url + asset).text()
    assert comments and not [comment for comment in comments if comment in served]
    assert len(served) < 0.7 * len(source)
