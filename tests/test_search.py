"""Search, typed into the site's search box in a real browser, finds what readers type.

Each query must put the expected page among the top three results, and that result must
link to the paragraph or note that holds the words. The time from the last keystroke to
the rendered results is measured and its median printed at the end; it is never asserted.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

INTRODUCTION = "introduction/"
NEOSENDERISM = "neosenderism-in-the-vraem/"
RESURGENCE = "resurgence-of-coca-cultivation-in-peru-and-bolivia/"
MUTATION = "the-mutation-of-the-shining-path-into-a-narcoterrorist-organization/"
CONCLUSIONS = "conclusions/"
NOTES = "notes/"


@dataclass(frozen=True)
class Query:
    typed: str
    page: str      # path below the site's root
    anchor: str    # the paragraph or note the result must link to

    def __str__(self) -> str:
        return self.typed


QUERIES = [
    # Accents either way
    Query("Apurimac", INTRODUCTION, "p4"),             # the text has "Apurímac" there
    Query("Apurímac", INTRODUCTION, "p2"),             # … and "Apurimac" here
    Query("Guzman", NEOSENDERISM, "p5"),               # "Abimael Guzmán"
    Query("Guzmán", NEOSENDERISM, "p6"),               # "post-Guzman"
    Query("Medellin", MUTATION, "p10"),                # "Medellín"
    Query("Soberon", NOTES, "note-3"),                 # "Ricardo Soberón"
    Query("Raul Gonzalez", NOTES, "note-4"),           # "Raúl González"
    Query("narcotrafico", NEOSENDERISM, "fn:3"),       # "El narcotráfico en el Perú"
    Query("Cocaina", NOTES, "note-10"),                # "Cocaína y poder político"
    # English and Spanish word forms
    Query("narcoterrorism", MUTATION, ""),             # its title: "… into a Narcoterrorist Organization"
    Query("socioeconomic", CONCLUSIONS, "p19"),        # "socio-economic inequality"
    Query("firmas", MUTATION, "p10"),
    Query("firma", MUTATION, "p12"),
    # Phrases and names
    Query("balloon effect", RESURGENCE, "p9"),
    Query("Mosca Loca", MUTATION, "p12"),
    Query("Vampiro", MUTATION, "p12"),
    Query("Sendero Luminoso", "", "p1"),
    Query("Pablo Escobar", MUTATION, "p11"),
    Query("Abimael", NEOSENDERISM, "p5"),
    Query("Alto Huallaga", INTRODUCTION, "p2"),
    # Acronyms, dotted and two-letter ones too
    Query("VRAEM", "", "p1"),                         # the summary spells it out
    Query("FF. AA.", MUTATION, "p10"),
    Query("FFAA", MUTATION, "p11"),
    Query("SL", INTRODUCTION, "p2"),
    Query("MNR", RESURGENCE, "p8"),
    Query("PNP", MUTATION, "p10"),
    Query("UNODC", INTRODUCTION, "fn:1"),
    # Years and numbers
    Query("1952", RESURGENCE, "p8"),
    Query("1995", MUTATION, "p10"),
    Query("1991", MUTATION, "p15"),
    # Authors and titles in the notes
    Query("Rospigliosi", NEOSENDERISM, "fn:2"),
    Query("Rospigliosi", NOTES, "note-2"),
    Query("Dreyfus", MUTATION, "fn:6"),
    Query("Tullis", NOTES, "note-8"),
    Query("Valderrama", RESURGENCE, "fn:5"),
    Query("laberinto blanco", NOTES, "note-10"),
    Query("Unintended Consequences", NOTES, "note-8"),
]

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
    groups = []
    for item in page.locator(".md-search-result__item").all():
        hrefs = item.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
        page_url = urlsplit(hrefs[0])._replace(query="", fragment="").geturl()
        groups.append(Result(page_url.removeprefix(base_url), [urlsplit(href).fragment for href in hrefs]))
    return groups


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_a_typed_query_puts_its_page_in_the_top_three_and_links_to_the_paragraph(search, base_url, query):
    page, latencies = search
    groups = results_for(page, query.typed, base_url, latencies)
    top = [group.page for group in groups[:3]]
    assert query.page in top, f"{query.typed!r}: top three were {top}"
    assert query.anchor in groups[top.index(query.page)].links


def test_the_search_box_needs_no_mouse(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url)
    page.keyboard.press("/")
    page.keyboard.type("Vampiro")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")    # the page
    page.keyboard.press("ArrowDown")    # its paragraph
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{MUTATION}**#p12")
    assert "Vampiro" in page.locator("#p12").inner_text()
    context.close()
