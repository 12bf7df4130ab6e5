"""The header links to the repository without making the reader's browser call the GitHub API.

A local build links to no repository: the site is checked as the deploy workflow builds it in a fork.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from conftest import FORK_REPO_URL, FORK_SITE_URL, served


def test_every_page_links_to_the_repository(fork_site: Path) -> None:
    pages = sorted(fork_site.rglob("*.html"))
    assert pages and all(f'href="{FORK_REPO_URL}"' in page.read_text(encoding="utf-8") for page in pages)


def test_no_page_asks_github_for_repository_facts(fork_site: Path) -> None:
    """Material fetches stars and releases from api.github.com for a data-md-component="source" link."""
    assert not [page for page in fork_site.rglob("*.html")
                if 'data-md-component="source"' in page.read_text(encoding="utf-8")]


def test_the_repository_link_makes_no_request_in_the_browser(page, fork_site: Path) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with served(fork_site, urlsplit(FORK_SITE_URL).path) as url:
        page.goto(url, wait_until="networkidle")
        assert page.locator(f'header a[href="{FORK_REPO_URL}"]').count() == 1
    assert [url for url in requests if "github" in url] == []
