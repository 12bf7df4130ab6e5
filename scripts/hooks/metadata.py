"""Citation metadata on every page, for reference managers and scholarly search engines.

scripts/split_article.py derives the Google Scholar ``citation_*`` tags and the schema.org
``ScholarlyArticle`` from the article's one citation record, and writes them to
docs/.citations.yml. This hook hands them to the template (partials/scholarly-metadata.html)
on every page, so that a reader saving any page (the home page, a section, the Cite page) saves
the same item. The JSON-LD's ``url`` is this edition's address, which only the build knows
(``site_url``); the published original stays its ``isBasedOn``.
"""

from __future__ import annotations

import json

from article.datafile_names import CITATIONS
from hooks.generated_data import generated
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def json_ld(data: dict) -> str:
    """JSON for a <script> element: "</" is escaped so no text can close the element early."""
    return json.dumps(data, ensure_ascii=False, indent=None).replace("</", "<\\/")


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    citations = generated(config, CITATIONS)
    schema = {**citations["json_ld"], **({"url": config.site_url} if config.site_url else {})}
    context["scholarly"] = {"meta": citations["meta"], "json_ld": json_ld(schema)}
    return context
