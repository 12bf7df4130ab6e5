"""Reading aids added to each page's HTML at build time.

- Paragraph permalinks: each numbered paragraph (``#p12``) ends with its "¶12" link and a
  "Cite" button that copies the article's citation with the paragraph's number and permalink
  (Material's own clipboard handles ``data-clipboard-text``), held together so that they never
  part at a line's end. The stylesheet draws the number and the button's word from their data
  attributes, so that copying the paragraph copies its words and note numbers only.
- A heading's permalink ("#", from the toc extension) is named for what it does.
- Reading time under the title of the article's pages: what is on the page; on the home page,
  the whole article. The edition's own pages (notes, references, cite, about…) have none.
- Bare URLs (a link whose text is its address) are marked, so that the print stylesheet
  prints the address after every other link without printing a bare URL twice.
- A line for paper only, at the end of each page: the page's address and the edition's date
  (hooks/build_date.py), so a printed page says where it came from and which edition it is.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from article.datafile_names import CITATIONS, NAVIGATION
from article.text import TAG
from hooks.generated_data import generated

WORDS_PER_MINUTE = 220
PARAGRAPH = re.compile(r'(<p id="p(\d+)">)(.*?)(</p>)', re.S)
BARE_URL = re.compile(r'<a href="(https?://[^"]+)">\1</a>')
FIRST_HEADING_END = "</h1>"
HOME = "index.md"
words_on: dict[str, int] = {}  # each page's word count, from its content, for the home page's total


# What a reader is told of a paragraph's two aids: the word shown, the tooltip (drawn by the
# stylesheet in the margin, where it covers no words), the name a screen reader says.
LINK_NAME = "Link to paragraph {number}"
SECTION_LINK_NAME = "Link to this section"
SECTION_LINK = re.compile(r'<a class="headerlink" (href="#[^"]+") title="[^"]*">')
CITE_LABEL, CITE_TOOLTIP, CITE_NAME = "Cite", "Copy this paragraph’s citation", "Cite paragraph {number}"


def paragraph_aids(number: str, citation: str, url: str) -> str:
    """The "¶12" permalink and the button that copies the paragraph's citation: the article as
    published (its Chicago note), then the paragraph in this edition, which numbers it."""
    cited = html.escape(f"{citation.removesuffix('.')}, ¶{number} in the reader edition, {url}#p{number}.")
    return (f'<span class="paragraph-aids">'
            f'<a class="headerlink paragraph-link" href="#p{number}" data-paragraph="{number}" '
            f'aria-label="{LINK_NAME.format(number=number)}"></a>'
            f'<button class="md-clipboard paragraph-cite" type="button" data-clipboard-text="{cited}" '
            f'data-label="{CITE_LABEL}" data-tooltip="{CITE_TOOLTIP}" aria-label="{CITE_NAME.format(number=number)}">'
            f'</button></span>')


def printed_from(url: str, date: str) -> str:
    """The line a printed page ends with; the screen and search leave it out."""
    return (f'<p class="print-only page-address" data-search-exclude>Printed from {html.escape(url)}, '
            f'the reader edition of {date}.</p>')


def reading_time(words: int, whole: bool = False) -> str:
    """A short line saying how long the page takes to read, or on home, where the article opens,
    how long the whole article does."""
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    return f'<p class="reading-time" data-search-exclude>{"The whole article: " if whole else ""}{minutes} min read</p>'


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content = SECTION_LINK.sub(rf'<a class="headerlink" \1 title="{SECTION_LINK_NAME}" aria-label="{SECTION_LINK_NAME}">',
                               content)
    content = BARE_URL.sub(r'<a class="bare-url" href="\1">\1</a>', content)
    words_on[page.file.src_uri] = len(TAG.sub(" ", content).split())
    citation = generated(config, CITATIONS)["note"]
    url = config.site_url.rstrip("/") + "/" + page.url
    content = PARAGRAPH.sub(lambda m: m[1] + m[3] + paragraph_aids(m[2], citation, url) + m[4], content)
    return content + printed_from(url, config.extra["edition"]["date"])


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    article = generated(config, NAVIGATION)["article"]
    if FIRST_HEADING_END not in output or page.file.src_uri not in article:  # the edition's pages are not read through
        return output
    whole = page.file.src_uri == HOME
    words = sum(words_on.get(path, 0) for path in article) if whole else words_on.get(page.file.src_uri, 0)
    return output.replace(FIRST_HEADING_END, FIRST_HEADING_END + reading_time(words, whole), 1)
