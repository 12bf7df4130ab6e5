"""A note's popup (Material's tooltip, with docs/assets/reader.js) shows its number and its whole
text, or keeps a visible link to the note where it cannot: on a phone's tap and a desktop's hover."""

from __future__ import annotations

import pytest
from conftest import MUTATION
from test_reading import VIEWPORTS

# On a wide screen a section's notes stand in the margin, without popups: the print edition,
# which has every note, keeps them there.
SHOWN_BY = {"phone": (f"{MUTATION}/", "tap"), "desktop": ("print/", "hover")}


def popup(browser, base_url: str, size: str, viewport: dict, number: str) -> dict:
    """Show note ``number`` as a reader does on ``size`` and say what its popup shows."""
    path, gesture = SHOWN_BY[size]
    phone = gesture == "tap"
    context = browser.new_context(viewport=viewport, has_touch=phone, is_mobile=phone)
    page = context.new_page()
    page.goto(base_url + path, wait_until="networkidle")
    marker = page.locator(f'a.footnote-ref[href="#fn:{number}"]').first
    marker.scroll_into_view_if_needed()
    page.mouse.wheel(0, -viewport["height"] // 3)  # the marker in the screen's upper half, as a reader reads on
    page.wait_for_timeout(200)
    marker.tap() if phone else marker.hover()
    page.wait_for_selector(".md-tooltip2--active .md-tooltip2__inner[data-note]")
    page.wait_for_timeout(300)  # Material's transition
    heard = page.locator(".md-tooltip2--active").aria_snapshot()
    shown = page.evaluate("""() => { const inner = document.querySelector('.md-tooltip2--active .md-tooltip2__inner');
        const box = inner.getBoundingClientRect(), link = inner.querySelector('.note-whole');
        const inView = r => r.top >= 0 && r.bottom <= innerHeight;
        return {back: [...inner.querySelectorAll('.footnote-backref')].some(a => a.checkVisibility()),
                first: getComputedStyle(inner, '::before').content, whole: inner.scrollHeight <= inner.clientHeight + 1 && inView(box),
                link: link && inView(link.getBoundingClientRect()) ? link.innerText : null} }""")
    context.close()
    return {**shown, "heard": heard}


@pytest.mark.parametrize("number", ["6", "7"])
@pytest.mark.parametrize("size", VIEWPORTS)
def test_a_long_notes_popup_shows_its_number_and_its_whole_text_or_a_link_to_it(browser, base_url, size, number):
    shown = popup(browser, base_url, size, VIEWPORTS[size], number)
    assert shown["first"].startswith(f'"Note {number}') and f"Note {number}" in shown["heard"].split("\n")[1]
    assert shown["whole"] or shown["link"] == f"Go to note {number}", shown


def test_a_note_too_long_for_its_popup_keeps_a_link_to_it_in_view(browser, base_url):
    shown = popup(browser, base_url, "phone", {"width": 390, "height": 420}, "7")
    assert not shown["whole"] and shown["link"] == "Go to note 7", shown


def test_a_tapped_notes_popup_is_heard_as_a_dialog_named_for_its_note(browser, base_url):
    shown = popup(browser, base_url, "phone", VIEWPORTS["phone"], "6")
    assert shown["heard"].startswith('- dialog "Note 6"'), shown["heard"]


def test_a_tapped_notes_popup_shows_no_link_back_to_the_marker_it_stands_by(browser, base_url):
    assert not popup(browser, base_url, "phone", VIEWPORTS["phone"], "6")["back"]


def test_on_a_touch_screen_a_marker_a_screen_reader_activates_leads_to_its_note(browser, base_url):
    # A screen reader activates a link with a click that no finger started (no pointer goes down).
    context = browser.new_context(viewport=VIEWPORTS["phone"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + f"{MUTATION}/", wait_until="networkidle")
    page.locator('a.footnote-ref[href="#fn:6"]').first.dispatch_event("click")
    page.wait_for_function("() => location.hash === '#fn:6'", timeout=3_000)
    page.wait_for_timeout(300)
    landed = page.evaluate("""() => { const note = document.getElementById('fn:6').getBoundingClientRect();
        return note.top >= 0 && note.top < innerHeight }""")
    context.close()
    assert landed
