"""Date the build by the commits, so that one commit always builds the same site.

- The sitemap: MkDocs dates every page of ``sitemap.xml`` (and stamps ``sitemap.xml.gz``) with the
  day of the build, unless ``SOURCE_DATE_EPOCH`` says otherwise. When it is not set, this hook sets
  it to the time of the checkout's last commit; outside a git checkout the clock stays.
- The edition's date: the time of the last commit that changed what the edition is made of
  (``EDITION_INPUTS``), as ``config.extra["edition"]``. The PDF and the EPUB carry it as their
  dates (``dcterms:modified``), and every printed page shows it; a commit that changes only the
  tests or the tools leaves it, and the downloads' bytes, as they were. Outside a git checkout it
  is the article's publication date.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from article.markdown import day

# What the edition is made of, beside mkdocs.yml: the article, the script, the build, the styles.
EDITION_INPUTS = ("source", "refs.bib", "mkdocs.yml", "docs", "scripts/split_article.py", "scripts/article",
                  "scripts/data", "scripts/hooks", "scripts/overrides", "scripts/styles")


def last_commit_time(folder: Path, *paths: str) -> str | None:
    """Seconds since the epoch of the last commit of the checkout holding ``folder`` (that changed one
    of ``paths``, relative to ``folder``, if any are given), if there is one."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", *paths], cwd=folder,
                                capture_output=True, text=True)
    except OSError:  # no git
        return None
    return result.stdout.strip() or None


def edition_time(folder: Path, published: str) -> int:
    """The edition's date in seconds since 1970: its inputs' last commit, or else ``published``."""
    if epoch := last_commit_time(folder, *EDITION_INPUTS):
        return int(epoch)
    return int(datetime.datetime.fromisoformat(published).replace(tzinfo=datetime.timezone.utc).timestamp())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    folder = Path(config.config_file_path).parent
    if "SOURCE_DATE_EPOCH" not in os.environ:
        if epoch := last_commit_time(folder):
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    modified = edition_time(folder, str(config.extra["article"]["published"]))
    date = datetime.datetime.fromtimestamp(modified, datetime.timezone.utc).date().isoformat()
    config.extra["edition"] = {"modified": modified, "date": day(date)}
    return config
