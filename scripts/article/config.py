"""Read what the split script needs from mkdocs.yml, once: the edition's facts and refs.bib's path.

The facts stand in ``extra.article``; the bibliography is the one the mkdocs-bibtex plugin
reads (``plugins: - bibtex: bib_file:``), so both name the same file.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .model import ArticleError, Config, Edition


class ConfigLoader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' ``!!python/name`` and ``!ENV`` tags as plain values."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config(path: Path) -> Config:
    """The edition's facts and the bibliography's path, from the site configuration at ``path``."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader) or {}
    except OSError as error:
        raise ArticleError(path, 1, f"cannot read the site configuration: {error.strerror}") from None
    article = (data.get("extra") or {}).get("article") or {}
    missing = [key for key in ("source_url", "published", "publisher") if not article.get(key)]
    if missing:
        raise ArticleError(path, 1, f"extra.article needs {', '.join(missing)}")
    edition = Edition(str(article["source_url"]), str(article["published"]), str(article["publisher"]))
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "bibtex" in plugin:
            return Config(edition, path.parent / plugin["bibtex"]["bib_file"])
    raise ArticleError(path, 1, "plugins needs a bibtex entry with bib_file (the article's refs.bib)")
