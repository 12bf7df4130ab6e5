"""Write ``robots.txt`` from ``site_url``, so the sitemap's address is set in one place only.

Crawlers read ``robots.txt`` at the root of a host; on a project site (``OWNER.github.io/REPO/``)
it is read only if the site owns the host, but the ``Sitemap:`` line is honoured wherever found.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def robots_txt(site_url: str) -> str:
    """The text of robots.txt: everything may be crawled; the sitemap lives under site_url."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def on_post_build(config: MkDocsConfig) -> None:
    Path(config.site_dir, "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
