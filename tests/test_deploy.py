"""A fork deploys with no edit: the deploy workflow's build step, run for another repository, gives a
site that names that repository's address everywhere and works under its sub-path; and one commit
always builds the same bytes, from whichever folder the build is started."""

from __future__ import annotations

import gzip
import io
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as etree
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import FORK_SITE_URL, INTRODUCTION, ROOT, served
from site_links import broken_links
from test_site_meta import head_tags

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
OLD_COMMIT = "2001-09-09T01:46:40Z"
OLD_COMMIT_DAY = int(datetime(2001, 9, 9, tzinfo=timezone.utc).timestamp())  # MkDocs stamps the day
PROJECT = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "bench", "__pycache__", ".*cache",
                                 ".hypothesis")


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("index.html"))


def address(site: Path, page: Path) -> str:
    """The address of a built page in the fork: its folder below the fork's site URL."""
    folder = page.parent.relative_to(site).as_posix()
    return FORK_SITE_URL if folder == "." else f"{FORK_SITE_URL}{folder}/"


def test_every_page_names_its_address_in_the_fork_as_canonical_and_open_graph_url(fork_site: Path) -> None:
    found = {address(fork_site, page): (head_tags(page).canonical, head_tags(page).meta["og:url"])
             for page in pages(fork_site)}
    assert len(found) >= 9 and all(tags == (url, url) for url, tags in found.items())


def test_the_sitemap_lists_every_page_at_its_address_in_the_fork(fork_site: Path) -> None:
    listed = {loc.text for loc in etree.parse(fork_site / "sitemap.xml").iter(f"{{{SITEMAP_NS}}}loc")}
    assert listed and listed <= {address(fork_site, page) for page in pages(fork_site)}


def test_robots_txt_points_at_the_forks_sitemap(fork_site: Path) -> None:
    lines = (fork_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {FORK_SITE_URL}sitemap.xml" in lines


def test_the_404_page_loads_its_assets_from_the_forks_sub_path(fork_site: Path) -> None:
    html = (fork_site / "404.html").read_text(encoding="utf-8")
    assert f'href="{urlsplit(FORK_SITE_URL).path}assets/' in html


def test_served_under_the_forks_sub_path_no_link_is_broken(fork_site: Path) -> None:
    with served(fork_site, urlsplit(FORK_SITE_URL).path) as url:
        assert broken_links(fork_site, url) == []


def test_no_file_of_the_forks_site_names_a_placeholder_or_the_upstream_address(fork_site: Path) -> None:
    texts = {path: path.read_bytes() for path in fork_site.rglob("*") if path.is_file()}
    assert [path for path, text in texts.items() if b"OWNER" in text or b"vraem-reader" in text] == []


def test_no_file_of_a_local_build_names_a_placeholder(site: Path) -> None:
    assert [path for path in site.rglob("*") if path.is_file() and b"OWNER" in path.read_bytes()] == []


def build(config: Path, out: Path, cwd: Path) -> dict[str, bytes]:
    """Every file of the site built from ``config`` with ``cwd`` as the current folder, by path."""
    env = {name: value for name, value in os.environ.items() if name not in ("SOURCE_DATE_EPOCH", "SITE_URL")}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
                            cwd=cwd, capture_output=True, text=True, env={**env, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in out.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def old_commit_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Two builds of a copy of the project committed on 2001-09-09, each started in another folder."""
    work = tmp_path_factory.mktemp("old-commit")
    project = work / "checkout"
    shutil.copytree(ROOT, project, ignore=PROJECT)
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-C", str(project)]
    dated = {**os.environ, "GIT_AUTHOR_DATE": OLD_COMMIT, "GIT_COMMITTER_DATE": OLD_COMMIT}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "An old commit"]):
        subprocess.run([*git, *command], check=True, env=dated, capture_output=True)
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    config = project / "mkdocs.yml"
    return build(config, work / "first", elsewhere), build(config, work / "second", elsewhere)


def test_one_commit_builds_the_same_bytes_every_time(old_commit_builds) -> None:
    first, second = old_commit_builds
    assert first == second


def test_a_build_started_in_another_folder_still_shows_the_abbreviations(old_commit_builds) -> None:
    built, _ = old_commit_builds  # either build: they are the same bytes
    page = built[f"{INTRODUCTION}/index.html"].decode("utf-8")
    assert re.search(r'<abbr [^>]*title="[^"]+"[^>]*>VRAEM</abbr>', page)


def test_the_sitemap_is_dated_by_the_last_commit_not_by_the_clock(old_commit_builds) -> None:
    built, _ = old_commit_builds
    dates = {element.text for element in etree.fromstring(built["sitemap.xml"]).iter(f"{{{SITEMAP_NS}}}lastmod")}
    with gzip.open(io.BytesIO(built["sitemap.xml.gz"])) as packed:
        packed.read()
        stamped = packed.mtime
    assert (dates, stamped) == ({"2001-09-09"}, OLD_COMMIT_DAY)
