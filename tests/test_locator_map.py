"""The home page's orientation for a stranger: who published the article, where the VRAEM is, and
the locator map, read as a reader sees it on a phone and a desktop, in either colour scheme, in the
PDF and in the EPUB; and the map's data, which the pinned packages must give byte for byte."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from pypdf import PdfReader
from test_epub import epub  # noqa: F401  (the EPUB fixture)
from test_pdf import pdf  # noqa: F401  (the PDF fixture)
from test_reading import VIEWPORTS

from tools import map_extract

LABELS = ["Peru", "Colombia", "Bolivia", "Ecuador", "Brazil", "Chile", "Lima", "VRAEM", "Alto Huallaga",
          "(approximate)", "Pacific Ocean"]


# One home page per size and scheme for the whole module: the tests only read it.
@pytest.fixture(scope="module", params=[(size, scheme) for size in VIEWPORTS for scheme in ("light", "dark")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def home(request, browser, base_url):
    size, scheme = request.param
    context = browser.new_context(viewport=VIEWPORTS[size], color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    yield page
    context.close()


def test_the_committed_extract_is_what_the_pinned_packages_give_byte_for_byte():
    assert map_extract.extract() == map_extract.EXTRACT.read_text(encoding="utf-8")


def test_the_extract_records_the_version_and_licence_of_each_package_as_package_lock_pins_it():
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    sources = json.loads(map_extract.EXTRACT.read_text(encoding="utf-8"))["sources"]
    assert {s["package"]: (s["version"], s["licence"]) for s in sources} == {
        s["package"]: (lock[f"node_modules/{s['package']}"]["version"], lock[f"node_modules/{s['package']}"]["license"])
        for s in sources}
    assert all("Natural Earth" in s["data"] and "public domain" in s["data"] for s in sources)


def test_each_approximate_area_says_what_it_was_drawn_around():
    for area in json.loads(map_extract.EXTRACT.read_text(encoding="utf-8"))["areas"]:
        assert area["basis"].startswith("Approximate.") and "wikipedia.org" in area["basis"]


def test_home_names_the_publisher_in_english_as_the_editions_words(home):
    block = home.locator(".title-block")
    gloss = block.locator(".editorial", has_text="Strategic Studies")
    assert gloss.is_visible()
    assert gloss.inner_text() == "[English: Peruvian Army Center for Strategic Studies]"


def test_home_says_in_words_that_the_vraem_is_in_south_central_peru(home):
    where = home.locator("p.where")
    assert where.is_visible()
    assert "Apurímac, Ene and Mantaro rivers" in where.inner_text()
    assert "south-central Peru" in where.inner_text()


def test_every_label_of_the_map_is_text_inside_the_map_a_reader_sees(home):
    drawing = home.locator("#map svg")
    drawing.scroll_into_view_if_needed()
    frame = drawing.bounding_box()
    for label in LABELS:
        text = drawing.locator("text", has_text=label).first
        box = text.bounding_box()
        assert box, label
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1, label
        assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1, label


def test_on_a_phone_the_map_fills_the_column_and_its_labels_are_at_least_10_px(browser, base_url):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(base_url)
    column = page.locator("p.where").bounding_box()
    drawing = page.locator("#map svg").bounding_box()
    sizes = page.locator("#map svg text").evaluate_all(
        "texts => texts.map(t => t.getBoundingClientRect().height)")
    context.close()
    assert drawing["width"] >= column["width"] - 1
    assert min(sizes) >= 10


def test_the_map_is_an_image_whose_name_and_description_say_what_it_shows_apart(home):
    session = home.context.new_cdp_session(home)  # Chromium's own accessibility tree
    images = [node for node in session.send("Accessibility.getFullAXTree")["nodes"]
              if node.get("role", {}).get("value") == "image" and "Peru" in node.get("name", {}).get("value", "")]
    session.detach()
    assert [image["name"]["value"] for image in images] == ["Locator map of Peru, the VRAEM and the Alto Huallaga valley"]
    description = images[0]["description"]["value"]
    for name in ["Peru", "Colombia", "Bolivia", "Lima", "VRAEM", "Alto Huallaga", "approximate"]:
        assert name in description


def luminance(rgb: str) -> float:
    channels = [int(v) / 255 for v in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_maps_labels_contrast_with_the_page_in_either_colour_scheme(home):
    label = home.locator("#map svg text", has_text="Colombia")
    fill = label.evaluate("e => getComputedStyle(e).fill")
    ground = home.evaluate("getComputedStyle(document.body).backgroundColor")
    lighter, darker = sorted([luminance(fill), luminance(ground)], reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5


def test_the_maps_caption_credits_natural_earth_and_names_the_index_places_it_does_not_show(home):
    caption = home.locator(".map-caption").inner_text()
    assert "Natural Earth" in caption and "public domain" in caption
    assert "Mexico" in caption and "approximate" in caption


def test_the_maps_caption_says_where_its_data_comes_from_in_plain_words_naming_no_package(home):
    caption = home.locator(".map-caption").inner_text()
    packages = [s["package"] for s in json.loads(map_extract.EXTRACT.read_text(encoding="utf-8"))["sources"]]
    assert "from Natural Earth, a map of the world in the public domain" in caption
    assert not [name for name in [*packages, "npm", "package"] if name in caption]


def test_each_place_in_the_index_links_to_the_map_or_the_caption_says_it_is_not_there(base_url, page):
    page.goto(base_url + "index-of-names/")
    places = page.locator("h2:has-text('Places') + ul > li").filter(has=page.locator("strong"))  # not a "see"
    page.goto(base_url)
    caption = page.locator(".map-caption").inner_text()
    page.goto(base_url + "index-of-names/")
    from article.index_data import load_editor_data

    names = {entry.heading: entry.name.text for entry in load_editor_data().entries}  # the caption's words
    linked = []
    for item in places.all():
        heading = item.locator("strong").first.inner_text()
        link = item.get_by_role("link", name="on the map")
        if link.count():
            linked.append(link)
        else:
            assert names[heading] in caption, heading
    assert linked
    linked[0].click()
    page.wait_for_load_state()
    assert page.url.endswith("/#map")
    assert page.locator("#map svg").is_visible()
    box = page.locator("#map").bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]  # the map is where the reader lands


def test_the_pdfs_first_page_draws_the_map_with_its_labels(pdf):  # noqa: F811
    first = PdfReader(pdf).pages[0].extract_text()
    for label in ["Colombia", "Bolivia", "Lima", "VRAEM", "Alto Huallaga", "(approximate)"]:
        assert label in first, label


def test_the_epub_carries_the_map_with_its_description_as_the_images_text(epub):  # noqa: F811
    with zipfile.ZipFile(epub) as book:
        drawings = [n for n in book.namelist() if n.endswith(".svg")]
        chapters = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xhtml"))
        assert len(drawings) == 1
        drawing = book.read(drawings[0]).decode("utf-8")
    assert all(f">{label}<" in drawing for label in ["Colombia", "Bolivia", "Lima", "VRAEM"])
    image = re.search(rf'<img src="[^"]*{Path(drawings[0]).name}"[^>]*alt="([^"]+)"', chapters)
    assert image and "VRAEM" in image.group(1) and "approximate" in image.group(1)


def test_the_pdfs_map_caption_names_only_what_the_pdf_contains(pdf):  # noqa: F811
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    caption = text[text.index("[Map:"):text.index("]", text.index("[Map:"))]
    assert "Places the article names that the map does not show: Apurímac River" in caption
    assert "Index" not in caption


def test_the_epubs_map_caption_names_only_what_the_epub_contains(epub):  # noqa: F811
    with zipfile.ZipFile(epub) as book:
        chapters = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xhtml"))
    caption = re.sub(r"<[^>]+>", "", re.search(r"\[Map:.*?\]", chapters, re.S).group(0))
    assert "Places the article names that the map does not show" in caption and "Index" not in caption


def test_drawing_the_map_asks_the_network_for_nothing(monkeypatch):
    import socket

    from article.map_data import load_map_data
    from article.pages import locator_map

    def refuse(*args, **kwargs):
        raise AssertionError("the map asked the network for something")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    locator_map.extract.cache_clear()
    assert "<svg" in locator_map.map_block(load_map_data(), ["Peru"])


def overlapping(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] - 1 and b["x"] < a["x"] + a["width"] - 1
            and a["y"] < b["y"] + b["height"] - 1 and b["y"] < a["y"] + a["height"] - 1)


def test_no_label_of_the_map_is_written_over_another(home):
    boxes = home.locator("#map svg text").evaluate_all("""texts => texts.map(e => {
        const r = e.getBoundingClientRect()
        return {name: e.textContent, x: r.x, y: r.y, width: r.width, height: r.height}})""")
    crossing = [(a["name"], b["name"]) for i, a in enumerate(boxes) for b in boxes[i + 1:] if overlapping(a, b)]
    assert crossing == [], crossing


def test_no_label_of_the_map_touches_a_valleys_area(home):
    """Each label's box, sampled on a grid, has no point inside a valley's ellipse, in screen pixels."""
    touching = home.locator("#map svg").evaluate("""svg => {
        const ellipses = [...svg.querySelectorAll("ellipse")].map(e => {
            const m = e.getScreenCTM()
            return {cx: m.a * e.cx.baseVal.value + m.e, cy: m.d * e.cy.baseVal.value + m.f,
                    rx: m.a * e.rx.baseVal.value, ry: m.d * e.ry.baseVal.value}})
        const found = []
        for (const text of svg.querySelectorAll("text")) {
            const r = text.getBoundingClientRect()
            for (let i = 0; i <= 10; i++) for (let j = 0; j <= 4; j++) {
                const x = r.x + r.width * i / 10, y = r.y + r.height * j / 4
                if (ellipses.some(e => ((x - e.cx) / e.rx) ** 2 + ((y - e.cy) / e.ry) ** 2 < 1)) found.push(text.textContent)
            }
        }
        return [...new Set(found)]}""")
    assert touching == []


def test_every_label_stands_on_a_halo_of_the_pages_ground_so_no_line_crosses_a_word(home):
    ground = home.evaluate("getComputedStyle(document.body).backgroundColor")
    halos = home.locator("#map svg text").evaluate_all("""texts => texts.map(t => {
        const s = getComputedStyle(t)
        return [t.textContent, s.stroke, s.paintOrder.split(" ")[0], parseFloat(s.strokeWidth)]})""")
    assert [name for name, stroke, first, width in halos if (stroke, first) != (ground, "stroke") or width < 4] == []


def test_each_labels_room_is_measured_in_the_typeface_it_is_set_in(home):
    """The width the split script gives a label from the typeface's own widths (the extract) is the
    width the browser sets it in, within 3 %, when the typeface the map names is there."""
    from article.pages.locator_map import KINDS

    font = json.loads(map_extract.EXTRACT.read_text(encoding="utf-8"))["font"]
    labels = home.locator("#map svg text").evaluate_all("""texts => texts.map(t => [t.textContent,
        t.getAttribute("class"), t.getComputedTextLength(), getComputedStyle(t).fontFamily])""")
    assert labels and all(family.startswith(f'"{font["family"]}"') for *_, family in labels)
    for name, kind, browser, _ in labels:
        face, size, spacing = KINDS[kind]
        measured = size * sum(font["widths"][face][c] for c in name) + spacing * len(name)
        assert abs(browser - measured) <= 0.03 * measured, (name, browser, measured)
