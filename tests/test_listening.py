"""What a listener hears: the names Chromium's accessibility tree gives the edition's controls
(Playwright's ARIA snapshot, or the tree itself through the DevTools protocol where a snapshot
does not say it), on a phone and on a desktop."""

from __future__ import annotations

import re

import pytest
from conftest import INTRODUCTION, NEOSENDERISM
from test_reading import VIEWPORTS, site_pages

# A link a listener hears as a bare note number, arrow or sign: "6", "↩", "#", "¶" (a Timeline's
# year, "1985", says where it goes).
BARE = re.compile(r'^\s*- link "(\d{1,3}|↩|#|¶)"', re.M)


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def listener(request, browser):
    """One page per screen size, reused by the tests of this module."""
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    yield context.new_page()
    context.close()


def heard(page, url: str) -> str:
    """The page at ``url`` as the accessibility tree gives it (Playwright's ARIA snapshot)."""
    if page.url != url:
        page.goto(url)
    return page.locator("body").aria_snapshot()


def test_no_note_marker_back_link_or_permalink_is_heard_as_a_bare_digit_arrow_or_sign(site, base_url, listener):
    bare = {path or "home": BARE.findall(heard(listener, base_url + path)) for path in site_pages(site)}
    assert {path: links for path, links in bare.items() if links} == {}


def test_a_note_marker_is_heard_as_note_and_its_number(base_url, listener):
    assert '- link "Note 1"' in heard(listener, base_url + f"{INTRODUCTION}/")


def test_a_notes_back_link_says_it_goes_back_to_the_note_in_the_text(base_url, listener):
    assert '- link "Back to note 1 in the text"' in heard(listener, base_url + f"{INTRODUCTION}/")


def test_a_headings_permalink_is_heard_as_a_link_to_this_section(base_url, listener):
    snapshot = heard(listener, base_url + f"{INTRODUCTION}/")
    assert '- link "Link to this section"' in snapshot.split('heading "Introduction', 1)[1].split("\n- ")[0]


def test_the_notes_at_the_foot_of_a_section_have_a_heading(base_url, listener):
    snapshot = heard(listener, base_url + f"{NEOSENDERISM}/")
    after = snapshot.split('- heading "Notes" [level=2]', 1)
    assert len(after) == 2 and '- link "Back to note 2 in the text"' in after[1]


def test_no_page_has_an_empty_landmark(site, base_url, listener):
    # A landmark with nothing under it is a snapshot line that ends with its name, not with a colon.
    empty = {path or "home": found for path in site_pages(site)
             if (found := re.findall(r'^\s*- (?:navigation|region|complementary|search)(?: "[^"]*")?$',
                                     heard(listener, base_url + path), re.M))}
    assert empty == {}



def test_the_header_does_not_read_the_articles_and_the_pages_titles_back_to_back(base_url, listener):
    snapshot = heard(listener, base_url + f"{INTRODUCTION}/")
    banner = listener.locator("header").first.aria_snapshot()
    assert "Introduction" not in banner and "- text: Shining Path" not in banner
    assert '- heading "Introduction' in snapshot


def test_on_a_phone_the_headers_controls_are_heard_by_what_they_do_never_as_a_bare_image(base_url, browser):
    context = browser.new_context(viewport=VIEWPORTS["phone"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + f"{INTRODUCTION}/")
    header = page.get_by_role("banner")
    buttons = [header.get_by_role("button", name=name, exact=True) for name in ("Navigation", "Search")]
    found = [button.count() == 1 and button.is_visible() for button in buttons]
    outside_search = header.aria_snapshot().split('- dialog "Search"')[0]
    context.close()
    assert found == [True, True] and re.findall(r"^\s*- img$", outside_search, re.M) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_light_dark_switch_is_heard_checked_as_the_scheme_shown_from_the_first_load(base_url, browser, scheme):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + f"{INTRODUCTION}/", wait_until="networkidle")
    checked = re.findall(r'- radio "([^"]+)" \[checked\]', page.get_by_role("banner").aria_snapshot())
    shown = page.locator("label[for^='__palette_']:visible").get_attribute("title")  # the toggle a sighted reader sees
    context.close()
    assert checked == [shown]


def test_after_cite_a_listener_hears_that_the_citation_was_copied(base_url, browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + f"{INTRODUCTION}/", wait_until="networkidle")
    page.locator("#p3").hover()
    page.locator("#p3 .paragraph-cite").click()
    status = page.get_by_role("status").filter(has_text="Copied")
    status.wait_for(timeout=3_000)
    heard = status.aria_snapshot()
    context.close()
    assert heard == "- status: Copied to clipboard", heard


def test_a_listener_hears_what_search_searched_and_how_much_it_found(base_url, browser):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(base_url)
    page.locator("label.md-header__button[for=__search]").first.click()
    page.locator(".md-search__input").press_sequentially("campesinas")
    status = page.get_by_role("dialog", name="Search").get_by_role("status")
    status.filter(has_text="matching").wait_for()
    heard = status.aria_snapshot()
    context.close()
    assert re.fullmatch(r"- status: \"Spanish “campesinas”: farmer · \d+ matching documents\"", heard), heard
