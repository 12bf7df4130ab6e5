"""The References page: mkdocs-bibtex's full bibliography, made into linked, anchored entries.

mkdocs-bibtex 4.4 (pinned; archived upstream) is kept, with three corrections:

- pandoc reads refs.bib itself. The plugin hands pandoc a copy re-serialised by pybtex, which
  writes "_" as "\\_", so URLs with underscores were shown with backslashes.
- pandoc writes typographic quotes (``markdown-smart``); the plugin asked for straight ones.
  Only the bibliography's text goes through pandoc: the article's own text is never touched.
- The plugin writes each entry as a footnote definition (``[^key]: …``), whose back-reference
  points to a marker that does not exist. Each entry becomes a paragraph with a stable anchor
  (``#ref-<key>``), sorted by author, followed by links back to every note that cites it
  (from docs/.citations.yml, which scripts/split_article.py writes).

Pandoc (pypandoc-binary) or the CSL style missing is a build error, never a silent fallback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypandoc
from article.datafiles import CITATIONS
from article.text import fold
from hooks.generated import generated
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page
from mkdocs_bibtex.registry import PandocRegistry

DEFINITION = re.compile(r"^\[\^(?P<key>[^\]]+)\]: (?P<text>.*)$", re.M)
CSL_ENTRY = re.compile(r"^::: \{#ref-(?P<key>\S+) \.csl-entry\}\n(?P<text>.*?)\n:::$", re.M | re.S)
PAGE = "references.md"


class ReaderRegistry(PandocRegistry):
    """mkdocs-bibtex's pandoc registry, with pandoc reading the bib file as written."""

    def __init__(self, bib_file: str, csl_file: str, footnote_format: str):
        self.bib_file = bib_file
        super().__init__([bib_file], csl_file, None, footnote_format)

    def _process_with_pandoc(self, citation_blocks) -> tuple[dict, dict]:
        keys = ", ".join(f"@{c.key}" for block in citation_blocks for c in block.citations)
        document = f"---\nnocite: '{keys}'\n---\n"
        output = pypandoc.convert_text(document, to="markdown-citations-smart", format="markdown",
                                       extra_args=["--citeproc", "--wrap=none", "--bibliography", self.bib_file,
                                                   "--csl", self.csl_file])
        return {}, {m["key"]: m["text"] for m in CSL_ENTRY.finditer(output)}


def sort_key(text: str) -> str:
    """Entries compare by their text as shown, which starts with the author: accents and case ignored."""
    return fold(text).casefold()


def back_links(cited_in: list[dict]) -> str:
    """ "Cited in note 6 and note 7, The Mutation of …": links to each note's marker on its page."""
    by_page: dict[tuple[str, str], list[str]] = {}
    for c in cited_in:
        by_page.setdefault((c["page"], c["title"]), []).append(f"[note {c['note']}]({c['page']}#fnref:{c['note']})")
    places = [" and ".join(links) + f", {title}" for (_, title), links in by_page.items()]
    return "Cited in " + "; ".join(places) + "."


def entries(markdown: str, works: dict[str, list[dict]]) -> str:
    """The plugin's footnote definitions replaced by anchored entries with back-links, by author."""
    found = {m["key"]: m["text"] for m in DEFINITION.finditer(markdown)}
    missing = sorted(set(works) ^ set(found))
    if missing:
        raise PluginError(f"{PAGE}: the bibliography and docs/.citations.yml disagree on {', '.join(missing)}: "
                          "run python scripts/split_article.py")
    blocks = [f"{text}  \n{back_links(works[key])}\n{{: #ref-{key} .reference }}\n"
              for key, text in sorted(found.items(), key=lambda item: sort_key(item[1]))]
    start = min(m.start() for m in DEFINITION.finditer(markdown))
    rest = DEFINITION.sub("", markdown[start:]).strip("\n")
    return markdown[:start] + "\n".join(blocks) + ("\n" + rest + "\n" if rest else "")


@event_priority(100)  # before the plugin, which would fail on a missing pandoc with a bare traceback
def check_tools(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get("bibtex")
    if plugin is None:
        raise PluginError("the bibtex plugin is not configured: the References page needs it")
    csl = Path(config.config_file_path).parent / (plugin.config.csl_file or "")
    if not plugin.config.csl_file or not csl.is_file():
        raise PluginError(f"the CSL style {csl} is missing: the References page cannot be built without it")
    try:
        pypandoc.get_pandoc_version()
    except OSError as error:
        raise PluginError(f"pandoc is missing ({error}): install the project's dependencies (uv sync)") from None
    return config


@event_priority(-100)  # after the plugin has made its own registry
def use_reader_registry(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins["bibtex"]
    root = Path(config.config_file_path).parent
    plugin.registry = ReaderRegistry(str(root / plugin.config.bib_file), str(root / plugin.config.csl_file),
                                     plugin.config.footnote_format)
    return config


on_config = CombinedEvent(check_tools, use_reader_registry)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    if page.file.src_uri != PAGE:
        return markdown
    return entries(markdown, generated(config, CITATIONS)["works"])
