"""Material's page chrome as fixed by scripts/hooks/accessibility.py: a reader who comes back to a
page finds the drawer and the search closed, and the 404 page passes axe-core like every other."""

from __future__ import annotations

import pytest
from test_reading import VIEWPORTS, axe_violations

PHONE = VIEWPORTS["phone"]


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def open_then_come_back(page, base_url: str, toggle: str) -> None:
    """Open the drawer or the search from the header, go to another page, and come back."""
    page.goto(base_url, wait_until="networkidle")
    page.locator(f"header label[for=__{toggle}]").first.click()
    page.wait_for_function(f"() => document.getElementById('__{toggle}').checked")
    page.goto(base_url + "glossary/", wait_until="networkidle")
    page.go_back(wait_until="networkidle")


def test_coming_back_to_a_page_shows_its_text_not_the_drawer(phone_page, base_url) -> None:
    open_then_come_back(phone_page, base_url, "drawer")
    drawer = phone_page.locator(".md-sidebar--primary").bounding_box()
    assert drawer["x"] + drawer["width"] <= 0  # still off-screen to the left


def test_coming_back_to_a_page_shows_its_text_not_the_search(phone_page, base_url) -> None:
    open_then_come_back(phone_page, base_url, "search")
    assert not phone_page.locator(".md-search__inner").is_visible()


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_accessibility_violation_on_the_404_page(base_url, browser, scheme, size) -> None:
    context = browser.new_context(viewport=VIEWPORTS[size], color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + "404.html", wait_until="networkidle")
    found = axe_violations(page)
    context.close()
    assert found == []
