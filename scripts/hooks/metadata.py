"""Citation metadata for reference managers and scholarly search engines, from the article's one record.

scripts/split_article.py derives the Google Scholar ``citation_*`` tags and the schema.org
``Chapter`` from the article's one citation record, and writes them to docs/.citations.yml.
This hook hands them to the template (partials/scholarly-metadata.html), page by page, as each
reader of them reads them:

- Zotero's "Embedded Metadata" translator reads the tags of the page it is on, whichever a reader
  saves from, and none of them ``citation_reference`` (its HIGHWIRE_MAPPINGS and
  addHighwireMetadata, zotero/translators, 2024): every page carries the article's tags, so that
  every page saves the same item, with the edition's PDF (``citation_pdf_url``) as its full text.
- Google Scholar reads one landing page per paper, with its abstract (its "Inclusion Guidelines
  for Webmasters"): home, whose first paragraph is the abstract. The works the article cites, as
  ``citation_reference`` tags and the Chapter's ``citation``, are listed there and on the print
  edition, the whole article on one page; a section carries the same Chapter without them, named
  by the same ``@id`` (home's address), so that its record points to the one that lists them. The
  list weighs about 1 kB of every page's first load.

Two addresses only the build knows (``site_url``): this edition's, the JSON-LD's ``@id`` and
``url`` (the published original stays its ``isBasedOn``), and the edition's PDF's.
"""

from __future__ import annotations

import json
from urllib.parse import urljoin

from article.datafile_names import CITATIONS, DOWNLOADS
from hooks.generated_data import generated
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

CITED_WORKS = {"citation_reference", "citation"}  # the tag and the JSON-LD key that list the cited works


def json_ld(data: dict) -> str:
    """JSON for a <script> element: "</" is escaped so no text can close the element early."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def lists_cited_works(page: Page, config: MkDocsConfig) -> bool:
    """Whether the page is the article's record (home) or the whole article (the print edition)."""
    return page.url == "" or page.file.src_uri == generated(config, DOWNLOADS)["source"]


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    citations = generated(config, CITATIONS)
    whole = lists_cited_works(page, config)
    here = {"@id": config.site_url, "url": config.site_url} if config.site_url else {}
    schema = {key: value for key, value in citations["json_ld"].items() if whole or key not in CITED_WORKS}
    schema = {"@context": schema.pop("@context"), **here, **schema}
    pdf = [["citation_pdf_url", urljoin(config.site_url, citations["pdf"])]] if config.site_url else []
    meta = [pair for pair in citations["meta"] if whole or pair[0] not in CITED_WORKS]
    context["scholarly"] = {"meta": meta + pdf, "json_ld": json_ld(schema)}
    return context
