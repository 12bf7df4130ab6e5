"""Date the build by the last commit, so that one commit always builds the same site.

MkDocs dates every page of ``sitemap.xml`` (and stamps ``sitemap.xml.gz``) with the day of
the build, unless ``SOURCE_DATE_EPOCH`` says otherwise. When it is not set, this hook sets it
to the time of the checkout's last commit; outside a git checkout the clock stays.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def last_commit_time(folder: Path) -> str | None:
    """Seconds since the epoch of the last commit of the checkout holding ``folder``, if any."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True)
    except OSError:  # no git
        return None
    return result.stdout.strip() or None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "SOURCE_DATE_EPOCH" not in os.environ:
        if epoch := last_commit_time(Path(config.config_file_path).parent):
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    return config
