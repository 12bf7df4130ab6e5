"""Reading aids in the built site, checked in a real browser: footnote previews, abbreviations,
paragraph permalinks, reading time, light/dark palette, the print edition, privacy and
accessibility (axe-core, from node_modules/ as package-lock.json pins it)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from conftest import INTRODUCTION, MUTATION, NEOSENDERISM, RESURGENCE, ROOT, SECTIONS, open_search

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
MUTATION_PAGE = f"{MUTATION}/"
SECTION_PAGES = [f"{slug}/" for slug in SECTIONS]


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as a path below its root."""
    return sorted("" if p.parent == site else f"{p.parent.relative_to(site).as_posix()}/"
                  for p in site.rglob("index.html"))


@pytest.fixture
def dark_page(browser):
    """A desktop page whose system preference is dark."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    yield context.new_page()
    context.close()


def test_the_site_has_every_page_the_tests_visit(site):
    pages = site_pages(site)
    assert {"", "glossary/", "print/", "notes/", *SECTION_PAGES} <= set(pages)


def test_no_page_asks_any_host_but_the_site_for_anything(site, base_url, page):
    host = urlsplit(base_url).netloc
    elsewhere: list[str] = []
    page.on("request", lambda request: urlsplit(request.url).netloc != host and elsewhere.append(request.url))
    for path in site_pages(site):
        page.goto(base_url + path, wait_until="networkidle")
    open_search(page)  # the search worker and its language files load on first use
    page.keyboard.type("Apurimac")
    page.wait_for_selector(".md-search-result__item")
    assert elsewhere == []


# WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 adds target-size, off by default) and axe's best practices.
AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


# What a switch of scheme can change: the pages hold nothing shown in one scheme only, so the other
# scheme differs in its colours alone, and there axe runs the rules about colour.
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, only: list[str] | None = None) -> list[str]:
    """axe's violations on the page: of AXE_RULES' tags, or of the rules ``only`` names."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run npm ci (see .ci/run)")
    if not page.evaluate("() => 'axe' in window"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # as the test's own script: the page's policy runs no other
    run_only = {"type": "rule", "values": only} if only else {"type": "tag", "values": AXE_RULES}
    found = page.evaluate("async runOnly => (await axe.run(document, {runOnly})).violations"
                          ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))", run_only)
    return found


VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.mark.parametrize("size", VIEWPORTS)
def test_axe_finds_no_accessibility_violation_on_any_page_in_either_scheme(site, base_url, browser, size):
    context = browser.new_context(viewport=VIEWPORTS[size])
    page = context.new_page()
    problems = {}
    for path in site_pages(site):  # each page once, checked in the scheme it opens in, then in the other
        page.goto(base_url + path, wait_until="networkidle")
        for rules in (None, AXE_COLOUR_RULES):
            scheme = page.locator("body").get_attribute("data-md-color-scheme")
            if found := axe_violations(page, rules):
                problems[f"{path or 'home'} ({scheme})"] = found
            page.locator("form[data-md-component=palette] label:visible").click()
            page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== {scheme!r}")
            page.mouse.move(0, VIEWPORTS[size]["height"] - 1)  # off the toggle, whose tooltip would fade in
            page.evaluate("document.activeElement.blur()")
            page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    context.close()
    assert problems == {}


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_accessibility_violation_in_the_search_results(base_url, browser, scheme, size):
    context = browser.new_context(viewport=VIEWPORTS[size], color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url)
    open_search(page)
    page.keyboard.type("Guzman")
    page.wait_for_selector(".md-search-result__item")
    # What a reader sees once the results have settled: no fade or transition still running.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    assert axe_violations(page) == []
    context.close()


def test_the_palette_starts_from_the_systems_dark_preference(base_url, dark_page):
    dark_page.goto(base_url)
    assert dark_page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_the_palette_starts_from_the_systems_light_preference(base_url, page):
    page.goto(base_url)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"


def test_the_palette_toggle_switches_to_dark(base_url, page):
    page.goto(base_url)
    page.get_by_title("Switch to dark mode").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def tab_to(page, test: str, most: int = 80) -> None:
    """Press Tab, as a keyboard reader does, until the focused element ``e`` passes ``test`` (JavaScript)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate(f"(e => {test})(document.activeElement)"):
            return


def test_a_note_marker_reached_by_keyboard_shows_its_note(base_url, laptop):
    laptop.goto(base_url + f"{INTRODUCTION}/")
    tab_to(laptop, "e.matches('.footnote-ref')")
    tooltip = laptop.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert "Estudio mundial sobre el tráfico de armas de fuego 2020" in tooltip.inner_text()


@pytest.mark.parametrize("path", ["", *SECTION_PAGES, "notes/", "about/"])
def test_tab_reaches_every_first_use_abbreviation_and_note_marker_in_reading_order(base_url, page, path):
    page.goto(base_url + path)
    expected = page.locator("article abbr, article .footnote-ref").all_inner_texts()
    reached, left = [], False
    for _ in range(400):  # Tab through the page, as a keyboard reader meets it, until focus leaves the article
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement
            return e.closest('article') ? [e.matches('abbr, .footnote-ref'), e.textContent] : null }""")
        if focused is None and reached:
            left = True
            break
        if focused and focused[0]:
            reached.append(focused[1])
    assert left and reached == expected and expected


def test_an_abbreviation_reached_by_keyboard_shows_what_it_stands_for(base_url, page):
    page.goto(base_url)
    tab_to(page, "e.textContent === 'SL'")
    # The tooltip of the abbreviation Tab passed before may still be fading out beside it.
    expect(page.locator(".md-tooltip2--active").filter(has_text="Shining Path")).to_have_text(
        "Shining Path [Spanish: Sendero Luminoso]")


def test_hovering_a_note_marker_shows_the_resolved_ibid_note(base_url, laptop):
    laptop.goto(base_url + MUTATION_PAGE)
    laptop.locator('a.footnote-ref[href="#fn:7"]').hover()
    tooltip = laptop.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert "ambiguous: note 6 cites two works" in tooltip.inner_text()


def test_every_abbreviation_in_the_text_shows_what_it_stands_for_at_its_first_use(site, base_url, page):
    unexplained = {}
    for path in SECTION_PAGES + [""]:
        page.goto(base_url + path)
        text = page.locator("article").evaluate(
            # The download line and the keep control name file formats (PDF, EPUB), not the article's abbreviations.
            "a => { const c = a.cloneNode(true); c.querySelectorAll('h1, h2, .article-name, a[href^=http], "
            ".headerlink, .downloads, .keep-offline').forEach(e => e.remove()); return c.innerText }")
        used = set(re.findall(r"\b(?:FF\. AA|U\.S|[A-Z]{2,})\b", text)) - {"III"}  # ¶17's slip "AA." too
        explained = set(page.locator("article abbr").all_inner_texts())
        if used - explained:
            unexplained[path] = used - explained
    assert unexplained == {}


def test_an_abbreviation_the_article_spells_out_takes_the_articles_words(base_url, page):
    page.goto(base_url + MUTATION_PAGE)
    assert page.locator("abbr", has_text="PNP").first.get_attribute("title") == \
        "Peruvian National Police [Spanish: Policía Nacional del Perú]"
    assert page.locator("abbr", has_text="SL").first.get_attribute("title") == \
        "Shining Path [Spanish: Sendero Luminoso]"


def test_the_glossary_lists_each_abbreviation_with_its_first_use(base_url, page):
    page.goto(base_url + "glossary/")
    row = page.locator("tr", has=page.locator("td", has_text=re.compile(r"^MNR$")))
    assert "National Revolutionary Movement" in row.inner_text()
    row.get_by_role("link", name="¶8").click()
    page.wait_for_url(f"**/{RESURGENCE}/#p8")


@pytest.mark.parametrize("path", SECTION_PAGES)
def test_every_paragraph_has_a_permalink_to_its_number(base_url, page, path):
    page.goto(base_url + path)
    for paragraph in page.locator("article p[id^=p]").all():
        anchor = paragraph.get_attribute("id")
        link = paragraph.locator("a.paragraph-link")
        assert link.get_attribute("href") == f"#{anchor}"
        assert link.evaluate("a => getComputedStyle(a, '::after').content") == f'"¶{anchor[1:]}"'  # what is shown


def test_a_paragraphs_number_stands_beside_it_and_its_cite_button_shows_on_hover(base_url, page):
    page.goto(base_url + f"{INTRODUCTION}/")
    paragraph, number = page.locator("#p3"), page.locator("#p3 a.paragraph-link")
    number.scroll_into_view_if_needed()
    box, text = number.bounding_box(), paragraph.bounding_box()
    assert number.evaluate("a => getComputedStyle(a).opacity") == "1"
    assert box["x"] >= text["x"] + text["width"] and box["x"] + box["width"] <= 1280   # in the margin, on screen
    cite = page.locator("#p3 .paragraph-cite")
    assert cite.evaluate("b => getComputedStyle(b).opacity") == "0"
    paragraph.hover()
    page.wait_for_function("() => getComputedStyle(document.querySelector('#p3 .paragraph-cite')).opacity === '1'")


@pytest.mark.parametrize("width", [960, 1280, 1920])
def test_on_a_desktop_cite_says_cite_and_its_tooltip_covers_none_of_the_paragraphs_words(base_url, browser, width):
    from hooks.reading import CITE_LABEL, CITE_TOOLTIP

    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base_url + f"{INTRODUCTION}/")
    page.locator("#p3").hover()
    page.locator("#p3 .paragraph-cite").hover()
    shown = page.locator("#p3 .paragraph-cite").evaluate("""c => { const tip = getComputedStyle(c, '::after')
        const r = c.getBoundingClientRect(), words = c.closest('p').getBoundingClientRect()
        return {label: getComputedStyle(c, '::before').content, tip: tip.content, display: tip.display,
                left: r.left + parseFloat(tip.left), right: r.left + parseFloat(tip.left) + parseFloat(tip.width),
                words: words.right, width: innerWidth} }""")
    page.close()
    assert (shown["label"], shown["tip"], shown["display"]) == (f'"{CITE_LABEL}"', f'"{CITE_TOOLTIP}"', "block")
    assert shown["words"] <= shown["left"] and shown["right"] <= shown["width"]


@pytest.mark.parametrize("path", SECTION_PAGES)
def test_on_a_phone_each_paragraphs_number_and_cite_close_it_together_at_its_right_edge(browser, base_url, path):
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + path)
    places = page.locator("article p[id^=p]").evaluate_all("""ps => ps.map(p => {
        const link = p.querySelector('.paragraph-link').getBoundingClientRect()
        const cite = p.querySelector('.paragraph-cite').getBoundingClientRect()
        const words = document.createRange(); words.setStartBefore(p.firstChild); words.setEndBefore(p.querySelector('.paragraph-aids'))
        const lines = [...words.getClientRects()], box = p.getBoundingClientRect()
        return {same_line: Math.abs(link.top + link.height / 2 - cite.top - cite.height / 2) < 2,
                below_words: link.top >= Math.max(...lines.map(r => r.bottom)) - 1,
                at_right: Math.abs(cite.right - box.right) < 2, in_order: link.right <= cite.left} })""")
    context.close()
    assert places and all(all(place.values()) for place in places), places


@pytest.mark.parametrize("path", ["", f"{INTRODUCTION}/", "glossary/"])
def test_a_headings_permalink_is_told_apart_from_a_paragraphs_number(base_url, page, path):
    page.goto(base_url + path)
    signs = page.locator("article :is(h1, h2) .headerlink").evaluate_all(
        "links => links.map(a => [a.textContent, a.getAttribute('title') || a.getAttribute('aria-label')])")
    assert signs and all(sign == "#" and name for sign, name in signs), signs
    numbers = page.locator("article .paragraph-link").evaluate_all("links => links.map(a => getComputedStyle(a, '::after').content)")
    assert all(number.startswith('"¶') for number in numbers)


@pytest.mark.parametrize("path", SECTION_PAGES)
def test_every_section_says_how_long_it_takes_to_read(base_url, page, path):
    page.goto(base_url + path)
    assert re.fullmatch(r"\d+ min read", page.locator(".reading-time").inner_text())


@pytest.mark.parametrize("path", ["notes/", "references/", "cite/", "about/", "glossary/"])
def test_the_editions_own_pages_give_no_reading_time(base_url, page, path):
    page.goto(base_url + path)
    assert page.locator("article h1").is_visible()
    assert "min read" not in page.locator("article").inner_text()


def test_each_section_ends_with_links_to_the_previous_and_next_sections(base_url, page):
    page.goto(base_url + f"{NEOSENDERISM}/")
    footer = page.locator(".md-footer__inner")
    assert "Introduction" in footer.locator(".md-footer__link--prev").inner_text()
    assert "Resurgence of Coca Cultivation" in footer.locator(".md-footer__link--next").inner_text()


def test_the_print_edition_holds_every_paragraph_and_every_note_in_order(base_url, page):
    page.goto(base_url + "print/")
    numbers = [int(p.get_attribute("id")[1:]) for p in page.locator("article p[id^=p]").all()]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) == 20
    notes = [item.get_attribute("value") for item in page.locator(".footnote li").all()]
    assert notes == [str(n) for n in range(1, 12)]


def test_the_print_edition_numbers_paragraphs_as_the_sections_do(base_url, page):
    page.goto(base_url + MUTATION_PAGE)
    in_section = page.locator("#p12").inner_text()
    page.goto(base_url + "print/")
    assert page.locator("#p12").inner_text() == in_section


def test_printing_hides_the_navigation_and_shows_link_addresses(base_url, page):
    page.goto(base_url + "about/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    internal_or_bare = page.locator("article a.bare-url").first.evaluate(
        "a => getComputedStyle(a, '::after').content")
    assert internal_or_bare in ("none", "normal", "")
    page.goto(base_url + "print/")
    page.emulate_media(media="print")
    page.evaluate("() => { const a = document.createElement('a'); a.href = 'https://example.org/x';"
                  " a.textContent = 'a source'; a.id = 'probe'; document.querySelector('article').append(a) }")
    assert "https://example.org/x" in page.locator("#probe").evaluate("a => getComputedStyle(a, '::after').content")


def test_on_a_phone_every_note_marker_permalink_and_cite_button_is_a_finger_wide(browser, base_url):
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + f"{INTRODUCTION}/")
    sizes = page.locator(".footnote-ref, .paragraph-link, .paragraph-cite").evaluate_all(
        "targets => targets.map(t => [t.className, t.getBoundingClientRect().width, t.getBoundingClientRect().height])")
    context.close()
    assert sizes and [s for s in sizes if min(s[1:]) < 24] == []


def test_on_a_phone_a_paragraphs_number_and_cite_are_thumb_sized_apart_and_cover_no_words(browser, base_url):
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + f"{INTRODUCTION}/")
    places = page.locator("article p[id^=p]").evaluate_all("""ps => ps.map(p => {
        const link = p.querySelector('.paragraph-link').getBoundingClientRect()
        const cite = p.querySelector('.paragraph-cite').getBoundingClientRect()
        const words = document.createRange(); words.setStartBefore(p.firstChild); words.setEndBefore(p.querySelector('.paragraph-aids'))
        const next = (p.nextElementSibling || p.parentElement.nextElementSibling).getBoundingClientRect()
        return {sizes: [link.width, link.height, cite.width, cite.height], apart: cite.left - link.right,
                below_words: Math.min(link.top, cite.top) - Math.max(...[...words.getClientRects()].map(r => r.bottom)),
                above_next: next.top - Math.max(link.bottom, cite.bottom)} })""")
    context.close()
    assert places and [place for place in places if min(place["sizes"]) < 44 or place["apart"] < 8
                       or place["below_words"] < 0 or place["above_next"] < 0] == []
