"""Citation metadata on every page, for reference managers and scholarly search engines.

scripts/split_article.py derives the Google Scholar ``citation_*`` tags and the schema.org
``Chapter`` from the article's one citation record, and writes them to docs/.citations.yml.
This hook hands them to the template (partials/scholarly-metadata.html) on every page, so that a
reader saving any page (the home page, a section, the Cite page) saves the same item. Two
addresses only the build knows (``site_url``): this edition's, the JSON-LD's ``url`` (the
published original stays its ``isBasedOn``), and the edition's PDF, ``citation_pdf_url``, which
Zotero's Embedded Metadata translator saves with the item as its full text.
"""

from __future__ import annotations

import json
from urllib.parse import urljoin

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
    pdf = [["citation_pdf_url", urljoin(config.site_url, citations["pdf"])]] if config.site_url else []
    context["scholarly"] = {"meta": citations["meta"] + pdf, "json_ld": json_ld(schema)}
    return context
