"""Fixes to Material's page chrome that accessibility checks (axe-core) and the HTML checker ask for.

They apply to every page and to the 404 and offline pages (templates of the theme, not pages):

- The search overlay is a dialog (``role="dialog"``) without a name: it gets one, so that
  screen readers announce "Search" when it opens.
- On a phone the header's menu and search buttons are labels holding an icon, which a listener
  heard as a bare "image": the icon becomes a button named for what it opens, in the words
  Material's own language strings give that (the navigation's ``aria-label``, the search box's),
  read from the page, so that a listener hears "Navigation, button" and "Search, button". Its
  click reaches the label, which opens the drawer or search as a tap does. (A ``<label>`` may
  take no role in HTML; an ``<svg>`` may.) The light/dark switch's icon, beside the radio that
  says what it does, was a third "image": it is hidden from the tree.
- Material's message after a copy ("Copied to clipboard", after Cite) is shown for a moment in
  a box no listener was told of: the box is a status message (``role="status"``), whose new words
  a screen reader says without moving focus.
- What search says above its results (how many match, what was searched: "Spanish
  “campesinas”: farmer · 4 matching documents", or that nothing matches) changed under a
  listener's fingers unannounced: it is a status message too.
- The drawer and search toggles are checkboxes with ``autocomplete="off"``, which HTML allows
  on text fields only: Material puts it there so that a browser does not restore an open drawer
  or search when the reader comes back to the page. The toggles belong to an empty form with
  ``autocomplete="off"`` instead, which HTML allows and browsers honour the same way.
- A page without headings below its title has an empty table of contents, which a screen reader
  lists as an empty "Table of contents" landmark: it goes.
- The header's title shows the article's title, then the page's once the reader scrolls past its
  heading; both stay in the accessibility tree, where a listener heard them back to back ("Shining
  Path … VRAEM Introduction") before the line naming the article and the page's heading said each
  again. The title is hidden from the tree: the page's ``<title>``, the line above its heading and
  the heading say all it shows, and on a wide screen the logo's link names the article too.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

TOGGLES_FORM = '<form id="__toggles" autocomplete="off" hidden></form>'
TOGGLE = '<input class="md-toggle" data-md-toggle="{0}" type="checkbox" id="__{0}"'
HEADER_BUTTON = re.compile(r'(<label class="md-header__button md-icon" for="__(drawer|search)">\s*<svg) ')
OPENS = {"drawer": re.compile(r'<nav class="md-nav md-nav--primary" aria-label="([^"]+)"'),
         "search": re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]+)"')}
PALETTE_ICON = re.compile(r'(<label class="md-header__button md-icon" title="[^"]*" for="__palette_\d+" hidden>\s*<svg) ')
EMPTY_TOC = re.compile(r'<nav class="md-nav md-nav--secondary" aria-label="[^"]*">\s*</nav>')
FIXES = {
    '<div class="md-search" data-md-component="search" role="dialog">':
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    TOGGLE.format("drawer") + ' autocomplete="off">': TOGGLES_FORM + TOGGLE.format("drawer") + ' form="__toggles">',
    TOGGLE.format("search") + ' autocomplete="off">': TOGGLE.format("search") + ' form="__toggles">',
    '<div class="md-dialog" data-md-component="dialog">':
        '<div class="md-dialog" data-md-component="dialog" role="status">',
    '<div class="md-search-result__meta">': '<div class="md-search-result__meta" role="status">',
    '<div class="md-header__title" data-md-component="header-title">':
        '<div class="md-header__title" data-md-component="header-title" aria-hidden="true">',
}


def fixed(output: str, name: str) -> str:
    for material, ours in FIXES.items():
        if material not in output:
            raise PluginError(f"{name}: Material's page chrome changed ({material}); "
                              "update scripts/hooks/accessibility.py")
        output = output.replace(material, ours, 1)
    output = HEADER_BUTTON.sub(lambda m: f'{m[1]} role="button" aria-label="{named(output, m[2], name)}" ', output)
    return EMPTY_TOC.sub("", PALETTE_ICON.sub(r'\1 aria-hidden="true" ', output))


def named(output: str, toggle: str, name: str) -> str:
    """What the header's button for ``toggle`` opens is called on the page."""
    found = OPENS[toggle].search(output)
    if not found:
        raise PluginError(f"{name}: Material's page chrome changed (no name for {toggle}); "
                          "update scripts/hooks/accessibility.py")
    return found[1]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return fixed(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return fixed(output, template_name) if template_name.endswith(".html") else output
