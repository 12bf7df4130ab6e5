"""Time search as a reader meets it: each key typed to its results, and a page's first search.

Used by scripts/tools/benchmark.py, which runs it on this site and on plain Material.
"""

from __future__ import annotations

import statistics

from article.index_data import load_editor_data

# Words of the article, a Spanish phrase, a question, and the first names of the Index
# (scripts/data/index.yml), its people, groups and places.
SEARCH_QUERIES = ["coca", "narcoterrorism", "cartels", "crimen organizado", "why did the cartels need the coca growers",
                  *(entry.name.text for entry in load_editor_data().entries[::6])]

# Records, from the next keydown (its event's time stamp: when the key went down), the milliseconds
# to Material's answer in the page (its result count or "No matching documents", and the list; in
# one change), and to the frame that shows it (the requestAnimationFrame before that frame's paint):
# window.__searched resolves with [in the page, on screen]. Before search has answered a query,
# its "Initializing search" and "Type to start searching" are no answer.
TIME_FROM_NEXT_KEY = """() => { window.__searched = new Promise(resolve => {
    document.addEventListener('keydown', event => {
        const start = event.timeStamp, result = document.querySelector('.md-search-result');
        new MutationObserver((_, observer) => {
            const said = result.querySelector('.md-search-result__meta').textContent.trim();
            if (/^(Initializing search|Type to start searching)$/.test(said)) return;
            observer.disconnect();
            const changed = performance.now();
            requestAnimationFrame(() => resolve([changed - start, performance.now() - start]));
        }).observe(result, {childList: true, subtree: true, characterData: true});
    }, {once: true, capture: true});
}); }"""
# Whether the result list has not changed for a moment: the worker has answered every keystroke.
WATCH_RESULTS = """() => { window.__changed = performance.now();
    new MutationObserver(() => { window.__changed = performance.now(); })
        .observe(document.querySelector('.md-search-result__list'), {childList: true, subtree: true}); }"""
SETTLED = "() => performance.now() - window.__changed > 200"


def keystroke_ms(browser, base_url: str, queries: list[str]) -> list[tuple[float, float]]:
    """For each query, typed key by key into the open search box of one page as a reader types it,
    each key answered before the next: the milliseconds from its last key going down to its results
    in the page and on screen. The worker has answered the query's earlier keys, and the queries
    before it, as it has for a reader who types on."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim()"
                           " !== 'Initializing search'")  # a function: the page's policy runs no string as code
    page.evaluate(WATCH_RESULTS)
    box, latencies = page.locator("input.md-search__input"), []
    for query in queries:
        box.fill("")
        for key in query[:-1]:
            page.keyboard.type(key)
            page.wait_for_function(SETTLED, polling=50)
        page.evaluate(TIME_FROM_NEXT_KEY)
        page.keyboard.type(query[-1])
        latencies.append(tuple(page.evaluate("window.__searched")))
        page.wait_for_function(SETTLED, polling=50)
    context.close()
    return latencies


def first_search_ms(browser, base_url: str, query: str) -> float:
    """Milliseconds from opening search on a page just loaded (Material's "/" shortcut) and typing
    ``query`` at once to its results on screen: the wait of a reader's first search, fetching the
    index included."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    page.evaluate(TIME_FROM_NEXT_KEY)
    page.keyboard.press("/")
    page.keyboard.type(query)
    latency = page.evaluate("window.__searched")[1]
    context.close()
    return latency


def search_latency(figures: dict, browser, url: str, plain_url: str) -> None:
    """Keystroke to results, in the page and on screen, and the first search on a fresh page;
    this site and plain Material."""
    figures["keystroke_ms"] = {name: keystroke_ms(browser, site, SEARCH_QUERIES)
                               for name, site in (("site", url), ("plain", plain_url))}
    figures["search_latency_ms"] = {name: {where: statistics.median(t[i] for t in times)
                                           for i, where in enumerate(("page", "screen"))}
                                    for name, times in figures["keystroke_ms"].items()}
    figures["first_search_ms"] = {
        name: statistics.median(first_search_ms(browser, site, query) for query in SEARCH_QUERIES)
        for name, site in (("site", url), ("plain", plain_url))}
