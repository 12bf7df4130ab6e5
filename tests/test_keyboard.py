"""What a keyboard, a thumb and a printer get: focus after search, Tab stops, where in-page links
land, the size of the edition's controls, the landing page's tab and a page printed from dark mode."""

from __future__ import annotations

import pytest
from conftest import INTRODUCTION, NEOSENDERISM, open_search
from test_reading import VIEWPORTS, tab_to

TRANSPARENT = "rgba(0, 0, 0, 0)"


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def reader(request, browser):
    """One page per screen size (a touch screen on the phone), reused by the tests of this module."""
    phone = request.param == "phone"
    context = browser.new_context(viewport=VIEWPORTS[request.param], has_touch=phone, is_mobile=phone)
    yield context.new_page()
    context.close()


def test_escape_that_closes_search_gives_focus_back_where_it_was(base_url, page):
    page.goto(base_url + f"{INTRODUCTION}/", wait_until="networkidle")
    tab_to(page, "e.matches('.paragraph-link')")
    open_search(page)
    page.keyboard.type("coca")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__search').checked")
    page.wait_for_function("() => document.activeElement !== document.body", timeout=2_000)
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Link to paragraph 2"


def test_the_empty_search_results_region_is_not_a_tab_stop(base_url, page):
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.md-search__output')") is None


def test_the_search_results_are_a_tab_stop_that_shows_where_focus_is(base_url, page):
    page.goto(base_url, wait_until="networkidle")
    open_search(page)
    page.keyboard.type("coca")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Tab")
    ring = page.evaluate("""() => { const e = document.activeElement, style = getComputedStyle(e);
        return [e.closest('.md-search__output') !== null, style.outlineStyle, parseFloat(style.outlineWidth)] }""")
    assert ring[0] and ring[1] != "none" and ring[2] >= 2, ring


@pytest.mark.parametrize("size", VIEWPORTS)
def test_tab_from_the_search_box_reaches_the_first_result_in_view_and_search_stays_open(base_url, browser, size):
    context = browser.new_context(viewport=VIEWPORTS[size])
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    open_search(page)
    page.keyboard.type("cali")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Tab")  # the results' region, which a keyboard scrolls
    page.keyboard.press("Tab")
    page.wait_for_timeout(400)  # Material's transition, were search closing
    focused = page.evaluate("""() => { const e = document.activeElement, box = e.getBoundingClientRect();
        return [e.matches('.md-search-result__link'), e.checkVisibility({opacityProperty: true, visibilityProperty: true})
                && box.top >= 0 && box.bottom <= innerHeight, document.getElementById('__search').checked] }""")
    context.close()
    assert focused == [True, True, True]


def landing(page, link) -> dict:
    """Follow ``link`` and say where its target landed and whether it is marked."""
    link.click()
    page.wait_for_function("() => document.querySelector(':target') !== null")
    return page.evaluate("""() => { const target = document.querySelector(':target');
        return {top: target.getBoundingClientRect().top,
                header: document.querySelector('.md-header').getBoundingClientRect().bottom,
                mark: getComputedStyle(target).backgroundColor} }""")


@pytest.mark.parametrize("what, path, link", [
    ("paragraph", "glossary/", "article a[href$='/#p8']"),
    ("note", f"{NEOSENDERISM}/", "p#p6 .footnote-ref"),
    ("reference", "notes/", "a[href$='#ref-rospigliosi2019']"),
])
def test_a_link_to_a_place_lands_with_it_clear_of_the_header_and_marked(base_url, page, what, path, link):
    page.goto(base_url + path, wait_until="networkidle")
    landed = landing(page, page.locator(link).first)
    assert landed["top"] >= landed["header"] and landed["mark"] != TRANSPARENT, (what, landed)


def test_a_heading_permalink_and_a_notes_back_link_are_24_px_a_side_at_least(base_url, reader):
    reader.goto(base_url + f"{NEOSENDERISM}/", wait_until="networkidle")
    reader.locator(".footnote li").first.hover()  # Material shows a back-link on hover
    sizes = reader.locator("h1 > .headerlink, .footnote-backref").evaluate_all(
        "links => links.filter(a => a.getClientRects().length)"   # those a screen shows (a phone no permalink)
        ".map(a => [a.getBoundingClientRect().width, a.getBoundingClientRect().height])")
    assert sizes and [size for size in sizes if min(size) < 24] == []


def test_the_landing_pages_tab_names_the_article(base_url, page, article):
    page.goto(base_url)
    assert page.title() == article.title


def test_a_page_printed_from_dark_mode_is_white_with_dark_text(base_url, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(base_url + f"{INTRODUCTION}/", wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.emulate_media(media="print")
    colours = page.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
                                      getComputedStyle(document.querySelector('article p[id]')).color]""")
    context.close()
    assert colours[0] == "rgb(255, 255, 255)" and colours[1].startswith("rgba(0, 0, 0"), colours


def test_on_a_touch_screen_every_notes_back_link_shows_without_a_hover(base_url, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + f"{NEOSENDERISM}/", wait_until="networkidle")
    page.locator(".footnote").scroll_into_view_if_needed()
    page.wait_for_timeout(700)  # Material's fade, were it to run
    hidden = page.locator(".footnote-backref").evaluate_all(
        "links => links.filter(a => getComputedStyle(a).opacity !== '1' || !a.checkVisibility()).length")
    context.close()
    assert hidden == 0


def test_on_a_touch_screen_no_heading_has_an_empty_line_under_its_words(site, base_url, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    gaps = {}
    for path in ("about/", f"{NEOSENDERISM}/", "cite/"):
        page.goto(base_url + path)
        gaps[path] = page.locator("article :is(h1, h2)").evaluate_all("""headings => headings.map(h => {
            const words = document.createRange()
            words.selectNodeContents(h)
            const rects = [...words.getClientRects()].filter(r => r.width && r.height)
            const bottom = Math.max(...[...h.childNodes].filter(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim())
              .map(n => { const r = document.createRange(); r.selectNodeContents(n); return r.getBoundingClientRect().bottom }))
            return Math.round(h.getBoundingClientRect().bottom - bottom)
        }).filter(gap => gap > 12)""")
    context.close()
    assert {path: found for path, found in gaps.items() if found} == {}
