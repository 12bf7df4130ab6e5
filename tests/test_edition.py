"""The site as an edition of an article, as a reader meets it in the browser: the title block,
the article named on each section, typography for reading, notes shown in place on a phone,
the edition's own words marked, paragraphs that copy and cite cleanly, navigation in parts,
and a 404 page with a way on."""

from __future__ import annotations

import re
import statistics

import pytest
from conftest import CONFIG, MUTATION, NEOSENDERISM, POSTED, SECTIONS
from site_html import read
from test_reading import tab_to

from article.citation_record import STYLES
from article.config import load_config
from article.numbering import placed_paragraphs
from article.text import MARKER

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
EDITION = load_config(CONFIG).edition


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def visible_text(page, selector: str) -> str:
    return page.locator(selector).first.inner_text()


def test_the_home_page_opens_with_a_title_block_naming_publisher_date_book_and_original(base_url, page):
    page.goto(base_url)
    block = visible_text(page, ".title-block")
    assert "Centro de Estudios Estratégicos del Ejército del Perú (CEEEP)" in block
    assert POSTED in block
    assert page.locator(".title-block a", has_text="Read the original").get_attribute("href") == EDITION.source_url
    page.locator(".title-block a", has_text="Cite").click()
    page.wait_for_url("**/cite/")


@pytest.mark.parametrize("slug", SECTIONS)
def test_each_section_page_names_the_article_above_its_heading(base_url, page, article, slug):
    page.goto(base_url + f"{slug}/")
    name = page.locator(".article-name")
    heading = page.locator("article h1")
    assert name.inner_text() == article.title
    assert name.bounding_box()["y"] < heading.bounding_box()["y"]


def minutes(page) -> int:
    return int(re.search(r"(\d+) min read", page.locator(".reading-time").inner_text())[1])


def test_the_home_page_gives_the_whole_articles_reading_time_and_a_section_its_own(base_url, page):
    page.goto(base_url)
    assert page.locator(".reading-time").inner_text().startswith("The whole article: ")   # not home's own
    whole = minutes(page)
    parts = []
    for slug in SECTIONS:
        page.goto(base_url + f"{slug}/")
        parts.append(minutes(page))
    assert whole >= sum(parts) - len(parts) and whole > max(parts)


LINE_LENGTHS = """p => {
        const half = parseFloat(getComputedStyle(p).lineHeight) / 2, lines = []
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
        for (let node; (node = walker.nextNode());) {
            for (let i = 0; i < node.length; i++) {
                const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1)
                const rect = range.getClientRects()[0]
                if (!rect) continue
                const line = lines.find(l => Math.abs(l.bottom - rect.bottom) < half)  // a raised note number too
                if (line) line.count++; else lines.push({bottom: rect.bottom, count: 1})
            }
        }
        return lines.map(l => l.count).slice(0, -1)  // the last line is short
    }"""


@pytest.mark.parametrize("width", [1024, 1280, 1920])
def test_body_lines_hold_60_to_75_characters_on_a_desktop(base_url, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + f"{MUTATION}/")
    lengths = [n for p in page.locator("article p[id^=p]").all() for n in p.evaluate(LINE_LENGTHS)]
    context.close()
    assert len(lengths) >= 30
    assert 60 <= statistics.median(lengths) <= 75, lengths
    assert all(50 <= n <= 80 for n in lengths), lengths  # single lines vary with the words they hold


def test_body_text_notes_and_headings_are_large_and_dark_enough_to_read(base_url, page):
    page.goto(base_url + f"{MUTATION}/")
    style = page.evaluate("""() => {
        const css = s => getComputedStyle(document.querySelector(s))
        return {body: parseFloat(css('#p10').fontSize), note: parseFloat(css('.footnote li').fontSize),
                text: css('#p10').color, heading: css('article h1').color, h2: css('.footnote').color}
    }""")
    assert style["body"] >= 16 and style["note"] >= 14
    assert style["heading"] == style["text"]


def test_an_abbreviation_is_explained_at_its_first_use_on_a_page_and_never_in_a_heading(base_url, page):
    for path in ["", *(f"{slug}/" for slug in SECTIONS), "notes/"]:
        page.goto(base_url + path)
        marked = page.locator("article abbr").evaluate_all("els => els.map(e => e.textContent)")
        assert len(marked) == len(set(marked)), path
        assert page.locator("article :is(h1, h2, h3, .article-name) abbr").count() == 0, path
        first = page.locator("article abbr").first
        if marked:
            text = page.locator("article").inner_text()
            assert text.index(marked[0]) <= text.index(first.inner_text())


def test_spanish_titles_in_notes_and_references_are_marked_spanish(base_url, page):
    for path, title in (("notes/", "El laberinto blanco. Cocaína y poder político"),
                        ("references/", "El laberinto blanco. Cocaína y poder político"),
                        (f"{NEOSENDERISM}/", "La Responsabilidad del Gobierno")):
        page.goto(base_url + path)
        assert page.locator('[lang="es"]', has_text=title).count() >= 1, path


def test_tapping_a_note_on_a_phone_shows_it_beside_its_marker_without_moving_the_page(base_url, phone):
    phone.goto(base_url + f"{MUTATION}/")
    marker = phone.locator('a.footnote-ref[href="#fn:9"]')
    marker.scroll_into_view_if_needed()
    before = phone.evaluate("scrollY")
    marker.tap()
    note = phone.locator(".md-tooltip2--active", has_text="Actualización sobre el Narcotráfico")
    note.wait_for()
    assert phone.evaluate("scrollY") == before
    box, mark, view = note.bounding_box(), marker.bounding_box(), phone.viewport_size
    assert 0 <= box["y"] and box["y"] + box["height"] <= view["height"] and box["x"] >= 0
    assert abs(box["y"] - (mark["y"] + mark["height"])) < 80 or abs(mark["y"] - (box["y"] + box["height"])) < 80


@pytest.mark.parametrize("close", ["tap again", "tap elsewhere", "Escape"])
def test_a_note_shown_on_a_phone_closes_by_tap_or_escape(base_url, phone, close):
    phone.goto(base_url + f"{MUTATION}/")
    marker = phone.locator('a.footnote-ref[href="#fn:9"]')
    marker.tap()
    note = phone.locator(".md-tooltip2--active", has_text="Actualización sobre el Narcotráfico")
    note.wait_for()
    before = phone.evaluate("scrollY")
    if close == "tap again":
        marker.tap()
    elif close == "tap elsewhere":
        phone.touchscreen.tap(phone.viewport_size["width"] // 2, 70)  # on the text, under the header
    else:
        phone.keyboard.press("Escape")
    note.wait_for(state="hidden")
    assert phone.evaluate("scrollY") == before


# The line a marker stands on: the last character before it, whose box is the line's text.
MARKER_LINE = """m => { const before = m.closest('sup').previousSibling, r = document.createRange()
    r.setStart(before, before.textContent.length - 1); r.setEnd(before, before.textContent.length)
    const line = r.getBoundingClientRect(); return [line.top, line.bottom] }"""


def settled(page) -> None:
    """Wait until no fade or slide is running: what the reader sees once the note has arrived."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


@pytest.mark.parametrize("slug", SECTIONS)
def test_on_a_phone_no_note_covers_the_line_of_its_marker(base_url, phone, slug):
    covered = []
    phone.goto(base_url + f"{slug}/")
    for number in phone.locator("article .footnote-ref").all_inner_texts():
        phone.goto(base_url + f"{slug}/")  # each note as a reader who has opened no other meets it
        marker = phone.locator(".footnote-ref", has_text=re.compile(rf"^{number}$"))
        marker.scroll_into_view_if_needed()
        marker.tap()
        note = phone.locator(".md-tooltip2--active[role=dialog] .md-tooltip2__inner")
        note.wait_for()
        settled(phone)
        top, bottom = marker.evaluate(MARKER_LINE)
        box = note.bounding_box()
        if box["y"] < bottom and box["y"] + box["height"] > top:
            covered.append(number)
    assert covered == []


@pytest.mark.parametrize("target", ["a paragraph's permalink", "a Cite button"])
def test_on_a_phone_a_tap_that_closes_a_note_does_nothing_else(base_url, phone, target):
    phone.goto(base_url + f"{MUTATION}/")
    marker = phone.locator('a.footnote-ref[href="#fn:9"]')
    marker.scroll_into_view_if_needed()
    marker.tap()
    phone.locator(".md-tooltip2--active", has_text="Actualización sobre el Narcotráfico").wait_for()
    settled(phone)
    # The first permalink or Cite button the finger can land on, outside the note.
    selector = ".paragraph-link" if target == "a paragraph's permalink" else ".paragraph-cite"
    x, y = phone.evaluate("""selector => { for (const el of document.querySelectorAll('article ' + selector)) {
        const r = el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2
        if (y > 60 && y < innerHeight && el.contains(document.elementFromPoint(x, y))) return [x, y] } }""", selector)
    url, before = phone.url, phone.evaluate("scrollY")
    phone.touchscreen.tap(x, y)
    phone.locator(".md-tooltip2--active[role=dialog]").wait_for(state="detached")
    phone.wait_for_timeout(300)  # time for a navigation or a copy to begin, if the tap had started one
    assert (phone.url, phone.evaluate("scrollY")) == (url, before)
    assert phone.locator(".md-tooltip2--active").count() == 0  # nor a Cite tooltip


def test_escape_hides_a_note_and_leaves_focus_on_its_marker_where_enter_still_works(base_url, laptop):
    # reader.js finds the note by the aria-controls Material 9.8's tooltip2 gives a focused marker.
    laptop.goto(base_url + f"{MUTATION}/")
    tab_to(laptop, "e.matches('.footnote-ref')")
    marker = laptop.evaluate("document.activeElement.getAttribute('href')")
    note = laptop.locator(".md-tooltip2--active[role=dialog]")
    note.wait_for()
    laptop.keyboard.press("Escape")
    note.wait_for(state="hidden")
    assert laptop.evaluate("document.activeElement.getAttribute('href')") == marker
    laptop.keyboard.press("Enter")
    laptop.wait_for_url(f"**{marker}")


def test_a_keyboard_reaches_the_note_in_place_and_follows_it_to_the_foot_and_back(base_url, laptop):
    laptop.goto(base_url + f"{MUTATION}/")
    marker = laptop.locator('a.footnote-ref[href="#fn:9"]')
    marker.focus()
    laptop.wait_for_function("() => document.activeElement.getAttribute('aria-controls')")
    shown = laptop.locator("#" + marker.get_attribute("aria-controls"))  # the dialog a screen reader is pointed to
    assert "Actualización sobre el Narcotráfico" in shown.inner_text()
    laptop.keyboard.press("Enter")
    laptop.wait_for_url("**#fn:9")
    assert "Actualización sobre el Narcotráfico" in laptop.locator('[id="fn:9"]').inner_text()


def without_editorial(locator) -> str:
    """The element's visible text with the edition's marked additions and back-links taken out."""
    return locator.evaluate("""e => { const c = e.cloneNode(true)
        c.querySelectorAll('.editorial, .footnote-backref, .paragraph-cite').forEach(x => x.remove())
        return c.textContent }""")


def words(text: str) -> list[str]:
    return text.split()


def test_without_its_marked_additions_every_paragraph_is_the_authors_text(base_url, page, article, files):
    from article.numbering import placed_paragraphs

    for anchor, paragraph in placed_paragraphs(article):
        page.goto(base_url + ("" if anchor.path == "index.md" else anchor.path[:-3] + "/"))
        shown = without_editorial(page.locator(f"#p{anchor.number}"))
        assert words(shown) == words(MARKER.sub(r"\1", paragraph.text)), anchor


def test_without_its_marked_additions_every_note_is_the_authors_text(base_url, page, article):
    page.goto(base_url + "notes/")
    for note in article.notes:
        shown = without_editorial(page.locator(f"#note-{note.number}"))
        assert words(shown) == [f"{note.number}.", *words(note.text)], note.number
    page.goto(base_url + f"{MUTATION}/")
    shown = without_editorial(page.locator('[id="fn:7"]'))
    (seventh,) = [note for note in article.notes if note.number == 7]
    assert words(shown) == words(seventh.text)


def test_the_edition_marks_what_it_adds_to_a_note_in_square_brackets(base_url, page):
    page.goto(base_url + f"{MUTATION}/")
    added = page.locator('[id="fn:11"] .editorial').all_inner_texts()
    (same,) = [text for text in added if text.startswith("[same source as note 10: ")]
    assert same.startswith("[same source as note 10: Rensselaer W. Lee III") and same.endswith("]")
    assert "[Full reference: Lee 1991, 109]" in added
    page.goto(base_url + "about/")
    assert "square brackets" in page.locator("article").inner_text()


def test_copying_a_paragraph_copies_its_words_and_note_numbers_only(base_url, page, article):
    page.goto(base_url + f"{MUTATION}/")
    copied = page.locator("#p12").evaluate("""p => { const range = document.createRange()
        range.selectNodeContents(p); getSelection().removeAllRanges(); getSelection().addRange(range)
        return getSelection().toString() }""")
    (p12,) = [paragraph for anchor, paragraph in placed_paragraphs(article) if anchor.number == 12]
    assert copied.strip() == MARKER.sub(r"\1", p12.text)
    assert page.locator("#p12 .paragraph-link").evaluate("a => getComputedStyle(a, '::after').content") == '"¶12"'


def test_cite_this_paragraph_copies_the_citation_with_its_number_and_permalink(site, base_url, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + f"{MUTATION}/")
    page.locator("#p12").hover()
    page.locator("#p12 .paragraph-cite").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    (first,) = [e.text for e in read(site, "cite/", {"p"}).elements if e.attrs.get("id") == STYLES[0].key]
    assert copied.startswith(first.rstrip(".")), copied  # the Cite page's first style, as published
    assert EDITION.source_url in copied and "para." not in copied  # the article as published, then the edition
    # served at another address than the build's (http://127.0.0.1:8000/…): the address the reader is at
    assert copied.endswith(f"¶12 in the reader edition, {base_url}{MUTATION}/#p12."), copied


def test_a_tapped_cite_button_copies_and_leaves_no_tooltip_over_the_text(base_url, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + f"{MUTATION}/")
    page.locator("#p12 .paragraph-cite").tap()
    page.wait_for_timeout(600)                       # a tooltip would show after a short delay
    copied = page.evaluate("navigator.clipboard.readText()")
    tooltip_shown = page.locator(".md-tooltip2--active").count() > 0 or page.locator("#p12 .paragraph-cite").evaluate(
        "c => getComputedStyle(c, '::after').display") != "none"
    context.close()
    assert copied.endswith(f"/{MUTATION}/#p12.") and not tooltip_shown


def test_the_navigation_groups_the_article_its_notes_the_explorers_and_the_edition(base_url, page):
    page.goto(base_url)
    sidebar = page.locator(".md-sidebar--primary").inner_text()
    order = [sidebar.index(part) for part in ("The article", "Introduction", "Notes and references", "References",
                                              "Explore", "Timeline", "The edition", "Cite this article")]
    assert order == sorted(order)


def test_a_missing_page_says_so_in_the_sites_look_and_leads_home_or_into_search(base_url, page):
    page.goto(base_url + "no/such/page/")
    assert page.locator("article h1").inner_text() == "Page not found"
    page.get_by_text("Search the article").click()
    page.keyboard.type("firmas")
    page.locator(".md-search-result__item").first.wait_for()
    page.goto(base_url + "no/such/page/")
    page.get_by_role("link", name=re.compile("Go to the start of the article")).click()
    page.wait_for_url(base_url + "index.html")
    assert page.locator(".title-block").is_visible()
