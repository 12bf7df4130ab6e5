"""Read what the split script needs from the project, once: the edition's facts from mkdocs.yml
(``extra.article``), and where refs.bib and the citation styles stand beside it."""

from __future__ import annotations

from pathlib import Path

import yaml

from .model import ArticleError, Config, Edition


BIBLIOGRAPHY = "refs.bib"
STYLES = "scripts/styles"  # the official CSL files
STYLE = f"{STYLES}/chicago-notes-bibliography.csl"  # the References' style: Chicago notes and bibliography


class ConfigLoader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' ``!!python/name`` and ``!ENV`` tags as plain values."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config(path: Path) -> Config:
    """The edition's facts from the site configuration at ``path``, and the files beside it."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader) or {}
    except OSError as error:
        raise ArticleError(path, 1, f"cannot read the site configuration: {error.strerror}") from None
    article = (data.get("extra") or {}).get("article") or {}
    missing = [key for key in ("source_url", "published", "publisher") if not article.get(key)]
    if missing:
        raise ArticleError(path, 1, f"extra.article needs {', '.join(missing)}")
    edition = Edition(str(article["source_url"]), str(article["published"]), str(article["publisher"]))
    return Config(edition, path.parent / BIBLIOGRAPHY, path.parent / STYLE, path.parent / STYLES)
