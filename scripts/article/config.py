"""The edition's facts (mkdocs.yml ``extra.article``) and where refs.bib and the citation styles are."""

from __future__ import annotations

from pathlib import Path

import yaml

from .model import ArticleError, Config, Edition
from .yaml_lines import composed, mapping


BIBLIOGRAPHY = "refs.bib"
STYLES = "scripts/styles"  # the official CSL files
STYLE = f"{STYLES}/chicago-notes-bibliography.csl"  # the References' style: Chicago notes and bibliography
FACTS = ("source_url", "published", "publisher")  # extra.article's keys, in the order Edition takes them
OPTIONAL = ("book_language",)                      # … and those it may leave out


class ConfigLoader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' ``!!python/name`` and ``!ENV`` tags as plain values (for
    reading mkdocs.yml whole; the split script needs only its lines, ``composed``)."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config(path: Path) -> Config:
    """The edition's facts from the site configuration at ``path``, and the files beside it."""
    extra = mapping(path, mapping(path, composed(path, "the site configuration")).get("extra"))
    article = {key: node.value for key, node in mapping(path, extra.get("article"), FACTS + OPTIONAL).items()
               if isinstance(node, yaml.ScalarNode)}
    missing = [key for key in FACTS if not article.get(key)]
    if missing:
        raise ArticleError(path, 1, f"extra.article needs {', '.join(missing)}")
    edition = Edition(*(str(article[key]) for key in FACTS), **{key: str(article[key]) for key in OPTIONAL if key in article})
    return Config(edition, path.parent / BIBLIOGRAPHY, path.parent / STYLE, path.parent / STYLES)
