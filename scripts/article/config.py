"""Read the edition's facts (source URL, date, publisher) from ``extra.article`` in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import yaml

from .model import ArticleError
from .render import Edition


class ConfigLoader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' ``!!python/name`` and ``!ENV`` tags as plain values."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_edition(path: Path) -> Edition:
    """The ``extra.article`` block of mkdocs.yml as an ``Edition``."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader) or {}
    except OSError as error:
        raise ArticleError(path, 1, f"cannot read the site configuration: {error.strerror}") from None
    article = (data.get("extra") or {}).get("article") or {}
    missing = [key for key in ("source_url", "published", "publisher") if not article.get(key)]
    if missing:
        raise ArticleError(path, 1, f"extra.article needs {', '.join(missing)}")
    return Edition(str(article["source_url"]), str(article["published"]), str(article["publisher"]))
