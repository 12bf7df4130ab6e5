"""Citation metadata on the article's pages, for reference managers and scholarly search engines.

scripts/split_article.py derives the Google Scholar ``citation_*`` tags and the schema.org
``ScholarlyArticle`` from the raw text, mkdocs.yml and refs.bib, and writes them to
docs/.citations.yml. This hook hands them to the template (partials/scholarly-metadata.html)
on every page of the article itself (the pages listed in docs/.article.yml).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page


def generated(config: MkDocsConfig, name: str) -> dict:
    path = Path(config.docs_dir) / name
    try:
        return parsed(path, path.stat().st_mtime_ns)
    except OSError:
        raise PluginError(f"{path} is missing: run python scripts/split_article.py") from None


@lru_cache(maxsize=8)
def parsed(path: Path, mtime_ns: int) -> dict:
    """The YAML file, read once per version of it rather than once per page."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def json_ld(data: dict) -> str:
    """JSON for a <script> element: "</" is escaped so no text can close the element early."""
    return json.dumps(data, ensure_ascii=False, indent=None).replace("</", "<\\/")


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    article_pages = {path for item in generated(config, ".article.yml")["nav"] for path in item.values()}
    if page.file.src_uri in article_pages:
        citations = generated(config, ".citations.yml")
        context["scholarly"] = {"meta": citations["meta"], "json_ld": json_ld(citations["json_ld"])}
    return context
