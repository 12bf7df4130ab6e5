"""Notes in the margin of a wide screen, as a reader meets them in the browser.

On a section page at 1280 px and wider, each note stands in the right margin beside its marker's
line (docs/assets/reader.css, "Notes in the margin"; the marks and the page's length:
docs/assets/margin-notes.js). The stylesheet and the script rely on Material 9.8.2: a page whose
front matter hides its table of contents gets Material's secondary sidebar with ``hidden``
before its content, and a note's popup (content.footnote.tooltips) is a ``.md-tooltip2`` with
the role of a dialog. An upgrade of Material that changes either fails here.
"""

from __future__ import annotations

import re

import material
import pytest
from conftest import INTRODUCTION, MUTATION, NEOSENDERISM, RESURGENCE
from test_edition import PHONE

MATERIAL_VERSION = "9.8.2"
WITH_NOTES = [INTRODUCTION, NEOSENDERISM, RESURGENCE, MUTATION]
WIDE = [1280, 1440, 1920]
NOTE_9 = "Actualización sobre el Narcotráfico"   # the title note 9 cites, which nothing else on its page says
NARROW = {"1024": {"viewport": {"width": 1024, "height": 768}}, "phone": PHONE}

# Where each note, its marker, the text and the paragraphs' aids are on the page, in CSS px.
GEOMETRY = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY,
                                                                   left: r.left, right: r.right} }
  return {
    notes: [...document.querySelectorAll('.footnote > ol > li')].map(li => ({
      number: li.value, ...box(li),
      marker: box(document.querySelector(`.footnote-ref[href="#${CSS.escape(li.id)}"]`).parentElement)})),
    text: [...document.querySelectorAll('article > :is(p, h1)')].map(box),
    aids: [...document.querySelectorAll('.paragraph-link, .paragraph-cite')].map(box),
    article: box(document.querySelector('article')),
    footer: box(document.querySelector('.md-footer')),
    width: document.documentElement.clientWidth}
}"""


def overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.fixture(scope="module")
def layouts(browser, base_url) -> dict:
    """Each section page with notes, as laid out at each wide and narrow width (loaded once)."""
    found = {}
    for name, options in [*((str(w), {"viewport": {"width": w, "height": 900}}) for w in WIDE), *NARROW.items()]:
        context = browser.new_context(**options)
        page = context.new_page()
        for slug in WITH_NOTES:
            page.goto(base_url + f"{slug}/", wait_until="load")
            found[name, slug] = page.evaluate(GEOMETRY)
        context.close()
    return found


def test_materials_version_is_the_one_whose_layout_and_popups_the_margin_notes_rely_on():
    assert material.__version__ == MATERIAL_VERSION, (
        "re-read Material's base.html (hide: toc) and its footnote tooltips, then reader.css's "
        "'Notes in the margin', margin-notes.js and this test")


def test_a_section_page_has_materials_table_of_contents_hidden_just_before_its_content_and_home_does_not(site):
    # The stylesheet's selector: .md-sidebar--secondary[hidden] ~ .md-content (Material's base.html).
    sidebar = re.compile(r'<div class="md-sidebar md-sidebar--secondary"[^>]*?( hidden)?\s*>.*?'
                         r'<div class="md-content" data-md-component="content">', re.S)
    for slug in WITH_NOTES:
        assert sidebar.search((site / slug / "index.html").read_text(encoding="utf-8"))[1]
    assert not sidebar.search((site / "index.html").read_text(encoding="utf-8"))[1]


@pytest.mark.parametrize("width", WIDE)
@pytest.mark.parametrize("slug", WITH_NOTES)
def test_on_a_wide_screen_each_note_starts_on_its_markers_line_or_right_under_the_note_before(layouts, width, slug):
    layout = layouts[str(width), slug]
    before = None
    for note in layout["notes"]:
        marker = note["marker"]
        assert note["left"] > layout["article"]["right"] - 1, f"note {note['number']} is not in the margin"
        on_its_line = abs(note["top"] - marker["top"]) <= 2
        pushed = before and note["top"] > marker["top"] and 0 <= note["top"] - before["bottom"] <= 16
        assert on_its_line or pushed, f"note {note['number']} at {note['top']}, its marker at {marker['top']}"
        before = note


@pytest.mark.parametrize("width", WIDE)
@pytest.mark.parametrize("slug", WITH_NOTES)
def test_no_margin_note_covers_another_the_text_a_paragraphs_number_or_cite_or_the_footer(layouts, width, slug):
    layout = layouts[str(width), slug]
    notes = layout["notes"]
    for i, note in enumerate(notes):
        others = notes[i + 1:] + layout["text"] + layout["aids"]
        assert not [box for box in others if overlap(note, box)], f"note {note['number']} covers something"
        assert 0 <= note["left"] and note["right"] <= layout["width"]
        assert note["bottom"] <= layout["footer"]["top"]


@pytest.mark.parametrize("name", NARROW)
@pytest.mark.parametrize("slug", WITH_NOTES)
def test_on_a_narrower_screen_the_notes_stay_at_the_foot_of_the_text(layouts, name, slug):
    layout = layouts[name, slug]
    end = max(box["bottom"] for box in layout["text"] if box["bottom"] <= layout["notes"][0]["top"])
    for note in layout["notes"]:
        assert note["left"] >= layout["article"]["left"] and note["right"] <= layout["article"]["right"]
        assert note["top"] >= end


@pytest.fixture
def wide(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def marked(locator) -> bool:
    """Whether the element is set off by a background of its own (the page's is transparent)."""
    return locator.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")


def test_hovering_a_marker_marks_its_margin_note_and_hovering_the_note_marks_the_marker(base_url, wide):
    wide.goto(base_url + f"{MUTATION}/")
    marker, note, other = (wide.locator('a.footnote-ref[href="#fn:7"]'), wide.locator('[id="fn:7"]'),
                           wide.locator('[id="fn:8"]'))
    assert not marked(note)
    marker.hover()
    assert marked(note) and marked(marker) and not marked(other)
    wide.mouse.move(5, 5)
    assert not marked(note)
    note.hover(position={"x": 40, "y": 5})
    assert marked(marker)


def test_a_marker_with_focus_marks_its_margin_note_and_shows_no_popup_repeating_it(base_url, wide):
    wide.goto(base_url + f"{MUTATION}/")
    wide.locator('a.footnote-ref[href="#fn:9"]').focus()
    wide.wait_for_timeout(400)   # Material shows a popup after a short delay
    assert marked(wide.locator('[id="fn:9"]'))
    assert wide.get_by_text(NOTE_9).filter(visible=True).count() == 1   # the note in the margin, no copy


def test_a_screen_reader_meets_each_margin_note_once_with_its_number(base_url, wide):
    wide.goto(base_url + f"{MUTATION}/")
    wide.locator('a.footnote-ref[href="#fn:9"]').focus()   # where Material's popup would add a copy
    wide.wait_for_timeout(400)
    heard = wide.locator("body").aria_snapshot()
    numbers = wide.locator(".footnote > ol > li").evaluate_all("items => items.map(li => li.value)")
    assert re.findall(r"- dialog(?! \"Search\")", heard) == [] and heard.count(NOTE_9) == 1   # no popup repeats it
    for number in numbers:                                    # each note, with its way back, once
        assert heard.count(f'/url: "#fnref:{number}"') == 1, f"note {number}"
    cdp = wide.context.new_cdp_session(wide)
    markers = [n["name"]["value"] for n in cdp.send("Accessibility.getFullAXTree")["nodes"]
               if not n.get("ignored") and n.get("role", {}).get("value") == "ListMarker"]
    assert [m for m in markers if re.fullmatch(r"\d+\. ", m)] == [f"{n}. " for n in numbers]


def test_tab_goes_on_in_the_text_from_a_marker_and_into_its_note_only_when_the_marker_is_followed(base_url, wide):
    wide.goto(base_url + f"{MUTATION}/")
    wide.locator('a.footnote-ref[href="#fn:6"]').focus()
    wide.keyboard.press("Tab")
    assert wide.evaluate("!document.activeElement.closest('.footnote')")
    wide.locator('a.footnote-ref[href="#fn:6"]').focus()
    wide.keyboard.press("Enter")
    wide.wait_for_url("**#fn:6")
    wide.keyboard.press("Tab")
    assert wide.evaluate("document.activeElement.closest('li')?.id") == "fn:6"


def test_a_link_in_a_margin_note_leads_where_it_says(base_url, wide):
    wide.goto(base_url + f"{INTRODUCTION}/")
    wide.locator('[id="fn:1"] a', has_text="UNODC 2020").click()
    wide.wait_for_url("**/references/#ref-unodc2020")


def test_section_pages_show_no_table_of_contents_where_other_pages_keep_materials(base_url, wide):
    wide.goto(base_url + f"{MUTATION}/")
    assert not wide.locator(".md-sidebar--secondary").is_visible()
    wide.goto(base_url)
    assert wide.get_by_role("navigation", name="Table of contents").is_visible()


def test_nothing_moves_as_a_section_page_with_margin_notes_loads(base_url, wide):
    wide.goto(base_url + f"{MUTATION}/", wait_until="load")
    wide.wait_for_timeout(500)
    shifts = wide.evaluate("""() => new Promise(done => new PerformanceObserver((list, observer) => {
        done(list.getEntries().map(e => e.value)); observer.disconnect() })
        .observe({type: 'layout-shift', buffered: true}) || setTimeout(() => done([]), 300))""")
    assert sum(shifts) == 0
