"""Where the downloads appear and how they are made: the links and sizes a reader sees, the
files they give, the same bytes from the same input, the cache, and the print edition's HTML."""

from __future__ import annotations

import re

import markdown
import pytest
import yaml
from conftest import POSTED, ROOT
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from article.download_links import human_size
from hooks import book, build_date, downloads, typeset

DATA = yaml.safe_load((ROOT / "docs" / ".downloads.yml").read_text(encoding="utf-8"))
LINKED_FROM = ["", "about/", "cite/", "print/"]
SIZE = r"\((\d+ kB|\d+\.\d MB)\)"


@pytest.fixture(scope="module")
def book_data() -> dict:
    return {**DATA, "modified": build_date.edition_time(ROOT, DATA["published"])}


@pytest.fixture(scope="module")
def book_html(book_data) -> str:
    """The print edition's HTML, as the build makes it from the committed print page."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    text, _ = get_data((ROOT / "docs" / DATA["source"]).read_text(encoding="utf-8"))
    return book.book_html(text, config, book_data)


@pytest.mark.parametrize("path", LINKED_FROM, ids=lambda p: p or "home")
def test_the_page_links_the_pdf_and_the_epub_with_their_sizes(site, base_url, page, path):
    page.goto(base_url + path)
    line = page.locator("article .downloads")
    assert line.is_visible()
    shown = re.fullmatch(rf"Download: PDF {SIZE}, EPUB {SIZE}\.(?: Print)?", line.inner_text().strip())
    assert shown, line.inner_text()
    for kind, size in zip(("PDF", "EPUB"), shown.groups()):
        assert size == human_size((site / DATA["files"][kind]).stat().st_size)


def test_the_links_give_the_pdf_and_the_epub_under_the_sub_path(site, base_url, page):
    page.goto(base_url)
    for kind, magic in (("PDF", b"%PDF-"), ("EPUB", b"PK\x03\x04")):
        href = page.get_by_role("link", name=kind, exact=True).get_attribute("href")
        response = page.request.get(base_url + href)
        assert response.status == 200 and response.body() == (site / DATA["files"][kind]).read_bytes()
        assert response.body().startswith(magic)
    assert b"mimetypeapplication/epub+zip" in (site / DATA["files"]["EPUB"]).read_bytes()[:60]


def test_the_print_page_shows_the_title_block_the_references_and_the_disclaimer(base_url, page, article):
    page.goto(base_url + "print/")
    text = page.locator("article").inner_text()
    assert POSTED in text
    assert f"Original: {DATA['url']}" in text and DATA["publisher"] in text
    headings = [heading.removesuffix("#").strip() for heading in page.locator("article h2").all_inner_texts()]
    assert headings[-3:] == ["Notes", "References", "About this edition"]
    assert page.get_by_text(article.disclaimer).is_visible()


def test_a_full_reference_link_on_the_print_page_leads_to_the_entry_printed_there(base_url, page):
    page.goto(base_url + "print/")
    page.locator(".footnote a[href='#ref-tullis1995']").first.click()
    assert page.url.endswith("print/#ref-tullis1995")
    assert page.locator("#ref-tullis1995").inner_text().startswith("Tullis, LaMond.")
    assert page.locator("#ref-tullis1995").is_visible()


def test_the_print_button_opens_the_print_dialog_and_neither_it_nor_the_downloads_are_printed(base_url, page):
    page.goto(base_url + "print/")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    assert not page.locator("article .downloads").is_visible()
    assert page.locator("article h2", has_text="References").is_visible()


def test_the_same_print_edition_makes_the_same_bytes_as_the_build(site, book_html, book_data):
    """Made again in this process, apart from the build's own, at another time."""
    assert typeset.pdf(book_html) == (site / DATA["files"]["PDF"]).read_bytes()
    assert typeset.epub(book_html, book_data) == (site / DATA["files"]["EPUB"]).read_bytes()


def test_the_editions_date_is_the_last_commit_that_changed_what_it_is_made_of(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the build's clock: the edition keeps its date
    inputs = build_date.last_commit_time(ROOT, *build_date.EDITION_INPUTS)
    assert build_date.edition_time(ROOT, "2023-09-07") == int(inputs)
    assert int(inputs) <= int(build_date.last_commit_time(ROOT))


def test_outside_a_checkout_the_editions_date_is_the_articles(tmp_path):
    assert build_date.edition_time(tmp_path, "2023-09-07") == 1694044800


def test_an_unchanged_article_is_not_typeset_again_and_a_changed_one_is(tmp_path, monkeypatch, book_data):
    made = []
    monkeypatch.setattr(typeset, "pdf", lambda html: made.append("PDF") or b"%PDF- " + html.encode())
    monkeypatch.setattr(typeset, "epub", lambda html, data: made.append("EPUB") or b"PK " + html.encode())
    first = downloads.made("one", lambda: "<p>one</p>", book_data, tmp_path)
    assert made == ["PDF", "EPUB"]
    assert downloads.made("one", lambda: "<p>one</p>", book_data, tmp_path) == first and made == ["PDF", "EPUB"]
    changed = downloads.made("two", lambda: "<p>two</p>", book_data, tmp_path)
    assert made == ["PDF", "EPUB"] * 2 and changed["PDF"].read_bytes() == b"%PDF- <p>two</p>"


def test_an_unchanged_article_is_not_even_rendered_again(tmp_path, monkeypatch, book_data):
    monkeypatch.setattr(typeset, "pdf", lambda html: b"%PDF-")
    monkeypatch.setattr(typeset, "epub", lambda html, data: b"PK")
    rendered = []
    downloads.made("one", lambda: rendered.append(1) or "<p>one</p>", book_data, tmp_path)
    downloads.made("one", lambda: rendered.append(1) or "<p>one</p>", book_data, tmp_path)
    assert rendered == [1]      # once for both files, and not at all from the cache


@pytest.fixture
def project(tmp_path):
    """A copy of the configuration and the generated pages' data files, to change one at a time."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for path in (ROOT / "docs").glob(".*"):
        (docs / path.name).write_bytes(path.read_bytes())
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs))
    text, _ = get_data((ROOT / "docs" / DATA["source"]).read_text(encoding="utf-8"))
    return config, text, docs


@pytest.mark.parametrize("change", ["text", "metadata", "abbreviations", "markdown settings"])
def test_a_change_to_anything_the_downloads_are_made_from_makes_them_again(project, book_data, change):
    config, text, docs = project
    before = downloads.inputs_hash(text, book_data, config)
    assert downloads.inputs_hash(text, dict(book_data), config) == before
    if change == "text":
        text = text.replace("VRAEM", "VRAE", 1)
    elif change == "metadata":
        book_data = {**book_data, "title": book_data["title"] + "."}
    elif change == "abbreviations":
        path = docs / ".abbreviations.md"
        path.write_text(path.read_text(encoding="utf-8") + "*[XYZ]: Something else\n", encoding="utf-8")
    else:
        config.mdx_configs["toc"] = {**config.mdx_configs.get("toc", {}), "permalink": False}
    assert downloads.inputs_hash(text, book_data, config) != before


def test_the_pdf_loads_nothing_from_the_network():
    with pytest.raises(RuntimeError, match="local files only"):
        typeset.pdf('<html lang="en"><body><p><img src="http://127.0.0.1:9/x.png" alt="x"></p></body></html>')


def test_a_note_cited_twice_stands_at_its_first_marker_and_is_a_number_at_the_next():
    text = "One[^1] and two[^2], one again[^1].\n\n[^1]: The first note.\n[^2]: The second note.\n"
    html = markdown.markdown(text, extensions=["footnotes", "hooks.note_numbers", book.BookExtension()])
    assert re.findall(r'<span class="footnote" data-number="(\d)">([^<]*)</span>', html) == [
        ("1", "The first note."), ("2", "The second note.")]
    assert html.endswith("one again<sup>1</sup>.</p>") and 'class="footnote"' not in html.split("again")[1]
