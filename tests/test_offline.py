"""The edition offline (docs/offline-worker.js; what it keeps is listed by scripts/hooks/offline.py):
after one visit, with the connection gone, a reader still reads, searches and downloads."""

from __future__ import annotations

import contextlib
import re
import functools
import gzip
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CONFIG, INTRODUCTION, SUB_PATH, SubPathHandler, open_search
from mkdocs.config import load_config
from playwright.sync_api import expect
from test_reading import VIEWPORTS, site_pages

from hooks import offline

OFFLINE_HEADING = "You are offline"


def visit_once(browser, url: str, **options):
    """A new reader's first visit to ``url``, once the offline worker has taken charge of the page."""
    context = browser.new_context(viewport=VIEWPORTS["phone"], **options)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller")
    return context, page


@pytest.fixture
def visited(browser, base_url):
    """The Introduction, visited once on a phone."""
    context, page = visit_once(browser, base_url + INTRODUCTION + "/")
    yield page
    context.close()


def test_the_worker_is_scoped_to_the_sites_folder(visited, base_url) -> None:
    assert visited.evaluate("async () => (await navigator.serviceWorker.ready).scope") == base_url


def test_offline_a_visited_section_reloads_with_its_text_and_notes(visited) -> None:
    first = visited.locator("article p[id^='p']").first.inner_text()
    visited.context.set_offline(True)
    visited.reload()
    assert visited.locator("article p[id^='p']").first.inner_text() == first
    visited.locator("article .footnote-ref").first.hover()
    assert visited.locator(".md-tooltip2--active").inner_text()


def test_offline_a_page_not_kept_is_the_offline_page_naming_what_is_kept(visited, base_url) -> None:
    visited.context.set_offline(True)
    visited.goto(base_url + "glossary/")
    assert visited.locator("h1").inner_text() == OFFLINE_HEADING
    visited.locator(".offline-kept").wait_for()  # shown once every link is checked
    assert visited.locator(".offline-kept li:visible").all_inner_texts() == ["Introduction"]


def test_offline_every_link_on_the_offline_page_opens_a_kept_page(visited, base_url) -> None:
    visited.context.set_offline(True)
    visited.goto(base_url + "glossary/")
    visited.locator(".offline-kept").wait_for()  # shown once every link is checked
    links = sorted(set(visited.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")))
    assert links == [base_url + INTRODUCTION + "/"]
    assert visited.get_by_role("link", name="About", exact=True).count() == 0  # named, not linked
    visited.goto(links[0])
    assert visited.locator("h1").inner_text() != OFFLINE_HEADING


def test_offline_a_page_not_kept_is_named_in_the_texts_colour_without_an_underline(visited, base_url) -> None:
    visited.context.set_offline(True)
    visited.goto(base_url + "glossary/")
    visited.locator(".offline-kept").wait_for()
    sentence = visited.locator("article p", has_text="Online again")
    looks = """async e => { await Promise.all(e.getAnimations().map(a => a.finished))  // Material's colour transition
                             return [getComputedStyle(e).color, getComputedStyle(e).textDecorationLine] }"""
    assert sentence.get_by_text("About", exact=True).evaluate(looks) == [sentence.evaluate(looks)[0], "none"]


def offline_drawer(page, base_url: str):
    """The navigation of the offline page (the drawer on a phone), every link checked."""
    page.context.set_offline(True)
    page.goto(base_url + "glossary/")
    page.locator(".offline-kept").wait_for()
    return page.locator("nav.md-nav--primary")


def test_offline_the_navigation_says_in_words_which_pages_are_not_kept(visited, base_url) -> None:
    heard = offline_drawer(visited, base_url).aria_snapshot()
    assert "listitem: Glossary Not kept on this device" in heard, heard
    assert 'link "Introduction"' in heard and "Introduction Not kept" not in heard, heard


def test_offline_a_page_not_kept_is_muted_in_the_navigation_unlike_a_kept_one(visited, base_url) -> None:
    drawer = offline_drawer(visited, base_url)
    colour = "e => getComputedStyle(e).color"
    kept = drawer.get_by_role("link", name="Introduction").evaluate(colour)
    assert drawer.locator("li", has_text="Glossary").locator("a").first.evaluate(colour) != kept


def test_offline_search_finds_guzman(visited, base_url) -> None:
    visited.context.set_offline(True)
    visited.goto(base_url + "glossary/")  # not kept: the offline page's search
    open_search(visited)
    visited.keyboard.type("Guzman")
    expect(visited.locator(".md-search-result__item").first).to_contain_text("Guzmán")


def test_the_offline_page_follows_the_readers_dark_scheme(browser, base_url) -> None:
    context, page = visit_once(browser, base_url + INTRODUCTION + "/", color_scheme="dark")
    context.set_offline(True)
    page.goto(base_url + "glossary/")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    context.close()
    assert scheme == "slate"


def test_no_pdf_or_epub_is_kept_unless_the_reader_asks(visited, base_url) -> None:
    visited.context.set_offline(True)
    visited.goto(base_url + "glossary/")
    assert not visited.locator(".offline-kept li", has_text="The article as").locator("visible=true").count()


def test_the_keep_control_says_what_it_keeps_and_its_size_to_a_listener(visited, base_url) -> None:
    visited.goto(base_url + "about/")
    heard = visited.locator(".keep-offline").aria_snapshot()
    assert re.search(r'button "Keep this edition for offline reading"', heard), heard
    assert re.search(r"Every page, about \d+ kB\.", heard), heard
    assert re.search(r'checkbox "Also keep the PDF and EPUB \(\d+ kB\)"', heard), heard


def test_what_the_worker_keeps_unasked_weighs_less_than_any_pages_first_load(site) -> None:
    # Compressed as a server sends them: a page and what it loads, against the rest of the shell.
    size = functools.cache(lambda path: len(gzip.compress(path.read_bytes(), mtime=0)))
    listed = json.loads((site / offline.EDITION).read_text(encoding="utf-8").split("=", 1)[1])
    shell = {(site / path).resolve() for path in listed["shell"]}
    for path in listed["pages"]:
        page = site / path / "index.html"
        loads = {(page.parent / address).resolve()
                 for address in re.findall(r'<(?:script|link)\b[^>]* (?:src|href)="([^"?#]+)', page.read_text("utf-8"))}
        loaded = shell & loads
        assert sum(map(size, shell - loaded)) < size(page) + sum(map(size, loaded)), path


def keep_the_edition(page, base_url: str, downloads: bool) -> str:
    """Press "Keep this edition for offline reading" on About; what it then says."""
    page.goto(base_url + "about/")
    if downloads:
        page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Keep this edition for offline reading").click()
    said = page.locator(".keep-offline").get_by_role("status")
    said.filter(has_text="Kept").wait_for()
    return said.inner_text()


def test_keeping_the_edition_keeps_every_page(visited, site, base_url) -> None:
    assert keep_the_edition(visited, base_url, downloads=False).startswith("Kept on this device: ")
    visited.context.set_offline(True)
    headings = {}
    for path in site_pages(site):
        visited.goto(base_url + path)
        headings[path] = visited.locator("h1").first.inner_text()
    assert [path for path, heading in headings.items() if heading == OFFLINE_HEADING] == []


def test_the_kept_pdf_downloads_offline(visited, site, base_url) -> None:
    keep_the_edition(visited, base_url, downloads=True)
    visited.context.set_offline(True)
    visited.goto(base_url + "about/")
    pdf = visited.locator("article a[href$='.pdf']").get_attribute("href")
    size = visited.evaluate("async url => (await (await fetch(url)).arrayBuffer()).byteLength", pdf)
    assert size == next((site / "downloads").glob("*.pdf")).stat().st_size


def wait_for(page, test: str, arg: object) -> None:
    """Wait until the page's async function ``test`` holds (wait_for_function takes no promise)."""
    for _ in range(100):
        if page.evaluate(test, arg):
            return
        page.wait_for_timeout(100)
    pytest.fail(f"never true: {test}")


@contextlib.contextmanager
def deploys(site: Path) -> Iterator[tuple[str, dict[str, Path]]]:
    """The site served at one address whose files a new deploy can replace (``deployed["site"]``)."""
    deployed = {"site": site}

    class Handler(SubPathHandler):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(deployed["site"]), **kwargs)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}", deployed
    finally:
        server.shutdown()


def second_deploy(site: Path, into: Path, old: str, new: str) -> Path:
    """The site with the Introduction's ``old`` text made ``new``, and its edition listed again by
    the build's own hook (a new version, as any change of a file makes)."""
    shutil.copytree(site, into)
    page = into / INTRODUCTION / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    offline.write_edition(into, load_config(str(CONFIG)))
    return into


def test_after_a_new_deploy_one_reload_shows_its_text(browser, site, tmp_path) -> None:
    with deploys(site) as (url, deployed):
        context, page = visit_once(browser, url + INTRODUCTION + "/")
        first = page.locator("article p[id^='p']").first.inner_text()
        deployed["site"] = second_deploy(site, tmp_path / "second", first[:40], "Second deploy: " + first[:40])
        page.reload()
        shown = page.locator("article p[id^='p']").first.inner_text()
        context.close()
    assert shown == "Second deploy: " + first


def test_a_new_deploy_replaces_the_kept_pages_at_the_next_visit(browser, site, tmp_path) -> None:
    """The Introduction kept by a visit; after the deploy, the reader's next visit is to home."""
    with deploys(site) as (url, deployed):
        context, page = visit_once(browser, url + INTRODUCTION + "/")
        first = page.locator("article p[id^='p']").first.inner_text()
        deployed["site"] = second_deploy(site, tmp_path / "second", first[:40], "Second deploy: " + first[:40])
        page.goto(url)
        version = offline.edition(deployed["site"], load_config(str(CONFIG)))["version"]
        wait_for(page, "async version => (await caches.keys()).join() === `edition-${version}`", version)
        context.set_offline(True)
        page.goto(url + INTRODUCTION + "/")
        kept = page.locator("article p[id^='p']").first.inner_text()
        context.close()
    assert kept == "Second deploy: " + first


def stall(context, pattern) -> None:
    """A connection that stalls rather than drops: requests matching ``pattern`` are never answered."""
    context.route(pattern, lambda route: None)


def test_on_a_stalled_connection_a_kept_page_opens_with_its_text(visited, base_url) -> None:
    first = visited.locator("article p[id^='p']").first.inner_text()
    stall(visited.context, "**/" + INTRODUCTION + "/")
    visited.goto(base_url + INTRODUCTION + "/", timeout=10_000)  # the worker's limit is a few seconds
    assert visited.locator("article p[id^='p']").first.inner_text() == first


def test_on_a_stalled_connection_search_finds_guzman(visited) -> None:
    stall(visited.context, re.compile(r".*/(search/search_index\.json|workers/.*\.js)(\?.*)?$"))
    open_search(visited)
    visited.keyboard.type("Guzman")
    expect(visited.locator(".md-search-result__item").first).to_contain_text("Guzmán", timeout=15_000)


def test_an_update_over_a_failing_connection_keeps_every_page_kept_before(browser, site, tmp_path) -> None:
    with deploys(site) as (url, deployed):
        context, page = visit_once(browser, url + INTRODUCTION + "/")
        keep_the_edition(page, url, downloads=True)
        deployed["site"] = second_deploy(site, tmp_path / "second", "</h1>", " (second deploy)</h1>")
        failing = re.compile(r".*/(conclusions/|timeline/|downloads/.*\.pdf)$")
        context.route(failing, lambda route: route.abort("connectionreset"))
        page.goto(url)
        version = offline.edition(deployed["site"], load_config(str(CONFIG)))["version"]
        wait_for(page, "async version => (await caches.keys()).join() === `edition-${version}`", version)
        context.unroute(failing)
        context.set_offline(True)
        headings = {}
        for path in ("conclusions/", "timeline/"):
            page.goto(url + path)
            headings[path] = page.locator("h1").first.inner_text()
        pdf = next((site / "downloads").glob("*.pdf"))
        size = page.evaluate("async url => (await (await fetch(url)).arrayBuffer()).byteLength", url + "downloads/" + pdf.name)
        context.close()
    assert OFFLINE_HEADING not in headings.values(), headings
    assert size == pdf.stat().st_size


def test_once_kept_home_tells_a_listener_how_many_pages_are_kept_and_when(visited, site, base_url) -> None:
    keep_the_edition(visited, base_url, downloads=True)
    visited.goto(base_url)
    control = visited.locator(".keep-offline")
    control.get_by_role("button", name="Remove from this device").wait_for()
    heard = control.aria_snapshot()
    kept = re.search(r"status: \"?Kept on this device: (\d+) pages, the PDF and EPUB, \w+ \d+, \d{4}\.", heard)
    assert kept and int(kept[1]) == len(list(site.rglob("index.html"))), heard


def test_remove_from_this_device_leaves_kept_only_the_pages_opened_since(visited, base_url) -> None:
    keep_the_edition(visited, base_url, downloads=True)
    visited.get_by_role("button", name="Remove from this device").click()
    visited.locator(".keep-offline").get_by_role("status").filter(has_text="Removed").wait_for()
    visited.reload()  # About, opened again
    visited.goto(base_url + "offline.html")  # which names what is kept
    visited.locator(".offline-kept").wait_for()
    assert visited.locator(".offline-kept li:visible").all_inner_texts() == ["About this edition"]
