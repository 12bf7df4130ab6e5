"""The Content-Security-Policy every page declares (scripts/hooks/content_policy.py, placed by
scripts/overrides/main.html): Chromium enforces it, the edition's own features run under it, and
whatever a careless change would load from another host is refused."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest
from conftest import SUB_PATH, served, open_search
from test_reading import VIEWPORTS, site_pages

MATERIAL_VERSION = "9.8.2"
MATERIAL_BASE = Path(material.__file__).parent / "templates" / "base.html"
# Every source a directive may name: the edition's own origin, nothing, Material's data: icons, or
# an inline script's or style's hash. A host of any kind is none of these.
OWN_SOURCES = re.compile(r"'self'|'none'|data:|'sha256-[A-Za-z0-9+/]{43}='")
# Recorded in the page before any of its scripts run: every violation the page's document sees.
RECORD_VIOLATIONS = """
window.violations = []
document.addEventListener("securitypolicyviolation",
  event => window.violations.push(`${event.effectiveDirective} ${event.blockedURI}`))
"""


class Head(HTMLParser):
    """The elements of a page's head, in order, as (tag, attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.done = False

    def handle_starttag(self, tag, attrs):
        if not self.done and tag != "head" and tag != "html":
            self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        self.done = self.done or tag == "head"


def head(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = Head()
    parser.feed(html)
    return parser.elements


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_declares_the_policy_first_in_its_head(site) -> None:
    first = {page.relative_to(site).as_posix(): head(page.read_text(encoding="utf-8"))[0] for page in html_pages(site)}
    assert {name: tag for name, tag in first.items()
            if tag[0] != "meta" or tag[1].get("http-equiv") != "Content-Security-Policy"} == {}


def test_the_policy_allows_no_other_host_and_no_inline_code_but_the_pages_own(site) -> None:
    policy = next(attrs["content"] for tag, attrs in head((site / "index.html").read_text(encoding="utf-8"))
                  if attrs.get("http-equiv") == "Content-Security-Policy")
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'" and directives["form-action"] == "'none'"
    assert {source for sources in directives.values() for source in sources.split()
            if not OWN_SOURCES.fullmatch(source)} == set()


def use_every_feature(page) -> None:
    """What a reader does on a page: toggle the palette, open a note, press Cite, look at the map,
    take a download, and search."""
    page.locator("label[title^='Switch to']:visible").click()  # to dark, or back to light
    if page.locator("article .footnote-ref").count():
        page.locator("article .footnote-ref").first.hover()
        page.locator(".md-tooltip2--active").wait_for()
    if page.locator(".paragraph-cite").count():
        page.locator(".paragraph-cite").first.click()
    if page.locator(".locator-map").count():
        page.locator(".locator-map").scroll_into_view_if_needed()
    epub = page.locator("article a[href$='.epub']")  # the PDF would open in place of the page
    if epub.count():
        with page.expect_download():
            epub.first.click()
    open_search(page)
    page.keyboard.type("Guzman")
    page.locator(".md-search-result__item").first.wait_for()


def test_no_page_breaks_its_policy_while_every_feature_is_used(site, base_url, browser) -> None:
    context = browser.new_context(accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    refused: list[str] = []  # what Chromium logs as refused, from the page and from its workers
    page.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    found = {}
    for path in [*site_pages(site), "404.html", "offline.html"]:
        page.set_viewport_size(VIEWPORTS["desktop"])  # the notes set in the margin
        page.goto(base_url + path)
        page.set_viewport_size(VIEWPORTS["phone"])    # a note opened in its popup
        use_every_feature(page)
        found[path] = page.evaluate("window.violations") + refused
        refused.clear()
    context.close()
    assert {path: violations for path, violations in found.items() if violations} == {}


def external_links(site: Path) -> set[str]:
    """Every address another host serves that a link of the built site points at."""
    return {html.unescape(href) for page in html_pages(site)
            for href in re.findall(r'<a [^>]*href="(https?://[^"]+)"', page.read_text(encoding="utf-8"))}


def test_no_link_to_another_site_tells_it_the_page_it_was_followed_from(site, base_url, browser) -> None:
    """Each link to another host, from the first page that has it (Material's footer link from
    home), followed as a reader follows it; the other host answers 204, so the reader stays."""
    origin = base_url.removesuffix(SUB_PATH)
    context = browser.new_context()
    referrers: dict[str, str | None] = {}

    def elsewhere(route) -> None:
        referrers[route.request.url] = route.request.header_value("referer")
        route.fulfill(status=204)

    context.route(lambda url: not url.startswith(origin), elsewhere)
    page = context.new_page()
    followed: set[str] = set()
    for path in [*site_pages(site), "404.html"]:
        page.goto(base_url + path)
        for link in page.locator(f"a[href^='http']:not([href^='{origin}'])").all():
            if link.get_attribute("href") in followed:
                continue
            with context.expect_event("request", predicate=lambda request: not request.url.startswith(origin)):
                link.evaluate("a => a.click()")
            followed.add(link.get_attribute("href"))
    context.close()
    assert followed == external_links(site)
    assert {url: referrer for url, referrer in referrers.items() if referrer} == {}


def planted_site(site: Path, into: Path) -> Path:
    """A copy of the built site whose Introduction loads a script, an image and a font from other hosts."""
    shutil.copytree(site, into)
    page = into / "introduction" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", (
        '<script src="https://scripts.example.com/planted.js"></script>'
        '<img src="https://images.example.com/planted.png" alt=""></body>')), encoding="utf-8")
    with (into / "assets" / "reader.css").open("a", encoding="utf-8") as css:
        css.write("@font-face{font-family:planted;src:url(https://fonts.example.com/planted.woff2)}"
                  "body{font-family:planted}")
    return into


def test_a_script_an_image_and_a_font_from_other_hosts_are_all_refused(site, browser, tmp_path) -> None:
    context = browser.new_context()
    requested: list[str] = []
    context.route(re.compile(r"https://\w+\.example\.com/.*"),
                  lambda route: (requested.append(route.request.url), route.fulfill(body="")))
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    with served(planted_site(site, tmp_path / "site")) as url:
        page.goto(url + "introduction/", wait_until="networkidle")
        violations = page.evaluate("window.violations")
    context.close()
    assert (sorted(violations), requested) == (sorted([
        "script-src-elem https://scripts.example.com/planted.js",
        "img-src https://images.example.com/planted.png",
        "font-src https://fonts.example.com/planted.woff2"]), [])


def test_materials_site_meta_block_opens_the_head_before_any_script_or_style() -> None:
    """The policy relies on Material's base.html: its `site_meta` block comes first in the head,
    before the styles, the scripts and every other block, in the version the edition is built with."""
    assert material.__version__ == MATERIAL_VERSION, (
        f"Material {material.__version__}: check that base.html's site_meta block still opens the head, "
        "then update MATERIAL_VERSION")
    template = MATERIAL_BASE.read_text(encoding="utf-8")
    in_head = template[template.index("<head>"):template.index("</head>")]
    assert re.match(r"<head>\s*{% block site_meta %}", in_head)
    meta = in_head[:in_head.index("{% endblock %}")]
    assert not re.search(r"<script|<style|<link rel=\"stylesheet\"|{% include", meta)
