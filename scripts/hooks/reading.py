"""Reading aids added to each page's HTML at build time.

- Paragraph permalinks: each numbered paragraph (``#p12``) ends with a "¶12" link to itself,
  shown on hover or focus like the headings' permalinks, so readers can cite a paragraph.
- Reading time, under the page's title.
- Bare URLs (a link whose text is its address) are marked, so that the print stylesheet
  prints the address after every other link without printing a bare URL twice.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

WORDS_PER_MINUTE = 220
PARAGRAPH = re.compile(r'(<p id="p(\d+)">)(.*?)(</p>)', re.S)
BARE_URL = re.compile(r'<a href="(https?://[^"]+)">\1</a>')
TAG = re.compile(r"<[^>]+>")
FIRST_HEADING_END = "</h1>"


def with_permalinks(html: str) -> str:
    return PARAGRAPH.sub(lambda m: f'{m[1]}{m[3]}<a class="headerlink paragraph-link" href="#p{m[2]}" '
                                   f'aria-label="Link to paragraph {m[2]}">¶{m[2]}</a>{m[4]}', html)


def reading_time(html: str) -> str:
    """A short line saying how long the page takes to read."""
    minutes = max(1, round(len(TAG.sub(" ", html).split()) / WORDS_PER_MINUTE))
    return f'<p class="reading-time" data-search-exclude>{minutes} min read</p>'


def with_reading_time(html: str) -> str:
    if FIRST_HEADING_END not in html:
        return html
    return html.replace(FIRST_HEADING_END, FIRST_HEADING_END + reading_time(html), 1)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = BARE_URL.sub(r'<a class="bare-url" href="\1">\1</a>', html)
    return with_reading_time(with_permalinks(html))
