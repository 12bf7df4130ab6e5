"""Citation metadata on the article's pages, for reference managers and scholarly search engines.

scripts/split_article.py derives the Google Scholar ``citation_*`` tags and the schema.org
``ScholarlyArticle`` from the raw text, mkdocs.yml and refs.bib, and writes them to
docs/.citations.yml. This hook hands them to the template (partials/scholarly-metadata.html)
on every page of the article itself (the pages listed in docs/.article.yml).
"""

from __future__ import annotations

import json

from article.datanames import CITATIONS, NAVIGATION
from hooks.generated import generated
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def json_ld(data: dict) -> str:
    """JSON for a <script> element: "</" is escaped so no text can close the element early."""
    return json.dumps(data, ensure_ascii=False, indent=None).replace("</", "<\\/")


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    article_pages = {path for item in generated(config, NAVIGATION)["nav"] for path in item.values()}
    if page.file.src_uri in article_pages:
        citations = generated(config, CITATIONS)
        context["scholarly"] = {"meta": citations["meta"], "json_ld": json_ld(citations["json_ld"])}
    return context
