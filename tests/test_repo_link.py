"""The header links to the repository without making the reader's browser call the GitHub API."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import ROOT

REPO_URL = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["repo_url"]


def test_every_page_links_to_the_repository(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert pages and all(f'href="{REPO_URL}"' in page.read_text(encoding="utf-8") for page in pages)


def test_no_page_asks_github_for_repository_facts(site: Path) -> None:
    """Material fetches stars and releases from api.github.com for a data-md-component="source" link."""
    assert not [page for page in site.rglob("*.html")
                if 'data-md-component="source"' in page.read_text(encoding="utf-8")]


def test_the_repository_link_makes_no_request_in_the_browser(page, base_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url, wait_until="networkidle")
    assert page.locator(f'header a[href="{REPO_URL}"]').count() == 1
    assert [url for url in requests if "github" in url] == []
