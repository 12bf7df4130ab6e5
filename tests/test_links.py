"""Served under the project sub-path, every internal link, asset and #fragment of every page resolves."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from site_links import broken_links, broken_refs, fetched, page_urls


def test_the_site_has_pages_to_check(site: Path, base_url: str) -> None:
    assert len(page_urls(site, base_url)) >= 9


def test_every_internal_link_asset_and_fragment_resolves(site: Path, base_url: str) -> None:
    assert broken_links(site, base_url) == []


def test_the_404_page_works_at_any_depth_below_the_sub_path(site: Path, base_url: str) -> None:
    """GitHub Pages answers an unknown address with 404.html, whatever the address's depth."""
    status, html = fetched(urljoin(base_url, "404.html"))
    assert status == 200 and "Page not found" in html
    assert broken_refs(urljoin(base_url, "no/such/page/"), html, base_url) == []


@pytest.mark.parametrize("ref", ["missing/", "introduction/#no-such-anchor", "../elsewhere/"])
def test_a_broken_reference_is_reported(base_url: str, ref: str) -> None:
    html = f'<a href="{ref}">x</a>'
    assert broken_refs(base_url, html, base_url) != []
