"""Read the data files that scripts/split_article.py writes into docs/ (not a hook itself).

Their names are defined once, in ``article.datafile_names``; their contents in ``article.datafiles``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def generated(config: MkDocsConfig, name: str) -> dict:
    """The generated file ``docs/<name>``; a missing one is a build error that says what to run."""
    path = Path(config.docs_dir) / name
    try:
        return parsed(path, path.stat().st_mtime_ns)
    except OSError:
        raise PluginError(f"{path} is missing: run python scripts/split_article.py") from None


@lru_cache(maxsize=8)
def parsed(path: Path, mtime_ns: int) -> dict:
    """The YAML file, read once per version of it rather than once per page, by libyaml (PyYAML's
    own reader takes 40 ms for the citations)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
