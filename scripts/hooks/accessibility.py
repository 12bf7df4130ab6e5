"""Fixes to Material's page chrome that accessibility checks (axe-core) ask for.

- The search overlay is a dialog (``role="dialog"``) without a name: it gets one, so that
  screen readers announce "Search" when it opens.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if SEARCH_DIALOG not in output:
        raise PluginError(f"{page.file.src_uri}: Material's search dialog markup changed; "
                          "update scripts/hooks/accessibility.py")
    return output.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)
